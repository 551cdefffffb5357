"""File formats beyond plain text, found by file suffix through an explicit registry.

Markup (Markdown, HTML) is read as a prose view and aligned sentence by sentence like text;
key-value resources (JSON, YAML, PO, XLIFF) are read as entries and aligned by key. Reader
modules are imported on first use, so a run over plain text never loads their parsers.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import PurePath

from tcheck.load.formats.base import ProseView, Resource
from tcheck.load.formats.versions import Source, prose_version, resource_version
from tcheck.model import Version


@dataclass(frozen=True)
class Reader:
    """One file format: its name, the suffixes that select it and the module that reads it."""

    name: str
    """Format name, stored in ``Version.format``."""
    suffixes: tuple[str, ...]
    """Lower-case file suffixes (with the dot) read by this reader."""
    keyed: bool
    """True for key-value resources, which are aligned by key rather than by sentence."""
    module: str
    """Dotted path of a module with ``read(text: str, name: str) -> ProseView | Resource``."""

    def version(self, text: str, source: Source) -> Version:
        """Read ``text`` (the decoded file) into a Version."""
        parsed = importlib.import_module(self.module).read(text, source.path or source.version_id)
        if isinstance(parsed, ProseView):
            return prose_version(parsed, text, self.name, source)
        if isinstance(parsed, Resource):
            return resource_version(parsed, self.name, source)
        raise TypeError(f"{self.module}.read returned {type(parsed).__name__}")


READERS: tuple[Reader, ...] = (
    Reader("markdown", (".md", ".markdown"), False, "tcheck.load.formats.markdown"),
    Reader("html", (".html", ".htm", ".xhtml"), False, "tcheck.load.formats.html"),
    Reader("json", (".json",), True, "tcheck.load.formats.json_i18n"),
    Reader("yaml", (".yaml", ".yml"), True, "tcheck.load.formats.yaml_i18n"),
    Reader("po", (".po", ".pot"), True, "tcheck.load.formats.po"),
    Reader("xliff", (".xlf", ".xliff"), True, "tcheck.load.formats.xliff"),
)
"""Every format reader; a file whose suffix none of them has is read as plain text."""

_BY_SUFFIX = {suffix: reader for reader in READERS for suffix in reader.suffixes}
_BY_NAME = {reader.name: reader for reader in READERS}
SUFFIXES = frozenset(_BY_SUFFIX)


def reader_for(path: str | PurePath) -> Reader | None:
    """The reader for a file name, or None for plain text."""
    return _BY_SUFFIX.get(PurePath(path).suffix.lower())


def is_keyed(fmt: str) -> bool:
    """Whether versions of this format (``Version.format``) are aligned by key."""
    reader = _BY_NAME.get(fmt)
    return reader is not None and reader.keyed


__all__ = ["READERS", "SUFFIXES", "Reader", "Source", "is_keyed", "reader_for"]

"""Locale trees -> document sets: files paired by path across locale folders or by locale suffix.

Two layouts are recognised with ``--locales ru,uk,bg``: a folder named after the locale
(``content/ru/a/b.md`` <-> ``content/uk/a/b.md``) and a locale in the file name
(``about.ru.md`` <-> ``about.uk.md``, ``ru.json`` <-> ``uk.json``). A pattern such as
``content/{locale}/**/*.md`` states the layout instead and may find the locales itself.
"""

from __future__ import annotations

import logging
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tcheck.batch.model import LOCALE_FIELD, DocumentSet, LocaleFile
from tcheck.errors import ConfigError, InputError
from tcheck.load.formats import SUFFIXES

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = frozenset({".txt"}) | SUFFIXES
"""File types a locale tree is searched for (``--locales``); a pattern names its own."""

LOCALE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
"""``ru``, ``pt-BR``, ``zh_Hant``: a language code with optional region/script subtags."""

_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True)
class TreeSpec:
    """How to find the document sets of a tree."""

    locales: tuple[str, ...] = ()
    """Locales to pair (in report order); empty = every locale the pattern matches."""
    pattern: str | None = None
    """Glob relative to the root with a ``{locale}`` field; None = folder or suffix layout."""

    def __post_init__(self) -> None:
        for loc in self.locales:
            if not LOCALE_CODE.fullmatch(loc):
                raise ConfigError(f"--locales: {loc!r} is not a locale code (e.g. ru, pt-BR)")
        if len(set(self.locales)) != len(self.locales):
            raise ConfigError("--locales: a locale is named twice")
        if self.pattern is None and not self.locales:
            raise ConfigError("a locale tree needs --locales or --pattern")
        if self.pattern is not None and LOCALE_FIELD not in self.pattern:
            raise ConfigError(
                f"--pattern must contain {LOCALE_FIELD}, e.g. content/{{locale}}/**/*.md"
            )


def discover(root: Path, spec: TreeSpec) -> tuple[tuple[str, ...], tuple[DocumentSet, ...]]:
    """The locales in report order and every document set under ``root``, sorted by key."""
    if not root.is_dir():
        raise InputError(f"{root}: a locale tree must be a directory")
    classify = _pattern_classifier(spec) if spec.pattern else _layout_classifier(spec.locales)
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    for rel in _tree_files(root, None if spec.pattern else DOCUMENT_SUFFIXES):
        hit = classify(rel)
        if hit is None:
            continue
        key, locale = hit
        if locale in by_key[key]:  # two files claim one place; keep the first, say so
            log.warning("%s: %s already has a %s file (%s)", rel, key, locale, by_key[key][locale])
            continue
        by_key[key][locale] = rel
    locales = spec.locales or tuple(sorted({loc for files in by_key.values() for loc in files}))
    if not by_key:
        what = spec.pattern or f"files for {', '.join(spec.locales)}"
        raise InputError(f"{root}: no document found ({what})")
    sets = tuple(
        DocumentSet(
            key=key,
            files=tuple(LocaleFile(loc, files[loc]) for loc in locales if loc in files),
            missing=tuple(loc for loc in locales if loc not in files),
        )
        for key, files in sorted(by_key.items())
    )
    return locales, sets


def set_keys(paths: Iterable[str], spec: TreeSpec) -> set[str]:
    """The set keys that tree-relative ``paths`` belong to (for paths that may no longer exist)."""
    classify = _pattern_classifier(spec) if spec.pattern else _layout_classifier(spec.locales)
    keys = set()
    for rel in paths:
        if spec.pattern is None and Path(rel).suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        hit = classify(rel)
        if hit is not None:
            keys.add(hit[0])
    return keys


def _tree_files(root: Path, suffixes: frozenset[str] | None) -> list[str]:
    """Files under ``root`` as sorted relative POSIX paths; hidden entries are skipped."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        for name in files:
            if name.startswith("."):
                continue
            if suffixes is not None and Path(name).suffix.lower() not in suffixes:
                continue
            out.append(Path(folder, name).relative_to(root).as_posix())
    return sorted(out)


def _layout_classifier(locales: Sequence[str]):
    """(key, locale) by a locale in the file name, else by the deepest folder named after one."""
    known = set(locales)

    def classify(rel: str) -> tuple[str, str] | None:
        parts = rel.split("/")
        name = parts[-1]
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        ext = f".{suffix}" if dot else ""
        head, sep, tail = stem.rpartition(".")
        if tail in known:  # about.ru.md, messages.uk.po; a bare ru.json has no head
            parts[-1] = f"{head}{sep}{LOCALE_FIELD}{ext}"
            return "/".join(parts), tail
        for i in range(len(parts) - 2, -1, -1):
            locale = parts[i]
            if locale in known:
                parts[i] = LOCALE_FIELD
                return "/".join(parts), locale
        return None

    return classify


def _pattern_classifier(spec: TreeSpec):
    """(key, locale) for paths the glob matches; the key keeps the path with ``{locale}``."""
    assert spec.pattern is not None
    regex = _glob_regex(spec.pattern.strip().removeprefix("./"), spec.locales)
    fields = [name for name in regex.groupindex if name.startswith("locale")]

    def classify(rel: str) -> tuple[str, str] | None:
        m = regex.fullmatch(rel)
        if m is None:
            return None
        key, last = [], 0
        for start, end in sorted(m.span(name) for name in fields):
            key += [rel[last:start], LOCALE_FIELD]
            last = end
        key.append(rel[last:])
        return "".join(key), m.group("locale")

    return classify


def _glob_regex(pattern: str, locales: Sequence[str]) -> re.Pattern[str]:
    """``content/{locale}/**/*.md`` as a regex with a ``locale`` group (repeated = same value)."""
    if locales:
        locale_re = "|".join(re.escape(loc) for loc in sorted(locales, key=len, reverse=True))
    else:
        locale_re = LOCALE_CODE.pattern
    out: list[str] = []
    seen_locale = 0
    i = 0
    while i < len(pattern):
        if pattern.startswith(LOCALE_FIELD, i):
            if seen_locale:
                out.append(f"(?P<locale_{seen_locale}>(?P=locale))")
            else:
                out.append(f"(?P<locale>{locale_re})")
            seen_locale += 1
            i += len(LOCALE_FIELD)
        elif pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:  # pragma: no cover - every piece above is escaped
        raise ConfigError(f"--pattern {pattern!r}: {exc}") from None

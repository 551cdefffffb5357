"""Build a Version from text or from a file: decode, identify the language, segment."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from tcheck import segment as segmentation
from tcheck.errors import ConfigError, InputError
from tcheck.load import formats
from tcheck.load.decode import DEFAULT_MAX_BYTES, normalize_text, read_text
from tcheck.load.furniture import classify_line, date_prefix_length
from tcheck.load.langid import identify_language, language_code
from tcheck.model import Version

log = logging.getLogger(__name__)

SUPPRESSION_COMMENT = re.compile(r"<!--\s*tcheck:\s*ignore\s+([A-Za-z0-9_,\s-]+?)\s*-->")
"""An inline ``<!-- tcheck: ignore CODE[, CODE] -->``; group 1 holds the codes. Plain text
blanks it out of what is segmented; ``tcheck.suppress`` reads it from the file as written."""


def version_from_text(
    text: str,
    *,
    version_id: str,
    path: str | None = None,
    encoding: str = "utf-8",
    lang: str | None = None,
    segment: str = "auto",
) -> Version:
    """Segment ``text`` into a Version; the language is identified unless ``lang`` is given."""
    if segment not in segmentation.MODES:
        choices = ", ".join(segmentation.MODES)
        raise ConfigError(f"unknown segmentation mode {segment!r} (choose from {choices})")
    written = normalize_text(text)
    text = _blank_suppressions(written)
    if lang is None:
        lang, confidence = identify_language(_body_text(text))
        log.info("%s: language %s (confidence %.2f)", path or version_id, lang, confidence)
    else:
        try:
            lang = language_code(lang)
        except ValueError as exc:
            raise InputError(f"{path or version_id}: {exc}") from None
        confidence = 1.0
    sentences, metadata = segmentation.segment(text, lang, segment)
    return Version(
        id=version_id,
        path=path,
        text=text,
        lang=lang,
        lang_confidence=confidence,
        encoding=encoding,
        sentences=sentences,
        metadata=metadata,
        markup=written if written != text else None,
    )


def version_from_path(
    path: Path,
    *,
    version_id: str | None = None,
    lang: str | None = None,
    segment: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    label: str | None = None,
) -> Version:
    """Read a file into a Version; ``version_id`` defaults to the file stem and ``label`` (the
    path shown in reports) to ``str(path)``. Markup and resource files go through the reader
    their suffix selects (see ``tcheck.load.formats``)."""
    text, encoding = read_text(path, max_bytes=max_bytes)
    reader = formats.reader_for(path)
    if reader is not None:
        source = formats.Source(
            version_id=version_id or path.stem,
            path=label if label is not None else str(path),
            encoding=encoding,
            lang=lang,
            segment=segment,
        )
        return reader.version(text, source)
    return version_from_text(
        text,
        version_id=version_id or path.stem,
        path=label if label is not None else str(path),
        encoding=encoding,
        lang=lang,
        segment=segment,
    )


def _body_text(text: str) -> str:
    """The text without date and furniture lines, which are often in another language."""
    body = []
    for line in text.split("\n"):
        stripped = line.strip()
        if classify_line(stripped) is None:
            body.append(stripped[date_prefix_length(stripped) :])
    return "\n".join(body)


def _blank_suppressions(text: str) -> str:
    """The text with suppression comments blanked to spaces (newlines kept), as Markdown does:
    a comment is no sentence, and every other character keeps its offset, line and column."""
    return SUPPRESSION_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)

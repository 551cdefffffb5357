"""Reader results -> Version: prose views are segmented block by block at their file offsets;
resource values become sentences that carry their key and point at the key's line."""

from __future__ import annotations

import dataclasses
import logging
import re

from tcheck import segment as segmentation
from tcheck.errors import ConfigError, InputError
from tcheck.load.formats.base import LineIndex, ProseView, Resource
from tcheck.load.formats.locale import language_from_name
from tcheck.load.langid import identify_language
from tcheck.model import MetaLine, Sentence, Version

log = logging.getLogger(__name__)

_LANG_CODE = re.compile(r"[a-z]{2,3}")
_BREAKS = str.maketrans("\n\r\t\v\f\u2028\u2029", "       ")


@dataclasses.dataclass(frozen=True)
class Source:
    """Where a version comes from and what the caller already knows about it."""

    version_id: str
    path: str | None
    """The path shown in reports."""
    encoding: str
    lang: str | None
    """The language given by the user (``--lang``, configuration), or None."""
    segment: str


def _checked(source: Source, lang: str | None) -> None:
    if source.segment not in segmentation.MODES:
        choices = ", ".join(segmentation.MODES)
        raise ConfigError(f"unknown segmentation mode {source.segment!r} (choose from {choices})")
    if lang is not None and not _LANG_CODE.fullmatch(lang):
        name = source.path or source.version_id
        raise InputError(f"{name}: language code {lang!r} must be 2-3 lowercase letters")


def _identified(source: Source, sample: str) -> tuple[str, float]:
    lang, confidence = identify_language(sample)
    log.info(
        "%s: language %s (confidence %.2f)", source.path or source.version_id, lang, confidence
    )
    return lang, confidence


def prose_version(view: ProseView, markup: str, fmt: str, source: Source) -> Version:
    """Segment each block of a prose view; offsets, lines and columns are the file's."""
    _checked(source, source.lang)
    name = source.path or source.version_id
    blocks = [(a, b) for a, b in view.blocks if view.text[a:b].strip()]
    if not blocks:
        raise InputError(f"{name}: no prose to compare (only code, markup or front matter)")
    if source.lang is None:
        lang, confidence = _identified(source, "\n".join(view.text[a:b] for a, b in blocks))
    else:
        lang, confidence = source.lang, 1.0
    lines = LineIndex(view.text)
    sentences: list[Sentence] = []
    metadata: list[MetaLine] = []
    paragraph = 0
    for start, end in blocks:
        found, meta = segmentation.segment(view.text[start:end], lang, source.segment)
        for s in found:
            line, column = lines.position(start + s.start)
            sentences.append(
                dataclasses.replace(
                    s,
                    index=len(sentences),
                    start=start + s.start,
                    end=start + s.end,
                    line=line,
                    column=column,
                    paragraph=paragraph + s.paragraph,
                )
            )
        for m in meta:
            line, column = lines.position(start + m.start)
            metadata.append(
                dataclasses.replace(
                    m, start=start + m.start, end=start + m.end, line=line, column=column
                )
            )
        paragraph += 1 + max((s.paragraph for s in found), default=-1)
    return Version(
        id=source.version_id,
        path=source.path,
        text=view.text,
        lang=lang,
        lang_confidence=confidence,
        encoding=source.encoding,
        sentences=tuple(sentences),
        metadata=tuple(metadata),
        format=fmt,
        markup=markup,
    )


def resource_version(resource: Resource, fmt: str, source: Source) -> Version:
    """One paragraph per value: the text is the values one per line (blank lines between), and
    every sentence carries its key and the line and column of its value in the file."""
    declared = resource.lang or (language_from_name(source.path) if source.path else None)
    lang = source.lang or declared
    _checked(source, lang)
    if lang is None:
        sample = "\n".join(t.text for e in resource.entries for t in e.texts)
        lang, confidence = _identified(source, sample)
    else:
        confidence = 1.0
    pieces: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    paragraph = 0
    for entry in resource.entries:
        for value in entry.texts:
            flat = value.text.translate(_BREAKS)
            found, meta = segmentation.segment(flat, lang, source.segment)
            # Every value is application text: a value the page-furniture rules take for a
            # date or a share button ("Поделиться") is still compared.
            spans = sorted(
                [(s.start, s.end, s.headline) for s in found]
                + [(m.start, m.end, True) for m in meta]
            )
            for start, end, headline in spans:
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=flat[start:end],
                        start=offset + start,
                        end=offset + end,
                        line=value.line,
                        column=value.column + start,
                        paragraph=paragraph,
                        headline=headline,
                        key=entry.key,
                    )
                )
            pieces.append(flat + "\n\n")
            offset += len(flat) + 2
            paragraph += 1
    return Version(
        id=source.version_id,
        path=source.path,
        text="".join(pieces),
        lang=lang,
        lang_confidence=confidence,
        encoding=source.encoding,
        sentences=tuple(sentences),
        format=fmt,
    )

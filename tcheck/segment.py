"""Text -> sentences with exact offsets, and the date/furniture lines kept apart from them.

Paragraphs come from the line structure; sentences inside a paragraph from razdel, corrected
where it splits after abbreviations and initials, or treats quote styles differently.
Segments are built from boundary offsets, so every non-blank character lands in exactly one
sentence or one metadata line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from razdel import sentenize

from tcheck.load.furniture import classify_line, date_prefix_length
from tcheck.model import MetaLine, Sentence

MODES = ("auto", "lines")


def _words(spec: str) -> frozenset[str]:
    """A word list written as blank-separated words."""
    return frozenset(spec.split())


_FINAL = frozenset(".!?…:;。！？")
_CLOSERS = "\"'»”“’)]}>"
_CONTINUATION = frozenset(",-–—(/")
"""A line ending in one of these goes on in the next line whatever its case."""
_HEADLINE_MAX = 250
"""A paragraph without final punctuation longer than this is body text that lost its period."""

_PREFIX_ABBR = _words(
    """
    м г р с ул вул буд д корп пр просп пров пер пл бул бульв наб ш смт пгт пос сел обл р-н ім
    им проф акад ген гл св д-р доц ст ч п рис табл бр гр кв mr mrs ms dr prof st gen sen rep
    gov lt col capt sgt rev
    """
)
"""Abbreviations that precede a name or number; never the end of a sentence."""
_POSTNUM_ABBR = _words(
    """
    млн млрд трлн тыс тис хил хиљ грн руб долл дол лв коп р г гг рр ч ст мин сек с км м кг см
    мм га т шт чел ос
    """
)
"""Abbreviations that follow a number ("5 млн.", "2023 г."); they end a sentence only when an
upper-case word follows."""

_LAST_TOKEN = re.compile(r"(\S*?)([^\W\d_][\w-]*)\.[\"'»”“’)]*$")
_INITIAL = re.compile(r"(?:^|[\s(«„“\"'])[^\W\d_a-zа-яёіїєґўђјљњћџѓќѕ]\.$")
_NUMBER_BEFORE = re.compile(r"\d[\d\s.,]*$")
_POSTNUM_SPLIT = re.compile(
    # Starts only where a number starts and never gives digits back (possessive): a long run
    # of digits would otherwise be rescanned from every position (quadratic time).
    r"(?<![\d.,])\d[\d.,]*+\s*(?:" + "|".join(sorted(_POSTNUM_ABBR, key=len, reverse=True)) + r")\."
    r"(?=\s+[«„“\"(]?[^\W\d_])",
    re.IGNORECASE,
)
_CJK_STOP = re.compile(r"[。！？](?=[^\s。！？」』）】”])")


@dataclass(frozen=True)
class _Part:
    """A stretch of body text: [start, end) offsets, stripped of surrounding blanks."""

    start: int
    end: int
    line: int
    """0-based line index of ``start``."""
    after_meta: bool = False
    """The line began with a date stamp (kept apart as metadata): a paragraph starts here."""


def segment(
    text: str, lang: str, mode: str = "auto"
) -> tuple[tuple[Sentence, ...], tuple[MetaLine, ...]]:
    """Split ``text`` into sentences and metadata lines (dates, page furniture).

    ``mode="auto"`` finds paragraphs and headlines from the layout and sentences inside
    paragraphs; ``mode="lines"`` makes each non-empty line one segment.
    """
    if mode not in MODES:
        raise ValueError(f"unknown segmentation mode {mode!r} (choose from {', '.join(MODES)})")
    line_starts = _line_starts(text)
    parts: list[_Part | None] = []
    meta: list[MetaLine] = []
    for number, start in enumerate(line_starts):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        part = _body_of_line(text, start, end, number, line_starts, meta)
        parts.append(part)
    if mode == "lines":
        paragraphs = [[p] for p in parts if p is not None]
    else:
        paragraphs = _paragraphs(text, parts)
    spans: list[tuple[int, int, int, bool]] = []
    for index, paragraph in enumerate(paragraphs):
        start, end = paragraph[0].start, paragraph[-1].end
        if mode == "lines":
            spans.append((start, end, index, not _has_final_punct(text[start:end])))
            continue
        bounds = _sentence_bounds(text, start, end, lang)
        if not _has_final_punct(text[start:end]) and (
            len(bounds) <= 2 or (len(paragraph) == 1 and end - start <= _HEADLINE_MAX)
        ):
            spans.append((start, end, index, True))
            continue
        spans.extend((a, b, index, False) for a, b in itertools.pairwise(bounds))
    sentences = []
    for start, end, paragraph_index, headline in spans:
        start, end = _strip(text, start, end)
        if start >= end:
            continue
        line, column = _position(line_starts, start)
        sentences.append(
            Sentence(
                index=len(sentences),
                text=text[start:end],
                start=start,
                end=end,
                line=line,
                column=column,
                paragraph=paragraph_index,
                headline=headline,
            )
        )
    return tuple(sentences), tuple(meta)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _position(line_starts: list[int], offset: int) -> tuple[int, int]:
    lo, hi = 0, len(line_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1, offset - line_starts[lo] + 1


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _body_of_line(
    text: str,
    start: int,
    end: int,
    number: int,
    line_starts: list[int],
    meta: list[MetaLine],
) -> _Part | None:
    """The body part of one line (None for blank and metadata lines); metadata goes to meta."""
    start, end = _strip(text, start, end)
    if start >= end:
        return None
    kind = classify_line(text[start:end])
    if kind is None:
        prefix = date_prefix_length(text[start:end])
        if prefix:
            meta.append(_meta(text, start, start + prefix, "date", line_starts))
            start, end = _strip(text, start + prefix, end)
            return _Part(start, end, number, after_meta=True)
    else:
        meta.append(_meta(text, start, end, kind, line_starts))
        return None
    return _Part(start, end, number)


def _meta(text: str, start: int, end: int, kind: str, line_starts: list[int]) -> MetaLine:
    line, column = _position(line_starts, start)
    return MetaLine(text=text[start:end], kind=kind, start=start, end=end, line=line, column=column)


def _has_final_punct(segment_text: str) -> bool:
    stripped = segment_text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _FINAL


def _paragraphs(text: str, parts: list[_Part | None]) -> list[list[_Part]]:
    """Group body lines into paragraphs: blank and metadata lines separate them, and inside a
    block a line break separates them too unless the line is soft-wrapped."""
    paragraphs: list[list[_Part]] = []
    current: list[_Part] = []
    for part in parts:
        if part is None:
            if current:
                paragraphs.append(current)
            current = []
            continue
        if current and (part.after_meta or not _soft_wrap(text, current[-1], part)):
            paragraphs.append(current)
            current = []
        current.append(part)
    if current:
        paragraphs.append(current)
    return paragraphs


def _soft_wrap(text: str, previous: _Part, following: _Part) -> bool:
    line = text[previous.start : previous.end]
    if _has_final_punct(line):
        return False
    first = text[following.start]
    return first.islower() or line[-1] in _CONTINUATION


def _sentence_bounds(text: str, start: int, end: int, lang: str) -> list[int]:
    """Offsets where sentences of the paragraph text[start:end] begin, plus ``end``.

    The paragraph is split with every run of blanks squeezed to one: razdel reads only ten
    characters either side of a full stop, so a long run (a suppression comment blanked to
    spaces, padded text) would hide the next sentence and glue the two together.
    """
    chunk, origin = _squeezed(_uniform_quotes(text[start:end]))
    pieces = [(s.start, s.stop) for s in sentenize(chunk)]
    cuts = [a for a, _ in pieces[1:]]
    kept = [0]
    for cut in cuts:
        if not _joined(chunk[kept[-1] : cut].rstrip(), chunk[cut:]):
            kept.append(cut)
    kept.extend(_extra_cuts(chunk))
    starts = sorted({start + origin[cut] for cut in kept if 0 <= cut < len(chunk)} | {start})
    return [*starts, end]


def _squeezed(chunk: str) -> tuple[str, list[int]]:
    """``chunk`` with each run of blanks cut to its first character, and where in ``chunk``
    each character of the result stands (so cuts map back to exact offsets)."""
    origin = [i for i, ch in enumerate(chunk) if not (ch.isspace() and chunk[i - 1 : i].isspace())]
    return "".join(chunk[i] for i in origin), origin


def _uniform_quotes(chunk: str) -> str:
    """Map „…“, “…” and "…" to «…» (same length, so offsets hold).

    razdel reads “ only as an opening quote, so a Bulgarian or Ukrainian „…“ quote would not
    end a sentence where the same Russian «…» quote does.
    """
    out = list(chunk)
    stack: list[str] = []
    for i, ch in enumerate(chunk):
        if ch in "«„":
            stack.append(ch)
            out[i] = "«"
        elif ch == "“":
            if stack and stack[-1] == "„":
                stack.pop()
                out[i] = "»"
            else:
                stack.append(ch)
                out[i] = "«"
        elif ch in "»”":
            if stack:
                stack.pop()
            out[i] = "»"
        elif ch == '"':
            before = chunk[i - 1] if i else " "
            opening = before.isspace() or before in "([{«„“-–—/"
            out[i] = "«" if opening else "»"
    return "".join(out)


def _joined(left: str, right: str) -> bool:
    """Whether razdel's cut between ``left`` and ``right`` is wrong and the pieces belong
    together."""
    head = right.lstrip()
    if not head:
        return True
    first = head[0]
    if first.islower() or first in ",;:)]»”":
        return True
    if first in "-–—" and head[1:].lstrip()[:1].islower():
        return True
    if _INITIAL.search(left):
        return True
    match = _LAST_TOKEN.search(left)
    if match is None or not left.rstrip(_CLOSERS).endswith("."):
        return False
    word = match.group(2).lower()
    before = left[: match.start(2)]
    after_number = bool(_NUMBER_BEFORE.search(before.rstrip())) or _ends_with_postnum(before)
    if word in _POSTNUM_ABBR and after_number:
        return first.isdigit()
    return word in _PREFIX_ABBR


def _ends_with_postnum(before: str) -> bool:
    # "5 млрд. долл.": a unit after a number-plus-unit counts as after a number too.
    match = re.search(r"\d[\d.,]*\s*([^\W\d_]+)\.\s*$", before)
    return bool(match) and match.group(1).lower() in _POSTNUM_ABBR


def _extra_cuts(chunk: str) -> list[int]:
    """Cuts razdel misses: after a post-number abbreviation before a capital ("2020 г. Это"),
    and after CJK full stops, which carry no following space."""
    cuts = []
    for match in _POSTNUM_SPLIT.finditer(chunk):
        nxt = match.end()
        while nxt < len(chunk) and chunk[nxt].isspace():
            nxt += 1
        letter = chunk[nxt:].lstrip("«(")[:1]
        if letter.isupper():
            cuts.append(nxt)
    cuts.extend(m.end() for m in _CJK_STOP.finditer(chunk))
    return cuts

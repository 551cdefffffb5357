"""Markdown -> prose view: paragraphs, headings, list items and table cells, without front
matter, code (fenced, indented, inline), link targets, images, HTML tags and markup characters.

markdown-it-py finds the blocks and their lines; inline markup inside a block is blanked with
patterns, so every kept character stays where it is in the file.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from tcheck.load.formats.base import Blanker, LineIndex, ProseView
from tcheck.load.formats.html import prose_of_html

_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n.*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?\n\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL
)
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)+")
_LIST_PREFIX = re.compile(
    r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))+(?:\[[ xX]\][ \t]+)?"
)
_HEADING_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}(?=[ \t]|$)")
_HEADING_SUFFIX = re.compile(r"[ \t]+#+[ \t]*$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")

_INLINE_BLANKED: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL),  # code spans
    re.compile(r"<!--.*?-->", re.DOTALL),  # comments (suppressions are read from the file)
    re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>"),  # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
    re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"),  # images
)
_LINK = re.compile(
    r"(\[)[^\]\n]*(\](?:\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?[ \t]*\)"
    r"|\[[^\]]*\]))"
)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)", re.MULTILINE)
_EMPHASIS = re.compile(r"(?<![\w*_~\\])[*_~]{1,3}(?=[^\s*_~])|(?<=[^\s*_~\\])[*_~]{1,3}(?![\w*_~])")

_PROSE_TOKENS = frozenset({"paragraph_open", "heading_open"})
_CELL_TOKENS = frozenset({"th_open", "td_open"})


def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read(text: str, name: str) -> ProseView:
    """The prose view of a Markdown document (``name`` is only used in messages)."""
    front = _FRONT_MATTER.match(text)
    body = text
    if front:
        body = re.sub(r"[^\n]", " ", front.group(0)) + text[front.end() :]
    lines = LineIndex(text)
    blanker = Blanker(text, blank=True)
    blocks: list[tuple[int, int]] = []
    done_rows: set[int] = set()
    for kind, first, last, prefix in _prose_lines(_parser().parse(body)):
        start = lines.starts[first]
        end = lines.starts[last] - 1 if last < len(lines.starts) else len(text)
        if kind == "html":
            blocks.extend(prose_of_html(blanker, start, end))
            continue
        if kind == "row":
            if first in done_rows:
                continue
            done_rows.add(first)
        blanker.keep(start, end)
        _blank_prefixes(blanker, text, lines, first, last, prefix)
        _blank_inline(blanker, start, end)
        if kind == "row":
            blocks.extend(_cells(blanker, start, end))
        else:
            blocks.append((start, end))
    return ProseView(blanker.text(), tuple(blocks))


def _prose_lines(tokens) -> Iterator[tuple[str, int, int, str]]:
    """(kind, first line, line after the last, prefix kind) of each prose block, 0-based."""
    quote_depth = 0
    item_lines: list[int] = []
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type == "list_item_open":
            item_lines.append(token.map[0] if token.map else -1)
        elif token.type == "list_item_close":
            item_lines.pop()
        elif token.type == "html_block" and token.map:
            yield "html", token.map[0], token.map[1], ""
        elif token.type in _PROSE_TOKENS | _CELL_TOKENS:
            inline = tokens[i + 1] if i + 1 < len(tokens) else None
            if inline is None or inline.type != "inline" or not inline.map:
                continue
            first, last = inline.map
            if token.type == "heading_open":
                prefix = "heading"
            elif item_lines and item_lines[-1] == first:
                prefix = "item"
            else:
                prefix = "quote" if quote_depth else ""
            kind = "row" if token.type in _CELL_TOKENS else "prose"
            yield kind, first, last, prefix if kind == "prose" else "quote"


def _blank_prefixes(
    blanker: Blanker, text: str, lines: LineIndex, first: int, last: int, prefix: str
) -> None:
    """Blank block markers at line starts: ``>`` quotes, list bullets, ``#`` heading marks."""
    for number in range(first, last):
        start = lines.starts[number]
        end = lines.starts[number + 1] - 1 if number + 1 < len(lines.starts) else len(text)
        line = text[start:end]
        pattern = _QUOTE_PREFIX
        if number == first and prefix == "item":
            pattern = _LIST_PREFIX
        elif prefix == "heading":
            pattern = _HEADING_PREFIX
            suffix = _HEADING_SUFFIX.search(line)
            if suffix:
                blanker.blank(start + suffix.start(), end)
        match = pattern.match(line)
        if match:
            blanker.blank(start, start + match.end())


def _blank_inline(blanker: Blanker, start: int, end: int) -> None:
    """Blank inline markup in ``[start, end)``: code spans, tags, images, link targets,
    escapes and emphasis marks; decode character references."""
    for pattern in _INLINE_BLANKED:
        for m in pattern.finditer("".join(blanker.chars[start:end])):
            blanker.blank(start + m.start(), start + m.end())
    for m in _LINK.finditer("".join(blanker.chars[start:end])):
        blanker.blank(start + m.start(1), start + m.end(1))
        blanker.blank(start + m.start(2), start + m.end(2))
    for pattern in (_EMPHASIS, _ESCAPE):
        for m in pattern.finditer("".join(blanker.chars[start:end])):
            blanker.blank(start + m.start(), start + m.end())
    blanker.decode_entities(start, end)


def _cells(blanker: Blanker, start: int, end: int) -> list[tuple[int, int]]:
    """Blank the pipes of a table row and return its cells as blocks."""
    row = "".join(blanker.chars[start:end])
    cuts = [m.start() for m in _CELL_SEPARATOR.finditer(row)]
    for cut in cuts:
        blanker.blank(start + cut, start + cut + 1)
    bounds = [0, *(c + 1 for c in cuts), len(row) + 1]
    cells = []
    for a, b in itertools.pairwise(bounds):
        piece = row[a : b - 1]
        if piece.strip():
            cells.append((start + a, start + b - 1))
    return cells

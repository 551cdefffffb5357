"""What format readers return: a prose view of a markup file, or the entries of a resource file.

A prose view keeps every offset of the file: non-prose characters are blanked (newlines kept),
so sentences found in it point at the original line and column.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_OPENERS = frozenset("«„“‘‹([{¿¡")
"""Characters that belong to the word after them: an entity for one is padded on the left."""


@dataclass(frozen=True)
class ProseView:
    """The prose of a markup file, at the same offsets as the file's text."""

    text: str
    """The file's text with tags, code, front matter and other non-prose blanked to spaces."""
    blocks: tuple[tuple[int, int], ...]
    """``[start, end)`` of each prose block (paragraph, heading, list item, table cell) in
    reading order; sentences never cross a block boundary."""


@dataclass(frozen=True)
class Text:
    """One string value of a resource, with where it is written."""

    text: str
    """The value as the application shows it (escapes decoded)."""
    line: int
    """1-based line of the key (or of the value where the format puts it on its own line)."""
    column: int
    """1-based column of the value's first character."""


@dataclass(frozen=True)
class Entry:
    """One key of a resource file and its text (several texts for plural forms)."""

    key: str
    """Dotted path (JSON/YAML), ``context::msgid`` (PO) or ``file/unit`` id (XLIFF)."""
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class Resource:
    """The entries of a key-value resource file, in file order."""

    entries: tuple[Entry, ...]
    lang: str | None = None
    """The locale the file declares (PO ``Language``, XLIFF target language, a top-level
    locale key), or None."""


def words(spec: str) -> frozenset[str]:
    """A word list written as blank-separated words."""
    return frozenset(spec.split())


class LineIndex:
    """Offsets <-> 1-based (line, column) in one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and a 0-based column."""
        return self.starts[line - 1] + column


class Blanker:
    """A mutable copy of a text in which spans are blanked or kept; newlines always stay."""

    def __init__(self, text: str, *, blank: bool) -> None:
        self.original = text
        self.chars = [ch if ch == "\n" or not blank else " " for ch in text]

    def blank(self, start: int, end: int) -> None:
        for i in range(start, end):
            if self.chars[i] != "\n":
                self.chars[i] = " "

    def keep(self, start: int, end: int) -> None:
        self.chars[start:end] = self.original[start:end]

    def put(self, start: int, end: int, replacement: str) -> None:
        """Write ``replacement`` (at most ``end - start`` characters) over a span, padded with
        blanks on the side that keeps it next to the word it belongs to."""
        room = end - start
        if len(replacement) > room or "\n" in self.original[start:end]:
            self.blank(start, end)
            return
        pad = " " * (room - len(replacement))
        filled = pad + replacement if replacement[:1] in _OPENERS else replacement + pad
        self.chars[start:end] = filled

    def decode_entities(self, start: int, end: int) -> None:
        """Replace character references (``&laquo;``, ``&#171;``) in a span by their characters."""
        current = "".join(self.chars[start:end])
        for m in _ENTITY.finditer(current):
            decoded = html.unescape(m.group(0))
            if decoded != m.group(0):
                self.put(start + m.start(), start + m.end(), decoded.replace("\xa0", " "))

    def text(self) -> str:
        return "".join(self.chars)

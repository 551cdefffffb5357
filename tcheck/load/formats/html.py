"""HTML -> prose view: the text of the page body without tags, scripts, styles, navigation,
headers, footers, asides and code; block elements (p, li, h1...) delimit prose blocks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tcheck.load.formats.base import Blanker, LineIndex, ProseView, words

_REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;?")

SKIPPED = words("""
    script style head title template noscript nav header footer aside pre code kbd samp var
    svg math iframe object canvas select textarea button form
    """)
"""Elements whose content is not prose to compare."""
_SKIPPED_ROLES = words("navigation banner contentinfo complementary search menu menubar toolbar")
_BLOCKS = words("""
    address article aside blockquote body br caption dd details dialog div dl dt fieldset
    figcaption figure footer h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section summary
    table tbody td tfoot th thead tr ul
    """)
"""Elements that start and end a prose block."""
_VOID = words("area base br col embed hr img input link meta param source track wbr")


class _ProseParser(HTMLParser):
    """Copies the prose characters of ``text[start:end]`` into ``blanker`` and collects blocks."""

    def __init__(self, blanker: Blanker, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.blanker = blanker
        self.base = start
        self.lines = LineIndex(blanker.original[start:end])
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[tuple[int, int]] = []
        self._open: list[int] | None = None

    # --- where things are ---------------------------------------------------------------------

    def _here(self) -> int:
        line, column = self.getpos()
        return self.base + self.lines.offset(line, column)

    @property
    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def _prose(self, start: int, end: int) -> None:
        if self._open is None:
            self._open = [start, end]
        else:
            self._open[1] = end

    def _close_block(self) -> None:
        if self._open is not None:
            self.blocks.append((self._open[0], self._open[1]))
            self._open = None

    # --- parser callbacks ---------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._close_block()
        if tag in _VOID:
            return
        values = dict(attrs)
        skip = (
            tag in SKIPPED
            or (values.get("role") or "").lower() in _SKIPPED_ROLES
            or "hidden" in values
            or (values.get("aria-hidden") or "").lower() == "true"
        )
        self.stack.append((tag, skip))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._close_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._close_block()
        if any(name == tag for name, _ in self.stack):
            while self.stack:
                name, _ = self.stack.pop()
                if name == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self._skipping or not data.strip():
            return
        start = self._here()
        end = start + len(data)
        self.blanker.keep(start, end)
        self._prose(start, end)

    def _reference(self) -> None:
        if self._skipping:
            return
        start = self._here()
        match = _REFERENCE.match(self.blanker.original, start)
        if match is None:
            return
        self.blanker.keep(start, match.end())
        self.blanker.decode_entities(start, match.end())
        self._prose(start, match.end())

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def finish(self) -> list[tuple[int, int]]:
        self.close()
        self._close_block()
        return self.blocks


def prose_of_html(blanker: Blanker, start: int, end: int) -> list[tuple[int, int]]:
    """Keep the prose of ``blanker.original[start:end]`` (everything else stays as it is in
    ``blanker``, blank by default) and return its blocks."""
    parser = _ProseParser(blanker, start, end)
    parser.feed(blanker.original[start:end])
    return parser.finish()


def read(text: str, name: str) -> ProseView:
    """The prose view of an HTML document (``name`` is only used in messages)."""
    blanker = Blanker(text, blank=True)
    blocks = prose_of_html(blanker, 0, len(text))
    return ProseView(blanker.text(), tuple(blocks))

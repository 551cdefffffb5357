"""Placeholders in a string: interpolation slots and inline tags (``{name}``, ``{{count}}``,
``%s``, ``%(x)d``, ``%{x}``, ICU ``{n, plural, ...}``, ``$t(key)``, ``<b>``...``</b>``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_BRACE = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
_PRINTF = re.compile(
    r"%(?:\((?P<name>\w+)\)|\{(?P<ruby>\w+)\}|<(?P<angle>\w+)>)?(?:\d+\$)?"
    r"(?(ruby)|[-+0#]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[sdifuxXoeEgGcpr@])"
)
_NESTING = re.compile(r"\$t\([^()]*\)")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s[^<>]*?)?)\s*(/?)>")
_TAG_ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
_ARGUMENT = re.compile(r"\s*([A-Za-z0-9_.-]*)\s*(?:,\s*([a-z]+)\s*(?:,(.*))?)?", re.DOTALL)
_FORMAT_FIELD = re.compile(r"\s*([A-Za-z0-9_.\[\]-]*)\s*(?:![rsa])?(?::[^{}]*)?")
_BRANCHING = frozenset({"plural", "select", "selectordinal"})


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found in a string."""

    token: str
    """Normalised form compared across versions (``{count}``, ``%s``, ``{n, plural}``, ``<b>``)."""
    start: int
    end: int
    nested: bool = False
    """True inside an ICU branch (``one {...} other {...}``): languages have different numbers
    of branches, so these count once however often they repeat."""


def find_placeholders(text: str) -> list[Placeholder]:
    """Placeholders in ``text``, in order; a span is claimed by the first kind that matches."""
    found: list[Placeholder] = []
    taken: list[tuple[int, int]] = []

    def claim(token: str, start: int, end: int, *, nests: bool = False, nested: bool = False):
        # An ICU argument ``nests``: placeholders inside its branches are claimed as well.
        if not any(a < end and start < b for a, b in taken):
            if not nests:
                taken.append((start, end))
            found.append(Placeholder(token, start, end, nested))

    for m in _DOUBLE_BRACE.finditer(text):
        claim("{{" + "".join(m.group(1).split()) + "}}", m.start(), m.end())
    for m in _PRINTF.finditer(text):
        if m.group("ruby"):
            claim(f"%{{{m.group('ruby')}}}", m.start(), m.end())
        else:
            # Positions (%1$s) may be reordered by a translation; the slots must stay the same.
            claim(re.sub(r"\d+\$", "", m.group(0)), m.start(), m.end())
    for m in _NESTING.finditer(text):
        claim(m.group(0), m.start(), m.end())
    for m in _TAG.finditer(text):
        ident = _TAG_ID.search(m.group(3))
        attrs = f' id="{ident.group(1)}"' if ident else ""
        claim(f"<{m.group(1)}{m.group(2).lower()}{attrs}{m.group(4)}>", m.start(), m.end())
    _braces(text, 0, len(text), claim)
    return sorted(found, key=lambda p: p.start)


def _braces(text: str, start: int, end: int, claim, nested: bool = False) -> None:
    """Single-brace fields between ``start`` and ``end``: ``{name}``, ``{0}``, ``{}``, ICU
    arguments (whose sub-messages are searched too)."""
    i = start
    while i < end:
        if text[i] != "{" or text.startswith("{{", i):
            i += 2 if text.startswith("{{", i) else 1
            continue
        close = _matching(text, i, end)
        if close is None:
            i += 1
            continue
        inner = text[i + 1 : close]
        if "{" in inner:
            argument = _ARGUMENT.fullmatch(inner)
            if argument and argument.group(2) in _BRANCHING and argument.group(1):
                token = f"{{{argument.group(1)}, {argument.group(2)}}}"
                claim(token, i, close + 1, nests=True, nested=nested)
                offset = i + 1 + argument.start(3)
                _sub_messages(text, offset, close, claim)
                i = close + 1
                continue
            i += 1
            continue
        argument = _ARGUMENT.fullmatch(inner)
        field = _FORMAT_FIELD.fullmatch(inner)
        if argument and argument.group(2):
            claim(f"{{{argument.group(1)}, {argument.group(2)}}}", i, close + 1, nested=nested)
        elif field:
            claim(f"{{{field.group(1)}}}", i, close + 1, nested=nested)
        i = close + 1


def _sub_messages(text: str, start: int, end: int, claim) -> None:
    i = start
    while i < end:
        if text[i] == "{":
            close = _matching(text, i, end)
            if close is None:
                return
            _braces(text, i + 1, close, claim, nested=True)
            i = close + 1
        else:
            i += 1


def _matching(text: str, open_at: int, end: int) -> int | None:
    depth = 0
    for i in range(open_at, end):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return None

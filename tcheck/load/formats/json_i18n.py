"""JSON i18n files (i18next, vue-i18n, Chrome-style flat or nested) -> entries with the line
and column of every string value.

The standard library validates the file and gives the error position; a small scanner over
the valid text then records where each string starts (``json`` keeps no positions).
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring

from tcheck.errors import InputError
from tcheck.load.formats.base import LineIndex, Resource, Text
from tcheck.load.formats.tree import Node, resource_from_tree

_BLANK = re.compile(r"[ \t\n\r]*")
_SCALAR = json.JSONDecoder()


def read(text: str, name: str) -> Resource:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}:{exc.colno}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: expected a JSON object of keys and strings at the top")
    lines = LineIndex(text)
    try:
        root, _ = _Scanner(text, lines).value(0)
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply") from None
    return resource_from_tree(root, name)


class _Scanner:
    """Recursive descent over text that ``json.loads`` accepted."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text = text
        self.lines = lines

    def _skip(self, i: int) -> int:
        return _BLANK.match(self.text, i).end()  # type: ignore[union-attr]

    def value(self, i: int) -> tuple[Node, int]:
        i = self._skip(i)
        ch = self.text[i]
        if ch == "{":
            return self._object(i + 1)
        if ch == "[":
            return self._array(i + 1)
        if ch == '"':
            value, end = scanstring(self.text, i + 1)
            line, column = self.lines.position(i + 1)
            return Text(value, line, column), end
        _, end = _SCALAR.raw_decode(self.text, i)
        return None, end

    def _object(self, i: int) -> tuple[Node, int]:
        pairs: list[tuple[str, Node]] = []
        i = self._skip(i)
        if self.text[i] == "}":
            return pairs, i + 1
        while True:
            key, i = scanstring(self.text, self._skip(i) + 1)
            i = self._skip(i) + 1  # the colon
            child, i = self.value(i)
            pairs.append((key, child))
            i = self._skip(i)
            if self.text[i] == "}":
                return pairs, i + 1
            i += 1  # the comma

    def _array(self, i: int) -> tuple[Node, int]:
        pairs: list[tuple[str, Node]] = []
        i = self._skip(i)
        if self.text[i] == "]":
            return pairs, i + 1
        while True:
            child, i = self.value(i)
            pairs.append((str(len(pairs)), child))
            i = self._skip(i)
            if self.text[i] == "]":
                return pairs, i + 1
            i += 1

"""gettext PO files -> entries keyed by ``msgctxt::msgid`` (or ``msgid``) with the translation
and the line of its ``msgstr``; plural forms (``msgstr[n]``) are one entry.

Fuzzy, obsolete and untranslated entries are left out, as ``msgfmt`` leaves them out of the
compiled catalogue: they count as missing in that version.
"""

from __future__ import annotations

import re

from tcheck.errors import InputError
from tcheck.load.formats.base import Entry, Resource, Text
from tcheck.load.formats.locale import language_of

_MSGSTR = re.compile(r"[ \t]*msgstr(?:\[(\d+)\])?[ \t]+\"")
_ERROR_LINE = re.compile(r"\(line (\d+)\)")


def read(text: str, name: str) -> Resource:
    import polib

    # polib takes a one-line string for a file name; a newline makes it content.
    content = text if "\n" in text else text + "\n"
    try:
        catalogue = polib.pofile(content, wrapwidth=0)
    except (OSError, ValueError) as exc:
        line = _ERROR_LINE.search(str(exc))
        where = f":{line.group(1)}" if line else ""
        raise InputError(f"{name}{where}: invalid PO file ({_reason(exc)})") from None
    lines = text.split("\n")
    entries = []
    for entry in catalogue:
        if entry.obsolete or entry.fuzzy or not entry.msgid:
            continue
        key = f"{entry.msgctxt}::{entry.msgid}" if entry.msgctxt else entry.msgid
        where = _msgstr_lines(lines, entry.linenum)
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural.items())
            texts = tuple(
                Text(value, *where.get(index, where.get(0, (entry.linenum, 1))))
                for index, value in forms
                if value
            )
        else:
            texts = (Text(entry.msgstr, *where.get(0, (entry.linenum, 1))),) if entry.msgstr else ()
        if texts:
            entries.append(Entry(key, texts))
    return Resource(tuple(entries), language_of(catalogue.metadata.get("Language")))


def _msgstr_lines(lines: list[str], first: int) -> dict[int, tuple[int, int]]:
    """Plural index (0 for a plain ``msgstr``) -> (line, column) of the translation, found
    from the entry's first line on."""
    out: dict[int, tuple[int, int]] = {}
    for number in range(max(first - 1, 0), len(lines)):
        line = lines[number]
        match = _MSGSTR.match(line)
        if match:
            at = (number + 1, match.end() + 1)
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if line[match.end() :].strip() == '"' and following.lstrip().startswith('"'):
                # msgstr "" with the text on continuation lines: point at the first of them
                at = (number + 2, following.index('"') + 2)
            out[int(match.group(1) or 0)] = at
        elif out and not line.lstrip().startswith('"'):
            break
    return out


def _reason(exc: Exception) -> str:
    return _ERROR_LINE.sub("", str(exc)).strip() or type(exc).__name__

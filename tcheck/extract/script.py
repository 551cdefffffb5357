"""Words that mix Latin and Cyrillic letters, the mark of a homoglyph typo or spoofing."""

from __future__ import annotations

import re

# Letters only: digits and hyphens split a token, so "Shahed-136", "Covid-19" and the
# compound "IT-компанія" (a hyphen between the scripts) are never flagged.
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


def _script(ch: str) -> str | None:
    if "a" <= ch.lower() <= "z" or "\u00c0" <= ch <= "\u024f":
        return "latin"
    if "\u0400" <= ch <= "\u052f":
        return "cyrillic"
    return None


def mixed_script_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) for each word that mixes Latin and Cyrillic letters."""
    out = []
    for m in _WORD.finditer(text):
        scripts = {_script(ch) for ch in m.group()} - {None}
        if len(scripts) > 1:
            out.append((m.start(), m.end(), m.group()))
    return tuple(out)

"""Words that mix Latin and Cyrillic letters, the mark of a homoglyph typo or spoofing, and
the reading of such words as the Cyrillic words they show."""

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


_MK_SR_LOOKALIKES = str.maketrans("acekopxyjAEOCPXKMHTBJ", "асекорхујАЕОСРХКМНТВЈ")
_LOOKALIKES: dict[str, dict[int, int]] = {
    "be": str.maketrans("acekiopxyAEOCPXKMHTBI", "асекіорхуАЕОСРХКМНТВІ"),
    "mk": _MK_SR_LOOKALIKES,
    "sr": _MK_SR_LOOKALIKES,
}
"""The Latin letters typed for their Cyrillic look-alikes in be, mk and sr."""


def fold_lookalikes(text: str, lang: str) -> str:
    """``text`` with the Latin look-alikes inside Cyrillic words written in Cyrillic, letter
    for letter, so offsets carry over: sr "сeптeмбрa", "пeтoм" (a Latin e and o) read as
    the words they show. be, mk and sr only; a mixed word is still reported as such."""
    table = _LOOKALIKES.get(lang)
    if table is None:
        return text
    for start, end, word in mixed_script_words(text):
        text = text[:start] + word.translate(table) + text[end:]
    return text

"""Extract the checkable details of one sentence: names, numbers, dates, sources, scripts.

Importing this package is cheap; the pymorphy3 dictionaries load on first use.
"""

from __future__ import annotations

from tcheck.extract.dates import find_dates
from tcheck.extract.keys import name_key, strict_name_key
from tcheck.extract.model import (
    DateMention,
    Extraction,
    NameMention,
    NameRelation,
    NumberMention,
    SourceMention,
)
from tcheck.extract.names import compare_names, find_names
from tcheck.extract.numbers import find_numbers
from tcheck.extract.placeholders import find_placeholders
from tcheck.extract.script import mixed_script_words
from tcheck.extract.sources import find_sources

__all__ = [
    "DateMention",
    "Extraction",
    "NameMention",
    "NameRelation",
    "NumberMention",
    "SourceMention",
    "compare_names",
    "extract",
    "find_dates",
    "find_names",
    "find_numbers",
    "find_sources",
    "mixed_script_words",
    "name_key",
    "strict_name_key",
]


def extract(text: str, lang: str) -> Extraction:
    """Everything checkable in one sentence ``text`` written in ``lang`` (ISO 639-1).

    Numbers inside date spans, names ("Shahed-136") and placeholders (``{0}``, ``%1$s``) are not
    repeated as numbers.
    """
    lang = (lang or "").lower().split("-")[0]
    names = find_names(text, lang)
    dates = find_dates(text, lang)
    blocked = [(d.start, d.end) for d in dates]
    blocked += [(n.start, n.end) for n in names if any(c.isdigit() for c in n.text)]
    if any(c in text for c in "{%<$"):  # {0}, %1$s: slots, not quantities
        blocked += [(p.start, p.end) for p in find_placeholders(text)]
    numbers = find_numbers(text, lang, blocked)
    sources = find_sources(text, lang, names)
    return Extraction(names=names, numbers=numbers, dates=dates, sources=sources)

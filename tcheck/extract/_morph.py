"""Lazily loaded pymorphy3 analyzers (ru, uk); loading one costs a few hundred ms."""

from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger(__name__)

MORPH_LANGS = frozenset({"ru", "uk"})
PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@functools.cache
def analyzer(lang: str) -> Any | None:
    """The pymorphy3 analyzer for ``lang``, or None where there is none (bg, en...)."""
    if lang not in MORPH_LANGS:
        return None
    try:
        import pymorphy3
    except ImportError:  # the extractor degrades to rules without it
        log.warning("pymorphy3 is not installed; %s falls back to rules", lang)
        return None
    return pymorphy3.MorphAnalyzer(lang=lang)


@functools.lru_cache(maxsize=65536)
def parses(word: str, lang: str) -> tuple[tuple[str, frozenset[str], bool], ...]:
    """(normal form, grammemes, dictionary-backed) for every parse of ``word``."""
    morph = analyzer(lang)
    if morph is None:
        return ()
    out = []
    for p in morph.parse(word):
        # The uk dictionary writes tags as "NOUN,Name,masc,anim gent"; split both halves.
        grams = frozenset(str(p.tag).replace(" ", ",").split(","))
        out.append((p.normal_form, grams, bool(p.is_known)))
    return tuple(out)


def proper_lemma(word: str, lang: str) -> str | None:
    """The lemma of ``word`` when the dictionary knows it as a proper name, else None."""
    cands = []
    for lemma, grams, known in parses(word, lang):
        # The uk dictionary tags few places as Geox (Київ, Японія are plain nouns), so a
        # capitalised uk noun counts; the lemma nearest the word wins (Києві -> київ, not кий).
        if known and (grams & PROPER_TAGS or (lang == "uk" and "NOUN" in grams)):
            cands.append(lemma)
    if not cands:
        return None
    return max(cands, key=lambda lm: (_common_prefix(lm, word.lower()), len(lm)))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def is_known(word: str, lang: str) -> bool:
    return any(known for _, _, known in parses(word, lang))


def common_only(word: str, lang: str) -> bool:
    """True when the dictionary knows ``word`` and only as a common word."""
    ps = [p for p in parses(word, lang) if p[2]]
    return bool(ps) and not any(g & PROPER_TAGS for _, g, _ in ps)


def pos_set(word: str, lang: str) -> frozenset[str]:
    """Parts of speech of the dictionary-backed parses of ``word``."""
    out: set[str] = set()
    for _, grams, known in parses(word, lang):
        if known:
            out |= grams & _POS
    return frozenset(out)


_POS = frozenset(
    {
        "NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR",
        "ADVB", "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ",
    }
)  # fmt: skip


def proper_lemma_strict(word: str, lang: str) -> str | None:
    """The lemma of ``word`` when a dictionary-backed parse carries a proper-name tag."""
    for lemma, grams, known in parses(word, lang):
        if known and grams & PROPER_TAGS:
            return lemma
    return None

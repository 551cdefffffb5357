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
    datives = []
    for lemma, grams, known in parses(word, lang):
        # The uk dictionary tags few places as Geox (Київ, Японія are plain nouns), so a
        # capitalised uk noun counts; the lemma nearest the word wins (Києві -> київ, not кий).
        if known and (grams & PROPER_TAGS or (lang == "uk" and "NOUN" in grams)):
            cands.append(lemma)
            if lang == "uk" and "datv" in grams and _uk_person_dative(word.lower(), lemma, grams):
                datives.append(lemma)
    if not cands:
        return None
    # the dative of a person's name beats the longest shared prefix (see _uk_person_dative)
    pool = datives or cands
    return max(pool, key=lambda lm: (_common_prefix(lm, word.lower()), len(lm)))


_PERSON_TAGS = frozenset({"Name", "Surn"})
_UK_PERSON_DATIVE = ("ові", "еві", "єві")
# What the lemma adds to the stem left by the dative ending: Іван-ові, Павл-ові (Павло),
# Андрі-єві (Андрій), Васил-еві (Василь).
_LEMMA_FINALS = ("", "о", "й", "ь")


def _uk_person_dative(word: str, lemma: str, grams: frozenset[str]) -> bool:
    """Whether ``word`` is the Ukrainian dative in -ові/-еві/-єві of the person's name
    ``lemma`` (Іванові, Борисові, Андрієві).

    The same word is also the locative of a surname in -ов (на Іванові), whose lemma shares a
    longer prefix (Іванов); after a verb of giving the name is far likelier (вручив Іванові
    Федорову), and the surname's own dative is Іванову. The stem must give the lemma, so
    Львові is not read as the name Лев; a stem of three letters at least keeps Києві the
    city Київ, not the legendary Кий.
    """
    if not grams & _PERSON_TAGS or not word.endswith(_UK_PERSON_DATIVE):
        return False
    stem = word[:-3]
    return len(stem) >= 3 and any(lemma == stem + final for final in _LEMMA_FINALS)


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

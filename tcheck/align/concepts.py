"""Shared concepts for frequent words that are not cognates (ru очень / uk дуже / bg много).

Folded n-grams match words that share a stem across Russian, Ukrainian and Bulgarian, but a
short sentence made of everyday words ("Он — свободный человек." / "Він – вільна людина.") can
share none. A small hand-made table (``tcheck/data/concepts.tsv``) maps such words, per language,
to one concept id, which becomes one more feature of the sentence, like a bilingual dictionary
in dictionary-assisted aligners (hunalign). It covers Russian, Ukrainian, Bulgarian, Belarusian,
Macedonian and Serbian (Cyrillic); a concept with an empty cell simply has no words there.

Each cell of the table lists forms of one language: ``сообщ*`` is a stem matching any word that
starts with it, ``он`` matches the whole word only. A whole-word form wins over stems, and a
longer stem over a shorter one. Words compare in lower case, with ё as е and no apostrophes.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

LANGUAGES = ("ru", "uk", "bg", "be", "mk", "sr")


@dataclass(frozen=True)
class LanguageConcepts:
    """The table's column for one language (see :func:`normalize`)."""

    exact: Mapping[str, tuple[str, ...]]
    stems: Mapping[str, tuple[str, ...]]
    shortest_stem: int

    def concepts(self, word: str) -> tuple[str, ...]:
        """The concepts of one word (any case): a form listed under several (bg много is both
        "very" and "many") has them all."""
        folded = normalize(word)
        found = self.exact.get(folded)
        if found is not None:
            return found
        for n in range(len(folded), self.shortest_stem - 1, -1):
            found = self.stems.get(folded[:n])
            if found is not None:
                return found
        return ()


def parse_table(text: str) -> dict[str, LanguageConcepts]:
    """``concept<TAB>forms<TAB>...`` lines, one cell per language of :data:`LANGUAGES` in
    that order (a cell may be empty); ``#`` starts a comment."""
    exact: dict[str, dict[str, tuple[str, ...]]] = {lang: {} for lang in LANGUAGES}
    stems: dict[str, dict[str, tuple[str, ...]]] = {lang: {} for lang in LANGUAGES}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        concept, *cells = line.split("\t")
        if len(cells) != len(LANGUAGES):
            raise ValueError(f"concepts table line {number}: expected {len(LANGUAGES) + 1} fields")
        for lang, cell in zip(LANGUAGES, cells, strict=True):
            for form in filter(None, (f.strip() for f in cell.split(","))):
                table = stems[lang] if form.endswith("*") else exact[lang]
                key = normalize(form.rstrip("*"))
                if concept not in table.get(key, ()):
                    table[key] = (*table.get(key, ()), concept)
    return {
        lang: LanguageConcepts(
            exact[lang], stems[lang], min((len(s) for s in stems[lang]), default=1)
        )
        for lang in LANGUAGES
    }


def normalize(word: str) -> str:
    return word.lower().replace("ё", "е").translate(_NO_APOSTROPHES)


_NO_APOSTROPHES = str.maketrans("", "", "'’ʼ`")


@functools.cache
def _shipped() -> dict[str, LanguageConcepts]:
    text = resources.files("tcheck").joinpath("data/concepts.tsv").read_text(encoding="utf-8")
    return parse_table(text)


def concepts_for(lang: str) -> LanguageConcepts | None:
    """The shipped table's column for ``lang`` (None for languages it does not cover)."""
    return _shipped()[lang] if lang in LANGUAGES else None


def word_concepts(lang: str, word: str) -> tuple[str, ...]:
    """The concepts of ``word`` in ``lang`` (none for languages the table does not cover)."""
    table = concepts_for(lang)
    return table.concepts(word) if table is not None else ()

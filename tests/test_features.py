"""The folded Latin key that lets cognates of Cyrillic Slavic languages share n-grams."""

from __future__ import annotations

import pytest

from tcheck.align.features import fold_word
from tcheck.align.lexical import texts_to_features


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Зеленского", "Зеленського"),  # ru / uk
        ("моя", "моја"),  # ru / sr: the glide written j
        ("любовь", "љубав"),  # ru / sr: љ is a soft l
        ("новая", "нова"),
    ],
)
def test_cognates_share_a_stem(one: str, other: str) -> None:
    assert fold_word(one)[:3] == fold_word(other)[:3]


def test_o_and_a_stay_apart_unless_asked() -> None:
    assert fold_word("голова") != fold_word("галава")
    assert fold_word("голова", akanye=True) == fold_word("галава", akanye=True) == "galava"


def _cosine(langs: list[str]) -> float:
    ru, other = texts_to_features([["Голова болит."], ["Галава баліць."]], langs)
    return float((ru.vectors[0] @ other.vectors[0].T).toarray()[0, 0])


def test_a_belarusian_version_folds_o_into_a_for_every_version() -> None:
    # Belarusian writes unstressed o as a: with it in the run, голова and галава share n-grams
    assert _cosine(["ru", "be"]) > _cosine(["ru", "uk"]) + 0.2

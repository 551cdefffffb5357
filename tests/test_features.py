"""The folded Latin key that lets cognates of Cyrillic Slavic languages share n-grams."""

from __future__ import annotations

import pytest

from tcheck.align.features import fold_word


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

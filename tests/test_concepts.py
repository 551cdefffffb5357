"""Shared concepts for non-cognate everyday words (tcheck/data/concepts.tsv)."""

from __future__ import annotations

import numpy as np
import pytest

from tcheck.align.concepts import LANGUAGES, concepts_for, parse_table, word_concepts
from tcheck.align.features import CONCEPT_WEIGHT, sentence_tokens
from tcheck.align.lexical import texts_to_features

TABLE = (
    "# concept\tru\tuk\tbg\tbe\tmk\tsr\n"
    "very\tочень\tдуже\tмного\tвельмі\tмногу\tвеома,врло\n"
    "many\tмного*\tбагат*\tмного,многоброй*\t\t\t\n"
)


def test_exact_forms_match_whole_words_and_stems_match_prefixes() -> None:
    ru = parse_table(TABLE)["ru"]
    assert ru.concepts("Очень") == ("very",)
    assert ru.concepts("очень-то") == ()
    assert ru.concepts("многочисленные") == ("many",)
    assert ru.concepts("мно") == ()


def test_an_empty_cell_gives_its_language_no_words() -> None:
    be = parse_table(TABLE)["be"]
    assert be.concepts("вельмі") == ("very",)
    assert be.stems == {}


def test_a_form_under_two_concepts_has_both() -> None:
    assert parse_table(TABLE)["bg"].concepts("много") == ("very", "many")


def test_a_malformed_line_names_its_number() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_table("very\tочень\tдуже\tмного\tвельмі\tмногу\tвеома\nmany\tмного*\n")


def test_the_shipped_table_parses_and_covers_each_language() -> None:
    for lang in LANGUAGES:
        table = concepts_for(lang)
        assert table is not None and len(table.exact) + len(table.stems) > 200
    assert concepts_for("en") is None
    assert word_concepts("en", "very") == ()


@pytest.mark.parametrize(
    ("lang", "word", "concept"),
    [
        ("ru", "сообщила", "report_v"),
        ("uk", "повідомив", "report_v"),
        ("bg", "съобщи", "report_v"),
        ("uk", "п'ятниці", "friday"),
        ("uk", "сім’ї", "family"),
        ("ru", "людей", "people"),
        ("bg", "хората", "people"),
        ("be", "вельмі", "very"),
        ("mk", "многу", "very"),
        ("sr", "веома", "very"),
    ],
)
def test_shipped_forms(lang: str, word: str, concept: str) -> None:
    assert concept in word_concepts(lang, word)


def test_stems_do_not_swallow_names() -> None:
    assert word_concepts("ru", "Путин") == ()


def test_a_capitalised_word_after_the_first_is_a_name_not_a_concept() -> None:
    assert sentence_tokens("Очень рад", "ru")["c:very"] == CONCEPT_WEIGHT
    assert "c:family" not in sentence_tokens("Гомер Сім'я", "uk")
    assert sentence_tokens("Наша сім'я", "uk")["c:family"] == CONCEPT_WEIGHT
    assert not any(k.startswith("c:") for k in sentence_tokens("Очень рад"))


def test_non_cognate_sentences_become_alike_only_with_their_languages() -> None:
    docs = [["Он — свободный человек.", "Ситуация очень плохая."], ["Він – вільна людина."]]

    def cosine(langs: list[str] | None) -> float:
        ru, uk = texts_to_features(docs, langs)
        return float((ru.vectors[0] @ uk.vectors[0].T).toarray()[0, 0])

    assert cosine(None) < 0.05
    assert cosine(["ru", "uk"]) > 0.15
    ru, uk = texts_to_features(docs, ["ru", "uk"])
    sims = (ru.vectors @ uk.vectors.T).toarray().ravel()
    assert int(np.argmax(sims)) == 0

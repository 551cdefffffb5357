"""Data-driven cases for tcheck.extract (tests/cases/extract/*.yaml) plus seed checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tcheck.extract import (
    NameRelation,
    compare_names,
    extract,
    find_names,
    mixed_script_words,
    name_key,
    strict_name_key,
)
from tcheck.extract.names import make_mention
from tcheck.extract.numbers import find_numbers

CASES = Path(__file__).parent / "cases" / "extract"


def _load(name: str) -> Any:
    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


NAMES = _load("names.yaml")


@pytest.mark.parametrize("group", NAMES["equal"], ids=lambda g: "=".join(w for w, _ in g))
def test_name_keys_equal(group: list[list[str]]) -> None:
    keys = {name_key(word, lang) for word, lang in group}
    assert len(keys) == 1, {f"{w}/{lang}": name_key(w, lang) for w, lang in group}


@pytest.mark.parametrize("pair", NAMES["differ"], ids=lambda g: "!=".join(w for w, _ in g))
def test_name_keys_differ(pair: list[list[str]]) -> None:
    (a, la), (b, lb) = pair
    assert name_key(a, la) != name_key(b, lb)


@pytest.mark.parametrize("pair", NAMES["strict_differ"], ids=lambda g: "!=".join(w for w, _ in g))
def test_strict_keys_differ(pair: list[list[str]]) -> None:
    (a, la), (b, lb) = pair
    assert strict_name_key(a, la) != strict_name_key(b, lb)


@pytest.mark.parametrize("pair", NAMES["strict_equal"], ids=lambda g: "=".join(w for w, _ in g))
def test_strict_keys_equal(pair: list[list[str]]) -> None:
    (a, la), (b, lb) = pair
    assert strict_name_key(a, la) == strict_name_key(b, lb)


@pytest.mark.parametrize(
    "case", NAMES["relations"], ids=lambda c: f"{c['a'][0]}~{c['b'][0]}:{c['rel']}"
)
def test_name_relations(case: dict[str, Any]) -> None:
    a = make_mention(case["a"][0], 0, case["a"][1])
    b = make_mention(case["b"][0], 0, case["b"][1])
    expected = NameRelation(case["rel"])
    langs = (case["a"][1], case["b"][1])
    assert compare_names(a, b, langs) is expected
    assert compare_names(b, a, langs[::-1]) is expected


@pytest.mark.parametrize("case", NAMES["extract"], ids=lambda c: c["text"][:40])
def test_name_extraction(case: dict[str, Any]) -> None:
    found = [n.text for n in find_names(case["text"], case["lang"])]
    for name in case["names"]:
        assert name in found, found
    for word in case.get("not", []):
        assert all(word not in f.split() for f in found), found
    if not case["names"]:
        assert found == []


@pytest.mark.parametrize("case", _load("numbers.yaml"), ids=lambda c: f"{c['lang']}:{c['text']}")
def test_numbers(case: dict[str, Any]) -> None:
    nums = extract(case["text"], case["lang"]).numbers
    assert [n.value for n in nums] == pytest.approx([float(v) for v in case["values"]])
    for field in ("unit", "ordinal", "approx"):
        key = "units" if field == "unit" else field
        if key in case:
            assert [getattr(n, field) for n in nums] == case[key]
    for n in nums:
        assert case["text"][n.start : n.end] == n.text


@pytest.mark.parametrize("case", _load("dates.yaml"), ids=lambda c: f"{c['lang']}:{c['text']}")
def test_dates(case: dict[str, Any]) -> None:
    ex = extract(case["text"], case["lang"])
    assert [[d.year, d.month, d.day] for d in ex.dates] == case["dates"]
    for d in ex.dates:
        assert case["text"][d.start : d.end] == d.text
        # A number inside a date span is not repeated as a number.
        assert not any(d.start <= n.start < d.end for n in ex.numbers)


@pytest.mark.parametrize(
    "case", _load("sources.yaml"), ids=lambda c: f"{c['lang']}:{c['text'][:40]}"
)
def test_sources(case: dict[str, Any]) -> None:
    lang = case["lang"]
    got = extract(case["text"], lang).sources
    expected = [[kind, name_key(who, lang) if who else ""] for kind, who in case["sources"]]
    assert [[s.kind, s.key] for s in got] == expected
    if "quoted" in case:
        assert all(s.quoted is case["quoted"] for s in got)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Зеленскиi сказал", ["Зеленскиi"]),  # Latin i
        ("Kyоdo News", ["Kyоdo"]),  # Cyrillic о
        ("Укрaина", ["Укрaина"]),  # Latin a
        ("прeзидент", ["прeзидент"]),  # Latin e
        ("Shahed-136 и Covid-19", []),
        ("IT-компанія", []),
        ("Kyodo News и Зеленский", []),
    ],
)
def test_mixed_script(text: str, flagged: list[str]) -> None:
    found = mixed_script_words(text)
    assert [w for _, _, w in found] == flagged
    assert all(text[a:b] == w for a, b, w in found)


def test_seed_story_names(seeds_dir: Path) -> None:
    """000 writes both Такаичи and Такаити: strict keys split, cross keys do not."""
    text = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    mentions = [n for line in text.splitlines() for n in find_names(line, "ru")]
    taka = [n for n in mentions if n.text.startswith(("Такаичи", "Такаити"))]
    assert len({n.strict_key for n in taka}) == 2
    assert len({n.key for n in taka}) == 1
    uk = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    sakae = next(n for line in uk.splitlines() for n in find_names(line, "uk") if "Сакае" in n.text)
    sanae = next(n for n in mentions if "Санаэ" in n.text)
    assert compare_names(sanae, sakae) is NameRelation.CONSONANT


def test_offsets_match_text(seeds_dir: Path) -> None:
    for path, lang in zip(
        sorted(seeds_dir.glob("*.txt")), ["ru", "uk", "uk", "bg", "ru"], strict=False
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            ex = extract(line, lang)
            for m in (*ex.names, *ex.numbers, *ex.dates, *ex.sources):
                assert line[m.start : m.end] == m.text


def test_import_is_cheap() -> None:
    code = "import sys, tcheck.extract; sys.exit('pymorphy3' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_placeholder_digits_are_not_numbers() -> None:
    from tcheck.extract import extract

    found = extract("Привет, {0}! У вас %1$s сообщений и 5 писем.", "ru").numbers
    assert [n.value for n in found] == [5]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("на 385 мили от брега", "bg", [("385 мили", "mi")]),
        ("со скоростью 137 км/ч", "ru", [("137 км", "km")]),
        ("249-кілограмовий кабан", "uk", [("249-кілограмовий", "kg")]),
        ("от 2 до 3 инча на час", "bg", [("2", "in"), ("3 инча", "in")]),
        ("до 85 градуса по Фаренхайт", "bg", [("85 градуса по Фаренхайт", "F")]),
        ("2 милиона души", "bg", [("2 милиона", None)]),
        ("11 футболистов", "ru", [("11", None)]),
        ("5 фунтов стерлингов", "ru", [("5 фунтов", None)]),
    ],
)
def test_units_of_measure_after_numbers(text, lang, expected) -> None:
    assert [(n.text, n.measure) for n in find_numbers(text, lang)] == expected

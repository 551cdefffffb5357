"""A comma or dot before three digits: a decimal in one language, thousands in another.

"1,250" is 1.25 in ru/uk/bg and 1250 in English-influenced mk news; the extractor keeps the
language's reading as the value and the other as an alternative, and the number checks read
the mention the way the other versions give it.
"""

from __future__ import annotations

import pytest

from tcheck.config import Config
from tcheck.extract.numbers import find_numbers
from tcheck.load import version_from_text
from tcheck.model import Finding
from tcheck.pipeline import run_versions

Readings = tuple[float, tuple[float, ...]]

_LEAD = {
    "ru": "Президент Украины прибыл в Токио 12 мая с трехдневным визитом.",
    "bg": "Президентът на Украйна пристигна в Токио на 12 май на тридневно посещение.",
    "mk": "Претседателот на Украина пристигна во Токио на 12 мај на тридневна посета.",
    "sr": "Председник Украјине стигао је у Токио 12 маја у тродневну посету.",
}
"""A first sentence per language, so that the sentences under test align as in a story."""


def _readings(text: str, lang: str) -> list[Readings]:
    """(value, alternatives) of each number, in order."""
    return [(n.value, n.alternatives) for n in find_numbers(text, lang)]


def _findings(texts: dict[str, str]) -> tuple[Finding, ...]:
    """Findings on a story whose versions are keyed by language, with the lead before each."""
    versions = [
        version_from_text(f"{_LEAD[lang]} {text}", version_id=lang, lang=lang)
        for lang, text in texts.items()
    ]
    return run_versions(versions, Config()).findings


def _number_findings(findings: tuple[Finding, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(code, odd versions) of the number findings (TC3)."""
    return [(f.code, f.versions) for f in findings if f.code.startswith("TC3")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the language's reading first, the other kept as an alternative
        ("ru", "1,250 литра", [(1.25, (1250.0,))]),
        ("mk", "1,250 долари", [(1.25, (1250.0,))]),
        ("en", "1,250 people", [(1250.0, (1.25,))]),
        ("ru", "1.250 души", [(1250.0, (1.25,))]),
        ("en", "1.250 times", [(1.25, (1250.0,))]),
        # three zeros, or more than one separator: thousands, nothing else
        ("mk", "820,000 луѓе", [(820000.0, ())]),
        ("ru", "7,000 тонн", [(7000.0, ())]),
        ("en", "820.000 people", [(820000.0, ())]),
        ("mk", "12,345,678 евра", [(12345678.0, ())]),
        # no thousands reading: fewer or more than three digits, a leading zero, space groups
        ("mk", "6,6 тони", [(6.6, ())]),
        ("ru", "1,5 млн", [(1.5e6, ())]),
        ("ru", "1,2345 процента", [(1.2345, ())]),
        ("ru", "0,250 литра", [(0.25, ())]),
        ("ru", "1 250,500 рублей", [(1250.5, ())]),
        # the magnitude, the sign, a range's shared magnitude and a compound apply to both
        ("mk", "1,250 милиони", [(1.25e6, (1.25e9,))]),
        ("ru", "-1,250 градуса", [(-1.25, (-1250.0,))]),
        ("ru", "5,500–7,250 млн", [(5.5e6, (5.5e9,)), (7.25e6, (7.25e9,))]),
        ("ru", "3,250 млрд 200 млн", [(3.45e9, (3.2502e12,))]),
    ],
)
def test_readings(lang: str, text: str, expected: list[Readings]) -> None:
    got = _readings(text, lang)
    assert [v for v, _ in got] == pytest.approx([v for v, _ in expected])
    for (_, alts), (_, want) in zip(got, expected, strict=True):
        assert alts == pytest.approx(want)


def test_two_ambiguous_versions_follow_the_third() -> None:
    # mk and sr each say 1.25 or 1250; ru says 1250, and so do they
    findings = _findings(
        {
            "ru": "Штраф составил 1 250 долларов.",
            "mk": "Казната изнесуваше 1,250 долари.",
            "sr": "Казна је износила 1,250 долара.",
        }
    )
    assert _number_findings(findings) == []


def test_reading_chosen_for_the_value_is_used_for_the_unit() -> None:
    # mk "1,250 долари" is the 1 250 the others give, in another currency
    findings = _findings(
        {
            "ru": "Штраф составил 1 250 евро.",
            "mk": "Казната изнесуваше 1,250 долари.",
            "bg": "Глобата възлиза на 1 250 евро.",
        }
    )
    assert _number_findings(findings) == [("TC303", ("mk",))]

"""False-positive rates of the extractor on a real ru/uk/bg parallel corpus (NTREX-128).

Translations that are correct must mostly extract the same numbers, dates and names; the
floors sit a little under the measured rates so that a regression shows.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from tcheck.extract import Extraction, NameRelation, compare_names, extract

LANGS = {"ru": "rus", "uk": "ukr", "bg": "bul"}


@lru_cache(maxsize=1)
def _extracted(root: str) -> dict[str, list[Extraction]]:
    out = {}
    for lang, code in LANGS.items():
        lines = (Path(root) / f"newstest2019-ref.{code}.txt").read_text(encoding="utf-8")
        out[lang] = [extract(line, lang) for line in lines.splitlines()]
    return out


@pytest.fixture
def corpus(ntrex_dir: Path) -> dict[str, list[Extraction]]:
    ex = _extracted(str(ntrex_dir))
    assert len({len(v) for v in ex.values()}) == 1
    return ex


def test_numbers_agree(corpus: dict[str, list[Extraction]]) -> None:
    ru, uk, bg = corpus["ru"], corpus["uk"], corpus["bg"]
    agree = sum(
        a.number_values == b.number_values == c.number_values
        for a, b, c in zip(ru, uk, bg, strict=True)
    )
    assert agree / len(ru) >= 0.92


def test_dates_agree(corpus: dict[str, list[Extraction]]) -> None:
    ru, uk, bg = corpus["ru"], corpus["uk"], corpus["bg"]
    agree = sum(
        a.date_values == b.date_values == c.date_values for a, b, c in zip(ru, uk, bg, strict=True)
    )
    assert agree / len(ru) >= 0.97


@pytest.mark.parametrize(
    ("target", "key_floor", "rel_floor"), [("uk", 0.68, 0.8), ("bg", 0.55, 0.76)]
)
def test_russian_names_found(
    corpus: dict[str, list[Extraction]], target: str, key_floor: float, rel_floor: float
) -> None:
    total = same_key = related = 0
    ok = (NameRelation.SAME, NameRelation.ORTHOGRAPHY)
    for src, tgt in zip(corpus["ru"], corpus[target], strict=True):
        keys = tgt.name_keys
        for name in src.names:
            total += 1
            same_key += name.key in keys
            related += any(compare_names(name, other) in ok for other in tgt.names)
    assert same_key / total >= key_floor
    assert related / total >= rel_floor

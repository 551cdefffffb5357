"""The Python API as the README shows it."""

from __future__ import annotations

import tcheck


def test_align_can_be_called_repeatedly() -> None:
    texts = {"ru": "Привет, мир. Это тест.", "uk": "Привіт, світе. Це тест."}
    first = tcheck.align(texts)
    second = tcheck.align(texts)
    assert callable(tcheck.align)
    assert first.to_dict() == second.to_dict()
    grouped = sorted(i for g in first.groups for i in g.members["ru"])
    assert grouped == [0, 1]


def test_compare_reports_an_edited_number() -> None:
    report = tcheck.compare(
        {"ru": "В городе живут 1500 человек.", "uk": "У місті живуть 1700 людей."}
    )
    assert [f.code for f in report.findings] == ["TC301"]


def test_two_unrelated_versions_are_both_unrelated() -> None:
    """With no two versions telling one story, neither is the odd one out: a one-line text
    beside an article does not make the article the unrelated one."""
    from pathlib import Path

    article = Path(__file__).resolve().parent.parent / "seeds" / "000_267d5ca6a0868069.txt"
    alignment = tcheck.align({"note": "Погода сегодня хорошая.", "article": article})
    assert sorted(alignment.unrelated) == ["article", "note"]

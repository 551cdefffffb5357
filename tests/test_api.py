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

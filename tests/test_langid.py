"""Language identification on the seeds, on single lines and on the NTREX-128 references."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.load import identify_language

SEED_LANGS = {"000": "ru", "001": "uk", "002": "uk", "003": "bg", "004": "ru"}
NTREX_FILES = {
    "ru": "newstest2019-ref.rus.txt",
    "uk": "newstest2019-ref.ukr.txt",
    "bg": "newstest2019-ref.bul.txt",
    "be": "newstest2019-ref.bel.txt",
    "mk": "newstest2019-ref.mkd.txt",
    "sr": "newstest2019-ref.srp-Cyrl.txt",
    "en": "newstest2019-src.eng.txt",
}
LINES = 400


@pytest.mark.parametrize(("prefix", "lang"), SEED_LANGS.items())
def test_seed_documents(seeds_dir: Path, prefix: str, lang: str) -> None:
    (seed,) = seeds_dir.glob(f"{prefix}_*.txt")
    code, confidence = identify_language(seed.read_text(encoding="utf-8"))
    assert code == lang
    assert confidence > 0.9


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Україна та Японія домовилися про співпрацю.", "uk"),
        ("Украина и Япония договорились о сотрудничестве.", "ru"),
        ("Украйна и Япония се договориха за сътрудничество.", "bg"),
        ("Украіна і Японія дамовіліся пра супрацоўніцтва.", "be"),
        ("Украина и Јапонија се договорија за соработка во одбраната.", "mk"),
        ("Украјина и Јапан су се договорили о сарадњи.", "sr"),
        ("Ukraine and Japan agreed to cooperate.", "en"),
        ("我们走吧", "zh"),
    ],
)
def test_single_lines(line: str, lang: str) -> None:
    assert identify_language(line)[0] == lang


@pytest.mark.parametrize("text", ["", "  ", "12:30 01.08.2025 — 5%", "!!!"])
def test_no_letters_is_undetermined(text: str) -> None:
    assert identify_language(text) == ("und", 0.0)


def _accuracy(path: Path, lang: str) -> float:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()][:LINES]
    lines = [line for line in lines if line]
    return sum(identify_language(line)[0] == lang for line in lines) / len(lines)


# Per-line accuracy on the first 400 NTREX lines; short lines of closely related languages
# (sr/mk, bg/mk, ru/bg) share every letter and function word, so a few are ambiguous.
LINE_FLOOR = {"ru": 0.98, "uk": 0.98, "bg": 0.96, "be": 0.99, "mk": 0.98, "sr": 0.95, "en": 0.99}


@pytest.mark.parametrize("lang", NTREX_FILES)
def test_ntrex_line_accuracy(ntrex_dir: Path, lang: str) -> None:
    assert _accuracy(ntrex_dir / NTREX_FILES[lang], lang) >= LINE_FLOOR[lang]


@pytest.mark.parametrize("lang", NTREX_FILES)
def test_ntrex_paragraph_accuracy(ntrex_dir: Path, lang: str) -> None:
    lines = (ntrex_dir / NTREX_FILES[lang]).read_text(encoding="utf-8").splitlines()[: LINES * 3]
    paragraphs = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    correct = sum(identify_language(p)[0] == lang for p in paragraphs)
    assert correct / len(paragraphs) >= 0.99

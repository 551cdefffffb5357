"""Language identification on the seeds, on single lines and on the NTREX-128 references."""

from __future__ import annotations

import functools
import subprocess
import sys
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
PARAGRAPH_LINES = 1200


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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Її.", "uk"),  # ї alone settles it, however short the line
        ("Ѓорѓи.", "mk"),
        ("Ђорђе.", "sr"),
        ("Ўсё.", "be"),
        # a Russian text quoting Ukrainian names keeps its language: no profile writes both
        # ы and ї, so the borrowed letters rule nothing out
        ("Вчера в Київі и Запоріжжі были отключения: жители выходили на улицы.", "ru"),
    ],
)
def test_distinctive_letters_decide(text: str, lang: str) -> None:
    assert identify_language(text)[0] == lang


def test_model_is_not_loaded_on_import() -> None:
    code = "import sys, tcheck, tcheck.load; sys.exit('py3langid' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@functools.cache
def _ntrex_lines(path: Path) -> tuple[str, ...]:
    return tuple(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("lang", NTREX_FILES)
def test_ntrex_line_accuracy(ntrex_dir: Path, lang: str) -> None:
    """Every line of the references on its own: at least 99% named right per language."""
    lines = [line for line in _ntrex_lines(ntrex_dir / NTREX_FILES[lang]) if line]
    assert len(lines) >= 300
    correct = sum(identify_language(line)[0] == lang for line in lines)
    assert correct / len(lines) >= 0.99


@pytest.mark.parametrize("lang", NTREX_FILES)
def test_ntrex_paragraph_accuracy(ntrex_dir: Path, lang: str) -> None:
    lines = _ntrex_lines(ntrex_dir / NTREX_FILES[lang])[:PARAGRAPH_LINES]
    paragraphs = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    correct = sum(identify_language(p)[0] == lang for p in paragraphs)
    assert correct / len(paragraphs) >= 0.99

"""Ingestion: paths, decoding, file reading and Version building."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from tcheck.errors import ConfigError, InputError
from tcheck.load import (
    collect_paths,
    decode_bytes,
    read_text,
    version_from_path,
    version_from_text,
)

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

# koi8 has no typographic dashes, guillemets or curly quotes: replace them to re-encode seeds.
_KOI8_SAFE = str.maketrans({"–": "-", "«": '"', "»": '"', "„": '"', "“": '"', "’": "'"})


def sentences_of(text: str) -> list[tuple[str, int, int]]:
    version = version_from_text(text, version_id="v", lang="ru")
    return [(s.text, s.line, s.column) for s in version.sentences]


# --- collect_paths ---------------------------------------------------------------------------


def test_collect_paths_expands_directories(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt"):
        (tmp_path / name).write_text("Текст.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Текст.", encoding="utf-8")
    single = tmp_path / "c.html"
    assert collect_paths([tmp_path, str(single)]) == [tmp_path / "a.md", tmp_path / "b.txt", single]


def test_collect_paths_seeds(seeds_dir: Path) -> None:
    assert collect_paths([seeds_dir]) == SEEDS


def test_collect_paths_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        collect_paths([tmp_path / "nope.txt"])


def test_collect_paths_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"no \.txt or \.md files"):
        collect_paths([tmp_path])


# --- decode_bytes ----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
@pytest.mark.parametrize("codec", ["cp1251", "utf-16", "utf-8-sig", "utf-32"])
def test_seed_encodings_decode_exactly(seed: Path, codec: str) -> None:
    original = seed.read_text(encoding="utf-8")
    text, _ = decode_bytes(original.encode(codec), name=seed.name)
    assert text == original
    assert sentences_of(text) == sentences_of(original)


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_koi8_decodes_exactly(seed: Path) -> None:
    original = seed.read_text(encoding="utf-8").translate(_KOI8_SAFE)
    # koi8-r lacks the Ukrainian letters (seed 004 quotes a Ukrainian line): koi8-u has them.
    codec = "koi8-r" if not set("іїєґІЇЄҐ") & set(original) else "koi8-u"
    text, encoding = decode_bytes(original.encode(codec), name=seed.name)
    assert text == original
    assert encoding == codec
    assert sentences_of(text) == sentences_of(original)


def test_cp1251_is_named() -> None:
    data = "Украина и Япония договорились о сотрудничестве.".encode("cp1251")
    assert decode_bytes(data, name="x") == (
        "Украина и Япония договорились о сотрудничестве.",
        "cp1251",
    )


def test_newlines_bom_and_nfc_are_normalised() -> None:
    data = codecs.BOM_UTF8 + "Йод\r\nи\rё".encode().replace("Й".encode(), "И\u0306".encode())
    text, encoding = decode_bytes(data, name="x")
    assert text == "Йод\nи\nё"
    assert encoding == "utf-8-sig"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"text with a NUL \x00 inside",
        bytes(range(256)) * 4,
    ],
    ids=["png", "nul", "all-bytes"],
)
def test_binary_data_is_rejected(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^bin: "):
        decode_bytes(data, name="bin")


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_text_is_rejected(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^e\.txt: file is empty$"):
        decode_bytes(data, name="e.txt")


# --- read_text -------------------------------------------------------------------------------


def test_read_text_limits_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Текст. " * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"larger than 50 bytes.*--max-bytes"):
        read_text(path, max_bytes=50)


def test_read_text_directory_and_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_text_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Текст.", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="cannot read"):
        read_text(path)


def test_read_text_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="file is empty"):
        read_text(path)


# --- versions --------------------------------------------------------------------------------


def test_version_from_path_defaults(seeds_dir: Path) -> None:
    seed = seeds_dir / "003_53ef7e5e28e1b9e1.txt"
    version = version_from_path(seed)
    assert (version.id, version.path, version.lang, version.encoding) == (
        seed.stem,
        str(seed),
        "bg",
        "utf-8",
    )
    assert 0.5 < version.lang_confidence <= 1.0
    assert [m.text for m in version.metadata] == ["Коментари (0)"]
    for s in version.sentences:
        assert version.text[s.start : s.end] == s.text
        assert version.position(s.start) == (s.line, s.column)


def test_version_from_path_overrides(seeds_dir: Path) -> None:
    seed = seeds_dir / "000_267d5ca6a0868069.txt"
    version = version_from_path(seed, version_id="ru", lang="xx", label="seeds/000.txt")
    assert (version.id, version.path, version.lang, version.lang_confidence) == (
        "ru",
        "seeds/000.txt",
        "xx",
        1.0,
    )


@pytest.mark.parametrize("lang", ["RU", "r", "russian", "r1"])
def test_bad_language_code(lang: str) -> None:
    with pytest.raises(InputError, match="2-3 lowercase letters"):
        version_from_text("Текст.", version_id="v", lang=lang)


def test_bad_segment_mode() -> None:
    with pytest.raises(ConfigError, match="segmentation mode"):
        version_from_text("Текст.", version_id="v", segment="words")


def test_version_text_is_normalised() -> None:
    version = version_from_text("\ufeffПервое.\r\nВторое.", version_id="v", path=None)
    assert version.text == "Первое.\nВторое."
    assert [(s.text, s.line) for s in version.sentences] == [("Первое.", 1), ("Второе.", 2)]

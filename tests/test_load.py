"""Ingestion: paths, decoding, file reading and Version building."""

from __future__ import annotations

import codecs
import logging
import os
import random
import struct
from pathlib import Path

import pytest

from tcheck.config import Config
from tcheck.errors import ConfigError, InputError
from tcheck.load import (
    collect_paths,
    decode_bytes,
    read_text,
    version_from_path,
    version_from_text,
)
from tcheck.pipeline import run

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


def test_utf8_cut_off_at_the_end_stays_utf8(caplog: pytest.LogCaptureFixture) -> None:
    original = "Зеленський запросив Такаїчі до Києва. Відповідь – «так»"
    data = original.encode()[:-1]  # half of the closing guillemet
    with caplog.at_level(logging.WARNING, logger="tcheck.load.decode"):
        text, encoding = decode_bytes(data, name="uk.txt")
    assert (text, encoding) == (original[:-1] + "\ufffd", "utf-8")
    assert f"uk.txt: invalid UTF-8 at byte {len(data) - 1}" in caplog.text


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_utf8_with_a_few_bad_bytes_stays_utf8(seed: Path, caplog: pytest.LogCaptureFixture) -> None:
    original = seed.read_text(encoding="utf-8")
    data = original.encode()
    # Bad bytes between characters, as a careless edit or a bad copy leaves them.
    cuts = sorted({len(original[:n].encode()) for n in (40, 300, 301, 900)})
    for cut in reversed(cuts):
        data = data[:cut] + b"\xff" + data[cut:]
    with caplog.at_level(logging.WARNING, logger="tcheck.load.decode"):
        text, encoding = decode_bytes(data, name=seed.name)
    assert encoding == "utf-8"
    assert text.replace("\ufffd", "") == original
    assert f"{seed.name}: invalid UTF-8 at byte {cuts[0]}" in caplog.text


def test_cp1251_with_chance_utf8_sequences_is_still_cp1251() -> None:
    # "Ві" and "дії" in cp1251 happen to be valid UTF-8 (C2 B3, E4 B3 BF): not enough to be UTF-8.
    original = "Відповідь уряду: дії узгоджено з партнерами, рішення ухвалено."
    assert decode_bytes(original.encode("cp1251"), name="x") == (original, "cp1251")


def test_mostly_invalid_utf8_is_not_read_as_utf8() -> None:
    original = "Украина и Япония договорились о сотрудничестве. Минск — 12 дронов."
    data = original.encode("cp1251") + "Ещё.".encode()  # a UTF-8 tail pasted into cp1251
    text, encoding = decode_bytes(data, name="x")
    assert encoding == "cp1251"
    assert text.startswith(original)


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(seed: Path, codec: str) -> None:
    original = seed.read_text(encoding="utf-8")
    assert decode_bytes(original.encode(codec), name=seed.name) == (original, codec)


def test_short_utf16_without_bom() -> None:
    assert decode_bytes("Київ, 2024.".encode("utf-16-le"), name="x") == (
        "Київ, 2024.",
        "utf-16-le",
    )


@pytest.mark.parametrize(
    "data",
    [
        random.Random(0).randbytes(3000),
        b"".join(struct.pack("<I", n * 7919) for n in range(500)),  # NULs at both parities
        b"Plain ASCII with a NUL at an odd offset: \x00 and more ASCII.",  # UTF-16-LE-like
    ],
    ids=["random", "integers", "ascii-nul"],
)
def test_nul_bytes_in_binary_or_ascii_are_not_utf16(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^bin: ") as error:
        decode_bytes(data, name="bin")
    assert "utf-16" not in str(error.value)


def test_stray_nul_is_rejected_with_its_offset(seeds_dir: Path) -> None:
    data = (seeds_dir / "000_267d5ca6a0868069.txt").read_bytes()
    data = data[:729] + b"\x00" + data[729:]
    with pytest.raises(InputError, match=r"^ru\.txt: contains a NUL byte at offset 729 "):
        decode_bytes(data, name="ru.txt")
    data = data[:1000] + b"\x00" + data[1000:]
    with pytest.raises(InputError, match=r"contains 2 NUL bytes, the first at offset 729 "):
        decode_bytes(data, name="ru.txt")


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
    version = version_from_path(seed, version_id="ru", lang="bg", label="seeds/000.txt")
    assert (version.id, version.path, version.lang, version.lang_confidence) == (
        "ru",
        "seeds/000.txt",
        "bg",
        1.0,
    )


@pytest.mark.parametrize("lang", ["xx", "r", "russian", "r1", "und"])
def test_bad_language_code(lang: str) -> None:
    with pytest.raises(InputError, match="unknown language code"):
        version_from_text("Текст.", version_id="v", lang=lang)


@pytest.mark.parametrize(("given", "lang"), [("RU", "ru"), ("rus", "ru"), ("uk-UA", "uk")])
def test_language_code_is_normalised(given: str, lang: str) -> None:
    assert version_from_text("Текст.", version_id="v", lang=given).lang == lang


def test_bad_segment_mode() -> None:
    with pytest.raises(ConfigError, match="segmentation mode"):
        version_from_text("Текст.", version_id="v", segment="words")


def test_version_text_is_normalised() -> None:
    version = version_from_text("\ufeffПервое.\r\nВторое.", version_id="v", path=None)
    assert version.text == "Первое.\nВторое."
    assert [(s.text, s.line) for s in version.sentences] == [("Первое.", 1), ("Второе.", 2)]


def test_suppression_comment_in_plain_text_is_not_a_sentence() -> None:
    text = "<!-- tcheck: ignore TC301 -->\nПервое 5 раз.\n\nВторое.\n<!-- tcheck: ignore TC2 --> Третье."
    version = version_from_text(text, version_id="v", lang="ru")
    assert [(s.text, s.line, s.column) for s in version.sentences] == [
        ("Первое 5 раз.", 2, 1),
        ("Второе.", 4, 1),
        ("Третье.", 5, 29),
    ]
    assert version.markup == text
    assert len(version.text) == len(text) and "tcheck" not in version.text
    for s in version.sentences:
        assert text[s.start : s.end] == s.text


def test_suppression_comment_in_plain_text_suppresses(tmp_path: Path) -> None:
    ru = tmp_path / "ru.txt"
    ru.write_text(
        "<!-- tcheck: ignore TC301 -->\nПрезидент сказал это 5 раз в Киеве.\n\n"
        "Второе предложение про 12 дронов здесь.\n",
        encoding="utf-8",
    )
    uk = tmp_path / "uk.txt"
    uk.write_text(
        "Президент сказав це 7 разів у Києві.\nДруге речення про 12 дронів тут.\n",
        encoding="utf-8",
    )
    report = run([ru, uk], Config())
    assert report.findings == ()
    assert report.suppressed == 1

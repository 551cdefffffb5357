"""The translation cache never fails a run and never loses or poisons translations.

Corrupt and locked cache files are detected and rebuilt or bypassed with a warning; concurrent
writers lose nothing; a model that raises, answers with empty strings or with the wrong number
of translations leaves nothing wrong behind in the cache.
"""

from __future__ import annotations

import logging
import multiprocessing
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from tcheck.errors import BackboneError
from tcheck.mt.cache import SCHEMA_VERSION, CachedTranslator, TranslationCache

TEXTS = [f"Предложение номер {i}." for i in range(40)]


class FakeTranslator:
    """Upper-cases its input; counts the texts it was asked for; can be told to misbehave."""

    name = "fake@1"
    decoding = "beams=1"

    def __init__(self, mode: str = "ok") -> None:
        self.mode = mode
        self.calls = 0

    def translate(self, texts: Sequence[str], *, src: str, tgt: str) -> list[str]:
        self.calls += len(texts)
        if self.mode == "raise":
            raise BackboneError("model 'fake@1' ran out of GPU memory")
        if self.mode == "oom":
            raise MemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        if self.mode == "empty":
            return ["" for _ in texts]
        if self.mode == "short":
            return [t.upper() for t in texts[:-1]]
        return [t.upper() for t in texts]


def _translator(path: Path, mode: str = "ok", timeout: float = 5.0) -> CachedTranslator:
    return CachedTranslator(FakeTranslator(mode), TranslationCache(path, timeout=timeout))


def _expected(texts: Sequence[str]) -> list[str]:
    return [t.upper() for t in texts]


# -- corrupt and locked files ------------------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00garbage, not SQLite" * 200)


def _truncated(path: Path) -> None:
    with TranslationCache(path) as cache:
        cache.put_many("fake@1", "ru", "en", "beams=1", [(t, t.upper()) for t in TEXTS])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3] + b"\xff" * 1000)


def _future_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.close()


def _wrong_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE translations (x INTEGER)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage", [_garbage, _truncated, _future_schema, _wrong_table])
def test_a_damaged_cache_is_rebuilt_with_a_warning(damage, tmp_path: Path, caplog):
    path = tmp_path / "translations.sqlite"
    damage(path)
    translator = _translator(path)
    with caplog.at_level(logging.WARNING, logger="tcheck.mt.cache"):
        assert translator.translate(TEXTS, src="ru", tgt="en") == _expected(TEXTS)
    assert "translation cache" in caplog.text
    # the next run is answered from the rebuilt cache (or, at worst, by the model again)
    again = _translator(path)
    assert again.translate(TEXTS, src="ru", tgt="en") == _expected(TEXTS)
    if damage is not _wrong_table:
        assert again.inner.calls == 0


def test_a_locked_cache_is_bypassed_with_a_warning(tmp_path: Path, caplog):
    path = tmp_path / "translations.sqlite"
    with TranslationCache(path) as cache:
        cache.put_many("fake@1", "ru", "en", "beams=1", [("x", "X")])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        translator = _translator(path, timeout=0.2)
        with caplog.at_level(logging.WARNING, logger="tcheck.mt.cache"):
            assert translator.translate(TEXTS[:5], src="ru", tgt="en") == _expected(TEXTS[:5])
        assert "disabled" in caplog.text or "locked" in caplog.text
        assert translator.inner.calls == 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # once the lock is gone the cache works again and still holds the earlier row
    later = _translator(path)
    assert later.translate(["x"], src="ru", tgt="en") == ["X"] and later.inner.calls == 0


def test_a_cache_path_that_is_a_directory_is_bypassed(tmp_path: Path, caplog):
    path = tmp_path / "translations.sqlite"
    path.mkdir()
    with caplog.at_level(logging.WARNING, logger="tcheck.mt.cache"):
        assert _translator(path).translate(TEXTS[:3], src="ru", tgt="en") == _expected(TEXTS[:3])
    assert "translation cache" in caplog.text


# -- concurrent writers ------------------------------------------------------------------------


def _writer(path: str, start: int, stop: int, barrier) -> None:
    texts = [f"text {i}" for i in range(start, stop)]
    barrier.wait()
    translator = CachedTranslator(FakeTranslator(), TranslationCache(path))
    for k in range(0, len(texts), 7):  # many small transactions interleave with the others
        assert translator.translate(texts[k : k + 7], src="ru", tgt="en") == _expected(
            texts[k : k + 7]
        )


def test_three_processes_writing_at_once_lose_nothing(tmp_path: Path):
    path = str(tmp_path / "translations.sqlite")
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(3)
    ranges = [(0, 120), (80, 200), (150, 260)]  # overlapping: the same rows written twice
    procs = [ctx.Process(target=_writer, args=(path, a, b, barrier)) for a, b in ranges]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    cache = TranslationCache(path)
    texts = [f"text {i}" for i in range(260)]
    found = cache.get_many("fake@1", "ru", "en", "beams=1", texts)
    assert len(cache) == 260
    assert found == dict(zip(texts, _expected(texts), strict=True))


# -- a misbehaving model -----------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["raise", "oom"])
def test_a_model_failure_stores_nothing_and_propagates(mode, tmp_path: Path):
    path = tmp_path / "translations.sqlite"
    with pytest.raises((BackboneError, MemoryError)):
        _translator(path, mode).translate(TEXTS[:4], src="ru", tgt="en")
    assert len(TranslationCache(path)) == 0
    healthy = _translator(path)
    assert healthy.translate(TEXTS[:4], src="ru", tgt="en") == _expected(TEXTS[:4])
    assert healthy.inner.calls == 4


def test_empty_translations_are_not_cached(tmp_path: Path, caplog):
    path = tmp_path / "translations.sqlite"
    broken = _translator(path, "empty")
    with caplog.at_level(logging.WARNING, logger="tcheck.mt.cache"):
        assert broken.translate([*TEXTS[:3], "…"], src="ru", tgt="en") == ["", "", "", ""]
    assert "not cached" in caplog.text
    assert len(TranslationCache(path)) == 1  # only the text without letters
    healthy = _translator(path)
    assert healthy.translate(TEXTS[:3], src="ru", tgt="en") == _expected(TEXTS[:3])
    assert healthy.inner.calls == 3


def test_a_wrong_number_of_translations_is_a_one_line_error(tmp_path: Path):
    path = tmp_path / "translations.sqlite"
    with pytest.raises(BackboneError, match=r"returned 3 translations for 4 ru texts") as err:
        _translator(path, "short").translate(TEXTS[:4], src="ru", tgt="en")
    assert "\n" not in str(err.value)
    assert len(TranslationCache(path)) == 0

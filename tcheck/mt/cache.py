"""On-disk translation cache (SQLite) and a translator wrapper that sends only misses to a model.

Several tcheck processes may share one cache file: WAL journal, a busy timeout, INSERT OR IGNORE
and a few retries keep concurrent writers from losing rows. The cache is an accelerator, never a
reason to fail: a corrupt file is moved aside and rebuilt, and a cache that cannot be written to
turns itself off with a warning.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from tcheck.errors import BackboneError
from tcheck.mt.settings import MTSettings, Translator

log = logging.getLogger(__name__)

CACHE_FILE = "translations.sqlite"
SCHEMA_VERSION = 1
_LOOKUP_CHUNK = 400  # stays under SQLite's host-parameter limit with room to spare
_RETRIES = 5
_T = TypeVar("_T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    decoding TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (model, src, tgt, decoding, text_sha256)
) WITHOUT ROWID
"""


def default_cache_dir() -> Path:
    """The per-user cache directory of tcheck (platformdirs)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tcheck", appauthor=False))


def text_key(text: str) -> str:
    """sha256 of a text: cache rows never store the source text itself."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationCache:
    """SQLite store of translations keyed by model@revision, languages, decoding and text hash."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, timeout: float = 30.0
    ) -> None:
        self.path = Path(path) if path is not None else default_cache_dir() / CACHE_FILE
        self.timeout = timeout
        self.enabled = True
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def from_settings(cls, settings: MTSettings) -> TranslationCache:
        base = Path(settings.cache_dir).expanduser() if settings.cache_dir else default_cache_dir()
        return cls(base / CACHE_FILE)

    # -- connection ----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                log.debug("translation cache %s is not in WAL mode (%s)", self.path, mode)
            conn.execute("PRAGMA synchronous = NORMAL")
            check = conn.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check[0] if check else 'no answer'}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise sqlite3.DatabaseError(f"unknown cache schema version {version}")
            conn.execute(_SCHEMA)
            if version == 0:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _move_aside(self, reason: BaseException) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{os.getpid()}")
        log.warning(
            "translation cache %s is unreadable (%s); moved to %s and rebuilt",
            self.path,
            reason,
            aside.name,
        )
        moves = [(self.path, aside)] + [
            (self.path.with_name(self.path.name + sfx), aside.with_name(aside.name + sfx))
            for sfx in ("-wal", "-shm")
        ]
        for old, new in moves:
            try:
                os.replace(old, new)
            except FileNotFoundError:  # absent, or another process moved it first
                pass
            except OSError as exc:  # the reconnect that follows fails and disables the cache
                log.warning("cannot move %s aside: %s", old, exc)

    def _open(self) -> sqlite3.Connection | None:
        if self._conn is not None or not self.enabled:
            return self._conn
        try:
            try:
                self._conn = self._connect_patiently()
            except sqlite3.OperationalError:
                raise  # locked, busy, unable to open: no sign of damage, never move it aside
            except sqlite3.DatabaseError as exc:  # not a database, malformed, unknown schema
                self._move_aside(exc)
                self._conn = self._connect()
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)
        return self._conn

    def _connect_patiently(self) -> sqlite3.Connection:
        """Connect, retrying while other processes create or lock the file."""
        for attempt in range(_RETRIES):
            try:
                return self._connect()
            except sqlite3.OperationalError:
                if attempt + 1 == _RETRIES:
                    raise
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    def _disable(self, exc: BaseException) -> None:
        log.warning("translation cache %s disabled for this run: %s", self.path, exc)
        self.enabled = False
        self.close()

    def close(self) -> None:
        """Close the connection (reopened on next use)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _retry(self, action: Callable[[sqlite3.Connection], _T], default: _T) -> _T:
        """Run ``action`` with retries on a busy database; on other failures disable the cache."""
        for attempt in range(_RETRIES):
            conn = self._open()
            if conn is None:
                return default
            try:
                return action(conn)
            except sqlite3.OperationalError as exc:
                if ("locked" in str(exc) or "busy" in str(exc)) and attempt + 1 < _RETRIES:
                    time.sleep(0.05 * 2**attempt)
                    continue
                self._disable(exc)
            except sqlite3.DatabaseError as exc:  # corrupted while open: rebuild once
                self.close()
                self._move_aside(exc)
        return default

    # -- queries -------------------------------------------------------------------------------

    def get_many(
        self, model: str, src: str, tgt: str, decoding: str, texts: Iterable[str]
    ) -> dict[str, str]:
        """Translations found for ``texts`` (text -> translation); misses are absent."""
        by_key: dict[str, str] = {text_key(t): t for t in texts}
        keys = list(by_key)

        def lookup(conn: sqlite3.Connection) -> dict[str, str]:
            found: dict[str, str] = {}
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    "SELECT text_sha256, translation FROM translations WHERE model = ? AND"
                    f" src = ? AND tgt = ? AND decoding = ? AND text_sha256 IN ({marks})",
                    (model, src, tgt, decoding, *chunk),
                )
                for key, translation in rows:
                    found[by_key[key]] = translation
            return found

        return self._retry(lookup, {}) if keys else {}

    def put_many(
        self, model: str, src: str, tgt: str, decoding: str, pairs: Iterable[tuple[str, str]]
    ) -> int:
        """Store (text, translation) pairs; rows already present are kept. Returns rows given."""
        now = time.time()
        rows = [(model, src, tgt, decoding, text_key(t), tr, now) for t, tr in pairs]

        def insert(conn: sqlite3.Connection) -> int:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT OR IGNORE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?)", rows
                )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return len(rows)

        return self._retry(insert, 0) if rows else 0

    def __len__(self) -> int:
        return self._retry(
            lambda conn: int(conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0]), 0
        )


class CachedTranslator:
    """A Translator that answers from a TranslationCache and sends only misses to ``inner``.

    ``model_calls`` counts texts sent to the model, ``cache_hits`` texts answered from the cache.
    Repeated texts within one call are translated once.
    """

    def __init__(self, inner: Translator, cache: TranslationCache) -> None:
        self.inner = inner
        self.cache = cache
        self.model_calls = 0
        self.cache_hits = 0

    @property
    def name(self) -> str:
        return self.inner.name

    def name_for(self, src: str, tgt: str) -> str:
        name_for = getattr(self.inner, "name_for", None)
        return str(name_for(src, tgt)) if callable(name_for) else self.inner.name

    @property
    def decoding(self) -> str:
        return str(getattr(self.inner, "decoding", ""))

    def translate(self, texts: Sequence[str], *, src: str, tgt: str) -> list[str]:
        wanted = list(dict.fromkeys(t for t in texts if t.strip()))
        if not wanted:
            return list(texts)
        model, decoding = self.name_for(src, tgt), self.decoding
        found = self.cache.get_many(model, src, tgt, decoding, wanted)
        misses = [t for t in wanted if t not in found]
        self.cache_hits += sum(1 for t in texts if t in found)
        if misses:
            translated = list(self.inner.translate(misses, src=src, tgt=tgt))
            self.model_calls += len(misses)
            if len(translated) != len(misses):
                raise BackboneError(
                    f"model '{model}' returned {len(translated)} translations for "
                    f"{len(misses)} {src} texts"
                )
            fresh = dict(zip(misses, translated, strict=True))
            # An empty answer for real text is a failure, not a translation: keep it out of
            # the cache so that a later run asks the model again.
            keep = [(t, tr) for t, tr in fresh.items() if tr.strip() or not _has_letters(t)]
            if len(keep) < len(fresh):
                log.warning(
                    "%s: %d empty %s translations not cached", model, len(fresh) - len(keep), tgt
                )
            self.cache.put_many(model, src, tgt, decoding, keep)
            found.update(fresh)
        return [found.get(t, t) for t in texts]


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)

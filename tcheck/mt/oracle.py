"""A translator that looks translations up in parallel text: an oracle for tests and benchmarks."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from tcheck.errors import InputError
from tcheck.mt.langs import base_lang


class ParallelFileTranslator:
    """Translates by exact lookup (surrounding whitespace ignored) in parallel lines.

    Built from one pair of line lists, which then serves any language pair, or from a multi-way
    corpus (``{"ru": lines, "uk": lines, "en": lines}``, line i of each being translations of one
    another), which serves every pair of its languages. Unknown text comes back unchanged and
    counts as a miss.
    """

    def __init__(
        self,
        src_lines: Sequence[str] = (),
        tgt_lines: Sequence[str] = (),
        *,
        name: str = "parallel-oracle",
    ) -> None:
        if len(src_lines) != len(tgt_lines):
            raise InputError(
                f"parallel lists differ in length: {len(src_lines)} and {len(tgt_lines)} lines"
            )
        self._name = name
        self._any: dict[str, str] = _table(src_lines, tgt_lines)
        self._corpus: dict[str, list[str]] = {}
        self._tables: dict[tuple[str, str], dict[str, str]] = {}
        self.calls = 0
        self.hits = 0
        self.misses = 0

    @classmethod
    def from_files(
        cls, src_path: str | os.PathLike[str], tgt_path: str | os.PathLike[str], **kwargs: str
    ) -> ParallelFileTranslator:
        """From two line-aligned UTF-8 files."""
        return cls(_read_lines(src_path), _read_lines(tgt_path), **kwargs)

    @classmethod
    def from_corpus(
        cls, columns: Mapping[str, Sequence[str]], *, name: str = "parallel-oracle"
    ) -> ParallelFileTranslator:
        """From a multi-way parallel corpus: language -> lines, all of the same length."""
        lengths = {lang: len(lines) for lang, lines in columns.items()}
        if len(set(lengths.values())) > 1:
            raise InputError(f"multi-way corpus columns differ in length: {lengths}")
        oracle = cls(name=name)
        oracle._corpus = {base_lang(lang): list(lines) for lang, lines in columns.items()}
        return oracle

    @property
    def name(self) -> str:
        return self._name

    def translate(self, texts: Sequence[str], *, src: str, tgt: str) -> list[str]:
        table = self._pair_table(src, tgt)
        self.calls += 1
        out: list[str] = []
        for text in texts:
            if not text.strip():
                out.append(text)
                continue
            found = table.get(text.strip())
            if found is None:
                self.misses += 1
                out.append(text)
            else:
                self.hits += 1
                out.append(found)
        return out

    def _pair_table(self, src: str, tgt: str) -> dict[str, str]:
        s, t = base_lang(src), base_lang(tgt)
        if s in self._corpus and t in self._corpus:
            if (s, t) not in self._tables:
                self._tables[s, t] = _table(self._corpus[s], self._corpus[t])
            return self._tables[s, t]
        return self._any


def _table(src_lines: Sequence[str], tgt_lines: Sequence[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for s, t in zip(src_lines, tgt_lines, strict=True):
        table.setdefault(s.strip(), t.strip())  # first translation of a repeated line wins
    return table


def _read_lines(path: str | os.PathLike[str]) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read parallel file '{path}': {exc}") from None

"""Per-sentence feature vectors shared by every backbone: a Latin key, n-grams and anchors.

Russian, Ukrainian and Bulgarian share most stems once written in one script, so character
n-grams of a folded transliteration carry most of the alignment signal; numbers and Latin-script
tokens are anchors that survive translation verbatim and get a higher weight.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii
from scipy import sparse

_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)
_DIGITS = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
_LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z0-9]+\b")
# Regular ru/uk/bg correspondences after anyascii: fold them so cognates share n-grams.
_FOLDS = (
    (re.compile(r"['’ʼ`]"), ""),
    (re.compile(r"shch|sht"), "sh"),
    (re.compile(r"(?:i?y|i)(?=[aeou])"), ""),
    (re.compile(r"y"), "i"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)

NUMBER_WEIGHT = 3.0
LATIN_WEIGHT = 2.0
STEM_WEIGHT = 1.0
STEM_LEN = 5


@functools.lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """A word in one folded Latin spelling (Зеленського -> zelenskogo, Зеленский -> zelenskii)."""
    out = anyascii(word).lower()
    for pattern, repl in _FOLDS:
        out = pattern.sub(repl, out)
    return out


def sentence_tokens(text: str) -> Counter[str]:
    """Weighted features of one sentence: folded trigrams, word stems, numbers, Latin tokens."""
    feats: Counter[str] = Counter()
    for raw in _WORD.findall(text):
        if raw[0].isdigit():
            continue
        for f, weight in _word_features(raw):
            feats[f] += weight
    for num in _DIGITS.findall(text):
        value = re.sub(r"[ \u00a0\u202f]", "", num).replace(",", ".")
        feats["#" + value] += NUMBER_WEIGHT
    for latin in _LATIN_WORD.findall(text):
        feats["L:" + latin.lower()] += LATIN_WEIGHT
    return feats


@functools.lru_cache(maxsize=1 << 16)
def _word_features(raw: str) -> tuple[tuple[str, float], ...]:
    """Folded trigrams (with word boundaries) and the stem of one word."""
    word = fold_word(raw)
    padded = f" {word} "
    out = [(padded[k : k + 3], 1.0) for k in range(len(padded) - 2)]
    if len(word) >= 4:
        out.append(("w:" + word[:STEM_LEN], STEM_WEIGHT))
    return tuple(out)


@dataclass(frozen=True)
class Features:
    """L2-normalised sentence vectors of one version, in a space shared by one alignment run."""

    vectors: sparse.csr_matrix
    """One row per sentence, unit length (zero rows for sentences without features)."""
    lengths: np.ndarray
    """Character length of each sentence (float64)."""


class FeatureSpace:
    """Maps feature strings to columns and applies inverse document frequency over a run."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def vectorize(self, docs: Sequence[Sequence[Counter[str]]]) -> list[sparse.csr_matrix]:
        """Vectorize several versions at once so idf is computed over all of them."""
        df: Counter[str] = Counter()
        n = 0
        for doc in docs:
            for feats in doc:
                df.update(feats.keys())
                n += 1
        idf = {f: math.log((n + 1) / (c + 1)) + 1.0 for f, c in df.items()}
        return [self._matrix(doc, idf) for doc in docs]

    def _matrix(self, doc: Sequence[Counter[str]], idf: dict[str, float]) -> sparse.csr_matrix:
        index = self._index
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for feats in doc:
            for f, c in feats.items():
                indices.append(index.setdefault(f, len(index)))
                data.append(math.sqrt(c) * idf[f])
            indptr.append(len(indices))
        width = max(len(index), 1)
        m = sparse.csr_matrix(
            (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
            shape=(len(doc), width),
        )
        return normalize_rows(m)

    @property
    def width(self) -> int:
        return max(len(self._index), 1)


def normalize_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (rows without features stay zero)."""
    m = sparse.csr_matrix(m, copy=True)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m.data /= np.repeat(norms, np.diff(m.indptr))
    return m

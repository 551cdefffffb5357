"""Per-sentence feature vectors shared by every backbone: a Latin key, n-grams and anchors.

Russian, Ukrainian and Bulgarian share most stems once written in one script, so character
n-grams of a folded transliteration carry most of the alignment signal; numbers and Latin-script
tokens are anchors that survive translation verbatim and get a higher weight.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii
from scipy import sparse

from tcheck.align.concepts import word_concepts

# Ukrainian п'ятниця is one word: the apostrophe is folded away, not a word break
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_DIGITS = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
_LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z0-9]+\b")
# Regular correspondences between Cyrillic Slavic spellings after anyascii: fold them so
# cognates share n-grams. Serbian and Macedonian write the glide as j (моја, љубав) where
# Russian writes я/ю (моя, любовь): j folds like y, and after l/n it only marks softness.
_FOLDS = (
    (re.compile(r"['’ʼ`]"), ""),
    (re.compile(r"shch|sht"), "sh"),
    (re.compile(r"(?<=[ln])j"), ""),
    (re.compile(r"(?:i?[yj]|i)(?=[aeou])"), ""),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)

NUMBER_WEIGHT = 3.0
LATIN_WEIGHT = 2.0
CONCEPT_WEIGHT = 3
"""Weight of a shared concept (see :mod:`tcheck.align.concepts`), like a number anchor's."""
STEM_LEN = 5


@functools.lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """A word in one folded Latin spelling (Зеленського -> zelenskogo, Зеленский -> zelenskii)."""
    out = anyascii(word).lower()
    for pattern, repl in _FOLDS:
        out = pattern.sub(repl, out)
    return out


def sentence_tokens(text: str, lang: str = "") -> Counter[str]:
    """Weighted features of one sentence: folded trigrams, word stems, numbers, Latin tokens and,
    given its language, the shared concepts of its words. A capitalised word after the first
    is a name (Мартин, Сімпсон), never a concept."""
    words = [raw for raw in _WORD.findall(text) if not raw[0].isdigit()]
    feats: Counter[str] = Counter(
        itertools.chain.from_iterable(
            _word_features(raw, "" if k and raw[0].isupper() else lang)
            for k, raw in enumerate(words)
        )
    )
    for num in _DIGITS.findall(text):
        value = re.sub(r"[ \u00a0\u202f]", "", num).replace(",", ".")
        feats["#" + value] += NUMBER_WEIGHT
    for latin in _LATIN_WORD.findall(text):
        feats["L:" + latin.lower()] += LATIN_WEIGHT
    return feats


@functools.lru_cache(maxsize=1 << 16)
def _word_features(raw: str, lang: str) -> tuple[str, ...]:
    """Folded trigrams (with word boundaries) and the stem (``w:``) of one word, each counted
    once per occurrence: a stem weighs as much as a trigram. A concept (``c:``) of the word in
    ``lang`` counts :data:`CONCEPT_WEIGHT` times."""
    word = fold_word(raw)
    padded = f" {word} "
    out = [padded[k : k + 3] for k in range(len(padded) - 2)]
    if len(word) >= 4:
        out.append("w:" + word[:STEM_LEN])
    for concept in word_concepts(lang, raw):
        out += ["c:" + concept] * CONCEPT_WEIGHT
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
        # a new feature gets the next column the first time it is looked up
        self._index: defaultdict[str, int] = defaultdict(itertools.count().__next__)

    def vectorize(self, docs: Sequence[Sequence[Counter[str]]]) -> list[sparse.csr_matrix]:
        """Vectorize several versions at once so idf is computed over all of them."""
        index = self._index
        parts = []
        for doc in docs:
            indptr = [0]
            indices: list[int] = []
            data: list[float] = []
            for feats in doc:
                indices.extend(map(index.__getitem__, feats))
                data.extend(feats.values())
                indptr.append(len(indices))
            parts.append((np.asarray(indptr), np.asarray(indices, dtype=np.int64), data))
        width = max(len(index), 1)
        # every feature appears once per sentence row, so column counts are document frequencies
        df = sum((np.bincount(ix, minlength=width) for _, ix, _ in parts), np.zeros(width))
        n = sum(len(doc) for doc in docs)
        idf = np.log((n + 1) / (df + 1)) + 1.0
        out = []
        for indptr, ix, data in parts:
            values = np.sqrt(np.asarray(data, dtype=np.float64)) * idf[ix]
            m = sparse.csr_matrix((values, ix, indptr), shape=(len(indptr) - 1, width))
            out.append(normalize_rows(m))
        return out

    @property
    def width(self) -> int:
        return max(len(self._index), 1)


def normalize_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (rows without features stay zero)."""
    m = sparse.csr_matrix(m, copy=True)
    m.sum_duplicates()
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    norms = np.sqrt(np.bincount(rows, weights=m.data**2, minlength=m.shape[0]))
    norms[norms == 0] = 1.0
    m.data /= np.repeat(norms, np.diff(m.indptr))
    return m

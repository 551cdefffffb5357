"""Profiles (sequences of groups across versions) and the bead scores between two of them.

A single version is a profile with one member per item. Aligning a profile with a new version
scores a candidate bead by the mean cosine between the new sentences and *every* version already
in the span, so a version that agrees with two others is pulled to the same place by both.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from tcheck.align.dp import SKIP_X, Band, Bead

BLOCK = 64
MAX_SPAN = 3


@dataclass(frozen=True)
class AlignParams:
    """Weights of the lexical bead score; tuned on perturbed NTREX documents (bench/align.py)."""

    threshold: float = 0.05
    """Similarity above which pairing sentences beats leaving them unaligned."""
    length_weight: float = 0.08
    """Weight of the Gale-Church-like length penalty (|log length ratio|)."""
    bead_penalty: tuple[tuple[Bead, float], ...] = (
        ((1, 1), 0.0),
        ((1, 2), 0.1),
        ((2, 1), 0.1),
        ((2, 2), 0.3),
    )
    skip: float = -0.1
    """Score of leaving one item unaligned (1-0 or 0-1 bead)."""
    span_weight: float = 0.0
    """Exponent on (k + l) / 2 weighting a bead's similarity by the sentences it covers."""
    min_similarity: float = 0.05
    """Raw cosine under which sentences are never paired, however their neighbours align."""
    margin_weight: float = 1.0
    """How much of the items' background similarity (mean of their top-k) is subtracted."""
    margin_k: int = 4
    """Neighbours averaged for the background similarity (margin-based scoring, as in CSLS)."""
    full_cells: int = 250_000
    """Largest X*Y product aligned without a coarse pass."""
    downsample: int = 4
    """Coarse-pass block size in items."""
    margin: int = 10
    """Half-width added around the projected coarse path, in items."""

    def beads(self) -> tuple[Bead, ...]:
        return tuple(b for b, _ in self.bead_penalty)


@dataclass(frozen=True)
class Profile:
    """Items (sentences or groups) with one summed vector per version and item."""

    vectors: tuple[sparse.csr_matrix, ...]
    """Per member version: items x features (zero rows where the version has no sentence)."""
    lengths: tuple[np.ndarray, ...]
    """Per member version: character length of each item."""

    def __len__(self) -> int:
        return self.vectors[0].shape[0]

    @property
    def width(self) -> int:
        return len(self.vectors)

    def downsample(self, factor: int) -> Profile:
        """Sums of ``factor`` consecutive items (kept: a version is aligned with each other)."""
        cache: dict[int, Profile] = self.__dict__.setdefault("_downsampled", {})
        if factor not in cache:
            pool = pooling(len(self), factor)
            vectors = tuple(sparse.csr_matrix(pool @ v) for v in self.vectors)
            for v in vectors:
                v.sum_duplicates()  # canonical before it is shared (see tcheck.align.nway)
            cache[factor] = Profile(
                vectors,
                tuple(np.asarray(pool @ ln).ravel() for ln in self.lengths),
            )
        return cache[factor]

    @functools.cached_property
    def gram(self) -> _Gram:
        return _gram(self)


@dataclass(frozen=True)
class _Gram:
    """Self dot products of a profile's items: squared norms and neighbour dots per version."""

    norm2: np.ndarray  # (versions, items)
    near: tuple[np.ndarray, ...]  # near[d-1][v, r] = item r . item r+d (0 past the end)


def _gram(p: Profile) -> _Gram:
    n = len(p)
    norm2 = np.zeros((p.width, n))
    near = tuple(np.zeros((p.width, n)) for _ in range(MAX_SPAN - 1))
    for v, m in enumerate(p.vectors):
        m.sum_duplicates()
        rows = np.repeat(np.arange(n), np.diff(m.indptr))
        norm2[v] = np.bincount(rows, weights=m.data**2, minlength=n)
        for d, arr in enumerate(near, start=1):
            if n > d:
                arr[v, :-d] = np.asarray(m[:-d].multiply(m[d:]).sum(axis=1)).ravel()
    return _Gram(norm2, near)


def _cell_band(band: Band, m: int, reach: int) -> tuple[np.ndarray, np.ndarray]:
    """Item columns needed for row items r = 0..n-1 given node bands and the widest bead.

    A band's ``lo`` and ``hi`` never decrease (see :mod:`tcheck.align.search`), so the nodes
    whose beads use item r (rows r+1..r+reach) need columns from lo[r+1] - reach to
    hi[r+reach] - 1.
    """
    n = band.rows - 1
    r = np.arange(n)
    lo = np.maximum(band.lo[r + 1] - reach, 0)
    hi = np.minimum(band.hi[np.minimum(r + reach, n)] - 1, m - 1)
    return lo, np.maximum(hi, lo)


def _cross_dots(
    x: sparse.csr_matrix,
    y: sparse.csr_matrix,
    lo: np.ndarray,
    hi: np.ndarray,
    bonus: sparse.csr_matrix | None = None,
) -> np.ndarray:
    """Dense (n, W) array of x[r] . y[c] (+ bonus[r, c]) for c in lo[r]..hi[r], block by block."""
    n = x.shape[0]
    width = int((hi - lo).max()) + 1 if n else 1
    out = np.zeros((n, width))
    offsets = np.arange(width)[None, :]
    rows = np.arange(min(BLOCK, n))[:, None]
    for r0 in range(0, n, BLOCK):
        r1 = min(r0 + BLOCK, n)
        c0, c1 = int(lo[r0:r1].min()), int(hi[r0:r1].max()) + 1
        if not y.shape[0] or c1 <= c0:
            continue
        # slicing rows of y, not columns of its transpose: cost stays with the block's size
        block = (x[r0:r1] @ y[c0:c1].T).toarray()
        if bonus is not None:
            block += bonus[r0:r1, c0:c1].toarray()
        cols = lo[r0:r1, None] + offsets  # the item column of each stored cell
        keep = cols <= hi[r0:r1, None]
        picked = block[rows[: r1 - r0], np.minimum(cols, c1 - 1) - c0]
        out[r0:r1] = np.where(keep, picked, 0.0)
    return out


def bead_scores(
    x: Profile,
    y: Profile,
    band: Band,
    params: AlignParams,
    bonus: Sequence[sparse.csr_matrix] | None = None,
) -> dict[Bead, np.ndarray]:
    """Score every bead type at every node of the band (see :func:`tcheck.align.dp.best_path`).

    ``bonus`` (one items x sentences matrix per member of ``x``) is added to the dot products:
    support for a pairing from elsewhere, e.g. the versions that link both sides (see
    :mod:`tcheck.align.nway`).
    """
    if y.width != 1:
        raise ValueError("the second profile must hold one version")
    m = len(y)
    beads = params.beads()
    reach = max(max(k, l) for k, l in beads)
    clo, chi = _cell_band(band, m, reach)
    yv, ylen = y.vectors[0], y.lengths[0]
    gx, gy = x.gram, y.gram
    extra = bonus if bonus is not None else (None,) * x.width
    cross = [_cross_dots(xv, yv, clo, chi, b) for xv, b in zip(x.vectors, extra, strict=True)]
    bgx, bgy = _backgrounds(cross, clo, chi, gx, gy, m, params.margin_k)
    ratios = [(ylen.sum() + 1.0) / (xl.sum() + 1.0) if xl.sum() > 0 else 1.0 for xl in x.lengths]
    penalties = dict(params.bead_penalty)
    rows, width = band.rows, band.width
    out: dict[Bead, np.ndarray] = {}
    cum_ylen = np.concatenate([[0.0], np.cumsum(ylen)])
    cum_xlen = [np.concatenate([[0.0], np.cumsum(xl)]) for xl in x.lengths]
    node_i = np.arange(rows)[:, None]
    node_j = band.lo[:, None] + np.arange(width)[None, :]
    in_band = node_j <= band.hi[:, None]

    @functools.cache
    def cell(v: int, a: int, b: int) -> np.ndarray:
        """Dot of X item i-a (member v) with Y item j-b at every node (i, j) of the band."""
        return _gather(cross[v], clo, node_i - a, node_j - b)

    for k, l in beads:
        if k > len(x) or l > m:
            out[(k, l)] = np.full((rows, width), -np.inf)
            continue
        ok = in_band & (node_i >= k) & (node_j >= l)
        xi = np.maximum(node_i - k, 0)  # first X item of the bead (rows, 1)
        yj = np.clip(node_j - l, 0, m)  # first Y item of the bead (rows, width)
        ny2 = _span_norm2(gy, 0, np.minimum(yj, m - l), l)
        leny = cum_ylen[np.minimum(yj + l, m)] - cum_ylen[yj]
        sim_sum = np.zeros((rows, width))
        pen = np.zeros((rows, width))
        present = np.zeros((rows, 1))
        for v in range(x.width):
            nx2 = _span_norm2(gx, v, np.minimum(xi, len(x) - k), k)  # (rows, 1)
            has = nx2 > 0
            present += has
            dot = sum(
                (cell(v, a, b) for a in range(1, k + 1) for b in range(1, l + 1)),
                np.zeros((rows, width)),
            )
            denom = np.sqrt(nx2 * ny2)
            sim_sum += np.divide(dot, denom, out=np.zeros_like(dot), where=(denom > 0) & has)
            xs = np.minimum(xi + k, len(x))
            lenx = cum_xlen[v][xs] - cum_xlen[v][xs - np.minimum(k, xs)]
            pen += np.where(has, np.abs(np.log((leny + 20.0) / (ratios[v] * lenx + 20.0))), 0.0)
        ok &= present > 0
        count = np.maximum(present, 1)
        sim = sim_sum / count
        floor = np.where(sim < params.min_similarity, -np.inf, 0.0)
        # The busiest item's background: an unmatched sentence (low background) absorbed into
        # a bead must not lower the bar the bead is measured against.
        bg_y = _span_max(bgy, yj, l)
        bg_x = _span_max(bgx, xi, k)
        sim = sim - params.margin_weight * (bg_x + bg_y) / 2
        score = ((k + l) / 2) ** params.span_weight * (sim - params.threshold)
        score -= params.length_weight * pen / count + penalties[(k, l)]
        score += floor
        out[(k, l)] = np.where(ok, score, -np.inf)
    out[SKIP_X] = np.full((rows, width), params.skip)
    return out


def _backgrounds(
    cross: list[np.ndarray],
    lo: np.ndarray,
    hi: np.ndarray,
    gx: _Gram,
    gy: _Gram,
    m: int,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Mean of each item's k best cosines within the band, averaged over X's versions.

    ``lo`` and ``hi`` never decrease (see :func:`_cell_band`), so the rows holding a column are
    consecutive: each cell's place among its column's cells is its row minus the column's first.
    """
    n = len(lo)
    widths = hi - lo + 1
    rows = np.repeat(np.arange(n), widths)
    offs = np.arange(len(rows)) - np.repeat(np.cumsum(widths) - widths, widths)
    cols = lo[rows] + offs
    down = rows - np.searchsorted(hi, np.arange(m))[cols]
    bgx = np.zeros(n)
    bgy = np.zeros(m)
    count = 0
    ny = np.sqrt(np.maximum(gy.norm2[0], 1e-12))
    for v, c in enumerate(cross):
        nx = np.sqrt(gx.norm2[v])
        if not (nx > 0).any():
            continue
        count += 1
        cos = c[rows, offs] / np.maximum(nx[rows], 1e-12) / ny[cols]
        cos[nx[rows] == 0] = 0.0
        bgx += _topk_mean(rows, offs, cos, n, k)
        bgy += _topk_mean(cols, down, cos, m, k)
    if count:
        bgx /= count
        bgy /= count
    return bgx, bgy


def _topk_mean(
    keys: np.ndarray, places: np.ndarray, values: np.ndarray, size: int, k: int
) -> np.ndarray:
    """Per key, the mean of its (at most) k largest values; ``places`` numbers each key's
    values 0, 1, ... so they fit one dense row per key."""
    if len(keys) == 0:
        return np.zeros(size)
    dense = np.full((size, int(places.max()) + 1), -np.inf)
    dense[keys, places] = values
    if dense.shape[1] > k:
        dense = np.partition(dense, dense.shape[1] - k, axis=1)[:, -k:]
    found = np.isfinite(dense)
    sums = np.where(found, dense, 0.0).sum(axis=1)
    return sums / np.maximum(found.sum(axis=1), 1)


def _span_max(values: np.ndarray, starts: np.ndarray, length: int) -> np.ndarray:
    """Largest of ``length`` consecutive values from each start (clipped to the array)."""
    last = len(values) - 1
    out = values[np.clip(starts, 0, last)]
    for a in range(1, length):
        out = np.maximum(out, values[np.clip(starts + a, 0, last)])
    return out


def _span_norm2(g: _Gram, v: int, starts: np.ndarray, length: int) -> np.ndarray:
    """Squared norm of the sum of ``length`` consecutive items starting at each of ``starts``."""
    total = np.zeros(np.shape(starts))
    for a in range(length):
        total += g.norm2[v, starts + a]
        for b in range(a + 1, length):
            total += 2 * g.near[b - a - 1][v, starts + a]
    return total


def _gather(cross: np.ndarray, lo: np.ndarray, r: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """cross[r, cols - lo[r]] where that lies inside the stored band, else 0 (any shapes)."""
    r, cols = np.broadcast_arrays(r, cols)
    inside = r >= 0
    rr = np.where(inside, r, 0)
    idx = cols - lo[rr]
    inside &= (idx >= 0) & (idx < cross.shape[1])
    return np.where(inside, cross[rr, np.where(inside, idx, 0)], 0.0)


def pooling(n: int, factor: int) -> sparse.csr_matrix:
    """Blocks x items matrix summing runs of ``factor`` consecutive items."""
    rows = np.arange(n) // factor
    shape = (int(rows[-1]) + 1 if n else 0, n)
    return sparse.csr_matrix((np.ones(n), (rows, np.arange(n))), shape=shape)


def single(vectors: sparse.csr_matrix, lengths: np.ndarray) -> Profile:
    return Profile((vectors,), (np.asarray(lengths, dtype=np.float64),))

"""The dynamic-programming core: bead scores over a band in, best bead path out. No I/O, no text.

Nodes ``(i, j)`` sit between items: node (i, j) means the first ``i`` items of X and the first
``j`` items of Y are aligned. A bead ``(k, l)`` ending at node (i, j) pairs X[i-k:i] with
Y[j-l:j]. The band restricts each row ``i`` to columns ``lo[i]..hi[i]`` so long documents stay
linear; the caller chooses the band (see :mod:`tcheck.align.search`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

Bead = tuple[int, int]
SKIP_X: Bead = (1, 0)
SKIP_Y: Bead = (0, 1)


@dataclass(frozen=True)
class Band:
    """Allowed columns per row: ``lo[i] <= j <= hi[i]`` for rows ``i = 0..n``."""

    lo: np.ndarray
    hi: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.lo)

    @property
    def width(self) -> int:
        return int((self.hi - self.lo).max()) + 1

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    def cells(self) -> int:
        return int((self.hi - self.lo + 1).sum())


@dataclass(frozen=True)
class Step:
    """One bead of the best path: X[x0:x1] paired with Y[y0:y1] (either side may be empty)."""

    x0: int
    x1: int
    y0: int
    y1: int


def best_path(
    band: Band,
    scores: Mapping[Bead, np.ndarray],
    skip_y: float,
) -> list[Step]:
    """Highest-scoring monotone path from node (0, 0) to node (n, m).

    ``scores[(k, l)]`` has shape ``(rows, band.width)``: entry ``[i, j - lo[i]]`` scores the bead
    (k, l) ending at node (i, j). ``(0, 1)`` beads score the constant ``skip_y`` so that a row can
    be relaxed in one vectorised pass; ``(1, 0)`` is an ordinary entry of ``scores``.
    """
    rows, width = band.rows, band.width
    n = rows - 1
    m = int(band.hi[n])
    beads: Sequence[Bead] = sorted(scores)
    if any(k == 0 for k, _ in beads):
        raise ValueError("(0, l) beads are scored through skip_y")
    lo, hi = band.lo, band.hi
    cols = lo[:, None] + np.arange(width)[None, :]  # node column of each band cell
    valid = cols <= hi[:, None]
    # Totals live in one flat array with a -inf sentinel at the end; for every bead and cell,
    # the flat index of the node the bead starts from (the sentinel where that is off the band),
    # so each row is relaxed with a handful of whole-array operations.
    sentinel = rows * width
    flat = np.full(sentinel + 1, -np.inf)
    start = np.empty((rows, len(beads), width), dtype=np.int64)  # row-major: one slice a row
    gain = np.empty((rows, len(beads), width))
    for b, (k, l) in enumerate(beads):
        r = np.arange(rows)[:, None] - k
        rr = np.clip(r, 0, n)
        pj = cols - l
        ok = valid & (r >= 0) & (pj >= lo[rr]) & (pj <= hi[rr])
        start[:, b] = np.where(ok, rr * width + pj - lo[rr], sentinel)
        gain[:, b] = np.where(valid, scores[(k, l)], -np.inf)
    skip_code = len(beads)
    steps = np.arange(width) * skip_y
    best = np.empty((rows, width))  # best bead ending at each node, before 0-1 skips
    ptr = np.empty((rows, width), dtype=np.int16)
    invalid = ~valid
    for i in range(rows):
        vals = flat[start[i]] + gain[i]
        ptr[i] = vals.argmax(axis=0)
        cand = best[i] = vals.max(axis=0)
        if i == 0:
            cand[cols[0] == 0] = 0.0
        row = np.maximum.accumulate(cand - steps) + steps
        row[invalid[i]] = -np.inf
        flat[i * width : (i + 1) * width] = row
    total = flat[:sentinel].reshape(rows, width)
    back = np.where(total > best + 1e-12, skip_code, np.where(np.isfinite(best), ptr, -1))
    if not lo[n] <= m <= hi[n] or not np.isfinite(total[n, m - lo[n]]):
        raise ValueError("the band does not connect (0, 0) to (n, m)")
    path: list[Step] = []
    i, j = n, m
    while i > 0 or j > 0:
        code = int(back[i, j - lo[i]])
        if code < 0:
            raise ValueError(f"broken back-pointer at node ({i}, {j})")
        k, l = (0, 1) if code == skip_code else beads[code]
        path.append(Step(i - k, i, j - l, j))
        i, j = i - k, j - l
    path.reverse()
    return path

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
    total = np.full((rows, width), -np.inf)
    back = np.full((rows, width), -1, dtype=np.int16)
    skip_code = len(beads)
    lo, hi = band.lo, band.hi
    for i in range(rows):
        w = int(hi[i] - lo[i] + 1)
        js = np.arange(lo[i], hi[i] + 1)
        cand = np.full(w, -np.inf)
        ptr = np.full(w, -1, dtype=np.int16)
        if i == 0:
            cand[js == 0] = 0.0
        for b, (k, l) in enumerate(beads):
            r = i - k
            if r < 0:
                continue
            pj = js - l
            ok = (pj >= lo[r]) & (pj <= hi[r])
            if not ok.any():
                continue
            prev = np.full(w, -np.inf)
            prev[ok] = total[r, pj[ok] - lo[r]]
            val = prev + scores[(k, l)][i, :w]
            better = val > cand
            cand[better] = val[better]
            ptr[better] = b
        steps = np.arange(w) * skip_y
        row = np.maximum.accumulate(cand - steps) + steps
        via_skip = row > cand + 1e-12
        total[i, :w] = row
        back[i, :w] = np.where(via_skip, skip_code, ptr)
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

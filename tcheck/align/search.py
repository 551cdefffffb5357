"""Coarse-to-fine search: align block sums first, then only a band around that path.

Small inputs get the full matrix. Larger ones are pooled into blocks of ``downsample`` items,
aligned recursively, and the coarse path is projected back with a margin, so the number of scored
cells grows linearly with the length of the documents (as in Vecalign).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from tcheck.align.dp import Band, Step, best_path
from tcheck.align.profile import AlignParams, Profile, bead_scores, pooling

log = logging.getLogger(__name__)


def align_profiles(
    x: Profile,
    y: Profile,
    params: AlignParams,
    bonus: Sequence[sparse.csr_matrix] | None = None,
    guide: Sequence[Step] = (),
) -> list[Step]:
    """Best monotone bead path between profile ``x`` and single-version profile ``y``.

    ``bonus`` holds, per member of ``x``, extra support for pairing items with ``y``'s sentences
    (see :func:`tcheck.align.profile.bead_scores`). ``guide`` holds known links between x's and
    y's items (earlier paths); with them, a long pair is searched within ``margin`` of the
    guide instead of around a coarse pass of its own.
    """
    n, m = len(x), len(y)
    if n == 0 or m == 0:
        return [Step(i, i + 1, 0, 0) for i in range(n)] + [Step(n, n, j, j + 1) for j in range(m)]
    if guide and not _small(n, m, params):
        band = project(guide, 1, n, m, params.margin)
    else:
        band = _band(x, y, params, bonus)
    log.debug("aligning %d x %d items over %d band cells", n, m, band.cells())
    scores = bead_scores(x, y, band, params, bonus)
    return best_path(band, scores, params.skip)


def _band(
    x: Profile, y: Profile, params: AlignParams, bonus: Sequence[sparse.csr_matrix] | None
) -> Band:
    n, m = len(x), len(y)
    f = params.downsample
    if _small(n, m, params):
        return Band.full(n, m)
    pooled = None
    if bonus is not None:
        px, py = pooling(n, f), pooling(m, f)
        pooled = [sparse.csr_matrix(px @ b @ py.T) for b in bonus]
    coarse = align_profiles(x.downsample(f), y.downsample(f), params, pooled)
    return project(coarse, f, n, m, params.margin)


def _small(n: int, m: int, params: AlignParams) -> bool:
    """Whether the pair is aligned on the full matrix, without a coarse pass."""
    return (n + 1) * (m + 1) <= params.full_cells or min(n, m) < 4 * params.downsample


def project(coarse: list[Step], factor: int, n: int, m: int, margin: int) -> Band:
    """Fine band covering every coarse bead's block rectangle, widened by ``margin``.

    Rows no bead reaches get the columns between their neighbours' bands.
    """
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    if coarse:
        x0, x1, y0, y1 = (np.array([[s.x0, s.x1, s.y0, s.y1] for s in coarse]) * factor).T
        first = np.maximum(np.minimum(x0, n) - margin, 0)  # each bead's rows, widened
        count = np.minimum(np.minimum(x1, n) + margin, n) - first + 1
        rows = np.repeat(first - np.cumsum(count) + count, count) + np.arange(count.sum())
        np.minimum.at(lo, rows, np.repeat(np.maximum(np.minimum(y0, m) - margin, 0), count))
        np.maximum.at(hi, rows, np.repeat(np.minimum(np.minimum(y1, m) + margin, m), count))
    lo[0] = 0
    hi[n] = m
    # keep the band connected: each row must overlap the previous one
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[1:] = np.minimum(lo[1:], hi[:-1])
    return Band(lo, hi)

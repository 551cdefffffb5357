"""Bands and the bead scores on them: projected bands cover every bead and stay connected, and
scores on a narrow band agree with the full matrix wherever the band reaches."""

from __future__ import annotations

import dataclasses

import numpy as np
from scipy import sparse

from tcheck.align.dp import Step
from tcheck.align.features import normalize_rows
from tcheck.align.profile import AlignParams, bead_scores, single
from tcheck.align.search import project


def _random_version(n: int, seed: int) -> sparse.csr_matrix:
    m = sparse.random(n, 300, density=0.05, format="csr", random_state=seed)
    return normalize_rows(m)


def test_band_scores_match_full_scores() -> None:
    n, m = 40, 36
    x = single(_random_version(n, 1), np.linspace(20, 120, n))
    y = single(_random_version(m, 2), np.linspace(30, 90, m))
    # without the background term, a bead's score depends on its own sentences only
    params = dataclasses.replace(AlignParams(), margin_weight=0.0)
    coarse = [Step(i, i + 1, min(i, 8), min(i + 1, 9)) for i in range(10)]
    band = project(coarse, 4, n, m, margin=2)
    full = project([Step(0, 1, 0, 1)], max(n, m), n, m, margin=0)
    narrow = bead_scores(x, y, band, params)
    wide = bead_scores(x, y, full, params)
    checked = 0
    for bead, scores in narrow.items():
        for i in range(n + 1):
            for w in range(int(band.hi[i] - band.lo[i]) + 1):
                j = int(band.lo[i]) + w
                expected = wide[bead][i, j - int(full.lo[i])]
                assert np.isclose(scores[i, w], expected) or scores[i, w] == expected == -np.inf
                checked += np.isfinite(expected)
    assert checked > 100


def _reference_band(steps: list[Step], factor: int, n: int, m: int, margin: int):
    """project() spelled out bead by bead and row by row."""
    lo, hi = [m] * (n + 1), [0] * (n + 1)
    for s in steps:
        r0, r1 = min(s.x0 * factor, n), min(s.x1 * factor, n)
        c0, c1 = min(s.y0 * factor, m), min(s.y1 * factor, m)
        for r in range(max(r0 - margin, 0), min(r1 + margin, n) + 1):
            lo[r] = min(lo[r], max(c0 - margin, 0))
            hi[r] = max(hi[r], min(c1 + margin, m))
    lo[0], hi[n] = 0, m
    for r in range(n - 1, -1, -1):
        lo[r] = min(lo[r], lo[r + 1])
    for r in range(1, n + 1):
        hi[r] = max(hi[r], hi[r - 1])
        lo[r] = min(lo[r], hi[r - 1])
    return lo, hi


def test_projected_bands_cover_every_bead_and_stay_connected() -> None:
    rng = np.random.default_rng(3)
    for _ in range(50):
        n, m, factor, margin = (int(v) for v in rng.integers((5, 5, 1, 0), (80, 80, 5, 6)))
        steps, x, y = [], 0, 0
        while x < n // factor or y < m // factor:  # a random monotone path, beads up to 2-2
            k, l = (int(v) for v in rng.integers(0, 3, size=2))
            if k + l == 0:
                continue
            steps.append(Step(x, x + k, y, y + l))
            x, y = x + k, y + l
        band = project(steps[::2], factor, n, m, margin)  # every other bead: rows left out too
        lo, hi = _reference_band(steps[::2], factor, n, m, margin)
        assert band.lo.tolist() == lo
        assert band.hi.tolist() == hi
        assert all(a <= b for a, b in zip(lo, hi, strict=True))

"""Bead scores on a narrow band agree with the full matrix wherever the band reaches."""

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

"""The DP core on small hand-made cases: each bead type, bands, and invalid bands."""

from __future__ import annotations

import numpy as np
import pytest

from tcheck.align.dp import Band, Step, best_path


def _scores(
    n: int,
    m: int,
    table: dict[tuple[int, int], dict[tuple[int, int], float]],
    default: float = -1.0,
) -> dict[tuple[int, int], np.ndarray]:
    """Bead scores on a full band: table[bead][(i, j)] = score of that bead ending at node (i, j)."""
    band = Band.full(n, m)
    out = {}
    for bead in [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0)]:
        arr = np.full((n + 1, band.width), default)
        for (i, j), s in table.get(bead, {}).items():
            arr[i, j] = s
        out[bead] = arr
    return out


def test_one_to_one_diagonal() -> None:
    scores = _scores(3, 3, {(1, 1): {(1, 1): 1.0, (2, 2): 1.0, (3, 3): 1.0}})
    path = best_path(Band.full(3, 3), scores, skip_y=-1.0)
    assert path == [Step(0, 1, 0, 1), Step(1, 2, 1, 2), Step(2, 3, 2, 3)]


@pytest.mark.parametrize(
    ("bead", "n", "m"),
    [((1, 2), 1, 2), ((2, 1), 2, 1), ((2, 2), 2, 2)],
)
def test_merge_beads(bead: tuple[int, int], n: int, m: int) -> None:
    scores = _scores(n, m, {bead: {(n, m): 2.0}})
    assert best_path(Band.full(n, m), scores, skip_y=-1.0) == [Step(0, n, 0, m)]


def test_deletion_and_insertion() -> None:
    # X = [a, b], Y = [a, c, b]: c is inserted (0-1), nothing deleted
    scores = _scores(2, 3, {(1, 1): {(1, 1): 1.0, (2, 3): 1.0}, (1, 0): {}}, default=-5.0)
    path = best_path(Band.full(2, 3), scores, skip_y=-0.1)
    assert path == [Step(0, 1, 0, 1), Step(1, 1, 1, 2), Step(1, 2, 2, 3)]
    # X = [a, x, b], Y = [a, b]: x deleted (1-0)
    scores = _scores(3, 2, {(1, 1): {(1, 1): 1.0, (3, 2): 1.0}, (1, 0): {(2, 1): -0.1}})
    path = best_path(Band.full(3, 2), scores, skip_y=-0.1)
    assert path == [Step(0, 1, 0, 1), Step(1, 2, 1, 1), Step(2, 3, 1, 2)]


def test_empty_sides() -> None:
    scores = _scores(2, 0, {(1, 0): {(1, 0): 0.0, (2, 0): 0.0}})
    assert best_path(Band.full(2, 0), scores, skip_y=0.0) == [Step(0, 1, 0, 0), Step(1, 2, 0, 0)]


def test_disconnected_band_is_an_error() -> None:
    band = Band(np.array([0, 0, 3]), np.array([0, 0, 3]))
    scores = {(1, 1): np.zeros((3, 1)), (1, 0): np.zeros((3, 1))}
    with pytest.raises(ValueError):
        best_path(band, scores, skip_y=0.0)

"""Reading the pairwise beads of two versions off N-way groups."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from tcheck.align.features import Features
from tcheck.align.pairwise import pair_beads


def _features(topics: list[int]) -> Features:
    """One sentence per entry; sentences with the same topic share their only feature."""
    n = len(topics)
    vectors = sparse.csr_matrix((np.ones(n), (range(n), topics)), shape=(n, 8))
    return Features(vectors, np.full(n, 50.0))


def test_one_sided_members_become_deletion_beads() -> None:
    groups = [{"a": (0,), "b": (0,)}, {"a": (1, 2), "b": ()}]
    beads = pair_beads(groups, "a", "b", _features([0, 1, 2]), _features([0]))
    assert beads == [((0,), (0,)), ((1,), ()), ((2,), ())]


def test_two_sentences_facing_two_are_refined_one_to_one() -> None:
    groups = [{"a": (0, 1), "b": (0, 1), "c": (0,)}]
    beads = pair_beads(groups, "a", "b", _features([0, 1]), _features([0, 1]))
    assert beads == [((0,), (0,)), ((1,), (1,))]


def test_two_sentences_in_swapped_order_pair_crosswise_inside_their_group() -> None:
    # a third version merged both sentences, so a and b share one group in either order
    groups = [{"a": (0, 1), "b": (0, 1), "c": (0,)}]
    beads = pair_beads(groups, "a", "b", _features([0, 1]), _features([1, 0]))
    assert beads == [((0,), (1,)), ((1,), (0,))]


def _facing(first: float, second: float) -> tuple[Features, Features]:
    """a's one sentence, and b's two with the given cosines to it (b's two share nothing)."""
    a = sparse.csr_matrix(np.array([[1.0, 0.0, 0.0]]))
    b = sparse.csr_matrix(
        np.array([[first, np.sqrt(1 - first**2), 0.0], [second, 0.0, np.sqrt(1 - second**2)]])
    )
    return Features(a, np.array([67.0])), Features(b, np.array([72.0, 71.0]))


def test_a_sentence_that_only_dilutes_a_two_to_one_bead_stands_alone() -> None:
    # a third version merged b's two sentences, so all three share one group
    groups = [{"a": (0,), "b": (0, 1), "c": (0,)}]
    assert pair_beads(groups, "a", "b", *_facing(0.05, 0.2)) == [((), (0,)), ((0,), (1,))]
    # b's first sentence resembles a's too: a holds both, the bead stays
    assert pair_beads(groups, "a", "b", *_facing(0.15, 0.3)) == [((0,), (0, 1))]

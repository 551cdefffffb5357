"""The N-way stage's gap pairing on hand-made groups (only sentence lengths matter to it)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from tcheck.align.nway import NWayParams, VersionVectors, _pair_gaps


def _version(vid: str, lengths: list[float]) -> VersionVectors:
    vectors = sparse.csr_matrix((len(lengths), 1))
    return VersionVectors.build(vid, vid, vectors, np.array(lengths))


BY_ID = {v: _version(v, [50.0, 60.0, 70.0, 80.0]) for v in ("a", "b", "c")}


def test_a_gap_facing_a_gap_is_one_passage() -> None:
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (2,), "b": (2,), "c": (2,)},
    ]
    assert _pair_gaps(groups, BY_ID, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": (1,)},
        {"a": (2,), "b": (2,), "c": (2,)},
    ]


def test_runs_of_gaps_pair_in_order_up_to_the_end_of_the_documents() -> None:
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (), "b": (), "c": (1,)},
        {"a": (2,), "b": (2,), "c": ()},
        {"a": (), "b": (), "c": (2,)},
    ]
    assert _pair_gaps(groups, BY_ID, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": (1,)},
        {"a": (2,), "b": (2,), "c": (2,)},
    ]


def test_unequal_gaps_or_lengths_stay_apart() -> None:
    uneven = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (2,), "b": (2,), "c": ()},
        {"a": (3,), "b": (3,), "c": (2,)},
    ]
    assert _pair_gaps(uneven, BY_ID, NWayParams()) == uneven
    two_versions_alone = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (), "c": ()},
        {"a": (2,), "b": (1,), "c": (2,)},
    ]
    assert _pair_gaps(two_versions_alone, BY_ID, NWayParams()) == two_versions_alone
    long_and_short = {**BY_ID, "c": _version("c", [50.0, 400.0, 70.0])}
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (2,), "b": (2,), "c": (2,)},
    ]
    assert _pair_gaps(groups, long_and_short, NWayParams()) == groups


def test_a_staircase_of_free_translations_is_straightened() -> None:
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (2,), "b": (), "c": (1,)},
        {"a": (), "b": (), "c": (2,)},
        {"a": (), "b": (2,), "c": ()},
        {"a": (3,), "b": (3,), "c": (3,)},
    ]
    assert _pair_gaps(groups, BY_ID, NWayParams()) == [
        {"a": (i,), "b": (i,), "c": (i,)} for i in range(4)
    ]

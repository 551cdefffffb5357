"""The N-way stage's gap pairing and filling on hand-made groups: sentence lengths, paragraphs
and, where a test says so, which sentences share features."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from tcheck.align.dp import Step
from tcheck.align.nway import (
    NWayParams,
    VersionVectors,
    _attach_moved,
    _fill_gaps,
    _guide,
    _pair_gaps,
    align_nway,
)


def _version(
    vid: str,
    lengths: list[float],
    paragraphs: list[int] | None = None,
    topics: list[int] | None = None,
) -> VersionVectors:
    """Sentences of ``lengths``; sentences with the same ``topics`` entry (>= 0) share a feature,
    -1 shares nothing with anything."""
    n = len(lengths)
    rows = [i for i, t in enumerate(topics or []) if t >= 0]
    cols = [t for t in topics or [] if t >= 0]
    vectors = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, 8))
    return VersionVectors.build(vid, vid, vectors, np.array(lengths), paragraphs)


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


def test_a_version_with_fewer_sentences_in_a_run_is_placed_by_length_and_likeness() -> None:
    uneven = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (2,), "b": (2,), "c": ()},
        {"a": (3,), "b": (3,), "c": (2,)},
    ]
    # the shared groups at both ends resemble each other; c's sentence 1 (60 characters) fits
    # a's and b's sentence 1 (60), not 2 (70)
    ends = {"a": [0, -1, -1, 1], "b": [0, -1, -1, 1], "c": [0, -1, 1]}
    lengths = {
        "a": [50.0, 60.0, 70.0, 80.0],
        "b": [50.0, 60.0, 70.0, 80.0],
        "c": [50.0, 60.0, 80.0],
    }
    by_id = {v: _version(v, lengths[v], topics=ends[v]) for v in ends}
    assert _pair_gaps(uneven, by_id, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": (1,)},
        {"a": (2,), "b": (2,), "c": ()},
        {"a": (3,), "b": (3,), "c": (2,)},
    ]
    # a shared word outweighs a length that fits slightly worse
    topics = {"a": [0, -1, 1, 2], "b": [0, -1, 1, 2], "c": [0, 1, 2]}
    by_id = {v: _version(v, lengths[v], topics=topics[v]) for v in topics}
    assert _pair_gaps(uneven, by_id, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (2,), "b": (2,), "c": (1,)},
        {"a": (3,), "b": (3,), "c": (2,)},
    ]


def test_a_version_with_nothing_in_a_run_keeps_its_gap_while_the_others_pair() -> None:
    two_versions_alone = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (), "c": ()},
        {"a": (2,), "b": (1,), "c": (2,)},
    ]
    topics = {"a": [0, -1, 1, -1], "b": [0, 1, -1, -1], "c": [0, -1, 1, -1]}
    by_id = {v: _version(v, [50.0, 60.0, 70.0, 80.0], topics=t) for v, t in topics.items()}
    assert _pair_gaps(two_versions_alone, by_id, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (), "c": (1,)},
        {"a": (2,), "b": (1,), "c": (2,)},
    ]
    # as many sentences each, or nothing is paired
    uneven = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (), "c": ()},
        {"a": (2,), "b": (), "c": ()},
        {"a": (3,), "b": (1,), "c": (2,)},
    ]
    by_id = {**by_id, "a": _version("a", [50.0, 60.0, 70.0, 80.0], topics=[0, -1, -1, 1])}
    assert _pair_gaps(uneven, by_id, NWayParams()) == uneven


def test_gaps_stay_apart_where_lengths_do_not_fit() -> None:
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


def test_a_staircase_through_a_shared_group_with_a_loose_member_is_straightened() -> None:
    # a's and b's sentences 1 resemble each other, c's sentence 2 (the translation of their
    # sentence 2) shares nothing with them but was paired with them, leaving its sentence 1
    # on its own
    topics = {"a": [0, 1, -1, 2], "b": [0, 1, -1, 2], "c": [0, -1, -1, 2]}
    by_id = {v: _version(v, [50.0, 60.0, 70.0, 80.0], topics=t) for v, t in topics.items()}
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (), "c": (1,)},
        {"a": (1,), "b": (1,), "c": (2,)},
        {"a": (2,), "b": (2,), "c": ()},
        {"a": (3,), "b": (3,), "c": (3,)},
    ]
    assert _pair_gaps(groups, by_id, NWayParams()) == [
        {"a": (i,), "b": (i,), "c": (i,)} for i in range(4)
    ]
    # where c's sentence 2 does resemble its group, the group is a boundary and stays
    topics["c"] = [0, -1, 1, 2]  # now c's sentence 2 is the translation of their sentence 1
    by_id["c"] = _version("c", [50.0, 60.0, 70.0, 80.0], topics=topics["c"])
    assert _pair_gaps(groups, by_id, NWayParams()) == groups


def test_whole_paragraphs_facing_each_other_pair_by_paragraph() -> None:
    # a and b put sentences 1-2 in one paragraph, c in two; the gap holds 2 paragraphs each
    by_id = {
        "a": _version("a", [50.0, 30.0, 30.0, 70.0, 80.0], paragraphs=[0, 1, 1, 2, 3]),
        "b": _version("b", [50.0, 30.0, 30.0, 70.0, 80.0], paragraphs=[0, 1, 1, 2, 3]),
        "c": _version("c", [50.0, 60.0, 70.0, 80.0], paragraphs=[0, 1, 2, 3]),
    }
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1, 2), "b": (1, 2), "c": ()},
        {"a": (), "b": (), "c": (1,)},
        {"a": (3,), "b": (3,), "c": ()},
        {"a": (), "b": (), "c": (2,)},
        {"a": (4,), "b": (4,), "c": (3,)},
    ]
    assert _pair_gaps(groups, by_id, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1, 2), "b": (1, 2), "c": (1,)},
        {"a": (3,), "b": (3,), "c": (2,)},
        {"a": (4,), "b": (4,), "c": (3,)},
    ]
    # a stretch that starts inside a paragraph is not a run of whole paragraphs
    by_id["c"] = _version("c", [50.0, 60.0, 70.0, 80.0], paragraphs=[0, 0, 1, 2])
    assert {"a": (1, 2), "b": (1, 2), "c": (1,)} not in _pair_gaps(groups, by_id, NWayParams())


def test_a_lone_paragraph_joins_the_neighbour_that_lacks_it_when_layout_agrees() -> None:
    # nothing is shared between c's sentence 1 and a's and b's: only the layout links them
    topics = {"a": [0, 1, 2], "b": [0, 1, 2], "c": [0, -1, 2]}
    by_id = {v: _version(v, [50.0, 60.0, 70.0], topics=t) for v, t in topics.items()}
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": ()},
        {"a": (), "b": (), "c": (1,)},
        {"a": (2,), "b": (2,), "c": (2,)},
    ]
    joined = [{"a": (i,), "b": (i,), "c": (i,)} for i in range(3)]
    assert _fill_gaps(groups, by_id, NWayParams()) == joined
    # a backbone that sees through free translation leaves it to the similarity
    assert _fill_gaps(groups, by_id, NWayParams(pair_gaps=False)) == groups
    # and where c's sentence is half of a paragraph, the layout says nothing
    by_id["c"] = _version("c", [50.0, 60.0, 70.0], [0, 1, 1], topics["c"])
    assert _fill_gaps(groups, by_id, NWayParams()) == groups


def test_a_run_takes_in_the_shared_group_a_paragraph_runs_on_into() -> None:
    # b and c translated a's paragraph 2 as two sentences; c's first of them was left alone,
    # so the stretch of gaps ends inside c's paragraph: it takes the group after it in
    by_id = {
        "a": _version("a", [50.0, 50.0, 60.0, 50.0], [0, 1, 2, 3], [0, -1, 1, 2]),
        "b": _version("b", [50.0, 50.0, 30.0, 30.0, 50.0], [0, 1, 2, 2, 3], [0, -1, 1, 1, 2]),
        "c": _version("c", [50.0, 50.0, 30.0, 30.0, 50.0], [0, 1, 2, 2, 3], [0, -1, -1, 1, 2]),
    }
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (1,), "c": (1,)},
        {"a": (), "b": (), "c": (2,)},
        {"a": (1,), "b": (), "c": ()},
        {"a": (2,), "b": (2, 3), "c": (3,)},
        {"a": (3,), "b": (4,), "c": (4,)},
    ]
    assert _pair_gaps(groups, by_id, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": (1,)},
        {"a": (2,), "b": (2, 3), "c": (2, 3)},
        {"a": (3,), "b": (4,), "c": (4,)},
    ]


def _with_rows(vid: str, lengths: list[float], rows: list[list[float]]) -> VersionVectors:
    return VersionVectors.build(vid, vid, sparse.csr_matrix(np.array(rows)), np.array(lengths))


def test_a_lone_sentence_joins_a_group_holding_its_version_only_if_it_resembles_it() -> None:
    # c translated the passage as a short sentence and a further one; the further one joins
    # when it shares content with a's and b's, not when it merely sits next to them
    groups = [{"a": (0,), "b": (0,), "c": (0,)}, {"a": (), "b": (), "c": (1,)}]

    def fill(likeness: float) -> list:
        by_id = {
            "a": _with_rows("a", [100.0], [[1.0, 0.0]]),
            "b": _with_rows("b", [100.0], [[1.0, 0.0]]),
            "c": _with_rows("c", [40.0, 50.0], [[1.0, 0.0], [likeness, 1.0]]),
        }
        return _fill_gaps(groups, by_id, NWayParams())

    assert fill(0.4) == [{"a": (0,), "b": (0,), "c": (0, 1)}]
    assert fill(0.07) == groups


def test_two_lone_halves_of_a_swap_meet_in_one_group() -> None:
    # b's sentence 1 and a's sentence 2 translate each other but sit two groups apart, each
    # alone: either may join the other, and exactly one of the two moves must happen
    topics = {"a": [0, 1, 5], "b": [0, 5, 1], "c": [0, 1]}
    by_id = {v: _version(v, [50.0] * len(t), topics=t) for v, t in topics.items()}
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (1,), "c": ()},
        {"a": (1,), "b": (2,), "c": (1,)},
        {"a": (2,), "b": (), "c": ()},
    ]
    out = _attach_moved(groups, by_id, NWayParams())
    assert len(out) == 3
    assert sum(1 for g in out if g.get("a") == (2,) and g.get("b") == (1,)) == 1


def test_a_lone_sentence_trades_places_with_a_weak_member_of_its_version() -> None:
    # a inserted an unrelated line (topic -1) where its sentence 1 should be; a's sentence 1
    # came later and was left alone
    topics = {"a": [0, -1, 2, 1], "b": [0, 1, 2], "c": [0, 1, 2]}
    by_id = {v: _version(v, [50.0] * len(t), topics=t) for v, t in topics.items()}
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (1,), "b": (1,), "c": (1,)},
        {"a": (2,), "b": (2,), "c": (2,)},
        {"a": (3,), "b": (), "c": ()},
    ]
    assert _attach_moved(groups, by_id, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (3,), "b": (1,), "c": (1,)},
        {"a": (2,), "b": (2,), "c": (2,)},
        {"a": (1,), "b": (), "c": ()},
    ]


def test_a_sentence_merged_into_its_neighbours_member_leaves_for_its_partner() -> None:
    # b swapped sentences 1 and 2; the path put b's 1 alone and a/c's 1 with b's 2
    topics = {"a": [0, 1, 2], "b": [0, 2, 1], "c": [0, 1, 2]}
    by_id = {v: _version(v, [50.0] * 3, topics=t) for v, t in topics.items()}
    groups = [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (), "b": (1,), "c": ()},
        {"a": (1, 2), "b": (2,), "c": (1, 2)},
    ]
    assert _attach_moved(groups, by_id, NWayParams()) == [
        {"a": (0,), "b": (0,), "c": (0,)},
        {"a": (2,), "b": (1,), "c": (2,)},
        {"a": (1,), "b": (2,), "c": (1,)},
    ]


def _story(vid: str, origins: list[int]) -> VersionVectors:
    """A version whose sentence k tells original sentence origins[k] (-1: a foreign one)."""
    n, width = len(origins), 2000
    cols = [o if o >= 0 else width - 1 - k for k, o in enumerate(origins)]
    vectors = sparse.csr_matrix((np.ones(n), (np.arange(n), cols)), shape=(n, width))
    lengths = np.array([40.0 + (o * 37) % 90 for o in origins])
    return VersionVectors.build(vid, vid, vectors, lengths)


def test_long_versions_align_within_bands_around_their_pairwise_paths() -> None:
    """Past ``full_cells``, every pass is banded; the joint passes follow the pairwise paths."""
    story = list(range(700))
    versions = [
        _story("a", story),
        _story("b", story[:300] + [-1] * 25 + story[300:]),  # 25 sentences of another story
        _story("c", story[:100] + story[160:]),  # 60 sentences cut
    ]
    result = align_nway(versions)
    assert not any(result.moved)
    where = {
        v.id: {i: g for g, m in enumerate(result.groups) for i in m.get(v.id, ())} for v in versions
    }
    for k in range(700):
        b = k if k < 300 else k + 25
        assert where["a"][k] == where["b"][b]
        if not 100 <= k < 160:
            c = k if k < 100 else k - 60
            assert where["a"][k] == where["c"][c]
    inserted = {where["b"][k] for k in range(300, 325)}
    assert not any(result.groups[g].get("a") for g in inserted)


def test_the_guide_puts_pairwise_paths_in_group_coordinates() -> None:
    groups = [{"a": (0,), "b": ()}, {"a": (), "b": (0,)}, {"a": (1, 2), "b": (1,)}]
    paths = {
        ("a", "c"): [Step(0, 1, 0, 1), Step(1, 3, 1, 2), Step(3, 3, 2, 3)],
        ("c", "b"): [Step(0, 2, 0, 1), Step(2, 3, 1, 2)],
    }
    assert _guide(groups, ["a", "b"], "c", paths) == [
        Step(0, 1, 0, 1),
        Step(2, 3, 1, 2),
        Step(3, 3, 2, 3),  # c's last sentence, facing nothing, sits after the last group
        Step(1, 2, 0, 2),
        Step(2, 3, 2, 3),
    ]

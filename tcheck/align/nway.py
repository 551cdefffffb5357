"""N-way grouping: pairwise passes, unrelated versions, progressive profile alignment, moves.

1. Every pair of versions is aligned once; the share of each version's sentences that found a
   good partner is its coverage. A version far below the others is unrelated and set aside.
2. The closest pair seeds a profile; each further version (closest first) is aligned against the
   whole profile, so content that only some versions share still lands in one group and a third
   version arbitrates where two disagree.
3. Sentences left alone in a group of their own that match a distant group lacking their version
   are moved into it, and that group is marked moved.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from tcheck.align.dp import SKIP_X, Band, Step, best_path
from tcheck.align.features import normalize_rows
from tcheck.align.profile import AlignParams, Profile, single
from tcheck.align.search import align_profiles

log = logging.getLogger(__name__)

PARALLEL_CELLS = 1_000_000
"""Sentence pairs (summed over the version pairs) from which pairwise passes run in threads."""

Members = dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class NWayParams:
    """Thresholds of the N-way stage."""

    pair: AlignParams = field(default_factory=AlignParams)
    cover_threshold: float = 0.2
    """A pairwise bead at or above this similarity counts its sentences as covered."""
    unrelated_below: float = 0.12
    """A version whose best coverage is below this share is unrelated. On NTREX, another story
    covers at most 0.06 of a document; a free Bulgarian translation of a short one 0.14."""
    unrelated_min_sentences: int = 3
    """Versions shorter than this are never declared unrelated."""
    moved_threshold: float = 0.35
    """Mean similarity needed to move a lone sentence into a distant group."""
    near_threshold: float = 0.15
    """Mean similarity needed to join a lone sentence to a group at most ``near_window`` away."""
    near_window: int = 3
    pair_gaps: bool = True
    """Re-pair stretches of gaps by position (see ``_pair_gaps``) and join whole paragraphs
    facing each other across a gap (``_fill_gaps``): right for a backbone that
    cannot see through free translation (lexical), wrong for one that can (mt), where what is
    left in gaps really is missing."""
    gap_length_ratio: float = 2.0
    """Largest length ratio (either way) of a sentence and the group it faces across gaps."""
    detach_below: float = 0.15
    """Members of a group whose cosine is below this are not linked (see ``_detach_weak``)."""
    loose_below: float = 0.05
    """A lone member whose best cosine to the rest of its group is below this leaves it ..."""
    extra_join_below: float = 0.1
    """Mean cosine a lone sentence needs to join a neighbour that already holds its version
    (``_fill_gaps``): unlike a gap, that group has its translation, so the sentence must
    resemble the others beyond chance (unrelated sentences reach about 0.05)."""
    loose_ratio: float = 0.4
    """... as does one below this share of the cosine within the part it would join."""
    consistency_weight: float = 0.3
    """Bonus for pairing two sentences that the pairwise alignments link through other versions."""


@dataclass(frozen=True)
class NWayResult:
    groups: tuple[Members, ...]
    moved: tuple[bool, ...]
    scores: tuple[float, ...]
    unrelated: tuple[str, ...]
    coverage: Mapping[str, float]


@dataclass(frozen=True)
class VersionVectors:
    """What the N-way stage needs of one version."""

    id: str
    vectors: sparse.csr_matrix
    lengths: np.ndarray
    digest: str
    """Content hash: the processing order, so results do not depend on argument order."""
    paragraphs: np.ndarray
    """Paragraph index of each sentence."""

    @classmethod
    def build(
        cls,
        vid: str,
        text: str,
        vectors: sparse.csr_matrix,
        lengths: np.ndarray,
        paragraphs: Sequence[int] | None = None,
    ):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        n = vectors.shape[0]
        para = np.arange(n) if paragraphs is None else np.asarray(paragraphs, dtype=np.int64)
        return cls(vid, vectors, np.asarray(lengths, dtype=np.float64), digest, para)

    def __len__(self) -> int:
        return self.vectors.shape[0]

    @functools.cached_property
    def profile(self) -> Profile:
        """The version as a one-member profile (built once: it is aligned with every other)."""
        return single(self.vectors, self.lengths)


def align_nway(versions: Sequence[VersionVectors], params: NWayParams | None = None) -> NWayResult:
    params = params or NWayParams()
    ordered = sorted(versions, key=lambda v: (v.digest, v.id))
    by_id = {v.id: v for v in ordered}
    paths: dict[tuple[str, str], list[Step]] = {}
    linking: dict[tuple[str, str], list[Step]] = {}
    cover: dict[tuple[str, str], float] = {}
    pairs = list(itertools.combinations(ordered, 2))
    for (a, b), steps in zip(pairs, _pairwise_paths(pairs, params.pair), strict=True):
        paths[(a.id, b.id)] = steps
        linking[(a.id, b.id)] = _linking_steps(a, b, steps, params.cover_threshold)
        ca = sum(s.x1 - s.x0 for s in linking[(a.id, b.id)]) / max(len(a), 1)
        cb = sum(s.y1 - s.y0 for s in linking[(a.id, b.id)]) / max(len(b), 1)
        cover[(a.id, b.id)], cover[(b.id, a.id)] = ca, cb
    coverage = {
        v.id: max((cover[(v.id, w.id)] for w in ordered if w.id != v.id), default=1.0)
        for v in ordered
    }
    unrelated = _unrelated(ordered, coverage, params)
    related = [v for v in ordered if v.id not in unrelated]
    log.debug("coverage %s, unrelated %s", coverage, unrelated)
    library = _library(related, linking, by_id)
    groups = _progressive(related, by_id, library, cover, paths, params)
    groups = _detach_weak(groups, by_id, params)
    groups = _trim_edges(groups, by_id, params)
    if params.pair_gaps:
        groups = _pair_gaps(groups, by_id, params)
    groups = _fill_gaps(groups, by_id, params)
    groups = _attach_moved(groups, by_id, params)
    moved = _out_of_order(groups)
    scores = _group_scores(groups, by_id)
    return NWayResult(tuple(groups), tuple(moved), scores, tuple(sorted(unrelated)), coverage)


def _pairwise_paths(
    pairs: Sequence[tuple[VersionVectors, VersionVectors]], params: AlignParams
) -> list[list[Step]]:
    """Best path of every pair, computed side by side: the array work of one pair runs while
    another holds the interpreter (each pair on its own, so the result does not depend on it)."""
    xs = [_as_profile(a) for a, _ in pairs]
    ys = [_as_profile(b) for _, b in pairs]
    if len(pairs) < 2 or sum(len(a) * len(b) for a, b in pairs) < PARALLEL_CELLS:
        return [align_profiles(x, y, params) for x, y in zip(xs, ys, strict=True)]
    with ThreadPoolExecutor(max_workers=min(len(pairs), os.cpu_count() or 1)) as pool:
        return list(pool.map(align_profiles, xs, ys, itertools.repeat(params)))


def _as_profile(v: VersionVectors) -> Profile:
    return v.profile


def _spans(v: VersionVectors, spans: Sequence[Sequence[int]]) -> sparse.csr_matrix:
    """Unit-length sums of the given sentence spans of one version (zero rows for empty ones)."""
    rows = [r for r, idx in enumerate(spans) for _ in idx]
    cols = [i for idx in spans for i in idx]
    pool = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(spans), len(v)))
    return normalize_rows(sparse.csr_matrix(pool @ v.vectors))


def _member_spans(
    groups: Sequence[Members], by_id: Mapping[str, VersionVectors]
) -> dict[str, sparse.csr_matrix]:
    """Per version, the unit-length sum of its members in each group (groups x features)."""
    ids = sorted({k for g in groups for k in g})
    return {k: _spans(by_id[k], [g.get(k, ()) for g in groups]) for k in ids}


def _rowwise_cos(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def _bead_sims(a: VersionVectors, b: VersionVectors, steps: Sequence[Step]) -> np.ndarray:
    """Cosine of each step's two sides (0 for steps that leave one side empty)."""
    xa = _spans(a, [range(s.x0, s.x1) for s in steps])
    xb = _spans(b, [range(s.y0, s.y1) for s in steps])
    return _rowwise_cos(xa, xb)


def _linking_steps(
    a: VersionVectors, b: VersionVectors, steps: list[Step], threshold: float
) -> list[Step]:
    """The steps of a pairwise alignment that pair sentences with a cosine of ``threshold``:
    what counts towards coverage and what links sentences in the consistency library."""
    return [
        s
        for s, sim in zip(steps, _bead_sims(a, b, steps), strict=True)
        if s.x1 > s.x0 and s.y1 > s.y0 and sim >= threshold
    ]


def _unrelated(
    ordered: Sequence[VersionVectors], coverage: Mapping[str, float], params: NWayParams
) -> set[str]:
    if len(ordered) < 2:
        return set()
    low = {
        v.id
        for v in ordered
        # a very short text is too little to tell a free translation from another story
        if len(v) >= params.unrelated_min_sentences and coverage[v.id] < params.unrelated_below
    }
    if low and len(ordered) - len(low) < 2:
        # no two versions are left to tell the story the others lack: none is the odd one out,
        # so all are (a short text beside an unrelated long one is no reference either)
        return {v.id for v in ordered}
    return low


def _links(a: VersionVectors, b: VersionVectors, steps: list[Step]) -> sparse.csr_matrix:
    """Sentence-by-sentence 0/1 matrix of the pairs the given linking steps put in one bead."""
    rows, cols = [], []
    for s in steps:
        for i in range(s.x0, s.x1):
            for j in range(s.y0, s.y1):
                rows.append(i)
                cols.append(j)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(a), len(b)))


Library = dict[tuple[str, str], sparse.csr_matrix]


def _library(
    related: Sequence[VersionVectors],
    linking: Mapping[tuple[str, str], list[Step]],
    by_id: Mapping[str, VersionVectors],
) -> Library:
    """Consistency library (as in T-Coffee): for every ordered pair of versions, how many of the
    pairwise alignments (direct, or through a third version) link each pair of sentences, as a
    share of the possible routes."""
    ids = [v.id for v in related]
    direct: Library = {}
    for (a, b), steps in linking.items():
        if a in ids and b in ids:
            direct[(a, b)] = _links(by_id[a], by_id[b], steps)
            direct[(b, a)] = sparse.csr_matrix(direct[(a, b)].T)
    out: Library = {}
    routes = max(len(ids) - 1, 1)
    for a, b in itertools.permutations(ids, 2):
        total = direct[(a, b)].copy()
        for c in ids:
            if c not in (a, b):
                total = total + (direct[(a, c)] @ direct[(c, b)]).minimum(1.0)
        out[(a, b)] = sparse.csr_matrix(total / routes)
    return out


def _progressive(
    related: Sequence[VersionVectors],
    by_id: Mapping[str, VersionVectors],
    library: Library,
    cover: Mapping[tuple[str, str], float],
    paths: Mapping[tuple[str, str], list[Step]],
    params: NWayParams,
) -> list[Members]:
    """Align the two closest versions, then each next closest with the groups so far, with the
    consistency library as a bonus; long ones within a band around their pairwise paths."""
    if not related:
        return []
    if len(related) == 1:
        only = related[0]
        return [{only.id: (i,)} for i in range(len(only))]

    def closeness(a: str, b: str) -> float:
        return (cover[(a, b)] + cover[(b, a)]) / 2

    ids = [v.id for v in related]
    first = max(itertools.combinations(ids, 2), key=lambda p: closeness(*p))
    weight = params.consistency_weight if len(ids) > 2 else 0.0
    a, b = by_id[first[0]], by_id[first[1]]
    steps = align_profiles(
        _as_profile(a), _as_profile(b), params.pair, [weight * library[first]], paths[first]
    )
    groups = _groups_from_steps(steps, a.id, b.id)
    placed = list(first)
    while len(placed) < len(ids):
        nxt = max(
            (v for v in ids if v not in placed),
            key=lambda v: max(closeness(v, p) for p in placed),
        )
        profile = _profile(groups, placed, by_id)
        bonus = [weight * (_pool(groups, p, by_id) @ library[(p, nxt)]) for p in placed]
        guide = _guide(groups, placed, nxt, paths)
        steps = align_profiles(profile, _as_profile(by_id[nxt]), params.pair, bonus, guide)
        groups = _merge(groups, steps, nxt)
        placed.append(nxt)
    return [{vid: g.get(vid, ()) for vid in ids} for g in groups]


def _guide(
    groups: Sequence[Members],
    placed: Sequence[str],
    nxt: str,
    paths: Mapping[tuple[str, str], list[Step]],
) -> list[Step]:
    """The pairwise paths from each placed version to ``nxt``, with the placed version's
    sentences replaced by the groups holding them."""
    out = []
    for p in placed:
        where = {i: g for g, members in enumerate(groups) for i in members.get(p, ())}
        if (p, nxt) in paths:
            steps = paths[(p, nxt)]
        else:
            steps = [Step(s.y0, s.y1, s.x0, s.x1) for s in paths[(nxt, p)]]
        for s in steps:
            if s.x1 > s.x0:
                out.append(Step(where[s.x0], where[s.x1 - 1] + 1, s.y0, s.y1))
            else:
                row = where.get(s.x0, len(groups))
                out.append(Step(row, row, s.y0, s.y1))
    return out


def _groups_from_steps(steps: list[Step], a: str, b: str) -> list[Members]:
    return [{a: tuple(range(s.x0, s.x1)), b: tuple(range(s.y0, s.y1))} for s in steps]


def _pool(groups: Sequence[Members], vid: str, by_id) -> sparse.csr_matrix:
    """Groups x sentences matrix of one version's membership."""
    rows, cols = [], []
    for g, members in enumerate(groups):
        for i in members.get(vid, ()):
            rows.append(g)
            cols.append(i)
    shape = (len(groups), len(by_id[vid]))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


def _profile(groups: Sequence[Members], ids: Sequence[str], by_id) -> Profile:
    vectors, lengths = [], []
    for vid in ids:
        v = by_id[vid]
        pool = _pool(groups, vid, by_id)
        vectors.append(sparse.csr_matrix(pool @ v.vectors))
        lengths.append(np.asarray(pool @ v.lengths).ravel())
    return Profile(tuple(vectors), tuple(lengths))


def _merge(groups: Sequence[Members], steps: list[Step], vid: str) -> list[Members]:
    out: list[Members] = []
    for s in steps:
        if s.x1 > s.x0:
            merged: dict[str, list[int]] = {}
            for g in groups[s.x0 : s.x1]:
                for k, idx in g.items():
                    merged.setdefault(k, []).extend(idx)
            members = {k: tuple(sorted(v)) for k, v in merged.items()}
        else:
            members = {}
        members[vid] = tuple(range(s.y0, s.y1))
        out.append(members)
    return out


def _detach_weak(
    groups: list[Members], by_id: Mapping[str, VersionVectors], params: NWayParams
) -> list[Members]:
    """Split a group into parts that resemble each other: gap-filling can pair two passages
    that merely sit in the same place (000/001's closing lines vs 002/003's added paragraph).

    Members are linked when their cosine reaches ``detach_below``. Parts of two or more versions
    that agree among themselves but not with each other become groups of their own, in place, so
    every version keeps its order. A single loose member (a free translation shares few n-grams)
    stays with the part it resembles most unless even that is below ``loose_below``.
    """
    out: list[Members] = []
    pair_sims = _member_sims(groups, by_id)
    for g, members in enumerate(groups):
        present = [k for k, idx in members.items() if idx]
        if len(present) < 2:
            out.append(members)
            continue
        sim = {(a, b): float(pair_sims[(a, b)][g]) for a in present for b in present if a != b}
        cores = [p for p in _linked_parts(present, sim, params.detach_below) if len(p) > 1]
        if not cores:
            cores = _linked_parts(present, sim, params.loose_below)
        else:
            for k in (k for k in present if not any(k in p for p in cores)):
                best = max(cores, key=lambda q, k=k: max(sim[(k, o)] for o in q))
                inner = max(sim[(a, b)] for a in best for b in best if a != b)
                floor = max(params.loose_below, params.loose_ratio * inner)
                if max(sim[(k, o)] for o in best) >= floor:
                    best.append(k)
                else:
                    cores.append([k])
        if len(cores) <= 1:
            out.append(members)
            continue
        for part in sorted(cores, key=lambda p: min(str(k) for k in p)):
            out.append({o: (members[o] if o in part else ()) for o in members})
    return out


def _trim_edges(
    groups: list[Members], by_id: Mapping[str, VersionVectors], params: NWayParams
) -> list[Members]:
    """Split off a first or last sentence of a multi-sentence member that shares nothing with
    the other versions while the rest of the member does (a 1-2 bead that swallowed a sentence
    only one version has). The split-off sentence becomes a group of its own next to it."""
    members = _member_spans(groups, by_id)
    ids = sorted(members)
    cut_first: dict[str, np.ndarray] = {}
    cut_last: dict[str, np.ndarray] = {}
    for k in ids:
        rows = [g for g, group in enumerate(groups) if len(group.get(k, ())) >= 2]
        if not rows or len(ids) < 2:
            continue
        idx = [tuple(groups[g][k]) for g in rows]
        others = [members[o][rows] for o in ids if o != k]

        def best(spans: list[tuple[int, ...]], k: str = k, others=others) -> np.ndarray:
            m = _spans(by_id[k], spans)
            return np.max([_rowwise_cos(m, other) for other in others], axis=0)

        first, after_first = best([i[:1] for i in idx]), best([i[1:] for i in idx])
        last, before_last = best([i[-1:] for i in idx]), best([i[:-1] for i in idx])
        loose, linked = params.loose_below, params.detach_below
        cut_first[k] = np.zeros(len(groups), dtype=bool)
        cut_last[k] = np.zeros(len(groups), dtype=bool)
        cut_first[k][rows] = (first < loose) & (after_first >= linked)
        cut_last[k][rows] = ~cut_first[k][rows] & (last < loose) & (before_last >= linked)
    out: list[Members] = []
    for g, group in enumerate(groups):
        before: list[Members] = []
        after: list[Members] = []
        for k, idx in group.items():
            if k in cut_first and cut_first[k][g]:
                before.append({o: (idx[:1] if o == k else ()) for o in group})
                group = {**group, k: idx[1:]}
            elif k in cut_last and cut_last[k][g]:
                after.append({o: (idx[-1:] if o == k else ()) for o in group})
                group = {**group, k: idx[:-1]}
        out.extend([*before, group, *after])
    return out


def _linked_parts(
    keys: Sequence[str], sim: Mapping[tuple[str, str], float], floor: float
) -> list[list[str]]:
    """Connected parts of ``keys`` where an edge is a similarity of at least ``floor``."""
    parts: list[list[str]] = []
    for k in keys:
        linked = [p for p in parts if any(sim[(k, o)] >= floor for o in p)]
        parts = [p for p in parts if p not in linked] + [[k] + [o for p in linked for o in p]]
    return parts


def _present(g: Members) -> list[str]:
    """The versions with sentences in a group."""
    return [k for k, idx in g.items() if idx]


def _length_ratio(
    g: Members, vid: str, by_id: Mapping[str, VersionVectors], extra: Sequence[int] = ()
) -> float:
    """Length of ``vid``'s members (plus ``extra`` sentences) over the mean length of the other
    versions' members, smoothed for short sentences."""

    def length(k: str, idx: Sequence[int]) -> float:
        return float(by_id[k].lengths[list(idx)].sum())

    theirs = float(np.mean([length(k, g[k]) for k in _present(g) if k != vid]))
    return (length(vid, [*g.get(vid, ()), *extra]) + 20.0) / (theirs + 20.0)


def _pair_gaps(
    groups: list[Members], by_id: Mapping[str, VersionVectors], params: NWayParams
) -> list[Members]:
    """Re-pair a stretch where the versions have as many sentences, or paragraphs, in order.

    Between two groups that every version shares (or the ends of the documents), a stretch of
    groups that each lack some version, where every version has the same number k of sentences,
    is one passage translated freely: a gap in X facing a gap in the others, or a staircase
    where free translations were paired one off. The i-th sentences of all versions become one
    group when each such group's lengths are plausible (``gap_length_ratio``). Failing equal
    sentence counts, a stretch of whole paragraphs, as many in every version, pairs paragraph
    by paragraph (and sentence by sentence inside paragraphs of equal counts). Failing both,
    the sentences of the versions with fewer are placed on those of the version with the most
    (``_onto_spine``). A version with nothing in the stretch keeps its gap there (a real
    omission) while the others, as many sentences each, pair among themselves. A second round
    also breaks stretches at shared groups with a loose member (``_firmly_shared``).
    """
    ids = sorted({k for g in groups for k in g})
    if len(ids) < 2:
        return groups

    def plausible(g: Members) -> bool:
        high = params.gap_length_ratio
        return all(1 / high <= _length_ratio(g, k, by_id) <= high for k in _present(g))

    def diagonal(units: Mapping[str, list[tuple[int, ...]]]) -> list[Members] | None:
        """The i-th units of the given versions as one group (the others empty), if every
        given version has as many."""
        if len({len(u) for u in units.values()}) != 1:
            return None
        n = len(next(iter(units.values())))
        return [{k: units[k][i] if k in units else () for k in ids} for i in range(n)]

    def paired(run: Sequence[Members]) -> list[Members] | None:
        """The run re-paired, or None where it cannot be."""
        own = {k: sorted(i for g in run for i in g.get(k, ())) for k in ids}
        there = [k for k in ids if own[k]]
        if len(there) < 2:
            return None
        by_sentence = diagonal({k: [(i,) for i in own[k]] for k in there})
        if by_sentence is None:
            if len(there) < len(ids):
                # A version with nothing here really lacks the passage; the others pair
                # among themselves only with as many sentences each.
                return None
            # Whole paragraphs facing each other: pair them, and their sentences where the
            # paragraphs hold as many.
            paragraphs = {k: _whole_paragraphs(by_id[k], own[k]) for k in ids}
            if any(p is None for p in paragraphs.values()):
                return None
            by_paragraph = diagonal(paragraphs)  # type: ignore[arg-type]
            if by_paragraph is None:
                return _onto_spine(own, by_id, params)
            by_sentence = []
            for g in by_paragraph:
                split = diagonal({k: [(i,) for i in g[k]] for k in ids})
                by_sentence += split if split and all(plausible(h) for h in split) else [g]
        return by_sentence if all(plausible(g) for g in by_sentence) else None

    def between(groups: list[Members], boundary: Sequence[bool]) -> list[Members]:
        """Re-pair each run of non-boundary groups; where a paragraph straddles the shared
        group before or after the run, the run takes that group in too."""
        out: list[Members] = []
        i, n = 0, len(groups)
        before_free = False  # whether out[-1] is the untouched boundary group before i
        while i < n:
            if boundary[i]:
                out.append(groups[i])
                before_free = True
                i += 1
                continue
            j = i
            while j < n and not boundary[j]:
                j += 1
            starts, ends = _straddled(groups[i:j], by_id)
            widths = [(0, 0), (1, 0), (0, 1), (1, 1)]
            for before, after in widths:
                if (before and not (starts and before_free)) or (after and not (ends and j < n)):
                    continue
                new = paired(groups[i - before : j + after])
                if new is not None:
                    out = out[: len(out) - before] + new
                    break
            else:
                out += groups[i:j]
                after = 0
            i = j + after
            before_free = False
        return out

    groups = between(groups, [len(_present(g)) == len(ids) for g in groups])
    return between(groups, _firmly_shared(groups, ids, by_id, params))


def _onto_spine(
    own: Mapping[str, list[int]], by_id: Mapping[str, VersionVectors], params: NWayParams
) -> list[Members] | None:
    """Pair a stretch whose versions hold different numbers of sentences.

    The version with the most sentences is the spine. Each other version (most sentences
    first) places its sentences, in order, on the spine positions they fit best: the mean
    cosine with what a position already holds, minus the length penalty of the pairwise score
    (free translations share few n-grams, so length often decides, as in Gale-Church). Spine
    positions left over are sentences the others lack. None when a version has nothing in the
    stretch or a resulting group's lengths are implausible (``gap_length_ratio``).
    """
    ids = sorted(own)
    if any(not own[k] for k in ids):
        return None
    order = sorted(ids, key=lambda k: (-len(own[k]), k))
    slots: list[dict[str, int]] = [{order[0]: i} for i in own[order[0]]]
    for k in order[1:]:
        mine = own[k]
        v = by_id[k]
        cos = {
            o: (v.vectors[mine] @ by_id[o].vectors[own[o]].T).toarray()
            for o in order[: order.index(k)]
        }
        score = np.empty((len(slots), len(mine)))
        for i, slot in enumerate(slots):
            sims = np.mean([cos[o][:, own[o].index(x)] for o, x in slot.items()], axis=0)
            length = np.mean([by_id[o].lengths[x] for o, x in slot.items()])
            ratio = np.abs(np.log((v.lengths[mine] + 20.0) / (length + 20.0)))
            score[i] = sims - params.pair.length_weight * ratio
        for jj, i in enumerate(_monotone_placement(score)):
            slots[i][k] = mine[jj]
    out = [{k: ((slot[k],) if k in slot else ()) for k in ids} for slot in slots]
    high = params.gap_length_ratio
    for g in out:
        present = _present(g)
        if len(present) > 1 and not all(
            1 / high <= _length_ratio(g, k, by_id) <= high for k in present
        ):
            return None
    return out


def _monotone_placement(score: np.ndarray) -> list[int]:
    """For an (n slots x m items) score matrix with m <= n, the slot of each item, in order,
    maximising the total score: a path of the DP core where slots may stay empty (1-0 beads)
    and items may not (0-1 beads cost more than any placement gains)."""
    n, m = score.shape
    pair = np.full((n + 1, m + 1), -np.inf)
    pair[1:, 1:] = score
    forbidden = -2.0 * (1.0 + np.abs(score).sum())  # more than any placement can gain
    path = best_path(Band.full(n, m), {(1, 1): pair, SKIP_X: np.zeros((n + 1, m + 1))}, forbidden)
    return [s.x0 for s in path if s.x1 > s.x0 and s.y1 > s.y0]


def _straddled(run: Sequence[Members], by_id: Mapping[str, VersionVectors]) -> tuple[bool, bool]:
    """Whether some version's sentences in ``run`` start, or end, inside a paragraph."""
    starts = ends = False
    for k, v in by_id.items():
        own = sorted(i for g in run for i in g.get(k, ()))
        if own:
            opens, closes = _cut_paragraphs(v, own[0], own[-1])
            starts, ends = starts or opens, ends or closes
    return starts, ends


def _cut_paragraphs(v: VersionVectors, first: int, last: int) -> tuple[bool, bool]:
    """Whether sentences ``first``..``last`` begin, and end, inside a paragraph."""
    para = v.paragraphs
    opens = first > 0 and para[first - 1] == para[first]
    closes = last + 1 < len(para) and para[last + 1] == para[last]
    return bool(opens), bool(closes)


def _is_paragraph(v: VersionVectors, own: Sequence[int]) -> bool:
    """Whether ``own`` is exactly one whole paragraph."""
    parts = _whole_paragraphs(v, sorted(own))
    return parts is not None and len(parts) == 1


def _whole_paragraphs(v: VersionVectors, own: Sequence[int]) -> list[tuple[int, ...]] | None:
    """``own`` (sorted sentence indices) cut into paragraphs, or None unless it holds every
    sentence of each paragraph it touches."""
    if not own:
        return []
    first, last = own[0], own[-1]
    if list(own) != list(range(first, last + 1)):
        return None
    if any(_cut_paragraphs(v, first, last)):
        return None
    para = v.paragraphs
    cuts = [first, *(i for i in range(first + 1, last + 1) if para[i] != para[i - 1]), last + 1]
    return [tuple(range(a, b)) for a, b in itertools.pairwise(cuts)]


def _firmly_shared(
    groups: Sequence[Members],
    ids: Sequence[str],
    by_id: Mapping[str, VersionVectors],
    params: NWayParams,
) -> list[bool]:
    """Groups every version shares where each member resembles another (``detach_below``): a
    member kept only for lack of anything better may be one step of a staircase."""
    sims = _member_sims(groups, by_id)
    out = []
    for g, members in enumerate(groups):
        present = _present(members)
        out.append(
            len(present) == len(ids)
            and all(
                max(sims[(a, b)][g] for b in present if b != a) >= params.detach_below
                for a in present
            )
        )
    return out


def _fill_gaps(
    groups: list[Members], by_id: Mapping[str, VersionVectors], params: NWayParams
) -> list[Members]:
    """Join a lone sentence to a neighbouring group that lacks its version: next to each other,
    a group missing version X and a sentence only X has are one passage translated freely (few
    shared n-grams), not an omission beside an addition. Needs a cosine of ``loose_below`` and
    a plausible length ratio. A neighbour that already holds X takes a further lone X sentence
    only when that brings the lengths closer (a sentence the others translated as two) and
    resembles them beyond chance (``extra_join_below``).
    With ``pair_gaps``, a lone sentence that is a whole paragraph needs no shared n-grams to join
    a neighbour whose members are whole paragraphs: the layout says they correspond."""
    ids = sorted({k for g in groups for k in g})
    full = len(ids)
    if full < 2:
        return groups

    def ratio(g: Members, vid: str, extra: Sequence[int]) -> float:
        return _length_ratio(g, vid, by_id, extra)

    def joins(g: Members, h: Members, vid: str) -> bool:
        others = [k for k in _present(h) if k != vid]
        if len(others) != full - 1:
            return False
        r = ratio(h, vid, g[vid])
        if not 0.5 <= r <= 2.0:
            return False
        if h.get(vid) and abs(np.log(r)) >= abs(np.log(ratio(h, vid, ()))):
            return False
        if (
            params.pair_gaps
            and not h.get(vid)
            and all(_is_paragraph(by_id[k], g.get(k) or h[k]) for k in h)
        ):
            return True  # a paragraph of its own facing paragraphs of their own
        mine = _spans(by_id[vid], [g[vid]])
        sims = [float((mine @ _spans(by_id[k], [h[k]]).T).toarray()[0, 0]) for k in others]
        bar = params.extra_join_below if h.get(vid) else params.loose_below
        return float(np.mean(sims)) >= bar

    out = list(groups)
    o = 0
    while o < len(out):
        g = out[o]
        lone = _present(g)
        joined = False
        if len(lone) == 1:
            (vid,) = lone
            for h in (o - 1, o + 1):
                if 0 <= h < len(out) and joins(g, out[h], vid):
                    out[h] = {**out[h], vid: tuple(sorted([*out[h].get(vid, ()), *g[vid]]))}
                    del out[o]
                    joined = True
                    break
        # after a join, look again at the sentence now next to the grown group
        o = max(o - 1, 0) if joined else o + 1
    return out


def _attach_moved(
    groups: list[Members], by_id: Mapping[str, VersionVectors], params: NWayParams
) -> list[Members]:
    """Join sentences to a group that lacks their version and resembles them more.

    Candidates are lone sentences (a group of their own), weak members (whose mean cosine to
    the rest of their group is below ``detach_below``: the path paired them with whatever sat
    there, often an inserted line, while their counterpart went elsewhere) and the first or last
    sentence of a member of several (a swapped sentence the path merged into its neighbour's
    bead; nearby groups only). Nearby groups (a swap of neighbouring sentences, a partner the
    path just missed) need only ``near_threshold``; distant ones need ``moved_threshold``; a
    sentence taken out of a group also needs twice its cosine to that group.
    A lone sentence may also take the place of a group's weak member of its version when it
    resembles that group at least twice as much: the two trade places (an adjacent swap whose
    gap the path filled with an inserted line).
    A group is marked moved only when the join breaks its version's reading order.
    """
    if len(by_id) < 2 or not groups:
        return groups
    spans = _member_spans(groups, by_id)
    ids = sorted(spans)
    present = np.array([[bool(g.get(k)) for g in groups] for k in ids])  # versions x groups
    count = present.sum(0)
    candidates: list[tuple[float, int, int, str, tuple[int, ...], bool]] = []
    for v, vid in enumerate(ids):
        others = count - present[v]
        own = sum(_rowwise_cos(spans[vid], spans[o]) for o in ids if o != vid)
        own = np.divide(own, np.maximum(others, 1))
        ok = ~present[v] & (others > 0)
        weak = present[v] & (others > 0) & (own < params.detach_below)
        movable = np.flatnonzero((present[v] & (count == 1)) | weak)
        if len(movable):
            sims = np.zeros((len(movable), len(groups)))  # only the movable rows: stays linear
            for other in ids:
                if other != vid:
                    sims += (spans[vid][movable] @ spans[other].T).toarray()
            mean = np.divide(sims, np.maximum(others, 1))
        for r, o in enumerate(movable):
            dist = np.abs(np.arange(len(groups)) - o)
            need = np.where(
                dist <= params.near_window, params.near_threshold, params.moved_threshold
            )
            if count[o] > 1:
                need = np.maximum(need, 2 * own[o])
            idx = groups[o][vid]
            for h in np.flatnonzero(ok & (mean[r] >= need)):
                candidates.append((float(mean[r, h]), int(o), int(h), vid, idx, False))
            if count[o] == 1:
                trade = weak & (mean[r] >= np.maximum(need, 2 * own))
                for h in np.flatnonzero(trade):
                    candidates.append((float(mean[r, h]), int(o), int(h), vid, idx, True))
        candidates += _edge_moves(groups, vid, spans, by_id, ok, others, count, own, params)
    used: set[tuple[int, str]] = set()
    filled: set[tuple[int, str]] = set()
    sources: set[int] = set()
    targets: set[int] = set()
    for sim, o, h, vid, idx, trade in sorted(candidates, key=lambda c: (-c[0], *c[1:])):
        if (o, vid) in used or (h, vid) in filled or (h, vid) in used:
            continue
        if o in targets or h in sources:
            continue  # a group that just gained (or lost) a member is no longer what was scored
        rest = tuple(i for i in groups[o][vid] if i not in idx)
        groups[h], groups[o] = (
            {**groups[h], vid: idx},
            {**groups[o], vid: groups[h][vid] if trade else rest},
        )
        used.add((o, vid))
        filled.add((h, vid))
        sources.add(o)
        targets.add(h)
        log.debug("joined %s sentences %s to group %d (sim %.2f)", vid, idx, h, sim)
    return [g for g in groups if any(g.values())]


def _edge_moves(
    groups: Sequence[Members],
    vid: str,
    spans: Mapping[str, sparse.csr_matrix],
    by_id: Mapping[str, VersionVectors],
    ok: np.ndarray,
    others: np.ndarray,
    count: np.ndarray,
    own: np.ndarray,
    params: NWayParams,
) -> list[tuple[float, int, int, str, tuple[int, ...], bool]]:
    """Moves of the first or last sentence of a firm member of several into a nearby group
    lacking ``vid`` (``near_window``), scored only against those groups: stays linear."""
    edges = [
        (o, i)
        for o, g in enumerate(groups)
        if len(g.get(vid, ())) > 1 and count[o] > 1 and own[o] >= params.detach_below
        for i in sorted({g[vid][0], g[vid][-1]})
    ]
    w = params.near_window
    pairs = [
        (r, h)
        for r, (o, _) in enumerate(edges)
        for h in range(max(o - w, 0), min(o + w + 1, len(groups)))
        if ok[h]
    ]
    if not pairs:
        return []
    vectors = _spans(by_id[vid], [(i,) for _, i in edges])
    origin = np.array([o for o, _ in edges])
    rows, targets = (np.array(x) for x in zip(*pairs, strict=True))
    mine = vectors[rows]
    sims = np.zeros(len(pairs))
    own_edge = np.zeros(len(edges))
    for other in spans:
        if other != vid:
            sims += _rowwise_cos(mine, spans[other][targets])
            own_edge += _rowwise_cos(vectors, spans[other][origin])
    mean = sims / np.maximum(others[targets], 1)
    own_edge /= np.maximum(others[origin], 1)
    need = np.maximum(params.near_threshold, 2 * own_edge[rows])
    return [
        (float(mean[k]), int(origin[r]), int(h), vid, (edges[r][1],), False)
        for k, (r, h) in enumerate(pairs)
        if mean[k] >= need[k]
    ]


def _out_of_order(groups: Sequence[Members]) -> list[bool]:
    """Groups holding a sentence that comes before an earlier group's sentence of its version."""
    moved = [False] * len(groups)
    last: dict[str, int] = {}
    for g, members in enumerate(groups):
        for vid, idx in members.items():
            if not idx:
                continue
            if min(idx) < last.get(vid, -1):
                moved[g] = True
            last[vid] = max(last.get(vid, -1), max(idx))
    return moved


def _member_sims(
    groups: Sequence[Members], by_id: Mapping[str, VersionVectors]
) -> dict[tuple[str, str], np.ndarray]:
    """For every ordered pair of versions, the cosine of their members in each group."""
    spans = _member_spans(groups, by_id)
    ids = sorted(spans)
    out = {}
    for a, b in itertools.combinations(ids, 2):
        out[(a, b)] = out[(b, a)] = _rowwise_cos(spans[a], spans[b])
    return out


def _group_scores(groups: Sequence[Members], by_id: Mapping[str, VersionVectors]) -> tuple:
    """Mean cosine between the members of each group (0 for single-version groups)."""
    sims = _member_sims(groups, by_id)
    out = []
    for g, members in enumerate(groups):
        present = sorted(k for k, idx in members.items() if idx)
        vals = [sims[(a, b)][g] for a, b in itertools.combinations(present, 2)]
        out.append(float(np.mean(vals)) if vals else 0.0)
    return tuple(out)

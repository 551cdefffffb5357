"""The pairwise alignment an N-way alignment implies for two of its versions.

A group holds everything that belongs together across *all* versions, so when a third version
merged two sentences the group also holds both sentences of the other two, although those two
versions pair them one to one. Reading a pair off the groups therefore re-aligns the two
versions' members inside each group (a tiny DP, same scores as the main pass), except that two
sentences facing two may cross (inside a group, order does not constrain) and a 2-1 bead is
kept only when the extra sentence does not dilute the pair (``MERGE_KEEPS``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from tcheck.align.features import Features, normalize_rows
from tcheck.align.profile import AlignParams, single
from tcheck.align.search import align_profiles

Bead = tuple[tuple[int, ...], tuple[int, ...]]

MERGE_KEEPS = 0.9
"""Share of its better half's cosine a 2-1 bead inside a group must keep; an unrelated sentence
of similar length added to one side lowers it to about 0.7, a translated one raises it."""


def pair_beads(
    groups: Sequence[Mapping[str, Sequence[int]]],
    a: str,
    b: str,
    features_a: Features,
    features_b: Features,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Beads between versions ``a`` and ``b`` (one-sided sentences as 1-0 / 0-1 beads)."""
    params = params or AlignParams()
    beads: list[Bead] = []
    for g in groups:
        x, y = tuple(g.get(a, ())), tuple(g.get(b, ()))
        if x and y and len(x) + len(y) > 2:
            beads += _within(x, y, features_a, features_b, params)
        elif x and y:
            beads.append((x, y))
        else:
            beads += [((i,), ()) for i in x] + [((), (j,)) for j in y]
    return beads


def _within(
    x: tuple[int, ...], y: tuple[int, ...], fa: Features, fb: Features, params: AlignParams
) -> list[Bead]:
    if len(x) == len(y) == 2:
        sims = (fa.vectors[list(x)] @ fb.vectors[list(y)].T).toarray()
        if min(sims[0, 1], sims[1, 0]) > max(sims[0, 0], sims[1, 1]):
            # two sentences in swapped order (a third version merged them, so one group)
            return [((x[0],), (y[1],)), ((x[1],), (y[0],))]
    px = single(fa.vectors[list(x)], fa.lengths[list(x)])
    py = single(fb.vectors[list(y)], fb.lengths[list(y)])
    out: list[Bead] = []
    for s in align_profiles(px, py, params):
        xs, ys = x[s.x0 : s.x1], y[s.y0 : s.y1]
        if len(xs) + len(ys) == 3:
            xs, ys, rest = _unmerged(xs, ys, fa, fb)
            out += rest
        if xs and ys:
            out.append((xs, ys))
        else:
            out += [((i,), ()) for i in xs] + [((), (j,)) for j in ys]
    return out


def _unmerged(
    xs: tuple[int, ...], ys: tuple[int, ...], fa: Features, fb: Features
) -> tuple[tuple[int, ...], tuple[int, ...], list[Bead]]:
    """A 2-1 (or 1-2) bead, or its better half and the other sentence left alone when adding
    that sentence costs the pair more than :data:`MERGE_KEEPS` of its cosine: inside a group,
    the third version's merge put it there, not this pair's."""
    flip = len(xs) == 1
    two, one, f2, f1 = (ys, xs, fb, fa) if flip else (xs, ys, fa, fb)
    target = f1.vectors[list(one)]
    halves = (f2.vectors[list(two)] @ target.T).toarray().ravel()
    merged = normalize_rows(sparse.csr_matrix(f2.vectors[list(two)].sum(axis=0)))
    best = int(np.argmax(halves))
    if (merged @ target.T).toarray()[0, 0] >= MERGE_KEEPS * halves[best]:
        return xs, ys, []
    kept, alone = (two[best],), two[1 - best]
    lone: Bead = ((), (alone,)) if flip else ((alone,), ())
    return (one, kept, [lone]) if flip else (kept, one, [lone])

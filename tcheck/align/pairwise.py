"""The pairwise alignment an N-way alignment implies for two of its versions.

A group holds everything that belongs together across *all* versions, so when a third version
merged two sentences the group also holds both sentences of the other two, although those two
versions pair them one to one. Reading a pair off the groups therefore re-aligns the two
versions' members inside each group (a tiny DP, same scores as the main pass), except that two
sentences facing two may cross: inside a group, order does not constrain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tcheck.align.features import Features
from tcheck.align.profile import AlignParams, single
from tcheck.align.search import align_profiles

Bead = tuple[tuple[int, ...], tuple[int, ...]]


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
        if xs and ys:
            out.append((xs, ys))
        else:
            out += [((i,), ()) for i in xs] + [((), (j,)) for j in ys]
    return out

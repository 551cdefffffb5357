"""Sentence alignment across N versions: backbones, the DP core and the N-way grouping."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from tcheck.align.features import Features
from tcheck.align.nway import NWayParams, VersionVectors, align_nway
from tcheck.align.scorer import Scorer, load_scorer
from tcheck.model import Alignment, Group, Version

__all__ = ["Scorer", "align_versions", "load_scorer"]


def align_versions(
    versions: Sequence[Version],
    scorer: Scorer,
    params: NWayParams | None = None,
    features: Sequence[Features] | None = None,
) -> Alignment:
    """Group the sentences of all versions; every sentence of a related version lands in one group.

    ``features`` (from ``scorer.features(versions)``) may be passed when the caller needs them too.
    """
    feats = list(features) if features is not None else scorer.features(versions)
    vv = [
        VersionVectors.build(v.id, v.text, f.vectors, f.lengths, [s.paragraph for s in v.sentences])
        for v, f in zip(versions, feats, strict=True)
    ]
    params = params or NWayParams()
    params = dataclasses.replace(params, pair_gaps=not scorer.sees_free_translation)
    result = align_nway(vv, params)
    order = [v.id for v in versions if v.id not in result.unrelated]
    groups = tuple(
        Group(
            id=i,
            members={vid: members.get(vid, ()) for vid in order},
            moved=moved,
            score=score,
        )
        for i, (members, moved, score) in enumerate(
            zip(result.groups, result.moved, result.scores, strict=True)
        )
    )
    return Alignment(
        versions=tuple(versions),
        groups=groups,
        unrelated=tuple(v.id for v in versions if v.id in result.unrelated),
        coverage=dict(result.coverage),
        backbone=scorer.name,
    )

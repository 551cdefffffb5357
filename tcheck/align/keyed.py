"""Key alignment for key-value resources (JSON, YAML, PO, XLIFF): one group per key.

Every sentence carries the key of its value, so each sentence lands in exactly one group; a
key some versions lack gives a group in which they have no members (an omission).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tcheck.errors import InputError
from tcheck.model import Alignment, Group, Version

BACKBONE = "key"
"""What ``Alignment.backbone`` says for key-aligned versions."""


def align_by_key(versions: Sequence[Version], keyed: Callable[[Version], bool]) -> Alignment:
    """Group the sentences of resource versions by key, keys in order of first appearance.

    ``keyed`` tells a resource version from a prose one; prose among resources is an input
    error, since there is nothing to align it by.
    """
    prose = [v for v in versions if not keyed(v)]
    if prose:
        resources = [v for v in versions if keyed(v)]
        raise InputError(
            f"cannot compare key-value resources ({_names(resources)}) with prose "
            f"({_names(prose)}); compare them separately"
        )
    members: dict[str, dict[str, list[int]]] = {}
    for version in versions:
        for sentence in version.sentences:
            if sentence.key is None:
                raise InputError(f"{version.path or version.id}: segment without a key")
            members.setdefault(sentence.key, {}).setdefault(version.id, []).append(sentence.index)
    groups = []
    for i, (key, found) in enumerate(members.items()):
        groups.append(
            Group(
                id=i,
                members={v.id: tuple(found.get(v.id, ())) for v in versions},
                score=1.0 if len(found) > 1 else 0.0,
                key=key,
            )
        )
    coverage = {}
    for version in versions:
        shared = sum(len(g.members[version.id]) for g in groups if len(g.present()) > 1)
        coverage[version.id] = shared / len(version.sentences) if version.sentences else 0.0
    return Alignment(
        versions=tuple(versions),
        groups=tuple(groups),
        coverage=coverage,
        backbone=BACKBONE,
    )


def _names(versions: Sequence[Version]) -> str:
    return ", ".join(v.path or v.id for v in versions)

"""Who is the odd one out: compare per-version multisets of values by majority.

With three or more versions the minority diverges from the majority; on a tie both sides are
named. A version that lacks a majority value while holding a value nobody else has gets a
mismatch; without a replacement it is a plain omission of the value.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from tcheck.checks.context import Located


@dataclass(frozen=True)
class Divergence:
    kind: str
    """``mismatch`` (different values in the same place) or ``missing`` (present vs absent)."""
    odd: tuple[str, ...]
    """The odd versions (both sides on a tie)."""
    expected: Hashable | None
    """The majority's value (None when the odd versions hold an extra value)."""
    found: Hashable | None
    """The odd versions' value (None when they lack it)."""
    evidence: tuple[Located, ...]
    tie: bool = False
    """The versions split evenly: ``odd`` names both sides, and neither is the majority."""


def compare_values(
    values: Mapping[str, Sequence[tuple[Hashable, Located]]],
) -> list[Divergence]:
    """``values[version] = [(key, where), ...]`` for the versions present in one group."""
    versions = sorted(values)
    n = len(versions)
    if n < 2:
        return []
    holders: dict[Hashable, set[str]] = {}
    first: dict[tuple[str, Hashable], Located] = {}
    for vid in versions:
        for key, loc in values[vid]:
            holders.setdefault(key, set()).add(vid)
            first.setdefault((vid, key), loc)
    diverging = {k: h for k, h in holders.items() if len(h) < n}
    if not diverging:
        return []
    out: list[Divergence] = []
    used: set[tuple[str, Hashable]] = set()

    def ev(vids, key) -> tuple[Located, ...]:
        return tuple(first[(v, key)] for v in sorted(vids) if (v, key) in first)

    # 1. majority values the minority lacks, paired with a minority-only value it holds instead
    for key, have in sorted(diverging.items(), key=lambda kv: str(kv[0])):
        lack = set(versions) - have
        if len(have) <= len(lack):
            continue
        replacements: dict[Hashable, set[str]] = {}
        for vid in lack:
            for other, other_have in diverging.items():
                minority = len(other_have) < n - len(other_have)
                if vid in other_have and minority and (vid, other) not in used:
                    replacements.setdefault(other, set()).add(vid)
                    break
        paired: set[str] = set()
        for other, vids in sorted(replacements.items(), key=lambda kv: str(kv[0])):
            out.append(
                Divergence(
                    "mismatch", tuple(sorted(vids)), key, other, ev(vids, other) + ev(have, key)
                )
            )
            used |= {(v, other) for v in vids}
            paired |= vids
        rest = lack - paired
        if rest:
            out.append(Divergence("missing", tuple(sorted(rest)), key, None, ev(have, key)))
        used |= {(v, key) for v in have}
    # 2. values only a minority holds, not already explained
    for key, have in sorted(diverging.items(), key=lambda kv: str(kv[0])):
        lack = set(versions) - have
        if len(have) >= len(lack) or all((v, key) in used for v in have):
            continue
        out.append(Divergence("missing", tuple(sorted(have)), None, key, ev(have, key)))
        used |= {(v, key) for v in have}
    # 3. ties: split evenly between two values -> name both sides
    ties = {
        k: h for k, h in diverging.items() if len(h) * 2 == n and not all((v, k) in used for v in h)
    }
    # each side's values pair in the order they are mentioned ("5 ... 12" against "7 ...")
    order: dict[Hashable, int] = {}
    for vid in versions:
        for idx, (key, _) in enumerate(values[vid]):
            order[key] = min(order.get(key, idx), idx)
    done: set[Hashable] = set()
    for key, have in sorted(ties.items(), key=lambda kv: (order[kv[0]], str(kv[0]))):
        if key in done:
            continue
        other = min(
            (
                k
                for k, h in ties.items()
                if k not in done and k != key and h == set(versions) - have
            ),
            key=lambda k: (abs(order[k] - order[key]), str(k)),
            default=None,
        )
        done.add(key)
        if other is not None:
            done.add(other)
            out.append(
                Divergence(
                    "mismatch",
                    tuple(versions),
                    key,
                    other,
                    ev(have, key) + ev(set(versions) - have, other),
                    tie=True,
                )
            )
        else:
            out.append(Divergence("missing", tuple(versions), key, None, ev(have, key), tie=True))
    return out

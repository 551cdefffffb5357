"""Attribution: who said or published it must be the same in every version."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, Located, located_evidence
from tcheck.model import Category, Finding, Severity


def _key(loc: Located) -> str:
    return loc.item.key  # type: ignore[attr-defined]


def _comparable(loc: Located) -> bool:
    """Named outlets and channels; speakers ("said") and translated acronyms (РНБО/СНСО) vary."""
    item = loc.item
    if not item.key or item.kind == "said":  # type: ignore[attr-defined]
        return False
    words = [w for w in item.text.split() if w[:1].isupper()]  # type: ignore[attr-defined]
    return not (words and all(w.isupper() and not w.isascii() for w in words))


class SourceMismatch(Check):
    """A passage is credited to different sources in different versions.

    Compares the named sources of aligned sentences ("в интервью Kyodo News" vs "написав у
    Telegram"). Unnamed sources ("по данным ведомства") never conflict with named ones.
    """

    code, slug, category, severity = (
        "TC501",
        "source-mismatch",
        Category.ATTRIBUTION,
        Severity.WARNING,
    )
    example = """
        ru: Об этом он заявил в интервью Kyodo News.
        uk: Про це він написав у Telegram.       <- TC501: Kyodo News vs Telegram
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for group in ctx.alignment.groups:
            named = {
                vid: [s for s in ctx.group_items(group, vid, "sources") if _comparable(s)]
                for vid in group.present()
            }
            named = {vid: locs for vid, locs in named.items() if locs}
            if len(named) < 2:
                continue
            finding = _disagreement(self, ctx, named, group.id)
            if finding:
                yield finding


class LeadSourceMismatch(Check):
    """The story's lead is credited to different sources in different versions.

    The first named source of each version (in the first half of the text) is the story's
    attribution; when versions disagree on it, the passages usually differ too, so this is
    checked across the whole document rather than inside one aligned group.
    """

    code, slug, category, severity = (
        "TC502",
        "lead-source-mismatch",
        Category.ATTRIBUTION,
        Severity.WARNING,
    )
    example = """
        000 (ru): ... в интервью Kyodo News ...     (first source)
        002 (uk): ... написав у Telegram ...        (first source)   <- TC502
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        lead: dict[str, list[Located]] = {}
        for v in ctx.related:
            half = max(len(v.sentences) // 2, 1)
            for loc in ctx.version_items(v.id, "sources"):
                if _comparable(loc) and loc.sentence.index < half:
                    lead[v.id] = [loc]
                    break
        if len(lead) < 2 or len({_key(locs[0]) for locs in lead.values()}) < 2:
            return
        # a disagreement already visible inside one group is TC501's
        groups = {ctx.group_of(vid, locs[0].sentence.index) for vid, locs in lead.items()}
        if len(groups) == 1:
            return
        finding = _disagreement(self, ctx, lead, None)
        if finding:
            yield finding


def _disagreement(
    check: Check, ctx: CheckContext, named: dict[str, list[Located]], group: int | None
) -> Finding | None:
    keys = {vid: {_key(s) for s in locs} for vid, locs in named.items()}
    vids = sorted(keys)
    if all(keys[a] & keys[b] for i, a in enumerate(vids) for b in vids[i + 1 :]):
        return None
    support: dict[str, int] = {}
    for ks in keys.values():
        for k in ks:
            support[k] = support.get(k, 0) + 1
    top = max(support.values())
    leaders = [k for k, c in support.items() if c == top]
    if len(leaders) == 1 and top > len(vids) / 2:
        odd = tuple(v for v in vids if leaders[0] not in keys[v])
    else:
        odd = tuple(vids)
    shown = " vs ".join(
        f"{named[v][0].item.text} ({v})"  # type: ignore[attr-defined]
        for v in vids
    )
    return check.finding(
        f"attributed differently: {shown}",
        group=group,
        versions=odd,
        evidence=tuple(located_evidence(ctx, named[v][0]) for v in vids),
        key="|".join(sorted({k for ks in keys.values() for k in ks})),
    )

"""Attribution: who said or published it must be the same in every version."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, Located, located_evidence
from tcheck.extract.model import NameRelation
from tcheck.extract.names import token_relation
from tcheck.model import Category, Finding, Severity


def _key(loc: Located) -> str:
    return loc.item.key  # type: ignore[attr-defined]


def _keys(loc: Located) -> set[str]:
    """The source's key and the keys of further names in the same attribution."""
    return {_key(loc), *loc.item.also}  # type: ignore[attr-defined]


def _agree(a: set[str], b: set[str]) -> bool:
    """Two versions name the same source: a shared key, or one name inside the other
    ("South" / "South China Morning Post", "CBS" / "CBS WAFB")."""
    if a & b:
        return True
    return any(
        _contains(x, y) or _contains(y, x) or _inflected(x, y) or _respelled(x, y)
        for x in a
        for y in b
    )


def _respelled(a: str, b: str) -> bool:
    """One source spelled two ways (Флайшер / Флейшер, Nielsen / Нільсен, Spiegel / Шпигель):
    every distinctive word of the shorter key differs from one of the longer's in vowels or
    transliteration conventions only (Telegraph / Telegram is another source).
    Respelled names are the name checks' business; here the source is the same."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    words = [x for x in short if len(x) >= 4]
    return bool(words) and all(
        any(token_relation(x, y) in _SPELLINGS for y in long_) for x in words
    )


_SPELLINGS = (NameRelation.SAME, NameRelation.ORTHOGRAPHY)


def _inflected(a: str, b: str) -> bool:
    """«Главком» / «Главкома»: one-word titles whose keys differ by an ending only."""
    if " " in a or " " in b or min(len(a), len(b)) < 4:
        return False
    return a.startswith(b) or b.startswith(a)


def _contains(longer: str, shorter: str) -> bool:
    lt, st = longer.split(), shorter.split()
    return 0 < len(st) < len(lt) and any(
        lt[i : i + len(st)] == st for i in range(len(lt) - len(st) + 1)
    )


def _comparable(loc: Located) -> bool:
    """Named outlets and channels; speakers ("said"), sources described in the language's own
    words ("по данным ведомства") and translated acronyms (РНБО/СНСО) vary."""
    item = loc.item
    if not item.key or not item.named or item.kind == "said":  # type: ignore[attr-defined]
        return False
    text = item.text.split()  # type: ignore[attr-defined]
    # a capitalised first word is the sentence's start ("За словами РНБО"), not a name
    words = [w for i, w in enumerate(text) if w[:1].isupper() and (i > 0 or w.isupper())]
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
    checked across the whole document rather than inside one aligned group. Translations
    often drop or move an attribution, so this is a hint (info) rather than a warning.
    """

    code, slug, category, severity = (
        "TC502",
        "lead-source-mismatch",
        Category.ATTRIBUTION,
        Severity.INFO,
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
    keys = {vid: [_keys(s) for s in locs] for vid, locs in named.items()}
    vids = sorted(keys)

    def substituted(a: str, b: str) -> bool:
        """Each side credits a source the other does not: one source replaced by another."""

        def lonely(x: str, y: str) -> bool:
            return any(not any(_agree(s, t) for t in keys[y]) for s in keys[x])

        return lonely(a, b) and lonely(b, a)

    clash = {v: sum(substituted(v, o) for o in vids if o != v) for v in vids}
    if not any(clash.values()):
        return None
    # the odd versions clash with more of the others than the rest do
    low = min(clash.values())
    odd = tuple(v for v in vids if clash[v] > low) or tuple(vids)

    def shown_source(v: str) -> Located:
        """The version's source that some other version does not share."""
        for loc, ks in zip(named[v], keys[v], strict=True):
            if any(not any(_agree(ks, t) for t in keys[o]) for o in vids if o != v):
                return loc
        return named[v][0]

    picked = {v: shown_source(v) for v in vids}
    shown = " vs ".join(f"{picked[v].item.text} ({v})" for v in vids)  # type: ignore[attr-defined]
    return check.finding(
        f"attributed differently: {shown}",
        group=group,
        versions=odd,
        evidence=tuple(located_evidence(ctx, picked[v]) for v in vids),
        key="|".join(sorted({_key(loc) for loc in picked.values()})),
    )

"""Content: passages missing from or added to some versions, moved passages, unrelated versions."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, sentence_evidence
from tcheck.model import Category, Evidence, Finding, Group, Severity


def _run_length(ctx: CheckContext, groups: tuple[Group, ...], index: int) -> tuple[int, bool]:
    """Sentences in the run of neighbouring groups with the same presence, and whether the run
    covers a whole paragraph of a version that has it."""
    pattern = set(groups[index].present())
    lo = hi = index
    while lo > 0 and set(groups[lo - 1].present()) == pattern:
        lo -= 1
    while hi + 1 < len(groups) and set(groups[hi + 1].present()) == pattern:
        hi += 1
    run = groups[lo : hi + 1]
    sentences = max(sum(len(g.members[v]) for g in run) for v in pattern)
    whole = False
    for vid in pattern:
        version = ctx.version(vid)
        idx = {i for g in run for i in g.members[vid]}
        paragraphs = {version.sentences[i].paragraph for i in idx}
        for p in paragraphs:
            para = {s.index for s in version.sentences if s.paragraph == p}
            if para <= idx and not all(version.sentences[i].headline for i in para):
                whole = True
    return sentences, whole


def _first_text(evidence: tuple[Evidence, ...]) -> str:
    """The text of the first sentence of the alphabetically first version: a key that does
    not depend on the order the versions were given in."""
    first = min(evidence, key=lambda e: (e.version, e.line, e.column), default=None)
    return first.text if first else ""


class _PresenceCheck(Check):
    adding: bool

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        related = [v.id for v in ctx.related]
        if len(related) < 2:
            return
        groups = ctx.alignment.groups
        for i, group in enumerate(groups):
            present = group.present()
            absent = tuple(v for v in related if v not in present)
            if not absent or not present:
                continue
            addition = len(present) * 2 <= len(related)
            if addition != self.adding:
                continue
            size, whole = _run_length(ctx, groups, i)
            big = whole or size >= ctx.config.omission_warning_sentences
            headline = all(s.headline for v in present for s in ctx.sentences(group, v))
            severity = Severity.WARNING if big and not headline else Severity.INFO
            evidence = tuple(
                sentence_evidence(ctx.version(v), s)
                for v in present
                for s in ctx.sentences(group, v)
            )
            n = max(len(group.members[v]) for v in present)
            what = "headline" if headline else f"{n} sentence{'s' if n != 1 else ''}"
            if group.key is not None:  # a resource key is a unit of its own, whatever its size
                what, whole, severity = f"key {group.key!r}", False, self.severity
            if self.adding:
                msg = f"{what} only in {', '.join(present)} (absent from {', '.join(absent)})"
                odd = present
            else:
                msg = f"{what} missing in {', '.join(absent)} (present in {', '.join(present)})"
                odd = absent
            if whole:
                msg += "; a whole paragraph"
            yield self.finding(
                msg,
                group=group.id,
                versions=odd,
                evidence=evidence,
                key=group.key or _first_text(evidence),
                severity=severity,
            )


class Omission(_PresenceCheck):
    """A passage that most versions have is missing in some.

    One finding per aligned group, naming the versions that lack it. A run of missing
    sentences that covers a whole paragraph (or at least ``omission-warning-sentences``) is a
    warning; a single sentence is info.
    """

    code, slug, category, severity = "TC101", "omission", Category.OMISSION, Severity.WARNING
    adding = False
    example = """
        ru: A. B. C.
        uk: A. C.       <- TC101: B missing in uk
    """


class Addition(_PresenceCheck):
    """A passage exists only in a minority of versions (or in half of them).

    Names the versions that alone have it. Severity by size as for omissions.
    """

    code, slug, category, severity = "TC102", "addition", Category.ADDITION, Severity.WARNING
    adding = True
    example = """
        ru: A. B.
        uk: A. B.
        bg: A. X. B.    <- TC102: X only in bg
    """


class UnrelatedVersion(Check):
    """A version does not tell the same story: too few of its sentences align with the others.

    Its coverage (share of sentences with a good partner in another version) is reported; it is
    kept out of the groups so that it does not drown the report in omissions.
    """

    code, slug, category, severity = (
        "TC103",
        "unrelated-version",
        Category.UNRELATED,
        Severity.ERROR,
    )
    example = """
        000.txt, 001.txt, 002.txt: one story; 004.txt: another story   <- TC103 on 004
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        al = ctx.alignment
        for vid in al.unrelated:
            v = al.version(vid)
            cov = al.coverage.get(vid, 0.0)
            first = v.sentences[0] if v.sentences else None
            evidence = (sentence_evidence(v, first),) if first else (Evidence(vid, "", 1, 1, None),)
            yield self.finding(
                f"{vid} looks unrelated to the other versions: {cov:.0%} of its sentences align",
                group=None,
                versions=(vid,),
                evidence=evidence,
                key=vid,
            )


class MovedContent(Check):
    """A passage appears at a different position in some versions."""

    code, slug, category, severity = "TC104", "moved", Category.OMISSION, Severity.INFO
    example = """
        ru: A. B. C.
        uk: A. C. B.    <- TC104: B moved in uk
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for group in ctx.alignment.groups:
            if not group.moved:
                continue
            evidence = tuple(
                sentence_evidence(ctx.version(v), s)
                for v in group.present()
                for s in ctx.sentences(group, v)
            )
            yield self.finding(
                f"passage is at a different position in some versions (group {group.id})",
                group=group.id,
                versions=group.present(),
                evidence=evidence,
                key=_first_text(evidence),
            )

"""Placeholders: the interpolation slots and inline tags of a string must be the same in every
version (``{name}``, ``{{count}}``, ``%s``, ``%(x)d``, ``%{x}``, ICU ``{n, plural, ...}``,
``<b>``...``</b>``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, sentence_evidence, span_evidence
from tcheck.extract.placeholders import Placeholder, find_placeholders
from tcheck.model import Category, Evidence, Finding, Group, Sentence, Severity, Version


@dataclass(frozen=True)
class _Found:
    placeholder: Placeholder
    version: Version
    sentence: Sentence

    def evidence(self) -> Evidence:
        p, s = self.placeholder, self.sentence
        return span_evidence(self.version, s, p.start - s.start, p.end - s.start)


def _passages(version: Version, indices: Sequence[int]) -> Iterator[list[Sentence]]:
    """Runs of consecutive sentences of one paragraph (one value or plural form of a
    resource key)."""
    run: list[Sentence] = []
    for i in sorted(indices):
        sentence = version.sentences[i]
        if run and (i != run[-1].index + 1 or sentence.paragraph != run[-1].paragraph):
            yield run
            run = []
        run.append(sentence)
    if run:
        yield run


def _placeholders(version: Version, group: Group) -> tuple[list[_Found], Counter[str]]:
    """Placeholders of a version's part of a group, and what it is compared by.

    A passage is searched as one text, since an ICU message may hold sentence ends. Plural
    forms are separate passages and languages have different numbers of them, so a version's
    count of a placeholder is its count in the passage that has most of it.
    """
    found: list[_Found] = []
    counts: Counter[str] = Counter()
    for passage in _passages(version, group.members.get(version.id, ())):
        start, end = passage[0].start, passage[-1].end
        placeholders = find_placeholders(version.text[start:end])
        for p in placeholders:
            at = start + p.start
            holder = next((s for s in passage if s.start <= at < s.end), None)
            if holder is not None:
                shifted = Placeholder(p.token, at, min(start + p.end, holder.end), p.nested)
                found.append(_Found(shifted, version, holder))
        top = Counter(p.token for p in placeholders if not p.nested)
        nested = Counter({p.token for p in placeholders if p.nested})
        counts |= top | nested
    return found, counts


def _fmt(counter: Counter[str]) -> str:
    if not counter:
        return "none"
    return " ".join(token for token, n in sorted(counter.items()) for _ in range(n))


class PlaceholderMismatch(Check):
    """A placeholder or inline tag differs between versions of the same string.

    Interpolation slots must survive translation unchanged: ``{name}``, ``{0}``, ``{{count}}``,
    printf ``%s``/``%d``/``%(name)s``/``%1$s``, Rails ``%{name}``, ICU arguments
    (``{count, plural, ...}``, searched inside their branches too), i18next ``$t(key)`` and
    HTML or XLIFF inline tags. Placeholders are compared as multisets, so reordering is fine;
    positional printf indices are ignored. The majority (or the ``reference`` version) sets
    what is expected.
    """

    code, slug, category, severity = (
        "TC901",
        "placeholder-mismatch",
        Category.PLACEHOLDER,
        Severity.ERROR,
    )
    example = """
        ru: "Привет, {name}! У вас {count} сообщений."
        uk: "Привіт, {name}! У вас {cnt} повідомлень."   <- TC901: uk has {cnt}, not {count}
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for group in ctx.alignment.groups:
            present = group.present()
            if len(present) < 2:
                continue
            found, counters = {}, {}
            for vid in present:
                found[vid], counters[vid] = _placeholders(ctx.version(vid), group)
            if all(c == counters[present[0]] for c in counters.values()):
                continue
            yield from self._findings(ctx, group, found, counters)

    def _findings(
        self,
        ctx: CheckContext,
        group: Group,
        found: dict[str, list[_Found]],
        counters: dict[str, Counter[str]],
    ) -> Iterator[Finding]:
        where = f"key {group.key!r}" if group.key is not None else f"group {group.id}"
        expected = _expected(counters, ctx.config.reference)
        if expected is None:
            shown = "; ".join(f"{vid}: {_fmt(c)}" for vid, c in counters.items())
            yield self.finding(
                f"placeholders differ in {where}: {shown}",
                group=group.id,
                versions=tuple(counters),
                evidence=tuple(
                    e for vid in counters for e in self._evidence(ctx, group, vid, found[vid])
                ),
                key=f"{group.key or ''}|{'|'.join(_fmt(c) for c in counters.values())}",
            )
            return
        agreeing = tuple(vid for vid, c in counters.items() if c == expected)
        odd_by_counter: dict[str, list[str]] = {}
        for vid, c in counters.items():
            if c != expected:
                odd_by_counter.setdefault(_fmt(c), []).append(vid)
        for shown, odd in odd_by_counter.items():
            counter = counters[odd[0]]
            missing, extra = expected - counter, counter - expected
            parts = []
            if missing:
                parts.append(f"lacks {_fmt(missing)}")
            if extra:
                parts.append(f"has {_fmt(extra)}")
            evidence = [
                e for vid in odd for e in self._evidence(ctx, group, vid, found[vid], extra)
            ]
            evidence += self._evidence(ctx, group, agreeing[0], found[agreeing[0]], missing)
            yield self.finding(
                f"placeholders differ in {where}: {', '.join(odd)} {' and '.join(parts)} "
                f"({', '.join(agreeing)}: {_fmt(expected)})",
                group=group.id,
                versions=tuple(odd),
                evidence=tuple(evidence),
                key=f"{group.key or ''}|{_fmt(expected)}|{shown}",
            )

    def _evidence(
        self,
        ctx: CheckContext,
        group: Group,
        vid: str,
        items: list[_Found],
        tokens: Counter[str] | None = None,
    ) -> list[Evidence]:
        """Spans of ``tokens`` (all placeholders when None) in one version; its first sentence
        in the group when it has none of them, so the finding still points at its line."""
        wanted = Counter(tokens) if tokens is not None else None
        out = []
        for item in items:
            token = item.placeholder.token
            if wanted is None or wanted[token] > 0:
                out.append(item.evidence())
                if wanted is not None:
                    wanted[token] -= 1
        if not out:
            version = ctx.version(vid)
            first = next(iter(ctx.sentences(group, vid)), None)
            if first is not None:
                out.append(sentence_evidence(version, first))
        return out


def _expected(counters: dict[str, Counter[str]], reference: str | None) -> Counter[str] | None:
    """The reference version's placeholders, else a strict majority's, else None."""
    if reference in counters:
        return counters[reference]
    tally = Counter(frozenset(c.items()) for c in counters.values())
    best, votes = tally.most_common(1)[0]
    if votes * 2 > len(counters):
        return Counter(dict(best))
    return None

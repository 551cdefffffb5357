"""Placeholders: the interpolation slots and inline tags of a string must be the same in every
version (``{name}``, ``{{count}}``, ``%s``, ``%(x)d``, ``%{x}``, ICU ``{n, plural, ...}``,
``<b>``...``</b>``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, sentence_evidence, span_evidence
from tcheck.model import Category, Evidence, Finding, Group, Sentence, Severity, Version

_DOUBLE_BRACE = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
_PRINTF = re.compile(
    r"%(?:\((?P<name>\w+)\)|\{(?P<ruby>\w+)\}|<(?P<angle>\w+)>)?(?:\d+\$)?"
    r"(?(ruby)|[-+0#]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[sdifuxXoeEgGcpr@])"
)
_NESTING = re.compile(r"\$t\([^()]*\)")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s[^<>]*?)?)\s*(/?)>")
_TAG_ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
_ARGUMENT = re.compile(r"\s*([A-Za-z0-9_.-]*)\s*(?:,\s*([a-z]+)\s*(?:,(.*))?)?", re.DOTALL)
_FORMAT_FIELD = re.compile(r"\s*([A-Za-z0-9_.\[\]-]*)\s*(?:![rsa])?(?::[^{}]*)?")
_BRANCHING = frozenset({"plural", "select", "selectordinal"})


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found in a string."""

    token: str
    """Normalised form compared across versions (``{count}``, ``%s``, ``{n, plural}``, ``<b>``)."""
    start: int
    end: int
    nested: bool = False
    """True inside an ICU branch (``one {...} other {...}``): languages have different numbers
    of branches, so these count once however often they repeat."""


def find_placeholders(text: str) -> list[Placeholder]:
    """Placeholders in ``text``, in order; a span is claimed by the first kind that matches."""
    found: list[Placeholder] = []
    taken: list[tuple[int, int]] = []

    def claim(token: str, start: int, end: int, *, nests: bool = False, nested: bool = False):
        # An ICU argument ``nests``: placeholders inside its branches are claimed as well.
        if not any(a < end and start < b for a, b in taken):
            if not nests:
                taken.append((start, end))
            found.append(Placeholder(token, start, end, nested))

    for m in _DOUBLE_BRACE.finditer(text):
        claim("{{" + "".join(m.group(1).split()) + "}}", m.start(), m.end())
    for m in _PRINTF.finditer(text):
        if m.group("ruby"):
            claim(f"%{{{m.group('ruby')}}}", m.start(), m.end())
        else:
            # Positions (%1$s) may be reordered by a translation; the slots must stay the same.
            claim(re.sub(r"\d+\$", "", m.group(0)), m.start(), m.end())
    for m in _NESTING.finditer(text):
        claim(m.group(0), m.start(), m.end())
    for m in _TAG.finditer(text):
        ident = _TAG_ID.search(m.group(3))
        attrs = f' id="{ident.group(1)}"' if ident else ""
        claim(f"<{m.group(1)}{m.group(2).lower()}{attrs}{m.group(4)}>", m.start(), m.end())
    _braces(text, 0, len(text), claim)
    return sorted(found, key=lambda p: p.start)


def _braces(text: str, start: int, end: int, claim, nested: bool = False) -> None:
    """Single-brace fields between ``start`` and ``end``: ``{name}``, ``{0}``, ``{}``, ICU
    arguments (whose sub-messages are searched too)."""
    i = start
    while i < end:
        if text[i] != "{" or text.startswith("{{", i):
            i += 2 if text.startswith("{{", i) else 1
            continue
        close = _matching(text, i, end)
        if close is None:
            i += 1
            continue
        inner = text[i + 1 : close]
        if "{" in inner:
            argument = _ARGUMENT.fullmatch(inner)
            if argument and argument.group(2) in _BRANCHING and argument.group(1):
                token = f"{{{argument.group(1)}, {argument.group(2)}}}"
                claim(token, i, close + 1, nests=True, nested=nested)
                offset = i + 1 + argument.start(3)
                _sub_messages(text, offset, close, claim)
                i = close + 1
                continue
            i += 1
            continue
        argument = _ARGUMENT.fullmatch(inner)
        field = _FORMAT_FIELD.fullmatch(inner)
        if argument and argument.group(2):
            claim(f"{{{argument.group(1)}, {argument.group(2)}}}", i, close + 1, nested=nested)
        elif field:
            claim(f"{{{field.group(1)}}}", i, close + 1, nested=nested)
        i = close + 1


def _sub_messages(text: str, start: int, end: int, claim) -> None:
    i = start
    while i < end:
        if text[i] == "{":
            close = _matching(text, i, end)
            if close is None:
                return
            _braces(text, i + 1, close, claim, nested=True)
            i = close + 1
        else:
            i += 1


def _matching(text: str, open_at: int, end: int) -> int | None:
    depth = 0
    for i in range(open_at, end):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return None


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

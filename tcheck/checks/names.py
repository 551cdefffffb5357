"""Names: the same people, places and organisations spelled the same way everywhere.

Across versions, names are compared through a cross-language key (inflection, transliteration
conventions and known equivalents fold away), so only real respellings remain. Within a version,
the spelling-sensitive key catches one name written two ways.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, Located, located_evidence
from tcheck.extract import NameMention, NameRelation, compare_names, name_key, strict_name_key
from tcheck.model import Category, Finding, Severity


@dataclass(frozen=True)
class Variant:
    key: str
    mentions: tuple[Located, ...]

    @property
    def versions(self) -> tuple[str, ...]:
        return tuple(sorted({m.version for m in self.mentions}))


def _mention(loc: Located) -> NameMention:
    return loc.item  # type: ignore[return-value]


class NameAnalysis:
    """Cross-version name variants of one run, computed once and shared by the name checks."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.by_version = {v.id: ctx.version_items(v.id, "names") for v in ctx.related}
        self.allowed = _allowed_keys(ctx)

    @cached_property
    def clusters(self) -> list[tuple[NameRelation, list[Variant]]]:
        """Sets of spellings of one entity, with the worst relation between them."""
        first: dict[tuple[str, str], list[Located]] = {}
        for vid, mentions in self.by_version.items():
            for loc in mentions:
                first.setdefault((vid, _mention(loc).key), []).append(loc)
        vids = sorted(self.by_version)
        links: list[tuple[str, str, NameRelation]] = []
        for i, a in enumerate(vids):
            for b in vids[i + 1 :]:
                links += self._pair_links(a, b)
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                x = parent[x]
            return x

        worst: dict[str, NameRelation] = {}
        for ka, kb, _rel in links:
            ra, rb = find(ka), find(kb)
            if ra != rb:
                parent[ra] = rb
        for ka, _kb, rel in links:
            root = find(ka)
            if worst.get(root) is not NameRelation.CONSONANT:
                worst[root] = rel
        clusters: dict[str, dict[str, list[Located]]] = {}
        for (_vid, key), locs in first.items():
            if key in parent:
                clusters.setdefault(find(key), {}).setdefault(key, []).extend(locs)
        out = []
        for root, variants in sorted(clusters.items()):
            out.append((worst[root], [Variant(k, tuple(v)) for k, v in sorted(variants.items())]))
        return out

    def _pair_links(self, a: str, b: str) -> list[tuple[str, str, NameRelation]]:
        """Variant links between versions a and b: names with no same-key partner."""
        names_a = self.by_version[a]
        names_b = self.by_version[b]
        keys_a = {_mention(m).key for m in names_a}
        keys_b = {_mention(m).key for m in names_b}
        out = []
        seen: set[tuple[str, str]] = set()
        for la in names_a:
            ma = _mention(la)
            if ma.key in keys_b or self._matched(ma, names_b):
                continue
            for lb in names_b:
                mb = _mention(lb)
                if mb.key in keys_a or (ma.key, mb.key) in seen:
                    continue
                if len(ma.tokens) != len(mb.tokens) or self._allowed(ma, mb):
                    continue
                rel = compare_names(ma, mb)
                if rel in (NameRelation.CONSONANT, NameRelation.ORTHOGRAPHY):
                    if self._matched(mb, names_a):
                        continue
                    seen.add((ma.key, mb.key))
                    out.append((ma.key, mb.key, rel))
        return out

    @staticmethod
    def _matched(m: NameMention, others: list[Located]) -> bool:
        """A same-entity partner exists: equal key, or equal as part of a longer name."""
        for loc in others:
            o = _mention(loc)
            if o.key == m.key:
                return True
            if len(m.tokens) != len(o.tokens) and compare_names(m, o) is NameRelation.SAME:
                if len(m.tokens) == 1 or len(o.tokens) == 1:
                    continue  # a bare surname does not vouch for a given name
                return True
        return False

    def _allowed(self, a: NameMention, b: NameMention) -> bool:
        return any(a.key in group and b.key in group for group in self.allowed)


def _allowed_keys(ctx: CheckContext) -> list[set[str]]:
    out = []
    for variants in ctx.config.allow:
        keys = set()
        for v in variants:
            for lang in {ver.lang for ver in ctx.alignment.versions} | {"ru"}:
                keys.add(name_key(v, lang))
                keys.add(strict_name_key(v, lang))
        out.append(keys)
    return out


def _analysis(ctx: CheckContext) -> NameAnalysis:
    cached = getattr(ctx, "_names", None)
    if cached is None:
        cached = NameAnalysis(ctx)
        ctx._names = cached  # type: ignore[attr-defined]
    return cached


class _NameVariantCheck(Check):
    relation: NameRelation

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for rel, variants in _analysis(ctx).clusters:
            if rel is not self.relation or len(variants) < 2:
                continue
            yield self._finding(ctx, variants)

    def _finding(self, ctx: CheckContext, variants: list[Variant]) -> Finding:
        support = {v.key: len(v.versions) for v in variants}
        best = max(support.values())
        majority = [v for v in variants if support[v.key] == best]
        if len(majority) == 1:
            odd = sorted({vid for v in variants if v is not majority[0] for vid in v.versions})
        else:
            odd = sorted({vid for v in variants for vid in v.versions})
        shown = " vs ".join(
            f"{_mention(v.mentions[0]).text} ({', '.join(v.versions)})" for v in variants
        )
        evidence = []
        for v in variants:
            for vid in v.versions:
                loc = next(m for m in v.mentions if m.version == vid)
                evidence.append(located_evidence(ctx, loc))
        first = evidence[0]
        return self.finding(
            f"{self.label}: {shown}",
            group=ctx.group_of(first.version, first.sentence or 0),
            versions=tuple(odd),
            evidence=tuple(evidence),
            key="|".join(sorted(v.key for v in variants)),
        )

    label = ""


class NameSpelling(_NameVariantCheck):
    """A name is spelled with different consonants in different versions.

    Inflection (Зеленский / Зеленського), transliteration conventions (Такаичи / Такаїчі,
    Хаяси / Хаяши) and regular equivalents (Владимир / Володимир, Киев / Київ) are folded away
    first; what remains (Санаэ vs Сакае) is a different name. With three or more versions the
    minority is named; on a tie both sides are.
    """

    code, slug, category, severity = "TC201", "name-spelling", Category.NAME, Severity.ERROR
    relation = NameRelation.CONSONANT
    label = "name spelled differently"
    example = """
        ru: премьер-министр Японии Санаэ Такаичи
        uk: прем'єр-міністерка Сакае Такаїчі     <- TC201: Санаэ vs Сакае
    """


class NameOrthography(_NameVariantCheck):
    """A name differs only in vowels or orthography beyond the known conventions."""

    code, slug, category, severity = "TC202", "name-orthography", Category.NAME, Severity.INFO
    relation = NameRelation.ORTHOGRAPHY
    label = "name spelling drifts"
    example = """
        ru: Меркель    bg: Меркъл                <- TC202 (info)
    """


class NameInconsistency(Check):
    """One version spells the same name in two ways.

    Compares spelling-sensitive keys of the names of one version: inflected forms agree, but
    Такаичи and Такаити (two transliteration systems in one text) do not.
    """

    code, slug, category, severity = (
        "TC205",
        "name-inconsistency",
        Category.INCONSISTENCY,
        Severity.WARNING,
    )
    example = """
        ru: ... премьер-министра Японии Санаэ Такаичи ...
        ru: ... видеть премьер-министра Такаити в Украине ...   <- TC205
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        analysis = _analysis(ctx)
        for v in ctx.related:
            tokens: dict[str, Located] = {}
            for loc in analysis.by_version[v.id]:
                m = _mention(loc)
                for word in m.text.replace("-", " ").split():
                    strict = strict_name_key(word, v.lang)
                    if strict and strict not in tokens:
                        tokens[strict] = Located(v.id, loc.sentence, _word_mention(m, word, v.lang))
            seen: set[tuple[str, str]] = set()
            items = sorted(tokens.items())
            for i, (sa, la) in enumerate(items):
                for sb, lb in items[i + 1 :]:
                    ma, mb = _mention(la), _mention(lb)
                    if (sa, sb) in seen or analysis._allowed(ma, mb) or len(sa) < 4:
                        continue
                    rel = compare_names(ma, mb)
                    if rel in (NameRelation.SAME, NameRelation.ORTHOGRAPHY):
                        seen.add((sa, sb))
                        yield self.finding(
                            f"{v.id} spells one name two ways: {ma.text} / {mb.text}",
                            group=ctx.group_of(v.id, la.sentence.index),
                            versions=(v.id,),
                            evidence=(located_evidence(ctx, la), located_evidence(ctx, lb)),
                            key=f"{sa}|{sb}",
                        )


def _word_mention(m: NameMention, word: str, lang: str) -> NameMention:
    offset = m.text.find(word)
    start = m.start + max(offset, 0)
    return NameMention(
        text=word,
        start=start,
        end=start + len(word),
        key=name_key(word, lang),
        strict_key=strict_name_key(word, lang),
        tokens=(name_key(word, lang),),
        latin=m.latin,
    )

"""Names: the same people, places and organisations spelled the same way everywhere.

Across versions, names are compared through a cross-language key (inflection, transliteration
conventions and known equivalents fold away), so only real respellings remain. Within a version,
the spelling-sensitive key catches one name written two ways.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, Located, located_evidence
from tcheck.extract import NameMention, NameRelation, compare_names, name_key, strict_name_key
from tcheck.extract._morph import MORPH_LANGS, PROPER_TAGS, parses
from tcheck.extract.keys import equivalent_spellings, normalize, split_tokens
from tcheck.extract.names import (
    RELATION_RANK,
    adjectival,
    common_word,
    entity_kind,
    entity_lemma,
    entity_reading,
    other_given_name,
)
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
    """Cross-version name variants of one run, computed once and shared by the name checks.

    Names are linked twice: across whole versions (a name respelled everywhere in one version)
    and inside each aligned group (a name respelled in one sentence while spelled correctly
    elsewhere in the same version). Both kinds of link feed one set of clusters.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.by_version = {v.id: ctx.version_items(v.id, "names") for v in ctx.related}
        self.lang = {v.id: v.lang for v in ctx.related}
        self.allowed = _allowed_keys(ctx)

    def _group_names(self) -> Iterator[tuple[int, dict[str, list[Located]]]]:
        for group in self.ctx.alignment.groups:
            present = [v for v in group.present() if v in self.by_version]
            if len(present) >= 2:
                yield group.id, {v: self.ctx.group_items(group, v, "names") for v in present}

    @cached_property
    def clusters(self) -> list[tuple[NameRelation, list[Variant]]]:
        """Sets of spellings of one entity, with the worst relation between them."""
        first: dict[tuple[str, str], list[Located]] = {}
        for vid, mentions in self.by_version.items():
            for loc in mentions:
                first.setdefault((vid, _mention(loc).key), []).append(loc)
        vids = sorted(self.by_version)
        links: list[tuple[str, str, NameRelation]] = []
        linked_in: dict[str, set[int]] = {}
        for i, a in enumerate(vids):
            for b in vids[i + 1 :]:
                links += self._links(a, b, self.by_version[a], self.by_version[b], whole=True)
        for gid, names in self._group_names():
            members = sorted(names)
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    for ka, kb, rel in self._links(a, b, names[a], names[b], whole=False):
                        links.append((ka, kb, rel))
                        linked_in.setdefault(ka, set()).add(gid)
                        linked_in.setdefault(kb, set()).add(gid)
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
            vs = []
            for key, locs in sorted(variants.items()):
                # evidence from the sentences where the divergence was seen comes first
                groups = linked_in.get(key, set())
                locs = sorted(
                    locs,
                    key=lambda m: self.ctx.group_of(m.version, m.sentence.index) not in groups,
                )
                vs.append(Variant(key, tuple(locs)))
            out.append((worst[root], vs))
        return out

    def _links(
        self, a: str, b: str, names_a: list[Located], names_b: list[Located], *, whole: bool
    ) -> list[tuple[str, str, NameRelation]]:
        """Variant links between the names of versions a and b: names with no same-key partner.

        Across ``whole`` versions two people may share a surname, so a different given name
        links only inside one aligned group. Inside a group every mention counts (Трампа twice
        in one version, Трампа and Транпа in the other), and a name may face a longer one
        (Кларк / Грег Крарк; "Бонда Кален Янкель", where a genitive ran into the name).
        """
        langs = (self.lang[a], self.lang[b])
        if whole:
            keys_a = {_mention(m).key for m in names_a}
            keys_b = {_mention(m).key for m in names_b}
            left_a = [m for m in names_a if _mention(m).key not in keys_b]
            left_b = [m for m in names_b if _mention(m).key not in keys_a]
        else:
            left_a, left_b = _unpaired(names_a, names_b)
        out = []
        seen: set[tuple[str, str]] = set()
        for la in left_a:
            ma = _mention(la)
            if self._matched(ma, left_b):
                continue
            for lb in left_b:
                mb = _mention(lb)
                if (ma.key, mb.key) in seen or self._allowed(ma, mb):
                    continue
                if len(ma.tokens) != len(mb.tokens) and (whole or ma.latin != mb.latin):
                    continue  # a Latin title is no spelling of a longer Cyrillic name
                if len(ma.tokens) == 1 and common_word(ma.text) and common_word(mb.text):
                    continue  # Она / Вона, Тары / Тази: capitalised common words
                if self.lang[a] != self.lang[b] and _translated_acronyms(ma, mb):
                    continue
                if _acronym_and_word(ma, mb) or _initial_words(la, lb, langs):
                    continue
                rel = compare_names(ma, mb, langs)
                if whole and rel is NameRelation.CONSONANT and other_given_name(ma, mb, langs):
                    continue
                if rel in (NameRelation.CONSONANT, NameRelation.ORTHOGRAPHY):
                    if self._matched(mb, left_a):
                        continue
                    seen.add((ma.key, mb.key))
                    out.append((ma.key, mb.key, rel))
        # A name's counterpart is its closest one: Трак Палин pairs with Трака Пэйлина
        # (orthography), not also with Сара Пэйлин (another given name).
        best: dict[str, int] = {}
        for ka, _kb, rel in out:
            best[ka] = min(best.get(ka, 9), RELATION_RANK[rel])
        return [(ka, kb, rel) for ka, kb, rel in out if RELATION_RANK[rel] == best[ka]]

    @cached_property
    def different_entities(self) -> list[tuple[tuple[str, ...], Located, list[Located]]]:
        """(odd versions, their name, the others' names) where one slot holds another entity."""
        out = []
        for _gid, names in self._group_names():
            vids = sorted(names)
            for odd in vids:
                others = [v for v in vids if v != odd]
                extra = [
                    m for m in names[odd] if not any(self._partner(m, names[o]) for o in others)
                ]
                # names every other version shares and the odd one lacks
                lost = [
                    m
                    for m in names[others[0]]
                    if all(self._partner(m, names[o]) for o in others[1:])
                    and not self._partner(m, names[odd])
                ]
                if len(extra) != 1 or len(lost) != 1:
                    continue
                if len(vids) == 2 and odd != vids[0]:
                    continue  # a tie is reported once, naming both sides
                mine, theirs = extra[0], lost[0]
                # names only one side holds (a common word capitalised at the start of a
                # sentence) take no slot
                slots_odd = [
                    m for m in names[odd] if m is mine or self._partner(m, names[others[0]])
                ]
                slots_other = [
                    m for m in names[others[0]] if m is theirs or self._partner(m, names[odd])
                ]
                if not self._same_slot(mine, slots_odd, theirs, slots_other):
                    continue
                langs = (self.lang[odd], self.lang[others[0]])
                if not _unrelated_entities(mine, theirs, langs) or self._allowed(
                    _mention(mine), _mention(theirs)
                ):
                    continue
                partners = [theirs] + [
                    next(p for p in names[o] if self._partner(_mention(theirs), [p]))
                    for o in others[1:]
                ]
                odd_versions = tuple(vids) if len(vids) == 2 else (odd,)
                out.append((odd_versions, mine, partners))
        return out

    def _partner(self, m: Located | NameMention, others: list[Located]) -> bool:
        mention = m if isinstance(m, NameMention) else _mention(m)
        for loc in others:
            o = _mention(loc)
            if o.key == mention.key or self._allowed(mention, o):
                return True
            if compare_names(mention, o) is not NameRelation.DIFFERENT:
                return True
        return False

    @staticmethod
    def _same_slot(a: Located, names_a: list[Located], b: Located, names_b: list[Located]) -> bool:
        """Both sentences hold as many names, and the two names are the same one of them,
        at about the same relative place of their sentences."""
        if len(names_a) != len(names_b) or names_a.index(a) != names_b.index(b):
            return False

        def where(loc: Located) -> float:
            return _mention(loc).start / max(len(loc.sentence.text), 1)

        return abs(where(a) - where(b)) <= 0.25

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


def _is_acronym(m: NameMention) -> bool:
    letters = [c for c in m.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _translated_acronyms(a: NameMention, b: NameMention) -> bool:
    """Cyrillic acronyms are translated with their words (СМИ = ЗМІ, СНБО = РНБО)."""
    return _is_acronym(a) and _is_acronym(b) and not a.latin and not b.latin


def _unpaired(
    names_a: list[Located], names_b: list[Located]
) -> tuple[list[Located], list[Located]]:
    """The mentions of two aligned sentences left once they are paired one to one: equal
    keys first, then names that compare as the same (bg Джексън / ru Джексон, through the
    schwa), so that neither is left to pair with another name (Хью Джекман)."""
    left_a, left_b = _left_over(names_a, names_b), _left_over(names_b, names_a)
    for a in list(left_a):
        ma = _mention(a)
        same = next(
            (
                b
                for b in left_b
                if len(_mention(b).tokens) == len(ma.tokens)
                and compare_names(ma, _mention(b)) is NameRelation.SAME
            ),
            None,
        )
        if same is not None:
            left_a.remove(a)
            left_b.remove(same)
    return left_a, left_b


def _left_over(names: list[Located], others: list[Located]) -> list[Located]:
    """``names`` without those whose key ``others`` also hold (each of theirs used once)."""
    pool = Counter(_mention(m).key for m in others)
    left = []
    for m in names:
        if pool[_mention(m).key] > 0:
            pool[_mention(m).key] -= 1
        else:
            left.append(m)
    return left


def _acronym_and_word(a: NameMention, b: NameMention) -> bool:
    """An acronym is no spelling of a word (СМИ / Смятах, ООН / Йонг); a name shouted in
    capitals (НАЙДЖЕЛ ФАРАЖ) is longer than an acronym."""
    short = [m for m in (a, b) if _is_acronym(m) and len(m.text) <= 5]
    return len(short) == 1 and not (_is_acronym(a) and _is_acronym(b))


def _initial_words(a: Located, b: Located, langs: tuple[str, str]) -> bool:
    """Single words, one capitalised only by its place at the start of a sentence or
    quotation, where a dictionary reads one of them as a common word (uk Ліки, "medicine",
    facing bg Никой; uk Віддаю, "I give"; bg Сега at the start facing ru Сети, "network").
    A name at the start of a sentence (Такаини заяви) is still compared."""
    ma, mb = _mention(a), _mention(b)
    if len(ma.tokens) != 1 or len(mb.tokens) != 1 or not (_initial(a) or _initial(b)):
        return False
    return "common" in (_first_reading(ma, langs[0]), _first_reading(mb, langs[1]))


def _first_reading(m: NameMention, lang: str) -> str | None:
    """How a dictionary (its own, else the Russian one) first reads a word: ``"name"``,
    ``"common"`` or None (unknown)."""
    if m.latin:
        return "name"
    for tongue in dict.fromkeys((lang, "ru") if lang in MORPH_LANGS else ("ru",)):
        known = [grams for _, grams, ok in parses(normalize(m.text), tongue) if ok]
        if known:
            return "name" if known[0] & PROPER_TAGS else "common"
    return None


def _unrelated_entities(a: Located, b: Located, langs: tuple[str, str]) -> bool:
    """Two names that cannot be one entity written two ways.

    Both in one script (a Latin original next to a Cyrillic name is usually a translated
    title: Plaid / Партия Уэльса), both standing for an entity (see :func:`_entity`), no
    shared stem (Арктика / арктический, Шак / Шачири) and little else in common (Гуйчжоу /
    Гуейджоу is a transliteration, not another place). Acronyms are translated with their
    words (СМИ / ЗМІ, МИД / МЗС), so two face each other only where the dictionaries know
    both as names (НАТО / ООН).
    """
    ma, mb = _mention(a), _mention(b)
    if ma.latin != mb.latin or _is_acronym(ma) != _is_acronym(mb):
        return False
    if compare_names(ma, mb) is not NameRelation.DIFFERENT:
        return False
    if not (_entity(a, langs[0]) and _entity(b, langs[1]) and _same_kind(a, b, langs)):
        return False
    if _is_acronym(ma):
        return ma.latin or (
            entity_reading(ma.text, langs[0]) == "name"
            and entity_reading(mb.text, langs[1]) == "name"
        )
    for x in ma.tokens:
        for y in mb.tokens:
            if x[:3] == y[:3] or fuzz.ratio(x, y) >= 60:
                return False
    return True


def _entity(loc: Located, lang: str) -> bool:
    """Whether a mention may stand for an entity of its own: Latin script, or a name whose
    last word the dictionaries lead with as a name (Херсоні, Макрон, Генеральной Ассамблее
    ООН) or do not know (Харков), unknown words only away from the start of a sentence. A
    name in words the dictionaries know as common ones or adjectives is an institution named
    in words, which each language translates (Рада / Съвет, Висшата лига / Премьер-лиге,
    Червоного Хреста)."""
    m = _mention(loc)
    if m.latin:
        return True
    words = split_tokens(m.text)
    head = entity_reading(words[-1], lang)
    if head is not None:
        return head == "name"
    if any(entity_reading(w, lang) == "common" or adjectival(w, lang) for w in words[:-1]):
        return False
    return not _initial(loc)


def _same_kind(a: Located, b: Located, langs: tuple[str, str]) -> bool:
    """Whether two names may stand for entities of one kind: a place for a place, a person for
    a person (Нью-Йорку facing Роза, a hurricane, is another detail, not another place)."""
    ka = entity_kind(split_tokens(_mention(a).text)[-1], langs[0])
    kb = entity_kind(split_tokens(_mention(b).text)[-1], langs[1])
    return ka is None or kb is None or ka == kb


def _initial(loc: Located) -> bool:
    """A capital at the start of a sentence or quotation says little about being a name."""
    text = loc.sentence.text[: _mention(loc).start].rstrip()
    return not text or text[-1] in ".!?…:;«\"„“”(—–-'"


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
        support = {v.key: len(_alike_versions(v, variants)) for v in variants}
        best = max(support.values())
        majority = [v for v in variants if support[v.key] == best]
        if all(_spelled_alike(a, b) for a in majority for b in majority):
            odd = sorted({vid for v in variants if v not in majority for vid in v.versions})
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


def _spelled_alike(a: Variant, b: Variant) -> bool:
    """Two keys of one spelling: as many words, which compare as the same (a Bulgarian schwa
    facing a vowel: Борис Джонсън / Борису Джонсону)."""
    if a is b:
        return True
    ma, mb = _mention(a.mentions[0]), _mention(b.mentions[0])
    return len(ma.tokens) == len(mb.tokens) and compare_names(ma, mb) is NameRelation.SAME


def _alike_versions(v: Variant, variants: list[Variant]) -> set[str]:
    """The versions that spell the name as ``v`` does."""
    return {vid for u in variants if _spelled_alike(u, v) for vid in u.versions}


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


class NameDifferentEntity(Check):
    """Aligned sentences name a different entity in the same place.

    Inside one aligned group, the versions agree on their names except one slot: the majority
    names one entity there (Reuters, Харькове) and the odd version another (Kyodo News,
    Херсоні) that is no spelling of it. Both must stand for entities of one kind (a place
    for a place, a person for a person) where the dictionaries know them; names made of
    common words (Верховна Рада / Народно събрание) and acronyms the dictionaries do not
    know as names (СМИ / ЗМІ, МИД / МЗС) are translated, not transliterated, and are left
    out, and so are names far apart in their sentences.
    """

    code, slug, category, severity = (
        "TC203",
        "name-different-entity",
        Category.NAME,
        Severity.ERROR,
    )
    example = """
        ru: Об этом сообщает агентство Reuters.
        uk: Про це повідомляє агентство Kyodo News.   <- TC203: Kyodo News vs Reuters
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for odd, mine, theirs in _analysis(ctx).different_entities:
            m = _mention(mine)
            shown = ", ".join(f"{_mention(t).text} ({t.version})" for t in theirs)
            evidence = (located_evidence(ctx, mine), *(located_evidence(ctx, t) for t in theirs))
            yield self.finding(
                f"different name in the same place: {m.text} ({mine.version}) vs {shown}",
                group=ctx.group_of(mine.version, mine.sentence.index),
                versions=odd,
                evidence=evidence,
                key="|".join(sorted({m.key, *(_mention(t).key for t in theirs)})),
            )


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
            # per token, the keys of the other words of the full names it appears in
            rest: dict[str, set[str]] = {}
            for loc in analysis.by_version[v.id]:
                m = _mention(loc)
                words = m.text.replace("-", " ").split()
                keys = [strict_name_key(word, v.lang) for word in words]
                for word, strict in zip(words, keys, strict=True):
                    if strict and strict not in tokens:
                        tokens[strict] = Located(v.id, loc.sentence, _word_mention(m, word, v.lang))
                    if strict and len(words) > 1:
                        rest.setdefault(strict, set()).update(k for k in keys if k != strict)
            seen: set[tuple[str, str]] = set()
            items = sorted(tokens.items())
            for i, (sa, la) in enumerate(items):
                for sb, lb in items[i + 1 :]:
                    ma, mb = _mention(la), _mention(lb)
                    if (sa, sb) in seen or analysis._allowed(ma, mb) or min(len(sa), len(sb)) < 4:
                        continue
                    if _is_acronym(ma) != _is_acronym(mb):
                        continue  # ООН / Йонг: an acronym is no spelling of a word
                    if _respelling_distance(sa, sb) > 2:
                        continue  # Селесио / Селли, Пинелл / Пинеллас: more than a respelling
                    if equivalent_spellings(ma.text, mb.text, v.lang):
                        continue  # Британия and Великобритания are both regular names
                    if ma.latin or mb.latin:
                        # "South China Morning Post" next to Китай: an original title; two
                        # Latin spellings are copied from the source, so two names (Bees/Boots)
                        continue
                    if common_word(ma.text) and common_word(mb.text):
                        continue  # Кубок / Кубка, турецкое / Турции: common words
                    if _two_places(ma.text, mb.text, v.lang):
                        continue  # Греции / Грузии, Латвия / Литва: two places, however alike
                    if rest.get(sa) and rest.get(sb) and not rest[sa] & rest[sb]:
                        continue  # Alan Lithgow and Allan McGregor: two people
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


def _two_places(a: str, b: str, lang: str) -> bool:
    """Whether a dictionary or the place tables know two words as two different places.
    People are left out: a dictionary lists transliterations of one surname apart
    (Гамильтон / Хэмилтон)."""
    if entity_kind(a, lang) != "place" or entity_kind(b, lang) != "place":
        return False
    return entity_lemma(a, lang) != entity_lemma(b, lang)


def _respelling_distance(a: str, b: str) -> int:
    """Letters changed between two spellings in one language, soft and hard signs aside
    (Такаичи / Такаити 1, Гамильтон / Хэмилтон 2)."""
    return Levenshtein.distance(
        a.replace("ь", "").replace("ъ", ""), b.replace("ь", "").replace("ъ", "")
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

"""Attribution: who said or published it must be the same in every version."""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, Located, located_evidence
from tcheck.extract.keys import consonant_skeleton, loose_key
from tcheck.extract.model import NameRelation, SourceMention
from tcheck.extract.names import common_word, token_relation
from tcheck.extract.sources import generic_kind, generic_kinds, is_outlet
from tcheck.model import Category, Finding, Group, Severity

# Keys of articles that open outlet names (The Times, Der Spiegel, Le Monde).
_ARTICLES = frozenset({"te", "the", "der", "di", "die", "das", "la", "le", "el", "il", "al"})
_SPELLINGS = (NameRelation.SAME, NameRelation.ORTHOGRAPHY)
_PUNCT = "«»„“”\"'.,:;()"
_LATIN_WORD = re.compile(r"[A-Za-z][\w'’&-]*")


class _Relation(enum.Enum):
    """How the sources of two versions relate."""

    SAME = "same"
    UNKNOWN = "unknown"
    """One side is a title translated word for word or an acronym: no telling."""
    DIFFERENT = "different"


@dataclass(frozen=True)
class _Source:
    """A comparable source of one version, with what the comparison needs."""

    loc: Located
    key: str
    """The name the attribution credits."""
    keys: frozenset[str]
    """``key`` and the further names of the same attribution ("CBS" of "CBS WAFB")."""
    translated: bool
    """A Cyrillic title made of the language's own words («Лондонская газета», Комитета)."""
    acronym: bool
    """Capitals only (FWC, BNPB, РНБО): often spelled out in words by the other versions."""
    cyrillic: bool
    """Written in Cyrillic: an acronym then stands for words of the language (МВД / МВС)."""
    outlet: bool
    """Named the way outlets are, which translations keep (see :func:`is_outlet`)."""
    latin: tuple[str, ...]
    """Latin-script words of the name, to look for verbatim in other versions."""


@dataclass(frozen=True)
class _Passage:
    """What one version's sentences in a group say about their sources."""

    sources: tuple[_Source, ...]
    """Comparable sources."""
    cues: tuple[Located, ...]
    """Every attribution, named or not ("сказав пан Досеба", "заявил он")."""
    credited: frozenset[str]
    """Keys of the names any attribution credits, speakers included ("пан Досеба")."""
    names: frozenset[str]
    """Keys of every name in the sentences, and of every attribution's names."""
    text: str
    described: tuple[tuple[Located, str], ...] = ()
    """Attributions to a source described, not named, with what it is ("по данным
    ведомства": institution; see :func:`generic_kind`)."""
    kinds: frozenset[str] = frozenset()
    """What the sources described anywhere in the sentences are ("министр", "у відомстві")."""


def _key(loc: Located) -> str:
    return loc.item.key  # type: ignore[attr-defined]


def _source(loc: Located) -> _Source:
    item: SourceMention = loc.item  # type: ignore[assignment]
    words = _name_words(item)
    latin = tuple(w for w in _LATIN_WORD.findall(item.text) if w.lower() not in _ARTICLES)
    return _Source(
        loc=loc,
        key=item.key,
        keys=frozenset({item.key, *item.also}),
        translated=bool(words) and all(common_word(w) for w in words),
        acronym=bool(words) and all(w.replace(".", "").isupper() for w in words),
        cyrillic=any(re.search("[а-яёіїєґ]", w, re.IGNORECASE) for w in words),
        outlet=is_outlet(item),
        latin=latin,
    )


def _name_words(item: SourceMention) -> list[str]:
    """Capitalised words of the attribution; a capitalised first word is the sentence's start
    ("За словами РНБО"), not a name, unless it is all capitals."""
    tokens = [w.strip(_PUNCT) for w in item.text.split()]
    return [w for i, w in enumerate(tokens) if w[:1].isupper() and (i > 0 or w.isupper())]


def _relation(a: _Source, b: _Source) -> _Relation:
    """Whether two versions' sources are one: names compare by key; Cyrillic acronyms are
    translated letter by letter (РНБО / СНБО); a title translated word for word compares only
    with another translation or with a name it shares a cognate with (Лондонская / London,
    Национальный / National), and an acronym never with a translation."""
    if any(_same(a.key, k) for k in b.keys) or any(_same(b.key, k) for k in a.keys):
        return _Relation.SAME
    if a.acronym and b.acronym and (a.cyrillic or b.cyrillic):
        return _Relation.UNKNOWN  # РНБО / СНБО, ЦРУ / CIA: one body, its name's letters
    if a.translated == b.translated:
        return _Relation.DIFFERENT
    title, other = (a, b) if a.translated else (b, a)
    if other.acronym or _cognate(title.key, other.key):
        return _Relation.UNKNOWN
    return _Relation.DIFFERENT


def _cognate(a: str, b: str) -> bool:
    """A word of each key starts alike, transliteration conventions folded (Центр / Center,
    Национальный / National): the title may translate the name."""
    return any(
        fuzz.ratio(loose_key(x)[:5], loose_key(y)[:5]) >= 60
        for x in a.split()
        if len(x) >= 4
        for y in b.split()
        if len(y) >= 4
    )


def _same(a: str, b: str) -> bool:
    """Two name keys name one source: equal, one inside the other ("South" / "South China
    Morning Post", "CBS" / "CBS WAFB"), inflected or respelled."""
    if a == b:
        return True
    return _contains(a, b) or _contains(b, a) or _inflected(a, b) or _respelled(a, b)


def _respelled(a: str, b: str) -> bool:
    """One source spelled two ways (Флайшер / Флейшер, Nielsen / Нільсен, Spiegel / Шпигель):
    every distinctive word of the shorter key differs from one of the longer's in vowels or
    transliteration conventions only (Telegraph / Telegram is another source, and so is NBC
    News / Kyodo News: "News" alone does not make them one).
    Respelled names are the name checks' business; here the source is the same."""
    ta, tb = a.split(), b.split()
    if len(ta) == len(tb):
        return _covered(ta, tb) and _covered(tb, ta)
    short, long_ = sorted((ta, tb), key=len)
    if len(short) == 1:  # one word stands for the whole name only as its head (see _contains)
        long_ = [_head(long_)]
    return _covered(short, long_)


def _covered(short: list[str], long_: list[str]) -> bool:
    words = [x for x in short if len(x) >= 3 and x not in _ARTICLES]
    return bool(words) and all(any(_spelling(x, y) for y in long_) for x in words)


def _spelling(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        # too short to tell a respelling from another word (Кит / Kyodo) unless only a vowel
        # differs (Білого / Белия)
        return len(a) == len(b) and consonant_skeleton(a) == consonant_skeleton(b)
    if token_relation(a, b) in _SPELLINGS:
        return True
    # German sp, st and ie (Spiegel / Шпигель, Stern / Штерн) that name keys keep apart
    fa, fb = _german(a), _german(b)
    return fa == fb or token_relation(fa, fb) in _SPELLINGS


def _german(key: str) -> str:
    return re.sub(r"^sh(?=[pt])", "s", key).replace("ie", "i")


def _inflected(a: str, b: str) -> bool:
    """«Главком» / «Главкома»: one-word titles whose keys differ by an ending only."""
    if " " in a or " " in b or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2:
        return False  # Tennessean is not Теннесси with an ending
    return a.startswith(b) or b.startswith(a)


def _contains(longer: str, shorter: str) -> bool:
    """The shorter name inside the longer; a single word only as its head ("South" in "South
    China Morning Post", "Spiegel" in "Der Spiegel"): a trailing "News", "Post" or "Times" is
    what many outlets share."""
    lt, st = longer.split(), shorter.split()
    if not 0 < len(st) < len(lt):
        return False
    if len(st) == 1:
        return st[0] == _head(lt)
    return any(lt[i : i + len(st)] == st for i in range(len(lt) - len(st) + 1))


def _head(words: list[str]) -> str:
    return next((w for w in words if w not in _ARTICLES), "")


def _comparable(loc: Located) -> bool:
    """Named outlets, channels, bodies; speakers ("said") and sources described in the
    language's own words ("по данным ведомства") vary."""
    item = loc.item
    return bool(item.key) and item.named and item.kind != "said"  # type: ignore[attr-defined]


def _passage(ctx: CheckContext, group: Group, vid: str) -> _Passage:
    cues = ctx.group_items(group, vid, "sources")
    names = {_key(n) for n in ctx.group_items(group, vid, "names")}
    text = " ".join(s.text for s in ctx.sentences(group, vid))
    for loc in cues:
        names |= {k for k in (_key(loc), *loc.item.also) if k}  # type: ignore[attr-defined]
    return _Passage(
        sources=tuple(_source(loc) for loc in cues if _comparable(loc)),
        cues=tuple(cues),
        credited=frozenset(_key(loc) for loc in cues if _key(loc) and loc.item.named),  # type: ignore[attr-defined]
        names=frozenset(names),
        text=text,
        described=tuple(
            (loc, kind)
            for loc in cues
            if (kind := generic_kind(loc.item))  # type: ignore[arg-type]
        ),
        kinds=generic_kinds(text),
    )


class SourceMismatch(Check):
    """A passage is credited to different sources in different versions.

    Compares the named sources of aligned sentences ("в интервью Kyodo News" vs "написав у
    Telegram"). An outlet that one version credits ("по словам Kyodo News") while another
    credits someone else and never names it ("сказав пан Досеба") is reported too:
    translations keep outlet names. So is a named source that another version replaces with a
    described one it cannot be: an outlet with a body, anonymous sources, a person by role or
    the media at large ("по данным Reuters" vs "за даними міністерства"), a named person or
    body with anonymous sources or the press ("по словам Иванова" vs "по словам источников").
    A described source that may be the named one ("по данным министерства обороны" / "за
    даними Міноборони"), or that a version naming the source describes too, is a translation's
    choice, and so is a version that drops the attribution. Titles translated word for word
    («Лондонская газета») are not compared with names.
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
            passages = {vid: _passage(ctx, group, vid) for vid in group.present()}
            passages = _outlets_shared({vid: p for vid, p in passages.items() if p.cues})
            if len(passages) < 2 or not any(p.sources for p in passages.values()):
                continue
            finding = _disagreement(self, ctx, passages, group.id)
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
        lead: dict[str, _Passage] = {}
        for v in ctx.related:
            half = max(len(v.sentences) // 2, 1)
            for loc in ctx.version_items(v.id, "sources"):
                if _comparable(loc) and loc.sentence.index < half:
                    lead[v.id] = _Passage((_source(loc),), (loc,), frozenset(), frozenset(), "")
                    break
        if len(lead) < 2 or len({p.sources[0].key for p in lead.values()}) < 2:
            return
        # a disagreement already visible inside one group is TC501's
        groups = {ctx.group_of(vid, p.cues[0].sentence.index) for vid, p in lead.items()}
        if len(groups) == 1:
            return
        finding = _disagreement(self, ctx, lead, None, unnamed=False)
        if finding:
            yield finding


def _outlets_shared(passages: dict[str, _Passage]) -> dict[str, _Passage]:
    """A source that is an outlet in another version is one here too ("Ройтерс" / Reuters)."""
    outlets = [(vid, s) for vid, p in passages.items() for s in p.sources if s.outlet]

    def known(vid: str, s: _Source) -> _Source:
        if s.outlet or not any(v != vid and _same(s.key, o.key) for v, o in outlets):
            return s
        return dataclasses.replace(s, outlet=True)

    return {
        vid: dataclasses.replace(p, sources=tuple(known(vid, s) for s in p.sources))
        for vid, p in passages.items()
    }


def _lonely(source: _Source, other: _Passage) -> bool:
    """The other version names sources, none of them can be this one, and it does not
    mention this one anywhere else either."""
    return (
        bool(other.sources)
        and all(_relation(source, o) is _Relation.DIFFERENT for o in other.sources)
        and not any(_same(source.key, k) or _akin(source.key, k) for k in other.names)
    )


def _unsupported(source: _Source, other: _Passage) -> bool:
    """An outlet the other version never names although it credits someone by name ("по
    словам Kyodo News" vs "сказав пан Досеба"): translations keep outlet names, so the source
    was replaced or dropped. A version that credits nobody by name ("сказал изданию") may
    just be vaguer."""
    if not source.outlet or source.translated or source.acronym or not other.credited:
        return False
    if any(_same(source.key, k) or _akin(source.key, k) for k in other.names):
        return False
    if source.latin and all(w.lower() in other.text.lower() for w in source.latin):
        return False
    return not any(_relation(source, o) is not _Relation.DIFFERENT for o in other.sources)


# What a described source cannot be when another version names an outlet, and when it names a
# person or a body: Reuters is no ministry, no anonymous source, no minister and not the media
# at large; Иванов and Минобороны are neither anonymous sources nor the press, though either
# may be the ministry or the minister another version describes.
_NOT_AN_OUTLET = frozenset({"institution", "sources", "person", "media"})
_NOT_A_NAME = frozenset({"sources", "media"})


def _described_instead(
    source: _Source, other: _Passage, passages: dict[str, _Passage]
) -> Located | None:
    """The other version's attribution to a described source that replaces this named one
    ("по данным Reuters" / "за даними міністерства"): the other never names it, and no version
    that names it describes a source of that kind too (the minister that one version quotes
    and another credits to Reuters as well). Whom a statement was told ("told reporters",
    "сказав виданню") is not its source."""
    if not other.described or _mentions(other, source):
        return None
    if any(_relation(source, o) is not _Relation.DIFFERENT for o in other.sources):
        return None
    clash = _NOT_AN_OUTLET if source.outlet else _NOT_A_NAME
    if source.loc.item.kind in ("interview", "wrote"):  # type: ignore[attr-defined]
        # "сказал в интервью Reuters", "написал в Telegram": the outlet only carried what the
        # person another version describes ("заявив президент") said
        clash = clash - {"person"}
    naming = [p for p in passages.values() if _mentions(p, source)]
    for loc, kind in other.described:
        if kind == "media" and loc.item.kind == "interview":  # type: ignore[attr-defined]
            continue
        if kind in clash and not any(kind in p.kinds for p in naming):
            return loc
    return None


def _mentions(passage: _Passage, source: _Source) -> bool:
    """The passage names the source somewhere, as a name or in its Latin letters."""
    if any(_same(source.key, k) or _akin(source.key, k) for k in passage.names):
        return True
    return bool(source.latin) and all(w.lower() in passage.text.lower() for w in source.latin)


def _akin(a: str, b: str) -> bool:
    """One name's head word begins the other's (Tennessean / Теннеси): the other version may
    render the outlet by what it is named after."""
    short, long_ = sorted((_head(a.split()), _head(b.split())), key=len)
    return len(short) >= 5 and long_.startswith(short)


def _disagreement(
    check: Check,
    ctx: CheckContext,
    passages: dict[str, _Passage],
    group: int | None,
    *,
    unnamed: bool = True,
) -> Finding | None:
    """One finding when versions credit different sources; ``unnamed``: an outlet also clashes
    with a version that credits someone without naming the outlet, and a named source with one
    that credits a described source it cannot be."""
    vids = sorted(passages)

    def conflict(a: str, b: str) -> bool:
        """Version ``a`` credits a source that ``b`` replaced."""
        mine, theirs = passages[a], passages[b]
        # each side credits a source the other does not: one source replaced by another
        if any(_lonely(s, theirs) for s in mine.sources) and any(
            _lonely(s, mine) for s in theirs.sources
        ):
            return True
        return unnamed and any(
            _unsupported(s, theirs) or _described_instead(s, theirs, passages) for s in mine.sources
        )

    clashes = {(a, b) for a in vids for b in vids if a != b and conflict(a, b)}
    if not clashes:
        return None
    # the odd version is at odds with every other one (its source replaced, or the one
    # version that dropped what the others credit); else the versions that clash the most
    linked = {v: {o for o in vids if (v, o) in clashes or (o, v) in clashes} for v in vids}
    odd = tuple(v for v in vids if len(linked[v]) == len(vids) - 1)
    if not odd or len(odd) == len(vids):
        clash = {v: sum((v, o) in clashes for o in vids) for v in vids}
        odd = tuple(v for v in vids if clash[v] > min(clash.values())) or tuple(vids)

    def shown_source(v: str) -> Located:
        """The version's source that some other version does not share."""
        p = passages[v]
        for s in p.sources:
            if any(
                _lonely(s, passages[o])
                or (
                    unnamed
                    and (
                        _unsupported(s, passages[o]) or _described_instead(s, passages[o], passages)
                    )
                )
                for o in vids
                if o != v
            ):
                return s.loc
        if unnamed:  # the described source that replaced another version's named one
            for o in vids:
                for s in passages[o].sources:
                    if o != v and (loc := _described_instead(s, p, passages)):
                        return loc
        return p.sources[0].loc if p.sources else p.cues[0]

    picked = {v: shown_source(v) for v in vids}
    shown = " vs ".join(f"{picked[v].item.text} ({v})" for v in vids)  # type: ignore[attr-defined]
    return check.finding(
        f"attributed differently: {shown}",
        group=group,
        versions=odd,
        evidence=tuple(located_evidence(ctx, picked[v]) for v in vids),
        key="|".join(sorted({_key(loc) for loc in picked.values()})),
    )

"""Attribution: who said, wrote or published what a sentence reports, and whether it quotes.

A cue is a reporting verb ("сообщает", "заявив", "каза") or a phrase ("по данным", "за
словами", "според", "в интервю за"); the source is the name it governs. Russian and Ukrainian
verbs are recognised by their pymorphy3 lemma, so every tense, gender and number counts;
Bulgarian, which has no dictionary here, by its conjugation endings.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from tcheck.extract import _morph
from tcheck.extract.keys import name_key
from tcheck.extract.model import NameMention, SourceMention

# Phrases (and, for languages without a dictionary, verbs): (kind, cue). A cue is followed
# by the source's name ("сообщает Bloomberg") unless the kind is "said", where the speaker
# may stand on either side ("Зеленский отметил").
_PHRASES: tuple[tuple[str, str], ...] = (
    # "в интервью", "в своем интервью", "у недавньому інтерв'ю", "в интервю за"
    ("interview", r"(?:в|у|во)\s+(?:[^\W\d_]+\s+)?(?:интервью|інтерв['’ʼ]?ю|интервю(?:\s+(?:за|на|пред))?)|"
                  r"in\s+an\s+interview\s+(?:with|to)|interview\s+with|told"),
    ("according", r"по\s+данным|по\s+словам|по\s+информации|по\s+сведениям|согласно|"
                  r"по\s+сообщени(?:ю|ям)|со\s+ссылкой\s+на|"
                  r"за\s+даними|за\s+словами|за\s+інформацією|за\s+повідомленням|згідно\s+з|"
                  r"відповідно\s+до|з\s+посиланням\s+на|"
                  r"според|по\s+думите\s+на|по\s+данни\s+на|по\s+информация\s+на|"
                  r"позовавайки\s+се\s+на|"
                  r"according\s+to|citing"),
    ("wrote", r"wrote|writes|posted"),
    ("reported", r"reports|reported"),
    ("said", r"said|says|stated|added|noted"),
)  # fmt: skip

# Bulgarian verbs by stem and conjugation: aorist (заяви, заявиха), perfect participle (заявил,
# заявила, заявили), present (заявява, заявяват).
_AORIST = r"(?:ха|л[аио]?)?"
_BG_VERBS: tuple[tuple[str, str], ...] = (
    ("reported", rf"съобщ(?:и{_AORIST}|ава(?:т|л[аио]?)?)|информира(?:т|ха|л[аио]?)?|"
                 r"предава(?:т|л[аио]?)?|предаде(?:ха)?|предал[аио]?"),
    ("wrote", rf"пише|пишат|писа{_AORIST}|написа{_AORIST}"),
    ("said", rf"заяв(?:и{_AORIST}|ява(?:т)?)|каз(?:а{_AORIST}|ва(?:т)?)|"
             rf"отбеляз(?:а{_AORIST}|ва(?:т)?)|подчерт(?:а{_AORIST}|ава(?:т)?)|"
             rf"добав(?:и{_AORIST}|я(?:т)?)|обясн(?:и{_AORIST}|ява(?:т)?)|"
             rf"потвърд(?:и{_AORIST})|потвърждава(?:т)?|обяв(?:и{_AORIST}|ява(?:т)?)|"
             rf"посоч(?:и{_AORIST})|посочва(?:т)?|твърд(?:и|ят|ял[аио]?)|"
             rf"коментира(?:т|ха|л[аио]?)?|сподел(?:и{_AORIST}|я(?:т)?)|"
             rf"разказ(?:а{_AORIST}|ва(?:т)?)|предупред(?:и{_AORIST})|предупреждава(?:т)?|"
             rf"уточн(?:и{_AORIST}|ява(?:т)?)|отговор(?:и{_AORIST})|призна{_AORIST}"),
)  # fmt: skip

# Russian and Ukrainian reporting verbs by lemma.
_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        ("сообщить", "сообщать", "передать", "передавать", "информировать",
         "повідомити", "повідомляти", "передати", "передавати", "інформувати"),
        "reported",
    ),
    **dict.fromkeys(("написать", "писать", "написати", "писати"), "wrote"),
    **dict.fromkeys(
        ("заявить", "заявлять", "сказать", "говорить", "отметить", "отмечать", "подчеркнуть",
         "подчёркивать", "подчеркивать", "добавить", "добавлять", "пояснить", "пояснять",
         "уточнить", "уточнять", "рассказать", "рассказывать", "объявить", "объявлять",
         "признать", "признавать", "указать", "указывать", "ответить", "отвечать",
         "напомнить", "предупредить", "подтвердить", "подтверждать", "прокомментировать",
         "констатировать", "утверждать",
         "заявити", "заявляти", "сказати", "казати", "говорити", "зазначити", "зазначати",
         "наголосити", "наголошувати", "підкреслити", "підкреслювати", "додати", "додавати",
         "пояснити", "пояснювати", "уточнити", "уточнювати", "розповісти", "розповідати",
         "оголосити", "оголошувати", "визнати", "визнавати", "вказати", "вказувати",
         "відповісти", "відповідати", "нагадати", "попередити", "підтвердити",
         "підтверджувати", "прокоментувати", "констатувати", "стверджувати"),
        "said",
    ),
}  # fmt: skip
# "передает Пхеньяну технологии": a verb of handing over, a source only when set off.
_TRANSFER = re.compile(r"^(?:переда|предава|предаде|предал)", re.IGNORECASE)
# Whom a statement was made to ("рассказал изданию", "повідомив журналістам"): an outlet or
# its people, named right after ("изданию The Hill") or not at all ("журналистам").
_MEDIA_LEMMAS = frozenset(
    {
        "издание", "газета", "агентство", "информагентство", "телеканал", "канал",
        "радиостанция", "радио", "журнал", "портал", "сайт", "телекомпания", "журналист",
        "репортёр", "репортер", "корреспондент", "таблоид",
        "видання", "агенція", "радіостанція", "радіо", "журналіст", "кореспондент",
        "телекомпанія", "таблоїд",
    }
)  # fmt: skip
# The same nouns in any case and language, as stems: "газета Reuters" names an outlet.
_MEDIA_NOUN = re.compile(
    r"(?<!\w)(?:агентств|агенци|агенці|газет|вестник|издани|видан|телеканал|канал|радио|"
    r"радіо|журнал|портал|сайт|телекомпани|телевизи|телевізі|таблоид|таблоїд|newspaper|"
    r"agency|channel|broadcaster|magazine|outlet|paper)\w*",
    re.IGNORECASE,
)
# "сообщают местные СМИ": the media in general, written as a name but naming nobody.
_ANY_MEDIA = re.compile(r"сми|змі|медии|медиите|медиа|медіа|media", re.IGNORECASE)
# News agencies and broadcasters that are quoted everywhere, in the spellings the languages use:
# outlets even where the script does not give them away (Ройтерс in Bulgarian, Reuters in
# English, the letter names of BBC).
_WIRES = re.compile(
    r"(?<!\w)(?:(?i:ройтерс\w*|рейтер\w*|reuters|блумберг\w*|блумбърг\w*|bloomberg|"
    r"асс?оши\w*|асоці\w*|associated\s+press|франс[\s-]+пре\w*|agence\s+france[\s-]+presse|"
    r"интерфакс\w*|інтерфакс\w*|interfax|укринформ\w*|укрінформ\w*|ukrinform|синьхуа|сіньхуа|"
    r"xinhua|киодо|кьодо|kyodo|аль-джазир\w*|ал[\s-]+джазира|al[\s-]+jazeera|politico|axios|"
    r"би-би-си|бі-бі-сі|би\s+би\s+си|си-эн-эн|сі-ен-ен|си\s+ен\s+ен)|"
    r"AP|AFP|TASS|ТАСС|УНИАН|УНІАН|UNIAN|БТА|BTA|BBC|CNN|NHK|РБК|RBC|dpa|DPA|ANSA|EFE)(?!\w)"
)
_TO = frozenset({"на", "пред", "для", "to"})
_BG_TOLD = re.compile(r"\s+пред(?!\w)", re.IGNORECASE)
_BG_NAMED = re.compile(r"(?<!\w)се\s+$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_HYPHENED = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")  # "пресс-службе" is one word

_PHRASE_RE = re.compile(
    "|".join(f"(?P<{kind}{i}>(?<!\\w)(?:{cue})(?!\\w))" for i, (kind, cue) in enumerate(_PHRASES)),
    re.IGNORECASE,
)
_BG_RE = re.compile(
    "|".join(f"(?P<{kind}{i}>(?<!\\w)(?:{cue})(?!\\w))" for i, (kind, cue) in enumerate(_BG_VERBS)),
    re.IGNORECASE,
)
# Platforms named in lower case ("в телеграм-канале", "у фейсбуці") still name a source.
_PLATFORM = re.compile(
    r"(?<!\w)(?:telegram|телеграм\w*|телеграмм\w*|facebook|фейсбук\w*|twitter|твиттер\w*|"
    r"твітер\w*|instagram|инстаграм\w*|інстаграм\w*|youtube|ютуб\w*)(?:-канал\w*)?(?!\w)",
    re.IGNORECASE,
)
# Sources described rather than named, by what they are: a body ("по данным ведомства", "as
# the ministry reported", "сообщили в пресс-службе"), anonymous sources, the media at large, or
# a person by role ("заявил министр"). What a described source is decides whether another
# version's named source can be the same one: Reuters is no ministry. "Агентство" is either
# a news agency or a government one, so it is left out.
_GENERIC: tuple[tuple[str, str], ...] = (
    ("institution",
     r"пресс-служб\w*|прес-?служб\w*|пресс-центр\w*|прес-?центр\w*|прессцентър\w*|"
     r"ведомств\w*|відомств\w*|министерств\w*|міністерств\w*|правительств\w*|"
     r"правителств\w*|уряд(?:у|і|ом|и|ів)?|кабмин\w*|власт(?:и|ей|ям|ями|ях|ите)|"
     r"влад(?:а|и|і|ою)|полици\w*|поліці\w*|прокуратур\w*|штаб\w*|щаб(?:а|ът)?|"
     r"администраци\w*|адміністраці\w*|мэри\w*|кметств\w*|департамент\w*|"
     r"управлени[еяюи]|управлінн\w*|военн(?:ые|ых|ыми|ите)|військов(?:і|их|ими)|"
     r"арми(?:я|и|ей|ю|ята)|армі(?:я|ї|єю|ю)|командовани\w*|командуванн\w*|командването|"
     r"комитет\w*|комітет\w*|комисси\w*|комісі\w*|комисия\w*|регулятор\w*|"
     r"служб(?:а|ы|е|у|ой|і|ою|ата)|"
     r"press\s+(?:service|office)|ministry|ministries|department|government|authorities|"
     r"police|prosecutors?|headquarters|administration|military|army|office|committee|"
     r"commission|regulators?|city\s+hall"),
    ("sources",
     r"источник\w*|джерел[оаіу]?|джерелами|джерелах|източни(?:к|ка|ци|ците|кът)|"
     r"собеседник\w*|співрозмовник\w*|събеседни\w*|инсайдер\w*|інсайдер\w*|"
     r"sources?|insiders?"),
    ("media",
     r"сми|змі|медии|медиите|медиа|медіа|пресс(?:а|ы|е|у|ой)|прес(?:а|и|і|у|ою)|пресата|"
     r"издани[еяюи]\w*|видання|виданн(?:ю|ям|і|ях|ями)|газет\w*|вестни(?:к|ка|ци|ците|кът)|"
     r"журналист\w*|журналіст\w*|"
     r"репортер\w*|репортёр\w*|телеканал\w*|"
     r"media|press|newspapers?|reporters?|journalists?|outlets?|broadcasters?"),
    ("person",
     r"министр\w*|міністр\w*|министър\w*|министри(?:те)?|представител\w*|представник\w*|"
     r"спикер\w*|речни(?:к|ка|ці|ця|ку|ком)|говорител\w*|чиновни\w*|посадов(?:ець|ц\w+)|"
     r"служител\w*|эксперт\w*|експерт\w*|аналитик\w*|аналітик\w*|губернатор\w*|"
     r"мэр\w*|кмет(?:а|ът|ове|овете)?|очевид\w*|свидетел\w*|свідк\w*|президент\w*|"
     r"премьер\w*|прем['’]єр\w*|премиер\w*|глав(?:а|ы|е|у|ой)|голов(?:а|и|і|ою)|"
     r"депутат\w*|командир\w*|командующ\w*|командувач\w*|"
     r"ministers?|representatives?|spokes(?:man|men|woman|women|person|people)|officials?|"
     r"experts?|analysts?|governors?|mayor|witness(?:es)?|president|premier"),
)  # fmt: skip
_GENERIC_RE = re.compile(
    "|".join(f"(?P<{kind}>(?<!\\w)(?:{words})(?!\\w))" for kind, words in _GENERIC),
    re.IGNORECASE,
)
# What may stand between a reporting verb and the body it credits: "сообщили в ведомстве",
# "съобщиха от министерството", "said the ministry", "повідомили у відомстві".
_LINK = frozenset(
    {"в", "во", "у", "от", "из", "із", "з", "зі", "від", "in", "at", "from", "by", "the", "a", "an",
     "its", "his", "her", "their", "local", "местные", "местных", "місцеві", "місцевих"}
)  # fmt: skip
_BG_ADJ = re.compile(r"(?:ск|шк|цк|н|ов|ев)(?:и|а|о|ия|ият|ата|ото|ите)$", re.IGNORECASE)
_QUOTE_RE = re.compile(r"[«„“\"]([^«»„“”\"]+)[»“”\"]")
_DASH_QUOTE = re.compile(r"^\s*[-–—]\s")
_OPEN_QUOTES = '«„“"'
_CLOSE_QUOTES = '»“”"'
_WINDOW = 40  # characters between the cue and the source name


@dataclass(frozen=True)
class _Cue:
    """A reporting verb or phrase found in a sentence."""

    kind: str
    start: int
    end: int
    speaker_before: bool
    """The speaker may stand before it ("Зеленский отметил", "Зеленский в интервью"), unlike
    a phrase that governs the source ("по данным")."""
    transfer: bool = False
    """Also a verb of handing over ("передает"): a source only when set off from the clause."""


def has_direct_quote(text: str) -> bool:
    """A quoted stretch of three words or more, or a dialogue dash opening the sentence."""
    if _DASH_QUOTE.match(text):
        return True
    return any(len(m.group(1).split()) >= 3 for m in _QUOTE_RE.finditer(text))


def is_outlet(source: SourceMention) -> bool:
    """Whether the source is named the way outlets are: a platform, a Latin-script name inside a
    Cyrillic sentence, a quoted title, a name after "газета", "агентство", "видання"... or a
    news agency quoted everywhere (Reuters / Ройтерс, ТАСС, BBC).

    Such a name is kept, not translated, by every version, so a version that credits it while
    another never mentions it has changed the source. Other Latin acronyms (FWC, NASA) are
    often institutions that the other versions spell out in their own words, so they do not
    count."""
    text = source.text
    if _PLATFORM.search(text) or _MEDIA_NOUN.search(text) or _WIRES.search(text):
        return True
    if any(q in text for q in _OPEN_QUOTES):
        return True
    if not re.search(r"[а-яёіїєґ]", text, re.IGNORECASE):
        return False
    latin = re.findall(r"[A-Za-z][\w'’.&-]*", text)
    return any(not w.replace(".", "").isupper() for w in latin)


def generic_kinds(text: str) -> frozenset[str]:
    """What the sources described in a text are ("institution", "sources", "media", "person"):
    "министр" and "у відомстві" anywhere in "Министр сообщил, что в ведомстве..." count."""
    return frozenset(m.lastgroup for m in _GENERIC_RE.finditer(text) if m.lastgroup)


def generic_kind(source: SourceMention) -> str | None:
    """What an unnamed source is ("по данным ведомства": "institution"; "по данным СМИ":
    "media"; "источники сообщили": "sources"; "заявил министр": "person"); None for a named
    source and for one that is not described ("заявил он")."""
    if source.named:
        return None
    m = _GENERIC_RE.search(source.text)
    return m.lastgroup if m else None


def _cues(text: str, lang: str) -> list[_Cue]:
    """Every cue of the sentence, in order; a longer cue hides a shorter one inside it."""
    found = [
        _Cue(_kind(m), m.start(), m.end(), speaker_before=_kind(m) != "according")
        for m in _PHRASE_RE.finditer(text)
    ]
    if lang == "bg":
        for m in _BG_RE.finditer(text):
            if _BG_NAMED.search(text, 0, m.start()) and m.group().lower().startswith("каз"):
                continue  # "който се казва Робърт": is called, not says
            kind, end = _kind(m), m.end()
            told = _BG_TOLD.match(text, end)
            if told and kind != "wrote":
                kind, end = "interview", told.end()
            transfer = bool(_TRANSFER.match(m.group()))
            found.append(_Cue(kind, m.start(), end, speaker_before=True, transfer=transfer))
    elif lang in _morph.MORPH_LANGS:
        words = list(_WORD.finditer(text))
        for i, m in enumerate(words):
            lemma = _verb_lemma(m.group(), lang)
            if lemma is None:
                continue
            kind, end = _LEMMAS[lemma], m.end()
            addressee = _addressee(words[i + 1 : i + 3], text, m.end(), lang)
            if addressee is not None and kind != "wrote":
                kind, end = "interview", addressee
            transfer = bool(_TRANSFER.match(lemma))
            found.append(_Cue(kind, m.start(), end, speaker_before=True, transfer=transfer))
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[_Cue] = []
    for cue in found:
        if out and cue.start < out[-1].end:
            continue  # "как писал": the phrase already covers the verb
        out.append(cue)
    return out


def _kind(m: re.Match[str]) -> str:
    return re.sub(r"\d+$", "", next(k for k, v in m.groupdict().items() if v))


def _verb_lemma(word: str, lang: str) -> str | None:
    """The lemma of a reporting verb (any finite form: сообщила, заявляют, повідомило)."""
    for lemma, grams, known in _morph.parses(word.lower(), lang):
        if known and "VERB" in grams and lemma in _LEMMAS:
            return lemma
    return None


def _addressee(following: list[re.Match[str]], text: str, after: int, lang: str) -> int | None:
    """End of "изданию" / "американскому изданию" / "журналістам" right after a verb."""
    pos = after
    for m in following:
        if text[pos : m.start()].strip():
            return None  # punctuation: the verb's clause ended
        parses = [(lm, g) for lm, g, known in _morph.parses(m.group().lower(), lang) if known]
        if any(lm in _MEDIA_LEMMAS and "datv" in g for lm, g in parses):
            return m.end()
        if not any("ADJF" in g and "datv" in g for _, g in parses):
            return None
        pos = m.end()
    return None


def find_sources(text: str, lang: str, names: tuple[NameMention, ...]) -> tuple[SourceMention, ...]:
    """Attribution phrases of one sentence, tied to the nearest fitting name."""
    quoted = has_direct_quote(text)
    out: list[SourceMention] = []
    cues = _cues(text, lang)
    for idx, cue in enumerate(cues):
        if cue.transfer and not _parenthetical(text, cue.start):
            continue  # "РФ передает Пхеньяну технологии": a verb of transfer, not a source
        # A name beyond the next cue belongs to that cue ("сказав в інтерв'ю Kyodo News").
        limit = cues[idx + 1].start if idx + 1 < len(cues) else len(text)
        source, platform = _resolve(text, lang, names, cue, limit)
        out.append(dataclasses.replace(source, quoted=quoted))
        if source.kind == "wrote" and platform and source.end < platform.start():
            # "написал Ермак в телеграм-канале": the author and the medium are both sources.
            p_key = _platform_key(platform.group(), lang)
            out.append(SourceMention(platform.group(), *platform.span(), p_key, "wrote", quoted))
    return tuple(_merge(out))


def _resolve(
    text: str, lang: str, names: tuple[NameMention, ...], cue: _Cue, limit: int
) -> tuple[SourceMention, re.Match[str] | None]:
    """The source one cue credits, and a platform named after it."""
    kind, start, end = cue.kind, cue.start, cue.end
    set_off = _parenthetical(text, start)
    after = sorted(
        (n for n in names if 0 <= n.start - end <= _WINDOW and n.end <= limit),
        key=lambda n: n.start,
    )
    after = [n for n in after if not _crosses_clause(text[end : n.start])][:1]
    platform = _PLATFORM.search(text, end, min(len(text), limit, end + _WINDOW))
    if platform and (not after or platform.start() <= after[0].start):
        if kind == "said":
            kind = "wrote"  # "заявив у Facebook": the medium is the source
        key = _platform_key(platform.group(), lang)
        source = SourceMention(
            text[start : platform.end()], start, platform.end(), key, kind, False
        )
        return source, platform
    if after and kind == "interview" and not _addressed(text[end : after[0].start]):
        kind = "said"  # "заявил журналистам тренер «Сити»": the name is the speaker's
    key, s_start, s_end, named = "", start, end, True
    inside = (end, end)
    if after:
        first, last = _adjacent(text, after[0], names)
        key, s_end, inside = (
            name_key(text[first.start : last.end], lang),
            last.end,
            (first.start, last.end),
        )
        gap = text[end : first.start]
        outlet = _outlet_name(text, gap, first, last)
        if kind == "said" and outlet and _addressed(gap):
            kind = "interview"  # "сказал The Sunday Times": told an outlet
        elif kind == "reported" and not set_off and not outlet:
            kind = "said"  # "Зеленский сообщил Байдену": a speaker's words, not a report
        if kind != "said" and _described(gap):
            named = False  # "за словами речника поліції міста Васілла": described, not named
        if _ANY_MEDIA.fullmatch(text[first.start : last.end]) or _generic_only(
            text[first.start : last.end]
        ):
            named = False  # "сообщают местные СМИ", "Според Министерството": described
    elif kind == "according":
        # "по данным ведомства": an unnamed source is keyed by the words that name it.
        tail = re.match(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)", text[end:limit])
        if tail:
            key, s_end, named = name_key(tail.group(1), lang), end + tail.end(), False
    elif cue.speaker_before:
        before = [
            n for n in names if n.end <= start and re.fullmatch(r"[\s»”\"]*", text[n.end : start])
        ]
        outlet = bool(before) and _outlet_name(text, "", before[-1], before[-1])
        if before:
            key, s_start = before[-1].key, before[-1].start
            inside = (before[-1].start, before[-1].end)
            named = not _generic_only(before[-1].text)  # "Източници съобщиха"
        if not (kind in ("reported", "wrote") and ((set_off and not before) or outlet)):
            kind = "said"  # "Зеленский сообщил, что": a speaker, not an outlet's report
    if not key and (span := _described_source(text, lang, cue, limit)):
        # "сообщили в ведомстве", "the ministry said": a source described, not named
        key, named = name_key(text[span[0] : span[1]].lower(), lang), False
        s_start, s_end = min(s_start, span[0]), max(s_end, span[1])
    also = tuple(
        n.key
        for n in names
        if 0 <= n.start - end <= 2 * _WINDOW
        and n.end <= limit
        and n.key != key
        and not inside[0] <= n.start < inside[1]
        and not _crosses_clause(text[end : n.start])
    )
    source = SourceMention(text[s_start:s_end], s_start, s_end, key, kind, False, also, named)
    return source, platform


def _generic_only(name: str) -> bool:
    """A capitalised common noun the name finder took for a name ("Министерството",
    "Източници" at the start of a sentence)."""
    words = _HYPHENED.findall(name)
    return bool(words) and all(_GENERIC_RE.fullmatch(w) for w in words)


def _described_source(text: str, lang: str, cue: _Cue, limit: int) -> tuple[int, int] | None:
    """Span of the body, sources or person a cue credits without naming: the subject right
    before it ("В ведомстве сообщили", "the ministry said", "Источники сообщили") or the words
    right after it ("сообщили в пресс-службе", "said the ministry", "съобщиха от
    министерството")."""
    if cue.speaker_before:
        head = re.split(r"[,:;.!?»”\"()–—]", text[: cue.start])[-1]
        words = list(_HYPHENED.finditer(head))[-4:]
        offset = cue.start - len(head)
        for m in words:
            if _GENERIC_RE.fullmatch(m.group()):
                return offset + m.start(), offset + m.end()
    tail = text[cue.end : limit]
    cut = _CLAUSE.search(tail)
    tail = tail[: cut.start()] if cut else tail
    for m in list(_HYPHENED.finditer(tail))[:4]:
        if _GENERIC_RE.fullmatch(m.group()):
            return cue.end + m.start(), cue.end + m.end()
        if not _linking(m.group(), lang):
            return None
    return None


def _linking(word: str, lang: str) -> bool:
    """A preposition, article or adjective that may stand before the noun of a described
    source ("в пресс-службе", "от българското министерство", "said the defence ministry")."""
    low = word.lower()
    if low in _LINK:
        return True
    if lang in _morph.MORPH_LANGS:
        return any(
            known and ("ADJF" in grams or "PRTF" in grams)
            for _, grams, known in _morph.parses(low, lang)
        )
    if lang == "bg":
        return bool(_BG_ADJ.search(low))
    return word.islower()


def _platform_key(word: str, lang: str) -> str:
    return name_key(re.sub(r"-канал\w*$", "", word, flags=re.IGNORECASE), lang)


def _adjacent(
    text: str, first: NameMention, names: tuple[NameMention, ...]
) -> tuple[NameMention, NameMention]:
    """The first name after the cue and the last of the names run on to it in the same script
    ("NBC News", "South China Morning Post" come out of the name finder in pieces)."""
    last = first
    for n in sorted(names, key=lambda n: n.start):
        if n.start < last.end:
            continue
        if not re.fullmatch(r"[\s\u00a0&]*", text[last.end : n.start]) or n.latin != first.latin:
            break
        last = n
    return first, last


def _addressed(gap: str) -> bool:
    """Nothing but a media noun between a "told" cue and the name ("в интервью Kyodo News",
    "рассказал изданию The Hill", "каза пред новинарския канал ..."): the name is the one
    spoken to, not the speaker ("заявил журналистам тренер «Сити»")."""
    words = gap.strip().rstrip(_OPEN_QUOTES).split()
    if words and words[0].lower() in _TO:
        words = words[1:]  # "каза на The Sunday Telegraph", "сказал для BBC"
    return not words or (len(words) <= 3 and bool(_MEDIA_NOUN.fullmatch(words[-1])))


def _described(gap: str) -> bool:
    """Three words or more before the name ("речника департаменту поліції міста Васілла", "един
    от членовете на партията Plaid", "от полицията в Авън"): the name is where the source
    works, not the source; a media noun names the outlet though ("в воскресенье газета X")."""
    return not _MEDIA_NOUN.search(gap) and len(_WORD.findall(gap)) >= 3


def _outlet_name(text: str, gap: str, first: NameMention, last: NameMention) -> bool:
    """The name is an outlet's: Latin script in a Cyrillic sentence, a quoted title
    («Главком», „Дневник“), a news agency (Reuters, ТАСС), or after a media noun ("газета",
    "агентство", "видання")."""
    if _MEDIA_NOUN.search(gap) or _WIRES.fullmatch(text[first.start : last.end]):
        return True
    opened = text[: first.start].rstrip()[-1:]
    closed = text[last.end : last.end + 1]
    if opened and opened in _OPEN_QUOTES and closed and closed in _CLOSE_QUOTES:
        return True
    return first.latin and bool(re.search(r"[а-яёіїєґ]", text, re.IGNORECASE))


def _crosses_clause(gap: str) -> bool:
    """A comma, colon or quote between cue and name ends the cue's reach ("заявил, что Путин"),
    and so does a relative pronoun: in "согласно которому Северная Корея" the source is what
    "которому" refers to."""
    return bool(_CLAUSE.search(gap))


_CLAUSE = re.compile(
    r"[,:;.»”]|\b(?:что|що|че|that|which|котор\w+|як(?:ий|ого|ому|ої|ій|им|ими|і|их|а|е)|"
    r"кой(?:то)?|която|което|които)\b",
    re.IGNORECASE,
)


def _parenthetical(text: str, start: int) -> bool:
    """A reporting verb set off from the clause: ", передає «Главком»", "Как сообщает ...",
    or after "об этом" / "про це" / "за това", which point back at the previous sentence."""
    before = text[:start].rstrip()
    return (
        not before
        or before[-1] in ',.:;–—-"»”('
        or bool(
            re.search(
                r"(?:^|\s)(?:как|як|както|as|об\s+этом|про\s+це|за\s+това|това)$",
                before,
                re.IGNORECASE,
            )
        )
    )


def _merge(found: list[SourceMention]) -> list[SourceMention]:
    """ "написал Ермак в телеграм-канале": one source, the platform keeps the wrote kind."""
    out: list[SourceMention] = []
    for s in found:
        if out and s.key and out[-1].key == s.key and out[-1].kind == s.kind:
            continue
        out.append(s)
    return out

"""Calendar dates in a sentence, read by value (year, month, day), in ru/uk/bg/be/mk/sr/en."""

from __future__ import annotations

import functools
import re

from tcheck.extract import _morph
from tcheck.extract.model import DateMention

# Month forms per language, written by hand: stems with the endings each paradigm takes.
MONTHS: dict[str, tuple[str, ...]] = {
    "ru": (
        r"январ(?:[ьяюе]|[её]м)", r"феврал(?:[ьяюе]|[её]м)", r"март(?:[аеу]|ом)?",
        r"апрел(?:[ьяюе]|[её]м)", r"ма(?:[йяюе]|ем)", r"июн(?:[ьяюе]|[её]м)",
        r"июл(?:[ьяюе]|[её]м)", r"август(?:[аеу]|ом)?", r"сентябр(?:[ьяюе]|[её]м)",
        r"октябр(?:[ьяюе]|[её]м)", r"ноябр(?:[ьяюе]|[её]м)", r"декабр(?:[ьяюе]|[её]м)",
    ),
    "uk": (
        r"січ(?:ень|ня|ні|нем|ню)", r"лют(?:ий|ого|ому|і|им)", r"берез(?:ень|ня|ні|нем|ню)",
        r"квіт(?:ень|ня|ні|нем|ню)", r"трав(?:ень|ня|ні|нем|ню)", r"черв(?:ень|ня|ні|нем|ню)",
        r"лип(?:ень|ня|ні|нем|ню)", r"серп(?:ень|ня|ні|нем|ню)", r"верес(?:ень|ня|ні|нем|ню)",
        r"жовт(?:ень|ня|ні|нем|ню)", r"листопад(?:а|і|ом|у)?", r"груд(?:ень|ня|ні|нем|ню)",
    ),
    "bg": (
        r"януари", r"февруари", r"март", r"април", r"май", r"юни", r"юли", r"август",
        r"септември", r"октомври", r"ноември", r"декември",
    ),
    "be": (
        r"студз(?:ень|еня|ені)", r"лют(?:ы|ага|ым)", r"сакавік(?:а|у)?", r"красавік(?:а|у)?",
        r"трав(?:ень|ня|ні)|траўня", r"чэрв(?:ень|еня|ені)", r"ліп(?:ень|еня|ені)",
        r"жні(?:вень|ўня|ўні)", r"вер(?:асень|асня|асні)", r"кастрычнік(?:а|у)?",
        r"лістапад(?:а|зе)?", r"снеж(?:ань|ня|ні)",
    ),
    "mk": (
        r"јануари", r"февруари", r"март", r"април", r"мај", r"јуни", r"јули", r"август",
        r"септември", r"октомври", r"ноември", r"декември",
    ),
    "sr": (
        r"јануар(?:а|у)?", r"фебруар(?:а|у)?", r"март(?:а|у)?", r"април(?:а|у)?",
        r"мај(?:а|у)?", r"јун(?:а|у)?", r"јул(?:а|у)?", r"август(?:а|у)?",
        r"септемб(?:ар|ра|ру)", r"октоб(?:ар|ра|ру)", r"новемб(?:ар|ра|ру)",
        r"децемб(?:ар|ра|ру)",
    ),
    "en": (
        r"jan(?:uary|\.)", r"feb(?:ruary|\.)", r"mar(?:ch|\.)", r"apr(?:il|\.)", r"may",
        r"june?", r"july?", r"aug(?:ust|\.)", r"sep(?:tember|t?\.)", r"oct(?:ober|\.)",
        r"nov(?:ember|\.)", r"dec(?:ember|\.)",
    ),
}  # fmt: skip

# Adjectives made from month names ("ноябрьские выборы", "лютневого тріумфу", "юнските
# избори"): a month without a day or year, as the translations' "в ноябре"/"през ноември".
MONTH_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "ru": (
        r"январск", r"февральск", r"мартовск", r"апрельск", r"майск", r"июньск", r"июльск",
        r"августовск", r"сентябрьск", r"октябрьск", r"ноябрьск", r"декабрьск",
    ),
    "uk": (
        r"січнев", r"лютнев", r"березнев", r"квітнев", r"травнев", r"червнев", r"липнев",
        r"серпнев", r"вереснев", r"жовтнев", r"листопадов", r"груднев",
    ),
    "bg": (
        r"януарск", r"февруарск", r"мартенск", r"априлск", r"майск", r"юнск", r"юлск",
        r"августовск", r"септемврийск", r"октомврийск", r"ноемврийск", r"декемврийск",
    ),
}  # fmt: skip
_ADJ_ENDING = r"(?:ий|ій|ая|ое|ие|ые|ого|ой|ому|ую|им|ом|их|ими|ых|ым|ыми|а|е|і|ої|ою|у|ім|и|о|ия|ият|ата|ото|ите)"

# Words that make a bare 4-digit number a year: "2023 года", "2023 р.", "през 2024 г.".
_YEAR_AFTER = (
    r"(?:годов|годы|годах|года|году|год|гг\.|г\.|г(?!\w)|року|рік|роках|років|роки|рр\.|"
    r"р\.|р(?!\w)|година|год\.|годину|годзе|години|year)"
)
_YEAR_BEFORE = r"(?:в|во|у|з|с|со|від|от|до|през|през|по|in|since|by|until|of|from|за)"
_MONTH_CONTEXT = (
    r"(?:в|во|у|през|с|з|до|от|від|по|на|in|since|by|until|начале|конце|середине|"
    r"половине|начала|конца|середины|половины|початку|кінці|середині|половині|кінця|"
    r"середини|половини|наприкінці|наприкінця|наприпочатку|"
    r"началото|края|средата|половината|месец|миналия|последния|следващия|идния|този|"
    r"прошлом|прошлого|этом|следующем|минулому|цьому|наступному|"
    r"end\s+of|beginning\s+of|mid-?|late|early|last|next|this)"
)
# Month names a Bulgarian text uses for nothing else: no cue needed ("май" is also "it
# seems", "Август" a name).
_BG_AMBIGUOUS_MONTHS = ("май", "август")
# A "year" followed by a currency, a unit or a counted noun is a quantity: "глоба от 2000 $",
# "до 2000 человек", "от 2000 души".
_QUANTITY_AFTER = re.compile(
    r"[ \u00a0\u202f]?(?:[$€£¥₴₽%]|(?:долл|долар|dollar|usd|евро|євро|euro|eur|лв|лев|грн|"
    r"гривн|руб|процент|відсот|тыс|тис|хиляд|млн|млрд|милион|мільйон|миллион|души|човек|хора|"
    r"people|км|кг|тонн|тон|метр|км|mile|миль|мили)\w*)",
    re.IGNORECASE,
)
# Decades written with two digits: "80-те години", "30-е годы", "80-х років" (the 1900s).
_DECADE = re.compile(
    r"(?<![\w.,])(?P<dec>[2-9]0)-?(?:е|х|ые|ых|ті|тих|те|ies|s)[ \u00a0\u202f]+"
    r"(?:годы|годах|годов|годам|гг\.|роки|роках|років|рокам|рр\.|години|годините|годинах)"
    r"(?!\w)",
    re.IGNORECASE,
)
_SP = r"[ \u00a0\u202f]"


@functools.cache
def _month_re(lang: str) -> re.Pattern[str]:
    forms = MONTHS.get(lang)
    langs = [lang] if forms else ["ru", "uk", "bg", "en"]
    groups = []
    for code in langs:
        for i, form in enumerate(MONTHS[code]):
            groups.append(f"(?P<m{code}_{i + 1}>{form})")
    month = "|".join(groups)
    return re.compile(
        rf"(?<![\w-])(?:(?P<day>[0-3]?\d)(?:-?(?:го|е|ти|ви|ри|st|nd|rd|th))?{_SP}+)?"
        rf"(?P<month>{month})(?!\w)"
        + (rf"(?:{_SP}+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?" if lang == "en" else "")
        + rf"(?:,?{_SP}+(?P<year>1[89]\d\d|20\d\d|2100)(?!\d)"
        rf"(?:{_SP}*{_YEAR_AFTER})?)?",
        re.IGNORECASE,
    )


_NUMERIC = re.compile(
    r"(?<![\d.])(?:(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:1[89]|20)\d\d)"
    r"|(?P<y2>(?:1[89]|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?![\d.]\d)"
)
# "1950-53 гг.", "1950–1953 г.", "2014-2018 годах": both ends are years.
_YEAR_RANGE = re.compile(
    rf"(?<![\w.,])(?P<y1>1[89]\d\d|20\d\d)[ \u00a0]?[-–—][ \u00a0]?(?P<y2>1[89]\d\d|20\d\d|\d\d)"
    rf"(?![\d.,]\d|\w)(?P<post>{_SP}*{_YEAR_AFTER})?",
    re.IGNORECASE,
)
_YEAR = re.compile(
    rf"(?:(?<![\w])(?P<pre>{_YEAR_BEFORE}){_SP}+)?"
    rf"(?<![\d.,])(?P<year>1[89]\d\d|20\d\d|2100)(?![\d.,]\d|\w)"
    rf"(?:-?(?:м|го|й|ому|ті|е|х|ые|их|ті|те|s)(?!\w))?(?P<post>{_SP}*{_YEAR_AFTER})?",
    re.IGNORECASE,
)


def find_dates(text: str, lang: str) -> tuple[DateMention, ...]:
    """Dates in one sentence; a year alone needs a cue (года/року/г., в/у/през/in)."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _NUMERIC.finditer(text):
        d, mo, y = (m.group("d"), m.group("m"), m.group("y"))
        if y is None:
            d, mo, y = m.group("d2"), m.group("m2"), m.group("y2")
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            continue
        out.append(DateMention(m.group(), m.start(), m.end(), int(y), int(mo), int(d)))
        taken.append(m.span())

    for m in _month_re(lang).finditer(text):
        if not free(*m.span()):
            continue
        month = int(next(k for k, v in m.groupdict().items() if v and k.startswith("m")
                         and k not in ("month",)).rsplit("_", 1)[1])  # fmt: skip
        raw_day = m.group("day") or m.groupdict().get("day2")
        day = int(raw_day) if raw_day else None
        if day is not None and not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if m.group("year") else None
        if day is None and year is None and not _month_cue(text, m.start(), lang):
            continue  # "лютий" the adjective, "May" the verb: a month needs a day, year or cue
        out.append(DateMention(m.group(), m.start(), m.end(), year, month, day))
        taken.append(m.span())

    for m in _adjective_re(lang).finditer(text):
        if free(*m.span()):
            month = int(next(k for k, v in m.groupdict().items() if v)[1:])
            out.append(DateMention(m.group(), m.start(), m.end(), None, month, None))
            taken.append(m.span())

    for m in _DECADE.finditer(text):
        if free(*m.span()):
            out.append(DateMention(m.group(), m.start(), m.end(), 1900 + int(m["dec"]), None, None))
            taken.append(m.span())

    for m in _YEAR_RANGE.finditer(text):
        first, raw = int(m["y1"]), m["y2"]
        second = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
        if not (first < second <= first + 50) or not free(*m.span()):
            continue
        if not m["post"] and (len(raw) == 2 or _QUANTITY_AFTER.match(text, m.end())):
            continue  # "1950-53" needs "гг."; "2000–2500 $" is an amount
        end = m.end() if m["post"] else m.end("y2")
        out.append(DateMention(m["y1"], m.start("y1"), m.end("y1"), first, None, None))
        out.append(
            DateMention(text[m.start("y2") : end].rstrip(), m.start("y2"), end, second, None, None)
        )
        taken.append((m.start(), end))

    for m in _YEAR.finditer(text):
        if not (m.group("pre") or m.group("post")):
            continue
        ys, ye = m.span("year")
        if not free(ys, ye):
            continue
        if not m.group("post") and _counted_after(text, ye, lang):
            continue  # "глоба от 2000 $", "до 2000 человек": a quantity
        start = ys
        end = m.end() if m.group("post") else ye
        while end > start and text[end - 1] == " ":
            end -= 1
        out.append(DateMention(text[start:end], start, end, int(m.group("year")), None, None))
        taken.append((start, end))
    return tuple(sorted(out, key=lambda d: d.start))


@functools.cache
def _adjective_re(lang: str) -> re.Pattern[str]:
    stems = MONTH_ADJECTIVES.get(lang, ())
    if not stems:
        return re.compile(r"(?!x)x")
    groups = "|".join(f"(?P<m{i + 1}>{stem})" for i, stem in enumerate(stems))
    return re.compile(rf"(?<![\w-])(?:{groups}){_ADJ_ENDING}(?!\w)", re.IGNORECASE)


def _counted_after(text: str, end: int, lang: str) -> bool:
    """Whether what follows a number makes it a quantity: a unit, currency or counted noun."""
    rng = re.match(r"[ \u00a0]?[-–—][ \u00a0]?\d+(?:[ \u00a0.,]\d+)*", text[end:])
    end += rng.end() if rng else 0  # "от 2000–2500 долларов"
    if _QUANTITY_AFTER.match(text, end):
        return True
    nxt = re.match(r"[ \u00a0\u202f]+([^\W\d_]+)", text[end:])
    if nxt is None or lang not in _morph.MORPH_LANGS or not nxt.group(1).islower():
        return False
    return any(
        known and {"NOUN", "plur", "gent"} <= grams
        for _, grams, known in _morph.parses(nxt.group(1), lang)
    )


def _month_cue(text: str, start: int, lang: str) -> bool:
    before = text[max(0, start - 20) : start]
    if re.search(rf"(?<!\w){_MONTH_CONTEXT}{_SP}+$", before, re.IGNORECASE):
        return True
    # The uk/ru locative or genitive forms of a month are unambiguous on their own, and so
    # are the Bulgarian names but two.
    word = text[start:].split(maxsplit=1)[0].lower() if text[start:].strip() else ""
    if lang == "bg":
        return not word.startswith(_BG_AMBIGUOUS_MONTHS)
    return lang in ("uk", "ru", "be") and not word.startswith(("лют", "май", "март", "ма"))


@functools.lru_cache(maxsize=65536)
def is_month_word(word: str, lang: str) -> bool:
    """Whether ``word`` is a month name (capitalised sentence-initially, never a name)."""
    forms = MONTHS.get(lang) or MONTHS["en"]
    return any(re.fullmatch(f, word, re.IGNORECASE) for f in forms)

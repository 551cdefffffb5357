"""Calendar dates in a sentence, read by value (year, month, day), in ru/uk/bg/be/mk/sr/en."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import replace

from tcheck.extract import _morph
from tcheck.extract.model import DateMention
from tcheck.extract.script import fold_lookalikes

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
# A decade without its noun ("през 90-те", "в 90-е", "у 90-ті", "с 80-х"): read only after a
# cue and where no noun follows, for "на 90-е место", "в 20-х числах" and the Bulgarian
# numeral with its article ("90-те души", the ninety people) are not decades.
_BARE_DECADE = re.compile(
    r"(?<![\w.,-])(?P<dec>[2-9]0)-(?P<suf>е|х|ые|ых|ті|тих|те)(?!\w)", re.IGNORECASE
)
# The noun forms an ordinal ending agrees with (pymorphy grammemes), ru and uk alike.
_PLURAL_DIRECT = (frozenset({"plur", "nomn"}), frozenset({"plur", "accs"}))
_NEUTER_DIRECT = (frozenset({"neut", "sing", "nomn"}), frozenset({"neut", "sing", "accs"}))
_PLURAL_OBLIQUE = tuple(frozenset({"plur", c}) for c in ("gent", "loct", "accs", "datv", "ablt"))
_AGREEMENT: dict[str, tuple[frozenset[str], ...]] = {
    "е": _PLURAL_DIRECT + _NEUTER_DIRECT,
    "те": _PLURAL_DIRECT + _NEUTER_DIRECT,
    "ые": _PLURAL_DIRECT,
    "ті": _PLURAL_DIRECT,
    "х": _PLURAL_OBLIQUE,
    "ых": _PLURAL_OBLIQUE,
    "тих": _PLURAL_OBLIQUE,
    "го": (
        frozenset({"sing", "masc", "gent"}),
        frozenset({"sing", "neut", "gent"}),
        frozenset({"sing", "masc", "accs", "anim"}),
    ),
}
# What may follow a Bulgarian bare decade, where no dictionary tells a noun it would count:
# a few small words ("през 90-те на миналия век", "от 80-те до 90-те", "през 90-те бе") and a
# noun with its article, which starts the clause ("през 80-те компанията"), whereas a counted
# noun takes none ("90-те души").
_BG_AFTER_DECADE = re.compile(
    r"(?:на|и|до|се|бе|беше|бяха|когато|\w+(?:ът|ят|ата|ята|ото|ите|ете))", re.IGNORECASE
)
_SP = r"[ \u00a0\u202f]"
# The ordinal endings a day takes: ru/uk "24-го", "5-е"; bg "1-ви", "2-ри", "3-ти", "5-и",
# "8-ми"; en "3rd".
_DAY_SUFFIX = r"(?:-?(?:го|е|ти|ви|ри|ми|и|st|nd|rd|th))"
# sr and mk write the day as an ordinal with a full stop: "12. маја", "29. септембра 2018."
_DOT_DAY_LANGS = frozenset({"sr", "mk"})
# The dash between the ends of a range: "24-25 лютого", "януари – март".
_DASH = rf"{_SP}?[-–—]{_SP}?"
# A year after a month: "февраля 2026 г.", "March 3, 2021".
_YEAR_TAIL = rf"(?:,?{_SP}+(?P<year>1[89]\d\d|20\d\d|2100)(?!\d)(?:{_SP}*{_YEAR_AFTER})?)?"
# A two-digit year ("24.02.22") is this century's up to a few years ahead of today and the last
# century's beyond ("22.06.41"): news writes short years for recent dates and famous old ones.
_YY_PIVOT = datetime.date.today().year % 100 + 5
# Prepositions and words that make "dd.mm" a clock time ("об 08.05", "08.05 ч."), not a date.
_CLOCK_BEFORE = re.compile(r"(?<!\w)(?:о|об|около|at|around)[ \u00a0\u202f]+$", re.IGNORECASE)
# Prepositions that make "dd.mm." at the end of a sentence a date: "действует с 15.09.".
_DATE_BEFORE = re.compile(
    r"(?<!\w)(?:с|со|з|із|зі|от|від|до|по|към|since|from|until|till)[ \u00a0\u202f]+$",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(r"[ \u00a0\u202f]*(?:ч\.|ч(?!\w)|час|годин|год\.|h(?!\w))", re.IGNORECASE)


def _day_suffix(lang: str) -> str:
    """The endings a day takes before a month in ``lang``."""
    return rf"(?:{_DAY_SUFFIX}|\.)" if lang in _DOT_DAY_LANGS else _DAY_SUFFIX


def _month_groups(lang: str, tag: str) -> str:
    """One named group per month form (``{tag}{lang}_{month}``), for every language where
    ``lang`` has no month list of its own."""
    langs = [lang] if MONTHS.get(lang) else ["ru", "uk", "bg", "en"]
    return "|".join(
        f"(?P<{tag}{code}_{i + 1}>{form})" for code in langs for i, form in enumerate(MONTHS[code])
    )


def _month_number(m: re.Match[str], tag: str) -> int:
    """The month (1-12) that matched one of the groups :func:`_month_groups` made."""
    key = next(k for k, v in m.groupdict().items() if v and re.fullmatch(rf"{tag}\w\w_\d+", k))
    return int(key.rsplit("_", 1)[1])


@functools.cache
def _month_re(lang: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?:(?P<day>[0-3]?\d){_day_suffix(lang)}?{_SP}+)?"
        rf"(?P<month>{_month_groups(lang, 'm')})(?!\w)"
        + (rf"(?:{_SP}+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?" if lang == "en" else "")
        + _YEAR_TAIL,
        re.IGNORECASE,
    )


@functools.cache
def _range_re(lang: str) -> re.Pattern[str]:
    """Ranges of days in one month ("24-25 февраля") and of months ("січні-квітні 2024"):
    the second end carries the month or year the first one shares."""
    suffix = _day_suffix(lang)
    return re.compile(
        rf"(?<![\w-])(?:(?P<d1>[0-3]?\d){suffix}?{_DASH}(?P<d2>[0-3]?\d){suffix}?{_SP}+"
        rf"|(?P<first>{_month_groups(lang, 'f')}){_DASH})"
        rf"(?P<second>{_month_groups(lang, 'm')})(?!\w)" + _YEAR_TAIL,
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
# "01.09.24", "24.02.22" (a two-digit year); "с 01.09.", "до 05.10" (day and month alone).
# Both parts take two digits, and a date without a year needs its trailing dot or a day written
# with a leading zero, which no decimal has: "1,09", "3.5 млн" and "12.05" stay numbers.
_SHORT_NUMERIC = re.compile(
    r"(?<![\w.,])(?P<d>[0-3]\d)\.(?P<m>[01]\d)"
    r"(?:\.(?P<y>\d\d)(?!\d|[.,]\d)|(?P<dot>\.)(?!\d)|(?!\d|[.,]\d))"
)
_YEAR = re.compile(
    rf"(?:(?<![\w])(?P<pre>{_YEAR_BEFORE}){_SP}+)?"
    rf"(?<![\d.,])(?P<year>1[89]\d\d|20\d\d|2100)(?![\d.,]\d|\w)"
    rf"(?P<suf>-?(?:м|го|й|ому|ті|е|х|ые|их|ті|те|s)(?!\w))?(?P<post>{_SP}*{_YEAR_AFTER})?",
    re.IGNORECASE,
)


def find_dates(text: str, lang: str) -> tuple[DateMention, ...]:
    """Dates in one sentence; a year alone needs a cue (года/року/г., в/у/през/in)."""
    scan = fold_lookalikes(text, lang)  # sr "29. сeптeмбрa", typed with a Latin e and a
    found = _find_dates(scan, lang)
    if scan == text:
        return found
    return tuple(replace(d, text=text[d.start : d.end]) for d in found)


def _find_dates(text: str, lang: str) -> tuple[DateMention, ...]:
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

    # Each pass yields the span it reads and the dates in it; a span read once is not reread.
    for span, found in (*_short_numeric(text), *_ranges(text, lang)):
        if free(*span):
            out += found
            taken.append(span)

    for m in _month_re(lang).finditer(text):
        if not free(*m.span()):
            continue
        month = _month_number(m, "m")
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

    for m in _BARE_DECADE.finditer(text):
        if free(*m.span()) and _bare_decade(text, m, lang):
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
        if not (m.group("pre") or m.group("post") or _colloquial_year(text, m, lang)):
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


def _short_numeric(text: str) -> list[tuple[tuple[int, int], list[DateMention]]]:
    """Numeric dates with a two-digit year or none: "01.09.24", "с 01.09."."""
    out = []
    for m in _SHORT_NUMERIC.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if m["y"] is None and not _day_month(text, m):
            continue
        year = _full_year(m["y"]) if m["y"] else None
        end = m.end("y") if m["y"] else m.end("m")  # the trailing dot may end the sentence
        found = DateMention(text[m.start() : end], m.start(), end, year, month, day)
        out.append(((m.start(), end), [found]))
    return out


def _day_month(text: str, m: re.Match[str]) -> bool:
    """Whether "dd.mm" without a year is a date rather than a decimal or a clock time.

    No decimal writes its whole part with a leading zero ("05.10"); "12.05." is a date when
    its dot is not the sentence's full stop, or when a preposition of time leads it ("до
    15.09."). "об 08.05" and "08.05 ч." are times, "05.10 млн" an amount."""
    if _CLOCK_BEFORE.search(text, 0, m.start()) or _CLOCK_AFTER.match(text, m.end()):
        return False
    if _QUANTITY_AFTER.match(text, m.end()):
        return False
    if m["d"].startswith("0"):
        return True
    if not m["dot"]:
        return False
    full_stop = re.match(r"\.(?:\s*$|\s+[^\W\d_a-zа-яёіїєґ])", text[m.end("m") :])
    return not full_stop or bool(_DATE_BEFORE.search(text, 0, m.start()))


def _full_year(yy: str) -> int:
    """The year a two-digit year names, by the pivot :data:`_YY_PIVOT`."""
    return (2000 if int(yy) <= _YY_PIVOT else 1900) + int(yy)


def _ranges(text: str, lang: str) -> list[tuple[tuple[int, int], list[DateMention]]]:
    """Both ends of a day range ("24-25 лютого") or a month range ("януари-март 2024 г."),
    each a date: the shared month or year is written once, after the second end, so the
    first end takes it from there."""
    out = []
    for m in _range_re(lang).finditer(text):
        year = int(m["year"]) if m["year"] else None
        month = _month_number(m, "m")
        if m["d1"]:
            d1, d2 = int(m["d1"]), int(m["d2"])
            if not 1 <= d1 < d2 <= 31:
                continue  # "5-3 марта" is no range of days
            first = DateMention(
                text[m.start() : m.end("d1")], m.start(), m.end("d1"), year, month, d1
            )
            second = DateMention(
                text[m.start("d2") : m.end()], m.start("d2"), m.end(), year, month, d2
            )
        else:
            first_month = _month_number(m, "f")
            if first_month == month:
                continue
            first = DateMention(m["first"], m.start(), m.end("first"), year, first_month, None)
            start = m.start("second")
            second = DateMention(text[start : m.end()], start, m.end(), year, month, None)
        out.append((m.span(), [first, second]))
    return out


def _bare_decade(text: str, m: re.Match[str], lang: str) -> bool:
    """Whether "90-е"/"90-те" without "годы"/"години" names a decade: after a cue such as
    "в"/"през"/"в конце", and with no noun after it that it would order."""
    if not _after_cue(text, m.start()):
        return False
    word = _next_lower_word(text, m.end())
    if word is None:
        return True
    if lang in _morph.MORPH_LANGS:
        return not _ordered_noun(word, lang, _AGREEMENT[m["suf"].lower()])
    return bool(_BG_AFTER_DECADE.fullmatch(word))


def _colloquial_year(text: str, m: re.Match[str], lang: str) -> bool:
    """Whether a year without a cue is the ru/uk ordinal of "год"/"рік" with the noun left out
    ("летом 2022-го"): not where a noun follows that it orders ("2000-го зрителя")."""
    if lang not in _morph.MORPH_LANGS or (m["suf"] or "").lower() != "-го":
        return False
    word = _next_lower_word(text, m.end())
    return word is None or not _ordered_noun(word, lang, _AGREEMENT["го"])


def _next_lower_word(text: str, end: int) -> str | None:
    """The word right after ``end`` when it is written in lower case: a capital, a digit or
    punctuation there starts something the number before cannot govern."""
    nxt = re.match(r"[ \u00a0\u202f]+([^\W\d_]+)", text[end:])
    return nxt.group(1) if nxt and nxt.group(1).islower() else None


def _ordered_noun(word: str, lang: str, forms: tuple[frozenset[str], ...]) -> bool:
    """Whether ``word`` can be a noun in one of the ``forms`` (sets of grammemes) that the
    ordinal before it agrees with: the ordinal then counts places or days ("на 90-е место",
    "в 20-х числах", "2000-го зрителя"), while a noun that cannot agree with it starts the
    clause ("в 90-е компания", "летом 2022-го цены")."""
    return any(
        known and "NOUN" in grams and any(form <= grams for form in forms)
        for _, grams, known in _morph.parses(word, lang)
    )


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


def _after_cue(text: str, start: int) -> bool:
    """Whether a preposition or a word of time ("в", "през", "в конце", "миналия") ends the
    text before ``start``."""
    before = text[max(0, start - 20) : start]
    return bool(re.search(rf"(?<!\w){_MONTH_CONTEXT}{_SP}+$", before, re.IGNORECASE))


def _month_cue(text: str, start: int, lang: str) -> bool:
    if _after_cue(text, start):
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

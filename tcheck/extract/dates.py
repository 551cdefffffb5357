"""Calendar dates in a sentence, read by value (year, month, day), in ru/uk/bg/be/mk/sr/en."""

from __future__ import annotations

import functools
import re

from tcheck.extract.model import DateMention

# Month forms per language, written by hand: stems with the endings each paradigm takes.
MONTHS: dict[str, tuple[str, ...]] = {
    "ru": (
        r"январ[ьяюе]", r"феврал[ьяюе]", r"март[аеу]?", r"апрел[ьяюе]", r"ма[йяюе]",
        r"июн[ьяюе]", r"июл[ьяюе]", r"август[аеу]?", r"сентябр[ьяюе]", r"октябр[ьяюе]",
        r"ноябр[ьяюе]", r"декабр[ьяюе]",
    ),
    "uk": (
        r"січ(?:ень|ня|ні)", r"лют(?:ий|ого|ому|і)", r"берез(?:ень|ня|ні)",
        r"квіт(?:ень|ня|ні)", r"трав(?:ень|ня|ні)", r"черв(?:ень|ня|ні)", r"лип(?:ень|ня|ні)",
        r"серп(?:ень|ня|ні)", r"верес(?:ень|ня|ні)", r"жовт(?:ень|ня|ні)",
        r"листопад(?:а|і|ом)?", r"груд(?:ень|ня|ні)",
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

# Words that make a bare 4-digit number a year: "2023 года", "2023 р.", "през 2024 г.".
_YEAR_AFTER = (
    r"(?:годов|годы|годах|года|году|год|гг\.|г\.|г(?!\w)|року|рік|роках|років|роки|рр\.|"
    r"р\.|р(?!\w)|година|год\.|годину|годзе|години|year)"
)
_YEAR_BEFORE = r"(?:в|во|у|з|с|со|від|от|до|през|през|по|in|since|by|until|of|from|за)"
_MONTH_CONTEXT = (
    r"(?:в|во|у|през|с|з|до|от|від|по|in|since|by|until|начале|конце|середине|"
    r"початку|кінці|середині|началото|края|средата|end\s+of|beginning\s+of|mid-?)"
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

    for m in _YEAR.finditer(text):
        if not (m.group("pre") or m.group("post")):
            continue
        ys, ye = m.span("year")
        if not free(ys, ye):
            continue
        start = ys
        end = m.end() if m.group("post") else ye
        while end > start and text[end - 1] == " ":
            end -= 1
        out.append(DateMention(text[start:end], start, end, int(m.group("year")), None, None))
        taken.append((start, end))
    return tuple(sorted(out, key=lambda d: d.start))


def _month_cue(text: str, start: int, lang: str) -> bool:
    before = text[max(0, start - 20) : start]
    if re.search(rf"(?<!\w){_MONTH_CONTEXT}{_SP}+$", before, re.IGNORECASE):
        return True
    # The uk/ru locative or genitive forms of a month are unambiguous on their own.
    word = text[start:].split(maxsplit=1)[0].lower() if text[start:].strip() else ""
    return lang in ("uk", "ru", "be") and not word.startswith(("лют", "май", "март", "ма"))


@functools.lru_cache(maxsize=65536)
def is_month_word(word: str, lang: str) -> bool:
    """Whether ``word`` is a month name (capitalised sentence-initially, never a name)."""
    forms = MONTHS.get(lang) or MONTHS["en"]
    return any(re.fullmatch(f, word, re.IGNORECASE) for f in forms)

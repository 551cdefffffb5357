"""Quantities in a sentence, read by value: digits, number words, magnitudes, units.

Decisions worth knowing:

* Digits glued to a word by a hyphen belong to a name, not a quantity: "Shahed-136",
  "Covid-19", "F-16" yield no number (the name extractor keeps them).
* A label such as "225 отдельного полка" is the number 225 (not an ordinal: no suffix).
* A range "5–7 млн" yields two mentions, both flagged ``in_range``, sharing the magnitude.
* Vague quantities ("кілька", "несколько", "тысячи людей", "сотни") are not numbers.
* Clock times (18:46) are not quantities.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from tcheck.extract import _morph
from tcheck.extract.keys import normalize
from tcheck.extract.model import NumberMention

_SP = "[ \u00a0\u202f\u2009]"
_DIGITS = re.compile(
    rf"(?<![\w.,:/])(?<![^\W\d_][-‐])"
    rf"(?P<num>\d{{1,3}}(?:{_SP}\d{{3}}(?!\d))+(?:,\d+)?|\d+(?:[.,]\d+)*)"
    rf"(?![.,:/]?\d)"
)
_ORDINAL_SUFFIX = re.compile(r"(?:-?(?:st|nd|rd|th)\b|[-‐](?:[а-яіїєґёъ]{1,3})\b)")
_RANGE_DASH = re.compile(r"\s?[-‐–—]\s?(?=\d)|\s(?:до|to|-)\s(?=\d)")

MAGNITUDES: tuple[tuple[str, float], ...] = (
    (r"тыс\.?|тысяч\w*|тис\.?|тисяч\w*|хил\.|хиляд\w*|thousand\w*|тыщ\w*", 1e3),
    (r"млн\.?|миллион\w*|мільйон\w*|милион\w*|million\w*|mln|мн\.", 1e6),
    (r"млрд\.?|миллиард\w*|мільярд\w*|милиард\w*|billion\w*|bn", 1e9),
    (r"трлн\.?|триллион\w*|трильйон\w*|трилион\w*|trillion\w*", 1e12),
)
_MAG_RE = re.compile(
    rf"{_SP}?(?:{'|'.join(f'(?P<m{i}>{p})' for i, (p, _) in enumerate(MAGNITUDES))})(?!\w)",
    re.IGNORECASE,
)

CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"долл\.?|доллар\w*|долар\w*|dollar\w*|usd|\$", "USD"),
    (r"евро|євро|euro\w*|eur|€", "EUR"),
    (r"грн\.?|гривн\w*|гривен\w*|грив\w*|hryvn\w*|uah|₴", "UAH"),
    (r"руб\.?|рубл\w*|rub\w*|₽", "RUB"),
    (r"лв\.?|лева|лев|левове|bgn", "BGN"),
    (r"иен\w*|ієн\w*|єн\w*|йен\w*|yen|jpy|¥", "JPY"),
    (r"фунт\w*|паунд\w*|pound\w*|gbp|£", "GBP"),
    (r"юан\w*|yuan|cny", "CNY"),
    (r"швейцарск\w* франк\w*|франк\w*|chf", "CHF"),
    (r"процентн\w* пункт\w*|відсотков\w* пункт\w*|percentage points?|п\.\s?п\.", "pp"),
    (r"%|процент\w*|відсот\w*|процента|percent|per cent", "%"),
)  # fmt: skip
_UNIT_AFTER = re.compile(
    rf"{_SP}?(?:{'|'.join(f'(?P<u{i}>{p})' for i, (p, _) in enumerate(CURRENCY_WORDS))})"
    r"(?!\w)",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(r"(?P<sym>[$€£¥₴₽]|USD|EUR|GBP|JPY|UAH)\s?$")
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB"}

_APPROX = re.compile(
    r"(?:около|примерно|приблизительно|порядка|почти|близько|приблизно|майже|"
    r"понад|към|приблизително|почти|около|about|around|approximately|roughly|nearly|almost|"
    r"some|~|≈)\s*$",
    re.IGNORECASE,
)
_APPROX_EXACT_LESS = frozenset({"понад"})  # "more than": not a hedge

# Number words. ru/uk come through pymorphy3 lemmas; the rest is written out here.
_RU_UK_VALUES: dict[str, float] = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "дві": 2, "три": 3, "четыре": 4, "чотири": 4,
    "пять": 5, "пятьдесят": 50, "п'ять": 5, "шесть": 6, "шість": 6, "семь": 7, "сім": 7,
    "восемь": 8, "вісім": 8, "девять": 9, "дев'ять": 9, "десять": 10,
    "одиннадцать": 11, "одинадцять": 11, "двенадцать": 12, "дванадцять": 12,
    "тринадцать": 13, "тринадцять": 13, "четырнадцать": 14, "чотирнадцять": 14,
    "пятнадцать": 15, "п'ятнадцять": 15, "шестнадцать": 16, "шістнадцять": 16,
    "семнадцать": 17, "сімнадцять": 17, "восемнадцать": 18, "вісімнадцять": 18,
    "девятнадцать": 19, "дев'ятнадцять": 19, "двадцать": 20, "двадцять": 20,
    "тридцать": 30, "тридцять": 30, "сорок": 40, "п'ятдесят": 50,
    "шестьдесят": 60, "шістдесят": 60, "семьдесят": 70, "сімдесят": 70,
    "восемьдесят": 80, "вісімдесят": 80, "девяносто": 90, "дев'яносто": 90,
    "сто": 100, "двести": 200, "двісті": 200, "триста": 300, "четыреста": 400,
    "чотириста": 400, "пятьсот": 500, "п'ятсот": 500, "шестьсот": 600, "шістсот": 600,
    "семьсот": 700, "сімсот": 700, "восемьсот": 800, "вісімсот": 800,
    "девятьсот": 900, "дев'ятсот": 900,
    "двое": 2, "двоє": 2, "трое": 3, "троє": 3, "четверо": 4, "пятеро": 5, "п'ятеро": 5,
    "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9, "дев'ятеро": 9, "десятеро": 10,
    "оба": 2, "обе": 2, "обидва": 2, "обидві": 2, "обоє": 2,
    "полтора": 1.5, "полторы": 1.5, "півтора": 1.5, "півтори": 1.5,
}  # fmt: skip
_BG_VALUES: dict[str, float] = {
    "един": 1, "една": 1, "едно": 1, "два": 2, "две": 2, "двама": 2, "двамата": 2,
    "двете": 2, "двата": 2, "три": 3, "трима": 3, "тримата": 3, "трите": 3, "четири": 4,
    "четирима": 4, "пет": 5, "петима": 5, "шест": 6, "седем": 7, "осем": 8, "девет": 9,
    "десет": 10, "единадесет": 11, "единайсет": 11, "дванадесет": 12, "дванайсет": 12,
    "тринадесет": 13, "тринайсет": 13, "четиринадесет": 14, "четиринайсет": 14,
    "петнадесет": 15, "петнайсет": 15, "шестнадесет": 16, "шестнайсет": 16,
    "седемнадесет": 17, "седемнайсет": 17, "осемнадесет": 18, "осемнайсет": 18,
    "деветнадесет": 19, "деветнайсет": 19, "двадесет": 20, "двайсет": 20,
    "тридесет": 30, "трийсет": 30, "четиридесет": 40, "четирийсет": 40, "петдесет": 50,
    "шестдесет": 60, "седемдесет": 70, "осемдесет": 80, "деветдесет": 90, "сто": 100,
    "двеста": 200, "триста": 300, "четиристотин": 400, "петстотин": 500,
    "шестстотин": 600, "седемстотин": 700, "осемстотин": 800, "деветстотин": 900,
    "хиляда": 1000, "милион": 1e6, "милиард": 1e9, "половин": 0.5,
    # counts of people and the articled forms: шестима, осемте, петимата
    "четиримата": 4, "четирите": 4, "петимата": 5, "петте": 5, "шестима": 6, "шестимата": 6,
    "шестте": 6, "седмина": 7, "седмината": 7, "седемте": 7, "осмина": 8, "осмината": 8,
    "осемте": 8, "деветима": 9, "деветимата": 9, "деветте": 9, "десетима": 10,
    "десетимата": 10, "десетте": 10,
}  # fmt: skip
_EN_VALUES: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1e6, "billion": 1e9,
}  # fmt: skip
_MAG_LEMMAS = {
    "тысяча": 1e3, "тисяча": 1e3, "миллион": 1e6, "мільйон": 1e6, "миллиард": 1e9,
    "мільярд": 1e9, "триллион": 1e12, "трильйон": 1e12,
    "хиляда": 1e3, "хиляди": 1e3, "милион": 1e6, "милиона": 1e6, "милиард": 1e9,
    "милиарда": 1e9, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}  # fmt: skip
# A magnitude word with no count before it is a number only in the singular ("тысяча",
# "a million"); "тысячи людей", "кілька мільярдів", "хиляди хора" are vague.
_BARE_MAGNITUDES = frozenset(
    {"тысяча", "тысячу", "тисяча", "тисячу", "хиляда", "миллион", "мільйон", "милион",
     "миллиард", "мільярд", "милиард", "thousand", "million", "billion"}
)  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_][\w'’ʼ]*")


@dataclass(frozen=True)
class _Word:
    value: float
    magnitude: bool


@functools.lru_cache(maxsize=65536)
def _number_word(word: str, lang: str) -> _Word | None:
    low = normalize(word).replace("ʼ", "'")
    low_apos = re.sub(r"[’ʼ]", "'", word.lower())
    if lang in _morph.MORPH_LANGS:
        for lemma, grams, known in _morph.parses(low_apos, lang):
            lemma = lemma.replace("ё", "е")
            if not known:
                continue
            if lemma in _MAG_LEMMAS and "NOUN" in grams:
                return _Word(_MAG_LEMMAS[lemma], True)
            if lemma in _RU_UK_VALUES and grams & {"NUMR", "Anum"}:
                return _Word(_RU_UK_VALUES[lemma], False)
        return None
    table = _EN_VALUES if lang == "en" else _BG_VALUES
    if low in _MAG_LEMMAS:
        return _Word(_MAG_LEMMAS[low], True)
    if low in table:
        return _Word(table[low], False)
    return None


def _parse_digits(raw: str, lang: str) -> float:
    s = re.sub(_SP, "", raw)
    if "," in s and "." in s:
        dec = max(s.rfind(","), s.rfind("."))
        return float(re.sub(r"[.,]", "", s[:dec]) + "." + s[dec + 1 :])
    for sep in (",", "."):
        if s.count(sep) > 1:
            return float(s.replace(sep, ""))
        if s.count(sep) == 1:
            head, tail = s.split(sep)
            thousands = (sep == "," and lang == "en") or (
                sep == "." and lang in ("sr", "mk", "de", "tr", "id")
            )
            if thousands and len(tail) == 3:
                return float(head + tail)
            return float(head + "." + tail)
    return float(s)


def _match_unit(m: re.Match[str] | None, table: tuple[tuple[str, str], ...]) -> str | None:
    if m is None:
        return None
    for name, value in m.groupdict().items():
        if value is not None:
            return table[int(name[1:])][1]
    return None


def _approx_before(text: str, start: int) -> bool:
    m = _APPROX.search(text[max(0, start - 25) : start])
    return m is not None and m.group().strip().lower() not in _APPROX_EXACT_LESS


def _digit_mentions(text: str, lang: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    out: list[NumberMention] = []
    pending_range: list[int] = []
    mags: list[float] = []
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if any(a <= start < b for a, b in blocked):
            continue
        if end < len(text) and text[end].isascii() and text[end].isalpha():
            continue  # 5G, 3D: a product code, not a quantity
        value = _parse_digits(m.group("num"), lang)
        ordinal = False
        tail = text[end:]
        om = _ORDINAL_SUFFIX.match(tail)
        if om:
            ordinal = True
            end += om.end()
            tail = text[end:]
        magnitude = 1.0
        mm = _MAG_RE.match(tail)
        if mm and not ordinal:
            magnitude = MAGNITUDES[int(next(k for k, v in mm.groupdict().items() if v)[1:])][1]
            end += mm.end()
            tail = text[end:]
        um = _UNIT_AFTER.match(tail)
        unit = _match_unit(um, CURRENCY_WORDS) if not ordinal else None
        if um and unit:
            end += um.end()
        bm = _UNIT_BEFORE.search(text[max(0, start - 4) : start])
        if unit is None and bm:
            sym = bm.group("sym")
            unit = _SYMBOLS.get(sym, sym.upper())
            start -= len(bm.group())
        in_range = bool(pending_range)
        out.append(
            NumberMention(
                text=text[start:end].rstrip(),
                start=start,
                end=start + len(text[start:end].rstrip()),
                value=value * magnitude,
                unit=unit,
                ordinal=ordinal,
                approx=_approx_before(text, start) or (in_range and out[-1].approx),
                in_range=in_range,
            )
        )
        mags.append(magnitude)
        if in_range:
            # "5–7 млн $": the first end takes the magnitude and unit of the second.
            k = pending_range[0]
            first = out[k]
            if mags[k] == 1.0 and magnitude != 1.0:
                first = replace(first, value=first.value * magnitude)
            if first.unit is None and unit is not None:
                first = replace(first, unit=unit)
            out[k] = replace(first, in_range=True)
            pending_range = []
        rm = _RANGE_DASH.match(text[m.end() :]) if m.end() == end else None
        if rm:
            pending_range = [len(out) - 1]
    return out


def _word_mentions(text: str, lang: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    """Runs of number words: "двадцать пять тысяч" -> 25000, "1,2 млрд" handled by digits."""
    out: list[NumberMention] = []
    words = list(_WORD_RE.finditer(text))
    i = 0
    while i < len(words):
        w = words[i]
        if any(a <= w.start() < b for a, b in blocked):
            i += 1
            continue
        nw = _number_word(w.group(), lang)
        if nw is not None and nw.magnitude and normalize(w.group()) not in _BARE_MAGNITUDES:
            nw = None  # "тысячи людей", "кілька мільярдів": no count, so no number
        if nw is None:
            i += 1
            continue
        total, current = 0.0, 0.0
        j = i
        seen_any = False
        while j < len(words):
            if j > i and text[words[j - 1].end() : words[j].start()].strip() not in ("", "и"):
                break
            cur = _number_word(words[j].group(), lang) if j > i else nw
            if cur is None:
                break
            if cur.magnitude:
                total += (current or 1.0) * cur.value
                current = 0.0
            else:
                current += cur.value
            seen_any = True
            j += 1
        if not seen_any:
            i += 1
            continue
        # A trailing "и" was consumed as a joiner only if a number word followed it.
        start, end = words[i].start(), words[j - 1].end()
        value = total + current
        um = _UNIT_AFTER.match(text[end:])
        unit = _match_unit(um, CURRENCY_WORDS)
        if um and unit:
            end += um.end()
        out.append(
            NumberMention(
                text=text[start:end],
                start=start,
                end=end,
                value=value,
                unit=unit,
                ordinal=False,
                approx=_approx_before(text, start),
                spelled=True,
            )
        )
        i = j
    return out


def find_numbers(
    text: str, lang: str, blocked: list[tuple[int, int]] | None = None
) -> tuple[NumberMention, ...]:
    """Quantities in one sentence; spans in ``blocked`` (dates, times, names) are skipped."""
    blocked = list(blocked or [])
    blocked += [m.span() for m in re.finditer(r"\b\d{1,2}:\d{2}(?::\d{2})?\b", text)]
    digits = _digit_mentions(text, lang, blocked)
    taken = blocked + [(n.start, n.end) for n in digits]
    words = _word_mentions(text, lang, taken)
    return tuple(sorted(digits + words, key=lambda n: n.start))

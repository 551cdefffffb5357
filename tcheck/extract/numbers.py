"""Quantities in a sentence, read by value: digits, number words, magnitudes, units.

Decisions worth knowing:

* Digits glued to a word by a hyphen belong to a name, not a quantity: "Shahed-136",
  "Covid-19", "F-16" yield no number (the name extractor keeps them).
* A label such as "225 отдельного полка" is the number 225 (not an ordinal: no suffix).
* A range "5–7 млн" yields two mentions, both flagged ``in_range``, sharing the magnitude.
* Vague quantities ("кілька", "несколько", "тысячи людей", "сотни") are not numbers.
* Clock times are not quantities: "18:46", "об 11.15", "в 2 часа дня", "1 следобед",
  "19 ч., източно време". A pair that cannot be a time is a score and reads like "a-b":
  "2:0", "31:27", "5/4", "2&1", "2та1" all give two numbers.
* A number word that the dictionary reads first as something else ("семью" = the family,
  "сім я" with a lost apostrophe) is a number only where a counted noun follows it; uk
  "п'яту"/"п'ятою" (also the heel) is the ordinal only before a word that agrees with it.
* "и" joins one compound number where a smaller place follows ("двадесет и пет" = 25,
  "милиард и половина" = 1.5e9), not two counts ("два и три").
* A measure in two units is one quantity in the larger ("1 м 82 см" = 1.82 m, "6′6″"); a
  spelled count glued to its unit is a measure ("двухметровый" = 2 m).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from tcheck.extract import _morph
from tcheck.extract.keys import normalize
from tcheck.extract.measures import add_part, measure_after
from tcheck.extract.model import NumberMention

_SP = "[ \u00a0\u202f\u2009]"
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_DIGITS = re.compile(
    rf"(?<![\w.,:/])(?<![^\W\d_½¼¾][-‐])"
    rf"(?P<num>\d{{1,3}}(?:{_SP}\d{{3}}(?!\d))+(?:,\d+)?|\d+(?:[.,]\d+)*)(?P<frac>[½¼¾])?"
    rf"(?![.,:/]?\d)"
)
_SCORE_PART = r"\d{1,3}(?:[.,]\d)?[½¼¾]?"
# "2:0", "5/4", "2&1", "2§1", "2та1": two numbers, unless the pair is a clock time.
_SCORE = re.compile(
    rf"(?<![\w.,:/])(?P<a>{_SCORE_PART})(?P<sep> ?[:/&§] ?|та)(?P<b>{_SCORE_PART})(?![\w.,:/]?\d)"
)
_CLOCK = re.compile(r"(?<![\d.,:])(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?![\d:])")
_HOUR_WORD = r"(?:час|часа|часов|годину|години|годині|година|годин|ч\.|ч|год\.|h|o'clock)"
_TIME_OF_DAY = (
    r"утра|вечера|пополудни|ранку|вечора|пополудні|сутринта|сутрин|следобед|вечерта|"
    r"a\.\s?m\.|p\.\s?m\.|am|pm"
)
_TIME_ZONE = (
    r"дня|ночи|ночі|по\s+\w+\s+времени|за\s+\w+\s+часом|\w+\s+време|GMT|UTC|BST|ET|EST|CET|"
    r"МСК|по\s+Гринвичу|за\s+Гринвічем"
)
# "в 2 часа дня", "4 утра", "1 следобед", "19 ч., източно време", "об 11 годині ранку"
_CLOCK_WORDS = re.compile(
    rf"(?<![\w.,])(?P<h>[01]?\d|2[0-4])(?:-[^\W\d_]{{1,2}})?(?:{_SP}(?:{_HOUR_WORD}(?!\w)\.?,?{_SP}+(?:{_TIME_ZONE})"
    rf"|(?:{_HOUR_WORD}(?!\w)\.?,?{_SP}+)?(?:{_TIME_OF_DAY}))(?!\w))",
    re.IGNORECASE,
)
# "об 11.15", "в 19 ч.": a time after a preposition of time
_CLOCK_AFTER_PREP = re.compile(
    rf"(?<!\w)(?:о|об|в|във|во|у|до|від|от|к|около|at|by|until)\s+"
    rf"(?P<t>(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d.,]\d)|(?:[01]?\d|2[0-4]){_SP}?ч\.)",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"(?:-?(?:st|nd|rd|th)\b|[-‐](?:[а-яіїєґёъ]{1,3})\b)")
_RANGE_DASH = re.compile(r"\s?[-‐–—]\s?(?=\d)|\s(?:до|to|-)\s(?=\d)")
# "между 2 и 3 млрд", "між 20 і 25 тисячами", "between 5 and 7 million"
_BETWEEN = re.compile(r"(?<!\w)(?:между|між|поміж|between)\s+$", re.IGNORECASE)
_BETWEEN_AND = re.compile(r"\s(?:и|і|й|та|and)\s(?=\d)")
# "-0,5%", "−15 градусов", "минус 15": a sign, not a hyphen or a range dash after a number
_SIGN = re.compile(r"(?:(?:^|(?<=[\s(«\"„“]))[-−]|(?<!\w)(?:минус|мінус|minus)\s+)$", re.IGNORECASE)
# "£3bn", "$1.2m", "500k": English magnitudes glued to the digits ("m" and "k" only after a
# currency sign, where they cannot be metres)
_GLUED_MAGNITUDE = re.compile(r"(?P<mag>bn|mn|tn|m|k)(?![\w])")
_GLUED_VALUES = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "m": 1e6, "k": 1e3}
# "2/3 депутатов": a fraction, not a score, when the numerator is smaller and the denominator
# small
_SLASH_FRACTION = re.compile(r"(?<![\w.,:/])(?P<a>\d)/(?P<b>\d{1,2})(?![\w.,:/]?\d)")

MAGNITUDES: tuple[tuple[str, float], ...] = (
    (r"тыс\.?|тысяч\w*|тис\.?|тисяч\w*|хил\.?|хиляд\w*|thousand\w*|тыщ\w*", 1e3),
    (r"млн\.?|миллион\w*|мільйон\w*|милион\w*|million\w*|mln|мн\.|мил\.", 1e6),
    (r"млрд\.?|миллиард\w*|мільярд\w*|милиард\w*|billion\w*|bn", 1e9),
    (r"трлн\.?|триллион\w*|трильйон\w*|трилион\w*|trillion\w*", 1e12),
)
# "25-тысячную толпу", "25-хилядна тълпа": a count made an adjective keeps its magnitude
_MAG_RE = re.compile(
    rf"(?:{_SP}|-)?(?:{'|'.join(f'(?P<m{i}>{p})' for i, (p, _) in enumerate(MAGNITUDES))})(?!\w)",
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
    (r"%|процент\w*|відсот\w*|процента|на сто|percent|per cent", "%"),
)  # fmt: skip
_UNIT_AFTER = re.compile(
    rf"{_SP}?(?:{'|'.join(f'(?P<u{i}>{p})' for i, (p, _) in enumerate(CURRENCY_WORDS))})"
    r"(?!\w)",
    re.IGNORECASE,
)
_UNIT_BEFORE = re.compile(r"(?P<sym>[$€£¥₴₽]|USD|EUR|GBP|JPY|UAH)\s?$")
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB"}

# "приблизно за 1,6 км", "почти в 3 раза": a preposition may stand between hedge and number
_APPROX = re.compile(
    r"(?<!\w)(?P<hedge>около|примерно|приблизительно|порядка|почти|близько|приблизно|майже|"
    r"понад|към|приблизително|почти|около|about|around|approximately|roughly|nearly|almost|"
    r"some|~|≈)\s*(?:(?:в|во|на|за|до|у|з|із|от|с|к|на|in|at|to)\s+)?$",
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
    # uk counts people with collectives up to the tens: "двадцятеро людей"
    "пів": 0.5,
    "одинадцятеро": 11, "дванадцятеро": 12, "тринадцятеро": 13, "чотирнадцятеро": 14,
    "п'ятнадцятеро": 15, "шістнадцятеро": 16, "сімнадцятеро": 17, "вісімнадцятеро": 18,
    "дев'ятнадцятеро": 19, "двадцятеро": 20, "тридцятеро": 30,
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
    "десетимата": 10, "десетте": 10, "единия": 1, "единият": 1, "едната": 1, "едното": 1,
    "трикратно": 3, "четирикратно": 4, "петкратно": 5, "десеткратно": 10,
}  # fmt: skip
# bg counts people with -има from eleven up: "двадесетима", "седемнадесетимата"
_BG_VALUES |= {
    word + ending: value
    for word, value in list(_BG_VALUES.items())
    if word.endswith(("десет", "йсет"))
    for ending in ("има", "имата")
}
# "трижды", "втричі": how many times; pymorphy reads them as adverbs.
_TIMES_VALUES: dict[str, float] = {
    "трижды": 3, "четырежды": 4, "пятижды": 5, "тричі": 3, "втрое": 3, "вчетверо": 4,
    "впятеро": 5, "вдесятеро": 10, "втричі": 3, "утричі": 3, "учетверо": 4,
    "вп'ятеро": 5, "уп'ятеро": 5,
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
    # a decade counts years as a thousand counts units: "два десятилетия" is 20 (years)
    "десятилетие": 10, "десятиліття": 10, "десетилетие": 10, "десетилетия": 10,
    "десетилетието": 10, "decade": 10, "decades": 10,
}  # fmt: skip
# A magnitude word with no count before it is a number only in the singular ("тысяча",
# "a million"); "тысячи людей", "кілька мільярдів", "хиляди хора" are vague.
_BARE_MAGNITUDES = frozenset(
    {"тысяча", "тысячу", "тисяча", "тисячу", "хиляда", "миллион", "мільйон", "милион",
     "миллиард", "мільярд", "милиард", "thousand", "million", "billion",
     # the genitive singular: "более миллиона", "понад мільйона"
     "миллиона", "миллиарда", "мільйона", "мільярда",
     # "a decade" in the singular cases that are never plural
     "десятилетие", "десятилетию", "десятилетием", "десятилетии", "десятиліттю",
     "десятилітті", "десятиліттям", "десетилетие", "десетилетието", "decade"}
)  # fmt: skip
# Forms that are plural ("thousands", "decades") or a singular genitive ("of a thousand"): a
# number only after these words ("свыше тысячи людей", "близько тисячі", "более десятилетия")
# or after an adjective in the genitive singular ("прошлого десятилетия").
_SINGULAR_OR_PLURAL = frozenset({"тысячи", "тисячі", "десятилетия", "десятиліття"})
_GENITIVE_CUES = frozenset(
    {"свыше", "более", "больше", "менее", "меньше", "около", "порядка", "до", "от", "из",
     "близько", "більше", "менше", "понад", "від", "з", "із", "течение", "протяжении",
     "протягом", "впродовж", "упродовж", "продолжение"}
)  # fmt: skip
_GENITIVE_SINGULAR_ADJ = re.compile(r"(?:ого|его|ього)$")
# What may follow a number word that the dictionary reads first as something else and make
# it a count after all: "семью детьми", "три з п'яти".
_COUNT_PREPOSITIONS = frozenset({"з", "із", "зі", "из", "от", "of"})
_NUMERAL_POS = frozenset({"NUMR", "Anum", "ADJF"})
_WORD_RE = re.compile(r"[^\W\d_][\w'’ʼ]*")


@dataclass(frozen=True)
class _Word:
    value: float
    magnitude: bool
    multiplies: bool = False
    """Multiplies the count before it without closing it, as "hundred" in "three hundred
    thousand" (ru/uk/bg write hundreds as one word: "триста")."""


# "две трети", "дві третини", "една трета", "три четверти": a count of these is a fraction
_FRACTION_NOUNS: dict[str, int] = {
    "треть": 3, "трети": 3, "третью": 3, "третей": 3, "третина": 3, "третини": 3,
    "третину": 3, "третиною": 3, "третин": 3, "трета": 3, "четверть": 4, "четверти": 4,
    "четвертью": 4, "четвертей": 4, "чверть": 4, "чверті": 4, "чвертю": 4, "чвертей": 4,
    "четвърт": 4, "четвърти": 4,
    "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
}  # fmt: skip
# bg "трета"/"трети" and en "third" are also the ordinal "third": alone they are no fraction
_FRACTION_ONLY_AFTER_COUNT = frozenset({"трета", "трети", "third", "thirds", "quarter"})
# "полмиллиона", "півмільйона", "полтысячи": half of a magnitude in one word
_HALF_PREFIX = re.compile(r"^(?:пол|пів)-?(?=[^\W\d_]{4})")


@functools.lru_cache(maxsize=65536)
def _number_word(word: str, lang: str) -> _Word | None:
    low = normalize(word).replace("ʼ", "'")
    low_apos = re.sub(r"[’ʼ]", "'", word.lower())
    if low_apos in _TIMES_VALUES:
        return _Word(_TIMES_VALUES[low_apos], False)
    half = _HALF_PREFIX.match(low_apos)
    if half and lang in ("ru", "uk"):
        whole = _number_word(low_apos[half.end() :], lang)
        if whole and whole.magnitude:
            return _Word(whole.value / 2, False)
    if lang == "en" and low == "hundred":
        return _Word(100, False, multiplies=True)
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


@functools.lru_cache(maxsize=16384)
def _reads_otherwise(word: str, lang: str) -> bool:
    """Whether the dictionary's first reading of a number word is another word: ru "семью"
    (the family, 0.77), uk "сім" (сей), "сорок" (сорока). pymorphy3 ranks the ru parses by
    probability; the uk dictionary gives no ranking, so its first parse stands."""
    morph = _morph.analyzer(lang)
    if morph is None:
        return False
    parses = [p for p in morph.parse(re.sub(r"[’ʼ]", "'", word.lower())) if p.is_known]
    if not parses:
        return False
    top = max(parses, key=lambda p: p.score) if lang == "ru" else parses[0]
    grams = set(str(top.tag).replace(" ", ",").split(","))
    if grams & _NUMERAL_POS:
        return False
    return lang != "ru" or top.score >= 0.5


def _counts_next(text: str, end: int, lang: str) -> bool:
    """Whether what follows a number word makes it a count: a noun or adjective in the plural
    or genitive, a unit, or "з"/"из" ("три з п'яти")."""
    if _UNIT_AFTER.match(text, end) and _match_unit(_UNIT_AFTER.match(text, end), CURRENCY_WORDS):
        return True
    nxt = re.match(r"\s*([^\W\d_][\w'’ʼ]*)", text[end:])
    if nxt is None:
        return False
    word = nxt.group(1).lower()
    if word in _COUNT_PREPOSITIONS or _number_word(word, lang) is not None:
        return True
    if not nxt.group(1).islower():
        return False  # "семью Ивановых": a name, not a counted noun
    return any(
        known
        and grams & {"NOUN", "ADJF", "PRTF"}
        and grams & {"plur", "gent"}
        and "Abbr" not in grams
        for _, grams, known in _morph.parses(re.sub(r"[’ʼ]", "'", word), lang)
    )


def _counts_before(text: str, start: int, lang: str) -> bool:
    """ "три з п'яти", "8 из 10": a number word after "N из" is a count."""
    m = re.search(r"([\w'’ʼ]+)\s+(?:з|із|зі|из|от|of)\s+$", text[:start])
    if m is None:
        return False
    word = m.group(1)
    return word.isdigit() or _number_word(word, lang) is not None


def clock_spans(text: str) -> list[tuple[int, int]]:
    """Spans of clock times written with minutes ("18:46", "об 11.15"): not quantities.

    An hour written as a number ("в 2 часа дня", "7 утра", "в 6 ч.") stays a number, so that
    a changed hour is seen; :func:`clock_hours` lets a check match it with "14:00"."""
    spans = [m.span() for m in _CLOCK.finditer(text)]
    spans += [
        m.span("t")
        for m in _CLOCK_AFTER_PREP.finditer(text)
        if re.search(r"\d\.\d\d$", m.group("t"))
    ]
    return spans


def clock_hours(text: str) -> list[int]:
    """The hours a sentence's clock times name, each also on the 12-hour dial: "14:00" and
    "2 часа дня" both give 14 and 2, "04:00" and "4 утра" give 4 and 16."""
    hours: list[int] = []
    for m in _CLOCK.finditer(text):
        hours.append(int(m.group().split(":")[0]))
    for m in _CLOCK_WORDS.finditer(text):
        hours.append(int(m.group("h")))
    for m in _CLOCK_AFTER_PREP.finditer(text):
        hours.append(int(re.match(r"\d+", m.group("t")).group()))  # type: ignore[union-attr]
    return [x for h in hours for x in (h, (h + 12) % 24 if h != 12 else 12)]


def _is_fraction(raw: str) -> bool:
    a, b = (int(x) for x in raw.split("/"))
    return 0 < a < b <= 10


def _fraction_mentions(text: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    """ "2/3 депутатов" is two thirds."""
    out = []
    for m in _SLASH_FRACTION.finditer(text):
        if any(a <= m.start() < b for a, b in blocked) or not _is_fraction(m.group()):
            continue
        value = int(m.group("a")) / int(m.group("b"))
        out.append(NumberMention(m.group(), m.start(), m.end(), value, None, False, False))
    return out


def _scores_as_ranges(text: str) -> str:
    """``text`` with score separators ("2:0", "5/4", "2&1", "2та1") written as "-", same length."""

    def dash(m: re.Match[str]) -> str:
        sep = m.group("sep")
        return m.group("a") + "-" + " " * (len(sep) - 1) + m.group("b")

    out = []
    last = 0
    for m in _SCORE.finditer(text):
        if _CLOCK.fullmatch(m.group()) or (m.group("sep").strip() == "/" and "," in m.group()):
            continue
        if _SLASH_FRACTION.fullmatch(m.group()) and _is_fraction(m.group()):
            continue
        out.append(text[last : m.start()])
        out.append(dash(m))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


_ORDINAL_UNITS: dict[str, int] = {
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5,
    "шестой": 6, "седьмой": 7, "восьмой": 8, "девятый": 9,
    "перший": 1, "другий": 2, "третій": 3, "четвертий": 4, "п'ятий": 5, "шостий": 6,
    "сьомий": 7, "восьмий": 8, "дев'ятий": 9,
}  # fmt: skip
_BG_ORDINAL_UNITS = re.compile(
    r"(?P<v1>първ)|(?P<v2>втор)|(?P<v3>трет)|(?P<v4>четвърт)|(?P<v5>пет)|(?P<v6>шест)|"
    r"(?P<v7>седм)|(?P<v8>осм)|(?P<v9>девет)"
)


def _ordinal_unit(word: str, lang: str) -> int | None:
    """1..9 when ``word`` is the ordinal ending a compound ("пятой", "восьмій", "пети")."""
    low = re.sub(r"[’ʼ]", "'", word.lower())
    if lang == "bg":
        m = _BG_ORDINAL_UNITS.fullmatch(low[: -len(_bg_ordinal_ending(low))] or low)
        return int(next(k for k, v in m.groupdict().items() if v)[1:]) if m else None
    for lemma, grams, known in _morph.parses(low, lang):
        if known and grams & {"Anum", "ADJF"} and lemma.replace("ё", "е") in _ORDINAL_UNITS:
            return _ORDINAL_UNITS[lemma.replace("ё", "е")]
    return None


_BG_ORDINAL_HOMONYMS = frozenset({"пета"})  # "с пета": with the heel
"""Bulgarian words spelled like a bare ordinal that are more often something else."""


def _bg_ordinal_ending(word: str) -> str:
    m = re.search(r"(?:ият|ия|ата|ото|ите|и|а|о)$", word)
    return m.group() if m else ""


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
                # ru/uk/bg write decimals with a comma: "10.000 души" is ten thousand
                sep == "." and lang in ("sr", "mk", "de", "tr", "id", "ru", "uk", "bg")
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
    return m is not None and m.group("hedge").lower() not in _APPROX_EXACT_LESS


def _digit_mentions(text: str, lang: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    out: list[NumberMention] = []
    pending_range: list[int] = []
    mags: list[float] = []
    scan = _scores_as_ranges(text)
    for m in _DIGITS.finditer(scan):
        start, end = m.span()
        if any(a <= start < b for a, b in blocked):
            continue
        glued = _GLUED_MAGNITUDE.match(text, end)
        if (
            glued
            and glued.group("mag") in ("m", "k")
            and not _UNIT_BEFORE.search(text[max(0, start - 4) : start])
        ):
            glued = None
        if glued is None and end < len(text) and text[end].isascii() and text[end].isalpha():
            continue  # 5G, 3D: a product code, not a quantity
        value = _parse_digits(m.group("num"), lang) + _FRACTIONS.get(m.group("frac") or "", 0)
        ordinal = False
        tail = text[end:]
        om = _ORDINAL_SUFFIX.match(tail)
        if om:
            ordinal = True
            end += om.end()
            tail = text[end:]
        magnitude = 1.0
        mm = _MAG_RE.match(tail)
        if glued is not None:
            magnitude = _GLUED_VALUES[glued.group("mag")]
            end = glued.end()
            tail = text[end:]
        elif mm and not ordinal:
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
        sign = None if in_range or bm else _SIGN.search(text[max(0, start - 8) : start])
        if sign is not None:
            value, start = -value, start - len(sign.group())
        if out and _joins_compound(text, out[-1], mags[-1], start, magnitude):
            # "3 миллиарда 200 миллионов", "1 млн. и 200 хил.": one amount
            prev = out.pop()
            mags.pop()
            value, start = (prev.value + value * magnitude) / magnitude, prev.start
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
        rm = _RANGE_DASH.match(scan[m.end() :]) if m.end() == end else None
        if rm is None and m.end() == end and _BETWEEN.search(text[:start]):
            rm = _BETWEEN_AND.match(scan[m.end() :])
        if rm:
            pending_range = [len(out) - 1]
    return out


def _joins_compound(
    text: str, prev: NumberMention, prev_mag: float, start: int, magnitude: float
) -> bool:
    """Whether a number with a smaller magnitude word right after one with a larger is its
    remainder ("3 миллиарда 200 миллионов")."""
    return (
        1.0 < magnitude < prev_mag
        and prev.unit is None
        and not prev.in_range
        and not prev.ordinal
        and _PART_GAP.fullmatch(text, prev.end, start) is not None
    )


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
        if nw is not None and nw.magnitude and not _bare_magnitude(text, words, i):
            nw = None  # "тысячи людей", "кілька мільярдів": no count, so no number
        if nw is not None and w.group()[0].isupper() and not _sentence_initial(text, w.start()):
            nw = None  # "в районе Четырех углов" (Four Corners): part of a name
        if nw is None:
            after_count = i > 0 and _number_word(words[i - 1].group(), lang) is not None
            ordinal_mention = None if after_count else _standalone_ordinal(text, w, lang)
            ordinal_mention = ordinal_mention or (None if after_count else _lone_fraction(w))
            if ordinal_mention is not None:
                out.append(ordinal_mention)
            i += 1
            continue
        total, current, last_mag = 0.0, 0.0, 0.0
        j = i
        while j < len(words):
            gap = text[words[j - 1].end() : words[j].start()].strip() if j > i else ""
            if gap and not (gap == "-" and lang == "en"):  # "twenty-five"
                break
            cur = _number_word(words[j].group(), lang) if j > i else nw
            if cur is None and _joins(text, words, j, lang, current, last_mag):
                # "двадесет и пет", "сто и двадцать", "милиард и половина", "пять с половиной"
                j += 1
                half = _Word(0.5 if current else last_mag / 2, False)
                cur = _number_word(words[j].group(), lang) or half
            elif cur is None and current and _adjective_before_magnitude(text, words, j, lang):
                # "два последних десятилетия", "две изминали десетилетия"
                j += 1
                cur = _number_word(words[j].group(), lang)
            if cur is None:
                break
            if cur.magnitude:
                total += (current or 1.0) * cur.value
                current, last_mag = 0.0, cur.value
            elif cur.multiplies:
                current = (current or 1.0) * cur.value
            else:
                current += cur.value
            j += 1
        denominator = _fraction_after(text, words, j) if current and not total else None
        if denominator:
            current, j = current / denominator, j + 1  # "две трети" is 2/3
        start, end = words[i].start(), words[j - 1].end()
        if (
            j == i + 1
            and not nw.magnitude
            and nw.value < 1e3  # "полмиллиона" is a magnitude's half
            and w.group().lower() not in _TIMES_VALUES
            and _reads_otherwise(w.group(), lang)
            and not _counts_next(text, end, lang)
            and not _counts_before(text, start, lang)
        ):
            i = j
            continue  # "подготовить свою семью", "сім я" (сім'я): not a count
        value = total + current
        ordinal = False
        k = j + 1 if j < len(words) and words[j].group().lower() in ("и", "і", "й") else j
        unit_digit = _ordinal_unit(words[k].group(), lang) if k < len(words) else None
        between = text[words[j - 1].end() : words[k].start()] if k < len(words) else "."
        if unit_digit and 20 <= current < 100 and current % 10 == 0 and "," not in between:
            # "сорок пятой минуте", "двадцять восьмій", "двадесет и пети": 45th, 28th, 25th
            value, ordinal, end, j = value + unit_digit, True, words[k].end(), k + 1
        um = _UNIT_AFTER.match(text[end:]) if not ordinal else None
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
                ordinal=ordinal,
                approx=_approx_before(text, start),
                spelled=True,
            )
        )
        i = j
    return out


_JOINERS = frozenset({"и", "і", "й", "and"})
_HALF_JOINERS = _JOINERS | {"с", "со", "з", "із", "зі"}  # "пять с половиной", "два з половиною"
_HALVES = frozenset({"половина", "половин", "половиной", "половиною", "half"})


def _fraction_after(text: str, words: list[re.Match[str]], j: int) -> int | None:
    """The denominator of a fraction noun right after a count ("две трети")."""
    if j >= len(words) or text[words[j - 1].end() : words[j].start()].strip():
        return None
    return _FRACTION_NOUNS.get(words[j].group().lower())


def _lone_fraction(word: re.Match[str]) -> NumberMention | None:
    """ "треть населения", "чверть століття": one such part."""
    low = word.group().lower()
    if low not in _FRACTION_NOUNS or low in _FRACTION_ONLY_AFTER_COUNT:
        return None
    value = 1 / _FRACTION_NOUNS[low]
    return NumberMention(
        word.group(), word.start(), word.end(), value, None, False, False, spelled=True
    )


def _joins(
    text: str, words: list[re.Match[str]], j: int, lang: str, current: float, last_mag: float
) -> bool:
    """Whether ``words[j]`` is an "и" inside one compound number: the word after it is a
    smaller place ("двадесет и пет": units after tens) or a half of the magnitude before it
    ("милиард и половина")."""
    if words[j].group().lower() not in _HALF_JOINERS or j + 1 >= len(words):
        return False
    if text[words[j].end() : words[j + 1].start()].strip():
        return False
    nxt = words[j + 1].group()
    if nxt.lower() in _HALVES:
        return last_mag > 0 if current == 0 else current == int(current)
    if words[j].group().lower() not in _JOINERS:
        return False
    following = _number_word(nxt, lang)
    if following is None or following.magnitude:
        return False
    if current == 0:  # "три хиляди и петстотин"
        return following.value < last_mag
    place = 10 ** (len(str(int(current))) - 1)
    return current >= 20 and current % place == 0 and following.value < place


def _adjective_before_magnitude(text: str, words: list[re.Match[str]], j: int, lang: str) -> bool:
    """Whether ``words[j]`` is a plural adjective between a count and its magnitude noun."""
    if j + 1 >= len(words) or text[words[j].end() : words[j + 1].start()].strip():
        return False
    following = _number_word(words[j + 1].group(), lang)
    if following is None or not following.magnitude:
        return False
    word = words[j].group()
    if not word.islower():
        return False
    if lang in _morph.MORPH_LANGS:
        return any(
            known and "ADJF" in grams and "plur" in grams
            for _, grams, known in _morph.parses(word, lang)
        )
    return lang == "bg" and word.endswith("и")


def _standalone_ordinal(text: str, word: re.Match[str], lang: str) -> NumberMention | None:
    """An ordinal word from third to ninth on its own ("шостий раз", "в третьем раунде",
    "за шести път"). First and second are left out: they also mean "earliest" and "other"
    and are translated as such. A capitalised one inside a sentence is part of a name; the
    caller leaves out one right after a count ("дві треті": a fraction)."""
    if word.group()[0].isupper() and not _sentence_initial(text, word.start()):
        return None
    low = re.sub(r"[’ʼ]", "'", word.group().lower())
    if lang == "bg" and low in _BG_ORDINAL_HOMONYMS:
        return None
    nouns = [known and "NOUN" in grams for _, grams, known in _morph.parses(low, lang)]
    # pymorphy3 ranks ru parses, so the first decides ("третьем" stays, though "третье" is a
    # noun); uk parses are unranked, so a noun reading ("п'ятою": also the heel) wins unless
    # the next word agrees with the ordinal reading ("на п'яту спробу", "п'ята дитина")
    if any(nouns[:1]) if lang == "ru" else (any(nouns) and not _agrees_next(text, word, lang)):
        return None
    unit = _ordinal_unit(word.group(), lang)
    if unit is None or unit < 3:
        return None
    return NumberMention(
        text=word.group(),
        start=word.start(),
        end=word.end(),
        value=float(unit),
        unit=None,
        ordinal=True,
        approx=False,
        spelled=True,
    )


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})
_GENDERS = frozenset({"masc", "femn", "neut", "plur"})


def _forms(word: str, lang: str, pos: frozenset[str]) -> set[tuple[frozenset[str], ...]]:
    """(case, gender or plural) of the dictionary parses of ``word`` with a part of speech in
    ``pos``; an uninflected form gives an empty case."""
    return {
        (grams & _CASES, grams & _GENDERS)
        for _, grams, known in _morph.parses(re.sub(r"[’ʼ]", "'", word.lower()), lang)
        if known and grams & pos
    }


def _agrees_next(text: str, word: re.Match[str], lang: str) -> bool:
    """Whether the word right after ``word`` (a space apart) is a noun or adjective in the
    case and gender of ``word`` read as an adjective: the ordinal of a counted noun."""
    nxt = re.match(r"[ \u00a0]+([^\W\d_][\w'’ʼ]*)", text[word.end() :])
    if nxt is None:
        return False
    mine = _forms(word.group(), lang, frozenset({"ADJF"}))
    theirs = _forms(nxt.group(1), lang, frozenset({"NOUN", "ADJF"}))
    return any(case and (case, gender) in theirs for case, gender in mine)


def _sentence_initial(text: str, start: int) -> bool:
    """Nothing but opening quotes, dashes or brackets before ``start`` in the sentence, or
    a headline's colon ("Нападение в Мидсамър Нортън: Четирима арестувани")."""
    before = text[:start].strip(" \u00a0«\"„“'‘(—–-")
    return not before or before.endswith(":")


def _bare_magnitude(text: str, words: list[re.Match[str]], i: int) -> bool:
    """A magnitude word with no count before it that still means one of it."""
    word = normalize(words[i].group())
    if word in _BARE_MAGNITUDES:
        return True
    if word not in _SINGULAR_OR_PLURAL or i == 0:
        return False
    before = normalize(words[i - 1].group())
    between = text[words[i - 1].end() : words[i].start()].strip()
    return not between and (before in _GENITIVE_CUES or bool(_GENITIVE_SINGULAR_ADJ.search(before)))


# "двухметровый форвард", "двометровий", "двуметров", "десятикилометровый": a spelled count
# made an adjective with its unit of measure.
_COUNT_STEMS: dict[str, float] = {
    "двух": 2, "дву": 2, "дво": 2, "трех": 3, "трёх": 3, "трьох": 3, "три": 3,
    "четырех": 4, "чотири": 4, "четири": 4, "пяти": 5, "п'яти": 5, "пет": 5, "шести": 6,
    "шест": 6, "семи": 7, "седем": 7, "восьми": 8, "осем": 8, "девяти": 9, "дев'яти": 9,
    "девет": 9, "десяти": 10, "десет": 10, "полутора": 1.5, "півтора": 1.5,
}  # fmt: skip
_STEM_UNITS: dict[str, str] = {
    "метров": "m", "километров": "km", "кілометров": "km", "сантиметров": "cm",
    "футов": "ft", "килограммов": "kg", "кілограмов": "kg", "килограмов": "kg",
    "тонн": "t", "тонов": "t", "мильн": "mi", "мильов": "mi",
}  # fmt: skip
_STEM_MEASURE = re.compile(
    rf"(?<![\w'’ʼ])(?P<count>{'|'.join(sorted(_COUNT_STEMS, key=len, reverse=True))})"
    rf"(?:[-‐])?(?P<unit>{'|'.join(_STEM_UNITS)})[^\W\d_]*",
    re.IGNORECASE,
)


def _stem_measures(text: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    """Adjectives made of a spelled count and a unit: "двухметровый" is 2 m."""
    out = []
    for m in _STEM_MEASURE.finditer(re.sub(r"[’ʼ]", "'", text)):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        out.append(
            NumberMention(
                text=text[m.start() : m.end()],
                start=m.start(),
                end=m.end(),
                value=float(_COUNT_STEMS[m.group("count").lower()]),
                unit=None,
                ordinal=False,
                approx=_approx_before(text, m.start()),
                spelled=True,
                measure=_STEM_UNITS[m.group("unit").lower()],
            )
        )
    return out


def find_numbers(
    text: str, lang: str, blocked: list[tuple[int, int]] | None = None
) -> tuple[NumberMention, ...]:
    """Quantities in one sentence; spans in ``blocked`` (dates, times, names) are skipped."""
    blocked = list(blocked or [])
    blocked += clock_spans(text)
    fractions = _fraction_mentions(text, blocked)
    blocked += [(n.start, n.end) for n in fractions]
    digits = fractions + _digit_mentions(text, lang, blocked)
    taken = blocked + [(n.start, n.end) for n in digits]
    words = _word_mentions(text, lang, taken)
    stems = _stem_measures(text, taken)
    return _with_measures(text, sorted(digits + words + stems, key=lambda n: n.start))


def _with_measures(text: str, mentions: list[NumberMention]) -> tuple[NumberMention, ...]:
    """Each mention with the unit of measure after it, the unit in its span ("385 мили"); the
    first end of a range ("2 to 3 inches", "5–8 см") takes the unit of the second."""
    out = []
    for n in mentions:
        found = measure_after(text, n.end) if n.unit is None else None
        if found is None:
            out.append(n)
        else:
            unit, end = found
            out.append(replace(n, measure=unit, end=end, text=text[n.start : end]))
    for k in range(len(out) - 2, -1, -1):
        first, second = out[k], out[k + 1]
        if first.in_range and second.in_range and first.measure is None:
            out[k] = replace(first, measure=second.measure)
    return tuple(_compound_measures(text, out))


_PART_GAP = re.compile(r"[ \u00a0]*(?:(?:и|і|й|та|and)[ \u00a0]+)?")


def _compound_measures(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """A measure given in two units, "1 м 82 см", "6 футів і 6 дюймів", "6′6″", as one
    mention in the larger unit, so that it is compared with "1,82 м" or "198 см" whole."""
    out: list[NumberMention] = []
    for n in mentions:
        prev = out[-1] if out else None
        whole = None
        if prev and prev.measure and n.measure and not (prev.in_range or n.in_range):
            gap = _PART_GAP.fullmatch(text, prev.end, n.start)
            whole = gap and add_part(prev.value, prev.measure, n.value, n.measure)
        if whole is None:
            out.append(n)
            continue
        out[-1] = replace(
            prev,
            value=whole,
            end=n.end,
            text=text[prev.start : n.end],
            spelled=prev.spelled and n.spelled,
        )
    return out

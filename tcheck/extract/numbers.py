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
* A century is an ordinal of its own kind (``measure`` :data:`CENTURY`): "XX век", "ХХ
  століття" (Cyrillic Х), "19-го века", "през 19 век", "20th century" are 20 or 19 and never
  the plain number; "два века", "5 веков" count centuries and stay plain numbers.
* A multiplier ("вдвое", "в два раза", "удвічі", "два пъти", "двукратно", "twice",
  "удвоить", "doubled") is its value with ``measure`` :data:`TIMES`, so "вдвое" is 2 like "у
  два рази" and, unlike a lone spelled "two", a firm number. "вдвоём" (together) and bg
  "двойно гражданство" (dual citizenship) are no multipliers.
* Spelled ranges share the magnitude of their second end as digits do: "от двадцати до
  двадцати пяти тысяч" is 20000–25000 like "20–25 тыс.".
* be, mk and sr have no dictionary: their number words, magnitude forms ("мільёнаў",
  "илјади", "хиљаде"), spelled ordinals and multipliers ("падвоіць", "двапати",
  "удвостручити", "два пута") are tables of their own, read only for that language (mk
  "милиони" is also bg), so ru/uk/bg/en read as before. sr and mk write a century's ordinal
  with a full stop or a long ending ("у 19. веку", "19-тиот век").
* An ordinal of be, mk or sr that is also another word is the ordinal only before a word
  whose ending agrees with it: sr "пету годину" is the fifth year, "ударио је петом" a kick
  with the heel; be "пятой" (the heel) never is, the ordinal being "пятай". mk "двојно", sr
  "двоструко" (also "dual", as bg "двойно") multiply only before a comparative or a
  preposition ("двојно поголем").
* A be, mk or sr word typed in part with Latin look-alikes (sr "пeтoм" with a Latin e and
  o) is read as the Cyrillic it shows; the script check reports the mixed word itself.
* One separator before exactly three digits is ambiguous: "1,250" is 1.25 in ru/uk/bg and
  1250 in English-influenced text (mk "820,000"), "1.250" the other way round. The language's
  convention gives ``value`` (the comma a decimal except in en, the dot a thousands separator
  in the languages that group with it) and the other reading is kept in ``alternatives``
  for the checks to match against the other versions. Three zeros after it ("820,000",
  "7.000") group thousands in every language, as nobody writes a decimal that way; two or
  more separators ("12,345,678") always do.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from tcheck.extract import _morph
from tcheck.extract.keys import normalize
from tcheck.extract.measures import add_part, measure_after
from tcheck.extract.model import NumberMention
from tcheck.extract.script import fold_lookalikes

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
_BETWEEN = re.compile(
    r"(?<!\w)(?:между|між|поміж|between|паміж|меѓу|између)\s+$", re.IGNORECASE
)  # be "паміж", mk "меѓу", sr "између"
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

CENTURY = "century"
"""``measure`` of an ordinal century ("XX век", "19th century"): compared only with centuries."""
TIMES = "times"
"""``measure`` of a multiplier ("вдвое", "в два раза", "twice", "два пъти", "удвоить")."""

# The be ("мільён", "трыльён"), mk ("илјади", "милијарди") and sr ("хиљаде", "милијарде")
# forms come after the ru/uk/bg/en ones; none of them is spelled in those languages.
MAGNITUDES: tuple[tuple[str, float], ...] = (
    (r"тыс\.?|тысяч\w*|тис\.?|тисяч\w*|хил\.?|хиляд\w*|thousand\w*|тыщ\w*"
     r"|илјад\w*|илј\.|хиљад\w*|хиљ\.", 1e3),
    (r"млн\.?|миллион\w*|мільйон\w*|милион\w*|million\w*|mln|мн\.|мил\."
     r"|міль[её]н\w*", 1e6),
    (r"млрд\.?|миллиард\w*|мільярд\w*|милиард\w*|billion\w*|bn|милијард\w*", 1e9),
    (r"трлн\.?|триллион\w*|трильйон\w*|трилион\w*|trillion\w*|трыль[её]н\w*", 1e12),
)  # fmt: skip
# "25-тысячную толпу", "25-хилядна тълпа": a count made an adjective keeps its magnitude
_MAG_RE = re.compile(
    rf"(?:{_SP}|-)?(?:{'|'.join(f'(?P<m{i}>{p})' for i, (p, _) in enumerate(MAGNITUDES))})(?!\w)",
    re.IGNORECASE,
)

CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    (r"долл\.?|доллар\w*|долар\w*|dollar\w*|usd|\$", "USD"),
    (r"евро|євро|euro\w*|eur|€|еўра|евра", "EUR"),
    (r"грн\.?|гривн\w*|гривен\w*|грив\w*|hryvn\w*|uah|₴", "UAH"),
    (r"руб\.?|рубл\w*|rub\w*|₽", "RUB"),
    (r"лв\.?|лева|лев|левове|bgn", "BGN"),
    (r"иен\w*|ієн\w*|єн\w*|йен\w*|yen|jpy|¥", "JPY"),
    (r"фунт\w*|паунд\w*|pound\w*|gbp|£", "GBP"),
    (r"юан\w*|yuan|cny", "CNY"),
    (r"швейцарск\w* франк\w*|франк\w*|chf", "CHF"),
    (r"процентн\w* пункт\w*|відсотков\w* пункт\w*|percentage points?|п\.\s?п\.|"
     r"працэнтн\w* пункт\w*|адсоткав\w* пункт\w*|процентн\w* поен\w*", "pp"),
    (r"%|процент\w*|відсот\w*|процента|на сто|percent|per cent|"
     r"працэнт\w*|адсот\w*|проценат|процената|одсто|посто", "%"),
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
}  # fmt: skip
# bg counts people with -има from eleven up: "двадесетима", "седемнадесетимата"
_BG_VALUES |= {
    word + ending: value
    for word, value in list(_BG_VALUES.items())
    if word.endswith(("десет", "йсет"))
    for ending in ("има", "имата")
}
_EN_VALUES: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1e6, "billion": 1e9,
}  # fmt: skip
# be numerals decline: the oblique cases are in the table as they are as frequent as the
# nominative ("з трох", "каля пяці", "больш за дваццаць"). The instrumental "сямю" is left out:
# it is also "сям'ю" (the family) where the apostrophe is lost.
_BE_VALUES: dict[str, float] = {
    "адзін": 1, "адна": 1, "адно": 1, "аднаго": 1, "аднаму": 1, "адным": 1, "адной": 1,
    "адну": 1,
    "два": 2, "дзве": 2, "двух": 2, "двум": 2, "двума": 2, "дзвюх": 2, "дзвюм": 2,
    "дзвюма": 2, "тры": 3, "трох": 3, "тром": 3, "трыма": 3, "чатыры": 4, "чатырох": 4,
    "чатыром": 4, "чатырма": 4, "пяць": 5, "пяці": 5, "пяццю": 5, "шэсць": 6, "шасці": 6,
    "шасцю": 6, "сем": 7, "сямі": 7, "восем": 8, "васьмі": 8, "васьмю": 8, "дзевяць": 9,
    "дзевяці": 9, "дзевяццю": 9, "дзесяць": 10, "дзесяці": 10, "дзесяццю": 10,
    "адзінаццаць": 11, "дванаццаць": 12, "трынаццаць": 13, "чатырнаццаць": 14,
    "пятнаццаць": 15, "шаснаццаць": 16, "сямнаццаць": 17, "васямнаццаць": 18,
    "дзевятнаццаць": 19, "дваццаць": 20, "трыццаць": 30, "сорак": 40, "сарака": 40,
    "пяцьдзясят": 50, "пяцідзесяці": 50, "шэсцьдзясят": 60, "шасцідзесяці": 60,
    "семдзесят": 70, "сямідзесяці": 70, "восемдзесят": 80, "васьмідзесяці": 80,
    "дзевяноста": 90, "сто": 100, "ста": 100, "дзвесце": 200, "двухсот": 200,
    "трыста": 300, "трохсот": 300, "чатырыста": 400, "чатырохсот": 400, "пяцьсот": 500,
    "пяцісот": 500, "шэсцьсот": 600, "шасцісот": 600, "семсот": 700, "сямісот": 700,
    "восемсот": 800, "васьмісот": 800, "дзевяцьсот": 900, "дзевяцісот": 900,
    # counts of people and "both"
    "двое": 2, "дваіх": 2, "трое": 3, "траіх": 3, "чацвёра": 4, "пяцёра": 5, "шасцёра": 6,
    "сямёра": 7, "васьмёра": 8, "дзевяцёра": 9, "дзесяцёра": 10, "абодва": 2,
    "абедзве": 2, "паўтара": 1.5, "паўтары": 1.5,
}  # fmt: skip
# the genitive of the teens and tens: "адзінаццаці", "дваццаці", "трыццаці"
_BE_VALUES |= {
    word[:-1] + "і": value for word, value in list(_BE_VALUES.items()) if word.endswith("ццаць")
}
# mk joins tens and units with "и" ("четириесет и четири"); people are counted with
# "двајца", "тројца", "петмина"; the article gives "двете", "петте", "двајцата".
_MK_VALUES: dict[str, float] = {
    "еден": 1, "една": 1, "едно": 1, "два": 2, "две": 2, "двата": 2, "двете": 2,
    "двајца": 2, "двајцата": 2, "три": 3, "трите": 3, "тројца": 3, "тројцата": 3,
    "четири": 4, "четирите": 4, "четворица": 4, "четворицата": 4, "пет": 5, "петте": 5,
    "петмина": 5, "петмината": 5, "шест": 6, "шесте": 6, "шестмина": 6, "седум": 7,
    "седумте": 7, "седуммина": 7, "осум": 8, "осумте": 8, "осуммина": 8, "девет": 9,
    "деветте": 9, "деветмина": 9, "десет": 10, "десетте": 10, "десетмина": 10,
    "единаесет": 11, "дванаесет": 12, "тринаесет": 13, "четиринаесет": 14,
    "петнаесет": 15, "шеснаесет": 16, "седумнаесет": 17, "осумнаесет": 18,
    "деветнаесет": 19, "дваесет": 20, "триесет": 30, "четириесет": 40, "педесет": 50,
    "шеесет": 60, "седумдесет": 70, "осумдесет": 80, "деведесет": 90, "сто": 100,
    "двесте": 200, "триста": 300, "четиристотини": 400, "петстотини": 500,
    "шестотини": 600, "седумстотини": 700, "осумстотини": 800, "деветстотини": 900,
}  # fmt: skip
# sr joins tens and units with no word ("четрдесет четири") or with "и"; people are counted
# with "двојица", "тројица" (men) and "двоје", "троје" (mixed).
_SR_VALUES: dict[str, float] = {
    "један": 1, "једна": 1, "једно": 1, "два": 2, "две": 2, "три": 3, "четири": 4,
    "пет": 5, "шест": 6, "седам": 7, "осам": 8, "девет": 9, "десет": 10,
    "једанаест": 11, "дванаест": 12, "тринаест": 13, "четрнаест": 14, "петнаест": 15,
    "шеснаест": 16, "седамнаест": 17, "осамнаест": 18, "деветнаест": 19,
    "двадесет": 20, "тридесет": 30, "четрдесет": 40, "педесет": 50, "шездесет": 60,
    "седамдесет": 70, "осамдесет": 80, "деведесет": 90, "сто": 100, "двеста": 200,
    "триста": 300, "четиристо": 400, "петсто": 500, "шестсто": 600, "седамсто": 700,
    "осамсто": 800, "деветсто": 900,
    "двоје": 2, "троје": 3, "четворо": 4, "петоро": 5, "шесторо": 6, "седморо": 7,
    "осморо": 8, "деветоро": 9, "десеторо": 10, "оба": 2, "обе": 2,
}  # fmt: skip
# "двојица", "од двојице", "двојицу", "обојица"
_SR_VALUES |= {
    stem + ending: value
    for stem, value in (("двојиц", 2), ("обојиц", 2), ("тројиц", 3), ("четвориц", 4),
                        ("петориц", 5), ("шесториц", 6), ("седмориц", 7), ("осмориц", 8),
                        ("деветориц", 9), ("десеториц", 10))
    for ending in ("а", "е", "у")
}  # fmt: skip
_BE_VALUES = {normalize(word): value for word, value in _BE_VALUES.items()}  # ё -> е
_WORD_VALUES: dict[str, dict[str, float]] = {
    "en": _EN_VALUES, "be": _BE_VALUES, "mk": _MK_VALUES, "sr": _SR_VALUES,
}  # fmt: skip
"""The number words of a language with no dictionary; any other language reads bg's."""
_MAG_LEMMAS = {
    "тысяча": 1e3, "тисяча": 1e3, "миллион": 1e6, "мільйон": 1e6, "миллиард": 1e9,
    "мільярд": 1e9, "триллион": 1e12, "трильйон": 1e12,
    "хиляда": 1e3, "хиляди": 1e3, "милион": 1e6, "милиона": 1e6, "милиард": 1e9,
    "милиарда": 1e9, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    # a decade counts years as a thousand counts units: "два десятилетия" is 20 (years)
    "десятилетие": 10, "десятиліття": 10, "десетилетие": 10, "десетилетия": 10,
    "десетилетието": 10, "decade": 10, "decades": 10,
}  # fmt: skip
# The magnitude nouns of be, mk and sr by form (no dictionary gives their lemmas); mk
# "милиони" and sr "милиона" are also bg forms, so each language reads only its own table.
_BE_MAGS: dict[str, float] = {
    "тысяча": 1e3, "тысячы": 1e3, "тысяч": 1e3, "тысячу": 1e3, "тысячай": 1e3,
    "тысячам": 1e3, "тысячамі": 1e3, "тысячах": 1e3,
    "мільён": 1e6, "мільёна": 1e6, "мільёны": 1e6, "мільёнаў": 1e6, "мільёнам": 1e6,
    "мільёнамі": 1e6, "мільёнах": 1e6, "мільёне": 1e6,
    "мільярд": 1e9, "мільярда": 1e9, "мільярды": 1e9, "мільярдаў": 1e9, "мільярдам": 1e9,
    "мільярдамі": 1e9, "мільярдах": 1e9, "мільярдзе": 1e9,
    "трыльён": 1e12, "трыльёна": 1e12, "трыльёны": 1e12, "трыльёнаў": 1e12,
    "дзесяцігоддзе": 10, "дзесяцігоддзя": 10, "дзесяцігоддзі": 10, "дзесяцігоддзяў": 10,
}  # fmt: skip
_MK_MAGS: dict[str, float] = {
    "илјада": 1e3, "илјади": 1e3, "милион": 1e6, "милиони": 1e6, "милијарда": 1e9,
    "милијарди": 1e9, "трилион": 1e12, "трилиони": 1e12,
    "деценија": 10, "децении": 10, "деценијата": 10,
}  # fmt: skip
_SR_MAGS: dict[str, float] = {
    "хиљада": 1e3, "хиљаде": 1e3, "хиљаду": 1e3, "хиљади": 1e3, "хиљадом": 1e3,
    "хиљадама": 1e3, "милион": 1e6, "милиона": 1e6, "милиони": 1e6, "милионе": 1e6,
    "милиону": 1e6, "милионом": 1e6, "милионима": 1e6, "милијарда": 1e9, "милијарде": 1e9,
    "милијарду": 1e9, "милијарди": 1e9, "милијардом": 1e9, "милијардама": 1e9,
    "трилион": 1e12, "трилиона": 1e12, "трилиони": 1e12, "трилионе": 1e12,
    "деценија": 10, "деценије": 10, "деценију": 10, "деценији": 10, "деценијом": 10,
    "деценијама": 10,
}  # fmt: skip
_LANG_MAGS: dict[str, dict[str, float]] = {
    "be": {normalize(word): value for word, value in _BE_MAGS.items()},
    "mk": _MK_MAGS,
    "sr": _SR_MAGS,
}
"""The magnitude forms a language reads; any other language reads :data:`_MAG_LEMMAS`."""
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
# be, mk, sr: only the forms that are singular alone. sr "хиљада", "милијарда", "деценија"
# are also the genitive plural ("неколико хиљада"), and be "тысячы" also the plural.
_LANG_BARE_MAGNITUDES: dict[str, frozenset[str]] = {
    "be": frozenset(
        normalize(word)
        for word in ("тысяча", "тысячу", "тысячай", "мільён", "мільёна", "мільярд", "мільярда",
                     "трыльён", "трыльёна", "дзесяцігоддзе", "дзесяцігоддзя")
    ),
    "mk": frozenset({"илјада", "милион", "милијарда", "трилион", "деценија", "деценијата"}),
    "sr": frozenset({"хиљаду", "милион", "милијарду", "трилион", "деценију"}),
}  # fmt: skip
# Forms that are plural ("thousands", "decades") or a singular genitive ("of a thousand"): a
# number only after these words ("свыше тысячи людей", "близько тисячі", "более десятилетия")
# or after an adjective in the genitive singular ("прошлого десятилетия").
_SINGULAR_OR_PLURAL = frozenset({"тысячи", "тисячі", "десятилетия", "десятиліття"})
_GENITIVE_CUES = frozenset(
    {"свыше", "более", "больше", "менее", "меньше", "около", "порядка", "до", "от", "из",
     "близько", "більше", "менше", "понад", "від", "з", "із", "течение", "протяжении",
     "протягом", "впродовж", "упродовж", "продолжение"}
)  # fmt: skip
# be "каля тысячы" (about a thousand), "звыш тысячы"
_BE_SINGULAR_OR_PLURAL = frozenset({"тысячы"})
_BE_GENITIVE_CUES = frozenset({"каля", "звыш", "больш", "менш", "да", "ад", "з", "са", "працягу"})
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
_BE_HALF_PREFIX = re.compile(r"^паў-?(?=[^\W\d_]{4})")  # "паўмільёна", "паўтысячы"


@functools.lru_cache(maxsize=65536)
def _number_word(word: str, lang: str) -> _Word | None:
    low = normalize(word).replace("ʼ", "'")
    low_apos = re.sub(r"[’ʼ]", "'", word.lower())
    if lang == "be" and "'" in low_apos:
        return None  # "сям'ю", "сям'і" (the family): no be numeral has an apostrophe
    half = (_BE_HALF_PREFIX if lang == "be" else _HALF_PREFIX).match(low_apos)
    if half and lang in ("ru", "uk", "be"):
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
    table = _WORD_VALUES.get(lang, _BG_VALUES)
    mags = _LANG_MAGS.get(lang, _MAG_LEMMAS)
    if low in mags:
        return _Word(mags[low], True)
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
    if lang in _SPELLED_ORDINALS:
        value = _ordinal_word(low, lang)
        return value if value is not None and value < 10 else None
    if lang == "bg":
        m = _BG_ORDINAL_UNITS.fullmatch(low[: -len(_bg_ordinal_ending(low))] or low)
        return int(next(k for k, v in m.groupdict().items() if v)[1:]) if m else None
    for lemma, grams, known in _morph.parses(low, lang):
        if known and grams & {"Anum", "ADJF"} and lemma.replace("ё", "е") in _ORDINAL_UNITS:
            return _ORDINAL_UNITS[lemma.replace("ё", "е")]
    return None


_BG_ORDINAL_HOMONYMS = frozenset({"пета"})  # "с пета": with the heel
"""Bulgarian words spelled like a bare ordinal that are more often something else."""
# Ending of the next word that agrees with a be/mk/sr ordinal in the masculine singular
# nominative: a consonant ("пети пут", "восьмы год", "дзень") or an adjective's -и/-ы/-і.
_BE_MASC_NEXT = r"[^\W\d_]*[^\W\d_аеёоуэюя]"
_MK_SR_MASC_NEXT = r"[^\W\d_]*[^\W\d_аеоу]"
# "у петом колу", "петом брзином", "у четвртом минуту": the locative or instrumental
_SR_OBLIQUE_NEXT = r"[^\W\d_]{2,}(?:у|ом|ем|и|ој)"
_ORDINAL_HOMONYMS: dict[str, dict[str, str | None]] = {
    # "да пяты" (to the heel); "пад жалезнай пятой" (under the iron heel) is never the
    # ordinal, whose feminine is "пятай"
    "be": {"пяты": _BE_MASC_NEXT, "пятой": None},
    # "четврти" is also the plural of "четврт" (a quarter)
    "mk": {"четврти": _MK_SR_MASC_NEXT},
    # "пета" (the heel), "пети се" (to climb), "четврти" and "четвртом" (a quarter, a district)
    "sr": {
        "пета": r"[^\W\d_]+а", "пете": r"[^\W\d_]+е", "пету": r"[^\W\d_]+у",
        "пети": _MK_SR_MASC_NEXT, "петом": _SR_OBLIQUE_NEXT, "четврти": _MK_SR_MASC_NEXT,
        "четвртом": _SR_OBLIQUE_NEXT,
    },
}  # fmt: skip
"""be, mk and sr forms of an ordinal that are as often another word, with the next word that
makes them the ordinal: one whose ending agrees ("пету годину", "пети есеј"), never none
("ударио је петом": with the heel); None where no word does."""


def _homonym_ordinal(text: str, word: re.Match[str], lang: str) -> bool:
    """Whether ``word`` is one of the :data:`_ORDINAL_HOMONYMS` of ``lang`` that the next
    word does not make an ordinal."""
    homonyms = _ORDINAL_HOMONYMS.get(lang, {})
    key = normalize(word.group())
    if key not in homonyms:
        return False
    agreeing = homonyms[key]
    if agreeing is None:
        return True
    nxt = re.match(r"[ \u00a0]+([^\W\d_]+)(?![\w'’ʼ-])", text[word.end() :])
    return nxt is None or not nxt.group(1).islower() or not re.fullmatch(agreeing, nxt.group(1))


def _bg_ordinal_ending(word: str) -> str:
    m = re.search(r"(?:ият|ия|ата|ото|ите|и|а|о)$", word)
    return m.group() if m else ""


_DOT_GROUPS_THOUSANDS = frozenset({"sr", "mk", "de", "tr", "id", "ru", "uk", "bg", "be"})
"""Languages whose single dot before three digits groups thousands: ru/uk/bg write decimals
with a comma, so "10.000 души" is ten thousand."""
_GROUPED = re.compile(r"[1-9]\d{0,2}(?P<sep>[.,])\d{3}")
"""Digits with one separator before three digits, which may group thousands ("1,250")."""


def _groups_thousands(sep: str, lang: str) -> bool:
    """Whether ``lang`` writes ``sep`` before three digits as a thousands separator."""
    return lang == "en" if sep == "," else lang in _DOT_GROUPS_THOUSANDS


def _readings(raw: str, lang: str) -> tuple[float, ...]:
    """The values the digits ``raw`` may stand for, the language's reading first: "1,250" is
    (1.25, 1250) in ru and (1250, 1.25) in en; "820,000" is 820000 alone."""
    s = re.sub(_SP, "", raw)
    m = _GROUPED.fullmatch(s)
    if m is None:
        return (_parse_digits(s, lang),)
    grouped = float(s.replace(m.group("sep"), ""))
    if s.endswith("000"):
        return (grouped,)
    decimal = float(s.replace(m.group("sep"), "."))
    return (grouped, decimal) if _groups_thousands(m.group("sep"), lang) else (decimal, grouped)


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
            if _groups_thousands(sep, lang) and len(tail) == 3:
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
        frac = _FRACTIONS.get(m.group("frac") or "", 0)
        readings = tuple(r + frac for r in _readings(m.group("num"), lang))
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
            readings, start = tuple(-r for r in readings), start - len(sign.group())
        if out and _joins_compound(text, out[-1], mags[-1], start, magnitude):
            # "3 миллиарда 200 миллионов", "1 млн. и 200 хил.": one amount
            prev = out.pop()
            mags.pop()
            readings, start = _compound_readings(prev, readings, magnitude), prev.start
        out.append(
            NumberMention(
                text=text[start:end].rstrip(),
                start=start,
                end=start + len(text[start:end].rstrip()),
                value=readings[0] * magnitude,
                alternatives=tuple(r * magnitude for r in readings[1:]),
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
                first = _scaled(first, magnitude)
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


def _compound_readings(
    prev: NumberMention, readings: tuple[float, ...], magnitude: float
) -> tuple[float, ...]:
    """The readings, in units of ``magnitude``, of ``prev`` followed by its remainder read as
    ``readings`` ("1,250 млрд 300 млн"): the value first, then each alternative of a part."""
    rest = readings[0] * magnitude
    own = tuple(prev.value + r * magnitude for r in readings[1:])
    return tuple(
        r / magnitude for r in (prev.value + rest, *(a + rest for a in prev.alternatives), *own)
    )


def _scaled(n: NumberMention, factor: float) -> NumberMention:
    """``n`` with its value and every alternative multiplied by ``factor``."""
    return replace(
        n, value=n.value * factor, alternatives=tuple(a * factor for a in n.alternatives)
    )


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
    mags: list[float] = []  # the magnitude that closes each mention, 1 where none does
    words = list(_WORD_RE.finditer(text))
    i = 0
    while i < len(words):
        w = words[i]
        if any(a <= w.start() < b for a, b in blocked):
            i += 1
            continue
        nw = _number_word(w.group(), lang)
        if nw is not None and nw.magnitude and not _bare_magnitude(text, words, i, lang):
            nw = None  # "тысячи людей", "кілька мільярдів": no count, so no number
        if nw is not None and w.group()[0].isupper() and not _sentence_initial(text, w.start()):
            nw = None  # "в районе Четырех углов" (Four Corners): part of a name
        if nw is None:
            after_count = i > 0 and _number_word(words[i - 1].group(), lang) is not None
            ordinal_mention = None if after_count else _standalone_ordinal(text, w, lang)
            ordinal_mention = ordinal_mention or (None if after_count else _lone_fraction(w))
            if ordinal_mention is not None:
                out.append(ordinal_mention)
                mags.append(1.0)
            i += 1
            continue
        total, current, last_mag = 0.0, 0.0, 0.0
        j = i
        while j < len(words):
            gap = text[words[j - 1].end() : words[j].start()].strip() if j > i else ""
            if gap and not (gap == "-" and lang == "en"):  # "twenty-five"
                break
            cur = _number_word(words[j].group(), lang) if j > i else nw
            joined = _joins(text, words, j, lang, current, last_mag) if cur is None else 0
            if joined:
                # "двадесет и пет", "сто и двадцать", "милиард и половина", "пять с половиной",
                # "a million and a half"
                j += joined
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
            and _reads_otherwise(w.group(), lang)
            and not _counts_next(text, end, lang)
            and not _counts_before(text, start, lang)
        ):
            i = j
            continue  # "подготовить свою семью", "сім я" (сім'я): not a count
        value = total + current
        halved = _HALF_BEFORE.search(text, 0, start) if nw.magnitude else None
        if halved:  # "half a million", "a half-million", "пол-миллиона"
            value, start = value / 2, halved.start()
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
        mags.append(last_mag if total and not current and not ordinal else 1.0)
        i = j
    return _spelled_ranges(text, out, mags)


# "от двадцати до двадцати пяти тысяч", "двух-трех тысяч", "two or three million"
_SPELLED_RANGE = re.compile(
    r"[ \u00a0]*[-‐–—][ \u00a0]*|[ \u00a0]+(?:до|to|или|або|чи|or)[ \u00a0]+"
)
_SPELLED_BETWEEN_AND = re.compile(r"[ \u00a0]+(?:и|і|й|та|and)[ \u00a0]+")
# "half a million", "a half-million", "пол-миллиона": half of the magnitude after it
_HALF_BEFORE = re.compile(
    r"(?<![\w'’ʼ])(?:half(?:[ \u00a0]+an?)?[ \u00a0]+|half-|(?:пол|пів)-)\Z", re.IGNORECASE
)


def _spelled_ranges(
    text: str, mentions: list[NumberMention], mags: list[float]
) -> list[NumberMention]:
    """Two spelled counts joined as a range ("от двадцати до двадцати пяти тысяч", "двох-трьох
    мільйонів", "между две и три хиляди") are both ends of it, and the first takes the
    magnitude and unit of the second as in "20–25 тыс." (not where it is larger than the
    second's count: "от пятисот до тысячи")."""
    out = list(mentions)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if first.ordinal or second.ordinal or not _spelled_range_gap(text, first, second):
            continue
        value = first.value
        if mags[k] == 1.0 and mags[k + 1] > 1.0 and value < second.value / mags[k + 1]:
            value *= mags[k + 1]
        unit = first.unit or second.unit
        out[k] = replace(first, value=value, unit=unit, in_range=True)
        out[k + 1] = replace(second, in_range=True)
    return out


def _spelled_range_gap(text: str, first: NumberMention, second: NumberMention) -> bool:
    """Whether the text between two mentions makes them a range ("до", "-", "или"; "и" only
    after "между", "між", "between")."""
    if _SPELLED_RANGE.fullmatch(text, first.end, second.start):
        return True
    return bool(
        _SPELLED_BETWEEN_AND.fullmatch(text, first.end, second.start)
        and _BETWEEN.search(text, 0, first.start)
    )


_JOINERS = frozenset({"и", "і", "й", "and"})
_HALF_JOINERS = _JOINERS | {"с", "со", "з", "із", "зі"}  # "пять с половиной", "два з половиною"
_HALVES = frozenset(
    {"половина", "половин", "половиной", "половиною", "half", "палова", "паловай", "паловаю"}
)  # be "пяць з паловай"


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
) -> int:
    """How many words from ``words[j]`` on join one compound number, 0 where they do not: an
    "и" before a smaller place ("двадесет и пет": units after tens), or "и", "с", "and a"
    before a half of the count or magnitude before it ("милиард и половина", "one and a
    half", "a million and a half")."""
    joiner = words[j].group().lower()
    if joiner not in _HALF_JOINERS or j + 1 >= len(words):
        return 0
    half = j + 2 if joiner == "and" and words[j + 1].group().lower() == "a" else j + 1
    if half < len(words) and words[half].group().lower() in _HALVES:
        gap = text[words[j].end() : words[half].start()]
        whole = last_mag > 0 if current == 0 else current == int(current)
        return half - j if whole and re.fullmatch(r"\s+(?:a\s+)?", gap) else 0
    if text[words[j].end() : words[j + 1].start()].strip() or joiner not in _JOINERS:
        return 0
    following = _number_word(words[j + 1].group(), lang)
    if following is None or following.magnitude:
        return 0
    if current == 0:  # "три хиляди и петстотин"
        return int(following.value < last_mag)
    if lang in _AND_BEFORE_LAST_LANGS:
        place = _lowest_place(current)  # "триста шеесет и пет": 5 fills the units of 360
    else:
        place = 10 ** (len(str(int(current))) - 1)
    return int(current >= 20 and current % place == 0 and following.value < place)


_AND_BEFORE_LAST_LANGS = frozenset({"mk", "sr"})
"""mk and sr put "и" before the last member of any compound ("триста шеесет и пет")."""


def _lowest_place(value: float) -> int:
    """The lowest place that a whole ``value`` leaves empty: 10 for 360, 100 for 300."""
    place = 1
    while value and value == int(value) and int(value) % (place * 10) == 0:
        place *= 10
    return place


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
    if (lang == "bg" and low in _BG_ORDINAL_HOMONYMS) or _homonym_ordinal(text, word, lang):
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


def _bare_magnitude(text: str, words: list[re.Match[str]], i: int, lang: str) -> bool:
    """A magnitude word with no count before it that still means one of it."""
    word = normalize(words[i].group())
    bare = _LANG_BARE_MAGNITUDES.get(lang, _BARE_MAGNITUDES)
    if word in bare or _singular_magnitude(word, lang):
        return True
    be = lang == "be"
    if word not in (_BE_SINGULAR_OR_PLURAL if be else _SINGULAR_OR_PLURAL) or i == 0:
        return False
    before = normalize(words[i - 1].group())
    between = text[words[i - 1].end() : words[i].start()].strip()
    if be:
        return not between and before in _BE_GENITIVE_CUES
    return not between and (before in _GENITIVE_CUES or bool(_GENITIVE_SINGULAR_ADJ.search(before)))


def _singular_magnitude(word: str, lang: str) -> bool:
    """A ru/uk case form of a magnitude noun that is singular only: "тысячей", "миллионом",
    "мільйоні", "тисячею" (not "тысячами", nor "тысячи", which is also the plural, nor uk
    "мільйонові", also the plural adjective)."""
    forms = [
        (lemma.replace("ё", "е"), grams)
        for lemma, grams, known in _morph.parses(word, lang)
        if known
    ]
    return bool(forms) and all(
        lemma in _MAG_LEMMAS and "NOUN" in grams and "plur" not in grams for lemma, grams in forms
    )


# "двухметровый форвард", "двометровий", "двуметров", "десятикилометровый": a spelled count
# made an adjective with its unit of measure.
_COUNT_STEMS: dict[str, float] = {
    "двух": 2, "дву": 2, "дво": 2, "двох": 2, "трех": 3, "трёх": 3, "трьох": 3, "три": 3,
    "четырех": 4, "четырёх": 4, "чотири": 4, "чотирьох": 4, "четири": 4, "пяти": 5,
    "п'яти": 5, "пет": 5, "шести": 6, "шест": 6, "семи": 7, "седем": 7, "восьми": 8, "осем": 8, "девяти": 9, "дев'яти": 9,
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


# One-word multipliers. ru/uk "вдвоём", "удвох" (the two together) are not among them.
_MULTIPLIER_WORDS: dict[str, float] = {
    "вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вшестеро": 6, "всемеро": 7,
    "ввосьмеро": 8, "вдевятеро": 9, "вдесятеро": 10, "дважды": 2, "трижды": 3,
    "четырежды": 4, "пятижды": 5,
    "вдвічі": 2, "удвічі": 2, "вдвоє": 2, "удвоє": 2, "втричі": 3, "утричі": 3, "втроє": 3,
    "утроє": 3, "учетверо": 4, "вп'ятеро": 5, "уп'ятеро": 5, "удесятеро": 10, "двічі": 2,
    "тричі": 3,
    "twice": 2, "thrice": 3, "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5,
    "tenfold": 10, "hundredfold": 100,
}  # fmt: skip
# The counts of be ("пяціразовы", "трохразовы"), mk ("седумкратен") and sr ("трократни") that
# are not those of ru/uk/bg above
_LANG_COUNT_STEMS: dict[str, dict[str, float]] = {
    "be": {"трох": 3, "чатырох": 4, "пяці": 5, "шасці": 6, "сямі": 7, "васьмі": 8,
           "дзевяці": 9, "дзесяці": 10, "паўтара": 1.5},
    "mk": {"седум": 7, "осум": 8},
    "sr": {"тро": 3, "четворо": 4, "пето": 5, "шесто": 6, "седмо": 7, "осмо": 8,
           "девето": 9, "десето": 10},
}  # fmt: skip


def _count_stems(lang: str) -> dict[str, float]:
    """The spelled counts ``lang`` glues to a word ("трехкратный", "пяціразовы")."""
    return _COUNT_STEMS | _LANG_COUNT_STEMS.get(lang, {})


@functools.cache
def _multiplier_stem(lang: str) -> re.Pattern[str]:
    """ "трехкратный", "триразовий", "двукратно", "трикратният", "пяціразовы": a count made a
    multiplier."""
    return re.compile(
        rf"(?<![\w'’ʼ])(?P<count>{'|'.join(sorted(_count_stems(lang), key=len, reverse=True))})"
        r"(?:кратн|кратен|разов)[^\W\d_]*",
        re.IGNORECASE,
    )


# "удвоить", "удваивает", "подвоїлося", "удвояването", "потроїлося", "tripled": to multiply.
# The letter after the stem keeps out "утро" (morning), "утроба", "подвох"; "удвоить усилия"
# (redouble efforts), "doubled down" multiply nothing.
_MULTIPLYING_VERB = re.compile(
    r"(?<![\w'’ʼ])(?P<word>(?:(?P<v2>удво[иеяё]|удваива|подво[їєюя]|doubl(?:ed|ing))"
    r"|(?P<v3>утро[иеяё]|утраива|потро[їєюя]|tripl(?:ed|ing))"
    r"|(?P<v4>учетвер|учетвор|почетвер|quadrupl(?:ed|ing)))[\w'’ʼ]*)(?![\w'’ʼ])"
    r"(?![ \u00a0]+(?:down|(?:(?:свои|свої|своите|си|their|its)[ \u00a0]+)?"
    r"(?:усили|зусил|внимани|уваг|бдительн|пильн|effort)))",
    re.IGNORECASE,
)
# "to double", "could triple": the English verb in its bare form, not "double standards"
_EN_MULTIPLYING_INFINITIVE = re.compile(
    r"(?<!\w)(?:to|will|would|could|can|may|might|should|must)[ \u00a0]+"
    r"(?P<word>(?P<v2>double)|(?P<v3>triple)|(?P<v4>quadruple))(?![\w-])(?![ \u00a0]+down)",
    re.IGNORECASE,
)
# bg "двойно"/"тройно" is also the neuter adjective ("двойно гражданство", "двойно подаване"):
# a multiplier only before a comparative, a preposition or the end of the clause.
_BG_MULTIPLIER = re.compile(
    r"(?<!\w)(?P<word>(?P<v2>двойно)|(?P<v3>тройно)|(?P<v4>четворно))"
    r"(?=[ \u00a0]*(?:[.,;:!?)»“\"—–]|$)|[ \u00a0]+(?:по-|(?:повече|по|спрямо|от|до|за|в|във|през"
    r"|при|след|само|на)(?!\w)))",
    re.IGNORECASE,
)
# be, mk and sr one-word multipliers: "удвая", "двойчы", mk "двапати", sr "двапут" (be
# written ё -> е, as :func:`normalize` gives it; "удваіх", together, is none)
_LANG_MULTIPLIER_WORDS: dict[str, dict[str, float]] = {
    "be": {"удвая": 2, "ўдвая": 2, "утрая": 3, "ўтрая": 3, "учацвера": 4, "ўчацвера": 4,
           "упяцера": 5, "ўпяцера": 5, "удзесяцера": 10, "ўдзесяцера": 10, "двойчы": 2,
           "тройчы": 3},
    "mk": {"двапати": 2, "трипати": 3},
    "sr": {"двапут": 2, "трипут": 3},
}  # fmt: skip
# "падвоіць", "падвойвае", "падваенне"; mk "удвојат", "дуплира"; sr "удвостручити",
# "утростручила", "дуплирати". As in ru, "падвоіць намаганні" (redouble efforts) and its mk
# and sr kin multiply nothing; be "падвойны" (double) is an adjective.
_LANG_MULTIPLYING_VERBS: dict[str, re.Pattern[str]] = {
    lang: re.compile(
        rf"(?<![\w'’ʼ])(?P<word>(?:{verbs})[\w'’ʼ]*)(?![\w'’ʼ])"
        rf"(?![ \u00a0]+(?:(?:{own})[ \u00a0]+)?(?:{efforts}))",
        re.IGNORECASE,
    )
    for lang, verbs, own, efforts in (
        ("be", r"(?P<v2>падво(?:і|йв|йл|ен)|падва(?:ен|йва))"
               r"|(?P<v3>патро(?:і|йв|йл|ен)|патра(?:ен|йва))",
         r"свае|сваю|свой|сваё|іх|яго|яе", r"намаганн|высілк|увагу|пільнасц"),
        ("mk", r"(?P<v2>удвој|дуплир)|(?P<v3>утрој)",
         r"свои|своите|ги|го|си", r"напор|внимани|будност"),
        ("sr", r"(?P<v2>удвостру[чк]|удвој|дуплир)|(?P<v3>утростру[чк]|утрој)"
               r"|(?P<v4>учетворостру[чк])",
         r"своје|свој|њихове|његове", r"напор|пажњ|будност"),
    )
}  # fmt: skip
# mk "двојно", sr "двоструко", "дупло" are also the neuter adjective ("двојно државјанство",
# "двоструко држављанство": dual citizenship): a multiplier only before a comparative, a
# preposition or the end of the clause, or after "од"/"за" ("повеќе од двојно").
_LANG_MULTIPLIER_ADVERBS: dict[str, dict[str, float]] = {
    "mk": {"двојно": 2, "тројно": 3, "четворно": 4, "дупло": 2},
    "sr": {"двоструко": 2, "троструко": 3, "четвороструко": 4, "дупло": 2},
}
_COMPARATIVES = {
    "mk": r"по(?:голем|веќе|мал|теж|тешк|лесн|брз|скап|евтин|долг|висок|ниск|низок|силн"
    r"|широк|добр)\w*|се|зголем\w*|од|во|на|за|до|при|само|отколку",
    "sr": r"(?:већ|мањ|скупљ|јефтиниј|дуж|виш|теж|брж|бољ|јач)(?:и|а|е|у|ег|ем|ој|их|им)"
    r"|више|мање|се|повећ\w*|увећ\w*|порас\w*|од|у|за|до|на|по|према|него|само",
}
_ADVERB_AFTER: dict[str, re.Pattern[str]] = {
    lang: re.compile(rf"[ \u00a0]*(?:[.,;:!?)»“\"—–]|$)|[ \u00a0]+(?:{words})(?!\w)", re.IGNORECASE)
    for lang, words in _COMPARATIVES.items()
}
_ADVERB_BEFORE = re.compile(r"(?<!\w)(?:од|за)[ \u00a0]+\Z", re.IGNORECASE)
# sr "троструки шампион" (three-time champion) is "трехкратный", but "двоструки агент",
# "двоструки боги" (a double agent, a double bogey) multiply nothing: before a title only
_SR_TITLE_MULTIPLIER = re.compile(
    r"(?<![\w'’ʼ])(?P<word>(?P<count>дво|тро|четворо|пето|шесто|седмо|осмо|девето|десето)"
    r"струк(?:и|ог|ом|ому|а|е|у|ој|их|им|има)?)(?=[ \u00a0]+(?:(?:светск|олимпијск|европск)"
    r"\w*[ \u00a0]+)?(?:шампион|првак|освајач|победни|носила|добитни|олимпијск))",
    re.IGNORECASE,
)
# "в два раза", "у 2 рази", "три пъти", "1.5 times", "five-times": a count of times; be "у
# два разы", "пяць разоў", mk "два пати", sr "два пута"
_TIMES_WORDS = r"раза|раз|рази|разів|пъти|times"
_LANG_TIMES_WORDS = {"be": r"разы|разоў", "mk": r"пати", "sr": r"пута"}


@functools.cache
def _times_after(lang: str) -> re.Pattern[str]:
    """The word for "times" after a count in ``lang`` ("два раза", mk "два пати")."""
    extra = _LANG_TIMES_WORDS.get(lang)
    words = f"{_TIMES_WORDS}|{extra}" if extra else _TIMES_WORDS
    return re.compile(rf"(?:[ \u00a0]|(?<=[a-z])-)(?:{words})(?!\w)")


def _multipliers(text: str, lang: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    """Multipliers written as one word: "вдвое", "втричі", "двукратно", "удвоить", "twice"."""
    norm = re.sub(r"[’ʼ]", "'", text)  # the same length: offsets carry over
    found: list[tuple[int, int, float]] = [
        (m.start(), m.end(), _MULTIPLIER_WORDS[m.group().lower()])
        for m in _WORD_RE.finditer(norm)
        if m.group().lower() in _MULTIPLIER_WORDS
    ]
    own = _LANG_MULTIPLIER_WORDS.get(lang, {})
    found += [
        (m.start(), m.end(), own[key])
        for m in _WORD_RE.finditer(norm)
        if (key := normalize(m.group())) in own
    ]
    stems = _count_stems(lang)
    found += [
        (m.start(), m.end(), stems[m.group("count").lower()])
        for m in _multiplier_stem(lang).finditer(norm)
    ]
    patterns = [_MULTIPLYING_VERB, _EN_MULTIPLYING_INFINITIVE]
    patterns += [_BG_MULTIPLIER] if lang == "bg" else []
    patterns += [_LANG_MULTIPLYING_VERBS[lang]] if lang in _LANG_MULTIPLYING_VERBS else []
    for pattern in patterns:
        for m in pattern.finditer(norm):
            value = next(int(k[1:]) for k in ("v2", "v3", "v4") if m.groupdict().get(k))
            found.append((m.start("word"), m.end("word"), value))
    found += _adverb_multipliers(norm, lang)
    return [
        NumberMention(
            text=text[start:end],
            start=start,
            end=end,
            value=float(value),
            unit=None,
            ordinal=False,
            approx=_approx_before(text, start),
            spelled=True,
            measure=TIMES,
        )
        for start, end, value in sorted(found)
        if not any(a <= start < b for a, b in blocked)
    ]


def _adverb_multipliers(text: str, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of the mk and sr multipliers that are also adjectives ("двојно
    поголем", "дупло више", "од двојно"), and of sr "троструки шампион"."""
    adverbs = _LANG_MULTIPLIER_ADVERBS.get(lang, {})
    found = [
        (m.start(), m.end(), adverbs[m.group().lower()])
        for m in _WORD_RE.finditer(text)
        if m.group().lower() in adverbs
        and (_ADVERB_AFTER[lang].match(text, m.end()) or _ADVERB_BEFORE.search(text, 0, m.start()))
    ]
    if lang == "sr":
        stems = _count_stems(lang)
        found += [
            (m.start("word"), m.end("word"), stems[m.group("count").lower()])
            for m in _SR_TITLE_MULTIPLIER.finditer(text)
        ]
    return found


# Centuries. Roman numerals are typed with Cyrillic І and Х as often as with Latin letters.
_ROMAN_LOOKALIKES = str.maketrans("ІХ", "IX")
_ROMAN_CENTURY = re.compile(r"(?P<x>X{0,3})(?P<unit>IX|IV|V?I{0,3})")
_ROMAN_UNITS = {"": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7,
                "VIII": 8, "IX": 9}  # fmt: skip
_CENTURY_WORDS = (
    r"век(?:а|у|ом|е|ов|ам|ами|ах|ове)?|столети(?:е|я|ю|ем|и|й|ям|ями|ях|ето)"
    r"|століт(?:тя|ті|тям|ть|тями|тях)|сторіч(?:чя|чі|чям|ч)?|вік|віку|віці|centur(?:y|ies)"
    r"|вв?\.|ст\."
)
_CENTURY_WORD = re.compile(rf"(?<![\w'’ʼ])(?P<w>{_CENTURY_WORDS})(?!\w)")
# be "стагоддзе", mk "векот" (the century), "векови", sr "векова", ijekavian "вијек"
_CENTURY_WORD_BE_MK_SR = re.compile(
    rf"(?<![\w'’ʼ])(?P<w>{_CENTURY_WORDS}|стагодд(?:зе|зя|зі|зю|зем|зяў|зям|зямі|зях)"
    r"|век(?:от|ови|овите|ова|овима)|вијек(?:а|у|ом|ова)?)(?!\w)"
)
# forms that count centuries ("пять веков", "два століття", bg "три века", "centuries"): after
# plain digits they are a count, after "XX" or "19-го" a list ("XIX и XX веков")
_CENTURY_PLURALS = frozenset(
    {"веков", "векам", "веками", "веках", "векове", "столетий", "столетиям", "столетиями",
     "столетиях", "століть", "століттями", "століттях", "сторіч", "centuries",
     "стагоддзяў", "стагоддзям", "стагоддзямі", "стагоддзях", "векови", "вековите",
     "векова", "вековима", "вијекова"}
)  # fmt: skip
_CENTURY_COUNT_FORMS = frozenset(
    {"века", "столетия", "століття", "сторіччя", "століттям", "стагоддзі"}
)
"""The singular genitive (be: locative) that also counts two to four ("два века", "два
стагоддзі"); in bg, mk and sr always a count."""
_COUNT_FORM_CENTURY_LANGS = frozenset({"ru", "uk", "be"})
_CENTURY_AFTER_ORDINAL_ONLY = frozenset({"вік", "віку", "віці", "ст."})
"""uk "вік" is also age and "ст." also an article of a law: only after "XX" or "19-го"."""
_ORDINAL_TOKEN = (
    r"(?P<tok>(?P<roman>(?<![^\W\d_])[IVXІХ]{1,6})(?:[-‐][^\W\d_]{1,3})?"
    r"|(?P<digits>(?<![\w.,])\d{1,2})(?P<suffix>-?(?:st|nd|rd|th)|[-‐][^\W\d_]{1,3})?"
    r"|(?P<word>[^\W\d_][\w'’ʼ]*))"
)
# sr and mk write an ordinal with a full stop ("у 19. веку", "XIX. века"), mk also with a
# longer ending ("19-тиот век")
_DOT_ORDINAL_TOKEN = (
    r"(?P<tok>(?P<roman>(?<![^\W\d_])[IVXІХ]{1,6})(?:[-‐][^\W\d_]{1,4}|\.)?"
    r"|(?P<digits>(?<![\w.,])\d{1,2})(?P<suffix>-?(?:st|nd|rd|th)|[-‐][^\W\d_]{1,4}|\.)?"
    r"|(?P<word>[^\W\d_][\w'’ʼ]*))"
)
_BEFORE_CENTURY = re.compile(_ORDINAL_TOKEN + r"(?:[ \u00a0]+|-)\Z")
_BEFORE_DOT_CENTURY = re.compile(_DOT_ORDINAL_TOKEN + r"(?:[ \u00a0]+|-)\Z")
# "XIX–XX вв.", "XIX и XX веков", "конца XIX — начала XX века", "19th and 20th centuries"
_RANGE_SEP = r"[ \u00a0]*[-‐–—][ \u00a0]*|[ \u00a0]+(?:до|по|to|through)[ \u00a0]+"
_LIST_SEP = r"[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:и|і|й|та|или|або|чи|and|or)[ \u00a0]+"
_LISTED_CENTURY = re.compile(
    _ORDINAL_TOKEN + rf"(?P<sep>{_RANGE_SEP}|{_LIST_SEP})"
    r"(?:(?:начал[аеоу]|конц[аеу]|середин[аеыиіу]|початк[уи]|кінц[яі]|краю|началото|края"
    r"|средата|на|of|the|early|late|mid)[ \u00a0]+){0,3}\Z"
)
# be "канца XIX — пачатку XX стагоддзя", sr "крајем 19. и почетком 20. века", mk "крајот
# на XIX и почетокот на XX век"
_BE_MK_SR_LIST_TAIL = (
    rf"(?P<sep>{_RANGE_SEP}|{_LIST_SEP})"
    r"(?:(?:пачатк[уі]|канц[аы]|сярэдзін[ыеі]|почетк(?:ом|а|у)|крај(?:ем|а|у)"
    r"|средин(?:ом|е|и)|почетокот|крајот|средината|на)[ \u00a0]+){0,3}\Z"
)
_LISTED_CENTURY_BE_MK_SR = re.compile(_ORDINAL_TOKEN + _BE_MK_SR_LIST_TAIL)
_LISTED_DOT_CENTURY = re.compile(_DOT_ORDINAL_TOKEN + _BE_MK_SR_LIST_TAIL)
_EN_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_ORDINAL_TEENS: dict[str, int] = {
    "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12, "тринадцатый": 13,
    "четырнадцатый": 14, "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17,
    "восемнадцатый": 18, "девятнадцатый": 19, "двадцатый": 20,
    "десятий": 10, "одинадцятий": 11, "дванадцятий": 12, "тринадцятий": 13,
    "чотирнадцятий": 14, "п'ятнадцятий": 15, "шістнадцятий": 16, "сімнадцятий": 17,
    "вісімнадцятий": 18, "дев'ятнадцятий": 19, "двадцятий": 20,
}  # fmt: skip
# "двадцать первом", "двадесет и първи", "twenty-first": the tens before an ordinal unit
_TENS_BEFORE = re.compile(r"(?P<tens>[^\W\d_]+)(?:[ \u00a0]+(?:и|and)[ \u00a0]+|[ \u00a0]+|-)\Z")


def _roman(raw: str) -> int | None:
    """The value of a Roman numeral from I to XXXIX, Cyrillic lookalikes allowed."""
    m = _ROMAN_CENTURY.fullmatch(raw.translate(_ROMAN_LOOKALIKES))
    if m is None or not m.group():
        return None
    return 10 * len(m.group("x")) + _ROMAN_UNITS[m.group("unit")]


# Spelled ordinals of be, mk and sr up to the twentieth ("у дваццатым стагоддзі", "во
# дваесеттиот век", "у двадесетом веку"): a stem and an adjective ending, never the bare stem,
# which may be the count ("пет века" is five centuries). be stems are written ё -> е.
_BE_ORDINAL_STEMS: dict[str, int] = {
    "перш": 1, "друг": 2, "трэц": 3, "чацверт": 4, "пят": 5, "шост": 6, "сем": 7, "восьм": 8,
    "дзявят": 9, "дзясят": 10, "адзінаццат": 11, "дванаццат": 12, "трынаццат": 13,
    "чатырнаццат": 14, "пятнаццат": 15, "шаснаццат": 16, "сямнаццат": 17,
    "васямнаццат": 18, "дзевятнаццат": 19, "дваццат": 20,
}  # fmt: skip
_MK_ORDINAL_STEMS: dict[str, int] = {
    "прв": 1, "втор": 2, "трет": 3, "четврт": 4, "петт": 5, "шест": 6, "седм": 7, "осм": 8,
    "деветт": 9, "десетт": 10, "единаесетт": 11, "дванаесетт": 12, "тринаесетт": 13,
    "четиринаесетт": 14, "петнаесетт": 15, "шеснаесетт": 16, "седумнаесетт": 17,
    "осумнаесетт": 18, "деветнаесетт": 19, "дваесетт": 20,
}  # fmt: skip
_SR_ORDINAL_STEMS: dict[str, int] = {
    "прв": 1, "друг": 2, "трећ": 3, "четврт": 4, "пет": 5, "шест": 6, "седм": 7, "осм": 8,
    "девет": 9, "десет": 10, "једанаест": 11, "дванаест": 12, "тринаест": 13,
    "четрнаест": 14, "петнаест": 15, "шеснаест": 16, "седамнаест": 17, "осамнаест": 18,
    "деветнаест": 19, "двадесет": 20,
}  # fmt: skip
_ORDINAL_ENDINGS = {
    # the soft endings only after "трэц" and "друг": "сем'і" (of the family) is no "сёмы"
    "be": r"ы|ага|ога|аму|ому|ым|ымі|ае|ое|ая|ай|ой|ую|ыя|ых"
    r"|(?<=трэц|друг)(?:і|яга|яму|ім|імі|яе|яя|яй|юю|ія|іх)",
    "mk": r"и|иот|а|ата|о|ото|ите",
    "sr": r"и|а|о|е|у|ог|ега|ога|ег|ом|ем|ему|ому|оме|ој|их|им|има",
}
_SPELLED_ORDINALS: dict[str, tuple[dict[str, int], re.Pattern[str]]] = {
    lang: (
        stems,
        re.compile(
            rf"(?P<stem>{'|'.join(sorted(stems, key=len, reverse=True))})"
            rf"(?:{_ORDINAL_ENDINGS[lang]})"
        ),
    )
    for lang, stems in (("be", _BE_ORDINAL_STEMS), ("mk", _MK_ORDINAL_STEMS),
                        ("sr", _SR_ORDINAL_STEMS))
}  # fmt: skip
_BARE_ORDINALS: dict[str, frozenset[str]] = {"mk": frozenset({"прв", "втор", "трет"})}
"""Ordinals whose masculine is the bare stem: mk "трет пат" (the third time). mk "четврт" is
also a quarter ("четврт век") and "пет" the count, so they take an ending."""


def _ordinal_word(word: str, lang: str) -> int | None:
    """1..20 when ``word`` is an ordinal ("двадцатом", "дев'ятнадцятого", "деветнадесети",
    "nineteenth")."""
    low = re.sub(r"[’ʼ]", "'", word.lower())
    if lang == "en":
        return _EN_ORDINALS.get(low)
    if lang in _SPELLED_ORDINALS:
        if "'" in low:
            return None  # be "сем'і" (of the family): no ordinal has an apostrophe
        stems, pattern = _SPELLED_ORDINALS[lang]
        low = normalize(low)
        if low in _BARE_ORDINALS.get(lang, ()):
            return stems[low]
        m = pattern.fullmatch(low)
        return stems[m.group("stem")] if m else None
    if lang == "bg":
        ending = _bg_ordinal_ending(low)
        if not ending:
            return None  # "пет века" is five centuries
        teen = _BG_VALUES.get(low[: -len(ending)])
        return int(teen) if teen and 10 <= teen <= 20 else _ordinal_unit(low, lang)
    for lemma, grams, known in _morph.parses(low, lang):
        lemma = lemma.replace("ё", "е")
        if known and grams & {"Anum", "ADJF"}:
            value = _ORDINAL_UNITS.get(lemma) or _ORDINAL_TEENS.get(lemma)
            if value:
                return value
    return None


def _spelled_century(text: str, m: re.Match[str], lang: str) -> tuple[int, int] | None:
    """(value, start) of a spelled ordinal ending at ``m``: "двадцатом", "двадцать первом"."""
    value = _ordinal_word(m.group("word"), lang)
    if value is None:
        return None
    tens = _TENS_BEFORE.search(text, 0, m.start("word")) if value < 10 else None
    before = _number_word(tens.group("tens"), lang) if tens else None
    if tens and before and before.value in (20.0, 30.0):
        return int(before.value) + value, tens.start()
    return value, m.start("word")


def _century_value(
    text: str, m: re.Match[str], word: str | None, lang: str
) -> tuple[int, int, bool] | None:
    """(value, start, spelled) of the ordinal in ``m`` before the century word ``word`` (None
    for an earlier member of a list), or None where it is no century."""
    if m.group("roman"):
        value = _roman(m.group("roman"))
        if len(m.group("tok")) == 1 and _sentence_initial(text, m.start("tok")):
            return None  # uk "І століття тому": "and", not the first century
        return (value, m.start("tok"), False) if value else None
    if m.group("digits"):
        value = int(m.group("digits"))
        plain = m.group("suffix") is None
        if not 1 <= value <= 21 or (plain and word and not _plain_century(value, word, lang)):
            return None
        return value, m.start("tok"), False
    if word in _CENTURY_AFTER_ORDINAL_ONLY or word in ("в.", "вв."):
        return None
    spelled = _spelled_century(text, m, lang)
    return (spelled[0], spelled[1], True) if spelled else None


def _plain_century(value: int, word: str, lang: str) -> bool:
    """Whether digits with no ordinal ending before ``word`` name a century ("в 19 веке",
    "през 19 век", "19 в.") rather than count centuries ("2 века", "5 веков")."""
    if lang == "en" or word in _CENTURY_PLURALS or word in _CENTURY_AFTER_ORDINAL_ONLY:
        return False
    if word in _CENTURY_COUNT_FORMS:
        return lang in _COUNT_FORM_CENTURY_LANGS and not 2 <= value <= 4
    return True


_CENTURY_RULES: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    "be": (_CENTURY_WORD_BE_MK_SR, _BEFORE_CENTURY, _LISTED_CENTURY_BE_MK_SR),
    "mk": (_CENTURY_WORD_BE_MK_SR, _BEFORE_DOT_CENTURY, _LISTED_DOT_CENTURY),
    "sr": (_CENTURY_WORD_BE_MK_SR, _BEFORE_DOT_CENTURY, _LISTED_DOT_CENTURY),
}
"""(century word, ordinal before it, earlier list member) where a language differs from ru."""


def _centuries(text: str, lang: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    """Ordinal centuries: "XX век", "у ХХ столітті", "през XIX в.", "19-го века", "20th
    century", "двадцатом веке", with the earlier members of a list ("XIX–XX вв.")."""
    out: list[NumberMention] = []
    century_word, before, listed = _CENTURY_RULES.get(
        lang, (_CENTURY_WORD, _BEFORE_CENTURY, _LISTED_CENTURY)
    )
    for cw in century_word.finditer(text):
        head = before.search(text, 0, cw.start())
        found = _century_value(text, head, cw.group("w"), lang) if head else None
        if head is None or found is None or any(a <= found[1] < b for a, b in blocked):
            continue
        value, start, spelled = found
        members = [_century(text, start, cw.end(), value, spelled)]
        while (prev := listed.search(text, 0, members[0].start)) is not None:
            earlier = _century_value(text, prev, None, lang)
            if earlier is None or _token_kind(prev) != _token_kind(head):
                break
            first = _century(text, earlier[1], prev.end("tok"), earlier[0], earlier[2])
            if re.fullmatch(_RANGE_SEP, prev.group("sep")):
                first = replace(first, in_range=True)
                members[0] = replace(members[0], in_range=True)
            members.insert(0, first)
        out += members
    return out


def _token_kind(m: re.Match[str]) -> str:
    """Which way an ordinal is written: the members of one list are written alike."""
    return next(k for k in ("roman", "digits", "word") if m.group(k))


def _century(text: str, start: int, end: int, value: int, spelled: bool) -> NumberMention:
    return NumberMention(
        text=text[start:end],
        start=start,
        end=end,
        value=float(value),
        unit=None,
        ordinal=True,
        approx=False,
        spelled=spelled,
        measure=CENTURY,
    )


# bg "процент и половина", ru "процент с половиной", "полпроцента": a percent counted by a
# half alone
_UNIT_HALF = re.compile(
    r"(?<![\w'’ʼ])(?:(?P<half>пол|пів)-?(?:процента|відсотка)"
    r"|(?:(?:един|один|one|a)[ \u00a0]+)?(?:процент|відсоток|percent)[ \u00a0]+"
    r"(?:и|і|й|та|с|со|з|із|and[ \u00a0]+a)[ \u00a0]+(?:половина|половиной|половиною|half))(?!\w)",
    re.IGNORECASE,
)
_DIGIT_BEFORE = re.compile(r"\d[ \u00a0]*\Z")


def _unit_halves(text: str, blocked: list[tuple[int, int]]) -> list[NumberMention]:
    """A percent counted by a half alone: bg "процент и половина" (1.5 %), "полпроцента"."""
    out = []
    for m in _UNIT_HALF.finditer(text):
        if any(a <= m.start() < b for a, b in blocked) or _DIGIT_BEFORE.search(text, 0, m.start()):
            continue
        value = 0.5 if m.group("half") else 1.5
        out.append(
            NumberMention(m.group(), m.start(), m.end(), value, "%", False, False, spelled=True)
        )
    return out


def find_numbers(
    text: str, lang: str, blocked: list[tuple[int, int]] | None = None
) -> tuple[NumberMention, ...]:
    """Quantities in one sentence; spans in ``blocked`` (dates, times, names) are skipped."""
    scan = fold_lookalikes(text, lang)
    found = _find_numbers(scan, lang, blocked)
    if scan == text:
        return found
    return tuple(replace(n, text=text[n.start : n.end]) for n in found)


def _find_numbers(
    text: str, lang: str, blocked: list[tuple[int, int]] | None
) -> tuple[NumberMention, ...]:
    blocked = list(blocked or [])
    blocked += clock_spans(text)
    # the digits and words of a century ("XIX в.", "19-го века") or a one-word multiplier
    # are read no other way
    special = _centuries(text, lang, blocked)
    blocked += [(n.start, n.end) for n in special]
    special += _multipliers(text, lang, blocked) + _unit_halves(text, blocked)
    blocked += [(n.start, n.end) for n in special]
    fractions = special + _fraction_mentions(text, blocked)
    blocked += [(n.start, n.end) for n in fractions]
    digits = fractions + _digit_mentions(text, lang, blocked)
    taken = blocked + [(n.start, n.end) for n in digits]
    words = _word_mentions(text, lang, taken)
    stems = _stem_measures(text, taken)
    return _with_measures(text, lang, sorted(digits + words + stems, key=lambda n: n.start))


def _with_measures(
    text: str, lang: str, mentions: list[NumberMention]
) -> tuple[NumberMention, ...]:
    """Each mention with the unit of measure after it, the unit in its span ("385 мили", "в
    два раза"); the first end of a range ("2 to 3 inches", "5–8 см") takes the unit of the
    second."""
    out = []
    for n in mentions:
        found = _measure_after(text, n, lang) if n.unit is None and n.measure is None else None
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


def _measure_after(text: str, n: NumberMention, lang: str) -> tuple[str, int] | None:
    """The unit of measure after ``n`` and where it ends; "два раза", "1,5 times" make a
    multiplier of a count above one ("в пятый раз", "один раз" are no multipliers)."""
    times = _times_after(lang).match(text, n.end) if n.value > 1 and not n.ordinal else None
    return (TIMES, times.end()) if times else measure_after(text, n.end)


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
            alternatives=(),
            end=n.end,
            text=text[prev.start : n.end],
            spelled=prev.spelled and n.spelled,
        )
    return out

"""Find proper names in a sentence and relate name mentions across versions."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from tcheck.extract import _morph
from tcheck.extract.dates import is_month_word
from tcheck.extract.keys import (
    consonant_skeleton,
    is_cyrillic,
    is_place_key,
    loose_key,
    name_key,
    normalize,
    split_tokens,
    strict_name_key,
    token_key,
)
from tcheck.extract.model import NameMention, NameRelation

# A word: letters/digits with inner apostrophes, and hyphen or dot joins (Shahed-136, OBOZ.UA).
TOKEN_RE = re.compile(r"[^\W_](?:[\w'’ʼ]|[-‐.](?=[^\W_]))*")

# After these a capital letter says nothing about the word (a new sentence or quotation).
_INITIAL_BEFORE = set('.!?…:;«"„“”(—–-•*>|')
_OPEN_QUOTES = set("«\"„“'")
_CLOSE_QUOTES = "»\"“”'"

# Lower-case particles that belong inside multi-word names.
_PARTICLES = frozenset(
    {"de", "da", "di", "van", "von", "der", "del", "la", "le", "bin", "al",
     "де", "да", "ди", "ван", "фон", "дер", "дель", "ла", "бин", "бен", "ибн", "аль", "эль"}
)  # fmt: skip

# Sentence-initial words of languages without a dictionary here that are never names.
_STOP_INITIAL = frozenset(
    {
        "и", "а", "но", "в", "във", "на", "за", "от", "с", "със", "по", "при", "след", "преди",
        "според", "както", "когато", "ако", "въпреки", "тогава", "сред", "има", "няма", "той", "тя",
        "то", "те", "това", "този", "тази", "тези", "ние", "вие", "аз", "ти", "може", "можем",
        "мисля", "готов", "готови", "също", "така", "обаче", "все", "още", "вече", "всички", "там",
        "тук", "как", "какво", "кой", "коя", "повече", "по-късно", "първо", "второ", "като",
        "защо", "где", "където", "докато", "дори", "само", "около", "над", "под", "между", "чрез",
        "без", "към", "до", "през", "освен", "the", "a", "an", "in", "on", "at", "for", "of", "to",
        "by", "with", "from", "as", "and", "but", "or", "if", "when", "while", "this", "that",
        "these", "those", "it", "its", "he", "she", "they", "we", "you", "i", "there", "here",
        "after", "before", "since", "according", "also", "however", "many", "some", "more", "most",
        "one", "two", "new", "last", "first"
    }
)  # fmt: skip

# English month and weekday names are capitalised but are dates, not names.
_EN_CALENDAR = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday"
    }
)  # fmt: skip

_FUNCTION_POS = frozenset(
    {"VERB", "INFN", "GRND", "ADVB", "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ"}
)
_BG_SUFFIXES = (
    "нето",
    "ане",
    "ение",
    "ият",
    "ният",
    "ата",
    "ото",
    "ите",
    "ята",
    "ът",
    "ят",
    "ия",
    "но",
    "ни",
    "ше",
)
_UK_TO_RU = str.maketrans({"і": "и", "ї": "и", "є": "е", "и": "ы", "ґ": "г"})


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _initial_position(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _INITIAL_BEFORE


def _quoted_title(text: str, start: int) -> bool:
    """A capitalised word right after an opening quote that closes soon: «Главком»."""
    i = start - 1
    if i < 0 or text[i] not in _OPEN_QUOTES:
        return False
    close = min((p for p in (text.find(q, start) for q in _CLOSE_QUOTES) if p >= 0), default=-1)
    return close >= 0 and len(text[start:close].split()) <= 4


def _ru_proper(word: str) -> bool | None:
    """Russian dictionary verdict on a Cyrillic word: True proper, False common, None unknown."""
    if _morph.proper_lemma(word, "ru") is not None:
        return True
    if _morph.is_known(word, "ru"):
        return False
    return None


def _dictionary_says_common(word: str, lang: str) -> bool:
    """Whether a capitalised word in a position where every word is capitalised is common."""
    low = normalize(word)
    if not is_cyrillic(word):
        return low in _STOP_INITIAL or low in _EN_CALENDAR
    if low in _STOP_INITIAL:
        return True
    if lang in _morph.MORPH_LANGS:
        # the uk dictionary spells words with the apostrophe: прем'єр, об'єднання
        low = re.sub(r"[’ʼ`]", "'", word.lower()).replace("ё", "е") if lang == "uk" else low
        if _morph.pos_set(low, lang) & _FUNCTION_POS:
            return True  # Але, Об, Поэтому: a function word or verb, whatever else it may be
        if _morph.proper_lemma_strict(low, lang) is not None:
            return False
        if lang == "uk" and _ru_proper(low.translate(_UK_TO_RU)):
            return False  # the uk dictionary lacks Geox; Японія is found as ru Япония
        return _morph.is_known(low, lang)
    # bg, mk, sr, be...: borrow the Russian dictionary, which knows many shared stems.
    for cand in _bg_candidates(low):
        verdict = _ru_proper(cand)
        if verdict is not None:
            return not verdict
    return low.endswith(_BG_SUFFIXES)


def _bg_candidates(word: str) -> Iterator[str]:
    yield word
    for suffix, repl in (("ята", "я"), ("ата", "а"), ("ът", ""), ("ят", "ь"), ("ото", "о"),
                         ("ите", "и"), ("та", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)] + repl


def _all_caps_is_name(word: str, lang: str) -> bool:
    """НАТО, США, OBOZ.UA are names; РЕКЛАМА, ЕЩЕ are shouted common words."""
    letters = sum(c.isalpha() for c in word)
    if not is_cyrillic(word):
        return normalize(word) not in _STOP_INITIAL or letters <= 3
    mlang = lang if lang in _morph.MORPH_LANGS else "ru"
    low = normalize(word)
    ps = [p for p in _morph.parses(low, mlang) if p[2]]
    if not ps:
        return True
    if ps[0][1] & _FUNCTION_POS:
        return False
    if any("Abbr" in g or g & _morph.PROPER_TAGS for _, g, _ in ps):
        return True
    return letters <= 3 and "NOUN" in {pos for _, g, _ in ps for pos in g}


def _name_token(text: str, m: re.Match[str], lang: str) -> bool:
    word = m.group()
    if not word[0].isupper():
        return False
    if not any(c.isalpha() for c in word):
        return False
    if _is_upper_word(word):
        return _all_caps_is_name(word, lang)
    if not is_cyrillic(word) and normalize(word) in _EN_CALENDAR:
        return False
    if is_month_word(word, lang):
        return False
    if _quoted_title(text, m.start()):
        return True
    if _initial_position(text, m.start()):
        parts = re.split(r"[-‐]", word)
        if lang in ("bg", "mk") and len(parts) > 1 and _has_article(parts[-1]):
            return False  # "Министър-председателят": the article marks a common noun
        return not _dictionary_says_common(parts[0], lang)
    return True


_ARTICLE_ENDINGS = ("ът", "ят", "ата", "ята", "ото", "ите", "ето")


def _has_article(word: str) -> bool:
    low = normalize(word)
    return len(low) > 5 and low.endswith(_ARTICLE_ENDINGS)


def find_names(text: str, lang: str) -> tuple[NameMention, ...]:
    """Proper names in one sentence, multi-word names joined."""
    toks = list(TOKEN_RE.finditer(text))
    flags = [_name_token(text, m, lang) for m in toks]
    for i in range(1, len(toks) - 1):
        # "The Sunday Times": a weekday or month inside a Latin title belongs to the name
        word = toks[i].group()
        around = toks[i - 1].group() + toks[i + 1].group()
        if (
            not flags[i]
            and flags[i - 1]
            and flags[i + 1]
            and normalize(word) in _EN_CALENDAR
            and word[0].isupper()
            and not is_cyrillic(around)
        ):
            flags[i] = True
    out: list[NameMention] = []
    i = 0
    while i < len(toks):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(toks):
            gap = text[toks[j].end() : toks[j + 1].start()]
            # An acronym next to a capitalised word is two names ("НАТО Йенс Столтенберг").
            same_case = _is_upper_word(toks[j + 1].group()) == _is_upper_word(toks[j].group())
            if flags[j + 1] and gap == " " and same_case and not _boundary(toks, j, lang):
                j += 1
            elif (
                j + 2 < len(toks)
                and gap == " "
                and toks[j + 1].group() in _PARTICLES
                and flags[j + 2]
                and text[toks[j + 1].end() : toks[j + 2].start()] == " "
            ):
                j += 2
            elif gap == ". " and len(toks[j].group()) == 1 and flags[j + 1]:
                j += 1  # an initial: "В. Зеленский"
            else:
                break
        out.append(make_mention(text[toks[i].start() : toks[j].end()], toks[i].start(), lang))
        i = j + 1
    return tuple(out)


def _boundary(toks: list[re.Match[str]], j: int, lang: str) -> bool:
    """A place in the genitive followed by a person: "Японии Санаэ Такаичи" is two names."""
    left, right = toks[j].group(), toks[j + 1].group()
    if not is_place(left, lang):
        return False
    return not is_place(right, lang)


def is_place(word: str, lang: str) -> bool:
    if is_place_key(token_key(word, lang)):
        return True
    if not is_cyrillic(word):
        return False
    low = normalize(word)
    mlang = lang if lang in _morph.MORPH_LANGS else "ru"
    cands = [low.translate(_UK_TO_RU)] if lang == "uk" else list(_bg_candidates(low))
    cands.insert(0, low)
    for cand in cands:
        for _, grams, known in _morph.parses(cand, mlang if cand == low else "ru"):
            # The first proper reading decides: Владимир is a given name before a city.
            if known and grams & _morph.PROPER_TAGS:
                return "Geox" in grams
    return False


def make_mention(span: str, start: int, lang: str) -> NameMention:
    tokens = tuple(token_key(t, lang) for t in split_tokens(span))
    return NameMention(
        text=span,
        start=start,
        end=start + len(span),
        key=name_key(span, lang),
        strict_key=strict_name_key(span, lang),
        tokens=tokens,
        latin=not is_cyrillic(span) and any(c.isalpha() and c.isascii() for c in span),
    )


@functools.lru_cache(maxsize=1 << 16)
@functools.lru_cache(maxsize=1 << 16)
def token_relation(a: str, b: str) -> NameRelation:
    if a == b:
        return NameRelation.SAME
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and len(long_) - len(short) >= 2 and long_.startswith(short):
        return NameRelation.DIFFERENT  # a derived word (Украина / Украинская), not a respelling
    dist = Levenshtein.distance(a, b)
    if consonant_skeleton(a) == consonant_skeleton(b):
        # vowels only; but Дионисио / Днес share a skeleton without being one name
        return (
            NameRelation.ORTHOGRAPHY if dist <= max(1, len(a + b) // 5) else NameRelation.DIFFERENT
        )
    la, lb = loose_key(a), loose_key(b)
    skeleton = consonant_skeleton(la)
    if skeleton == consonant_skeleton(lb) and Levenshtein.distance(la, lb) <= max(
        2 if len(skeleton) >= 3 else 1, len(la + lb) // 5
    ):
        return NameRelation.ORTHOGRAPHY  # a transliteration convention (Масачузетс)
    # A changed, added or dropped consonant in an otherwise similar word (Санаэ/Сакае).
    longest = max(len(a), len(b))
    if longest >= 3 and dist <= max(1, longest // 4):
        return NameRelation.CONSONANT
    return NameRelation.DIFFERENT


def compare_names(a: NameMention, b: NameMention) -> NameRelation:
    """How mention ``a`` relates to mention ``b`` (language-independent, symmetric).

    Multi-word names are compared token by token, the shorter against the longer: "Такаичи"
    against "Санаэ Такаичи" is SAME, "Сакае Такаїчі" against "Санаэ Такаичи" is CONSONANT.
    """
    if a.key == b.key:
        return NameRelation.SAME
    rels = _token_relations(a, b)
    if len(a.tokens) == len(b.tokens) > 1:
        # Translated words inside a name (Республика / Република, Премьер-лиги / Прем'єр-лізі,
        # Північна / Северная) are the languages' own words, not respellings of the name.
        pairs = zip(split_tokens(a.text), split_tokens(b.text), strict=False)
        translated = [
            r is not NameRelation.SAME and common_word(x) and common_word(y)
            for r, (x, y) in zip(rels, pairs, strict=False)
        ]
        if any(translated):
            rels = [r for r, t in zip(rels, translated, strict=True) if not t]
            if not rels:
                return NameRelation.DIFFERENT  # nothing but common words
            if all(r is NameRelation.SAME for r in rels):
                return NameRelation.ORTHOGRAPHY
    if not rels:
        return NameRelation.DIFFERENT
    if NameRelation.DIFFERENT in rels:
        if len(rels) == 1 or (
            rels[-1] is NameRelation.DIFFERENT and not _near(a.tokens[-1], b.tokens[-1])
        ):
            return NameRelation.DIFFERENT  # another surname: another person (Стивън Лоулес)
        # The surname agrees while another token is unrelated: a different given name.
        rel = NameRelation.CONSONANT
    else:
        rel = max(rels, key=RELATION_RANK.__getitem__)
    if rel is NameRelation.CONSONANT and a.latin != b.latin:
        # a Latin original next to a Cyrillic transliteration (Brexit / Брексит,
        # Spencer / Спенсер, Louis / Луї): English spelling does not map letter by letter
        return NameRelation.ORTHOGRAPHY
    return rel


def _near(a: str, b: str) -> bool:
    """Keys too far apart for one respelling that still look alike (Киран / Киърман)."""
    return a[:3] == b[:3] or fuzz.ratio(a, b) >= 60


def other_given_name(a: NameMention, b: NameMention) -> bool:
    """For two mentions :func:`compare_names` calls CONSONANT: whether that is because the
    surname agrees while another token is unrelated (Бърнард Ван / Майкъл Ван): in one
    sentence a changed given name, across a whole text possibly two people."""
    return NameRelation.DIFFERENT in _token_relations(a, b)


def _token_relations(a: NameMention, b: NameMention) -> list[NameRelation]:
    short, long_ = sorted((a.tokens, b.tokens), key=len)
    if not short:
        return []
    if len(short) == len(long_):
        return [token_relation(x, y) for x, y in zip(short, long_, strict=True)]
    # Align each token of the shorter name to its best partner in the longer one.
    return [
        min((token_relation(x, y) for y in long_), key=RELATION_RANK.__getitem__) for x in short
    ]


@functools.lru_cache(maxsize=1 << 14)
def common_word(word: str) -> bool:
    """Whether a dictionary (ru or uk; Bulgarian through Russian stems) reads a Cyrillic word
    first as a common word rather than a name (either dictionary will do: the Ukrainian one
    reads Russian лиги as a name)."""
    if not is_cyrillic(word):
        return False
    low = normalize(word)
    if low in _STOP_INITIAL:
        return True
    cands = [(low, "uk"), (low, "ru"), *((c, "ru") for c in _bg_candidates(low))]
    for cand, lang in cands:
        known = [grams for _, grams, ok in _morph.parses(cand, lang) if ok]
        if known and not known[0] & _morph.PROPER_TAGS:
            return True
    return False


RELATION_RANK = {
    NameRelation.SAME: 0,
    NameRelation.ORTHOGRAPHY: 1,
    NameRelation.CONSONANT: 2,
    NameRelation.DIFFERENT: 3,
}

"""Find proper names in a sentence and relate name mentions across versions."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import permutations

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from tcheck.extract import _morph
from tcheck.extract.dates import is_month_word
from tcheck.extract.keys import (
    consonant_skeleton,
    devoiced,
    is_cyrillic,
    is_place_key,
    loose_key,
    name_key,
    name_tokens,
    normalize,
    other_readings,
    pair_folded,
    russian_spellings,
    schwa_keys,
    sound_units,
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
        "one", "two", "new", "last", "first", "спадар", "спадарыня",
        # Macedonian, Serbian and Belarusian words that open a sentence, which the Russian
        # dictionary does not know
        "тоа", "тој", "таа", "тие", "ова", "овој", "оваа", "овие", "во", "од", "со",
        "кога", "сепак", "исто", "сите", "повеќе", "меѓутоа", "затоа", "бидејќи", "додека",
        "околу", "меѓу", "преку", "кон", "овај", "али", "према", "када", "међутим",
        "такође", "тамо", "сви", "више", "јер", "чак", "између", "осим", "гэта", "яны",
        "але", "паводле", "калі", "аднак", "таксама", "усе", "больш", "таму", "пакуль",
        "нават", "толькі", "каля", "паміж", "праз", "акрамя"
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
_VOWELS = "aeiouy"
"""The vowels of a Latin name key."""
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
    for cand in russian_spellings(low) if lang == "be" else _bg_candidates(low):
        verdict = _ru_proper(cand)
        if verdict is not None:
            return not verdict
    return low.endswith(_BG_SUFFIXES)


def _bg_candidates(word: str) -> Iterator[str]:
    """Russian spellings a Bulgarian word may have: without its article, and with the hard
    sign Russian writes after a prefix (обединено -> объединено)."""
    for cand in _bg_bare_forms(word):
        yield cand
        with_sign = _BG_PREFIX_SIGN.sub(r"\1ъ", cand, count=1)
        if with_sign != cand:
            yield with_sign


def _bg_bare_forms(word: str) -> Iterator[str]:
    yield word
    for suffix, repl in (("ята", "я"), ("ата", "а"), ("ът", ""), ("ят", "ь"), ("ото", "о"),
                         ("ите", "и"), ("та", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)] + repl


# Bulgarian dropped the separating ъ that Russian keeps between a prefix ending in a
# consonant and е/ю/я (обединен / объединён, изявление / изъявление, подем / подъём).
_BG_PREFIX_SIGN = re.compile(r"^(об|от|под|над|раз|из|без|пред)(?=[еёюя]\w{3})")


def _bg_adjective_forms(word: str) -> Iterator[str]:
    """Russian long forms of what may be a Bulgarian adjective, to look it up in the Russian
    dictionary: корейската, корейски -> корейский; южният, южен -> южный; националния ->
    национальный."""
    for article in ("ият", "ия", "ата", "ото", "ите", ""):
        if not word.endswith(article):
            continue
        base = word[: len(word) - len(article)]
        stem = base[:-1] if not article and base[-1:] in "аои" else base
        if len(stem) < 3 or stem[-1] in _CYR_VOWELS_BG:
            continue
        stems = [stem]
        if re.search(r"[^аеиоуъ][еъ][лнр]$", stem):
            stems.append(stem[:-2] + stem[-1])  # the fleeting vowel: южен / южна
        for s in stems:
            s = re.sub(r"лн$", "льн", s)
            for ending in ("ий", "ый", "ая"):
                yield s + ending


_CYR_VOWELS_BG = "аеиоуъюяй"


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
            # A Latin name next to a Cyrillic one is two names (British Open Франческо
            # Молинари, Ницца Hospital Louis Pasteur).
            same_script = is_cyrillic(toks[j + 1].group()) == is_cyrillic(toks[j].group())
            if (
                flags[j + 1]
                and gap == " "
                and same_case
                and same_script
                and not _boundary(toks, j, lang)
            ):
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
    if lang == "uk":
        # the Ukrainian dictionary tags few places: look the word up in Russian, with и kept
        # (Мексики) and as ы (Афіни)
        cands = [(low.translate(_UK_LETTERS), "ru"), (low.translate(_UK_TO_RU), "ru")]
    else:
        cands = [(c, "ru") for c in _bg_candidates(low) if c != low]
    for cand, tongue in [(low, mlang), *cands]:
        for _, grams, known in _morph.parses(cand, tongue):
            # The first proper reading decides: Владимир is a given name before a city.
            if known and grams & _morph.PROPER_TAGS:
                return "Geox" in grams
    return False


def make_mention(span: str, start: int, lang: str) -> NameMention:
    tokens = tuple(token_key(t, lang) for t in name_tokens(span))
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
def token_relation(a: str, b: str) -> NameRelation:
    """How two token keys relate. Distances count sounds (a digraph is one letter) after the
    variation of transliteration conventions is folded (:func:`loose_key`)."""
    if a == b:
        return NameRelation.SAME
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and len(short) >= 2:
        suffix = long_[len(short) :]
        if suffix in ("om", "em") or (suffix == "iv" and len(short) >= 4):
            # a case ending left on (Рамом / Рам, uk Розенбергів / Розенберги)
            return NameRelation.ORTHOGRAPHY
        if (suffix in ("s", "z") and len(short) >= 3) or (
            suffix in ("is", "es", "iz", "ez") and len(short) >= 4
        ):
            # an English final -s (Де-Мойнз / Де Мойн, Гамфріс / Хамфри)
            return NameRelation.ORTHOGRAPHY
    if _palatalized_plural(short, long_):
        # a people and their country (Чехословакия / bg Чехословаците, Словаччина /
        # Словаци): a derived word, not a respelling
        return NameRelation.DIFFERENT
    fa, fb = pair_folded(a, b)
    la, lb = sound_units(loose_key(fa)), sound_units(loose_key(fb))
    skeleton_a, skeleton_b = consonant_skeleton(la), consonant_skeleton(lb)
    short_skeleton, long_skeleton = sorted((skeleton_a, skeleton_b), key=len)
    if (
        len(short) >= 4
        and len(long_skeleton) - len(short_skeleton) >= 2
        and long_skeleton.startswith(short_skeleton)
        and (long_.startswith(short) or len(short_skeleton) >= 3)
    ) or (len(short) >= 4 and long_ == short + "k" and short[-1] in "sz"):
        # a derived word (Украина / Украинская, Вестминстър / Вестминстерский,
        # Сиракуза / Сіракузький), not a respelling
        return NameRelation.DIFFERENT
    dist = Levenshtein.distance(la, lb)
    if skeleton_a == skeleton_b:
        # vowels and conventions only (Масачузетс, Бьорн / Бйорн, Эйвон / Авън); but
        # Дионисио / Днес share a skeleton without being one name
        limit = max(2 if len(skeleton_a) >= 3 else 1, len(la + lb) // 5)
        if dist <= limit or _shape(la) == _shape(lb):
            return NameRelation.ORTHOGRAPHY
        return NameRelation.DIFFERENT
    va, vb = _east_asian(a), _east_asian(b)
    syllable = min(len(a), len(b)) <= _SYLLABLE
    if (
        syllable
        and consonant_skeleton(va) == consonant_skeleton(vb)
        and Levenshtein.distance(va, vb) <= 2
    ):
        return NameRelation.ORTHOGRAPHY  # Бён / Пьон, Ён / Йонг
    # A changed, added or dropped consonant in an otherwise similar word (Санаэ/Сакае), maybe
    # beside a vowel that transliterations render differently anyway (Дэвис / Дейбис).
    longest = max(len(la), len(lb))
    limit = max(1, longest // 4)
    if longest >= 3 and dist <= limit:
        return NameRelation.CONSONANT
    one_consonant = Levenshtein.distance(skeleton_a, skeleton_b) == 1
    if longest >= 6 and one_consonant and dist <= limit + 1 and not long_.startswith(short):
        return NameRelation.CONSONANT
    return NameRelation.DIFFERENT


_PLURAL_STEM = 6
"""Fewest sounds of a key whose final k may turn ts in a Bulgarian plural: a demonym
(словак / словаци), not a short name whose last consonant changed (Мацек / Мацец)."""


def _palatalized_plural(a: str, b: str) -> bool:
    """Whether one key ends in k where the other ends in ts (Bulgarian plurals of nouns in -к:
    чехословак / чехословаци), after a long shared stem."""
    for x, y in ((a, b), (b, a)):
        if x.endswith("k") and y == x[:-1] + "ts" and len(sound_units(x)) >= _PLURAL_STEM:
            return True
    return False


def _shape(key: str) -> str:
    """Consonants and vowel groups in order (Эйвон and Авън: VCVC): with the same consonants,
    the same word with its vowels transliterated differently."""
    return re.sub(f"[{_VOWELS}]+", "V", re.sub(f"[^{_VOWELS}]", "C", key))


_SYLLABLE = 4
"""Longest key read as one short Korean or Chinese syllable (pyon, yong, ben): only against
one is a voiced/voiceless pair a convention; elsewhere Байден / Пайден is a changed consonant."""


def _east_asian(key: str) -> str:
    """A key with the conventions of Korean and Chinese syllables folded: voicing (unaspirated
    stops are б or п: Бён / Пьон) and a final -ng written -н (Ён / Йонг)."""
    return sound_units(loose_key(devoiced(re.sub(r"(?<=n)h$", "", key))))


NO_LANGS = ("", "")
"""The languages of two mentions when the caller does not know them."""


def compare_names(
    a: NameMention, b: NameMention, langs: tuple[str, str] = NO_LANGS
) -> NameRelation:
    """How mention ``a`` relates to mention ``b`` (symmetric).

    Multi-word names are compared token by token, the shorter against the longer: "Такаичи"
    against "Санаэ Такаичи" is SAME, "Сакае Такаїчі" against "Санаэ Такаичи" is CONSONANT.
    Tokens that are the languages' own words (Нижняя / Баха Калифорния) are left out, and a
    hyphenated given name may be written as one word (Кай-Фу Ли / Ли Кайфу). ``langs``, the
    languages of ``a`` and ``b`` where known, tell which word had no dictionary to read it.
    """
    if a.key == b.key:
        return NameRelation.SAME
    return _compare_spans(a.text, a.tokens, b.text, b.tokens, a.latin != b.latin, langs)


@functools.lru_cache(maxsize=1 << 16)
def _compare_spans(
    text_a: str,
    keys_a: tuple[str, ...],
    text_b: str,
    keys_b: tuple[str, ...],
    mixed: bool,
    langs: tuple[str, str],
) -> NameRelation:
    words_a, words_b = _words(text_a, keys_a), _words(text_b, keys_b)
    rel = _compare_words(words_a, words_b, mixed, langs)
    if len(words_a) != len(words_b) and rel is not NameRelation.SAME:
        merged_a, merged_b = _hyphens_joined(text_a, keys_a), _hyphens_joined(text_b, keys_b)
        if (merged_a, merged_b) != (words_a, words_b):
            joined = _compare_words(merged_a, merged_b, mixed, langs)
            rel = min(rel, joined, key=RELATION_RANK.__getitem__)
        if rel not in (NameRelation.SAME, NameRelation.ORTHOGRAPHY) and _one_word(
            words_a, langs[0]
        ) == _one_word(words_b, langs[1]):
            rel = NameRelation.ORTHOGRAPHY  # written apart or as one word: Пиди Джая / Підіджая
    return rel


_Word = tuple[str, str]
"""A token of a name: as written, and its key."""


def _one_word(words: list[_Word], lang: str) -> str:
    """The key of a name's words written together."""
    return token_key("".join(w for w, _ in words), lang)


def _words(text: str, keys: tuple[str, ...]) -> list[_Word]:
    written = split_tokens(text)
    if len(written) != len(keys):
        written = list(keys)
    return list(zip(written, keys, strict=True))


def _hyphens_joined(text: str, keys: tuple[str, ...]) -> list[_Word]:
    """The tokens with the parts of a hyphenated word joined: Кай-Фу -> Кайфу."""
    out: list[_Word] = []
    words = iter(_words(text, keys))
    for chunk in text.split():
        parts = [next(words, None) for _ in split_tokens(chunk)]
        got = [p for p in parts if p is not None]
        if got:
            out.append(("".join(w for w, _ in got), "".join(k for _, k in got)))
    return out


def _compare_words(
    a: list[_Word], b: list[_Word], mixed_scripts: bool, langs: tuple[str, str]
) -> NameRelation:
    pairs = _token_pairs(a, b, langs)
    kept = _kept_pairs(pairs, langs)
    if len(kept) < len(pairs) and kept and all(p.rel is NameRelation.SAME for p in kept):
        return NameRelation.ORTHOGRAPHY
    rels = [p.rel for p in kept]
    if not rels:
        return NameRelation.DIFFERENT  # nothing but common words or bare syllables
    if NameRelation.DIFFERENT in rels:
        if len(rels) == 1 or (rels[-1] is NameRelation.DIFFERENT and not _near(a[-1][1], b[-1][1])):
            return NameRelation.DIFFERENT  # another surname: another person (Стивън Лоулес)
        # The surname agrees while another token is unrelated: a different given name.
        rel = NameRelation.CONSONANT
    else:
        rel = max(rels, key=RELATION_RANK.__getitem__)
    if rel is NameRelation.CONSONANT and mixed_scripts:
        # a Latin original next to a Cyrillic transliteration (Brexit / Брексит,
        # Spencer / Спенсер, Louis / Луї): English spelling does not map letter by letter
        return NameRelation.ORTHOGRAPHY
    return rel


def _near(a: str, b: str) -> bool:
    """Keys too far apart for one respelling that still look alike (Киран / Киърман)."""
    return a[:3] == b[:3] or fuzz.ratio(a, b) >= 60


def other_given_name(a: NameMention, b: NameMention, langs: tuple[str, str] = NO_LANGS) -> bool:
    """For two mentions :func:`compare_names` calls CONSONANT: whether that is because the
    surname agrees while another token is unrelated (Бърнард Ван / Майкъл Ван): in one
    sentence a changed given name, across a whole text possibly two people."""
    pairs = _token_pairs(_words(a.text, a.tokens), _words(b.text, b.tokens), langs)
    kept = _kept_pairs(pairs, langs)
    return any(p.rel is NameRelation.DIFFERENT for p in kept)


@dataclass(frozen=True)
class _TokenPair:
    """A token of one mention facing its partner in the other."""

    a: str
    """The token as written in the first mention."""
    b: str
    """Its partner as written in the second mention."""
    key_a: str
    key_b: str
    rel: NameRelation


def _token_pairs(
    a: list[_Word], b: list[_Word], langs: tuple[str, str] = NO_LANGS
) -> list[_TokenPair]:
    if not a or not b:
        return []
    if len(a) == len(b):
        return [
            _TokenPair(x, y, kx, ky, _word_relation(x, kx, y, ky, langs))
            for (x, kx), (y, ky) in zip(a, b, strict=True)
        ]
    # Each token of the shorter name faces its best partner in the longer one.
    out = []
    for x, kx in a if len(a) < len(b) else b:
        y, ky = min(b if len(a) < len(b) else a, key=lambda w: _rank(kx, w[1]))
        wa, wb, ka, kb = (x, y, kx, ky) if len(a) < len(b) else (y, x, ky, kx)
        out.append(_TokenPair(wa, wb, ka, kb, _word_relation(wa, ka, wb, kb, langs)))
    return out


def _word_relation(
    x: str, kx: str, y: str, ky: str, langs: tuple[str, str] = NO_LANGS
) -> NameRelation:
    """How two written tokens relate: :func:`token_relation` of their keys, except that a
    Bulgarian schwa ъ stands for whatever vowel the other spelling has, or for none
    (Байдън / Байден, Александър / Александр): the convention, not a drift. Consonants still
    count (Байдън / Байгън). So do a language's other readings
    (:func:`~tcheck.extract.keys.other_readings`: Belarusian Іваноў / Иванов, Джонсан /
    Джонсон)."""
    rel = token_relation(kx, ky)
    if rel is NameRelation.SAME:
        return rel
    if ky in schwa_keys(x) or kx in schwa_keys(y):
        return NameRelation.SAME
    readings = [(r, ky) for r in other_readings(x, langs[0])]
    readings += [(kx, r) for r in other_readings(y, langs[1])]
    return min(
        [rel, *(token_relation(ra, rb) for ra, rb in readings)], key=RELATION_RANK.__getitem__
    )


def _rank(x: str, y: str) -> int:
    return RELATION_RANK[token_relation(x, y)]


def _kept_pairs(pairs: list[_TokenPair], langs: tuple[str, str] = NO_LANGS) -> list[_TokenPair]:
    """The pairs that speak about the spelling of the name: without the languages' own words
    and without unrelated one- or two-letter syllables (Ли / Ри Ён Хо: Korean and Chinese
    syllables vary with the romanisation). Once a name shows itself translated word by word
    (Братская Любовь / Бразер Лав, Северная / Северна), its other common words are
    translations too (Республика / Република)."""
    kept = [
        p
        for p in pairs
        if not (p.rel is NameRelation.DIFFERENT and max(len(p.key_a), len(p.key_b)) <= 2)
    ]
    translated = [p for p in kept if _translated(p, langs)]
    if not translated:
        return kept
    return [
        p
        for p in kept
        if p not in translated
        and (p.rel is NameRelation.SAME or not (plain_word(p.a) or plain_word(p.b)))
    ]


def _translated(p: _TokenPair, langs: tuple[str, str] = NO_LANGS) -> bool:
    """Whether a token pair is a word translated inside a name rather than one name respelled:
    both common words (Премьер-лиги / Прем'єр-лізі, Олимпиады / Олимпийските); a common word
    facing an unrelated word (Нижняя / Баха Калифорния, Ближний / Средния Изток), a word a
    dictionary reads as a name (Турецкое / Турция, Відень / Вена) or a word of a language
    without a dictionary here (Центрального / bg Сентръл)."""
    if p.rel is NameRelation.SAME:
        return False
    if common_word(p.a) and common_word(p.b):
        return True
    reading_a, reading_b = dictionary_reading(p.a), dictionary_reading(p.b)
    if "common" not in (reading_a, reading_b):
        return False
    if p.rel is NameRelation.CONSONANT and len(p.key_a) == len(p.key_b):
        return False  # a letter swapped, not a word derived: Кулеба / Кулева is a respelling
    if p.rel is NameRelation.DIFFERENT or {reading_a, reading_b} == {"common", "name"}:
        return True
    return _undictionaried_word(p, (reading_a, reading_b), langs)


def _undictionaried_word(
    p: _TokenPair, readings: tuple[str | None, str | None], langs: tuple[str, str]
) -> bool:
    """A ru/uk common word facing a word of a language without a dictionary here that the
    Russian stems do not explain either, longer or shorter in sounds than a changed consonant
    leaves it (ш -> п keeps the count): the one version translated the word, the other wrote
    its own word or transliterated the original (Центрального / bg Сентръл, Элитной / Елит,
    Республику / Република). Where both languages have a dictionary, its silence means a
    name: Кантен / Катен is a respelling although uk reads Катен as a word."""
    for (reading, lang), (other_reading, other_lang) in permutations(
        zip(readings, langs, strict=True)
    ):
        if (
            reading == "common"
            and lang in _morph.MORPH_LANGS
            and other_reading is None
            and other_lang
            and other_lang not in _morph.MORPH_LANGS
        ):
            return is_cyrillic(p.a) and is_cyrillic(p.b) and _sounds(p.key_a) != _sounds(p.key_b)
    return False


def _sounds(key: str) -> int:
    """Length of a key in sounds (a digraph is one)."""
    return len(sound_units(loose_key(key)))


def plain_word(word: str) -> bool:
    """Whether a dictionary knows a Cyrillic word, and only as a common word (Нижняя,
    Республіка, Центрального; not Мексики, a place in Russian, nor Кларк, a surname too)."""
    return dictionary_reading(word) == "common"


@functools.lru_cache(maxsize=1 << 14)
def dictionary_reading(word: str) -> str | None:
    """How the Russian and Ukrainian dictionaries read a Cyrillic word: ``"name"`` when some
    reading is a name, ``"common"`` when every reading is a common word, None when unknown.
    Ukrainian spellings are also looked up in Russian (the Ukrainian dictionary tags few
    places), Bulgarian ones through Russian stems."""
    if not is_cyrillic(word):
        return None
    low = normalize(word)
    cands = [(low, "ru"), (low, "uk"), (low.translate(_UK_LETTERS), "ru")]
    cands += [(c, "ru") for c in (*_bg_candidates(low), *_bg_adjective_forms(low))]
    known = False
    for cand, lang in cands:
        for _, grams, ok in _morph.parses(cand, lang):
            if ok and grams & _morph.PROPER_TAGS:
                return "name"
            known = known or ok
    return "common" if known else None


_UK_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г"})


@functools.lru_cache(maxsize=1 << 14)
def entity_reading(word: str, lang: str) -> str | None:
    """How the dictionaries first read a Cyrillic word as a name: ``"name"`` when the leading
    reading of some lookup is a proper name (Макрон: a diacritic in Russian but a surname in
    Ukrainian), ``"common"`` when the word is known and no lookup leads with a name (Рада,
    Ради: a council, "for the sake of"), None when no dictionary knows it.

    Unlike :func:`dictionary_reading`, a name hidden behind a common first reading does not
    count (Надежда, Мир). The Ukrainian dictionary tags few places, so a Ukrainian noun is read
    through the Russian spelling of its lemma (Херсоні -> херсон, Берліні -> берлин); a noun
    Russian does not know either stays unknown (Одесі)."""
    readings = [reading for reading, _, _ in _leading_parses(word, lang)]
    if "name" in readings:
        return "name"
    return "common" if "common" in readings else None


@functools.lru_cache(maxsize=1 << 14)
def entity_lemma(word: str, lang: str) -> str | None:
    """The name key of the entity a dictionary or the place tables take a word for (Греции ->
    Греция, Грузии -> Грузия; bg Гърция through the tables), or None when neither knows it
    as a name."""
    key = name_key(word, lang)
    if is_place_key(key):
        return key
    for reading, lemma, _ in _leading_parses(word, lang):
        if reading == "name":
            return name_key(lemma, "ru")
    return None


_KINDS = (("Geox", "place"), ("Orgn", "organisation"), ("Name", "person"), ("Surn", "person"))


@functools.lru_cache(maxsize=1 << 14)
def entity_kind(word: str, lang: str) -> str | None:
    """What a dictionary or the place tables take a word for: ``"place"``, ``"person"``,
    ``"organisation"``, or None when unknown."""
    if is_place_key(name_key(word, lang)):
        return "place"
    for reading, _, grams in _leading_parses(word, lang):
        if reading == "name":
            return next((kind for tag, kind in _KINDS if tag in grams), None)
    return None


@functools.lru_cache(maxsize=1 << 14)
def adjectival(word: str, lang: str) -> bool:
    """Whether a dictionary reads a Cyrillic word as an adjective, whatever it reads first
    (uk Червоного leads with the surname Червоний; Bulgarian through Russian long forms)."""
    low = normalize(word)
    if lang in _morph.MORPH_LANGS:
        cands = [(low, lang)]
    elif len(low) >= 5:  # short words give chance stems (Лос -> лосий)
        cands = [(c, "ru") for c in _bg_adjective_forms(low)]
    else:
        return False
    return any(
        ok and "ADJF" in grams
        for cand, tongue in cands
        for _, grams, ok in _morph.parses(cand, tongue)
    )


def _leading_parses(word: str, lang: str) -> list[tuple[str | None, str, frozenset[str]]]:
    """(first reading, lemma, grammemes) of a Cyrillic word in its own dictionary (Bulgarian
    through Russian stems) and, in dictionary form only, in the other one."""
    if not is_cyrillic(word):
        return []
    low = normalize(word)
    if lang not in _morph.MORPH_LANGS:
        if _has_article(low):
            return [("common", low, frozenset())]  # Съдебната: the article marks a common noun
        # Bulgarian does not decline: a name is in its dictionary form (Никой is "nobody",
        # not a form of the Russian name Ника)
        cands = list(_bg_candidates(low))
        if low[-1:] in ("а", "я"):
            cands.append(low[:-1] + ("ь" if low[-1] == "я" else ""))  # Севера: the short article
        return [_leading_reading(c, "ru", lemma_only=True) for c in cands] + [
            _cross_reading(low, "uk")
        ]
    other = "uk" if lang == "ru" else "ru"
    return [_leading_reading(low, lang), _cross_reading(low, other)]


def _cross_reading(word: str, lang: str) -> tuple[str | None, str, frozenset[str]]:
    """A word looked up in another language's dictionary, in dictionary form only (ru Люди
    is no form of the uk name Люда), and taken for a name only as a surname (ru Макрон is
    the uk surname Макрон; ru Север, "north", is no uk given name Север)."""
    reading, lemma, grams = _leading_reading(word, lang, lemma_only=True)
    if reading == "name" and "Surn" not in grams:
        return "common", lemma, grams
    return reading, lemma, grams


def _leading_reading(
    word: str, lang: str, *, lemma_only: bool = False
) -> tuple[str | None, str, frozenset[str]]:
    """The first dictionary reading of a word (``"name"``, ``"common"`` or None), its lemma
    and grammemes; ``lemma_only`` takes only a word in its dictionary form."""
    known = [
        (lemma, grams)
        for lemma, grams, ok in _morph.parses(word, lang)
        if ok and (lemma == word or not lemma_only)
    ]
    if not known:
        return None, word, frozenset()
    lemma, grams = known[0]
    if grams & _morph.PROPER_TAGS:
        return "name", lemma, grams
    if lang == "uk" and "NOUN" in grams:
        for cand in dict.fromkeys((lemma.translate(_UK_LETTERS), lemma.translate(_UK_TO_RU))):
            found = _leading_reading(cand, "ru")
            if found[0] is not None:
                return found
        return None, lemma, grams
    return "common", lemma, grams


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
    cands += [(c, "ru") for c in _bg_adjective_forms(low)]
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

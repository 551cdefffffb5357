"""Language identification from general linguistic cues and a character n-gram model.

Cyrillic languages share most letters, so each one is scored by how well the text fits its
alphabet, how often its own letters and function words occur and how often its typical word
endings do. The letter frequencies are rounded published tables and the word lists are the
languages' commonest function words, which keeps the cues predictable and easy to extend.
Letters that only some of the languages write (ы, і, ј, ў ...) decide first; among the
languages they leave, the cue score is added to the score of py3langid's byte n-gram model
(trained on Wikipedia, news, web and Tatoeba text), which tells apart short lines that share
every letter and function word, such as Serbian and Macedonian.

Languages given by the user (``--lang``, ``languages`` in the configuration) are checked
against the ISO 639 code tables here and spelled as identification spells them.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier


def _words(spec: str) -> frozenset[str]:
    """A word list written as blank-separated words."""
    return frozenset(spec.split())


UNDETERMINED = "und"

_LATIN_TO_CYRILLIC = str.maketrans("aceijopsxy", "асеіјорѕху")
_MIXED_WORD = re.compile(r"\b(?=[^\W\d_]*[\u0400-\u04ff])(?=[^\W\d_]*[a-z])[^\W\d_]+\b")

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


@dataclass(frozen=True, eq=False)
class _Profile:
    """The cues that describe one language."""

    code: str
    alphabet: frozenset[str]
    """Every lowercase letter the language uses; other letters of the same script cost points."""
    marks: dict[str, float]
    """Bonus (in nats) per occurrence of a letter typical of the language; used where no
    frequency table is given."""
    words: frozenset[str]
    """Frequent function words (conjunctions, prepositions, particles, pronouns, copulas)."""
    endings: tuple[str, ...] = ()
    """Word endings typical of the language (grammatical suffixes, definite articles)."""
    frequencies: str = ""
    """Approximate letter frequencies in percent (``"о 11 е 8.5 ..."``), from published tables;
    letters of the alphabet not listed share a small remainder."""


def _letters(spec: str) -> frozenset[str]:
    return frozenset(spec.replace(" ", ""))


_RU = _Profile(
    code="ru",
    alphabet=_letters("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    marks={},
    words=_words(
        """
        и в не на что с он как это по но из за у от к для о же так его она все бы ее её был
        была было были также уже или если только чтобы который которые которая которых после
        при мы они вы быть между более этого этой этом эти свой своей где когда чем есть нет
        ещё еще будет может даже очень них ним года году сейчас тоже лишь себя кто этот
        почему кого сегодня вчера лет всё что-то ничего нужно потому однако тоже здесь там
        один одна одно нас вас их меня тебя него неё нее нам перед против около через над
        под без ли ни мне тебе менее сказал сказала
        """
    ),
    endings=("ться", "ого", "ый", "ий", "ой", "ых", "ие", "ия", "ется", "ает", "ют", "ство"),
    frequencies="""
        о 11 е 8.5 а 8 и 7.4 н 6.7 т 6.3 с 5.5 р 4.7 в 4.5 л 4.4 к 3.5 м 3.2 д 3 п 2.8 у 2.6
        я 2 ы 1.9 ь 1.7 г 1.7 з 1.65 б 1.6 ч 1.45 й 1.2 х 1 ж 0.95 ш 0.75 ю 0.65 ц 0.5 щ
        0.36 э 0.32 ф 0.26 ъ 0.04 ё 0.1
    """,
)

_UK = _Profile(
    code="uk",
    alphabet=_letters("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’ʼ"),
    marks={},
    words=_words(
        """
        і й та в у на що з із зі до не як це від для за про але його її він вона вони ми ви
        також вже або якщо тільки щоб який яка які якого після при між бути був була було
        були є ще коли де чи так навіть дуже їх їм себе хто цей ця ці цього цієї році року
        зараз теж лише над під через без чому кого сьогодні вчора років всі все щось нічого
        може потрібно тому однак проте тут там один одна одне нас вас мене тебе нього неї
        ним нам проти близько ні буде мені тобі більш сказав сказала ж би б бо аби
        """
    ),
    endings=("ння", "ться", "ість", "ього", "ої", "ів", "ами", "ує", "ає", "ють"),
    frequencies="""
        о 9.3 а 8.4 н 7.2 и 6.1 і 5.7 в 5.4 т 5 е 4.9 р 4.6 с 4.2 к 3.9 л 3.5 у 3.4 д 3.2 м
        3.1 п 2.8 з 2.3 я 2.1 ь 1.7 г 1.5 б 1.5 ч 1.2 х 1.1 й 1 ж 0.9 ц 0.9 ю 0.8 ї 0.8 ш
        0.8 щ 0.5 є 0.4 ф 0.2 ’ 0.3 ' 0.2 ґ 0.02
    """,
)

_BE = _Profile(
    code="be",
    alphabet=_letters("абвгдеёжзійклмнопрстуўфхцчшыьэюя'’"),
    marks={},
    words=_words(
        """
        і ў у на што з да не як гэта ад для за пра але яго яе ён яна яны мы вы таксама ўжо
        або калі толькі каб які якая якія пасля пры паміж быў была было былі ёсць яшчэ дзе
        ці так нават вельмі іх ім сябе хто гэты гэтая гэтыя годзе года зараз таму праз без
        пад над не чаму каго сёння учора гадоў усе усё нешта нічога можа трэба аднак тут там
        адзін адна адно нас вас мяне цябе імі нам перад супраць каля ні будзе мне табе больш
        сказаў сказала ж бы б
        """
    ),
    endings=("ць", "цца", "ння", "ага", "ая", "ыя", "ых", "аў", "ці", "дзе"),
    frequencies="""
        а 11 о 5.8 н 6.5 і 5.5 е 5.2 ы 4.3 р 4.6 т 4.4 с 4.5 в 3.5 л 3.6 к 3.7 д 3.5 у 3.3 м
        3.1 п 2.8 ц 2.6 я 2.8 з 2.6 ь 1.4 г 1.3 б 1.5 ч 1.4 х 0.9 й 1.1 ж 0.8 ш 0.8 ў 1.6 э
        1.3 ю 0.6 ё 0.4 ф 0.2 ’ 0.3 ' 0.2
    """,
)

_BG = _Profile(
    code="bg",
    alphabet=_letters("абвгдежзийклмнопрстуфхцчшщъьюяѝ"),
    marks={},
    words=_words(
        """
        и в във на че с със се да за от по не е са като това този тази тези той тя те ние
        вие който която които което но или ако само след при между беше бяха бил била било
        били ще също вече още когато къде дали така много тях им си му ѝ й го ги ни ви през
        без към до над под защо какво кой къде сега днес вчера години година всички всичко
        нещо нищо може трябва защото обаче тук там един една едно нас мен теб него нея
        според срещу около чрез върху ли има няма съм сме сте бъде бе моля повече
        """
    ),
    endings=("ът", "ят", "ата", "ите", "ото", "ета", "ията", "ване", "ция", "ски", "ска"),
    frequencies="""
        а 9.5 о 8.6 е 8.2 и 8 н 7.3 т 7.4 р 5.3 с 4.6 в 4.3 л 3.4 к 3.6 д 3.3 п 3 м 2.8 з
        1.9 ъ 2 я 2.2 у 1.1 б 1.3 г 1.4 ч 1.2 ж 0.7 й 0.8 ш 0.6 щ 0.8 ц 0.9 х 0.8 ю 0.4 ф
        0.3 ь 0.05
    """,
)

_MK = _Profile(
    code="mk",
    alphabet=_letters("абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ"),
    marks={},
    words=_words(
        """
        и во на дека со се да за од по не е тоа овој оваа ова овие тој таа тие ние вие јас кој
        која кои кое чиј но или ако само при меѓу беше беа бил била било биле ќе исто веќе уште
        кога каде дали така многу малку нив им си му ѝ го ги ни ви ја ме те преку без кон до над
        под сите зошто што колку сега денес вчера утре години година сè сѐ нешто ништо некој
        никој секој може мора треба бидејќи затоа меѓутоа овде тука таму тогаш еден една едно
        нас мене тебе него неа нè пред според против околу низ врз кај освен оној онаа биде
        имаше има нема немаше сум сме сте како пак туку ниту еве ете повеќе помалку нивниот
        неговиот нејзиниот својот својата своите мојот
        """
    ),
    endings=("от", "ата", "ите", "ото", "ење", "ува", "ски", "ска", "ции", "ост"),
    frequencies="""
        а 12.5 о 9.5 е 9 и 8.5 т 6.5 н 6.5 р 4.8 с 4.3 д 4 в 4 к 3.8 л 3 п 2.9 м 2.8 ј 2 у 2
        г 1.8 з 1.8 б 1.5 ш 1 ч 1 ц 0.7 ќ 0.5 ж 0.5 њ 0.4 ф 0.3 х 0.3 ѓ 0.15 љ 0.1 џ 0.05 ѕ
        0.05 ѐ 0.02 ѝ 0.02
    """,
)

_SR = _Profile(
    code="sr",
    alphabet=_letters("абвгдђежзијклљмнњопрстћуфхцчџш"),
    marks={},
    words=_words(
        """
        и у на да је се за од по не су као то овај ова ово ови тај та ти он она оно они ми ви
        ја који која које али или ако само после при између био била било били бити ће такође
        већ још када где ли тако веома врло много мало њих им га му јој их ме те себе ко из са
        кроз без ка до над под биће јер него што о зашто шта колико током према против након
        због око док пре све сви сва свих више мање нису није јесте смо сте сам си нам вам њега
        њој њима њу мени теби овде тамо тада онда сада данас јуче сутра године годину код чак
        тек ни нити ван изнад испод поред путем уз кад има нема може мора треба како ево ето
        нешто ништа неко нико свако сваки свој своје свог своју свим њен његов њихов
        """
    ),
    endings=("ије", "ија", "ају", "ити", "ост", "ога", "ом", "ски", "ска", "ује", "ћи"),
    frequencies="""
        а 10.5 и 9.8 о 8.5 е 8 н 6.3 р 5 с 5 т 4.6 у 4.5 к 3.7 д 3.6 в 3.6 м 3.3 л 3.2 п 3.1
        ј 3 з 1.9 г 1.8 б 1.6 ш 1 ч 1 ц 0.8 ћ 0.8 њ 0.7 ж 0.6 х 0.5 љ 0.5 ф 0.3 ђ 0.3 џ 0.05
    """,
)

_EN = _Profile(
    code="en",
    alphabet=_letters("abcdefghijklmnopqrstuvwxyz"),
    marks={},
    words=_words(
        """
        the of and to in a is that for it on was with as he she by at from his her be are
        have has had not but they this which or an were been their its will would said who
        also after than more about into there can one i you we my me your our him them what
        when how do does did don't no yes so if just all out up
        """
    ),
    endings=("ing", "tion", "ed", "ly", "ness", "ment"),
)

_DE = _Profile(
    code="de",
    alphabet=_letters("abcdefghijklmnopqrstuvwxyzäöüß"),
    marks={"ä": 1.0, "ö": 1.0, "ü": 1.0, "ß": 2.0},
    words=_words(
        """
        der die das und ist nicht mit von zu den dem ein eine einer sich auf für auch es im
        ich sie er wir aber wie als nach bei noch wird wurde sind war
        """
    ),
    endings=("ung", "keit", "heit", "lich", "chen"),
)

_FR = _Profile(
    code="fr",
    alphabet=_letters("abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿœæ"),
    marks={"é": 0.7, "è": 0.7, "ê": 0.7, "ç": 1.0, "à": 0.5, "œ": 2.0},
    words=_words(
        """
        le la les de des du et est un une que qui dans pour pas sur au aux avec ne il elle
        nous vous ils ce cette son sa ses mais ou plus été par
        """
    ),
    endings=("ment", "tion", "eux", "aient"),
)

_ES = _Profile(
    code="es",
    alphabet=_letters("abcdefghijklmnopqrstuvwxyzáéíóúñü"),
    marks={"ñ": 2.0, "á": 0.7, "í": 0.7, "ó": 0.7, "ú": 0.7},
    words=_words(
        """
        el la los las de del y que en un una es por con para no se su sus al lo como pero
        más fue ha este esta también
        """
    ),
    endings=("ción", "mente", "dad", "ado", "ido"),
)

_PL = _Profile(
    code="pl",
    alphabet=_letters("aąbcćdeęfghijklłmnńoóprsśtuwyzźż"),
    marks={"ą": 2.0, "ę": 2.0, "ł": 2.0, "ś": 1.5, "ć": 1.5, "ż": 2.0, "ź": 2.0, "ń": 1.5},
    words=_words(
        """
        i w na nie z się do że to jest o jak po od za przez dla jego jej oraz ale czy także
        już był była było są które który która
        """
    ),
    endings=("ość", "ego", "ych", "ie", "ania"),
)

PROFILES: tuple[_Profile, ...] = (_RU, _UK, _BE, _BG, _MK, _SR, _EN, _DE, _FR, _ES, _PL)
"""Languages told apart by cues; a text in another script is named by its script instead."""

_SCRIPT_LANGS: dict[str, str] = {
    "GREEK": "el",
    "ARMENIAN": "hy",
    "HEBREW": "he",
    "ARABIC": "ar",
    "GEORGIAN": "ka",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "THAI": "th",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
}
"""Scripts that (nearly) identify a language; used when no profile matches the script."""

_FOREIGN_LOGP = math.log(0.0005)
"""Log-probability of a letter the language's alphabet lacks (names and quotes do occur)."""
_LETTER_WEIGHT = 0.3
"""How much the letter model counts against word cues (letter tables are approximate)."""
_WORD_WEIGHT = 1.2
_ENDING_WEIGHT = 0.35
_CONFIDENCE_SCALE = 4.0
"""Score margin (in cue points) at which confidence reaches about 63%."""

_DECISIVE = frozenset("ёыэъіїєґўѓќѕѐђћјљњџ")
"""Letters that only some of the languages of a script write; a language whose alphabet
lacks the letters a text uses is ruled out before the scores are compared, unless no
language writes them all."""


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for script in ("CYRILLIC", "LATIN", *_SCRIPT_LANGS):
        if name.startswith(script) or f" {script} " in f" {name} ":
            return script
    return "OTHER"


def identify_language(text: str) -> tuple[str, float]:
    """Return the ISO 639-1 code of ``text``'s language and a 0..1 confidence.

    ``("und", 0.0)`` when the text has no letters. Works on single lines as well as documents.
    """
    lowered = _fold_homoglyphs(text.lower())
    letters = Counter(ch for ch in lowered if ch.isalpha())
    if not letters:
        return UNDETERMINED, 0.0
    scripts: Counter[str] = Counter()
    for ch, n in letters.items():
        scripts[_script(ch)] += n
    main_script, _ = scripts.most_common(1)[0]
    if main_script in _SCRIPT_LANGS:
        return _script_language(scripts), min(1.0, scripts[main_script] / letters.total())
    candidates = [p for p in PROFILES if _profile_script(p) == main_script]
    if not candidates:
        return UNDETERMINED, 0.0
    script_letters = {ch: n for ch, n in letters.items() if _script(ch) == main_script}
    candidates = _allowed_by_letters(candidates, script_letters)
    words = [w.replace("ʼ", "’") for w in _WORD.findall(lowered)]
    scores = {p.code: _score(p, script_letters, words) for p in candidates}
    if len(scores) > 1:
        for code, score in _model_scores(text, scores.keys()).items():
            scores[code] += score
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, best_score = ranked[0]
    margin = best_score - ranked[1][1] if len(ranked) > 1 else _CONFIDENCE_SCALE * 3
    confidence = 1.0 - math.exp(-max(margin, 0.0) / _CONFIDENCE_SCALE)
    return best, round(confidence, 4)


def _allowed_by_letters(candidates: list[_Profile], letters: dict[str, int]) -> list[_Profile]:
    """The candidates whose alphabets hold every decisive letter of the text.

    When none does (a Russian document quoting Ukrainian names), no candidate is ruled out
    and the scores decide, so a borrowed letter cannot hand the text to a third language
    that happens to write both sets of letters.
    """
    decisive = letters.keys() & _DECISIVE
    allowed = [p for p in candidates if decisive <= p.alphabet]
    return allowed or candidates


def _model_scores(text: str, codes: Iterable[str]) -> dict[str, float]:
    """Log-likelihood of ``text`` under the n-gram model for each of ``codes``, relative to
    the best of them (0.0 for all when the text has no n-gram the model knows)."""
    wanted = set(codes)
    ranked = [(code, score) for code, score in _detector().rank(text) if code in wanted]
    top = ranked[0][1]
    return {code: score - top for code, score in ranked}


@functools.cache
def _detector() -> LanguageIdentifier:
    """The n-gram model, restricted to the profiled languages; loaded on first use (~0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages([p.code for p in PROFILES])
    return identifier


def _fold_homoglyphs(text: str) -> str:
    """Replace Latin look-alikes inside Cyrillic words (``oд`` with a Latin ``o``).

    Mixed-script words are common in pasted and OCR-ed text; left alone they hide the letters
    that tell the languages apart.
    """
    return _MIXED_WORD.sub(lambda m: m.group().translate(_LATIN_TO_CYRILLIC), text)


def _script_language(scripts: Counter[str]) -> str:
    # Japanese mixes kana with Han characters; any kana at all means Japanese, not Chinese.
    if scripts["HIRAGANA"] or scripts["KATAKANA"]:
        return "ja"
    if scripts["HANGUL"]:
        return "ko"
    main = max(_SCRIPT_LANGS.keys() & scripts.keys(), key=lambda s: scripts[s])
    return _SCRIPT_LANGS[main]


def _profile_script(profile: _Profile) -> str:
    return Counter(_script(ch) for ch in profile.alphabet).most_common(1)[0][0]


def _score(profile: _Profile, letters: dict[str, int], words: list[str]) -> float:
    logp = _letter_logp(profile)
    score = _LETTER_WEIGHT * sum(n * logp.get(ch, _FOREIGN_LOGP) for ch, n in letters.items())
    for word in words:
        if word in profile.words:
            score += _WORD_WEIGHT
        elif len(word) > 3 and word.endswith(profile.endings):
            score += _ENDING_WEIGHT
    return score


@functools.cache
def _letter_logp(profile: _Profile) -> dict[str, float]:
    """Log-probability of each letter of the alphabet (marks add to it as a bonus)."""
    listed: dict[str, float] = {}
    spec = profile.frequencies.split()
    for letter, percent in zip(spec[::2], spec[1::2], strict=True):
        listed[letter] = float(percent) / 100
    rest = [ch for ch in profile.alphabet if ch not in listed]
    remainder = max(1.0 - sum(listed.values()), 0.02)
    for ch in rest:
        listed[ch] = remainder / len(rest)
    total = sum(listed.values())
    return {ch: math.log(p / total) + profile.marks.get(ch, 0.0) for ch, p in listed.items()}


def _code_pairs(spec: str) -> dict[str, str]:
    """A table written as blank-separated pairs of codes: ``"aa aar  ab abk"``."""
    codes = spec.split()
    return dict(zip(codes[::2], codes[1::2], strict=True))


_ISO_639_1 = _code_pairs(
    """
    aa aar  ab abk  ae ave  af afr  ak aka  am amh  an arg  ar ara  as asm  av ava  ay aym
    az aze  ba bak  be bel  bg bul  bi bis  bm bam  bn ben  bo bod  br bre  bs bos  ca cat
    ce che  ch cha  co cos  cr cre  cs ces  cu chu  cv chv  cy cym  da dan  de deu  dv div
    dz dzo  ee ewe  el ell  en eng  eo epo  es spa  et est  eu eus  fa fas  ff ful  fi fin
    fj fij  fo fao  fr fra  fy fry  ga gle  gd gla  gl glg  gn grn  gu guj  gv glv  ha hau
    he heb  hi hin  ho hmo  hr hrv  ht hat  hu hun  hy hye  hz her  ia ina  id ind  ie ile
    ig ibo  ii iii  ik ipk  io ido  is isl  it ita  iu iku  ja jpn  jv jav  ka kat  kg kon
    ki kik  kj kua  kk kaz  kl kal  km khm  kn kan  ko kor  kr kau  ks kas  ku kur  kv kom
    kw cor  ky kir  la lat  lb ltz  lg lug  li lim  ln lin  lo lao  lt lit  lu lub  lv lav
    mg mlg  mh mah  mi mri  mk mkd  ml mal  mn mon  mr mar  ms msa  mt mlt  my mya  na nau
    nb nob  nd nde  ne nep  ng ndo  nl nld  nn nno  no nor  nr nbl  nv nav  ny nya  oc oci
    oj oji  om orm  or ori  os oss  pa pan  pi pli  pl pol  ps pus  pt por  qu que  rm roh
    rn run  ro ron  ru rus  rw kin  sa san  sc srd  sd snd  se sme  sg sag  sh hbs  si sin
    sk slk  sl slv  sm smo  sn sna  so som  sq sqi  sr srp  ss ssw  st sot  su sun  sv swe
    sw swa  ta tam  te tel  tg tgk  th tha  ti tir  tk tuk  tl tgl  tn tsn  to ton  tr tur
    ts tso  tt tat  tw twi  ty tah  ug uig  uk ukr  ur urd  uz uzb  ve ven  vi vie  vo vol
    wa wln  wo wol  xh xho  yi yid  yo yor  za zha  zh zho  zu zul
    """
)
"""ISO 639-1 code -> ISO 639-3 code of the same language (from the SIL ISO 639-3 table)."""

_ALIASES = _code_pairs(
    """
    alb sq  arm hy  baq eu  bur my  chi zh  cze cs  dut nl  fre fr  geo ka  ger de  gre el
    ice is  mac mk  mao mi  may ms  per fa  rum ro  slo sk  tib bo  wel cy
    iw he  in id  ji yi  jw jv  mo ro
    """
)
"""ISO 639-2/B codes (``ger``) and withdrawn ISO 639-1 codes (``iw``) still in use -> 639-1."""

_FROM_639_3 = {three: two for two, three in _ISO_639_1.items()} | _ALIASES

_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
"""A language code with optional script and region subtags: ``ru``, ``pt-BR``, ``sr_Latn``."""


def language_code(tag: str) -> str:
    """The code tcheck uses for the language ``tag`` names: ISO 639-1 where there is one.

    ``RU``, ``rus``, ``ru-RU`` and ``ru_Cyrl`` all give ``ru`` (identification and the
    language-aware checks speak 639-1); a 639-3 code of a language without a two-letter code
    stays as it is (``rue``). Script and region subtags are dropped, as locale trees drop
    them. Raises ValueError for anything that is no ISO 639 language code.
    """
    match = _LANGUAGE_TAG.fullmatch(tag.strip())
    code = match.group(1).lower() if match else ""
    if code in _ISO_639_1:
        return code
    if code in _FROM_639_3:
        return _FROM_639_3[code]
    if code in _iso_639_3():
        return code
    raise ValueError(
        f"unknown language code {tag!r} (expected ISO 639-1 such as 'ru' or ISO 639-3 such as"
        " 'rus')"
    )


@functools.cache
def _iso_639_3() -> frozenset[str]:
    """Every ISO 639-3 code but the special ones (mis, mul, und, zxx), from the SIL table."""
    text = resources.files("tcheck").joinpath("data/iso639-3.txt").read_text(encoding="ascii")
    return frozenset(
        code for line in text.splitlines() if not line.startswith("#") for code in line.split()
    )

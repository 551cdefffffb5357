"""Language codes as each model family spells them, and the default models per language pair.

Pure functions with no model involved: tcheck speaks ISO 639-1 (``ru``), NLLB-200 wants
``rus_Cyrl``, M2M100 wants ``ru``, and multi-target OPUS-MT models want a ``>>rus<<`` token.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from tcheck.errors import BackboneError


class Family(enum.Enum):
    """How a model is told which languages to translate between."""

    MARIAN = "marian"  # one pair per model; multi-target ones take a >>tgt<< prefix token
    NLLB = "nllb"  # tokenizer.src_lang = rus_Cyrl, forced BOS = eng_Latn
    M2M100 = "m2m100"  # tokenizer.src_lang = ru, forced BOS = __en__
    PLAIN = "plain"  # any other seq2seq model: texts go in as they are


# ISO 639-1 -> (ISO 639-3, NLLB-200 code). Languages tcheck reads first come first.
_LANGS: dict[str, tuple[str, str]] = {
    "ru": ("rus", "rus_Cyrl"),
    "uk": ("ukr", "ukr_Cyrl"),
    "bg": ("bul", "bul_Cyrl"),
    "be": ("bel", "bel_Cyrl"),
    "mk": ("mkd", "mkd_Cyrl"),
    "sr": ("srp", "srp_Cyrl"),
    "en": ("eng", "eng_Latn"),
    "de": ("deu", "deu_Latn"),
    "fr": ("fra", "fra_Latn"),
    "es": ("spa", "spa_Latn"),
    "it": ("ita", "ita_Latn"),
    "pt": ("por", "por_Latn"),
    "nl": ("nld", "nld_Latn"),
    "pl": ("pol", "pol_Latn"),
    "cs": ("ces", "ces_Latn"),
    "sk": ("slk", "slk_Latn"),
    "sl": ("slv", "slv_Latn"),
    "hr": ("hrv", "hrv_Latn"),
    "bs": ("bos", "bos_Latn"),
    "ro": ("ron", "ron_Latn"),
    "hu": ("hun", "hun_Latn"),
    "lt": ("lit", "lit_Latn"),
    "lv": ("lav", "lvs_Latn"),
    "et": ("est", "est_Latn"),
    "fi": ("fin", "fin_Latn"),
    "sv": ("swe", "swe_Latn"),
    "da": ("dan", "dan_Latn"),
    "no": ("nor", "nob_Latn"),
    "el": ("ell", "ell_Grek"),
    "tr": ("tur", "tur_Latn"),
    "ka": ("kat", "kat_Geor"),
    "hy": ("hye", "hye_Armn"),
    "kk": ("kaz", "kaz_Cyrl"),
    "az": ("aze", "azj_Latn"),
    "he": ("heb", "heb_Hebr"),
    "ar": ("ara", "arb_Arab"),
    "fa": ("fas", "pes_Arab"),
    "zh": ("zho", "zho_Hans"),
    "ja": ("jpn", "jpn_Jpan"),
    "ko": ("kor", "kor_Hang"),
}
_FROM_639_3 = {three: two for two, (three, _) in _LANGS.items()}
_FROM_NLLB = {nllb: two for two, (_, nllb) in _LANGS.items()}

# OPUS-MT models that cover several source languages, tried after the one-pair model.
# zle = East Slavic (be, ru, uk), zls = South Slavic (bg, mk, sr, ...), sla = all Slavic.
_GROUPS: dict[str, tuple[str, ...]] = {
    "zle": ("be", "ru", "uk"),
    "zls": ("bg", "bs", "hr", "mk", "sl", "sr"),
    "sla": ("be", "bg", "bs", "cs", "hr", "mk", "pl", "ru", "sk", "sl", "sr", "uk"),
}
OPUS = "Helsinki-NLP/opus-mt-{src}-{tgt}"
NLLB_DEFAULT = "facebook/nllb-200-distilled-600M"


def base_lang(lang: str) -> str:
    """ISO 639-1 code of a language: ``RU``, ``rus``, ``ru-RU``, ``rus_Cyrl`` -> ``ru``."""
    text = lang.strip()
    if text in _FROM_NLLB:
        return _FROM_NLLB[text]
    head = text.replace("_", "-").split("-")[0].lower()
    if not head:
        raise BackboneError("empty language code given to the MT backbone")
    return _FROM_639_3.get(head, head)


def iso3(lang: str) -> str:
    """ISO 639-3 code of a language (``"uk"`` -> ``"ukr"``); unknown codes come back as given."""
    two = base_lang(lang)
    return _LANGS[two][0] if two in _LANGS else two


def nllb_code(lang: str) -> str:
    """NLLB-200 / FLORES-200 code (``"uk"`` -> ``"ukr_Cyrl"``); NLLB codes pass through."""
    if lang.strip() in _FROM_NLLB:
        return lang.strip()
    two = base_lang(lang)
    if two not in _LANGS:
        raise BackboneError(
            f"no NLLB-200 language code known for '{lang}': pass a FLORES-200 code such as"
            " 'rus_Cyrl' or choose another model with --model"
        )
    return _LANGS[two][1]


def m2m_code(lang: str) -> str:
    """M2M100 code: ISO 639-1 (``"rus_Cyrl"`` -> ``"ru"``)."""
    return base_lang(lang)


def marian_target_token(tgt: str, supported: Iterable[str]) -> str | None:
    """The ``>>xx<<`` token a multi-target Marian model needs for ``tgt``.

    Returns None when the model has no such tokens (a one-target model). Raises BackboneError when
    it has some but none for ``tgt``. Prefers the exact code given, then ISO 639-3, then 639-1, then
    a script variant (``>>srp_Cyrl<<``).
    """
    codes = [c for c in supported if c.startswith(">>") and c.endswith("<<")]
    if not codes:
        return None
    two = base_lang(tgt)
    three = iso3(tgt)
    raw = tgt.strip()
    for candidate in (raw, three, two):
        token = f">>{candidate}<<"
        if token in codes:
            return token
    for token in sorted(codes):
        inner = token[2:-2]
        if inner.split("_")[0] in (two, three):
            return token
    shown = ", ".join(sorted(codes)[:8]) + (" ..." if len(codes) > 8 else "")
    raise BackboneError(
        f"the model cannot translate into '{tgt}': it knows only the target tokens {shown};"
        " choose another model for this pair"
    )


def detect_family(model_type: str, tokenizer_class: str) -> Family:
    """Family of a model from ``config.model_type`` and the tokenizer's class name."""
    tok = tokenizer_class.lower()
    if "nllb" in tok:
        return Family.NLLB
    if "m2m100" in tok or "m2m_100" in model_type:
        return Family.M2M100
    if model_type == "marian" or "marian" in tok:
        return Family.MARIAN
    return Family.PLAIN


def default_candidates(src: str, tgt: str) -> list[str]:
    """Hub ids worth trying for a pair when no model is configured, best first.

    The one-pair OPUS-MT model, then multi-source/target group models (a ``>>tgt<<`` token is
    added for those that need one), then NLLB-200 distilled 600M, which covers every pair.
    """
    s, t = base_lang(src), base_lang(tgt)
    out = [OPUS.format(src=s, tgt=t)]
    for group, members in _GROUPS.items():
        if s in members:
            out.append(OPUS.format(src=group, tgt=t))
        if t in members:
            out.append(OPUS.format(src=s, tgt=group))
    if t == "en":
        out.append(OPUS.format(src="mul", tgt="en"))
    out.append(NLLB_DEFAULT)
    return list(dict.fromkeys(out))

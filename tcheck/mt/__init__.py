"""MT backbone: translate every version's sentences to a pivot language, with an on-disk cache.

Importing this package is cheap: torch and transformers load only when a model is first used.

>>> settings = MTSettings(model="Helsinki-NLP/opus-mt-ru-en")      # doctest: +SKIP
>>> translator = make_translator(settings)                           # doctest: +SKIP
>>> translator.translate(["Привет, мир."], src="ru", tgt="en")       # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable

from tcheck.mt.cache import CachedTranslator, TranslationCache, default_cache_dir
from tcheck.mt.hf import HFTranslator, load_translator, resolve_device
from tcheck.mt.langs import (
    Family,
    base_lang,
    default_candidates,
    detect_family,
    iso3,
    m2m_code,
    marian_target_token,
    nllb_code,
)
from tcheck.mt.oracle import ParallelFileTranslator
from tcheck.mt.resolve import Located, locate, model_available
from tcheck.mt.settings import MTSettings, Translator

__all__ = [
    "CachedTranslator",
    "Family",
    "HFTranslator",
    "Located",
    "MTSettings",
    "ParallelFileTranslator",
    "TranslationCache",
    "Translator",
    "base_lang",
    "default_cache_dir",
    "default_candidates",
    "detect_family",
    "iso3",
    "load_translator",
    "locate",
    "m2m_code",
    "make_translator",
    "marian_target_token",
    "model_available",
    "nllb_code",
    "resolve_device",
]


def make_translator(
    settings: MTSettings, *, progress: Callable[[int, int], None] | None = None
) -> Translator:
    """``load_translator`` wrapped in the on-disk cache when ``settings.cache`` is on."""
    translator = load_translator(settings, progress=progress)
    if not settings.cache:
        return translator
    return CachedTranslator(translator, TranslationCache.from_settings(settings))

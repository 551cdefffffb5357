"""The mt backbone: every version translated into one pivot language, then compared as text there.

Sentences are compared through their pivot translations (character n-grams and word stems, the
Bleualign idea) plus anchors read from the original text that survive translation: numbers,
Latin-script tokens and proper names. torch and transformers load only when a model runs.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from tcheck.align.features import (
    LATIN_WEIGHT,
    STEM_LEN,
    Features,
    FeatureSpace,
    fold_word,
    sentence_tokens,
)
from tcheck.config import Config
from tcheck.errors import BackboneError, ConfigError
from tcheck.model import Version
from tcheck.mt import MTSettings, Translator, base_lang, make_translator
from tcheck.mt.resolve import offline, pick, unavailable_message

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

NAME_WEIGHT = LATIN_WEIGHT
"""Weight of a proper-name anchor (a capitalised word inside a sentence, folded)."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ANCHOR_PREFIXES = ("#", "L:")
_REVISION = re.compile(r"@[^,\s]+")
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?")


@dataclass(frozen=True)
class PivotPlan:
    """Which language every version is translated into, and which versions stay as they are."""

    lang: str
    """The pivot language (ISO 639-1)."""
    keep: frozenset[str]
    """Ids of the versions already in the pivot language (used untranslated)."""

    def pairs(self, versions: Sequence[Version]) -> list[tuple[str, str]]:
        """The (source, pivot) language pairs the translated versions need, sorted."""
        return sorted({(base_lang(v.lang), self.lang) for v in versions if v.id not in self.keep})


def plan_pivot(versions: Sequence[Version], pivot: str) -> PivotPlan:
    """``pivot`` is a version id (its language is used, the version kept) or a language code."""
    by_id = {v.id: v for v in versions}
    if pivot not in by_id and not _LANG_CODE.fullmatch(pivot.strip()):
        raise ConfigError(
            f"pivot {pivot!r} is neither a language code (en, uk...) nor a version id"
            f" ({', '.join(by_id)})"
        )
    lang = base_lang(by_id[pivot].lang if pivot in by_id else pivot)
    return PivotPlan(lang, frozenset(v.id for v in versions if base_lang(v.lang) == lang))


def settings_from_config(config: Config) -> MTSettings:
    """The translation settings named by a run's configuration (models from disk only)."""
    return MTSettings(
        model=config.model,
        models=dict(config.models),
        device=config.device,
        batch_size=config.batch_size,
        beams=config.beams,
        cache=config.cache,
        cache_dir=config.cache_dir,
    )


def mt_available(config: Config, versions: Sequence[Version]) -> bool:
    """For ``--backbone auto``: a model is configured and on disk for every pair (offline, cheap)."""
    if config.model is None and not config.models:
        return False
    try:
        plan = plan_pivot(versions, config.pivot)
        missing = missing_model(settings_from_config(config), plan.pairs(versions))
    except BackboneError as exc:
        missing = str(exc)
    if missing:
        log.warning("%s; using the lexical backbone", missing)
    return missing is None


def missing_model(settings: MTSettings, pairs: Sequence[tuple[str, str]]) -> str | None:
    """How to get the first pair's model that is not on disk (None when all are there)."""
    for src, tgt in pairs:
        loc = pick(settings, src, tgt)
        if not loc.available:
            return unavailable_message(loc)
    return None


def require_models(settings: MTSettings, pairs: Sequence[tuple[str, str]]) -> None:
    """Raise the actionable BackboneError of the first pair whose model is not on disk."""
    if not offline(settings):
        return  # downloads allowed: the translator fetches what is missing
    missing = missing_model(settings, pairs)
    if missing:
        raise BackboneError(missing)


class MTScorer:
    """Backbone that compares versions through their translations into a pivot language."""

    sees_free_translation = True

    def __init__(
        self, translator: Translator, *, pivot: str = "en", settings: MTSettings | None = None
    ) -> None:
        self.translator = translator
        self.pivot = pivot
        """Pivot language code, or the id of the version whose language is the pivot."""
        self.settings = settings
        """Hugging Face settings, when given: every model is checked on disk before translating."""
        self.pivot_lang: str | None = None
        """The pivot language of the last :meth:`features` call."""
        self.translations: dict[str, tuple[str, ...]] = {}
        """Version id -> pivot translation of each sentence, from the last :meth:`features` call."""

    @classmethod
    def from_config(cls, config: Config | None, *, progress: Progress | None = None) -> MTScorer:
        """A scorer with the Hugging Face translator (and cache) that ``config`` describes."""
        config = config or Config()
        settings = settings_from_config(config)
        translator = make_translator(settings, progress=progress)
        return cls(translator, pivot=config.pivot, settings=settings)

    @property
    def name(self) -> str:
        """``mt:<model id>`` (revisions left out: the translation cache keys on them)."""
        return "mt:" + _REVISION.sub("", self.translator.name)

    def features(self, versions: Sequence[Version]) -> list[Features]:
        plan = plan_pivot(versions, self.pivot)
        if self.settings is not None:
            require_models(self.settings, plan.pairs(versions))
        self.pivot_lang = plan.lang
        self.translations = translate_versions(versions, plan, self.translator)
        docs = [
            [
                pivot_tokens(translated, s.text)
                for s, translated in zip(v.sentences, self.translations[v.id], strict=True)
            ]
            for v in versions
        ]
        space = FeatureSpace()
        matrices = space.vectorize(docs)
        out = []
        for v, m in zip(versions, matrices, strict=True):
            m.resize((m.shape[0], space.width))
            lengths = np.array([len(t) for t in self.translations[v.id]], dtype=np.float64)
            out.append(Features(m, lengths))
        return out


def translate_versions(
    versions: Sequence[Version], plan: PivotPlan, translator: Translator
) -> dict[str, tuple[str, ...]]:
    """Pivot translation of every sentence; one translator call per source language."""
    out: dict[str, tuple[str, ...]] = {}
    by_lang: dict[str, list[Version]] = {}
    for v in versions:
        if v.id in plan.keep:
            out[v.id] = tuple(s.text for s in v.sentences)
        else:
            by_lang.setdefault(base_lang(v.lang), []).append(v)
    for src, group in by_lang.items():
        texts = [s.text for v in group for s in v.sentences]
        translated = translator.translate(texts, src=src, tgt=plan.lang)
        if len(translated) != len(texts):
            raise BackboneError(
                f"translator {translator.name!r} returned {len(translated)} translations"
                f" for {len(texts)} {src} sentences"
            )
        start = 0
        for v in group:
            out[v.id] = tuple(translated[start : start + len(v.sentences)])
            start += len(v.sentences)
        log.info("translated %d %s sentences into %s", len(texts), src, plan.lang)
    calls, hits = getattr(translator, "model_calls", None), getattr(translator, "cache_hits", None)
    if calls is not None:
        log.info("translation cache: %s hits, %s sentences sent to the model", hits, calls)
    return out


def pivot_tokens(translation: str, source: str) -> Counter[str]:
    """Features of one sentence: its translation's n-grams and stems, the source's anchors.

    Numbers and Latin tokens are read from the source, where they are exact (a model may
    reformat or drop them); Latin tokens only from non-Latin text, where they stand out.
    """
    feats = Counter(
        {
            k: c
            for k, c in sentence_tokens(translation).items()
            if not k.startswith(_ANCHOR_PREFIXES)
        }
    )
    latin_source = _mostly_latin(source)
    for key, count in sentence_tokens(source).items():
        if key.startswith("#") or (key.startswith("L:") and not latin_source):
            feats[key] += count
    for key in name_keys(source):
        feats["N:" + key] += NAME_WEIGHT
    return feats


def name_keys(text: str) -> list[str]:
    """Folded stems of capitalised words after the first: proper names, in any script."""
    words = _WORD.findall(text)
    return [fold_word(w)[:STEM_LEN] for w in words[1:] if len(w) >= 3 and w[0].isupper()]


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch.isascii())
    return bool(letters) and latin * 2 > len(letters)

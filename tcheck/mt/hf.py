"""Hugging Face seq2seq translation (Marian/OPUS-MT, NLLB-200, M2M100) behind the Translator API.

torch and transformers are imported inside functions only: importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tcheck.errors import BackboneError
from tcheck.mt.langs import (
    Family,
    base_lang,
    detect_family,
    m2m_code,
    marian_target_token,
    nllb_code,
)
from tcheck.mt.resolve import Located, locate, offline, pick, unavailable_message
from tcheck.mt.settings import MTSettings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LoadedModel:
    """A model and tokenizer ready on a device."""

    name: str
    family: Family
    tokenizer: Any
    model: Any
    device: Any


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _import_torch() -> Any:
    try:
        import torch
        import transformers  # noqa: F401
    except ImportError as exc:
        raise BackboneError(
            f"the MT backbone needs torch and transformers ({exc.name} is missing):"
            " pip install 'tcheck[mt]'"
        ) from None
    return torch


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """Silence transformers' progress bars and advice while tcheck drives it (restored after)."""
    from transformers.utils import logging as hf_logging

    if log.isEnabledFor(logging.DEBUG):
        yield
        return
    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def resolve_device(requested: str) -> Any:
    """``auto`` -> CUDA when available, else CPU; ``cuda`` without CUDA is an error."""
    torch = _import_torch()
    if requested == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if requested.startswith("cuda"):
        if not torch.cuda.is_available():
            raise BackboneError(
                f"device '{requested}' was asked for but CUDA is not available"
                f" (torch {torch.__version__}); use --device cpu or auto"
            )
        device = torch.device(requested)
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise BackboneError(
                f"device '{requested}' does not exist: {torch.cuda.device_count()} CUDA device(s)"
            )
        return device
    return torch.device("cpu")


def _is_oom(exc: BaseException) -> bool:
    torch = _import_torch()
    if isinstance(exc, torch.cuda.OutOfMemoryError):
        return True
    return isinstance(exc, RuntimeError) and "out of memory" in str(exc).lower()


class HFTranslator:
    """Translates with Hugging Face models, one per language pair, loaded on first use."""

    def __init__(self, settings: MTSettings, *, progress: Progress | None = None) -> None:
        self.settings = settings
        self.progress = progress
        self._picked: dict[tuple[str, str], Located] = {}
        self._loaded: dict[str, LoadedModel] = {}
        self._device: Any = None
        self._batch_cap = settings.batch_size

    # -- naming (cheap: no model is loaded) ---------------------------------------------------

    def located(self, src: str, tgt: str) -> Located:
        """The model that serves a pair; BackboneError when it cannot be had."""
        key = (base_lang(src), base_lang(tgt))
        if key not in self._picked:
            loc = pick(self.settings, src, tgt)
            if not loc.available:
                if offline(self.settings):
                    raise BackboneError(unavailable_message(loc))
                # Downloads are allowed: fetch now, so the revision is known before caching.
                self._load(loc)
                loc = pick(self.settings, src, tgt)
                if not loc.available:
                    raise BackboneError(unavailable_message(loc))
            self._picked[key] = loc
        return self._picked[key]

    def name_for(self, src: str, tgt: str) -> str:
        """``id@revision`` of the model used for ``src -> tgt``."""
        return self.located(src, tgt).name

    @property
    def name(self) -> str:
        """The one configured model, else ``ru-en=id@rev, ...`` for the pairs used so far."""
        if self.settings.model is not None and not self.settings.models:
            return locate(self.settings.model).name
        if not self._picked:
            return "per-pair models"
        return ", ".join(f"{s}-{t}={loc.name}" for (s, t), loc in sorted(self._picked.items()))

    @property
    def decoding(self) -> str:
        return self.settings.decoding

    # -- loading -------------------------------------------------------------------------------

    @property
    def device(self) -> Any:
        """The torch device models run on (resolved on first use)."""
        if self._device is None:
            self._device = resolve_device(self.settings.device)
            log.info("MT backbone runs on %s", self._device)
        return self._device

    def _load(self, loc: Located) -> LoadedModel:
        if loc.load_from in self._loaded:
            return self._loaded[loc.load_from]
        _import_torch()
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        device = self.device
        local_only = offline(self.settings)
        log.info("loading MT model %s", loc.ref if loc.ref == loc.load_from else loc.load_from)
        try:
            with _quiet_transformers():
                tokenizer = AutoTokenizer.from_pretrained(
                    loc.load_from, local_files_only=local_only
                )
                model = AutoModelForSeq2SeqLM.from_pretrained(
                    loc.load_from, local_files_only=local_only
                )
        except (OSError, ValueError, KeyError, ImportError, RuntimeError, TypeError) as exc:
            if isinstance(exc, OSError) and not loc.available:
                raise BackboneError(unavailable_message(loc)) from None
            raise BackboneError(
                f"cannot load model '{loc.ref}': {type(exc).__name__}: {_one_line(exc)}"
            ) from None
        model.eval()
        if device.type == "cuda":
            model.half()
        model.to(device)
        family = detect_family(
            str(getattr(model.config, "model_type", "")), type(tokenizer).__name__
        )
        name = loc.name
        if loc.revision is None and getattr(model.config, "_commit_hash", None):
            name = f"{loc.ref}@{model.config._commit_hash}"
        loaded = LoadedModel(name, family, tokenizer, model, device)
        self._loaded[loc.load_from] = loaded
        log.debug("loaded %s (%s) on %s", name, family.value, device)
        return loaded

    # -- translation ---------------------------------------------------------------------------

    def translate(self, texts: Sequence[str], *, src: str, tgt: str) -> list[str]:
        out = list(texts)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return out
        loc = self.located(src, tgt)
        loaded = self._load(loc)
        prefix, forced_bos = self._language_setup(loaded, src, tgt)
        # Longest first: similar lengths share a batch (little padding), and an OOM shows early.
        todo.sort(key=lambda i: len(texts[i]), reverse=True)
        total, done = len(todo), 0
        if self.progress:
            self.progress(0, total)
        while done < total:
            chunk = todo[done : done + self._batch_cap]
            batch = [prefix + texts[i] for i in chunk]
            results = self._run(loaded, batch, forced_bos, src, tgt)
            for i, result in zip(chunk, results, strict=True):
                out[i] = result
            done += len(chunk)
            if self.progress:
                self.progress(done, total)
        return out

    def _language_setup(self, loaded: LoadedModel, src: str, tgt: str) -> tuple[str, int | None]:
        """The text prefix and forced first token that select the languages of a model."""
        tok = loaded.tokenizer
        if loaded.family is Family.NLLB:
            tok.src_lang = nllb_code(src)
            return "", self._token_id(loaded, nllb_code(tgt))
        if loaded.family is Family.M2M100:
            tok.src_lang = m2m_code(src)
            return "", self._token_id(loaded, tok.get_lang_token(m2m_code(tgt)))
        if loaded.family is Family.MARIAN:
            codes = getattr(tok, "supported_language_codes", None) or []
            token = marian_target_token(tgt, codes)
            return (f"{token} " if token else ""), None
        return "", None

    @staticmethod
    def _token_id(loaded: LoadedModel, token: str) -> int:
        tok = loaded.tokenizer
        token_id = tok.convert_tokens_to_ids(token)
        if token_id is None or token_id == tok.unk_token_id:
            raise BackboneError(
                f"model '{loaded.name}' has no language token '{token}'; choose another model"
            )
        return int(token_id)

    def _run(
        self, loaded: LoadedModel, batch: list[str], forced_bos: int | None, src: str, tgt: str
    ) -> list[str]:
        """Translate one batch; halve it on CUDA OOM; refuse empty output for real text."""
        try:
            outputs = self._generate(loaded, batch, forced_bos)
        except BackboneError:
            raise
        except Exception as exc:
            if not _is_oom(exc):
                raise BackboneError(
                    f"model '{loaded.name}' failed to translate {src}->{tgt}:"
                    f" {type(exc).__name__}: {_one_line(exc)}"
                ) from None
            self._free_memory()
            if len(batch) == 1:
                raise BackboneError(
                    f"out of GPU memory translating a single {src} sentence with '{loaded.name}':"
                    " use --device cpu or a smaller max_length"
                ) from None
            half = (len(batch) + 1) // 2
            self._batch_cap = max(1, min(self._batch_cap, half))
            log.warning("out of GPU memory: batch size lowered to %d", self._batch_cap)
            return self._run(loaded, batch[:half], forced_bos, src, tgt) + self._run(
                loaded, batch[half:], forced_bos, src, tgt
            )
        if len(outputs) != len(batch):
            raise BackboneError(
                f"model '{loaded.name}' returned {len(outputs)} translations for {len(batch)}"
                f" {src} sentences"
            )
        for k, (text, result) in enumerate(zip(batch, outputs, strict=True)):
            if result.strip() or not any(ch.isalnum() for ch in text):
                continue
            if len(batch) > 1:  # padding can tip a marginal sentence; try it alone once
                outputs[k] = self._run(loaded, [text], forced_bos, src, tgt)[0]
                continue
            shown = text.split("<< ", 1)[1] if text.startswith(">>") else text  # no >>tgt<<
            raise BackboneError(
                f"model '{loaded.name}' returned an empty {tgt} translation for the {src} text"
                f" '{_one_line(shown, 60)}': the model may not support {src}->{tgt}"
            )
        return outputs

    def _generate(self, loaded: LoadedModel, batch: list[str], forced_bos: int | None) -> list[str]:
        torch = _import_torch()
        settings = self.settings
        kwargs: dict[str, Any] = {
            "num_beams": settings.beams,
            "do_sample": False,
            "max_new_tokens": settings.max_length,
        }
        if forced_bos is not None:
            kwargs["forced_bos_token_id"] = forced_bos
        with _quiet_transformers(), torch.inference_mode():
            encoded = loaded.tokenizer(
                batch,
                return_tensors="pt",
                padding=True,
                truncation=True,
                max_length=settings.max_length,
            ).to(loaded.device)
            generated = loaded.model.generate(**encoded, **kwargs)
            return list(loaded.tokenizer.batch_decode(generated, skip_special_tokens=True))

    def _free_memory(self) -> None:
        torch = _import_torch()
        if torch.cuda.is_available():
            torch.cuda.empty_cache()


def load_translator(settings: MTSettings, *, progress: Progress | None = None) -> HFTranslator:
    """A translator for ``settings``; models load on first use, one per pair (shared when equal).

    When ``settings.model`` names one model, its presence is checked now (cheaply), so a missing
    model is reported before any work starts.
    """
    translator = HFTranslator(settings, progress=progress)
    if settings.model is not None:
        loc = locate(settings.model)
        if not loc.available and (offline(settings) or loc.is_dir):
            raise BackboneError(unavailable_message(loc))
    return translator

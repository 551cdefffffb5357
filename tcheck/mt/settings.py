"""Settings of the MT backbone and the interface every translator implements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from tcheck.errors import ConfigError

DEVICES = ("auto", "cpu", "cuda")


@runtime_checkable
class Translator(Protocol):
    """Translates sentences from one language into another.

    Translators may also offer ``name_for(src, tgt) -> str`` (the model used for one pair, when it
    differs per pair) and ``decoding`` (a string of the decoding settings); the cache keys on both.
    """

    @property
    def name(self) -> str:
        """Model id and resolved revision: part of cache keys and shown in reports."""
        ...

    def translate(self, texts: Sequence[str], *, src: str, tgt: str) -> list[str]:
        """Return one translation per text, in order; empty texts come back empty."""
        ...


@dataclass(frozen=True)
class MTSettings:
    """How to find, run and cache translation models."""

    model: str | None = None
    """Hub id or local directory used for every pair; None picks a default per language pair."""
    models: Mapping[str, str] = field(default_factory=dict)
    """Per-pair overrides, ``"ru-en" -> id or directory``; they win over ``model``."""
    device: str = "auto"
    """``auto`` (CUDA when available), ``cpu``, ``cuda`` or ``cuda:N``."""
    batch_size: int = 16
    """Sentences per forward pass; halved automatically when CUDA runs out of memory."""
    beams: int = 1
    """Beam size; 1 is greedy decoding."""
    max_length: int = 256
    """Input tokens kept per sentence and most tokens generated per sentence."""
    cache: bool = True
    """Keep translations in an on-disk SQLite cache."""
    cache_dir: str | None = None
    """Directory of ``translations.sqlite``; None is the user cache dir of tcheck."""
    local_files_only: bool = True
    """Never reach the network for models (HF_HUB_OFFLINE=1 forces this too)."""

    def __post_init__(self) -> None:
        device = self.device.strip().lower()
        if device not in DEVICES and not (
            device.startswith("cuda:") and device.removeprefix("cuda:").isdigit()
        ):
            raise ConfigError(f"unknown MT device '{self.device}': use auto, cpu, cuda or cuda:N")
        object.__setattr__(self, "device", device)
        for attr in ("batch_size", "beams", "max_length"):
            value = getattr(self, attr)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"MT setting {attr} must be a positive integer, got {value!r}")
        models: dict[str, str] = {}
        for pair, ref in dict(self.models).items():
            models[normalize_pair_key(pair)] = ref
        object.__setattr__(self, "models", MappingProxyType(models))

    def __hash__(self) -> int:
        return hash(
            (
                self.model,
                tuple(sorted(self.models.items())),
                self.device,
                self.batch_size,
                self.beams,
                self.max_length,
                self.cache,
                self.cache_dir,
                self.local_files_only,
            )
        )

    @property
    def decoding(self) -> str:
        """The decoding settings that change a translation (part of cache keys)."""
        return f"beams={self.beams};max_length={self.max_length}"


def normalize_pair_key(pair: str) -> str:
    """``"RU_en"``, ``"ru->en"`` or ``"ru-en"`` -> ``"ru-en"``."""
    text = pair.strip().lower().replace("->", "-").replace("_", "-").replace(" ", "")
    parts = [p for p in text.split("-") if p]
    if len(parts) != 2:
        raise ConfigError(f"MT model override key '{pair}' must look like 'ru-en'")
    return f"{parts[0]}-{parts[1]}"

"""Find a translation model on disk without loading it: which one serves a pair, and its revision.

Everything here is cheap and offline (no torch, no network): it backs ``--backbone auto`` and the
cache keys, which must be known before a model is loaded.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tcheck.errors import BackboneError
from tcheck.mt.langs import base_lang, default_candidates
from tcheck.mt.settings import MTSettings

log = logging.getLogger(__name__)

WEIGHT_FILES = (
    "model.safetensors",
    "model.safetensors.index.json",
    "pytorch_model.bin",
    "pytorch_model.bin.index.json",
)
_HASHED_SUFFIXES = (".safetensors", ".bin", ".spm", ".model", ".json", ".txt")


@dataclass(frozen=True)
class Located:
    """Where a model reference points, and whether it can be loaded without the network."""

    ref: str
    """The reference as configured: a hub id or a directory."""
    load_from: str
    """What to pass to ``from_pretrained``: a directory when found locally, else the hub id."""
    revision: str | None
    """Commit hash (hub cache) or content hash (directory); None when not on disk."""
    available: bool
    """All files needed to load the model are on disk."""
    is_dir: bool
    """The reference is a local directory rather than a hub id."""

    @property
    def name(self) -> str:
        """``id@revision``: identifies the exact weights in cache keys and reports."""
        label = Path(self.ref).name if self.is_dir else self.ref
        return f"{label}@{self.revision or 'unresolved'}"


def offline(settings: MTSettings) -> bool:
    """True when models must come from disk only (the setting, or HF_HUB_OFFLINE)."""
    env = os.environ.get("HF_HUB_OFFLINE", "").strip().lower()
    return settings.local_files_only or env in {"1", "true", "yes", "on"}


def is_path_like(ref: str) -> bool:
    """A reference meant as a directory: it exists, or it cannot be a hub id (``org/name``)."""
    if Path(ref).expanduser().exists():
        return True
    return (
        ref.startswith((".", "/", "~"))
        or "\\" in ref
        or ref.count("/") > 1
        or (len(ref) > 1 and ref[1] == ":")
    )


def dir_revision(path: Path) -> str:
    """Content hash of a model directory: config.json bytes plus sizes and mtimes of the rest."""
    digest = hashlib.sha256()
    config = path / "config.json"
    if config.is_file():
        digest.update(config.read_bytes())
    for child in sorted(path.iterdir()):
        if child.is_file() and child.suffix in _HASHED_SUFFIXES and child.name != "config.json":
            stat = child.stat()
            digest.update(f"{child.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


def _has_weights(path: Path) -> bool:
    return any((path / name).is_file() for name in WEIGHT_FILES)


def locate(ref: str) -> Located:
    """Look a model up on disk: a directory, or a snapshot in the Hugging Face hub cache."""
    if is_path_like(ref):
        path = Path(ref).expanduser().resolve()
        ok = path.is_dir() and (path / "config.json").is_file() and _has_weights(path)
        revision = dir_revision(path) if ok else None
        return Located(ref, str(path), revision, ok, is_dir=True)
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - transformers always brings huggingface_hub
        return Located(ref, ref, None, False, is_dir=False)
    try:
        found = try_to_load_from_cache(ref, "config.json")
    except Exception as exc:  # an id the hub would reject, such as 'a b'
        log.debug("hub cache lookup of %r failed: %s", ref, exc)
        return Located(ref, ref, None, False, is_dir=False)
    if not isinstance(found, str):
        return Located(ref, ref, None, False, is_dir=False)
    snapshot = Path(found).parent
    ok = _has_weights(snapshot)
    return Located(ref, str(snapshot) if ok else ref, snapshot.name, ok, is_dir=False)


def unavailable_message(loc: Located) -> str:
    """One actionable line saying how to make a model available."""
    if loc.is_dir:
        path = Path(loc.ref).expanduser()
        if not path.exists():
            return (
                f"model directory '{loc.ref}' does not exist:"
                " pass --model DIR with a model saved by save_pretrained"
            )
        return (
            f"model directory '{loc.ref}' holds no transformers model (config.json and weights):"
            " pass --model DIR with a model saved by save_pretrained"
        )
    return (
        f"model '{loc.ref}' is not available locally: download it once with"
        f" `hf download {loc.ref}` (older huggingface_hub: `huggingface-cli download {loc.ref}`),"
        " set HF_HOME to where it lives, or pass --model DIR"
    )


def configured_ref(settings: MTSettings, src: str, tgt: str) -> str | None:
    """The model the settings name for a pair, if any (per-pair override first)."""
    pair = f"{base_lang(src)}-{base_lang(tgt)}"
    return settings.models.get(pair) or settings.model


def pick(settings: MTSettings, src: str, tgt: str) -> Located:
    """The model that serves ``src -> tgt``: configured, else the first default found on disk.

    When nothing is on disk the first candidate is returned (unavailable), so the error names it.
    """
    ref = configured_ref(settings, src, tgt)
    if ref is not None:
        return locate(ref)
    candidates = [locate(c) for c in default_candidates(src, tgt)]
    for loc in candidates:
        if loc.available:
            return loc
    return candidates[0]


def model_available(settings: MTSettings, pairs: Iterable[tuple[str, str]]) -> bool:
    """True when every pair has a model on disk; offline and cheap (for ``--backbone auto``)."""
    try:
        return all(pick(settings, src, tgt).available for src, tgt in pairs)
    except BackboneError:
        return False

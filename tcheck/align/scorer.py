"""The backbone interface: turn versions into per-sentence vectors in one shared space.

Span similarity is the cosine of summed sentence vectors (see :mod:`tcheck.align.profile`), so a
backbone only decides what the vectors are made of: folded character n-grams of the text itself
(lexical) or of its pivot-language translation plus the lexical anchors (mt).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from tcheck.align.features import Features
from tcheck.errors import ConfigError
from tcheck.model import Version

if TYPE_CHECKING:
    from tcheck.config import Config


class Scorer(Protocol):
    """A backbone: features for every sentence of every version of one run."""

    @property
    def name(self) -> str:
        """What ran, as shown in reports (e.g. ``lexical`` or ``mt:opus-mt-sla-en``)."""
        ...

    @property
    def sees_free_translation(self) -> bool:
        """Whether a freely translated sentence still resembles its original (a translation
        model does, shared n-grams do not): if not, gaps facing each other are paired by
        position (:attr:`tcheck.align.nway.NWayParams.pair_gaps`)."""
        ...

    def features(self, versions: Sequence[Version]) -> list[Features]:
        """One :class:`Features` per version, in the same order, in one shared space."""
        ...


# Dotted paths, imported only when chosen: the mt backbone pulls in torch and transformers.
BACKBONES: dict[str, str] = {
    "lexical": "tcheck.align.lexical:LexicalScorer",
    "mt": "tcheck.align.mt:MTScorer",
}


def load_scorer(
    name: str,
    config: Config | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Scorer:
    """Instantiate a registered backbone by name.

    Backbones with settings (mt) are built by their ``from_config(config, progress=...)``.
    """
    try:
        target = BACKBONES[name]
    except KeyError:
        choices = ", ".join(sorted(BACKBONES))
        raise ConfigError(f"unknown backbone {name!r} (choose from {choices})") from None
    module, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module), attr)
    from_config = getattr(cls, "from_config", None)
    if from_config is not None:
        return from_config(config, progress=progress)
    return cls()

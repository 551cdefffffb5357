"""The backbone interface: turn versions into per-sentence vectors in one shared space.

Span similarity is the cosine of summed sentence vectors (see :mod:`tcheck.align.profile`), so a
backbone only decides what the vectors are made of: folded character n-grams of the text itself
(lexical) or of its pivot-language translation plus the lexical anchors (mt).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol

from tcheck.align.features import Features
from tcheck.errors import ConfigError
from tcheck.model import Version


class Scorer(Protocol):
    """A backbone: features for every sentence of every version of one run."""

    @property
    def name(self) -> str:
        """What ran, as shown in reports (e.g. ``lexical`` or ``mt:opus-mt-sla-en``)."""
        ...

    def features(self, versions: Sequence[Version]) -> list[Features]:
        """One :class:`Features` per version, in the same order, in one shared space."""
        ...


# Dotted paths, imported only when chosen: the mt backbone pulls in torch and transformers.
BACKBONES: dict[str, str] = {
    "lexical": "tcheck.align.lexical:LexicalScorer",
}


def load_scorer(name: str) -> Scorer:
    """Instantiate a registered backbone by name."""
    try:
        target = BACKBONES[name]
    except KeyError:
        choices = ", ".join(sorted(BACKBONES))
        raise ConfigError(f"unknown backbone {name!r} (choose from {choices})") from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)()

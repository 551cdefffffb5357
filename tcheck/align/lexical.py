"""The default backbone: folded-transliteration n-grams, word stems, anchors and shared concepts.
No model."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tcheck.align.features import Features, FeatureSpace, sentence_tokens
from tcheck.model import Version


class LexicalScorer:
    """Offline similarity for languages that share cognates once written in one script."""

    name = "lexical"
    sees_free_translation = False

    def features(self, versions: Sequence[Version]) -> list[Features]:
        return texts_to_features(
            [[s.text for s in v.sentences] for v in versions], [v.lang for v in versions]
        )


def texts_to_features(
    docs: Sequence[Sequence[str]], langs: Sequence[str] | None = None
) -> list[Features]:
    """Features of several documents (lists of sentence texts) in one shared space; with their
    languages, words of the concepts table count as their concept too."""
    space = FeatureSpace()
    langs = langs if langs is not None else [""] * len(docs)
    tokens = [
        [sentence_tokens(t, lang) for t in doc] for doc, lang in zip(docs, langs, strict=True)
    ]
    matrices = space.vectorize(tokens)
    out = []
    for doc, m in zip(docs, matrices, strict=True):
        m.resize((m.shape[0], space.width))
        out.append(Features(m, np.array([len(t) for t in doc], dtype=np.float64)))
    return out

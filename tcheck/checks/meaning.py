"""Meaning: aligned sentences whose pivot translations disagree far more than the document's norm.

Runs only when an MT backbone translated the versions into one pivot language.
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, sentence_evidence
from tcheck.model import Category, Evidence, Finding, Group, Severity

if TYPE_CHECKING:
    from sacrebleu.metrics import CHRF

MIN_CHARS = 20
"""Translations shorter than this are too short for chrF to say much; such pairs are skipped."""
MIN_PAIRS = 6
"""Fewer scored pairs than this in a document give no reliable notion of 'typical'."""
MAD_FACTOR = 3.0
"""How many robust standard deviations (1.4826 x MAD) below the median a pair must fall."""
MIN_DROP = 15.0
"""...and by at least this many chrF points, so a uniformly faithful document stays quiet."""
_MAD_TO_SD = 1.4826
_SHOWN_CHARS = 160


@dataclass(frozen=True)
class PairScore:
    """chrF (0..100, symmetric) between two versions' pivot translations in one group."""

    group: Group
    a: str
    b: str
    score: float


def chrf(a: str, b: str) -> float:
    """Symmetric chrF: the mean of both directions (chrF weighs recall above precision)."""
    metric = _chrf_metric()
    return (metric.sentence_score(a, [b]).score + metric.sentence_score(b, [a]).score) / 2


@functools.cache
def _chrf_metric() -> CHRF:
    from sacrebleu.metrics import CHRF  # only runs with an MT backbone: keep other runs fast

    return CHRF()


def drift_threshold(scores: Sequence[float]) -> tuple[float, float]:
    """(median, threshold): pairs below ``threshold`` drifted; robust to a few outliers."""
    median = statistics.median(scores)
    mad = statistics.median(abs(s - median) for s in scores)
    return median, median - max(MAD_FACTOR * _MAD_TO_SD * mad, MIN_DROP)


class MeaningDrift(Check):
    """Aligned sentences whose translations into the pivot language disagree unusually.

    With an MT backbone every version is translated into one pivot language. For each aligned
    group, the translations of every two versions are compared with chrF; a pair scoring far
    below the document's typical pair (median minus three robust standard deviations, and at
    least 15 points) suggests the content changed even where names and numbers agree. Short
    sentences and documents with few pairs are left alone; the translations are shown so a
    reader can judge.
    """

    code, slug, category, severity = "TC801", "meaning-drift", Category.MEANING, Severity.WARNING
    example = """
        ru: Переговоры завершились соглашением о прекращении огня.
            -> The talks ended with a ceasefire agreement.
        uk: Переговори зірвалися, сторони обмінялися звинуваченнями.   <- TC801
            -> The talks broke down, the parties exchanged accusations.
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        translations = ctx.alignment.translations
        if not translations:
            return
        pairs = list(self._pair_scores(ctx))
        if len(pairs) < MIN_PAIRS:
            return
        median, threshold = drift_threshold([p.score for p in pairs])
        low: dict[int, list[PairScore]] = {}
        for p in pairs:
            if p.score < threshold:
                low.setdefault(p.group.id, []).append(p)
        for group_pairs in low.values():
            yield self._finding(ctx, group_pairs, median)

    def _pair_scores(self, ctx: CheckContext) -> Iterator[PairScore]:
        related = {v.id for v in ctx.related}
        for group in ctx.alignment.groups:
            texts = {
                vid: self._pivot_text(ctx, group, vid)
                for vid in group.present()
                if vid in related and vid in ctx.alignment.translations
            }
            long_enough = [vid for vid, text in texts.items() if len(text) >= MIN_CHARS]
            for a, b in combinations(long_enough, 2):
                yield PairScore(group, a, b, chrf(texts[a], texts[b]))

    @staticmethod
    def _pivot_text(ctx: CheckContext, group: Group, vid: str) -> str:
        translated = ctx.alignment.translations[vid]
        return " ".join(translated[i] for i in group.members.get(vid, ()))

    def _finding(self, ctx: CheckContext, low: list[PairScore], median: float) -> Finding:
        group = low[0].group
        involved = [vid for vid in group.present() if any(vid in (p.a, p.b) for p in low)]
        # The odd one out is in every drifting pair; with only two versions both are.
        odd = tuple(vid for vid in involved if all(vid in (p.a, p.b) for p in low)) or tuple(
            involved
        )
        worst = min(p.score for p in low)
        shown = "; ".join(
            f"{vid}: “{_clip(self._pivot_text(ctx, group, vid))}”" for vid in involved
        )
        pivot = ctx.alignment.pivot or "pivot"
        message = (
            f"{', '.join(odd)} may say something else: chrF {worst:.0f} between the {pivot}"
            f" translations, {median:.0f} for a typical pair ({shown})"
        )
        return self.finding(
            message,
            group=group.id,
            versions=odd,
            evidence=self._evidence(ctx, group, involved),
            key="meaning",
        )

    @staticmethod
    def _evidence(ctx: CheckContext, group: Group, vids: Sequence[str]) -> tuple[Evidence, ...]:
        return tuple(
            sentence_evidence(ctx.version(vid), sentence)
            for vid in vids
            for sentence in ctx.sentences(group, vid)
        )


def _clip(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _SHOWN_CHARS else line[: _SHOWN_CHARS - 1] + "…"

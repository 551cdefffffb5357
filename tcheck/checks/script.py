"""Script: Latin look-alike letters inside Cyrillic words (and the reverse)."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, span_evidence
from tcheck.extract import mixed_script_words
from tcheck.model import Category, Finding, Severity


class MixedScript(Check):
    """A word mixes Latin and Cyrillic letters (a homoglyph typed on the wrong keyboard).

    Such words break search, spell-checking and name matching. Hyphenated compounds of two
    scripts ("IT-компанія") and tokens with digits ("Shahed-136") are fine. One finding per
    sentence holds every such word of it as evidence: a file typed with a Latin a throughout
    gives one finding a sentence, not one a word.
    """

    code, slug, category, severity = "TC601", "mixed-script", Category.SCRIPT, Severity.WARNING
    example = """
        uk: Укрaїна   (the "a" is Latin U+0061)   <- TC601
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for v in ctx.alignment.versions:
            for s in v.sentences:
                found = mixed_script_words(s.text)
                if not found:
                    continue
                words = list(dict.fromkeys(word for _, _, word in found))
                yield self.finding(
                    _message(words),
                    group=ctx.group_of(v.id, s.index),
                    versions=(v.id,),
                    evidence=tuple(span_evidence(v, s, start, end) for start, end, _ in found),
                    key=" ".join(sorted(words)),
                )


def _message(words: list[str]) -> str:
    if len(words) == 1:
        return f"{words[0]!r} mixes Latin and Cyrillic letters"
    shown = ", ".join(map(repr, words[:MAX_SHOWN]))
    more = f" and {len(words) - MAX_SHOWN} more" if len(words) > MAX_SHOWN else ""
    return f"{len(words)} words mix Latin and Cyrillic letters: {shown}{more}"


MAX_SHOWN = 5
"""Words named in a finding's message; the evidence holds all of them."""

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
    scripts ("IT-компанія") and tokens with digits ("Shahed-136") are fine.
    """

    code, slug, category, severity = "TC601", "mixed-script", Category.SCRIPT, Severity.WARNING
    example = """
        uk: Укрaїна   (the "a" is Latin U+0061)   <- TC601
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for v in ctx.alignment.versions:
            for s in v.sentences:
                for start, end, word in mixed_script_words(s.text):
                    yield self.finding(
                        f"{word!r} mixes Latin and Cyrillic letters",
                        group=ctx.group_of(v.id, s.index),
                        versions=(v.id,),
                        evidence=(span_evidence(v, s, start, end),),
                        key=word,
                    )

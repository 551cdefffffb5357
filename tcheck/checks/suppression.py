"""Suppressions that matched nothing are reported, so baselines and ignores can be audited."""

from __future__ import annotations

from tcheck.checks.base import Check
from tcheck.model import Category, Severity


class UnusedSuppression(Check):
    """A baseline entry or inline ignore comment matched no finding.

    Raised by the suppression stage (not over groups): remove the stale entry so that the
    suppression list stays honest.
    """

    code, slug, category, severity = (
        "TC001",
        "unused-suppression",
        Category.SUPPRESSION,
        Severity.INFO,
    )
    example = """
        <!-- tcheck: ignore TC201 -->  before a sentence with no TC201 finding   <- TC001
    """

    def run(self, ctx):  # the suppression stage creates these findings
        return iter(())

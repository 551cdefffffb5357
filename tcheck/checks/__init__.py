"""The checks: one class per rule, registered explicitly below (no discovery)."""

from __future__ import annotations

from tcheck.checks.attribution import LeadSourceMismatch, SourceMismatch
from tcheck.checks.base import Check, Rule
from tcheck.checks.content import Addition, MovedContent, Omission, UnrelatedVersion
from tcheck.checks.glossary import GlossaryTerm
from tcheck.checks.meaning import MeaningDrift
from tcheck.checks.names import (
    NameDifferentEntity,
    NameInconsistency,
    NameOrthography,
    NameSpelling,
)
from tcheck.checks.placeholders import PlaceholderMismatch
from tcheck.checks.script import MixedScript
from tcheck.checks.suppression import UnusedSuppression
from tcheck.checks.values import (
    DateMismatch,
    DateMissing,
    NumberMismatch,
    NumberMissing,
    UnitMismatch,
)

CHECKS: tuple[type[Check], ...] = (
    Omission,
    Addition,
    UnrelatedVersion,
    MovedContent,
    NameSpelling,
    NameOrthography,
    NameDifferentEntity,
    NameInconsistency,
    NumberMismatch,
    NumberMissing,
    UnitMismatch,
    DateMismatch,
    DateMissing,
    SourceMismatch,
    LeadSourceMismatch,
    MixedScript,
    PlaceholderMismatch,
    GlossaryTerm,
    MeaningDrift,
)
"""Checks that run over an alignment, in report order."""

_ALL: tuple[type[Check], ...] = (UnusedSuppression, *CHECKS)


def all_rules() -> tuple[Rule, ...]:
    """Every rule tcheck can report, sorted by code (for ``tcheck rules`` and SARIF)."""
    return tuple(sorted((c.rule() for c in _ALL), key=lambda r: r.code))


def rule_for(code: str) -> Rule:
    for rule in all_rules():
        if rule.code == code.upper() or rule.slug == code.lower():
            return rule
    raise KeyError(code)


__all__ = ["CHECKS", "Check", "Rule", "all_rules", "rule_for"]

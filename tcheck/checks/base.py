"""What every check is: a rule (code, slug, category, severity, docs) plus a function over groups."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from tcheck.model import Category, Evidence, Finding, Severity

if TYPE_CHECKING:
    from tcheck.checks.context import CheckContext


@dataclass(frozen=True)
class Rule:
    """The documentation of one finding code, read by ``tcheck rules``, ``explain`` and SARIF."""

    code: str
    """Stable code, e.g. ``TC201``; a prefix (``TC2``) selects a family."""
    slug: str
    """Readable name, e.g. ``name-spelling``."""
    category: Category
    severity: Severity
    """Default severity (configurable per code)."""
    summary: str
    """One line: the first line of the check's docstring."""
    explanation: str
    """The rest of the docstring: what it catches, what it deliberately ignores."""
    example: str
    """A short before/after example shown by ``tcheck explain``."""


class Check:
    """Base class: subclasses set ``code``, ``slug``, ``category``, ``severity``, ``example``.

    The first docstring line is the rule's summary; the rest is its explanation.
    """

    code: ClassVar[str]
    slug: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    example: ClassVar[str] = ""

    @classmethod
    def rule(cls) -> Rule:
        doc = inspect.cleandoc(cls.__doc__ or "")
        summary, _, rest = doc.partition("\n")
        return Rule(
            code=cls.code,
            slug=cls.slug,
            category=cls.category,
            severity=cls.severity,
            summary=summary.strip(),
            explanation=rest.strip(),
            example=inspect.cleandoc(cls.example),
        )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        *,
        group: int | None,
        versions: tuple[str, ...],
        evidence: tuple[Evidence, ...],
        key: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            slug=self.slug,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            group=group,
            versions=versions,
            evidence=evidence,
            key=key,
        )

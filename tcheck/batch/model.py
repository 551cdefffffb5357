"""Records of a batch run: document sets found in a locale tree and what checking them gave.

A document set is one text in several locales (``content/{locale}/about.md``); a batch report
holds one ``tcheck.report/1`` report per set plus what the tree lacks (missing counterparts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tcheck.model import Report, Severity

LOCALE_FIELD = "{locale}"
"""Placeholder that stands for the locale in a set's key (``content/{locale}/a.md``)."""


@dataclass(frozen=True)
class LocaleFile:
    """One file of a document set."""

    locale: str
    """The locale code as written in the tree (``ru``, ``pt-BR``); also the version id."""
    path: str
    """Path relative to the tree root, with forward slashes."""

    @property
    def lang(self) -> str:
        """The language code the locale names: ``pt-BR`` -> ``pt``."""
        return self.locale.replace("_", "-").split("-", 1)[0].lower()


@dataclass(frozen=True)
class DocumentSet:
    """The files that are versions of one text, in locale order."""

    key: str
    """The set's path with the locale replaced by ``{locale}``; sets are sorted by it."""
    files: tuple[LocaleFile, ...]
    missing: tuple[str, ...] = ()
    """Expected locales that have no file in this set."""

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(f.locale for f in self.files)

    @property
    def checkable(self) -> bool:
        """Two versions at least: a lone file has nothing to be compared with."""
        return len(self.files) >= 2


@dataclass(frozen=True)
class SetResult:
    """What checking one document set gave: a report, or the error that stopped it."""

    docset: DocumentSet
    report: Report | None = None
    error: str | None = None
    """One-line message when the set could not be read or checked."""

    def worst(self) -> Severity | None:
        return self.report.worst() if self.report is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.docset.key,
            "files": {f.locale: f.path for f in self.docset.files},
            "missing": list(self.docset.missing),
            "checked": self.report is not None,
            "error": self.error,
            "report": self.report.to_dict() if self.report is not None else None,
        }


@dataclass(frozen=True)
class BatchReport:
    """Every document set of a tree, sorted by key, with its result."""

    root: str
    """The tree's root directory as given."""
    locales: tuple[str, ...]
    """The locales the tree was searched for (given, or found through the pattern)."""
    results: tuple[SetResult, ...]
    skipped: int = 0
    """Sets left out by ``--changed-only`` (nothing in them changed)."""

    @property
    def reports(self) -> tuple[Report, ...]:
        """The reports of the sets that were checked, in set order."""
        return tuple(r.report for r in self.results if r.report is not None)

    @property
    def failed(self) -> tuple[SetResult, ...]:
        return tuple(r for r in self.results if r.error is not None)

    @property
    def incomplete(self) -> tuple[DocumentSet, ...]:
        """Sets with files missing in some locales (lone files included)."""
        return tuple(r.docset for r in self.results if r.docset.missing)

    def counts(self) -> dict[Severity, int]:
        out = dict.fromkeys(Severity, 0)
        for report in self.reports:
            for sev, n in report.counts().items():
                out[sev] += n
        return out

    def worst(self) -> Severity | None:
        return max((s for r in self.results if (s := r.worst()) is not None), default=None)

    def summary(self) -> dict[str, int]:
        counts = self.counts()
        reports = self.reports
        return {
            "sets": len(self.results),
            "checked": len(reports),
            "clean": sum(1 for r in reports if not r.findings),
            "with_findings": sum(1 for r in reports if r.findings),
            "unpaired": sum(1 for r in self.results if not r.docset.checkable),
            "missing_files": sum(len(r.docset.missing) for r in self.results),
            "failed": len(self.failed),
            "skipped": self.skipped,
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "suppressed": sum(r.suppressed for r in reports),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "tcheck.batch/1",
            "root": self.root,
            "locales": list(self.locales),
            "sets": [r.to_dict() for r in self.results],
            "summary": self.summary(),
        }

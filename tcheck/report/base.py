"""The one interface every output format implements, and helpers the formatters share.

Nothing here renders: it orders findings, locates evidence inside sentences and names paths,
so that every format says the same thing about the same report.
"""

from __future__ import annotations

import itertools
import os
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from tcheck.model import Alignment, Evidence, Finding, Report, Sentence, Severity, Version

if TYPE_CHECKING:  # rules arrive through the options; the checks package is never imported
    from tcheck.checks.base import Rule

SEVERITY_ORDER: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
"""Worst first: the order findings are listed in every human-facing format."""


@dataclass(frozen=True)
class FormatOptions:
    """What a formatter may need besides the report itself."""

    rules: tuple[Rule, ...] = ()
    """The check registry's rules (SARIF ``rules[]``, rule summaries and examples)."""
    color: bool = False
    """ANSI colour; only the terminal formatter uses it."""
    width: int | None = None
    """Terminal width in columns; None detects it from the terminal."""
    base_dir: str | None = None
    """Artifact paths are made relative to this directory (SARIF ``uri``, GitHub ``file=``)."""
    tool_version: str = ""
    """tcheck's version, written where a format has a place for it."""


class Formatter(Protocol):
    """Turns a report into the text of one output format."""

    name: str
    """The format's name on the command line (``--format NAME``)."""
    description: str
    """One line shown in ``--help``."""

    def format(self, report: Report, options: FormatOptions) -> str: ...


@dataclass(frozen=True)
class Segment:
    """A run of a sentence's text covered by the same set of evidence spans."""

    text: str
    hits: tuple[int, ...] = ()
    """Indices (into the caller's span list) of the spans covering this run; empty = plain."""


@dataclass(frozen=True)
class Span:
    """A highlighted range inside a version's text, tagged with whatever the caller needs."""

    start: int
    end: int


def ordered_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings worst first, then by category, code and group; ties keep the report's order."""
    return sorted(
        findings,
        key=lambda f: (
            -int(f.severity),
            f.category.value,
            f.code,
            -1 if f.group is None else f.group,
        ),
    )


def primary_first(finding: Finding) -> tuple[Evidence, ...]:
    """The finding's evidence with the odd versions' spans first (where a fix is needed)."""
    odd = [e for e in finding.evidence if e.version in finding.versions]
    rest = [e for e in finding.evidence if e.version not in finding.versions]
    return (*odd, *rest)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report) -> str:
    """``3 errors, 5 warnings, 2 info in 4 versions``, or ``no findings in 4 versions``."""
    counts = report.counts()
    n_versions = plural(len(report.alignment.versions), "version")
    if not report.findings:
        text = f"no findings in {n_versions}"
    else:
        parts = [
            plural(counts[Severity.ERROR], "error"),
            plural(counts[Severity.WARNING], "warning"),
            f"{counts[Severity.INFO]} info",
        ]
        text = f"{', '.join(parts)} in {n_versions}"
    if report.suppressed:
        text += f" ({report.suppressed} suppressed)"
    return text


def display_path(version: Version, base_dir: str | None = None) -> str:
    """The version's path with forward slashes, relative to ``base_dir`` when it lies under it.

    In-memory versions (no path) are named by their id.
    """
    if version.path is None:
        return version.id
    path = version.path
    if base_dir is not None:
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base_dir))
        except ValueError:  # another drive on Windows
            rel = path
        if not rel.startswith(".."):
            path = rel
    path = path.replace(os.sep, "/").replace("\\", "/")
    return posixpath.normpath(path) if path else version.id


def find_version(alignment: Alignment, version_id: str) -> Version | None:
    try:
        return alignment.version(version_id)
    except KeyError:
        return None


def evidence_sentence(alignment: Alignment, ev: Evidence) -> Sentence | None:
    """The sentence an evidence span lies in, or None for version-level evidence."""
    if ev.sentence is None:
        return None
    version = find_version(alignment, ev.version)
    if version is None or not 0 <= ev.sentence < len(version.sentences):
        return None
    return version.sentences[ev.sentence]


def evidence_range(version: Version, ev: Evidence) -> tuple[int, int] | None:
    """Where ``ev`` lies in ``version.text``: its offsets when they hold its text.

    Hand-built evidence sometimes lacks offsets; then the span is looked up inside its sentence.
    """
    if ev.end > ev.start and version.text[ev.start : ev.end] == ev.text:
        return ev.start, ev.end
    if not ev.text:
        return None
    if ev.sentence is not None and 0 <= ev.sentence < len(version.sentences):
        sent = version.sentences[ev.sentence]
        at = sent.text.find(ev.text)
        if at >= 0:
            return sent.start + at, sent.start + at + len(ev.text)
    return None


def segments(text: str, offset: int, spans: Sequence[Span]) -> list[Segment]:
    """Split ``text`` (which starts at ``offset`` in its version) at every span boundary.

    Overlapping spans are fine: each run lists every span covering it. Spans outside the text
    are clipped or ignored.
    """
    end_of_text = offset + len(text)
    cuts = {offset, end_of_text}
    live: list[tuple[int, int, int]] = []
    for i, span in enumerate(spans):
        lo, hi = max(span.start, offset), min(span.end, end_of_text)
        if lo < hi:
            live.append((i, lo, hi))
            cuts.update((lo, hi))
    points = sorted(cuts)
    out: list[Segment] = []
    for lo, hi in itertools.pairwise(points):
        hits = tuple(i for i, s, e in live if s <= lo and hi <= e)
        piece = text[lo - offset : hi - offset]
        if out and out[-1].hits == hits:
            out[-1] = Segment(out[-1].text + piece, hits)
        else:
            out.append(Segment(piece, hits))
    return out


def group_sentences(version: Version, indices: Sequence[int]) -> list[Sentence]:
    """The version's sentences in a group, in reading order (bad indices are skipped)."""
    n = len(version.sentences)
    return [version.sentences[i] for i in sorted(set(indices)) if 0 <= i < n]


def location(version: Version | None, ev: Evidence, base_dir: str | None = None) -> str:
    """``path:line:col`` of an evidence span (``path:line`` for version-level evidence)."""
    path = display_path(version, base_dir) if version is not None else ev.version
    line = max(ev.line, 1)
    if ev.sentence is None:
        return f"{path}:{line}"
    return f"{path}:{line}:{max(ev.column, 1)}"


def rule_map(rules: Iterable[Rule]) -> dict[str, Rule]:
    return {r.code: r for r in rules}

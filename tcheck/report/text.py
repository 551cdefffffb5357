"""Plain text: one ``path:line:col: severity CODE slug: message`` line per finding.

Editors and ``grep`` understand this shape; the other versions' spans follow, indented.
"""

from __future__ import annotations

from tcheck.model import Report
from tcheck.report.base import (
    FormatOptions,
    find_version,
    location,
    ordered_findings,
    primary_first,
    summary_line,
)
from tcheck.report.terminal_safe import safe_report


def _one_line(text: str) -> str:
    return " ".join(text.split())


class TextFormatter:
    """One line per finding at its first evidence span, the other spans indented below it."""

    name = "text"
    description = "plain path:line:col lines, one per finding (for editors and grep)"

    def format(self, report: Report, options: FormatOptions) -> str:
        report = safe_report(report)
        al = report.alignment
        lines: list[str] = []
        for f in ordered_findings(report.findings):
            head = f"{f.severity.label} {f.code} {f.slug}: {_one_line(f.message)}"
            if not f.evidence:
                lines.append(f"{','.join(f.versions) or '-'}: {head}")
                continue
            first, *rest = primary_first(f)
            where = location(find_version(al, first.version), first, options.base_dir)
            lines.append(f"{where}: {head}")
            for ev in rest:
                where = location(find_version(al, ev.version), ev, options.base_dir)
                lines.append(f"    {where}: {ev.version}: {_one_line(ev.text)}")
        lines.append(summary_line(report))
        return "\n".join(lines) + "\n"

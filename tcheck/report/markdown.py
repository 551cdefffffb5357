"""Markdown: a summary small enough for a pull-request comment.

A verdict heading, a table of versions and a table of findings, cut after ``MAX_ROWS`` rows.
"""

from __future__ import annotations

from tcheck.model import Report, Severity
from tcheck.report.base import (
    FormatOptions,
    display_path,
    find_version,
    ordered_findings,
    summary_line,
)

MAX_ROWS = 50
"""Findings listed before the table ends with "and N more"."""

_ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}
_MARKUP = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "@": "&#64;",  # no accidental @mentions from quoted text
    }
)


def cell(text: str) -> str:
    """Text made safe for one table cell: markup escaped, line breaks as ``<br>``."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(line.translate(_MARKUP) for line in lines).strip() or " "


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


class MarkdownFormatter:
    """Verdict, versions and findings as GitHub-flavoured Markdown tables."""

    name = "markdown"
    description = "a Markdown summary sized for a pull-request comment"

    def format(self, report: Report, options: FormatOptions) -> str:
        al = report.alignment
        worst = report.worst()
        icon = "✅" if worst is None else _ICON[worst]
        head = f"## {icon} tcheck: {summary_line(report)}"
        out = [head, "", f"Backbone: {cell(al.backbone)}", ""]

        missing = {v.id: 0 for v in al.versions}
        for g in al.groups:
            for vid in missing:
                if not g.members.get(vid) and vid not in al.unrelated:
                    missing[vid] += 1
        out += [
            _row(["Version", "File", "Language", "Sentences", "Coverage", "Missing groups"]),
            _row(["---", "---", "---", "---:", "---:", "---:"]),
        ]
        for v in al.versions:
            grouped = sum(len(g.members.get(v.id, ())) for g in al.groups)
            unrelated = v.id in al.unrelated
            out.append(
                _row(
                    [
                        cell(v.id) + (" ⚠️ unrelated" if unrelated else ""),
                        cell(display_path(v, options.base_dir) if v.path else "—"),
                        cell(f"{v.lang} ({v.lang_confidence:.0%})"),
                        f"{grouped}/{len(v.sentences)}",
                        f"{al.coverage.get(v.id, 0.0):.0%}",
                        "—" if unrelated else str(missing[v.id]),
                    ]
                )
            )

        findings = ordered_findings(report.findings)
        if findings:
            out += [
                "",
                _row(["Severity", "Code", "Message", "Where"]),
                _row(["---", "---", "---", "---"]),
            ]
            for f in findings[:MAX_ROWS]:
                where = []
                for ev in f.evidence:
                    version = find_version(al, ev.version)
                    path = display_path(version, options.base_dir) if version else ev.version
                    where.append(cell(f"{ev.version}: {path}:{max(ev.line, 1)}"))
                group = "" if f.group is None else f" (group {f.group})"
                out.append(
                    _row(
                        [
                            f"{_ICON[f.severity]} {f.severity.label}",
                            cell(f"{f.code} {f.slug}"),
                            cell(f.message + group),
                            "<br>".join(where) or cell(", ".join(f.versions)),
                        ]
                    )
                )
            if len(findings) > MAX_ROWS:
                out += ["", f"…and {len(findings) - MAX_ROWS} more findings (see the full report)."]
        return "\n".join(out) + "\n"

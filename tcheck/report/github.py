"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

The annotation sits at the finding's first evidence span; the other versions' spans are listed
in its message. Escaping follows the runner's rules for data and for properties.
"""

from __future__ import annotations

from tcheck.model import Evidence, Finding, Report, Severity
from tcheck.report.base import (
    FormatOptions,
    display_path,
    find_version,
    location,
    ordered_findings,
    primary_first,
)

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (the message's escapes plus ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(ev: Evidence, finding: Finding, report: Report, options: FormatOptions) -> str:
    props: list[tuple[str, str]] = []
    version = find_version(report.alignment, ev.version)
    if version is not None and version.path is not None:
        props.append(("file", display_path(version, options.base_dir)))
    props.append(("line", str(max(ev.line, 1))))
    if ev.sentence is not None and ev.text:
        extra_lines = ev.text.count("\n")
        if extra_lines:
            props.append(("endLine", str(ev.line + extra_lines)))
        else:
            props.append(("col", str(max(ev.column, 1))))
            props.append(("endColumn", str(ev.column + len(ev.text))))
    props.append(("title", f"{finding.code} {finding.slug}"))
    return ",".join(f"{k}={escape_property(v)}" for k, v in props)


def _message(finding: Finding, report: Report, options: FormatOptions) -> str:
    message = finding.message.strip() or f"{finding.code} {finding.slug}"
    lines = [message]
    for ev in primary_first(finding):
        where = location(find_version(report.alignment, ev.version), ev, options.base_dir)
        excerpt = " ".join(ev.text.split())
        if len(excerpt) > 200:
            excerpt = excerpt[:199] + "…"
        lines.append(f"{ev.version} ({where}): {excerpt}")
    return "\n".join(lines)


class GithubFormatter:
    """Workflow commands that GitHub Actions shows as annotations on the changed files."""

    name = "github"
    description = "GitHub Actions annotations (::error file=...::message)"

    def format(self, report: Report, options: FormatOptions) -> str:
        out: list[str] = []
        for f in ordered_findings(report.findings):
            command = _COMMAND[f.severity]
            message = escape_data(_message(f, report, options))
            if f.evidence:
                props = _properties(primary_first(f)[0], f, report, options)
            else:
                props = f"title={escape_property(f'{f.code} {f.slug}')}"
            out.append(f"::{command} {props}::{message}")
        return "".join(line + "\n" for line in out)

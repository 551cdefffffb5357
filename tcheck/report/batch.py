"""Reports of a whole locale tree: every output format rendered for many document sets at once.

Each format gets one batch renderer, registered below: JSON is a ``tcheck.batch/1`` document
holding the per-set ``tcheck.report/1`` reports; SARIF is one run with the results of every set;
the human formats show one section per set with findings and a summary table of every set.
The per-set parts come from the single-report formatters, so a set reads the same either way.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import shutil
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from rich import box
from rich.console import Console, JustifyMethod
from rich.rule import Rule as RichRule
from rich.table import Table
from rich.text import Text

from tcheck.batch.model import BatchReport, DocumentSet, SetResult
from tcheck.model import Alignment, Report, Severity
from tcheck.report import OutputFormat, get_formatter
from tcheck.report.base import FormatOptions, plural
from tcheck.report.github import escape_data, escape_property
from tcheck.report.html_format import esc, page_start
from tcheck.report.markdown import cell
from tcheck.report.sarif import MAX_RESULTS, build_sarif

URI_SAFE = "/-._~!$&'()*+,;=:@"
"""As in the SARIF formatter: spaces and non-ASCII are percent-encoded."""

BatchRenderer = Callable[[BatchReport, FormatOptions], str]

MARKDOWN_MAX_ROWS = 100
"""Summary-table rows in Markdown (a pull-request comment) before "and N more"."""
TERMINAL_WIDTH = 100


def format_batch(fmt: str | OutputFormat, batch: BatchReport, options: FormatOptions) -> str:
    """The batch report in the output format ``fmt`` (the names ``--format`` accepts)."""
    formatter = get_formatter(fmt)  # validates the name with the usual message
    return BATCH_RENDERERS[OutputFormat(formatter.name)](batch, options)


# -- shared wording -----------------------------------------------------------------------------


def batch_summary_line(batch: BatchReport) -> str:
    """``4 errors, 1 warning, 0 info in 7 document sets (6 checked, 1 unpaired, 3 missing files)``."""
    s = batch.summary()
    sets = plural(s["sets"], "document set")
    if s["errors"] + s["warnings"] + s["info"] == 0:
        text = f"no findings in {sets}"
    else:
        text = (
            f"{plural(s['errors'], 'error')}, {plural(s['warnings'], 'warning')}, "
            f"{s['info']} info in {sets}"
        )
    details = [f"{s['checked']} checked"]
    for key, word in (
        ("unpaired", "unpaired"),
        ("missing_files", "missing file"),
        ("failed", "failed"),
        ("skipped", "unchanged"),
    ):
        if s[key]:
            details.append(f"{s[key]} {word}" if key != "missing_files" else plural(s[key], word))
    text += f" ({', '.join(details)})"
    if s["suppressed"]:
        text += f", {s['suppressed']} suppressed"
    return text


def set_status(result: SetResult) -> str:
    """One phrase on a set: ``clean``, ``2 errors``, ``no bg``, ``not checked: ...``."""
    docset = result.docset
    parts: list[str] = []
    if result.error is not None:
        parts.append(f"failed: {result.error}")
    elif result.report is None:
        parts.append("not checked (one version)")
    else:
        counts = result.report.counts()
        found = [
            plural(counts[Severity.ERROR], "error") if counts[Severity.ERROR] else "",
            plural(counts[Severity.WARNING], "warning") if counts[Severity.WARNING] else "",
            f"{counts[Severity.INFO]} info" if counts[Severity.INFO] else "",
        ]
        parts.append(", ".join(p for p in found if p) or "clean")
    if docset.missing:
        parts.append(f"no {', '.join(docset.missing)}")
    return "; ".join(parts)


def _noteworthy(result: SetResult) -> bool:
    return result.error is not None or bool(result.report and result.report.findings)


def _with_findings(batch: BatchReport) -> list[tuple[SetResult, Report]]:
    """The sets that get a section of their own, with their reports."""
    return [(r, r.report) for r in batch.results if r.report is not None and r.report.findings]


def _missing_message(docset: DocumentSet) -> str:
    """``content/{locale}/a.md: no uk, bg version (not checked: ...)``."""
    versions = "version" if len(docset.missing) == 1 else "versions"
    text = f"{docset.key}: no {', '.join(docset.missing)} {versions}"
    if not docset.checkable:
        text += " (not checked: nothing to compare it with)"
    return text


def _shown_path(batch: BatchReport, rel: str, options: FormatOptions) -> str:
    """A tree-relative path as the per-set reports show paths (relative to the base dir)."""
    path = os.path.join(batch.root, rel)
    if options.base_dir is not None:
        try:
            candidate = os.path.relpath(os.path.abspath(path), os.path.abspath(options.base_dir))
        except ValueError:  # another drive on Windows
            candidate = path
        if not candidate.startswith(".."):
            path = candidate
    return posixpath.normpath(path.replace(os.sep, "/"))


# -- machine formats ----------------------------------------------------------------------------


def render_json(batch: BatchReport, options: FormatOptions) -> str:
    return json.dumps(batch.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_sarif(batch: BatchReport, options: FormatOptions) -> str:
    """One SARIF run: the rules of every set merged, results re-indexed, missing files noted."""
    log = build_sarif(Report(Alignment((), ()), ()), options)  # the skeleton with every rule
    run = log["runs"][0]
    rules: list[dict[str, Any]] = run["tool"]["driver"]["rules"]
    index = {d["id"]: i for i, d in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for report in batch.reports:
        one = build_sarif(report, options)["runs"][0]
        for d in one["tool"]["driver"]["rules"]:
            if d["id"] not in index:  # a code outside the registry (fallback descriptor)
                index[d["id"]] = len(rules)
                rules.append(d)
        results += [{**res, "ruleIndex": index[res["ruleId"]]} for res in one["results"]]
    notes = _sarif_notifications(batch, options)
    if len(results) > MAX_RESULTS:
        notes.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{len(results) - MAX_RESULTS} results left out "
                    f"(code scanning accepts at most {MAX_RESULTS} per run)"
                },
            }
        )
        rank = {"error": 0, "warning": 1, "note": 2}
        results = sorted(results, key=lambda r: rank.get(r["level"], 3))[:MAX_RESULTS]
    run["results"] = results
    if notes:
        run["invocations"] = [
            {"executionSuccessful": not batch.failed, "toolExecutionNotifications": notes}
        ]
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_notifications(batch: BatchReport, options: FormatOptions) -> list[dict[str, Any]]:
    notes = []
    for r in batch.results:
        d = r.docset
        if r.error is not None:
            notes.append(
                {"level": "error", "message": {"text": f"{d.key}: not checked: {r.error}"}}
            )
        if d.missing:
            note: dict[str, Any] = {"level": "warning", "message": {"text": _missing_message(d)}}
            note["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact(_shown_path(batch, d.files[0].path, options))
                    }
                }
            ]
            notes.append(note)
    return notes


def _artifact(path: str) -> dict[str, str]:
    uri = quote(path, safe=URI_SAFE)
    if path.startswith("/"):
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


# -- human formats ------------------------------------------------------------------------------


def _title(result: SetResult) -> str:
    return f"{result.docset.key} ({', '.join(result.docset.locales)})"


def _rows(batch: BatchReport) -> list[tuple[str, str, str, str, str, str]]:
    """Summary-table rows: set, locales, errors, warnings, info, status."""
    rows = []
    for r in batch.results:
        counts = r.report.counts() if r.report is not None else None
        nums = [str(counts[s]) if counts else "—" for s in (Severity.ERROR, Severity.WARNING)]
        nums.append(str(counts[Severity.INFO]) if counts else "—")
        rows.append((r.docset.key, ", ".join(r.docset.locales), *nums, set_status(r)))
    return rows


def render_text(batch: BatchReport, options: FormatOptions) -> str:
    single = get_formatter(OutputFormat.TEXT)
    out: list[str] = []
    for r, report in _with_findings(batch):
        out += [f"== {_title(r)} ==", single.format(report, options).rstrip("\n"), ""]
    incomplete = batch.incomplete
    if incomplete:
        out.append("== missing counterparts ==")
        out += [
            f"{_shown_path(batch, d.files[0].path, options)}: {_missing_message(d)}"
            for d in incomplete
        ]
        out.append("")
    failed = batch.failed
    if failed:
        out.append("== not checked ==")
        out += [f"{r.docset.key}: {r.error}" for r in failed]
        out.append("")
    out.append("== summary ==")
    header = ("set", "locales", "errors", "warnings", "info", "status")
    rows = [header, *_rows(batch)]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        cells = [row[i].ljust(widths[i]) if i < 2 else row[i].rjust(widths[i]) for i in range(5)]
        out.append("  ".join([*cells, row[5]]).rstrip())
    out.append(batch_summary_line(batch))
    return "\n".join(out) + "\n"


def render_rich(batch: BatchReport, options: FormatOptions) -> str:
    single = get_formatter(OutputFormat.RICH)
    width = options.width or shutil.get_terminal_size((TERMINAL_WIDTH, 24)).columns
    parts: list[str] = []
    for r, report in _with_findings(batch):
        heading = RichRule(Text(f" {_title(r)} ", style="bold"), align="left")
        parts.append(_console_text(heading, options, width))
        parts.append(single.format(report, options))
    table = Table(box=box.SIMPLE_HEAD, title="Document sets", title_justify="left")
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("set", "left"),
        ("locales", "left"),
        ("errors", "right"),
        ("warnings", "right"),
        ("info", "right"),
        ("status", "left"),
    )
    longest = max((len(r.docset.key) for r in batch.results), default=10)
    for name, justify in columns:
        wide = min(longest, width // 2) if name == "set" else None
        table.add_column(name, justify=justify, overflow="fold", min_width=wide)
    styles = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for r, row in zip(batch.results, _rows(batch), strict=True):
        worst = r.worst()
        style = "red" if r.error else (styles[worst] if worst is not None else None)
        table.add_row(*row, style=style)
    worst = batch.worst()
    verdict = Text(
        batch_summary_line(batch), style=f"bold {styles[worst]}" if worst else "bold green"
    )
    parts.append(_console_text(table, options, width))
    parts.append(_console_text(verdict, options, width))
    return "".join(parts)


def _console_text(renderable: Any, options: FormatOptions, width: int) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=max(width, 20),
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        force_interactive=False,
        no_color=not options.color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(renderable)
    out = buf.getvalue()
    if not options.color:
        out = "\n".join(line.rstrip() for line in out.split("\n"))
    return out


_ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}


def render_markdown(batch: BatchReport, options: FormatOptions) -> str:
    single = get_formatter(OutputFormat.MARKDOWN)
    worst = batch.worst()
    icon = "✅" if worst is None else _ICON[worst]
    out = [f"# {icon} tcheck: {cell(batch_summary_line(batch))}", ""]
    shown = [
        (r, row)
        for r, row in zip(batch.results, _rows(batch), strict=True)
        if _noteworthy(r) or r.docset.missing
    ]
    if shown:
        out += [
            "| Set | Locales | Errors | Warnings | Info | Status |",
            "| --- | --- | ---: | ---: | ---: | --- |",
        ]
        for _, row in shown[:MARKDOWN_MAX_ROWS]:
            out.append("| " + " | ".join(cell(c) for c in row) + " |")
        if len(shown) > MARKDOWN_MAX_ROWS:
            out += ["", f"…and {len(shown) - MARKDOWN_MAX_ROWS} more sets (see the full report)."]
    clean = sum(
        1
        for r in batch.results
        if r.report is not None and not r.report.findings and not r.docset.missing
    )
    if clean:
        out += ["", f"{plural(clean, 'more set')} checked clean."]
    for r, report in _with_findings(batch):
        body = single.format(report, options).rstrip("\n")
        if body.startswith("## "):  # the set's own verdict sits under the set's heading
            body = "#" + body
        out += ["", f"## {cell(_title(r))}", "", body]
    return "\n".join(out) + "\n"


def render_github(batch: BatchReport, options: FormatOptions) -> str:
    single = get_formatter(OutputFormat.GITHUB)
    out = [single.format(report, options) for report in batch.reports]
    for r in batch.results:
        d = r.docset
        first = _shown_path(batch, d.files[0].path, options)
        if r.error is not None:
            out.append(
                f"::error file={escape_property(first)},title=tcheck%3A not checked::"
                f"{escape_data(f'{d.key}: {r.error}')}\n"
            )
        if d.missing:
            out.append(
                f"::warning file={escape_property(first)},title=missing counterpart::"
                f"{escape_data(_missing_message(d))}\n"
            )
    return "".join(out)


def render_html(batch: BatchReport, options: FormatOptions) -> str:
    """One page: the summary table, then each set's own report page in a frame of its own.

    Frames keep every set's page whole (its ids, styles and filters do not collide) while the
    file stays self-contained: the pages travel in ``srcdoc``.
    """
    single = get_formatter(OutputFormat.HTML)
    anchors = {r.docset.key: f"set-{n}" for n, (r, _) in enumerate(_with_findings(batch))}
    worst = batch.worst()
    verdict = worst.label if worst else "clean"
    rows = []
    for r, row in zip(batch.results, _rows(batch), strict=True):
        name = esc(row[0])
        if r.docset.key in anchors:
            name = f'<a href="#{anchors[r.docset.key]}">{name}</a>'
        sev = r.worst()
        cls = "failed" if r.error else (sev.label if sev is not None else "clean")
        cells = "".join(f'<td class="num">{esc(c)}</td>' for c in row[2:5])
        rows.append(
            f'<tr class="{cls}"><td>{name}</td><td>{esc(row[1])}</td>{cells}'
            f"<td>{esc(row[5])}</td></tr>"
        )
    sections = []
    for r, report in _with_findings(batch):
        page = single.format(report, options)
        sections.append(
            f'<section id="{anchors[r.docset.key]}"><h2>{esc(_title(r))}</h2>'
            f'<iframe title="{esc(r.docset.key)}" loading="lazy" srcdoc="{esc(page)}"></iframe>'
            "</section>"
        )
    version = f" {options.tool_version}" if options.tool_version else ""
    title = f"tcheck: {batch_summary_line(batch)}"
    parts = [
        *page_start(title, _CSS),
        f'<header class="verdict-{esc(verdict)}"><h1>{esc(title)}</h1>'
        f"<p>{esc(batch.root)} · locales {esc(', '.join(batch.locales))}</p></header>",
        "<main>",
        "<table><thead><tr><th>Set</th><th>Locales</th><th>Errors</th><th>Warnings</th>"
        "<th>Info</th><th>Status</th></tr></thead><tbody>",
        *rows,
        "</tbody></table>",
        *sections,
        "</main>",
        f"<footer>tcheck{esc(version)} · batch schema tcheck.batch/1</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


_CSS = """
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
background:#f6f7f9;color:#1d2330}
header{padding:16px 28px;background:#fff;border-top:4px solid #12b76a;
border-bottom:1px solid #e3e6ec}
header.verdict-error{border-top-color:#d92d20}header.verdict-warning{border-top-color:#f5a524}
header.verdict-info{border-top-color:#1570ef}h1{font-size:20px;margin:0 0 4px}
header p{margin:0;color:#667085}main{padding:16px 28px}
table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:24px}
th,td{border-bottom:1px solid #e3e6ec;padding:4px 10px;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.error td:first-child{border-left:4px solid #d92d20}
tr.warning td:first-child{border-left:4px solid #f5a524}
tr.info td:first-child{border-left:4px solid #1570ef}
tr.failed td:first-child{border-left:4px solid #7a271a}
section h2{font-size:16px;margin:24px 0 8px}
iframe{width:100%;height:80vh;border:1px solid #e3e6ec;background:#fff;resize:vertical}
footer{padding:12px 28px;color:#667085;font-size:12px}
"""

BATCH_RENDERERS: dict[OutputFormat, BatchRenderer] = {
    OutputFormat.RICH: render_rich,
    OutputFormat.TEXT: render_text,
    OutputFormat.JSON: render_json,
    OutputFormat.SARIF: render_sarif,
    OutputFormat.HTML: render_html,
    OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.GITHUB: render_github,
}

_missing = [f.value for f in OutputFormat if f not in BATCH_RENDERERS]
if _missing:  # a format added without a batch rendering must not ship silently
    raise RuntimeError(f"no batch rendering registered for: {', '.join(_missing)}")

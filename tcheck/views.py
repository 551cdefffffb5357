"""Terminal views of the CLI's helper commands: ``segment``, ``align``, ``rules``, ``explain``."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tcheck.checks import all_rules
from tcheck.checks.base import Rule
from tcheck.model import Alignment, Version


def _console(width: int | None, color: bool) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width or 120,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        soft_wrap=False,
    )
    return console, buf


def segments_dict(version: Version) -> dict[str, Any]:
    return {
        "schema": "tcheck.segments/1",
        "path": version.path,
        "lang": version.lang,
        "lang_confidence": round(version.lang_confidence, 3),
        "encoding": version.encoding,
        "segments": [
            {
                "index": s.index,
                "line": s.line,
                "column": s.column,
                "paragraph": s.paragraph,
                "headline": s.headline,
                "text": s.text,
            }
            for s in version.sentences
        ],
        "metadata": [
            {"kind": m.kind, "line": m.line, "column": m.column, "text": m.text}
            for m in version.metadata
        ],
    }


def segments_rich(version: Version, *, color: bool = False, width: int | None = None) -> str:
    console, buf = _console(width, color)
    console.print(
        f"{version.path}: {version.lang} ({version.lang_confidence:.2f}), {version.encoding}, "
        f"{len(version.sentences)} sentences, {len(version.metadata)} metadata lines"
    )
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column("#", justify="right")
    table.add_column("line:col", justify="right")
    table.add_column("¶", justify="right")
    table.add_column("text", overflow="fold")
    for s in version.sentences:
        table.add_row(
            str(s.index),
            f"{s.line}:{s.column}",
            str(s.paragraph),
            Text(s.text, style="bold" if s.headline else ""),
        )
    for m in version.metadata:
        table.add_row("meta", f"{m.line}:{m.column}", m.kind, Text(m.text, style="dim"))
    console.print(table)
    return buf.getvalue()


def alignment_tsv(alignment: Alignment) -> str:
    ids = [g for g in (v.id for v in alignment.versions) if g not in alignment.unrelated]
    lines = ["\t".join(["group", "moved", "score", *ids])]
    for g in alignment.groups:
        cells = []
        for vid in ids:
            v = alignment.version(vid)
            cells.append(" ".join(v.sentences[i].text for i in g.members[vid]).replace("\t", " "))
        lines.append("\t".join([str(g.id), str(int(g.moved)), f"{g.score:.3f}", *cells]))
    for vid in alignment.unrelated:
        lines.append(f"# unrelated\t{vid}\tcoverage {alignment.coverage.get(vid, 0):.2f}")
    return "\n".join(lines) + "\n"


def alignment_rich(alignment: Alignment, *, width: int | None = None, color: bool = False) -> str:
    console, buf = _console(width, color)
    ids = [v.id for v in alignment.versions if v.id not in alignment.unrelated]
    table = Table(show_header=True, header_style="bold", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    for vid in ids:
        v = alignment.version(vid)
        table.add_column(f"{vid} ({v.lang})", overflow="fold", ratio=1)
    for g in alignment.groups:
        cells = []
        for vid in ids:
            v = alignment.version(vid)
            text = " ".join(v.sentences[i].text for i in g.members[vid])
            cells.append(Text(text) if text else Text("—", style="dim"))
        label = f"{g.id}{' ↕' if g.moved else ''}"
        table.add_row(label, *cells)
    console.print(table)
    for vid in alignment.unrelated:
        console.print(f"unrelated: {vid} (coverage {alignment.coverage.get(vid, 0):.0%})")
    console.print(f"{len(alignment.groups)} groups, backbone {alignment.backbone}")
    return buf.getvalue()


def rules_table(*, color: bool = False, width: int | None = None) -> str:
    console, buf = _console(width, color)
    table = Table(show_header=True, header_style="bold")
    for col in ("code", "slug", "category", "severity", "description"):
        table.add_column(col, overflow="fold")
    for r in all_rules():
        table.add_row(r.code, r.slug, r.category.value, r.severity.label, r.summary)
    console.print(table)
    return buf.getvalue()


def explain(rule: Rule) -> str:
    parts = [
        f"{rule.code} {rule.slug} ({rule.category.value}, default severity {rule.severity.label})",
        "",
        rule.summary,
    ]
    if rule.explanation:
        parts += ["", rule.explanation]
    if rule.example:
        parts += ["", "Example:", *("    " + line for line in rule.example.splitlines())]
    return "\n".join(parts) + "\n"

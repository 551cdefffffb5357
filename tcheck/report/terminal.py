"""Terminal report (rich): versions, a presence map, findings with their sentences side by side.

With ``color=False`` the output is plain text (no escape codes) and evidence spans are
bracketed; with colour they are highlighted instead.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule as RichRule
from rich.table import Table
from rich.text import Text

from tcheck.model import Category, Evidence, Finding, Report, Severity, Version
from tcheck.model import Group as ContentGroup
from tcheck.report.base import (
    SEVERITY_ORDER,
    FormatOptions,
    Span,
    display_path,
    evidence_range,
    find_version,
    group_sentences,
    location,
    ordered_findings,
    plural,
    segments,
    summary_line,
)
from tcheck.report.terminal_safe import safe_report

DEFAULT_WIDTH = 100
NARROW = 80
"""Below this width the versions table becomes a list."""
MIN_COLUMN = 26
"""Narrowest sentence column before the evidence is stacked instead of set side by side."""
EXCERPT_CHARS = 360
"""Longest sentence text shown per version; longer text keeps the context around the spans."""
CONTEXT_CHARS = 70
"""Characters kept on each side of a highlighted span when an excerpt is cut."""

_SEV_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}
_SEV_ICON = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
_SEV_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
_SEV_CELL = {Severity.ERROR: "E", Severity.WARNING: "W", Severity.INFO: "i"}
_ODD_STYLE = "bold white on red"
"""The version a finding is about (the odd one out)."""
_REF_STYLE = "bold green"
"""The other versions' matching spans."""


@dataclass(frozen=True)
class _Piece:
    text: str
    style: str | None = None


class TerminalFormatter:
    """A readable report for editors at the terminal."""

    name = "rich"
    description = "a readable terminal report (colour when the terminal supports it)"

    def format(self, report: Report, options: FormatOptions) -> str:
        report = safe_report(report)
        width = options.width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        buf = io.StringIO()
        console = Console(
            file=buf,
            width=max(width, 20),
            color_system="standard" if options.color else None,  # named colours only
            force_terminal=options.color,
            force_interactive=False,
            no_color=not options.color,
            highlight=False,
            markup=False,
            emoji=False,
            legacy_windows=False,
        )
        _Renderer(report, options, console).render()
        out = buf.getvalue()
        if not options.color:  # rich pads table cells; trailing blanks only get in the way
            out = "\n".join(line.rstrip() for line in out.split("\n"))
        return out


class _Renderer:
    def __init__(self, report: Report, options: FormatOptions, console: Console) -> None:
        self.report = report
        self.al = report.alignment
        self.options = options
        self.console = console
        self.width = console.width
        self.plain = not options.color

    def render(self) -> None:
        c = self.console
        c.print(self._title())
        c.print(self._versions_table())
        c.print()
        c.print(self._presence_map())
        findings = ordered_findings(self.report.findings)
        for sev in SEVERITY_ORDER:
            of_sev = [f for f in findings if f.severity == sev]
            if not of_sev:
                continue
            c.print()
            title = Text(f" {_SEV_TITLE[sev]} ({len(of_sev)}) ", style=_SEV_STYLE[sev])
            c.print(RichRule(title, style=_SEV_STYLE[sev].replace("bold ", ""), align="left"))
            categories: list[Category] = []
            for f in of_sev:
                if f.category not in categories:
                    categories.append(f.category)
            for cat in categories:
                of_cat = [f for f in of_sev if f.category == cat]
                c.print(Text(f"{cat.value} ({len(of_cat)})", style="bold underline"))
                for f in of_cat:
                    c.print(self._finding(f))
        c.print()
        c.print(self._summary())

    # -- header --------------------------------------------------------------------------------

    def _title(self) -> Text:
        al = self.al
        text = Text()
        text.append("tcheck", style="bold")
        text.append(
            f" · {plural(len(al.versions), 'version')} · {plural(len(al.groups), 'group')}"
            f" · backbone {al.backbone}",
            style="dim",
        )
        return text

    def _versions_table(self) -> RenderableType:
        al = self.al
        if self.width < NARROW:
            return self._versions_list()
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=False)
        table.add_column("version", no_wrap=True, style="bold")
        table.add_column("file", overflow="fold")
        table.add_column("lang", no_wrap=True)
        table.add_column("sentences", justify="right", no_wrap=True)
        table.add_column("aligned", justify="right", no_wrap=True)
        table.add_column("meta", justify="right", no_wrap=True)
        table.add_column("", no_wrap=False)
        for v in al.versions:
            grouped = sum(len(g.members.get(v.id, ())) for g in al.groups)
            unrelated = v.id in al.unrelated
            table.add_row(
                Text(v.id),
                Text(display_path(v, self.options.base_dir) if v.path else "(text)"),
                Text(f"{v.lang} {v.lang_confidence:.0%}"),
                Text(f"{grouped}/{len(v.sentences)}"),
                Text(f"{al.coverage.get(v.id, 0.0):.0%}"),
                Text(str(len(v.metadata))),
                Text("UNRELATED", style="bold red") if unrelated else Text(""),
            )
        return table

    def _versions_list(self) -> RenderableType:
        """The versions table folded into two lines per version, for narrow terminals."""
        al = self.al
        lines: list[RenderableType] = []
        for v in al.versions:
            grouped = sum(len(g.members.get(v.id, ())) for g in al.groups)
            head = Text()
            head.append(v.id, style="bold")
            head.append("  " + (display_path(v, self.options.base_dir) if v.path else "(text)"))
            if v.id in al.unrelated:
                head.append("  UNRELATED", style="bold red")
            lines.append(head)
            detail = (
                f"{v.lang} {v.lang_confidence:.0%} · {grouped}/{len(v.sentences)} sentences"
                f" · {al.coverage.get(v.id, 0.0):.0%} aligned · {len(v.metadata)} meta"
            )
            lines.append(Padding(Text(detail, style="dim"), (0, 0, 0, 2)))
        return Group(*lines)

    # -- presence map --------------------------------------------------------------------------

    def _presence_map(self) -> RenderableType:
        al = self.al
        groups = al.groups
        legend = Text()
        legend.append("Presence map", style="bold")
        legend.append("  █ present  · missing", style="dim")
        if any(g.moved for g in groups):
            legend.append("  ^ moved", style="dim")
        worst = self._worst_by_group()
        if worst:
            legend.append("  E/W/i findings", style="dim")
        if not groups:
            return Group(legend, Text("  (no groups)", style="dim"))

        ids = [v.id for v in al.versions]
        label_w = max([len(i) for i in ids] + [len("issues")]) + 2
        per_row = max(10, (self.width - label_w - 1) // 10 * 10)
        lines: list[Text] = [legend]
        for at in range(0, len(groups), per_row):
            chunk = groups[at : at + per_row]
            ticks = [" "] * len(chunk)
            pos = 0
            while pos < len(chunk):
                gid = chunk[pos].id
                label = str(gid)
                if gid % 10 == 0 and pos + len(label) <= len(chunk):
                    ticks[pos : pos + len(label)] = list(label)
                    pos += len(label)
                else:
                    pos += 1
            lines.append(Text(" " * label_w + "".join(ticks), style="dim"))
            for vid in ids:
                if vid in al.unrelated and at:
                    continue  # said once, in the first block
                row = Text()
                row.append(vid.ljust(label_w), style="bold")
                if vid in al.unrelated:
                    row.append("unrelated: not aligned with the others", style="red")
                else:
                    for g in chunk:
                        if g.members.get(vid):
                            row.append("█", style="green")
                        else:
                            row.append("·", style="bold red")
                lines.append(row)
            if any(g.moved for g in chunk):
                row = Text()
                row.append("moved".ljust(label_w), style="dim")
                for g in chunk:
                    row.append("^" if g.moved else " ", style="magenta")
                lines.append(row)
            if any(g.id in worst for g in chunk):
                row = Text()
                row.append("issues".ljust(label_w), style="dim")
                for g in chunk:
                    sev = worst.get(g.id)
                    row.append(_SEV_CELL[sev] if sev else " ", style=_SEV_STYLE[sev] if sev else "")
                lines.append(row)
        for line in lines:
            line.no_wrap = True
            line.overflow = "crop"
        return Group(*lines)

    def _worst_by_group(self) -> dict[int, Severity]:
        worst: dict[int, Severity] = {}
        for f in self.report.findings:
            if f.group is not None:
                worst[f.group] = max(worst.get(f.group, f.severity), f.severity)
        return worst

    # -- findings ------------------------------------------------------------------------------

    def _finding(self, f: Finding) -> RenderableType:
        head = Text("  ")
        head.append(_SEV_ICON[f.severity] + " ", style=_SEV_STYLE[f.severity])
        head.append(f"{f.code} {f.slug}", style="bold")
        if f.group is not None:
            head.append(f" · group {f.group}", style="dim")
            group = self._group(f.group)
            if group is not None and group.moved:
                head.append(" (moved)", style="magenta")
        if f.versions:
            head.append(" · " + ", ".join(f.versions), style="dim")
        message = Padding(Text(f.message), (0, 0, 0, 4))
        return Group(head, message, Padding(self._evidence(f), (0, 0, 1, 4)))

    def _group(self, gid: int) -> ContentGroup | None:
        for g in self.al.groups:
            if g.id == gid:
                return g
        return None

    def _columns(self, f: Finding) -> list[str]:
        wanted = {e.version for e in f.evidence} | set(f.versions)
        return [v.id for v in self.al.versions if v.id in wanted]

    def _evidence(self, f: Finding) -> RenderableType:
        cols = self._columns(f)
        cells = [(self._cell_header(f, vid), self._cell_body(f, vid)) for vid in cols]
        if not cells:
            return Text("")
        avail = self.width - 4
        col_w = (avail - 3 * (len(cells) - 1)) // len(cells)
        if len(cells) > 1 and col_w >= MIN_COLUMN:
            table = Table(
                box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, padding=(0, 1)
            )
            for header, _ in cells:
                table.add_column(header, ratio=1, overflow="fold", vertical="top")
            table.add_row(*(body for _, body in cells))
            return table
        stacked: list[RenderableType] = []
        for header, body in cells:
            stacked.append(header)
            stacked.append(Padding(body, (0, 0, 0, 2)))
        return Group(*stacked)

    def _cell_header(self, f: Finding, vid: str) -> Text:
        version = find_version(self.al, vid)
        text = Text()
        text.append(vid, style="bold red" if vid in f.versions else "bold")
        ev = next((e for e in f.evidence if e.version == vid), None)
        where: str | None = None
        if ev is not None:
            where = location(version, ev, self.options.base_dir)
        elif version is not None and f.group is not None:
            sents = group_sentences(version, self._members(f.group, vid))
            if sents:
                path = display_path(version, self.options.base_dir)
                where = f"{path}:{sents[0].line}:{sents[0].column}"
        if where:
            text.append("  " + where, style="dim")
        return text

    def _members(self, gid: int, vid: str) -> Sequence[int]:
        for g in self.al.groups:
            if g.id == gid:
                return g.members.get(vid, ())
        return ()

    def _cell_body(self, f: Finding, vid: str) -> Text:
        version = find_version(self.al, vid)
        evs = [e for e in f.evidence if e.version == vid]
        if version is None:
            return Text(" ".join(e.text for e in evs) or "—", style="dim")
        idx: list[int] = []
        if f.group is not None:
            idx = list(self._members(f.group, vid))
        idx += [e.sentence for e in evs if e.sentence is not None and e.sentence not in idx]
        sents = group_sentences(version, idx)
        style = _ODD_STYLE if vid in f.versions else _REF_STYLE
        if not sents:
            if evs:  # version-level evidence: show what it quotes
                return _render(_cap([_Piece(" ".join(e.text.split()), None) for e in evs]))
            return Text("— missing —", style="italic red" if vid in f.versions else "dim")
        pieces: list[_Piece] = []
        spans = _spans(version, evs)
        for n, sent in enumerate(sents):
            if n:
                pieces.append(_Piece(" "))
            for seg in segments(sent.text, sent.start, spans):
                pieces.append(_Piece(seg.text, style if seg.hits else None))
        return _render(_cap(pieces), bracket=self.plain)

    def _summary(self) -> Text:
        worst = self.report.worst()
        style = _SEV_STYLE[worst] if worst else "bold green"
        return Text(summary_line(self.report), style=style)


def _spans(version: Version, evs: Sequence[Evidence]) -> list[Span]:
    out: list[Span] = []
    for e in evs:
        rng = evidence_range(version, e)
        if rng is not None:
            out.append(Span(*rng))
    return out


def _cap(pieces: list[_Piece]) -> list[_Piece]:
    """Shorten plain stretches far from any highlight so an excerpt stays readable."""
    pieces = [_Piece(" ".join(p.text.split("\n")), p.style) for p in pieces]
    if sum(len(p.text) for p in pieces) <= EXCERPT_CHARS:
        return pieces
    if not any(p.style for p in pieces):
        text = "".join(p.text for p in pieces)
        return [_Piece(text[: EXCERPT_CHARS - 1].rstrip() + "…")]
    out: list[_Piece] = []
    last = len(pieces) - 1
    for i, p in enumerate(pieces):
        t = p.text
        if p.style is None and len(t) > CONTEXT_CHARS:
            if i == 0:
                t = "…" + t[-CONTEXT_CHARS:].lstrip()
            elif i == last:
                t = t[:CONTEXT_CHARS].rstrip() + "…"
            elif len(t) > 2 * CONTEXT_CHARS:
                half = CONTEXT_CHARS // 2
                t = t[:half].rstrip() + " … " + t[-half:].lstrip()
        out.append(_Piece(t, p.style))
    return out


def _render(pieces: list[_Piece], *, bracket: bool = False) -> Text:
    text = Text()
    for p in pieces:
        if p.style and bracket:
            text.append("[" + p.text + "]")
        else:
            text.append(p.text, style=p.style or "")
    return text

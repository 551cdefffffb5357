"""HTML report: one self-contained page (inline CSS and JS, nothing loaded from the network).

The versions stand in aligned columns, one row per group, with the evidence of every finding
marked in place; a findings panel filters by severity and category and links to the rows.
Every piece of source text goes through ``html.escape`` before it reaches the page.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass

from tcheck.model import Finding, Report, Severity, Version
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


def esc(value: object) -> str:
    """Text or attribute value made inert: ``& < > " '`` all escaped."""
    return html.escape(str(value), quote=True)


def page_start(title: str, css: str) -> list[str]:
    """The opening of a self-contained page, up to and including ``<body>``."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="tcheck">',
        f"<title>{esc(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]


@dataclass(frozen=True)
class _Mark:
    """One finding's evidence span inside a version's text."""

    start: int
    end: int
    finding_id: str
    finding: Finding
    odd: bool
    """True in the version the finding is about (the odd one out)."""


class HtmlFormatter:
    """A standalone HTML page for reading a report in a browser."""

    name = "html"
    description = "a self-contained HTML page with aligned columns and filters"

    def format(self, report: Report, options: FormatOptions) -> str:
        return _Page(report, options).render()


class _Page:
    def __init__(self, report: Report, options: FormatOptions) -> None:
        self.report = report
        self.al = report.alignment
        self.options = options
        self.findings = ordered_findings(report.findings)
        self.fid = {id(f): f"f-{n + 1}" for n, f in enumerate(self.findings)}
        self.vanchor = {v.id: f"v-{n}" for n, v in enumerate(self.al.versions)}
        self.columns = [v for v in self.al.versions if v.id not in self.al.unrelated]
        self.marks = self._collect_marks()
        self.by_group: dict[int, list[Finding]] = defaultdict(list)
        for f in self.findings:
            if f.group is not None:
                self.by_group[f.group].append(f)

    def _collect_marks(self) -> dict[tuple[str, int], list[_Mark]]:
        """(version id, sentence index) -> the evidence spans that fall in that sentence."""
        marks: dict[tuple[str, int], list[_Mark]] = defaultdict(list)
        for f in self.findings:
            for e in f.evidence:
                version = find_version(self.al, e.version)
                if version is None or e.sentence is None:
                    continue
                rng = evidence_range(version, e)
                if rng is None:
                    continue
                marks[(e.version, e.sentence)].append(
                    _Mark(rng[0], rng[1], self.fid[id(f)], f, e.version in f.versions)
                )
        return marks

    # -- page ----------------------------------------------------------------------------------

    def render(self) -> str:
        title = f"tcheck: {summary_line(self.report)}"
        parts = [
            *page_start(title, _CSS),
            self._header(),
            '<main class="layout">',
            '<div class="content">',
            self._versions(),
            self._presence(),
            self._aligned(),
            self._unrelated(),
            "</div>",
            self._findings_panel(),
            "</main>",
            self._footer(),
            f"<script>{_JS}</script>",
            "</body>",
            "</html>",
        ]
        return "\n".join(p for p in parts if p) + "\n"

    def _header(self) -> str:
        worst = self.report.worst()
        verdict = worst.label if worst else "clean"
        counts = self.report.counts()
        chips = "".join(
            f'<span class="chip sev-{s.label}">{counts[s]} {esc(_sev_word(s, counts[s]))}</span>'
            for s in SEVERITY_ORDER
        )
        if self.report.suppressed:
            chips += f'<span class="chip muted">{self.report.suppressed} suppressed</span>'
        meta = [
            plural(len(self.al.versions), "version"),
            plural(len(self.al.groups), "group"),
            f"backbone {self.al.backbone}",
        ]
        return (
            f'<header class="top verdict-{esc(verdict)}">'
            '<div class="brand">tcheck <span>translation consistency report</span></div>'
            f'<h1><span class="dot"></span>{esc(summary_line(self.report))}</h1>'
            f'<div class="chips">{chips}</div>'
            f'<div class="meta">{esc(" · ".join(meta))}</div>'
            "</header>"
        )

    def _footer(self) -> str:
        version = f" {self.options.tool_version}" if self.options.tool_version else ""
        return f"<footer>tcheck{esc(version)} · report schema tcheck.report/1</footer>"

    # -- versions ------------------------------------------------------------------------------

    def _versions(self) -> str:
        rows = []
        for v in self.al.versions:
            grouped = sum(len(g.members.get(v.id, ())) for g in self.al.groups)
            missing = sum(1 for g in self.al.groups if not g.members.get(v.id))
            unrelated = v.id in self.al.unrelated
            status = (
                '<span class="pill sev-error">unrelated</span>'
                if unrelated
                else (f'<span class="pill gap">{missing} missing</span>' if missing else "")
            )
            rows.append(
                f'<tr id="{self.vanchor[v.id]}"><th scope="row">{esc(v.id)}</th>'
                f'<td class="path">'
                f"{esc(display_path(v, self.options.base_dir) if v.path else '(text)')}</td>"
                f"<td>{esc(v.lang)} <small>{v.lang_confidence:.0%}</small></td>"
                f'<td class="num">{grouped} / {len(v.sentences)}</td>'
                f'<td class="num">{self._coverage_bar(v)}</td>'
                f'<td class="num">{len(v.metadata)}</td>'
                f"<td>{esc(v.encoding)}</td>"
                f"<td>{status}</td></tr>"
            )
        return (
            '<section class="card"><h2>Versions</h2><div class="scroll">'
            '<table class="versions"><thead><tr><th>Version</th><th>File</th><th>Language</th>'
            '<th class="num">Grouped / read</th><th class="num">Aligned</th>'
            '<th class="num">Meta lines</th><th>Encoding</th><th></th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div></section>"
        )

    def _coverage_bar(self, v: Version) -> str:
        cov = max(0.0, min(1.0, self.al.coverage.get(v.id, 0.0)))
        return (
            f'<span class="bar" title="{cov:.0%} of its sentences aligned">'
            f'<span style="width:{cov * 100:.0f}%"></span></span> {cov:.0%}'
        )

    # -- presence map --------------------------------------------------------------------------

    def _presence(self) -> str:
        groups = self.al.groups
        if not groups:
            return ""
        n = len(groups)
        style = f'style="grid-template-columns: 7rem repeat({n}, 14px)"'
        cells = ['<div class="plabel"></div>']
        for g in groups:
            tick = str(g.id) if g.id % 10 == 0 else ""
            cells.append(f'<div class="tick">{esc(tick)}</div>')
        for v in self.al.versions:
            cells.append(f'<div class="plabel">{esc(v.id)}</div>')
            if v.id in self.al.unrelated:
                cells.append(
                    f'<div class="punrel" style="grid-column: span {n}">'
                    f'<a href="#{self.vanchor[v.id]}-text">unrelated: not aligned</a></div>'
                )
                continue
            for g in groups:
                has = bool(g.members.get(v.id))
                cls = "cell present" if has else "cell absent"
                label = f"group {g.id}: {v.id} {'present' if has else 'missing'}"
                if g.moved:
                    cls += " moved"
                    label += " (moved)"
                cells.append(f'<a class="{cls}" href="#g-{g.id}" title="{esc(label)}"></a>')
        cells.append('<div class="plabel">findings</div>')
        for g in groups:
            found = self.by_group.get(g.id)
            if found:
                worst = max(f.severity for f in found).label
                label = f"group {g.id}: " + "; ".join(f"{f.code} {f.slug}" for f in found)
                cells.append(
                    f'<a class="cell sevcell sev-{worst}" href="#g-{g.id}" '
                    f'title="{esc(label)}"></a>'
                )
            else:
                cells.append('<div class="cell none"></div>')
        legend = (
            '<div class="legend"><span class="cell present"></span> present '
            '<span class="cell absent"></span> missing '
            '<span class="cell present moved"></span> moved '
            '<span class="cell sevcell sev-error"></span> error '
            '<span class="cell sevcell sev-warning"></span> warning '
            '<span class="cell sevcell sev-info"></span> info</div>'
        )
        return (
            '<section class="card"><h2>Presence map</h2>'
            '<p class="hint">One square per group of aligned sentences; '
            "click one to jump to it.</p>"
            f'<div class="scroll"><div class="pmap" {style}>{"".join(cells)}</div></div>'
            f"{legend}</section>"
        )

    # -- aligned columns -----------------------------------------------------------------------

    def _aligned(self) -> str:
        head = ['<th class="gid">#</th>']
        for v in self.columns:
            path = display_path(v, self.options.base_dir) if v.path else "(text)"
            head.append(
                f'<th lang="{esc(v.lang)}">{esc(v.id)} '
                f"<small>{esc(v.lang)} · {esc(path)}</small></th>"
            )
        rows = [self._row(g) for g in self.al.groups]
        if not rows:
            rows = [f'<tr><td colspan="{len(self.columns) + 1}" class="empty">No groups.</td></tr>']
        return (
            '<section class="card"><div class="cardhead"><h2>Aligned text</h2>'
            '<label class="toggle"><input type="checkbox" id="only-issues"> '
            "only rows with findings or gaps</label></div>"
            '<div class="scroll"><table class="aligned"><thead><tr>'
            f"{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
        )

    def _row(self, g: ContentGroup) -> str:
        found = self.by_group.get(g.id, [])
        gap = any(not g.members.get(v.id) for v in self.columns)
        classes = ["moved"] if g.moved else []
        if found:
            classes.append("has-issue")
        if gap:
            classes.append("has-gap")
        badges = "".join(
            f'<a class="dotlink sev-{f.severity.label}" href="#{self.fid[id(f)]}" '
            f'title="{esc(f"{f.code} {f.slug}: {f.message}")}"></a>'
            for f in found
        )
        moved = (
            '<span class="pill moved" title="this content sits elsewhere in some version">'
            "moved</span>"
        )
        cells = [
            f'<th class="gid"><a href="#g-{g.id}">{g.id}</a>{moved if g.moved else ""}'
            f'<div class="dots">{badges}</div></th>'
        ]
        for v in self.columns:
            sents = group_sentences(v, g.members.get(v.id, ()))
            if not sents:
                cells.append('<td class="missing"><span>missing</span></td>')
                continue
            body = " ".join(self._sentence(v, s.index) for s in sents)
            cells.append(f'<td lang="{esc(v.lang)}">{body}</td>')
        cls = f' class="{" ".join(classes)}"' if classes else ""
        return f'<tr id="g-{g.id}"{cls}>{"".join(cells)}</tr>'

    def _sentence(self, v: Version, index: int) -> str:
        sent = v.sentences[index]
        marks = self.marks.get((v.id, index), [])
        spans = [Span(m.start, m.end) for m in marks]
        out = []
        for seg in segments(sent.text, sent.start, spans):
            text = esc(seg.text)
            if not seg.hits:
                out.append(text)
                continue
            hit = [marks[i] for i in seg.hits]
            worst = max(m.finding.severity for m in hit).label
            ids = list(dict.fromkeys(m.finding_id for m in hit))
            title = "\n".join(
                dict.fromkeys(
                    f"{m.finding.code} {m.finding.slug}: {m.finding.message}" for m in hit
                )
            )
            cls = f"sev-{worst}" + (" odd" if any(m.odd for m in hit) else "")
            if all(m.start <= sent.start and m.end >= sent.end for m in hit):
                # A whole sentence (an omission or addition) is tinted, not boxed line by line.
                cls += " whole"
            out.append(
                f'<mark class="{cls}" data-f="{esc(" ".join(ids))}" title="{esc(title)}">'
                f"{text}</mark>"
            )
        headline = ' class="headline"' if sent.headline else ""
        where = f"{display_path(v, self.options.base_dir)}:{sent.line}:{sent.column}"
        return f'<span{headline} title="{esc(where)}">{"".join(out)}</span>'

    def _unrelated(self) -> str:
        blocks = []
        for v in self.al.versions:
            if v.id not in self.al.unrelated:
                continue
            sents = "".join(f"<p>{esc(s.text)}</p>" for s in v.sentences[:40])
            more = len(v.sentences) - 40
            if more > 0:
                sents += f'<p class="hint">…and {more} more sentences</p>'
            blocks.append(
                f'<details id="{self.vanchor[v.id]}-text" lang="{esc(v.lang)}">'
                f"<summary>{esc(v.id)} <small>{esc(display_path(v, self.options.base_dir))}"
                f"</small></summary>{sents}</details>"
            )
        if not blocks:
            return ""
        return (
            '<section class="card unrelated"><h2>Unrelated versions</h2>'
            '<p class="hint">These versions do not match the others and stay out of the '
            f"alignment.</p>{''.join(blocks)}</section>"
        )

    # -- findings panel ------------------------------------------------------------------------

    def _findings_panel(self) -> str:
        counts = self.report.counts()
        sev_boxes = "".join(
            f'<label class="fchip sev-{s.label}"><input type="checkbox" name="severity" '
            f'value="{s.label}" checked> {esc(s.label)} <b>{counts[s]}</b></label>'
            for s in SEVERITY_ORDER
        )
        cats: dict[str, int] = {}
        for f in sorted(self.findings, key=lambda f: f.category.value):
            cats[f.category.value] = cats.get(f.category.value, 0) + 1
        cat_boxes = "".join(
            f'<label class="fchip"><input type="checkbox" name="category" value="{esc(c)}" '
            f"checked> {esc(c)} <b>{n}</b></label>"
            for c, n in cats.items()
        )
        items = "".join(self._finding_item(f) for f in self.findings)
        if not items:
            items = '<li class="empty">No findings: the versions agree.</li>'
        return (
            '<aside class="panel" id="findings"><h2>Findings '
            f'<small><span id="shown">{len(self.findings)}</span> shown</small></h2>'
            '<div class="filters">'
            f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
            f"<fieldset><legend>Category</legend>{cat_boxes or '—'}</fieldset>"
            f'</div><ol class="flist">{items}</ol></aside>'
        )

    def _finding_item(self, f: Finding) -> str:
        if f.group is not None:
            target = f'<a class="goto" href="#g-{f.group}">group {f.group} →</a>'
        elif f.versions and f.versions[0] in self.vanchor:
            target = f'<a class="goto" href="#{self.vanchor[f.versions[0]]}">version →</a>'
        else:
            target = ""
        locs = "".join(self._evidence_item(f, e_index) for e_index in range(len(f.evidence)))
        return (
            f'<li class="finding sev-{f.severity.label}" id="{self.fid[id(f)]}" '
            f'data-severity="{f.severity.label}" data-category="{esc(f.category.value)}">'
            f'<div class="fhead"><span class="sev">{esc(f.severity.label)}</span>'
            f'<code>{esc(f.code)}</code> <span class="slug">{esc(f.slug)}</span></div>'
            f'<p class="msg">{esc(f.message)}</p>'
            f'<ul class="locs">{locs}</ul>'
            f'<div class="ffoot"><span class="cat">{esc(f.category.value)}</span>{target}</div>'
            "</li>"
        )

    def _evidence_item(self, f: Finding, n: int) -> str:
        e = f.evidence[n]
        version = find_version(self.al, e.version)
        where = location(version, e, self.options.base_dir)
        text = " ".join(e.text.split())
        if len(text) > 160:
            text = text[:159] + "…"
        odd = " odd" if e.version in f.versions else ""
        return (
            f'<li class="loc{odd}"><b>{esc(e.version)}</b> <q>{esc(text)}</q> '
            f'<span class="where">{esc(where)}</span></li>'
        )


def _sev_word(sev: Severity, n: int) -> str:
    if sev is Severity.INFO:
        return "info"
    return sev.label if n == 1 else sev.label + "s"


_CSS = """
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2330;--mute:#667085;--line:#e3e6ec;--head:#f0f2f5;
--err:#d92d20;--err-bg:#fde2df;--warn:#b54708;--warn-dot:#f5a524;--warn-bg:#fef0c7;--info:#1570ef;--info-bg:#dbe9fe;
--ok:#12b76a;--present:#3b7d5b;--absent:#f2c4bf;--moved:#7a5af8;--gap:repeating-linear-gradient(
135deg,#f4f5f7 0 6px,#eceef2 6px 12px)}
@media (prefers-color-scheme:dark){:root{--bg:#0f1115;--card:#181b21;--ink:#e6e8ec;--mute:#98a2b3;
--line:#2a2f38;--head:#20242c;--err-bg:#5a1d17;--warn-bg:#4d3410;--info-bg:#152c52;
--absent:#6b2b25;--gap:repeating-linear-gradient(135deg,#1c1f26 0 6px,#22262e 6px 12px)}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,
sans-serif}
a{color:var(--info)}
.top{padding:18px 28px 14px;background:var(--card);border-bottom:1px solid var(--line);
border-top:4px solid var(--ok)}
.top.verdict-error{border-top-color:var(--err)}.top.verdict-warning{border-top-color:var(--warn-dot)}
.top.verdict-info{border-top-color:var(--info)}
.brand{font-weight:700;letter-spacing:.02em;color:var(--mute);font-size:13px}
.brand span{font-weight:400;margin-left:6px}
h1{margin:4px 0 8px;font-size:22px;display:flex;align-items:center;gap:10px}
.dot{width:12px;height:12px;border-radius:50%;background:var(--ok);display:inline-block}
.verdict-error .dot{background:var(--err)}.verdict-warning .dot{background:var(--warn-dot)}
.verdict-info .dot{background:var(--info)}
.chips{display:flex;gap:8px;flex-wrap:wrap}.meta{color:var(--mute);margin-top:6px;font-size:13px}
.chip,.pill{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;
font-weight:600;background:var(--head);color:var(--mute)}
.pill{padding:0 8px;font-size:11px}
.chip.sev-error,.pill.sev-error{background:var(--err-bg);color:var(--err)}
.chip.sev-warning{background:var(--warn-bg);color:var(--warn)}
.chip.sev-info{background:var(--info-bg);color:var(--info)}
.pill.gap{background:var(--warn-bg);color:var(--warn)}.pill.moved{background:#ece9fe;color:var(--moved);
margin-left:4px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:20px;padding:20px 28px;
align-items:start}
@media (max-width:1100px){.layout{grid-template-columns:1fr}.panel{position:static;max-height:none}}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;
margin-bottom:20px}
.cardhead{display:flex;justify-content:space-between;align-items:baseline;gap:12px}
h2{font-size:15px;margin:0 0 10px}h2 small{font-weight:400;color:var(--mute);margin-left:6px}
.hint{color:var(--mute);font-size:12px;margin:-6px 0 10px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 10px;border-bottom:1px solid var(--line)}
thead th{background:var(--head);font-size:12px;color:var(--mute);font-weight:600;position:sticky;
top:0}
.num{text-align:right;white-space:nowrap}
.versions small{color:var(--mute)}
.versions th,.versions td{padding:6px 8px}
.versions td.path{overflow-wrap:anywhere;font-size:13px}
.versions th[scope=row],.versions .pill{white-space:nowrap}
.bar{display:inline-block;width:56px;height:6px;background:var(--line);border-radius:3px;
vertical-align:middle;overflow:hidden}.bar span{display:block;height:100%;background:var(--present)}
.pmap{display:grid;gap:2px;grid-auto-rows:14px;align-items:center;padding-bottom:4px}
.plabel{font-size:12px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;
padding-right:6px}
.tick{font-size:10px;color:var(--mute);white-space:nowrap;overflow:visible}
.cell{display:inline-block;width:14px;height:14px;border-radius:3px}
.cell.present{background:var(--present)}.cell.absent{background:var(--absent)}
.cell.moved{box-shadow:inset 0 0 0 2px var(--moved)}.cell.none{background:transparent}
.cell.sevcell{border-radius:50%;transform:scale(.7)}
.sevcell.sev-error{background:var(--err)}.sevcell.sev-warning{background:var(--warn-dot)}
.sevcell.sev-info{background:var(--info)}
.punrel{font-size:12px;color:var(--err);white-space:nowrap;line-height:14px}
.legend{margin-top:10px;font-size:12px;color:var(--mute);display:flex;align-items:center;gap:6px;
flex-wrap:wrap}
.legend .cell{margin-left:8px}
.aligned td{min-width:180px;font-size:14px;line-height:1.55}
.aligned th.gid{width:56px;white-space:nowrap;background:var(--head);font-size:12px}
.aligned th.gid a{color:var(--mute);text-decoration:none;font-weight:700}
.aligned thead th{font-size:13px;color:var(--ink)}
.aligned thead th small{color:var(--mute);font-weight:400;margin-left:4px}
.aligned tr.moved th.gid{box-shadow:inset 3px 0 0 var(--moved)}
.aligned tr:target td,.aligned tr:target th{background:#fffbe6}
.aligned td.missing{background:var(--gap);color:var(--mute);font-style:italic;font-size:12px;
text-align:center;vertical-align:middle}
.headline{font-weight:700}
.dots{display:flex;gap:3px;margin-top:4px;flex-wrap:wrap}
.dotlink{width:9px;height:9px;border-radius:50%;display:inline-block}
.dotlink.sev-error{background:var(--err)}.dotlink.sev-warning{background:var(--warn-dot)}
.dotlink.sev-info{background:var(--info)}
mark{border-radius:3px;padding:0 2px;cursor:pointer;color:inherit;
box-shadow:inset 0 -2px 0 currentColor}
mark.sev-error{background:var(--err-bg);color:var(--ink);box-shadow:inset 0 -2px 0 var(--err)}
mark.sev-warning{background:var(--warn-bg);box-shadow:inset 0 -2px 0 var(--warn-dot)}
mark.sev-info{background:var(--info-bg);box-shadow:inset 0 -2px 0 var(--info)}
mark.odd{font-weight:700;outline:1px solid currentColor}
mark.sev-error.odd{outline-color:var(--err)}mark.sev-warning.odd{outline-color:var(--warn)}
mark.sev-info.odd{outline-color:var(--info)}
mark.whole{font-weight:inherit;outline:none;box-shadow:none;padding:0}
mark.whole.odd{box-shadow:none;outline:none}
mark.off{background:none;box-shadow:none;outline:none;font-weight:inherit;cursor:auto}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;
position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}
.filters fieldset{border:0;padding:0;margin:0 0 8px;display:flex;gap:6px;flex-wrap:wrap;
align-items:center}
.filters legend{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--mute);
padding:0;margin-bottom:4px;width:100%}
.fchip{border:1px solid var(--line);border-radius:999px;padding:2px 10px 2px 6px;font-size:12px;
cursor:pointer;user-select:none;display:inline-flex;align-items:center;gap:4px}
.fchip b{color:var(--mute);font-weight:600}
.fchip.sev-error{border-color:var(--err)}.fchip.sev-warning{border-color:var(--warn-dot)}
.fchip.sev-info{border-color:var(--info)}
.toggle{font-size:12px;color:var(--mute);cursor:pointer}
.flist{list-style:none;margin:8px 0 0;padding:0}
.finding{border:1px solid var(--line);border-left:4px solid var(--mute);border-radius:8px;
padding:8px 10px;margin-bottom:8px;transition:background .3s}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn-dot)}
.finding.sev-info{border-left-color:var(--info)}
.finding.flash,.finding:target{background:#fffbe6}
.fhead{display:flex;align-items:center;gap:6px;flex-wrap:wrap;font-size:13px}
.fhead code{font-weight:700;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.sev{font-size:10px;text-transform:uppercase;font-weight:700;letter-spacing:.05em;border-radius:4px;
padding:0 5px}
.sev-error .sev{background:var(--err-bg);color:var(--err)}
.sev-warning .sev{background:var(--warn-bg);color:var(--warn)}
.sev-info .sev{background:var(--info-bg);color:var(--info)}
.ffoot{display:flex;justify-content:space-between;margin-top:4px;font-size:12px}
.cat{color:var(--mute)}.goto{text-decoration:none}
.msg{margin:4px 0}
.locs{list-style:none;padding:0;margin:0;font-size:12px}
.locs li{padding:1px 0}.locs q{quotes:"«" "»"}.locs .odd q{font-weight:700}
.where{color:var(--mute);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
font-size:11px;margin-left:4px}
.unrelated details{border-top:1px solid var(--line);padding:6px 0}
.unrelated summary{cursor:pointer;font-weight:600}.unrelated summary small{color:var(--mute);
font-weight:400;margin-left:6px}
.unrelated p{margin:4px 0 4px 14px;color:var(--mute)}
.empty{color:var(--mute);font-style:italic}
body.only-issues tr:not(.has-issue):not(.has-gap){display:none}
footer{color:var(--mute);font-size:12px;padding:0 28px 24px}
"""

_JS = """
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".filters input[type=checkbox]");
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) off[b.name + ":" + b.value] = true; });
    var shown = 0;
    document.querySelectorAll(".finding").forEach(function (li) {
      var hide = off["severity:" + li.dataset.severity] || off["category:" + li.dataset.category];
      li.hidden = !!hide;
      if (!hide) shown++;
    });
    document.querySelectorAll("mark[data-f]").forEach(function (m) {
      var visible = m.dataset.f.split(" ").some(function (id) {
        var li = document.getElementById(id);
        return li && !li.hidden;
      });
      m.classList.toggle("off", !visible);
    });
    var counter = document.getElementById("shown");
    if (counter) counter.textContent = String(shown);
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  var only = document.getElementById("only-issues");
  if (only) only.addEventListener("change", function () {
    document.body.classList.toggle("only-issues", only.checked);
  });
  document.querySelectorAll("mark[data-f]").forEach(function (m) {
    m.addEventListener("click", function () {
      if (m.classList.contains("off")) return;
      var li = document.getElementById(m.dataset.f.split(" ")[0]);
      if (!li) return;
      li.scrollIntoView({block: "nearest", behavior: "smooth"});
      li.classList.add("flash");
      setTimeout(function () { li.classList.remove("flash"); }, 1200);
    });
  });
  apply();
})();
"""

"""Reports made safe for a terminal: input text must never act on the reader's screen.

Control characters (C0 except tab and newline, DEL, C1) and bidirectional overrides in anything
that came from the input (texts, file names, version ids, messages quoting them) are replaced by
U+FFFD one for one, so offsets, line and column numbers stay valid.
"""

from __future__ import annotations

import dataclasses
import re

from tcheck.model import Alignment, Evidence, Finding, Group, Report, Version

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with every control character or bidi override replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def safe_report(report: Report) -> Report:
    """A copy of ``report`` whose every input-derived string is :func:`clean`."""
    if not _needs_cleaning(report):
        return report
    al = report.alignment
    return dataclasses.replace(
        report,
        alignment=dataclasses.replace(
            al,
            versions=tuple(_version(v) for v in al.versions),
            groups=tuple(_group(g) for g in al.groups),
            unrelated=tuple(clean(v) for v in al.unrelated),
            coverage={clean(k): c for k, c in al.coverage.items()},
            translations={
                clean(k): tuple(clean(t) for t in ts) for k, ts in al.translations.items()
            },
        ),
        findings=tuple(_finding(f) for f in report.findings),
    )


def _needs_cleaning(report: Report) -> bool:
    al: Alignment = report.alignment
    texts = [v.text for v in al.versions] + [v.id + (v.path or "") for v in al.versions]
    texts += [f.message for f in report.findings]
    texts += [t for ts in al.translations.values() for t in ts]
    return any(_UNSAFE.search(t) for t in texts)


def _version(v: Version) -> Version:
    return dataclasses.replace(
        v,
        id=clean(v.id),
        path=clean(v.path) if v.path is not None else None,
        text=clean(v.text),
        sentences=tuple(dataclasses.replace(s, text=clean(s.text)) for s in v.sentences),
        metadata=tuple(dataclasses.replace(m, text=clean(m.text)) for m in v.metadata),
        markup=clean(v.markup) if v.markup is not None else None,
    )


def _group(g: Group) -> Group:
    return dataclasses.replace(
        g,
        members={clean(k): idx for k, idx in g.members.items()},
        key=clean(g.key) if g.key is not None else None,
    )


def _finding(f: Finding) -> Finding:
    return dataclasses.replace(
        f,
        message=clean(f.message),
        versions=tuple(clean(v) for v in f.versions),
        evidence=tuple(_evidence(e) for e in f.evidence),
    )


def _evidence(e: Evidence) -> Evidence:
    return dataclasses.replace(e, version=clean(e.version), text=clean(e.text))


__all__ = ["clean", "safe_report"]

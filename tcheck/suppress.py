"""Suppression: baselines of accepted findings and inline ``<!-- tcheck: ignore CODE -->``.

Fingerprints hash the code, the versions, the diverging key and the evidence texts (never line
numbers), so a baseline survives edits elsewhere in the files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tcheck.checks.suppression import UnusedSuppression
from tcheck.config import Config
from tcheck.errors import InputError
from tcheck.load.version import SUPPRESSION_COMMENT
from tcheck.model import Alignment, Evidence, Finding, Version

BASELINE_SCHEMA = "tcheck.baseline/1"


@dataclass(frozen=True)
class Baseline:
    path: str
    fingerprints: frozenset[str]

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            prints = frozenset(e["fingerprint"] for e in data["findings"])
        except FileNotFoundError:
            raise InputError(f"{path}: baseline file not found") from None
        except (OSError, ValueError, KeyError, TypeError):
            raise InputError(f"{path}: not a tcheck baseline file ({BASELINE_SCHEMA})") from None
        return cls(str(path), prints)


def write_baseline(path: Path, findings: tuple[Finding, ...]) -> None:
    entries = sorted(
        ({"fingerprint": f.fingerprint, "code": f.code, "message": f.message} for f in findings),
        key=lambda e: (e["code"], e["fingerprint"]),
    )
    text = json.dumps(
        {"schema": BASELINE_SCHEMA, "findings": entries}, ensure_ascii=False, indent=2
    )
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write baseline ({exc.strerror})") from None


@dataclass(frozen=True)
class _Directive:
    version: Version
    codes: tuple[str, ...]
    sentence: int | None
    line: int
    column: int
    text: str


def _directives(versions: tuple[Version, ...]) -> list[_Directive]:
    out = []
    for v in versions:
        # Markup versions blank comments out of their prose view; the file as written keeps them.
        for m in SUPPRESSION_COMMENT.finditer(v.markup or v.text):
            codes = tuple(c.upper() for c in re.split(r"[\s,]+", m.group(1)) if c)
            nxt = next((s.index for s in v.sentences if s.start >= m.end()), None)
            line, column = v.position(m.start())
            out.append(_Directive(v, codes, nxt, line, column, m.group(0)))
    return out


def apply_suppressions(
    alignment: Alignment,
    findings: tuple[Finding, ...],
    baseline: Baseline | None,
    config: Config,
) -> tuple[list[Finding], int, list[Finding]]:
    """(kept findings, how many were suppressed, TC001 findings for unused suppressions)."""
    directives = _directives(alignment.versions)
    used_prints: set[str] = set()
    used_directives: set[int] = set()
    kept: list[Finding] = []
    for f in findings:
        if baseline and f.fingerprint in baseline.fingerprints:
            used_prints.add(f.fingerprint)
            continue
        hit = next(
            (
                i
                for i, d in enumerate(directives)
                if any(f.code.startswith(c) for c in d.codes)
                and any(e.version == d.version.id and e.sentence == d.sentence for e in f.evidence)
            ),
            None,
        )
        if hit is not None:
            used_directives.add(hit)
            continue
        kept.append(f)
    suppressed = len(findings) - len(kept)
    unused: list[Finding] = []
    if not config.enabled(UnusedSuppression.code):
        return kept, suppressed, unused
    check = UnusedSuppression()
    if baseline:
        stale = sorted(baseline.fingerprints - used_prints)
        if stale:
            unused.append(
                check.finding(
                    f"{len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} in "
                    f"{baseline.path} matched no finding: {', '.join(stale[:5])}"
                    + ("..." if len(stale) > 5 else ""),
                    group=None,
                    versions=(),
                    evidence=(Evidence("", baseline.path, 1, 1, None),),
                    key="baseline:" + ",".join(stale),
                )
            )
    for i, d in enumerate(directives):
        if i not in used_directives:
            unused.append(
                check.finding(
                    f"inline suppression {d.text} matched no finding",
                    group=None,
                    versions=(d.version.id,),
                    evidence=(Evidence(d.version.id, d.text, d.line, d.column, None),),
                    key=f"{d.version.id}:{' '.join(d.codes)}",
                )
            )
    return kept, suppressed, unused

"""Data-driven check cases (tests/cases/checks/*.yaml) run through the whole pipeline.

A case gives texts per version and language; ``expect`` lists findings that must be reported
(code, optionally the odd versions and spans that must be among the evidence texts), ``forbid``
lists code prefixes that must not be reported at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tcheck.config import Config
from tcheck.load import version_from_text
from tcheck.model import Finding
from tcheck.pipeline import run_versions

CASES = Path(__file__).parent / "cases" / "checks"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return out


def _findings(case: dict) -> tuple[Finding, ...]:
    versions = [
        version_from_text(text, version_id=vid, lang=lang)
        for vid, (lang, text) in case["versions"].items()
    ]
    return run_versions(versions, Config()).findings


def _describe(findings: tuple[Finding, ...]) -> str:
    return "\n".join(
        f"{f.code} {list(f.versions)} {f.message} {[e.text for e in f.evidence]}" for f in findings
    )


def _satisfies(f: Finding, want: dict) -> bool:
    if f.code != want["code"]:
        return False
    if "versions" in want and sorted(f.versions) != sorted(want["versions"]):
        return False
    texts = [e.text for e in f.evidence]
    return all(any(span in t for t in texts) for span in want.get("spans", ()))


@pytest.mark.parametrize("case", _cases())
def test_check_case(case: dict) -> None:
    assert case.get("expect") or case.get("forbid"), "a case must expect or forbid something"
    findings = _findings(case)
    for want in case.get("expect", ()):
        assert any(_satisfies(f, want) for f in findings), (
            f"missing {want}; got:\n{_describe(findings)}"
        )
    for prefix in case.get("forbid", ()):
        bad = tuple(f for f in findings if f.code.startswith(prefix))
        assert not bad, f"unexpected {prefix}:\n{_describe(bad)}"

"""The seeds' reports as readers get them: golden files, SARIF for code scanning, the exit gate.

The golden files in tests/golden/reports/ are the rich (100 columns, no colour), Markdown,
GitHub-annotation and JSON reports of seeds 000-003 with the lexical backbone. They change
whenever alignment, a check or a formatter changes on purpose. Regenerate them with

    TCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py

and review the diff (``git diff tests/golden/reports``) before committing it.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tcheck import pipeline
from tcheck.checks import all_rules
from tcheck.cli import app
from tcheck.config import Config
from tcheck.model import Report, Severity
from tcheck.report import FormatOptions, OutputFormat, get_formatter

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "reports"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
STORY = sorted(f"seeds/{p.name}" for p in (ROOT / "seeds").glob("00[0-3]_*.txt"))
UPDATE = os.environ.get("TCHECK_UPDATE_GOLDEN") == "1"
VERSION = "<version>"
"""Stands for tcheck's version in every golden file, so a release does not touch them."""

GOLDEN_FORMATS = {
    OutputFormat.RICH: "seeds.rich.txt",
    OutputFormat.MARKDOWN: "seeds.md",
    OutputFormat.GITHUB: "seeds.github",
    OutputFormat.JSON: "seeds.json",
}


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    # Paths are given relative to the repository root so that reports name them the same
    # way on every machine; the backbone is pinned so an installed MT model changes nothing.
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        return pipeline.run(STORY, Config(backbone="lexical"))
    finally:
        os.chdir(here)


def options(**kw: Any) -> FormatOptions:
    base = {
        "rules": all_rules(),
        "color": False,
        "width": 100,
        "base_dir": str(ROOT),
        "tool_version": VERSION,
    }
    return FormatOptions(**{**base, **kw})


def normalised(fmt: OutputFormat, text: str) -> str:
    """The report without what depends on the machine (absolute paths)."""
    text = text.replace(str(ROOT), "<root>")
    if fmt is OutputFormat.JSON:  # stable key order makes diffs readable
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return text


@pytest.mark.parametrize("fmt", list(GOLDEN_FORMATS), ids=[f.value for f in GOLDEN_FORMATS])
def test_seeds_report_matches_golden(seeds_report: Report, fmt: OutputFormat) -> None:
    golden = GOLDEN / GOLDEN_FORMATS[fmt]
    actual = normalised(fmt, get_formatter(fmt).format(seeds_report, options()))
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with TCHECK_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{golden.name} differs; if the change is intended, regenerate with "
        "TCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py"
    )


def test_rich_golden_is_plain_and_fits_100_columns(seeds_report: Report) -> None:
    text = get_formatter(OutputFormat.RICH).format(seeds_report, options())
    assert "\x1b[" not in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "Сакае" in text and "Санаэ" in text


def test_json_golden_has_no_machine_paths(seeds_report: Report) -> None:
    data = json.loads(get_formatter(OutputFormat.JSON).format(seeds_report, options()))
    assert [v["path"] for v in data["versions"]] == STORY
    assert str(ROOT) not in json.dumps(data, ensure_ascii=False)


# -- SARIF of the seeds for GitHub code scanning ----------------------------------------------


@pytest.fixture(scope="module")
def seeds_sarif(seeds_report: Report) -> dict[str, Any]:
    text = get_formatter(OutputFormat.SARIF).format(seeds_report, options())
    return json.loads(text)


def test_seeds_sarif_validates_against_the_schema(seeds_sarif: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not available")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(seeds_sarif)


def test_seeds_sarif_meets_code_scanning_constraints(
    seeds_sarif: dict[str, Any], seeds_report: Report
) -> None:
    # https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
    assert seeds_sarif["version"] == "2.1.0"
    assert len(seeds_sarif["runs"]) == 1
    run = seeds_sarif["runs"][0]
    driver = run["tool"]["driver"]
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert all(len(r["properties"]["tags"]) <= 20 for r in driver["rules"])
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in driver["rules"])
    results = run["results"]
    assert len(results) == len(seeds_report.findings) <= 25_000
    prints = set()
    for result in results:
        assert result["ruleId"] in rule_ids
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        assert 1 <= len(result["locations"]) <= 10
        prints.add(json.dumps(result["partialFingerprints"], sort_keys=True))
        for loc in result["locations"]:
            phys = loc["physicalLocation"]
            uri = phys["artifactLocation"]["uri"]
            # relative to the checkout, so code scanning can show the file
            assert not uri.startswith(("/", "file:")) and ".." not in uri and "\\" not in uri
            assert (ROOT / uri).is_file(), uri
            region = phys["region"]
            assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert len(prints) == len(results), "two results share a fingerprint"


def test_seeds_sarif_regions_cover_the_evidence(
    seeds_sarif: dict[str, Any], seeds_report: Report
) -> None:
    texts = {p: (ROOT / p).read_text(encoding="utf-8").split("\n") for p in STORY}
    checked = 0
    for finding, result in zip(
        seeds_report.findings, seeds_sarif["runs"][0]["results"], strict=True
    ):
        spans = {e.text.split("\n", 1)[0] for e in finding.evidence}
        for loc in result["locations"]:
            phys = loc["physicalLocation"]
            region = phys["region"]
            if "endColumn" not in region:
                continue
            line = texts[phys["artifactLocation"]["uri"]][region["startLine"] - 1]
            span = line[region["startColumn"] - 1 : region["endColumn"] - 1]
            assert span in spans, (finding.code, span)
            checked += 1
    assert checked >= len(seeds_report.findings)


# -- the exit gate: fail-on x worst severity x format -----------------------------------------

runner = CliRunner()
WORST = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "none": None}
FAIL_ON = ("error", "warning", "info", "never")


def report_with_worst(report: Report, worst: Severity | None) -> Report:
    """Three of the seeds' findings, the worst at ``worst`` and the others below it."""
    if worst is None:
        return dataclasses.replace(report, findings=())
    picked = report.findings[:3]
    severities = [worst, *[Severity(max(int(worst) - 1, 1))] * (len(picked) - 1)]
    findings = tuple(
        dataclasses.replace(f, severity=s) for f, s in zip(picked, severities, strict=True)
    )
    return dataclasses.replace(report, findings=findings)


@pytest.mark.parametrize("worst", list(WORST))
def test_exit_code_matrix(
    seeds_report: Report, worst: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    report = report_with_worst(seeds_report, WORST[worst])
    assert report.worst() == WORST[worst]
    # The CLI is exercised end to end except for the pipeline, which returns this report.
    monkeypatch.setattr(pipeline, "run", lambda *args, **kwargs: report)
    for fail_on in FAIL_ON:
        gate = None if fail_on == "never" else Severity.parse(fail_on)
        expected = int(gate is not None and WORST[worst] is not None and WORST[worst] >= gate)
        for fmt in OutputFormat:
            out = tmp_path / f"report.{fmt.value}"
            args = ["compare", *STORY, "--fail-on", fail_on, "-f", fmt.value, "-o", str(out)]
            result = runner.invoke(app, args)
            assert result.exit_code == expected, (worst, fail_on, fmt.value, result.output)
            assert out.is_file()
        exit_zero = runner.invoke(app, ["compare", *STORY, "--fail-on", fail_on, "--exit-zero"])
        assert exit_zero.exit_code == 0

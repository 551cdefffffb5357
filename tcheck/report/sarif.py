"""SARIF 2.1.0 for code-scanning services, within GitHub code scanning's upload limits.

Each finding is one result; its evidence spans are its locations (ten at most, the rest go to
``relatedLocations``); columns count Unicode code points and ``endColumn`` is exclusive.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tcheck.model import Evidence, Finding, Report, Severity
from tcheck.report.base import FormatOptions, display_path, find_version, primary_first

if TYPE_CHECKING:
    from tcheck.checks.base import Rule

log = logging.getLogger(__name__)

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
MAX_RESULTS = 25_000
"""Results per run that GitHub code scanning accepts."""
MAX_LOCATIONS = 10
"""Locations per result that GitHub code scanning accepts; the rest become related locations."""
MAX_RELATED = 1_000
MAX_RULE_ID = 255

_URI_SAFE = "/-._~!$&'()*+,;=:@"
"""Characters kept as they are in artifact URIs; spaces and non-ASCII are percent-encoded."""
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_name(slug: str) -> str:
    """``name-spelling`` -> ``NameSpelling`` (SARIF rule names are identifiers)."""
    return "".join(part[:1].upper() + part[1:] for part in slug.replace("_", "-").split("-"))


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    full = rule.explanation or rule.summary
    help_text = full
    help_md = f"**{rule.code} {rule.slug}**: {rule.summary}"
    if rule.explanation:
        help_md += f"\n\n{rule.explanation}"
    if rule.example:
        help_text += f"\n\nExample:\n{rule.example}"
        help_md += f"\n\nExample:\n\n```text\n{rule.example}\n```"
    return {
        "id": rule.code[:MAX_RULE_ID],
        "name": rule_name(rule.slug),
        "shortDescription": {"text": rule.summary or rule.slug},
        "fullDescription": {"text": full or rule.slug},
        "help": {"text": help_text or rule.slug, "markdown": help_md},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.category.value]},
    }


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    """A rule that only appears in findings (no registry entry given): name it at least."""
    text = f"{finding.code} {finding.slug}"
    return {
        "id": finding.code[:MAX_RULE_ID],
        "name": rule_name(finding.slug),
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "defaultConfiguration": {"level": _LEVEL[finding.severity]},
        "properties": {"tags": [finding.category.value]},
    }


def _region(ev: Evidence) -> dict[str, int]:
    line, column = max(ev.line, 1), max(ev.column, 1)
    if ev.sentence is None or not ev.text:
        # version-level evidence points at a whole version: anchor it on its first line
        return {"startLine": line if ev.sentence is not None else 1}
    region = {"startLine": line, "startColumn": column}
    lines = ev.text.split("\n")
    if len(lines) == 1:
        region.update(endLine=line, endColumn=column + len(ev.text))
    else:
        region.update(endLine=line + len(lines) - 1, endColumn=len(lines[-1]) + 1)
    return region


def _physical(ev: Evidence, report: Report, options: FormatOptions) -> dict[str, Any]:
    version = find_version(report.alignment, ev.version)
    path = display_path(version, options.base_dir) if version is not None else ev.version
    uri = quote(path, safe=_URI_SAFE)
    artifact: dict[str, Any] = {"uri": uri}
    if path.startswith("/"):
        artifact["uri"] = "file://" + uri
    else:
        artifact["uriBaseId"] = "%SRCROOT%"
    return {"artifactLocation": artifact, "region": _region(ev)}


def _result(
    finding: Finding, rule_index: int, report: Report, options: FormatOptions
) -> dict[str, Any]:
    message = finding.message.strip() or f"{finding.code} {finding.slug}"
    locations: list[dict[str, Any]] = []
    related: list[dict[str, Any]] = []
    for ev in primary_first(finding):
        loc: dict[str, Any] = {
            "physicalLocation": _physical(ev, report, options),
            "message": {"text": f"{ev.version}: {' '.join(ev.text.split()) or ev.version}"},
        }
        if len(locations) < MAX_LOCATIONS:
            locations.append(loc)
        elif len(related) < MAX_RELATED:
            related.append({"id": len(related), **loc})
    if not locations:
        # every result needs a location; a finding without evidence points at its versions
        for vid in finding.versions[:1] or tuple(v.id for v in report.alignment.versions[:1]):
            ev = Evidence(version=vid, text="", line=1, column=1, sentence=None)
            locations.append({"physicalLocation": _physical(ev, report, options)})
    result: dict[str, Any] = {
        "ruleId": finding.code[:MAX_RULE_ID],
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": message},
        "locations": locations,
        "partialFingerprints": {"tcheckFingerprint/v1": finding.fingerprint},
        "properties": {
            "category": finding.category.value,
            "slug": finding.slug,
            "versions": list(finding.versions),
        },
    }
    if finding.group is not None:
        result["properties"]["group"] = finding.group
    if related:
        result["relatedLocations"] = related
    return result


def build_sarif(report: Report, options: FormatOptions) -> dict[str, Any]:
    """The SARIF log as a dict (``format`` serialises it)."""
    descriptors = [_rule_descriptor(r) for r in options.rules]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for f in sorted(report.findings, key=lambda f: f.code):
        if f.code[:MAX_RULE_ID] not in index:
            index[f.code[:MAX_RULE_ID]] = len(descriptors)
            descriptors.append(_fallback_descriptor(f))

    findings = list(report.findings)
    run: dict[str, Any] = {}
    if len(findings) > MAX_RESULTS:
        log.warning("SARIF: keeping the first %d of %d results", MAX_RESULTS, len(findings))
        findings.sort(key=lambda f: -int(f.severity))  # stable: drop the least severe
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {
                        "level": "warning",
                        "message": {
                            "text": f"{len(findings) - MAX_RESULTS} results left out "
                            f"(code scanning accepts at most {MAX_RESULTS} per run)"
                        },
                    }
                ],
            }
        ]
        findings = findings[:MAX_RESULTS]

    driver: dict[str, Any] = {"name": "tcheck", "rules": descriptors}
    if options.tool_version:
        driver["version"] = options.tool_version
        driver["semanticVersion"] = options.tool_version
    run = {
        "tool": {"driver": driver},
        **run,
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code[:MAX_RULE_ID]], report, options) for f in findings],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


class SarifFormatter:
    """SARIF 2.1.0 JSON for GitHub code scanning and other SARIF viewers."""

    name = "sarif"
    description = "SARIF 2.1.0 for code scanning (GitHub, IDEs)"

    def format(self, report: Report, options: FormatOptions) -> str:
        return json.dumps(build_sarif(report, options), ensure_ascii=False, indent=2) + "\n"

"""JSON output: the ``tcheck.report/1`` document of ``Report.to_dict()``.

Every field is described in docs/json-format.md.
"""

from __future__ import annotations

import json

from tcheck.model import Report
from tcheck.report.base import FormatOptions


class JsonFormatter:
    """``Report.to_dict()`` as indented UTF-8 JSON."""

    name = "json"
    description = "the full report as JSON (schema tcheck.report/1)"

    def format(self, report: Report, options: FormatOptions) -> str:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"

"""Output formats: one module per format, all reached through the registry below.

The CLI calls ``get_formatter(name).format(report, options)`` and writes the string it gets.
"""

from __future__ import annotations

import enum

from tcheck.errors import ConfigError
from tcheck.report.base import FormatOptions, Formatter
from tcheck.report.github import GithubFormatter
from tcheck.report.html_format import HtmlFormatter
from tcheck.report.json_format import JsonFormatter
from tcheck.report.markdown import MarkdownFormatter
from tcheck.report.sarif import SarifFormatter
from tcheck.report.terminal import TerminalFormatter
from tcheck.report.text import TextFormatter

__all__ = ["FORMATTERS", "FormatOptions", "Formatter", "OutputFormat", "get_formatter"]


class OutputFormat(str, enum.Enum):
    """The values ``--format`` accepts."""

    RICH = "rich"
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    HTML = "html"
    MARKDOWN = "markdown"
    GITHUB = "github"


FORMATTERS: dict[OutputFormat, Formatter] = {
    OutputFormat.RICH: TerminalFormatter(),
    OutputFormat.TEXT: TextFormatter(),
    OutputFormat.JSON: JsonFormatter(),
    OutputFormat.SARIF: SarifFormatter(),
    OutputFormat.HTML: HtmlFormatter(),
    OutputFormat.MARKDOWN: MarkdownFormatter(),
    OutputFormat.GITHUB: GithubFormatter(),
}

_missing = [f.value for f in OutputFormat if f not in FORMATTERS]
if _missing:  # a format added to the enum without a formatter must not ship silently
    raise RuntimeError(f"no formatter registered for: {', '.join(_missing)}")


def get_formatter(name: str | OutputFormat) -> Formatter:
    """The formatter for a format name (case-insensitive) or enum member."""
    if isinstance(name, OutputFormat):
        return FORMATTERS[name]
    try:
        fmt = OutputFormat(name.strip().lower())
    except ValueError:
        choices = ", ".join(f.value for f in OutputFormat)
        raise ConfigError(f"unknown output format {name!r} (choose from {choices})") from None
    return FORMATTERS[fmt]

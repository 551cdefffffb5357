"""Command-line interface: options -> Config -> pipeline -> formatter -> exit code.

Exit codes: 0 = nothing at or above ``--fail-on``, 1 = findings at or above it, 2 = usage,
input or runtime error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from tcheck import __version__
from tcheck.errors import TcheckError

log = logging.getLogger("tcheck")

app = typer.Typer(
    name="tcheck",
    help="Align N language versions of a text and flag where they diverge.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

T = TypeVar("T")

PathsArg = Annotated[list[Path], typer.Argument(help="Files (one per version) or directories.")]
SegmentOpt = Annotated[
    str, typer.Option("--segment", help="auto (sentences) or lines (one segment per line).")
]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"tcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv for debug).")
    ] = 0,
) -> None:
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG),
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _guard(fn: Callable[[], T]) -> T:
    """Run ``fn``; tcheck errors become one line on stderr and exit code 2."""
    try:
        return fn()
    except TcheckError as exc:
        typer.echo(f"tcheck: error: {exc}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("tcheck: interrupted", err=True)
        raise typer.Exit(2) from None
    except MemoryError:
        typer.echo("tcheck: error: out of memory (try --max-bytes or fewer versions)", err=True)
        raise typer.Exit(2) from None


def _langs(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [x.strip().lower() for x in value.split(",") if x.strip()]


def _config(config_file: Path | None, **overrides):
    from tcheck.config import load_config

    return load_config(config_file).with_overrides(**overrides)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise TcheckError(f"{output}: cannot write output ({exc.strerror})") from None


def _use_color(output: Path | None, color: bool | None) -> bool:
    if color is not None:
        return color
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@app.command()
def compare(
    paths: PathsArg,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="rich, text, json, sarif, html, markdown or github."),
    ] = "rich",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to FILE instead of stdout."),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Languages in argument order, e.g. ru,uk,bg.")
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="error (default), warning, info or never.")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Always exit 0 unless tcheck itself fails.")
    ] = False,
    select: Annotated[
        str | None, typer.Option("--select", help="Codes or prefixes to run, comma-separated.")
    ] = None,
    ignore: Annotated[
        str | None, typer.Option("--ignore", help="Codes or prefixes to skip, comma-separated.")
    ] = None,
    backbone: Annotated[str | None, typer.Option("--backbone", help="lexical, mt or auto.")] = None,
    segment: Annotated[str | None, typer.Option("--segment", help="auto or lines.")] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file (default: nearest tcheck.toml or "
            "pyproject.toml with [tool.tcheck]).",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Ignore findings recorded in this baseline file."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record the current findings in FILE and exit 0."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", help="Refuse files larger than this (default 20 MB)."),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option(
            "--color/--no-color", help="Force colour on or off (default: on for a terminal)."
        ),
    ] = None,
    width: Annotated[int | None, typer.Option("--width", help="Terminal width.")] = None,
) -> None:
    """Compare versions: align them and report diverging names, numbers, dates, sources, content."""

    def go() -> int:
        from tcheck.checks import all_rules
        from tcheck.model import Severity
        from tcheck.pipeline import run
        from tcheck.report import FormatOptions, get_formatter
        from tcheck.suppress import Baseline
        from tcheck.suppress import write_baseline as save_baseline

        formatter = get_formatter(fmt)
        cfg = _config(
            config_file,
            fail_on=fail_on,
            backbone=backbone,
            segment=segment,
            max_bytes=max_bytes,
            select=tuple(s.strip().upper() for s in select.split(",")) if select else None,
            ignore=tuple(s.strip().upper() for s in ignore.split(",")) if ignore else None,
        )
        base = Baseline.read(baseline) if baseline else None
        report = run(paths, cfg, langs=_langs(lang), baseline=base)
        if write_baseline:
            save_baseline(write_baseline, report.findings)
            typer.echo(
                f"tcheck: recorded {len(report.findings)} findings in {write_baseline}", err=True
            )
            return 0
        options = FormatOptions(
            rules=all_rules(),
            color=_use_color(output, color),
            width=width,
            base_dir=os.getcwd(),
            tool_version=__version__,
        )
        _write(formatter.format(report, options), output)
        if exit_zero or cfg.fail_on == "never":
            return 0
        gate = Severity.parse(cfg.fail_on)
        worst = report.worst()
        return 1 if worst is not None and worst >= gate else 0

    code = _guard(go)
    raise typer.Exit(code)


@app.command()
def align(
    paths: PathsArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="rich, json or tsv.")] = "rich",
    segment: SegmentOpt = "auto",
    lang: Annotated[str | None, typer.Option("--lang", help="Languages in argument order.")] = None,
    backbone: Annotated[str | None, typer.Option("--backbone", help="lexical, mt or auto.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    width: Annotated[int | None, typer.Option("--width", help="Terminal width.")] = None,
) -> None:
    """Align versions and print the groups side by side (rich), as JSON or as TSV."""

    def go() -> None:
        from tcheck import views
        from tcheck.pipeline import align as align_stage
        from tcheck.pipeline import load_versions

        if fmt not in ("rich", "json", "tsv"):
            raise TcheckError(f"unknown align format {fmt!r} (choose from rich, json, tsv)")
        cfg = _config(None, segment=segment, backbone=backbone)
        versions = load_versions(paths, cfg, langs=_langs(lang))
        alignment = align_stage(versions, cfg)
        if fmt == "json":
            text = json.dumps(alignment.to_dict(), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "tsv":
            text = views.alignment_tsv(alignment)
        else:
            text = views.alignment_rich(alignment, width=width, color=_use_color(output, None))
        _write(text, output)

    _guard(go)


@app.command(name="segment")
def segment_cmd(
    path: Annotated[Path, typer.Argument(help="One text file.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="rich or json.")] = "rich",
    segment: SegmentOpt = "auto",
    lang: Annotated[str | None, typer.Option("--lang", help="Language code.")] = None,
) -> None:
    """Print the sentences (and metadata lines) of one file with line:column."""

    def go() -> None:
        from tcheck import views
        from tcheck.load import collect_paths, version_from_path

        if fmt not in ("rich", "json"):
            raise TcheckError(f"unknown segment format {fmt!r} (choose from rich, json)")
        files = collect_paths([path])
        version = version_from_path(
            files[0], lang=lang, segment=segment, label=os.path.relpath(files[0])
        )
        if fmt == "json":
            text = json.dumps(views.segments_dict(version), ensure_ascii=False, indent=2) + "\n"
        else:
            text = views.segments_rich(version, color=_use_color(None, None))
        _write(text, None)

    _guard(go)


@app.command()
def rules() -> None:
    """List every check: code, slug, category, default severity, description."""
    from tcheck import views

    _write(views.rules_table(color=_use_color(None, None)), None)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A code (TC201) or slug.")]) -> None:
    """Show the documentation of one check, with an example."""

    def go() -> None:
        from tcheck import views
        from tcheck.checks import rule_for

        try:
            rule = rule_for(code)
        except KeyError:
            raise TcheckError(f"unknown rule {code!r} (see `tcheck rules`)") from None
        _write(views.explain(rule), None)

    _guard(go)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except SystemExit as exc:
        raise SystemExit(exc.code) from None

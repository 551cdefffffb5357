"""Command-line interface: options -> Config -> pipeline -> formatter -> exit code.

Exit codes: 0 = nothing at or above ``--fail-on``, 1 = findings at or above it, 2 = usage,
input or runtime error (one line on stderr, never a traceback), 130 = interrupted.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from tcheck import __version__
from tcheck.errors import ConfigError, InputError, TcheckError

if TYPE_CHECKING:  # imported lazily at run time: `tcheck --help` stays fast
    from tcheck.config import Config
    from tcheck.report import FormatOptions
    from tcheck.suppress import Baseline

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

MAX_WIDTH = 10_000
"""Widest --width accepted: rich pads every line to it, so a typo (1200000 for 120) would write
gigabytes."""

PathsArg = Annotated[list[Path], typer.Argument(help="Files (one per version) or directories.")]
SegmentOpt = Annotated[
    str, typer.Option("--segment", help="auto (sentences) or lines (one segment per line).")
]
BackboneOpt = Annotated[
    str | None,
    typer.Option("--backbone", help="auto (mt when its model is on disk), lexical or mt."),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="Translation model for --backbone mt: hub id or directory."),
]
PivotOpt = Annotated[
    str | None,
    typer.Option("--pivot", help="Language to translate into (default en), or a version id."),
]
BatchSizeOpt = Annotated[
    int | None, typer.Option("--batch-size", min=1, help="Sentences per translation batch.")
]
DeviceOpt = Annotated[
    str | None, typer.Option("--device", help="Where the model runs: auto, cpu or cuda.")
]
BeamsOpt = Annotated[
    int | None, typer.Option("--beams", min=1, help="Beam size (default 1: greedy).")
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")
]
CacheDirOpt = Annotated[
    Path | None, typer.Option("--cache-dir", help="Directory of the translation cache.")
]
WidthOpt = Annotated[
    int | None,
    typer.Option("--width", min=1, max=MAX_WIDTH, help="Terminal width."),
]

PROGRESS_MIN_SENTENCES = 40
"""Translations of more sentences than this show a progress bar (on a terminal)."""

INTERRUPTED = 130
"""Exit code after Ctrl-C (128 + SIGINT, as shells report it)."""


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
        message = " ".join(str(exc).split())  # one line, even for a file name with a newline
        typer.echo(f"tcheck: error: {message}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("tcheck: interrupted", err=True)
        raise typer.Exit(INTERRUPTED) from None
    except MemoryError:
        typer.echo("tcheck: error: out of memory (try --max-bytes or fewer versions)", err=True)
        raise typer.Exit(2) from None


def _langs(value: str | None) -> list[str] | None:
    """``--lang``: one language code per version, comma-separated (``RU``, ``rus`` -> ``ru``).

    An empty item is an error, not skipped: it would shift every later language onto the
    wrong version.
    """
    if value is None:
        return None
    items = value.split(",")
    if not all(item.strip() for item in items):
        raise ConfigError(f"--lang {value!r} has an empty item (one language code per version)")
    return [_lang(item) for item in items]


def _lang(value: str) -> str:
    from tcheck.load.langid import language_code

    try:
        return language_code(value)
    except ValueError as exc:
        raise ConfigError(f"--lang: {exc}") from None


def _rule_list(value: str | None) -> tuple[str, ...] | None:
    """``--select``/``--ignore``: comma-separated codes, prefixes or slugs (checked by Config)."""
    if value is None:
        return None
    return tuple(x.strip() for x in value.split(",") if x.strip())


def _refuse_overwrite(outputs: Iterable[Path | None], inputs: Iterable[Path]) -> None:
    """Writing over an input would destroy it (a typo in ``-o`` should not cost a file)."""
    read = {path.resolve() for path in inputs}
    for output in outputs:
        if output is not None and output.resolve() in read:
            raise InputError(f"output file is one of the inputs: {output}")


def _config_inputs(cfg: Config) -> tuple[Path, ...]:
    """Files a run reads besides the versions: the configuration file and the glossary."""
    return tuple(Path(p) for p in (cfg.source, cfg.glossary) if p)


def _config(config_file: Path | None, **overrides):
    from tcheck.config import load_config

    return load_config(config_file).with_overrides(**overrides)


def _mt_overrides(
    model: str | None,
    pivot: str | None,
    batch_size: int | None,
    device: str | None,
    beams: int | None,
    no_cache: bool,
    cache_dir: Path | None,
) -> dict[str, object]:
    return {
        "model": model,
        "pivot": pivot,
        "batch_size": batch_size,
        "device": device,
        "beams": beams,
        "cache": False if no_cache else None,
        "cache_dir": str(cache_dir) if cache_dir else None,
    }


class _TranslationProgress:
    """A rich progress bar on stderr for each translation batch of many sentences."""

    def __init__(self) -> None:
        self._progress = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_MIN_SENTENCES:
            return
        if done == 0 or self._progress is None:
            self._start(total)
        assert self._progress is not None
        self._progress.update(self._task, completed=done)
        if done >= total:
            self.close()

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.close()
        console = Console(stderr=True)
        self._progress = Progress(
            "translating",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self._progress.start()
        self._task = self._progress.add_task("translating", total=total)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


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
    backbone: BackboneOpt = None,
    model: ModelOpt = None,
    pivot: PivotOpt = None,
    batch_size: BatchSizeOpt = None,
    device: DeviceOpt = None,
    beams: BeamsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    segment: Annotated[str | None, typer.Option("--segment", help="auto or lines.")] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file (default: nearest tcheck.toml or "
            "pyproject.toml with [tool.tcheck]).",
        ),
    ] = None,
    glossary: Annotated[
        Path | None,
        typer.Option(
            "--glossary",
            help="CSV/TSV glossary (header: language codes; one term per language column).",
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
        typer.Option("--max-bytes", help="Refuse files larger than this (default 5 MB)."),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option(
            "--color/--no-color", help="Force colour on or off (default: on for a terminal)."
        ),
    ] = None,
    width: WidthOpt = None,
    locales: Annotated[
        str | None,
        typer.Option(
            "--locales",
            help="Locale tree mode: pair files of DIR across these locales, e.g. ru,uk,bg "
            "(folders content/ru/... or names about.ru.md, ru.json).",
        ),
    ] = None,
    pattern: Annotated[
        str | None,
        typer.Option(
            "--pattern", help="Locale tree layout under DIR, e.g. 'content/{locale}/**/*.md'."
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, help="Locale trees: document sets checked in parallel."
        ),
    ] = 1,
    changed_only: Annotated[
        bool,
        typer.Option(
            "--changed-only", help="Locale trees: only sets with a file changed since --base."
        ),
    ] = False,
    base_ref: Annotated[
        str | None,
        typer.Option(
            "--base", help="Git ref for --changed-only (default HEAD: uncommitted changes)."
        ),
    ] = None,
    executor: Annotated[
        str, typer.Option("--executor", help="Locale trees: local (processes) or dask.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    ] = None,
) -> None:
    """Compare versions: align them and report diverging names, numbers, dates, sources, content."""

    def go() -> int:
        from tcheck.checks import all_rules
        from tcheck.load import collect_paths
        from tcheck.model import Severity
        from tcheck.pipeline import run
        from tcheck.report import FormatOptions, get_formatter
        from tcheck.suppress import Baseline
        from tcheck.suppress import write_baseline as save_baseline

        formatter = get_formatter(fmt)
        langs = _langs(lang)
        cfg = _config(
            config_file,
            fail_on=fail_on,
            backbone=backbone,
            segment=segment,
            max_bytes=max_bytes,
            select=_rule_list(select),
            ignore=_rule_list(ignore),
            glossary=str(glossary) if glossary else None,
            **_mt_overrides(model, pivot, batch_size, device, beams, no_cache, cache_dir),
        )
        base = Baseline.read(baseline) if baseline else None
        tree = _TreeOptions(locales, pattern, jobs, changed_only, base_ref, executor, scheduler)
        outputs = _Outputs(output, write_baseline, baseline, _config_inputs(cfg))
        if tree.wanted():
            if langs is not None:
                raise TcheckError("--lang does not apply to locale trees (locales give languages)")
            options = FormatOptions(
                rules=all_rules(),
                color=_use_color(output, color),
                width=width,
                base_dir=os.getcwd(),
                tool_version=__version__,
            )
            code = _compare_tree(paths, cfg, tree, base, fmt, options, outputs)
            return 0 if exit_zero and code == 1 else code
        if output or write_baseline:
            outputs.check(collect_paths(paths))
        progress = _TranslationProgress()
        try:
            report = run(paths, cfg, langs=langs, baseline=base, progress=progress)
        finally:
            progress.close()
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


@dataclass(frozen=True)
class _Outputs:
    """The files compare writes, and the files besides the versions that it reads."""

    report: Path | None
    baseline: Path | None
    baseline_read: Path | None
    config_inputs: tuple[Path, ...]

    def check(self, versions: Iterable[Path]) -> None:
        """Refuse an output that is one of the inputs."""
        inputs = [*versions, *self.config_inputs]
        _refuse_overwrite([self.baseline], inputs)
        read_baseline = [self.baseline_read] if self.baseline_read else []
        _refuse_overwrite([self.report], [*inputs, *read_baseline])


@dataclass(frozen=True)
class _TreeOptions:
    """The compare options that only make sense for a locale tree."""

    locales: str | None
    pattern: str | None
    jobs: int
    changed_only: bool
    base_ref: str | None
    executor: str
    scheduler: str | None

    def wanted(self) -> bool:
        """True for a locale tree; tree-only options without --locales/--pattern are an error."""
        if self.locales or self.pattern:
            return True
        extra = {
            "--jobs": self.jobs != 1,
            "--changed-only": self.changed_only,
            "--base": self.base_ref is not None,
            "--executor": self.executor != "local",
            "--scheduler": self.scheduler is not None,
        }
        given = [name for name, on in extra.items() if on]
        if given:
            verb = "needs" if len(given) == 1 else "need"
            raise TcheckError(f"{', '.join(given)} {verb} a locale tree (--locales or --pattern)")
        return False


def _compare_tree(
    paths: list[Path],
    cfg: Config,
    tree: _TreeOptions,
    baseline: Baseline | None,
    fmt: str,
    options: FormatOptions,
    outputs: _Outputs,
) -> int:
    """Batch mode: every document set of one directory, one report over all of them."""
    from tcheck.batch import TreeSpec, make_executor, run_batch
    from tcheck.model import Severity
    from tcheck.report.batch import format_batch
    from tcheck.suppress import write_baseline as save_baseline

    if len(paths) != 1:
        raise TcheckError(f"a locale tree is one directory, got {len(paths)} paths")
    if tree.base_ref is not None and not tree.changed_only:
        raise TcheckError("--base needs --changed-only")
    # locales keep the case the tree spells them in (pt-BR)
    locales = tuple(x.strip() for x in (tree.locales or "").split(",") if x.strip())
    spec = TreeSpec(locales=locales, pattern=tree.pattern)
    batch = run_batch(
        paths[0],
        spec,
        cfg,
        executor=make_executor(tree.executor, jobs=tree.jobs, scheduler=tree.scheduler),
        baseline=baseline,
        changed_since=(tree.base_ref or "HEAD") if tree.changed_only else None,
    )
    # checked after the run: the tree is walked once, and a refusal still writes nothing
    root = Path(batch.root)
    outputs.check(root / f.path for result in batch.results for f in result.docset.files)
    if outputs.baseline:
        findings = tuple(f for report in batch.reports for f in report.findings)
        save_baseline(outputs.baseline, findings)
        typer.echo(f"tcheck: recorded {len(findings)} findings in {outputs.baseline}", err=True)
        return 0
    _write(format_batch(fmt, batch, options), outputs.report)
    for failed in batch.failed:
        typer.echo(f"tcheck: error: {failed.docset.key}: {failed.error}", err=True)
    if batch.failed:
        return 2
    if cfg.fail_on == "never":
        return 0
    worst = batch.worst()
    return 1 if worst is not None and worst >= Severity.parse(cfg.fail_on) else 0


@app.command()
def align(
    paths: PathsArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="rich, json or tsv.")] = "rich",
    segment: SegmentOpt = "auto",
    lang: Annotated[str | None, typer.Option("--lang", help="Languages in argument order.")] = None,
    backbone: BackboneOpt = None,
    model: ModelOpt = None,
    pivot: PivotOpt = None,
    batch_size: BatchSizeOpt = None,
    device: DeviceOpt = None,
    beams: BeamsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    width: WidthOpt = None,
) -> None:
    """Align versions and print the groups side by side (rich), as JSON or as TSV."""

    def go() -> None:
        from tcheck import views
        from tcheck.load import collect_paths
        from tcheck.pipeline import align as align_stage
        from tcheck.pipeline import load_versions

        if fmt not in ("rich", "json", "tsv"):
            raise TcheckError(f"unknown align format {fmt!r} (choose from rich, json, tsv)")
        langs = _langs(lang)
        cfg = _config(
            None,
            segment=segment,
            backbone=backbone,
            **_mt_overrides(model, pivot, batch_size, device, beams, no_cache, cache_dir),
        )
        if output:
            _refuse_overwrite([output], collect_paths(paths))
        versions = load_versions(paths, cfg, langs=langs)
        progress = _TranslationProgress()
        try:
            alignment = align_stage(versions, cfg, progress=progress)
        finally:
            progress.close()
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
    paths: Annotated[list[Path], typer.Argument(help="Text files or directories.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="rich or json.")] = "rich",
    segment: SegmentOpt = "auto",
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language code (of every file).")
    ] = None,
) -> None:
    """Print the sentences (and metadata lines) of each file with line:column.

    Rich output starts each file with a header line; JSON is one object for one file and a list
    of them for several.
    """

    def go() -> None:
        from tcheck import views
        from tcheck.load import collect_paths, version_from_path

        if fmt not in ("rich", "json"):
            raise TcheckError(f"unknown segment format {fmt!r} (choose from rich, json)")
        code = _lang(lang) if lang is not None else None
        files = collect_paths(paths)
        versions = [
            version_from_path(file, lang=code, segment=segment, label=os.path.relpath(file))
            for file in files
        ]
        if fmt == "json":
            data = [views.segments_dict(v) for v in versions]
            text = json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)
            text += "\n"
        else:
            color = _use_color(None, None)
            text = "\n".join(views.segments_rich(v, color=color) for v in versions)
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
            raise TcheckError(f"unknown rule {code!r} (see tcheck rules)") from None
        _write(views.explain(rule), None)

    _guard(go)


def main(args: Sequence[str] | None = None) -> None:
    """Console entry point: usage errors too are one line on stderr with exit code 2."""
    argv = list(sys.argv[1:] if args is None else args)
    try:
        code = _main(argv)
    except SystemExit as exc:
        raise SystemExit(exc.code) from None
    raise SystemExit(code)


def _main(argv: list[str]) -> int:
    if not argv:  # a bare `tcheck` shows the help, but no command ran: exit 2, as click does
        app(args=["--help"], prog_name="tcheck", standalone_mode=False)
        return 2
    try:
        code = app(args=argv, prog_name="tcheck", standalone_mode=False)
    except _click_errors() as exc:  # evaluated only when something was raised
        typer.echo(f"tcheck: error: {_usage_message(exc)}", err=True)
        return 2
    except typer.Abort:
        typer.echo("tcheck: interrupted", err=True)
        return INTERRUPTED
    return code if isinstance(code, int) else 0


def _click_errors() -> tuple[type[Exception], ...]:
    """The usage errors of the click typer runs on: its own copy (recent typer) or click."""
    errors: list[type[Exception]] = []
    with contextlib.suppress(ImportError):
        from typer.exceptions import TyperException

        errors.append(TyperException)
    with contextlib.suppress(ImportError):
        from click import ClickException

        errors.append(ClickException)
    return tuple(errors)


def _usage_message(exc: Exception) -> str:
    """Click's message on one line, pointing at the help of the command it is about."""
    format_message = getattr(exc, "format_message", None)
    message = " ".join((format_message() if format_message else str(exc)).split())
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "tcheck"
    return f"{message} (see {command} --help)"

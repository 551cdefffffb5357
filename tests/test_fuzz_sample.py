"""A fast deterministic sample of the fuzz campaign (bench/fuzz.py): same generators, same checks.

Two inputs of every kind run through the CLI in-process under a time bound, one also as a
subprocess; every outcome must be exit 0/1/2 with a clear message and every report must validate.
The long campaign (10,000+ inputs, large files, memory limits) is ``python bench/fuzz.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240611


def _load_fuzz():
    spec = importlib.util.spec_from_file_location("tcheck_bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()
KINDS = [*fuzz.GENERATORS, *fuzz.RESOURCE_KINDS]


@pytest.fixture(scope="module")
def corpus():
    return fuzz.load_corpus()


@pytest.fixture(scope="module")
def validators():
    return fuzz.Validators()


@pytest.mark.parametrize("kind", KINDS)
def test_generated_inputs_end_cleanly_and_reports_validate(kind, corpus, validators, tmp_path):
    for n in range(2):
        case = fuzz.make_case(KINDS.index(kind) * 2 + n, SEED, corpus, kind=kind)
        outcome = fuzz.run_in_process(case, tmp_path / "case", 30.0, validators)
        assert outcome.exit_code in (0, 1, 2)
        assert outcome.problems == [], (
            case.args,
            [(name, data[:200]) for name, data in case.files],
        )


def test_validators_catch_what_they_are_for(validators):
    case = fuzz.Case(0, "x", (), ("compare",), "json")
    assert validators.check_report(case, "{not json")
    assert validators.check_report(case, '{"schema": "tcheck.report/1"}')
    github = fuzz.Case(0, "x", (), ("compare",), "github")
    assert validators.check_report(github, "::error title=x::one\ninjected line\n")
    markdown = fuzz.Case(0, "x", (), ("compare",), "markdown")
    assert validators.check_report(markdown, "| a | b |\n|---|---|\n| x | y | z |\n")
    html = fuzz.Case(0, "x", (), ("compare",), "html")
    assert validators.check_report(html, "<script></script><script>alert(1)</script>")
    assert fuzz.check_outcome(case, 2, "", "tcheck: error: a\nsecond line\n")
    assert fuzz.check_outcome(case, 2, "", "Traceback (most recent call last):\n")


def test_generators_are_deterministic(corpus):
    for i, kind in enumerate(KINDS):
        assert fuzz.make_case(i, SEED, corpus, kind=kind) == fuzz.make_case(
            i, SEED, corpus, kind=kind
        )


def test_a_sample_runs_as_a_subprocess_without_traceback(corpus, tmp_path):
    for i, kind in enumerate(("random-bytes", "markup-injection")):
        case = fuzz.make_case(100 + i, SEED, corpus, kind=kind)
        outcome = fuzz.run_subprocess(case, tmp_path / "sub", 120.0)
        assert outcome.problems == [], case.args


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    import tracemalloc

    from typer.testing import CliRunner

    from tcheck.cli import app

    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    small = tmp_path / "small.txt"
    small.write_text("Короткий текст.", encoding="utf-8")
    args = ["compare", str(big), str(small), "--format", "json"]
    CliRunner().invoke(app, args)  # imports happen here, outside the measurement
    tracemalloc.start()
    try:
        result = CliRunner().invoke(app, args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 2
    assert "big.txt: file is larger than 5000000 bytes (50000000 bytes;" in result.stderr
    assert "--max-bytes" in result.stderr
    assert peak < 5_000_000  # the 50 MB were never read

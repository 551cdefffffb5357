"""Locale trees in batch mode: discovery, planted findings at file:line, missing counterparts,
deterministic parallel output, --changed-only in a git repository, the Dask executor."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tcheck.batch import TreeSpec, discover
from tcheck.batch.executors import DaskExecutor
from tcheck.cli import app
from tcheck.errors import ConfigError

TREE = Path(__file__).resolve().parent / "fixtures" / "tree"
LOCALES = "ru,uk,bg"
runner = CliRunner()

PLANTED = {
    # set key -> (code, odd version, file of the odd version, line)
    "content/{locale}/news/budget.md": ("TC301", "bg", "content/bg/news/budget.md", 5),
    "content/{locale}/news/visit.md": ("TC401", "uk", "content/uk/news/visit.md", 3),
    "pages/about.{locale}.txt": ("TC301", "bg", "pages/about.bg.txt", 3),
}
CLEAN = {
    "content/{locale}/news/weather.md",
    "notes/{locale}.txt",
    "content/{locale}/news/partial.md",
}


def _compare(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    import os

    before = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(app, ["compare", *args])
    finally:
        os.chdir(before)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def tree_json() -> dict:
    code, out, err = _compare(str(TREE), "--locales", LOCALES, "--format", "json")
    assert code == 1, err
    return json.loads(out)


def test_discovery_pairs_folders_and_suffixes() -> None:
    locales, sets = discover(TREE, TreeSpec(locales=("ru", "uk", "bg")))
    assert locales == ("ru", "uk", "bg")
    by_key = {s.key: s for s in sets}
    assert sorted(by_key) == [s.key for s in sets]  # sorted by key
    assert set(by_key) == {*PLANTED, *CLEAN, "content/{locale}/drafts/lone.md"}
    assert by_key["content/{locale}/news/budget.md"].locales == ("ru", "uk", "bg")
    assert [f.path for f in by_key["pages/about.{locale}.txt"].files] == [
        "pages/about.ru.txt",
        "pages/about.uk.txt",
        "pages/about.bg.txt",
    ]
    assert [f.path for f in by_key["notes/{locale}.txt"].files] == [
        "notes/ru.txt",
        "notes/uk.txt",
        "notes/bg.txt",
    ]
    assert by_key["content/{locale}/news/partial.md"].missing == ("bg",)
    assert not by_key["content/{locale}/drafts/lone.md"].checkable


def test_pattern_finds_its_locales() -> None:
    locales, sets = discover(TREE, TreeSpec(pattern="content/{locale}/**/*.md"))
    assert locales == ("bg", "ru", "uk")
    assert [s.key for s in sets] == [
        "content/{locale}/drafts/lone.md",
        "content/{locale}/news/budget.md",
        "content/{locale}/news/partial.md",
        "content/{locale}/news/visit.md",
        "content/{locale}/news/weather.md",
    ]
    assert sets[1].locales == ("bg", "ru", "uk")
    assert sets[0].missing == ("bg", "uk")


@pytest.mark.parametrize(
    "spec",
    [
        {"locales": ("ru", "r u")},
        {"locales": ("ru", "ru")},
        {"pattern": "content/*.md"},
        {},
    ],
)
def test_bad_tree_specs(spec: dict) -> None:
    with pytest.raises(ConfigError):
        TreeSpec(**spec)


def test_planted_findings_at_file_and_line(tree_json: dict) -> None:
    assert tree_json["schema"] == "tcheck.batch/1"
    sets = {s["key"]: s for s in tree_json["sets"]}
    for key, (code, odd, path, line) in PLANTED.items():
        report = sets[key]["report"]
        assert report["schema"] == "tcheck.report/1"
        assert [v["id"] for v in report["versions"]] == ["ru", "uk", "bg"]
        assert [v["lang"] for v in report["versions"]] == ["ru", "uk", "bg"]
        hits = [f for f in report["findings"] if f["code"] == code and f["versions"] == [odd]]
        assert hits, (key, report["findings"])
        ev = next(e for e in hits[0]["evidence"] if e["version"] == odd)
        version = next(v for v in report["versions"] if v["id"] == odd)
        assert version["path"].endswith(path) and ev["line"] == line
    for key in CLEAN:
        assert sets[key]["report"]["findings"] == [], key


def test_missing_counterparts_reported(tree_json: dict) -> None:
    sets = {s["key"]: s for s in tree_json["sets"]}
    lone = sets["content/{locale}/drafts/lone.md"]
    assert lone["missing"] == ["uk", "bg"] and lone["checked"] is False
    assert sets["content/{locale}/news/partial.md"]["missing"] == ["bg"]
    summary = tree_json["summary"]
    assert summary["sets"] == 7 and summary["checked"] == 6 and summary["unpaired"] == 1
    assert summary["missing_files"] == 3 and summary["errors"] == 3


def test_text_report_sections_and_summary() -> None:
    code, out, _ = _compare(".", "--locales", LOCALES, "--format", "text", cwd=TREE)
    assert code == 1
    assert "content/bg/news/budget.md:5:" in out and "error TC301" in out
    assert "content/uk/news/visit.md:3:" in out and "error TC401" in out
    assert "content/ru/drafts/lone.md: content/{locale}/drafts/lone.md: no uk, bg versions" in out
    assert out.rstrip().endswith("in 7 document sets (6 checked, 1 unpaired, 3 missing files)")


def test_github_and_sarif_point_at_tree_files() -> None:
    code, out, _ = _compare(".", "--locales", LOCALES, "--format", "github", cwd=TREE)
    assert code == 1
    assert "::error file=pages/about.bg.txt,line=3," in out
    assert "::warning file=content/ru/news/partial.md,title=missing counterpart::" in out
    code, out, _ = _compare(".", "--locales", LOCALES, "--format", "sarif", cwd=TREE)
    log = json.loads(out)
    assert len(log["runs"]) == 1
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {p for _, _, p, _ in PLANTED.values()}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for r in log["runs"][0]["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    schema_path = TREE.parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if schema_path.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(log, json.loads(schema_path.read_text(encoding="utf-8")))


def test_jobs_give_identical_json(tree_json: dict) -> None:
    code, out, err = _compare(str(TREE), "--locales", LOCALES, "--format", "json", "--jobs", "2")
    assert code == 1, err
    assert json.loads(out) == tree_json


def test_exit_codes_and_usage_errors() -> None:
    code, _, _ = _compare(str(TREE / "notes"), "--locales", LOCALES, "--format", "json")
    assert code == 0  # a clean tree
    code, _, err = _compare(str(TREE), "--jobs", "2")
    assert code == 2 and "--jobs needs a locale tree" in err
    code, _, err = _compare(str(TREE), "--locales", LOCALES, "--lang", "ru,uk,bg")
    assert code == 2 and "--lang" in err
    code, _, err = _compare(str(TREE), "--locales", LOCALES, "--executor", "ray")
    assert code == 2 and "unknown executor" in err
    code, _, err = _compare(str(TREE / "missing"), "--locales", LOCALES)
    assert code == 2 and "must be a directory" in err


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_only_in_a_git_repo(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(TREE, repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "tree")
    _git(repo, "checkout", "-q", "-b", "change")
    weather = repo / "content" / "uk" / "news" / "weather.md"
    weather.write_text(weather.read_text(encoding="utf-8").replace("25", "35"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "edit")
    (repo / "pages" / "about.uk.txt").unlink()  # a working-tree change: the set is checked too

    code, out, err = _compare(
        ".", "--locales", LOCALES, "--changed-only", "--base", "main", "-f", "json", cwd=repo
    )
    assert code == 1, err
    data = json.loads(out)
    assert [s["key"] for s in data["sets"]] == [
        "content/{locale}/news/weather.md",
        "pages/about.{locale}.txt",
    ]
    weather_report = data["sets"][0]["report"]
    assert any(f["code"] == "TC301" and f["versions"] == ["uk"] for f in weather_report["findings"])
    assert data["sets"][1]["missing"] == ["uk"]
    assert data["summary"]["skipped"] == 5

    code, _, err = _compare(".", "--locales", LOCALES, "--changed-only", "--base", "nope", cwd=repo)
    assert code == 2 and "unknown git ref" in err
    plain = tmp_path / "plain"
    shutil.copytree(TREE, plain)
    inside = subprocess.run(["git", "rev-parse"], cwd=plain, capture_output=True).returncode == 0
    if inside:  # pragma: no cover - a temporary directory inside some repository
        pytest.skip("the temporary directory lies inside a git repository")
    code, _, err = _compare(".", "--locales", LOCALES, "--changed-only", cwd=plain)
    assert code == 2 and "not inside a git repository" in err


def test_dask_local_cluster_matches_local(tree_json: dict) -> None:
    pytest.importorskip("distributed")
    code, out, err = _compare(
        str(TREE), "--locales", LOCALES, "--format", "json", "--executor", "dask"
    )
    assert code == 1, err
    assert json.loads(out) == tree_json


def test_dask_missing_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_dask(name: str, *args, **kwargs):
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(ConfigError, match=r"pip install tcheck\[dist\]"):
        DaskExecutor().run([])

"""The CLI as users meet it: exit codes, one-line errors, formats, seeds expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tcheck.cli import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STORY = sorted(str(p) for p in SEEDS.glob("00[0-3]_*.txt"))


def _run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def seeds_report() -> dict:
    result = _run("compare", str(SEEDS), "--format", "json")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_version() -> None:
    result = _run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("tcheck ")


def test_languages_of_the_seeds(seeds_report: dict) -> None:
    assert [v["lang"] for v in seeds_report["versions"]] == ["ru", "uk", "uk", "bg", "ru"]


def test_nothing_lost(seeds_report: dict) -> None:
    for v in seeds_report["versions"]:
        if not v["unrelated"]:
            assert v["sentences_grouped"] == v["sentences_read"] > 0


def _codes(report: dict) -> list[tuple[str, list[str], str]]:
    return [(f["code"], f["versions"], f["message"]) for f in report["findings"]]


def test_seeds_must_report(seeds_report: dict) -> None:
    findings = seeds_report["findings"]
    assert seeds_report["unrelated"] == ["004_3565b1968f251dbe"]
    assert any(f["code"] == "TC103" for f in findings)
    name = [f for f in findings if f["code"] == "TC201"]
    assert name and any("Сакае" in e["text"] for f in name for e in f["evidence"])
    assert any("Санаэ" in e["text"] or "Санае" in e["text"] for f in name for e in f["evidence"])
    inconsistent = [f for f in findings if f["code"] == "TC205"]
    texts = {e["text"] for f in inconsistent for e in f["evidence"]}
    assert {"Такаичи", "Такаити"} <= texts
    sources = [f for f in findings if f["code"] in ("TC501", "TC502")]
    src_text = " ".join(e["text"] for f in sources for e in f["evidence"])
    assert "Kyodo News" in src_text and "Telegram" in src_text


def _only_in(report: dict, needle: str) -> list[str]:
    for f in report["findings"]:
        if f["code"] in ("TC101", "TC102") and any(needle in e["text"] for e in f["evidence"]):
            present = sorted({e["version"][:3] for e in f["evidence"]})
            return present
    return []


@pytest.mark.parametrize(
    ("needle", "versions"),
    [
        ("коридора для диалога", ["000"]),
        ("Северной Кореи", ["000"]),
        ("готовий приїхати до Японії", ["001"]),
        ("Нагадаємо, 18 лютого", ["001"]),
        ("тринітротолуол", ["002", "003"]),
        ("експорт озброєння", ["002", "003"]),
    ],
)
def test_seeds_content_only_in_some(seeds_report: dict, needle: str, versions: list[str]) -> None:
    assert _only_in(seeds_report, needle) == versions


def test_seeds_must_not_warn_on_legitimate_variants(seeds_report: dict) -> None:
    for f in seeds_report["findings"]:
        if f["severity"] == "info" or f["code"] in ("TC101", "TC102", "TC103"):
            continue
        spans = {e["text"] for e in f["evidence"]}
        for ok in (
            {"Зеленский", "Зеленський"},
            {"Украина", "Україна"},
            {"Україна", "Украйна"},
            {"Японія", "Япония"},
            {"Такаичи", "Такаїчі"},
        ):
            assert not ok <= spans, f
        if f["code"] in ("TC401", "TC402"):
            assert not any("2023" in s for s in spans), f


def test_binary_file_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4)
    result = _run("compare", str(tmp_path / "a.txt"), STORY[0])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "a.txt" in result.stderr


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "no such file"),
        ("empty", "empty"),
        ("one", "at least two"),
        ("emptydir", "no .txt"),
    ],
)
def test_bad_input_exit_2(tmp_path: Path, setup: str, expected: str) -> None:
    if setup == "missing":
        args = [str(tmp_path / "nope.txt"), STORY[0]]
    elif setup == "empty":
        (tmp_path / "e.txt").write_text("  \n")
        args = [str(tmp_path / "e.txt"), STORY[0]]
    elif setup == "one":
        args = [STORY[0]]
    else:
        (tmp_path / "d").mkdir()
        args = [str(tmp_path / "d"), STORY[0]]
    result = _run("compare", *args)
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert expected in result.stderr.lower(), result.stderr


def test_fail_on_and_exit_zero() -> None:
    assert _run("compare", *STORY, "--format", "json").exit_code == 1
    assert _run("compare", *STORY, "--format", "json", "--exit-zero").exit_code == 0
    assert _run("compare", *STORY, "--format", "json", "--fail-on", "never").exit_code == 0
    only_info = _run("compare", *STORY, "-f", "json", "--select", "TC104,TC202")
    assert only_info.exit_code == 0
    assert _run("compare", *STORY, "-f", "json", "--fail-on", "bogus").exit_code == 2


def test_format_does_not_change_exit_code(tmp_path: Path) -> None:
    codes = {
        fmt: _run("compare", *STORY, "-f", fmt, "-o", str(tmp_path / f"r.{fmt}")).exit_code
        for fmt in ("rich", "text", "json", "sarif", "html", "markdown", "github")
    }
    assert set(codes.values()) == {1}, codes


def test_baseline_round_trip(tmp_path: Path) -> None:
    files = []
    for p in STORY:
        dst = tmp_path / Path(p).name
        dst.write_text(Path(p).read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(dst))
    base = tmp_path / "baseline.json"
    assert _run("compare", *files, "--write-baseline", str(base)).exit_code == 0
    assert _run("compare", *files, "-f", "json", "--baseline", str(base)).exit_code == 0
    # an unrelated edit elsewhere keeps the baseline valid
    bg = Path(files[3])
    bg.write_text(
        bg.read_text(encoding="utf-8") + "\nНово изречение без значение.\n", encoding="utf-8"
    )
    assert _run("compare", *files, "-f", "json", "--baseline", str(base)).exit_code == 0
    # a changed name is a new finding
    uk = Path(files[2])
    uk.write_text(
        uk.read_text(encoding="utf-8").replace("Зеленський", "Зеленчук"), encoding="utf-8"
    )
    assert _run("compare", *files, "-f", "json", "--baseline", str(base)).exit_code == 1


def test_config_errors_and_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tcheck.toml").write_text("bogus = 1\n")
    result = _run("compare", *STORY)
    assert result.exit_code == 2 and "bogus" in result.stderr
    (tmp_path / "tcheck.toml").write_text('fail-on = "never"\n')
    assert _run("compare", *STORY, "-f", "json").exit_code == 0
    assert _run("compare", *STORY, "-f", "json", "--fail-on", "error").exit_code == 1


def test_segment_json_has_positions() -> None:
    result = _run("segment", str(SEEDS / "003_53ef7e5e28e1b9e1.txt"), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["lang"] == "bg"
    assert all(s["line"] >= 1 and s["column"] >= 1 for s in data["segments"])


def test_align_json_groups_shared_content() -> None:
    result = _run("align", *STORY, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    ids = [v["id"] for v in data["versions"]]
    full = [g for g in data["groups"] if all(g["members"][v] for v in ids)]
    assert len(full) >= 3
    segs = {v["id"]: v["segments"] for v in data["versions"]}
    tnt = [
        g
        for g in data["groups"]
        if any("тринітротолуол" in segs[ids[2]][i]["text"] for i in g["members"][ids[2]])
    ]
    assert tnt and tnt[0]["members"][ids[3]] and not tnt[0]["members"][ids[0]]
    with_004 = _run("align", *STORY, str(SEEDS / "004_3565b1968f251dbe.txt"), "-f", "json")
    assert json.loads(with_004.stdout)["unrelated"] == ["004_3565b1968f251dbe"]


def test_rules_and_explain() -> None:
    result = _run("rules")
    assert result.exit_code == 0 and "TC201" in result.stdout and "name-spelling" in result.stdout
    assert "Example" in _run("explain", "TC201").stdout
    assert _run("explain", "TC999").exit_code == 2


def test_import_does_not_load_torch() -> None:
    import subprocess
    import sys

    code = "import sys, tcheck, tcheck.cli, tcheck.pipeline; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- bad selections, overwritten inputs, usage errors, config tables -----------------------------


@pytest.mark.parametrize(
    ("args", "bad"),
    [
        (["--select", "ZZ9"], "ZZ9"),
        (["--select", "TC201,bogus"], "bogus"),
        (["--ignore", "XYZ"], "XYZ"),
        (["--select", "TC9999"], "TC9999"),
    ],
)
def test_unknown_rule_on_the_command_line_exit_2(args: list[str], bad: str) -> None:
    result = _run("compare", *STORY, "-f", "json", *args)
    assert result.exit_code == 2, result.output
    assert f"unknown rule {bad!r} (see tcheck rules)" in result.stderr
    assert result.stderr.count("\n") == 1 and not result.stdout


def test_select_by_prefix_slug_and_lower_case() -> None:
    for selection in ("TC2", "name-spelling", "tc201"):
        result = _run("compare", *STORY, "-f", "json", "--select", selection)
        assert result.exit_code == 1, (selection, result.stderr)
        codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
        assert codes and all(c.startswith("TC2") for c in codes), (selection, codes)
    assert _run("compare", *STORY, "-f", "json", "--select", ",").exit_code == 2


@pytest.mark.parametrize(
    ("toml", "bad"),
    [
        ('severity = { TC999 = "info" }\n', "TC999"),
        ('select = ["ZZ9"]\n', "ZZ9"),
        ('[tool.tcheck]\nignore = ["TC201", "nope"]\n', "nope"),
    ],
)
def test_unknown_rule_in_the_configuration_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, bad: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tcheck.toml").write_text(toml)
    result = _run("compare", *STORY, "-f", "json")
    assert result.exit_code == 2, result.output
    assert "tcheck.toml" in result.stderr and f"unknown rule {bad!r}" in result.stderr


def test_readme_configuration_example_works_in_tcheck_toml(tmp_path: Path) -> None:
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    assert example.startswith("[tool.tcheck]")
    (tmp_path / "glossary.csv").write_text("ru,uk,bg\nТакаичи,Такаїчі,Такаичи\n")
    for name, text in (
        ("tcheck.toml", example),
        ("pyproject.toml", example),
        ("plain.toml", example.replace("[tool.tcheck]\n", "")),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = _run("compare", *STORY, "-f", "json", "--config", str(tmp_path / name))
        assert result.exit_code in (0, 1), (name, result.stderr)
        assert not {f["code"] for f in json.loads(result.stdout)["findings"]} & {"TC104"}


def test_keys_both_inside_and_outside_the_table_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "tcheck.toml"
    config.write_text('fail-on = "never"\n[tool.tcheck]\nselect = ["TC2"]\n')
    result = _run("compare", *STORY, "--config", str(config))
    assert result.exit_code == 2 and "'fail-on'" in result.stderr, result.stderr


@pytest.mark.parametrize("value", ["-1", "0"])
def test_max_bytes_must_be_positive(value: str) -> None:
    result = _run("compare", *STORY, "--max-bytes", value)
    assert result.exit_code == 2
    assert result.stderr == f"tcheck: error: --max-bytes must be a positive integer, got {value}\n"


def _copies(tmp_path: Path) -> list[Path]:
    files = []
    for p in STORY:
        dst = tmp_path / Path(p).name
        dst.write_bytes(Path(p).read_bytes())
        files.append(dst)
    return files


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_output_that_is_an_input_is_refused(tmp_path: Path, option: str) -> None:
    files = _copies(tmp_path)
    before = files[1].read_bytes()
    # the same file, spelled differently, inside a directory given as input
    target = tmp_path / "sub" / ".." / files[1].name
    (tmp_path / "sub").mkdir()
    result = _run("compare", str(tmp_path), option, str(target))
    assert result.exit_code == 2
    assert f"output file is one of the inputs: {target}" in result.stderr
    assert files[1].read_bytes() == before


def test_align_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    files = _copies(tmp_path)
    result = _run("align", *map(str, files), "-o", str(files[0]))
    assert result.exit_code == 2 and "one of the inputs" in result.stderr
    assert files[0].read_bytes() == Path(STORY[0]).read_bytes()


def test_locale_tree_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    for locale, src in (("ru", STORY[0]), ("uk", STORY[1])):
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "a.txt").write_bytes(Path(src).read_bytes())
    target = tmp_path / "uk" / "a.txt"
    result = _run("compare", str(tmp_path), "--locales", "ru,uk", "-o", str(target))
    assert result.exit_code == 2 and "one of the inputs" in result.stderr
    assert target.read_bytes() == Path(STORY[1]).read_bytes()


def test_segment_every_file_of_a_directory() -> None:
    rich = _run("segment", str(SEEDS))
    assert rich.exit_code == 0
    for p in sorted(SEEDS.glob("*.txt")):
        assert rich.stdout.count(f"{p.name}: ") == 1, p.name
    data = json.loads(_run("segment", str(SEEDS), STORY[0], "-f", "json").stdout)
    assert isinstance(data, list) and len(data) == len(list(SEEDS.glob("*.txt")))
    assert [d["lang"] for d in data][:4] == ["ru", "uk", "uk", "bg"]


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from tcheck.cli import main

    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code or 0, out, err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["compare", "--bogus"], "No such option: --bogus"),
        (["compare", STORY[0], STORY[1], "--width", "abc"], "'--width'"),
        (["compare"], "Missing argument"),
        (["explain"], "Missing argument"),
        (["nosuchcommand"], "nosuchcommand"),
    ],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    code, out, err = _main(capsys, *args)
    assert code == 2 and not out
    assert err.startswith("tcheck: error: ") and err.count("\n") == 1, err
    assert expected in err and "--help" in err and "╭" not in err


def test_entry_point_keeps_help_version_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main(capsys, "--version")
    assert (code, err) == (0, "") and out.startswith("tcheck ")
    code, out, _ = _main(capsys, "compare", "--help")
    assert code == 0 and "--select" in out
    assert _main(capsys, "compare", *STORY, "-f", "json")[0] == 1
    assert _main(capsys, "compare", *STORY, "-f", "json", "--exit-zero")[0] == 0
    code, _, err = _main(capsys, "compare", *STORY, "--select", "ZZ9")
    assert code == 2 and err.count("\n") == 1
    code, out, _ = _main(capsys)
    assert code == 2 and "compare" in out


def test_entry_point_ctrl_c_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tcheck.views

    def interrupt(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(tcheck.views, "rules_table", interrupt)
    monkeypatch.setattr(tcheck.views, "explain", interrupt)
    for args in (["rules"], ["explain", "TC201"]):  # outside and inside the error guard
        code, _, err = _main(capsys, *args)
        assert code == 130 and "Traceback" not in err, args


@pytest.mark.parametrize(
    ("command", "value", "shown"),
    [
        ("compare", "xx,ru", "'xx'"),
        ("compare", "russian,ukrainian", "'russian'"),
        ("compare", "ru,zzz", "'zzz'"),
        ("compare", "ru,,uk", "empty item"),
        ("compare", "ru,uk,", "empty item"),
        ("compare", "", "empty item"),
        ("align", "ru,xx", "'xx'"),
        ("segment", "xx", "'xx'"),
        ("segment", "ru,uk", "'ru,uk'"),
    ],
)
def test_unknown_language_code_exit_2(command: str, value: str, shown: str) -> None:
    files = STORY[:1] if command == "segment" else STORY[:2]
    result = _run(command, *files, "--lang", value)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("tcheck: error: --lang") and result.stderr.count("\n") == 1
    assert shown in result.stderr, result.stderr


@pytest.mark.parametrize("value", ["RU,UK", "rus,ukr", "ru-RU,uk_UA"])
def test_language_codes_are_normalised(value: str) -> None:
    result = _run("compare", *STORY[:2], "-f", "json", "--lang", value, "--exit-zero")
    assert result.exit_code == 0, result.output
    assert [v["lang"] for v in json.loads(result.stdout)["versions"]] == ["ru", "uk"]


def test_segment_lang_is_normalised() -> None:
    result = _run("segment", STORY[0], "-f", "json", "--lang", "RU")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["lang"] == "ru"


def test_languages_in_the_configuration_are_checked(tmp_path: Path) -> None:
    config = tmp_path / "tcheck.toml"
    config.write_text('[tool.tcheck]\nlanguages = { "000_*" = "xx" }\n', encoding="utf-8")
    result = _run("compare", *STORY[:2], "--config", str(config))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "'languages' '000_*': unknown language code 'xx'" in result.stderr, result.stderr
    config.write_text('[tool.tcheck]\nlanguages = { "001_*" = "RUS" }\n', encoding="utf-8")
    result = _run("compare", *STORY[:2], "--config", str(config), "-f", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["versions"][1]["lang"] == "ru"


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "--width", "0"],
        ["compare", "--width", "-5"],
        ["compare", "--width", "10001"],
        ["compare", "--jobs", "0"],
        ["compare", "-j", "-1"],
        ["compare", "--batch-size", "0"],
        ["compare", "--beams", "-1"],
        ["align", "--width", "0"],
        ["align", "--batch-size", "0"],
        ["align", "--beams", "0"],
    ],
)
def test_numeric_options_out_of_range_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    command, option, value = args
    code, out, err = _main(capsys, command, *STORY[:2], option, value)
    assert code == 2 and not out
    assert err.startswith("tcheck: error: ") and err.count("\n") == 1, err
    assert f"'{option}'" in err and "╭" not in err


def test_suppression_comment_inside_a_line_suppresses_the_next_sentence(tmp_path: Path) -> None:
    ru = tmp_path / "ru.txt"
    text = "Президент прибыл в Киев. <!-- tcheck: ignore TC301 --> Он сказал это 5 раз.\n"
    ru.write_text(text, encoding="utf-8")
    uk = tmp_path / "uk.txt"
    uk.write_text("Президент прибув до Києва. Він сказав це 7 разів.\n", encoding="utf-8")
    result = _run("compare", str(ru), str(uk), "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["findings"] == [] and report["summary"]["suppressed"] == 1
    said = next(s for s in report["versions"][0]["segments"] if s["text"].startswith("Он"))
    assert (said["line"], said["column"]) == (1, text.index("Он") + 1)

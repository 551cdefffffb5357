"""Markdown, HTML and key-value resources (JSON, YAML, PO, XLIFF 1.2/2.0): planted divergences
are found at the right file:line, non-prose is never compared, bad files stop with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tcheck.checks.placeholders import find_placeholders
from tcheck.cli import app
from tcheck.config import Config
from tcheck.errors import InputError
from tcheck.load import version_from_path
from tcheck.model import Report
from tcheck.pipeline import load_versions, run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"

SETS = {
    "json": ("ru.json", "uk.json", "bg.json"),
    "yaml": ("ru.yml", "uk.yml", "bg.yml"),
    "po": ("messages.ru.po", "messages.uk.po", "messages.bg.po"),
    "xliff12": ("ru.xlf", "uk.xlf", "bg.xlf"),
    "xliff20": ("article.ru.xlf", "article.uk.xlf", "article.bg.xlf"),
    "markdown": ("ru.md", "uk.md", "bg.md"),
    "html": ("ru.html", "uk.html", "bg.html"),
}

PLANTED = {
    # (code, odd versions, file:line of the first evidence)
    "json": {
        ("TC201", ("bg",), "bg.json:8"),  # Сакае for Санаэ
        ("TC301", ("bg",), "bg.json:9"),  # 4,2 for 4,5 млрд
        ("TC401", ("uk",), "uk.json:8"),  # 21 for 20 February
        ("TC901", ("uk",), "uk.json:12"),  # {username} for {name}
        ("TC101", ("uk",), "ru.json:18"),  # key footer missing in uk
    },
    "yaml": {
        ("TC201", ("uk",), "uk.yml:7"),
        ("TC301", ("bg",), "bg.yml:10"),  # пет for три, in a block scalar
        ("TC901", ("bg",), "bg.yml:15"),  # %{n} for %{count} in a plural form
        ("TC101", ("bg",), "ru.yml:18"),
    },
    "po": {
        # a value written on several lines is located at its first line
        ("TC201", ("messages.uk",), "messages.uk.po:17"),
        ("TC301", ("messages.bg",), "messages.bg.po:22"),
        ("TC401", ("messages.bg",), "messages.bg.po:17"),
        ("TC901", ("messages.uk",), "messages.uk.po:35"),  # %(count)s for %(count)d
        ("TC101", ("messages.uk",), "messages.ru.po:39"),  # fuzzy counts as missing
    },
    "xliff12": {
        ("TC401", ("bg",), "bg.xlf:11"),
        ("TC901", ("uk",), "uk.xlf:15"),  # <g> inline code dropped
        ("TC101", ("bg",), "ru.xlf:23"),  # no <target>
    },
    "xliff20": {
        ("TC301", ("article.bg",), "article.bg.xlf:13"),
        ("TC901", ("article.bg",), "article.bg.xlf:19"),  # <ph id="user"/> for "name"
        ("TC101", ("article.bg",), "article.ru.xlf:31"),
    },
    "markdown": {
        ("TC201", ("bg",), "bg.md:9"),
        ("TC301", ("uk",), "uk.md:19"),  # п'ять for три in a list item
        # the 15 vs 25 per cent divergence is suppressed inline in ru.md
    },
    "html": {
        ("TC301", ("bg",), "bg.html:15"),
        ("TC401", ("uk",), "uk.html:14"),  # 19&nbsp;лютого
    },
}


def _paths(fmt: str) -> list[Path]:
    return [FIXTURES / fmt / name for name in SETS[fmt]]


_REPORTS: dict[str, Report] = {}


def _report(fmt: str) -> Report:
    if fmt not in _REPORTS:
        _REPORTS[fmt] = run(_paths(fmt), Config())
    return _REPORTS[fmt]


def _where(report: Report, finding) -> str:
    ev = finding.evidence[0]
    path = report.alignment.version(ev.version).path
    return f"{Path(path).name}:{ev.line}"


@pytest.mark.parametrize("fmt", sorted(PLANTED))
def test_planted_divergences_are_found_and_nothing_else(fmt: str) -> None:
    report = _report(fmt)
    found = {(f.code, f.versions, _where(report, f)) for f in report.findings}
    assert found == PLANTED[fmt]


@pytest.mark.parametrize("fmt", sorted(PLANTED))
def test_evidence_points_at_the_original_line_and_column(fmt: str) -> None:
    report = _report(fmt)
    for finding in report.findings:
        for ev in finding.evidence:
            version = report.alignment.version(ev.version)
            lines = Path(version.path).read_text(encoding="utf-8").split("\n")
            line = lines[ev.line - 1]
            head = ev.text.split()[0]
            if head.startswith("<"):
                head = head[:2]  # inline codes are shown without their numeric ids
            if fmt.startswith("xliff"):
                # columns drift after inline codes, which are shown shorter than written
                assert head in line, (finding.code, ev, line)
                continue
            if fmt == "po" and head not in line:
                # a value continued on the next lines is located at its first line
                assert head in " ".join(lines[ev.line : ev.line + 3]), (finding.code, ev)
                continue
            assert line[ev.column - 1 :].startswith(head), (finding.code, ev, line)


def test_resources_are_aligned_by_key() -> None:
    alignment = _report("json").alignment
    assert alignment.backbone == "key"
    by_key = {g.key: g for g in alignment.groups}
    assert list(by_key)[:3] == ["nav.home", "nav.news", "article.title"]
    inbox = by_key["inbox"]  # i18next plural suffixes folded into one key
    assert (len(inbox.members["ru"]), len(inbox.members["bg"])) == (4, 2)
    assert by_key["footer"].members["uk"] == ()
    for version in alignment.versions:
        grouped = sorted(i for g in alignment.groups for i in g.members[version.id])
        assert grouped == list(range(len(version.sentences)))
    assert json.dumps(alignment.to_dict(), ensure_ascii=False).count('"key": "inbox"') >= 1


def test_missing_key_is_an_omission_naming_the_key() -> None:
    (finding,) = [f for f in _report("json").findings if f.code == "TC101"]
    assert "'footer'" in finding.message and "missing in uk" in finding.message
    assert finding.severity.label == "warning"


def test_languages_come_from_file_names_and_headers(tmp_path: Path) -> None:
    for fmt in ("json", "po", "xliff12", "xliff20", "yaml"):
        versions = load_versions(_paths(fmt), Config())
        assert [v.lang for v in versions] == ["ru", "uk", "bg"], fmt
        assert all(v.lang_confidence == 1.0 for v in versions)
    rails = tmp_path / "strings.yml"
    rails.write_text("uk:\n  hello: Привіт\n", encoding="utf-8")
    version = version_from_path(rails)
    assert (version.lang, version.sentences[0].key) == ("uk", "hello")


def test_markdown_code_and_front_matter_are_never_compared() -> None:
    report = _report("markdown")
    for version in report.alignment.versions:
        source = Path(version.path).read_text(encoding="utf-8").split("\n")
        assert source[12].startswith("```") and source[16].startswith("    ")
        skipped = {1, 2, 3, 4, 13, 14, 15, 17}  # front matter, fenced and indented code
        lines = {s.line for s in version.sentences}
        assert not lines & skipped, version.id
        prose = version.text
        assert "curl" not in prose and "title:" not in prose and "example.org" not in prose
        assert "**" not in prose and "](" not in prose and "tcheck: ignore" not in prose
        assert len(prose) == len(version.markup or "")
    assert report.suppressed == 1  # <!-- tcheck: ignore TC301 --> in ru.md


def test_html_scripts_styles_navigation_are_ignored() -> None:
    report = _report("html")
    for version in report.alignment.versions:
        texts = " ".join(s.text for s in version.sentences)
        for noise in ("var views", "margin", "Политика", "Новини 24", "курс", "©", "<"):
            assert noise not in texts, (version.id, noise)
        assert len(version.sentences) == 5


def test_inline_suppression_in_html(tmp_path: Path) -> None:
    paths = []
    for path in _paths("html"):
        text = path.read_text(encoding="utf-8")
        if path.name == "uk.html":
            text = text.replace(
                "      <p>Президент", "      <!-- tcheck: ignore TC401 -->\n      <p>Президент"
            )
        paths.append(tmp_path / path.name)
        paths[-1].write_text(text, encoding="utf-8")
    report = run(paths, Config())
    assert {f.code for f in report.findings} == {"TC301"}
    assert report.suppressed == 1


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Привет, {name}! У вас {0} и {}", ["{name}", "{0}", "{}"]),
        (
            "%s и %d, %(user)s, %1$s, %.2f, 50% скидка, 100%%",
            ["%s", "%d", "%(user)s", "%s", "%.2f"],
        ),
        (
            "{{ count }} файлов, {{-html}}, $t(common.ok), %{name}",
            ["{{count}}", "{{-html}}", "$t(common.ok)", "%{name}"],
        ),
        ("<b>Жирный</b> <a href='/x'>ссылка</a><br/>", ["<b>", "</b>", "<a>", "</a>", "<br/>"]),
        (
            "{n, plural, one {# файл {who}} few {# файла {who}} other {# файлов}}",
            ["{n, plural}", "{who}", "{who}"],
        ),
        ("{Он} сказал {просто текст}", []),
    ],
)
def test_placeholder_syntaxes(text: str, tokens: list[str]) -> None:
    assert [p.token for p in find_placeholders(text)] == tokens


def _write_set(tmp_path: Path, suffix: str, values: dict[str, str]) -> list[Path]:
    paths = []
    for lang, text in values.items():
        paths.append(tmp_path / f"{lang}{suffix}")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def test_icu_plural_branches_and_positional_printf_are_not_mismatches(tmp_path: Path) -> None:
    paths = _write_set(
        tmp_path,
        ".json",
        {
            "ru": '{"n": "{count, plural, one {# файл {user}} few {# файла {user}} many {# файлов {user}} other {# файла {user}}}", "p": "%1$s и %2$s", "q": "%s и %s"}',
            "uk": '{"n": "{count, plural, one {# файл {user}} few {# файли {user}} many {# файлів {user}} other {# файлу {user}}}", "p": "%2$s і %1$s", "q": "%s і %s"}',
            "bg": '{"n": "{count, plural, one {# файл {user}} other {# файла {user}}}", "p": "%1$s и %2$s", "q": "%s и %s"}',
        },
    )
    assert [f.code for f in run(paths, Config()).findings] == []
    broken = '{"n": "{count, plural, one {# файл} other {# файла}}", "p": "%1$s и %2$s", "q": "%s"}'
    paths[2].write_text(broken, "utf-8")
    found = {(f.code, f.versions) for f in run(paths, Config()).findings}
    assert found == {("TC901", ("bg",))}
    assert len([f for f in run(paths, Config()).findings if f.code == "TC901"]) == 2


def test_i18next_v3_plural_and_yaml_anchors(tmp_path: Path) -> None:
    (path,) = _write_set(
        tmp_path, ".json", {"ru": '{"item": "{{count}} штука", "item_plural": "{{count}} штук"}'}
    )
    version = version_from_path(path)
    assert {s.key for s in version.sentences} == {"item"}
    (path,) = _write_set(
        tmp_path,
        ".yml",
        {"ru": "base: &b\n  ok: Хорошо\n  no: Нет\nform:\n  <<: *b\n  ok: Ладно\n"},
    )
    version = version_from_path(path)
    keyed = {s.key: (s.text, s.line) for s in version.sentences}
    assert keyed["form.ok"] == ("Ладно", 6) and keyed["form.no"] == ("Нет", 3)


BAD = {
    "bad.json": ('{"a": "x",\n  "b": }', r"bad\.json:2:8: invalid JSON"),
    "bad.yml": ("a: [1, 2\nb: c\n", r"bad\.yml:2:\d+: invalid YAML"),
    "bad.po": ('msgid "a"\nmsgstr "b"\nfoo bar\n', r"bad\.po:3: invalid PO file"),
    "bad.xlf": ('<xliff version="1.2">\n<file>\n</xliff>', r"bad\.xlf:3:\d+: invalid XML"),
    "bomb.xlf": (
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file><body>'
        '<trans-unit id="t"><source>&b;</source></trans-unit></body></file></xliff>',
        r"bomb\.xlf: XML with a DOCTYPE",
    ),
    "other.xlf": ("<root/>", r"other\.xlf: not an XLIFF"),
    "list.json": ('["a", "b"]', r"list\.json: expected a JSON object"),
    "code.md": ("```\nonly code\n```\n", r"code\.md: no prose"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_malformed_input_is_an_input_error_with_position(tmp_path: Path, name: str) -> None:
    text, message = BAD[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        version_from_path(path)


def test_cli_errors_exit_2_on_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "uk.json"
    bad.write_text('{"a": ', encoding="utf-8")
    result = runner.invoke(app, ["compare", str(FIXTURES / "json" / "ru.json"), str(bad)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "uk.json:1:" in result.stderr
    mixed = [str(FIXTURES / "json" / "ru.json"), str(FIXTURES / "markdown" / "uk.md")]
    result = runner.invoke(app, ["compare", *mixed])
    assert result.exit_code == 2
    assert "cannot compare key-value resources" in result.stderr


def test_cli_reports_resources_as_json() -> None:
    result = CliRunner().invoke(app, ["compare", *map(str, _paths("po")), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {v["format"] for v in data["versions"]} == {"po"}
    assert any(g.get("key") == "footer::All rights reserved." for g in data["groups"])

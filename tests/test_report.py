"""Output formatters: each format says what a user needs, escapes what it must, and is stable."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcheck.checks.base import Rule
from tcheck.errors import ConfigError
from tcheck.model import (
    Alignment,
    Category,
    Evidence,
    Finding,
    Group,
    Report,
    Sentence,
    Severity,
    Version,
)
from tcheck.report import FORMATTERS, FormatOptions, OutputFormat, get_formatter
from tcheck.report.base import Span, segments
from tcheck.report.github import escape_data, escape_property
from tcheck.report.markdown import MAX_ROWS

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
SUMMARY = "2 errors, 2 warnings, 1 info in 4 versions (1 suppressed)"

# -- a hand-built report ---------------------------------------------------------------------


def make_version(
    vid: str, lang: str, paragraphs: list[list[str]], path: str | None = None
) -> Version:
    """A version whose text is the paragraphs (blank line between), with exact offsets."""
    text = ""
    sentences: list[Sentence] = []
    for p, para in enumerate(paragraphs):
        if p:
            text += "\n\n"
        for n, sent in enumerate(para):
            if n:
                text += " "
            start = len(text)
            text += sent
            line = text.count("\n", 0, start) + 1
            col = start - (text.rfind("\n", 0, start) + 1) + 1
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=sent,
                    start=start,
                    end=start + len(sent),
                    line=line,
                    column=col,
                    paragraph=p,
                    headline=p == 0,
                )
            )
    text += "\n"
    return Version(
        id=vid,
        path=path if path is not None else f"news/{vid}.txt",
        text=text,
        lang=lang,
        lang_confidence=0.97,
        encoding="utf-8",
        sentences=tuple(sentences),
    )


def ev(version: Version, sentence: int | None, needle: str) -> Evidence:
    """Evidence for ``needle`` inside a sentence (or the version's text when sentence is None)."""
    if sentence is None:
        at = version.text.index(needle)
    else:
        sent = version.sentences[sentence]
        at = sent.start + sent.text.index(needle)
    line, col = version.position(at)
    return Evidence(
        version=version.id,
        text=needle,
        line=line,
        column=col,
        sentence=sentence,
        start=at,
        end=at + len(needle),
    )


RU = [
    ["Зеленский встретился с Шольцем в Берлине"],
    [
        "Президент Украины Владимир Зеленский прибыл в Берлин 14 мая.",
        "Он провёл переговоры с канцлером Олафом Шольцем.",
    ],
    [
        "По данным Reuters, стороны обсудили поставки ПВО на 2,7 млрд евро.",
        "Встреча длилась три часа.",
    ],
]
UK = [
    ["Зеленський зустрівся з Шольцом у Берліні"],
    [
        "Президент України Володимир Зеленський прибув до Берліна 14 травня.",
        "Він провів переговори з канцлером Олафом Шульцом.",
    ],
    ["За даними Reuters, сторони обговорили постачання ППО на 2,7 млрд євро."],
]
BG = [
    ["Зеленски се срещна с Шолц в Берлин"],
    [
        "Президентът на Украйна Володимир Зеленски пристигна в Берлин на 14 май.",
        "Той проведе разговори с канцлера Олаф Шолц.",
    ],
    [
        "Според Reuters страните са обсъдили доставки на ПВО за 2,5 млрд евро.",
        "Срещата продължи три часа.",
    ],
]
SPORT = [["Левски победи ЦСКА с 2:1 в дербито."], ["Голът падна в 90-ата минута."]]

RULES = (
    Rule(
        code="TC201",
        slug="name-spelling",
        category=Category.NAME,
        severity=Severity.WARNING,
        summary="A person's name is spelled differently in one version.",
        explanation="Compares transliterated names across the versions of a group.",
        example="ru: Шольцем / uk: Шульцом",
    ),
    Rule(
        code="TC301",
        slug="number-mismatch",
        category=Category.NUMBER,
        severity=Severity.ERROR,
        summary="A number differs between versions.",
        explanation="Numbers are normalised (decimal comma, thousands) before comparing.",
        example="ru: 2,7 млрд / bg: 2,5 млрд",
    ),
    Rule(
        code="TC501",
        slug="omitted-content",
        category=Category.OMISSION,
        severity=Severity.WARNING,
        summary="A version lacks content that the others have.",
        explanation="A group with sentences in most versions but none in this one.",
        example="ru: Встреча длилась три часа. / uk: —",
    ),
    Rule(
        code="TC601",
        slug="unrelated-version",
        category=Category.UNRELATED,
        severity=Severity.ERROR,
        summary="A version is not a translation of the others.",
        explanation="Too few of its sentences align with any other version.",
        example="",
    ),
    Rule(
        code="TC801",
        slug="name-form",
        category=Category.NAME,
        severity=Severity.INFO,
        summary="A first name follows another language's form.",
        explanation="",
        example="",
    ),
)


def build_report(
    ru: list[list[str]] = RU,
    uk: list[list[str]] = UK,
    bg: list[list[str]] = BG,
    sport: list[list[str]] = SPORT,
    extra_findings: tuple[Finding, ...] = (),
) -> Report:
    """ru, uk, bg aligned in five groups (uk lacks group 4) plus an unrelated bg-sport."""
    vru = make_version("ru", "ru", ru)
    vuk = make_version("uk", "uk", uk)
    vbg = make_version("bg", "bg", bg)
    vsp = make_version("bg-sport", "bg", sport, path="news/sport/bg.txt")
    groups = (
        Group(0, {"ru": (0,), "uk": (0,), "bg": (0,)}, score=0.8),
        Group(1, {"ru": (1,), "uk": (1,), "bg": (1,)}, score=0.9),
        Group(2, {"ru": (2,), "uk": (2,), "bg": (2,)}, score=0.85),
        Group(3, {"ru": (3,), "uk": (3,), "bg": (3,)}, score=0.8, moved=True),
        Group(4, {"ru": (4,), "uk": (), "bg": (4,)}, score=0.7),
    )
    alignment = Alignment(
        versions=(vru, vuk, vbg, vsp),
        groups=groups,
        unrelated=("bg-sport",),
        coverage={"ru": 1.0, "uk": 1.0, "bg": 1.0, "bg-sport": 0.0},
    )
    findings = (
        Finding(
            code="TC201",
            slug="name-spelling",
            category=Category.NAME,
            severity=Severity.WARNING,
            message="Шольц is spelled Шульцом in uk (ru: Шольцем, bg: Шолц)",
            group=2,
            versions=("uk",),
            evidence=(ev(vru, 2, "Шольцем"), ev(vuk, 2, "Шульцом"), ev(vbg, 2, "Шолц")),
            key="scholz",
        ),
        Finding(
            code="TC301",
            slug="number-mismatch",
            category=Category.NUMBER,
            severity=Severity.ERROR,
            message="2,5 млрд in bg, 2,7 млрд in ru and uk",
            group=3,
            versions=("bg",),
            evidence=(ev(vru, 3, "2,7 млрд"), ev(vuk, 3, "2,7 млрд"), ev(vbg, 3, "2,5 млрд")),
            key="2.7e9",
        ),
        Finding(
            code="TC501",
            slug="omitted-content",
            category=Category.OMISSION,
            severity=Severity.WARNING,
            message="uk lacks a sentence that ru and bg have",
            group=4,
            versions=("uk",),
            evidence=(ev(vru, 4, RU[2][1]), ev(vbg, 4, BG[2][1])),
        ),
        Finding(
            code="TC801",
            slug="name-form",
            category=Category.NAME,
            severity=Severity.INFO,
            message="bg uses the Ukrainian form Володимир",
            group=1,
            versions=("bg",),
            evidence=(ev(vbg, 1, "Володимир"),),
        ),
        Finding(
            code="TC601",
            slug="unrelated-version",
            category=Category.UNRELATED,
            severity=Severity.ERROR,
            message="bg-sport does not match the other versions (0 of 2 sentences align)",
            group=None,
            versions=("bg-sport",),
            evidence=(
                Evidence(
                    version="bg-sport", text="Левски победи ЦСКА", line=1, column=1, sentence=None
                ),
            ),
        ),
        *extra_findings,
    )
    return Report(alignment=alignment, findings=findings, suppressed=1)


@pytest.fixture
def report() -> Report:
    return build_report()


@pytest.fixture
def options() -> FormatOptions:
    return FormatOptions(rules=RULES, tool_version="0.1.0")


def render(fmt: OutputFormat | str, report: Report, **kw: object) -> str:
    opts = FormatOptions(rules=RULES, tool_version="0.1.0", **kw)  # type: ignore[arg-type]
    return get_formatter(fmt).format(report, opts)


def clean_report() -> Report:
    r = build_report()
    return Report(alignment=r.alignment, findings=())


def name_finding(n: int, message: str = "a name differs") -> Finding:
    r = build_report()
    return Finding(
        code="TC201",
        slug="name-spelling",
        category=Category.NAME,
        severity=Severity.WARNING,
        message=message,
        group=2,
        versions=("uk",),
        evidence=r.findings[0].evidence,
        key=f"k{n}",
    )


# -- registry --------------------------------------------------------------------------------


def test_every_output_format_has_a_formatter_with_its_name() -> None:
    assert set(FORMATTERS) == set(OutputFormat)
    for fmt, formatter in FORMATTERS.items():
        assert formatter.name == fmt.value
        assert formatter.description
        assert get_formatter(fmt.value.upper()) is formatter
        assert get_formatter(fmt) is formatter


def test_unknown_format_is_a_config_error_listing_the_choices() -> None:
    with pytest.raises(ConfigError, match="sarif"):
        get_formatter("xml")


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_output_is_deterministic_and_ends_with_a_newline(fmt: OutputFormat) -> None:
    first = render(fmt, build_report(), width=100)
    assert first == render(fmt, build_report(), width=100)
    assert first.endswith("\n")


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_handles_a_clean_report(fmt: OutputFormat) -> None:
    out = render(fmt, clean_report(), width=80)
    if fmt is OutputFormat.GITHUB:
        assert out == ""  # no annotations at all
    else:
        assert out.strip()


# -- json ------------------------------------------------------------------------------------


def test_json_round_trips_to_the_report_dict(report: Report, options: FormatOptions) -> None:
    out = get_formatter("json").format(report, options)
    assert json.loads(out) == report.to_dict()
    assert "Шульцом" in out  # readable UTF-8, not \u escapes
    assert json.loads(out)["schema"] == "tcheck.report/1"


# -- sarif -----------------------------------------------------------------------------------


def sarif(report: Report, **kw: object) -> dict:
    return json.loads(render(OutputFormat.SARIF, report, **kw))


def validate_sarif(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not available")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)


def test_sarif_validates_and_has_one_result_per_finding(report: Report) -> None:
    log = sarif(report)
    validate_sarif(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "tcheck"
    assert run["tool"]["driver"]["version"] == "0.1.0"
    results = run["results"]
    assert len(results) == len(report.findings)
    by_fp = {r["partialFingerprints"]["tcheckFingerprint/v1"]: r for r in results}
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for f in report.findings:
        r = by_fp[f.fingerprint]
        assert r["ruleId"] == f.code
        assert r["level"] == level[f.severity]
        assert r["message"]["text"] == f.message
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == f.code
        assert r["locations"] and all("region" in loc["physicalLocation"] for loc in r["locations"])


def test_sarif_rules_come_from_the_options(report: Report) -> None:
    rules = sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    name = rules[0]
    assert name["name"] == "NameSpelling"
    assert name["shortDescription"]["text"] == RULES[0].summary
    assert name["defaultConfiguration"]["level"] == "warning"
    assert name["properties"]["tags"] == ["name"]
    assert "Шольцем / uk: Шульцом" in name["help"]["markdown"]


def test_sarif_without_rules_still_names_every_rule_it_uses(report: Report) -> None:
    log = json.loads(get_formatter("sarif").format(report, FormatOptions()))
    validate_sarif(log)
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert sorted(ids) == sorted({f.code for f in report.findings})
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"]


def test_sarif_regions_point_at_the_spans(report: Report) -> None:
    results = sarif(report, base_dir="news")["runs"][0]["results"]
    name = next(r for r in results if r["ruleId"] == "TC201")
    first = name["locations"][0]["physicalLocation"]  # the odd version comes first
    assert first["artifactLocation"] == {"uri": "uk.txt", "uriBaseId": "%SRCROOT%"}
    region = first["region"]
    uk = report.alignment.version("uk")
    line = uk.text.split("\n")[region["startLine"] - 1]
    # columns are 1-based code points, endColumn exclusive
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "Шульцом"
    unrelated = next(r for r in results if r["ruleId"] == "TC601")
    loc = unrelated["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "sport/bg.txt"
    assert loc["region"]["startLine"] == 1


def test_sarif_keeps_ten_locations_and_relates_the_rest(report: Report) -> None:
    ru = report.alignment.version("ru")
    many = tuple(ev(ru, i % 5, ru.sentences[i % 5].text[:3]) for i in range(14))
    big = Finding(
        code="TC201",
        slug="name-spelling",
        category=Category.NAME,
        severity=Severity.WARNING,
        message="many spans",
        group=None,
        versions=("ru",),
        evidence=many,
    )
    log = sarif(build_report(extra_findings=(big,)))
    validate_sarif(log)
    result = log["runs"][0]["results"][-1]
    assert len(result["locations"]) == 10
    assert len(result["relatedLocations"]) == 4


def test_sarif_uses_forward_slashes_for_windows_paths() -> None:
    r = build_report()
    ru = r.alignment.versions[0]
    win = Version(**{**ru.__dict__, "path": "news\\ru.txt"})
    al = Alignment(
        versions=(win, *r.alignment.versions[1:]),
        groups=r.alignment.groups,
        unrelated=r.alignment.unrelated,
    )
    log = sarif(Report(alignment=al, findings=r.findings))
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for res in log["runs"][0]["results"]
        for loc in res["locations"]
    }
    assert "news/ru.txt" in uris
    assert not any("\\" in u for u in uris)


# -- html ------------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def hostile_report() -> Report:
    ru = [list(p) for p in RU]
    ru[1][1] = "Он провёл переговоры с канцлером Олафом Шольцем <script>alert(1)</script>."
    r = build_report(ru=ru)
    vru = r.alignment.version("ru")
    attack = Finding(
        code="TC901",
        slug="x-attr",
        category=Category.MEANING,
        severity=Severity.WARNING,
        message='bad " onmouseover="alert(2)" <b>',
        group=2,
        versions=("ru",),
        evidence=(ev(vru, 2, "Шольцем <script>alert"),),
    )
    return Report(alignment=r.alignment, findings=(*r.findings, attack))


def test_html_escapes_source_text_and_messages() -> None:
    page = render("html", hostile_report())
    assert "<script>alert(1)" not in page
    assert "(1)&lt;/script&gt;" in page
    assert '" onmouseover=' not in page
    assert "&quot; onmouseover=&quot;alert(2)&quot;" in page
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("script") == 1  # only the page's own script
    assert not any(a.startswith("on") for _, attrs in tags.tags for a in attrs)
    assert "&lt;b&gt;" in page
    # the highlighted span still reads as the source text, escaped piece by piece
    text = "".join(tags.text)
    assert "Олафом Шольцем <script>alert(1)</script>." in text


def test_html_is_self_contained(report: Report) -> None:
    page = render("html", report)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<link" not in page.lower()
    assert "@import" not in page and "url(" not in page
    for tag, attrs in parse(page).tags:
        assert not (tag == "script" and "src" in attrs)


def test_html_has_aligned_rows_marks_and_filters(report: Report) -> None:
    page = render("html", report)
    tags = parse(page).tags
    inputs = {(a.get("name"), a.get("value")) for t, a in tags if t == "input"}
    for sev in ("error", "warning", "info"):
        assert ("severity", sev) in inputs
    for cat in ("name", "number", "omission", "unrelated"):
        assert ("category", cat) in inputs
    ids = {a.get("id") for _, a in tags}
    hrefs = {a.get("href") for t, a in tags if t == "a"}
    for f in report.findings:
        if f.group is not None:
            assert f"g-{f.group}" in ids and f"#g-{f.group}" in hrefs
    # one row per group, one cell per aligned version; uk lacks group 4
    row4 = re.search(r'<tr id="g-4"[^>]*>(.*?)</tr>', page, re.S)
    assert row4 and row4.group(1).count("<td") == 3
    assert 'class="missing"' in row4.group(1)
    assert re.search(r'<tr id="g-3" class="moved', page)
    # the odd one out is marked, with the message as its tooltip
    assert re.search(r'<mark class="sev-error odd"[^>]*title="TC301[^"]*">2,5 млрд</mark>', page)
    assert re.search(r'<mark class="sev-error"[^>]*>2,7 млрд</mark>', page)
    assert "Левски победи ЦСКА" in page  # the unrelated version is shown, apart


# -- markdown --------------------------------------------------------------------------------


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip().strip("|"))


def test_markdown_escapes_cells() -> None:
    f = name_finding(0, "a | b `code` <img src=x>\nsecond line @someone")
    out = render("markdown", build_report(extra_findings=(f,)))
    row = next(line for line in out.splitlines() if "a \\| b" in line)
    assert len(_cells(row)) == 4
    assert "\\`code\\`" in row and "&lt;img src=x&gt;" in row
    assert "<br>second line" in row
    assert "@someone" not in out


def test_markdown_has_verdict_versions_and_where(report: Report) -> None:
    out = render("markdown", report)
    assert out.startswith("## ")
    assert "2 errors, 2 warnings, 1 info in 4 versions" in out.splitlines()[0]
    assert "| uk | news/uk.txt |" in out
    assert "uk: news/uk.txt:3" in out


def test_markdown_caps_the_findings_table() -> None:
    extra = tuple(name_finding(n) for n in range(MAX_ROWS + 5))
    report = build_report(extra_findings=extra)
    out = render("markdown", report)
    rows = [line for line in out.splitlines() if re.match(r"\| \S+ (error|warning|info) \|", line)]
    assert len(rows) == MAX_ROWS
    assert f"and {len(report.findings) - MAX_ROWS} more" in out


# -- github ----------------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_one_annotation_per_finding(report: Report) -> None:
    lines = render("github", report).splitlines()
    assert len(lines) == len(report.findings)
    assert sum(line.startswith("::error ") for line in lines) == 2
    assert sum(line.startswith("::warning ") for line in lines) == 2
    info = [line for line in lines if line.startswith("::notice ")]
    assert len(info) == 1 and "title=TC801 name-form" in info[0]
    name = next(line for line in lines if "TC201" in line)
    # annotated on the version that needs fixing, the others listed in the message
    assert name.startswith("::warning file=news/uk.txt,line=3,col=110,endColumn=117,")
    assert "%0Aru (news/ru.txt%3A" not in name  # ':' is only escaped in properties
    assert "%0Aru (news/ru.txt:3:102): Шольцем" in name


def test_github_escapes_messages_and_paths() -> None:
    r = build_report()
    uk = r.alignment.version("uk")
    odd = Version(**{**uk.__dict__, "path": "news/a:b,c.txt"})
    al = Alignment(
        versions=(r.alignment.versions[0], odd, *r.alignment.versions[2:]),
        groups=r.alignment.groups,
    )
    f = name_finding(0, "50% off\nsecond, line: yes")
    out = render("github", Report(alignment=al, findings=(f,)))
    assert out.count("\n") == 1
    assert "file=news/a%3Ab%2Cc.txt," in out
    assert "::50%25 off%0Asecond, line: yes%0A" in out


# -- text ------------------------------------------------------------------------------------


def test_text_lines_start_with_a_location(report: Report) -> None:
    out = render("text", report)
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines[-1] == SUMMARY
    assert "news/bg.txt:5:56: error TC301 number-mismatch: 2,5 млрд in bg" in out
    assert "news/sport/bg.txt:1: error TC601 unrelated-version" in out


# -- rich ------------------------------------------------------------------------------------


def test_rich_plain_has_no_escapes_and_fits_100_columns(report: Report) -> None:
    out = render("rich", report, width=100, color=False)
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert out.rstrip().splitlines()[-1] == SUMMARY
    for f in report.findings:
        assert f"{f.code} {f.slug}" in out
    # the group's sentences side by side, evidence bracketed, locations per version
    assert "[Шульцом]" in out and "[Шольцем]" in out
    assert "news/uk.txt:3:110" in out
    assert "— missing —" in out
    assert "UNRELATED" in out


def test_rich_presence_map_shows_the_gap(report: Report) -> None:
    out = render("rich", report, width=100)
    rows = {line.split()[0]: line for line in out.splitlines() if line[:3] in ("ru ", "uk ")}
    assert rows["ru"].rstrip().endswith("█████")
    assert rows["uk"].rstrip().endswith("████·")


@pytest.mark.parametrize("width", [60, 40])
def test_rich_narrow_terminal_stacks_and_keeps_everything(report: Report, width: int) -> None:
    out = render("rich", report, width=width)
    assert max(len(line) for line in out.splitlines()) <= width
    for f in report.findings:
        assert f.code in out
    assert "news/uk.txt:3:110" in out
    assert "2 errors, 2 warnings, 1 info" in out


def test_rich_color_highlights(report: Report) -> None:
    out = render("rich", report, width=100, color=True)
    assert "\x1b[" in out
    assert "[Шульцом]" not in out  # colour replaces the brackets


def test_rich_clean_report_says_so() -> None:
    out = render("rich", clean_report(), width=100)
    assert out.rstrip().splitlines()[-1] == "no findings in 4 versions"


def test_rich_caps_long_sentences_but_keeps_the_span_and_all_findings() -> None:
    long_ru = [list(p) for p in RU]
    padding = "очень длинное вступление, " * 30
    long_ru[1][1] = f"{padding}Он провёл переговоры с канцлером Олафом Шольцем. {padding}"
    out = render("rich", build_report(ru=long_ru), width=100)
    assert "[Шольцем]" in out and "…" in out
    assert out.count(padding.split(",")[0]) < 10  # 60 in the sentence
    extra = tuple(name_finding(n, f"finding number {n}") for n in range(30))
    out = render("rich", build_report(ru=long_ru, extra_findings=extra), width=100)
    for n in range(30):
        assert f"finding number {n}" in out


# -- shared helpers --------------------------------------------------------------------------


@given(
    text=st.text(min_size=0, max_size=30),
    offset=st.integers(0, 50),
    raw=st.lists(st.tuples(st.integers(0, 90), st.integers(0, 40)), max_size=5),
)
def test_segments_cover_the_text_and_mark_each_span(
    text: str, offset: int, raw: list[tuple[int, int]]
) -> None:
    spans = [Span(a, a + n) for a, n in raw]
    segs = segments(text, offset, spans)
    assert "".join(s.text for s in segs) == text
    pos = offset
    for seg in segs:
        for k in range(pos, pos + len(seg.text)):
            covering = {i for i, sp in enumerate(spans) if sp.start <= k < sp.end}
            assert covering == set(seg.hits)
        pos += len(seg.text)


def test_formatters_do_not_import_the_checks_package() -> None:
    code = "import sys, tcheck.report; print('tcheck.checks' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

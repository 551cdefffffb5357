"""TC701 glossary-term: the glossary file, and renderings that differ from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tcheck.checks.glossary import load_glossary, parse_glossary
from tcheck.cli import app
from tcheck.config import Config, load_config
from tcheck.errors import ConfigError
from tcheck.load import version_from_text
from tcheck.model import Finding
from tcheck.pipeline import run_versions

runner = CliRunner()

GLOSSARY = """\
# terms of the story
ru,uk,bg
Верховная Рада,Верховна Рада,Народно събрание
Такаичи,Такаїчі,Такаичи
Санаэ Такаичи,Санае Такаїчі,Санае Такаичи
ПВО,ППО|протиповітряна оборона,ПВО
"""

RU = (
    "Верховная Рада приняла закон о бюджете.\n\n"
    "Премьер-министр Японии Санаэ Такаичи прибыла в Киев.\n\n"
    "Он хотел бы видеть Такаичи в Украине."
)
UK = (
    "Верховна Рада ухвалила закон про бюджет.\n\n"
    "Прем'єр-міністерка Японії Санае Такаїчі прибула до Києва.\n\n"
    "Він хотів би бачити Такаїчі в Україні."
)
BG = (
    "Народното събрание прие закона за бюджета.\n\n"
    "Премиерът на Япония Санае Такаичи пристигна в Киев.\n\n"
    "Той би искал да види Такаичи в Украйна."
)


def glossary_file(tmp_path: Path, text: str = GLOSSARY, name: str = "terms.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def findings(tmp_path: Path, ru: str = RU, uk: str = UK, bg: str = BG) -> list[Finding]:
    versions = [
        version_from_text(text, version_id=lang, lang=lang)
        for lang, text in (("ru", ru), ("uk", uk), ("bg", bg))
    ]
    cfg = Config(glossary=str(glossary_file(tmp_path)), select=("TC7",), backbone="lexical")
    return list(run_versions(versions, cfg).findings)


# -- the file ----------------------------------------------------------------------------------


def test_csv_and_tsv_parse_to_the_same_entries(tmp_path: Path) -> None:
    csv_glossary = load_glossary(glossary_file(tmp_path))
    tsv_glossary = load_glossary(
        glossary_file(tmp_path, GLOSSARY.replace(",", "\t"), name="terms.tsv")
    )
    assert csv_glossary.languages == ("ru", "uk", "bg")
    assert csv_glossary.entries == tsv_glossary.entries
    entry = csv_glossary.entries[3]
    assert entry.terms["uk"] == ("ППО", "протиповітряна оборона")
    assert entry.line == 6


def test_header_codes_are_normalised_and_empty_cells_skipped() -> None:
    glossary = parse_glossary("RU;uk-UA;bg\nКиев;Київ;\n")
    assert glossary.languages == ("ru", "uk", "bg")
    assert dict(glossary.entries[0].terms) == {"ru": ("Киев",), "uk": ("Київ",)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("term,translation\nКиев,Київ\n", "'term' is not a language code"),
        ("ru,uk,ru\nа,б,в\n", "'ru' appears twice"),
        ("ru,uk\nКиев,Київ,Kyiv\n", ":2: 3 cells"),
        ("ru,uk\nКиев,—\n", "has no letters"),
    ],
)
def test_bad_glossary_is_a_config_error_naming_the_problem(text: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected.replace("|", r"\|")):
        parse_glossary(text, source="g.csv")


def test_unreadable_glossary_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_glossary(tmp_path / "missing.csv")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("ru,de\nМосква,Moskau\n".encode("cp1251"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_glossary(latin1)


# -- the check ---------------------------------------------------------------------------------


def test_consistent_versions_have_no_glossary_finding(tmp_path: Path) -> None:
    assert findings(tmp_path) == []


def test_inflected_renderings_match(tmp_path: Path) -> None:
    uk = UK.replace("Верховна Рада ухвалила", "Депутати Верховної Ради ухвалили")
    assert findings(tmp_path, uk=uk) == []


def test_a_different_rendering_in_an_aligned_sentence(tmp_path: Path) -> None:
    bg = BG.replace("Народното събрание прие", "Парламентът прие")
    (f,) = findings(tmp_path, bg=bg)
    assert (f.code, f.slug, f.category.value, f.severity.label) == (
        "TC701",
        "glossary-term",
        "glossary",
        "warning",
    )
    assert f.versions == ("bg",)
    assert "bg (bg) lacks «Народно събрание»" in f.message
    texts = {e.version: e.text for e in f.evidence}
    assert texts["ru"] == "Верховная Рада"
    assert texts["uk"] == "Верховна Рада"
    assert texts["bg"].startswith("Парламентът прие")
    assert f.group == 0


def test_a_respelled_term_is_the_evidence(tmp_path: Path) -> None:
    ru = RU.replace("видеть Такаичи", "видеть Такаити")
    (f,) = findings(tmp_path, ru=ru)
    assert f.versions == ("ru",)
    assert "ru (ru) writes «Такаити», the glossary has «Такаичи»" in f.message
    ev = f.evidence[0]
    assert (ev.version, ev.text, ev.line) == ("ru", "Такаити", 5)
    assert ru.split("\n")[ev.line - 1][ev.column - 1 :].startswith("Такаити")


def test_a_respelling_without_a_counterpart_is_found_too(tmp_path: Path) -> None:
    # The bg sentence with the respelled name has no counterpart in the other versions.
    bg = BG.replace(
        "Той би искал да види Такаичи в Украйна.",
        "Журналистите питаха за посещението на Сакае Такаичи в Токио миналата есен.",
    )
    ru = RU.replace("Он хотел бы видеть Такаичи в Украине.", "")
    uk = UK.replace("Він хотів би бачити Такаїчі в Україні.", "")
    respelled = [f for f in findings(tmp_path, ru=ru, uk=uk, bg=bg) if "Сакае" in f.message]
    assert len(respelled) == 1
    assert respelled[0].versions == ("bg",)
    assert respelled[0].evidence[0].text == "Сакае Такаичи"


def test_accepted_alternatives_and_short_words_are_not_renderings(tmp_path: Path) -> None:
    ru = RU + "\n\nСистемы ПВО по всей стране усилены."
    uk = UK + "\n\nСистеми протиповітряної оборони по всій країні посилено."
    bg = BG + "\n\nСистемите за ПВО по цялата страна са засилени."
    # "по" folds like ППО/ПВО but is a preposition, not an acronym
    assert findings(tmp_path, ru=ru, uk=uk, bg=bg) == []


def test_without_a_glossary_the_check_is_silent(tmp_path: Path) -> None:
    versions = [
        version_from_text(RU, version_id="ru", lang="ru"),
        version_from_text(
            BG.replace("Народното събрание", "Парламентът"), version_id="bg", lang="bg"
        ),
    ]
    report = run_versions(versions, Config(select=("TC7",), backbone="lexical"))
    assert report.findings == ()


# -- configuration and CLI -------------------------------------------------------------------


def write_story(tmp_path: Path, bg: str = BG) -> list[str]:
    paths = []
    for lang, text in (("ru", RU), ("uk", UK), ("bg", bg)):
        path = tmp_path / f"story.{lang}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_cli_glossary_option_gates_the_exit_code(tmp_path: Path) -> None:
    story = write_story(tmp_path, bg=BG.replace("Народното събрание", "Парламентът"))
    terms = str(glossary_file(tmp_path))
    args = ["compare", *story, "--lang", "ru,uk,bg", "--select", "TC7", "-f", "json"]
    assert runner.invoke(app, [*args, "--fail-on", "warning"]).exit_code == 0
    result = runner.invoke(app, [*args, "--fail-on", "warning", "--glossary", terms])
    assert result.exit_code == 1, result.output
    assert '"code": "TC701"' in result.stdout


def test_cli_bad_glossary_exits_2_with_one_line(tmp_path: Path) -> None:
    story = write_story(tmp_path)
    bad = glossary_file(tmp_path, "term,translation\nа,б\n")
    for glossary in (str(bad), str(tmp_path / "nope.csv")):
        result = runner.invoke(
            app, ["compare", *story, "--lang", "ru,uk,bg", "--glossary", glossary]
        )
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and glossary in result.stderr


def test_config_glossary_is_relative_to_the_config_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    glossary_file(project)
    (project / "tcheck.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    cfg = load_config(project / "tcheck.toml")
    assert cfg.glossary == str(project / "terms.csv")
    assert load_glossary(cfg.glossary).entries


def test_rules_and_explain_document_the_check() -> None:
    assert "TC701" in runner.invoke(app, ["rules"]).stdout
    explained = runner.invoke(app, ["explain", "glossary-term"])
    assert explained.exit_code == 0 and "Такаити" in explained.stdout

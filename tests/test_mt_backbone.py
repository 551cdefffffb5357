"""The mt backbone end to end: CLI runs with a tiny MarianMT model, the cache, auto fallback,
missing models, the pivot choice, and the meaning check with controlled translations."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tcheck.align.mt import MTScorer, name_keys, plan_pivot
from tcheck.checks.meaning import MeaningDrift, drift_threshold
from tcheck.cli import app
from tcheck.config import Config, from_mapping
from tcheck.errors import ConfigError
from tcheck.load import version_from_text
from tcheck.model import Version
from tcheck.mt import ParallelFileTranslator
from tcheck.pipeline import align, run_versions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mt_fixtures import build_tiny_marian

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex128"
runner = CliRunner()

STORY = {
    "a.ru.txt": "Президент заявил, что переговоры продолжатся в понедельник в Киеве. "
    "В 2024 году выручка компании выросла на 12 процентов, до 3,5 млрд долларов. "
    "Об этом сообщил пресс-секретарь министерства.",
    "b.uk.txt": "Президент заявив, що переговори триватимуть у понеділок у Києві. "
    "У 2024 році виручка компанії зросла на 12 відсотків, до 3,5 млрд доларів. "
    "Про це повідомив прессекретар міністерства.",
    "c.bg.txt": "Президентът заяви, че преговорите ще продължат в понеделник в Киев. "
    "През 2024 г. приходите на компанията нараснаха с 12 процента до 3,5 млрд. долара. "
    "Това съобщи говорителят на министерството.",
}


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _offline_hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An empty hub cache: no test may find (or fetch) a real model.
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    torch.set_num_threads(1)
    return build_tiny_marian(tmp_path_factory.mktemp("mt"))


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def model_calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Records every batch the Hugging Face translator generates, and every model load."""
    from tcheck.mt.hf import HFTranslator

    seen: dict[str, list] = {"texts": [], "loads": [], "devices": []}
    generate, load = HFTranslator._generate, HFTranslator._load

    def counting_generate(self, loaded, batch, forced_bos):
        seen["texts"] += batch
        seen["devices"].append(loaded.device.type)
        return generate(self, loaded, batch, forced_bos)

    def counting_load(self, loc):
        seen["loads"].append(loc.ref)
        return load(self, loc)

    monkeypatch.setattr(HFTranslator, "_generate", counting_generate)
    monkeypatch.setattr(HFTranslator, "_load", counting_load)
    return seen


def compare(*args: str):
    return runner.invoke(app, ["compare", *args, "--lang", "ru,uk,bg", "--format", "json"])


# -- the CLI with a real (tiny) model ----------------------------------------------------------


def test_report_names_the_mt_backbone_and_shows_translations(
    tiny_model: Path, story: Path, tmp_path: Path, model_calls: dict
):
    cache = str(tmp_path / "cache")
    result = compare(
        str(story), "--backbone", "mt", "--model", str(tiny_model), "--cache-dir", cache
    )
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["backbone"] == "mt:tiny-marian"
    assert report["pivot"] == "en"
    segments = [s for v in report["versions"] for s in v["segments"]]
    assert len(segments) == 9
    assert all(s["translation"].strip() and s["translation"] != s["text"] for s in segments)
    assert sorted(model_calls["texts"]) == sorted(s["text"] for s in segments)


def test_second_run_is_served_by_the_cache_and_no_cache_calls_the_model(
    tiny_model: Path, story: Path, tmp_path: Path, model_calls: dict
):
    args = (str(story), "--backbone", "mt", "--model", str(tiny_model))
    cache = ("--cache-dir", str(tmp_path / "cache"))
    first = compare(*args, *cache)
    assert first.exit_code in (0, 1) and len(model_calls["texts"]) == 9
    model_calls["texts"].clear()
    model_calls["loads"].clear()
    second = compare(*args, *cache)
    assert second.exit_code == first.exit_code
    assert model_calls["texts"] == [] and model_calls["loads"] == []  # not even loaded
    assert json.loads(second.stdout)["versions"] == json.loads(first.stdout)["versions"]
    uncached = compare(*args, *cache, "--no-cache")
    assert uncached.exit_code == first.exit_code
    assert len(model_calls["texts"]) == 9


def test_auto_uses_a_configured_model_that_is_on_disk(
    tiny_model: Path, story: Path, tmp_path: Path
):
    result = compare(str(story), "--model", str(tiny_model), "--cache-dir", str(tmp_path / "c"))
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["backbone"] == "mt:tiny-marian"


def test_pivot_version_keeps_that_version_and_translates_into_its_language(
    tiny_model: Path, story: Path, tmp_path: Path, model_calls: dict
):
    result = compare(
        str(story),
        *("--backbone", "mt", "--model", str(tiny_model), "--pivot", "b.uk"),
        *("--cache-dir", str(tmp_path / "cache"), "--batch-size", "2", "--beams", "2"),
    )
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["pivot"] == "uk"
    kept = next(v for v in report["versions"] if v["id"] == "b.uk")
    assert all(s["translation"] == s["text"] for s in kept["segments"])
    assert len(model_calls["texts"]) == 6  # only the ru and bg sentences


@pytest.mark.skipif(
    not __import__("importlib").util.find_spec("torch"), reason="torch is not installed"
)
def test_cuda_is_used_when_available(
    tiny_model: Path, story: Path, tmp_path: Path, model_calls: dict
):
    import torch

    if not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    args = (str(story), "--backbone", "mt", "--model", str(tiny_model), "--no-cache")
    result = compare(*args, "--device", "auto")
    assert result.exit_code in (0, 1), result.output
    assert model_calls["devices"] and set(model_calls["devices"]) == {"cuda"}


def test_progress_is_reported_while_the_model_translates(tiny_model: Path, story: Path):
    versions = [
        version_from_text(text, version_id=name, lang=name.split(".")[1])
        for name, text in STORY.items()
    ]
    cfg = Config(backbone="mt", model=str(tiny_model), device="cpu", cache=False)
    seen: list[tuple[int, int]] = []
    align(versions, cfg, progress=lambda done, total: seen.append((done, total)))
    assert seen.count((0, 3)) == 3 and seen.count((3, 3)) == 3  # one call per language


# -- no model ----------------------------------------------------------------------------------


def _one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # no traceback
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_mt_with_a_missing_model_directory_exits_2(story: Path, tmp_path: Path):
    missing = tmp_path / "no-such-model"
    line = _one_line_error(compare(str(story), "--backbone", "mt", "--model", str(missing)))
    assert str(missing) in line and "--model DIR" in line


def test_mt_with_a_hub_id_not_downloaded_says_how_to_get_it(story: Path):
    line = _one_line_error(
        compare(str(story), "--backbone", "mt", "--model", "Helsinki-NLP/opus-mt-sla-en")
    )
    assert "hf download Helsinki-NLP/opus-mt-sla-en" in line
    assert "HF_HOME" in line and "--model DIR" in line


def test_mt_without_a_configured_model_names_the_default_it_looked_for(story: Path):
    line = _one_line_error(compare(str(story), "--backbone", "mt"))
    assert "Helsinki-NLP/opus-mt-" in line and "hf download" in line


def test_auto_falls_back_to_lexical_without_a_model(story: Path, tmp_path: Path, caplog):
    plain = compare(str(story))
    assert plain.exit_code in (0, 1) and json.loads(plain.stdout)["backbone"] == "lexical"
    missing = compare(str(story), "--model", str(tmp_path / "nothing-here"))
    assert missing.exit_code in (0, 1), missing.output
    assert json.loads(missing.stdout)["backbone"] == "lexical"
    assert "does not exist" in caplog.text and "using the lexical backbone" in caplog.text


def test_bad_mt_options_exit_2(story: Path):
    assert compare(str(story), "--device", "tpu").exit_code == 2
    assert compare(str(story), "--batch-size", "0").exit_code == 2


def test_default_compare_never_imports_torch(story: Path, tmp_path: Path):
    # The default backbone (auto), with no model or with a configured model that is missing.
    code = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from tcheck.cli import app\n"
        f"args = ['compare', {str(story)!r}, '--format', 'json', '--exit-zero']\n"
        f"runs = [args, args + ['--model', {str(tmp_path / 'none')!r}]]\n"
        "out = [CliRunner().invoke(app, a) for a in runs]\n"
        "print([(r.exit_code, json.loads(r.stdout)['backbone']) for r in out],\n"
        "      'torch' in sys.modules, 'transformers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[(0, 'lexical'), (0, 'lexical')] False False", out.stderr


# -- configuration -----------------------------------------------------------------------------


def test_mt_keys_in_the_configuration():
    cfg = from_mapping(
        {
            "model": "Helsinki-NLP/opus-mt-sla-en",
            "models": {"bg-en": "/models/bg-en"},
            "pivot": "uk",
            "batch-size": 8,
            "device": "cpu",
            "beams": 4,
            "cache": False,
            "cache-dir": "/tmp/tc",
        }
    )
    assert (cfg.pivot, cfg.batch_size, cfg.device, cfg.beams, cfg.cache) == (
        "uk",
        8,
        "cpu",
        4,
        False,
    )
    assert Config().backbone == "auto"
    for bad in ({"device": "tpu"}, {"batch-size": 0}, {"beams": "2"}, {"cache": "no"}):
        with pytest.raises(ConfigError, match=next(iter(bad)).replace("-", ".")):
            from_mapping(bad)


# -- the scorer and the meaning check with controlled translations ----------------------------


def _ntrex_document(n: int = 12) -> dict[str, list[str]]:
    if not NTREX.is_dir():
        pytest.skip("../shared/data/ntrex128 is not available")
    names = {"ru": "ref.rus", "uk": "ref.ukr", "bg": "ref.bul", "en": "src.eng"}
    return {
        lang: (NTREX / f"newstest2019-{name}.txt").read_text(encoding="utf-8").splitlines()[:n]
        for lang, name in names.items()
    }


def _versions(
    doc: dict[str, list[str]], langs: Sequence[str] = ("ru", "uk", "bg")
) -> list[Version]:
    return [
        version_from_text("\n".join(doc[lang]), version_id=lang, lang=lang, segment="lines")
        for lang in langs
    ]


class DriftingTranslator:
    """Translations from parallel text, except for chosen sentences (a changed meaning).

    ``drop_every`` makes each source language's translations imperfect in its own way (every
    n-th word left out), as different systems' outputs are.
    """

    name = "stub-translator"

    def __init__(
        self,
        doc: dict[str, list[str]],
        drift: dict[str, str],
        drop_every: dict[str, int] | None = None,
    ) -> None:
        self.oracle = ParallelFileTranslator.from_corpus(doc)
        self.drift = drift
        self.drop_every = drop_every or {}
        self.calls: list[tuple[str, str]] = []

    def translate(self, texts: Sequence[str], *, src: str, tgt: str) -> list[str]:
        self.calls.append((src, tgt))
        out = []
        for text, exact in zip(texts, self.oracle.translate(texts, src=src, tgt=tgt), strict=True):
            if text in self.drift:
                out.append(self.drift[text])
                continue
            n = self.drop_every.get(src, 0)
            words = exact.split()
            out.append(" ".join(w for i, w in enumerate(words, 1) if i % n) if n else exact)
        return out


# Line 10 of NTREX says: "The Government of Wales Act 2017 gave the Welsh assembly the power
# to change its name."
DRIFTED = "In 2017 the Government of Wales refused to let the assembly choose a new name."


@pytest.mark.parametrize("drop_every", [{}, {"ru": 6, "uk": 7, "bg": 8}], ids=["exact", "noisy"])
def test_meaning_drift_flags_the_version_whose_translation_says_something_else(drop_every):
    doc = _ntrex_document(16)
    translator = DriftingTranslator(doc, {doc["uk"][10]: DRIFTED}, drop_every)
    report = run_versions(_versions(doc), Config(), scorer=MTScorer(translator))
    assert report.alignment.backbone == "mt:stub-translator"
    drift = [f for f in report.findings if f.code == "TC801"]
    assert len(drift) == 1, [f.message for f in report.findings]
    finding = drift[0]
    assert finding.versions == ("uk",) and finding.severity.label == "warning"
    assert finding.group == 10 and DRIFTED[:40] in finding.message
    assert {(e.version, e.sentence) for e in finding.evidence} == {
        (v, 10) for v in ("ru", "uk", "bg")
    }


def test_no_meaning_drift_when_translations_agree():
    doc = _ntrex_document(16)
    translator = DriftingTranslator(doc, {}, {"ru": 5, "uk": 6, "bg": 7})
    report = run_versions(_versions(doc), Config(), scorer=MTScorer(translator))
    assert [f for f in report.findings if f.code == "TC801"] == []
    groups = [dict(g.members) for g in report.alignment.groups]
    assert groups == [{"ru": (i,), "uk": (i,), "bg": (i,)} for i in range(16)]


def test_meaning_drift_needs_an_mt_backbone():
    doc = _ntrex_document()
    versions = _versions(doc)
    lexical = run_versions(versions, Config(backbone="lexical"))
    assert lexical.alignment.translations == {} and lexical.alignment.pivot is None
    ctx_findings = list(MeaningDrift().run(_context(lexical.alignment)))
    assert ctx_findings == []


def _context(alignment):
    from tcheck.checks.context import CheckContext

    return CheckContext(alignment, Config())


def test_drift_threshold_is_robust_and_has_a_floor():
    median, threshold = drift_threshold([60, 62, 58, 61, 59, 63, 5])
    assert median == 60 and threshold == 45  # MAD 2: the 15-point floor decides
    median, threshold = drift_threshold([40, 50, 60, 70, 80, 90, 5])
    assert median == 60 and threshold == pytest.approx(60 - 3 * 1.4826 * 20)
    assert drift_threshold([100.0] * 10) == (100.0, 85.0)  # identical pairs: the 15-point floor


def test_pivot_plan():
    doc = _ntrex_document()
    versions = _versions(doc, ("ru", "uk", "en"))
    assert plan_pivot(versions, "en").keep == frozenset({"en"})
    by_version = plan_pivot(versions, "uk")
    assert by_version.lang == "uk" and by_version.pairs(versions) == [("en", "uk"), ("ru", "uk")]
    translator = DriftingTranslator(doc, {})
    alignment = align(versions, Config(pivot="uk"), MTScorer(translator, pivot="uk"))
    assert sorted(translator.calls) == [("en", "uk"), ("ru", "uk")]
    assert alignment.pivot == "uk"
    assert alignment.translations["ru"] == tuple(doc["uk"])
    assert alignment.translations["uk"] == tuple(doc["uk"])


def test_name_anchors_match_across_scripts():
    assert name_keys("Президент Зеленский встретился с Такаичи.") == ["zelen", "takai"]
    assert name_keys("President Zelensky met Takaichi.") == ["zelen", "takai"]

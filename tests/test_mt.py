"""The MT backbone: a tiny MarianMT model built offline, the translation cache, and error paths."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tcheck.errors import BackboneError, ConfigError
from tcheck.mt import (
    CachedTranslator,
    Family,
    HFTranslator,
    MTSettings,
    ParallelFileTranslator,
    TranslationCache,
    default_candidates,
    detect_family,
    load_translator,
    m2m_code,
    make_translator,
    marian_target_token,
    model_available,
    nllb_code,
)
from tcheck.mt.hf import LoadedModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mt_fixtures import build_tiny_marian, cache_writer

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sentencepiece")

RU = [
    "Президент заявил, что переговоры продолжатся в понедельник.",
    "Выручка выросла на 12 процентов.",
    "Да.",
    "В 2024 году компания открыла три новых завода в Казани, Самаре и Перми.",
    "Об этом сообщил пресс-секретарь министерства.",
    "Мир.",
    "Переговоры в Женеве завершились без соглашения, но стороны договорились встретиться снова.",
]


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    # Tiny tensors: one thread avoids oversubscription on small shared CI machines.
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_marian(tmp_path_factory.mktemp("mt"))


@pytest.fixture(scope="module")
def multi_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_marian(tmp_path_factory.mktemp("mt"), target_tokens=(">>ukr<<", ">>eng<<"))


def settings_for(model: Path, tmp_path: Path, **kw: object) -> MTSettings:
    return MTSettings(model=str(model), device="cpu", cache_dir=str(tmp_path / "cache"), **kw)


# -- translation mechanics ---------------------------------------------------------------------


def test_translates_a_batch_and_passes_empty_strings_through(tiny_model: Path, tmp_path: Path):
    translator = load_translator(settings_for(tiny_model, tmp_path))
    texts = [RU[0], "", RU[1], "   ", RU[2]]
    out = translator.translate(texts, src="ru", tgt="en")
    assert len(out) == len(texts)
    assert all(isinstance(t, str) for t in out)
    assert out[1] == "" and out[3] == "   "
    assert all(out[i].strip() for i in (0, 2, 4))
    assert translator.name.startswith("tiny-marian@") and len(translator.name.split("@")[1]) == 12


def test_length_sorted_batches_restore_input_order(tiny_model: Path, tmp_path: Path):
    one_by_one = load_translator(settings_for(tiny_model, tmp_path, batch_size=1))
    batched = load_translator(settings_for(tiny_model, tmp_path, batch_size=3))
    texts = RU + RU[::-1]
    expected = [one_by_one.translate([t], src="ru", tgt="en")[0] for t in RU]
    assert len(set(expected)) > 3  # outputs differ per input, so a shuffled order would show
    assert batched.translate(texts, src="ru", tgt="en") == expected + expected[::-1]


def test_progress_reports_every_batch(tiny_model: Path, tmp_path: Path):
    seen: list[tuple[int, int]] = []
    translator = load_translator(
        settings_for(tiny_model, tmp_path, batch_size=3), progress=lambda d, t: seen.append((d, t))
    )
    translator.translate([*RU, ""], src="ru", tgt="en")
    assert seen == [(0, 7), (3, 7), (6, 7), (7, 7)]


def test_multi_target_model_gets_a_target_token(multi_model: Path, tmp_path: Path):
    translator = load_translator(settings_for(multi_model, tmp_path))
    to_uk = translator.translate(RU[:3], src="ru", tgt="uk")
    to_en = translator.translate(RU[:3], src="ru", tgt="en")
    assert all(t.strip() for t in to_uk + to_en)
    assert to_uk != to_en  # the >>ukr<< / >>eng<< token reached the model
    with pytest.raises(BackboneError, match="cannot translate into 'de'"):
        translator.translate(RU[:1], src="ru", tgt="de")


def test_revision_follows_the_weights(tiny_model: Path, tmp_path: Path):
    copy = tmp_path / "copy"
    shutil.copytree(tiny_model, copy)
    before = load_translator(settings_for(copy, tmp_path)).name
    config = copy / "config.json"
    config.write_text(config.read_text().replace('"d_model": 16', '"d_model": 16 '))
    after = load_translator(settings_for(copy, tmp_path)).name
    assert before.split("@")[0] == after.split("@")[0] == "copy"
    assert before != after


# -- cache -----------------------------------------------------------------------------------


def test_second_run_is_answered_from_the_cache(tiny_model: Path, tmp_path: Path):
    settings = settings_for(tiny_model, tmp_path)
    first = make_translator(settings)
    assert isinstance(first, CachedTranslator)
    out1 = first.translate([*RU, RU[0]], src="ru", tgt="en")
    assert first.model_calls == len(RU)  # the repeated sentence went to the model once
    second = make_translator(settings)
    assert second.translate([*RU, RU[0]], src="ru", tgt="en") == out1
    assert second.model_calls == 0
    assert second.cache_hits == len(RU) + 1
    # Other decoding settings are other cache entries.
    beams = make_translator(settings_for(tiny_model, tmp_path, beams=2))
    beams.translate(RU[:2], src="ru", tgt="en")
    assert beams.model_calls == 2


def test_cache_off_calls_the_model_every_time(tiny_model: Path, tmp_path: Path, monkeypatch):
    calls: list[int] = []
    real = HFTranslator._generate

    def spy(self, loaded, batch, forced_bos):
        calls.append(len(batch))
        return real(self, loaded, batch, forced_bos)

    monkeypatch.setattr(HFTranslator, "_generate", spy)
    settings = settings_for(tiny_model, tmp_path, cache=False)
    for _ in range(2):
        translator = make_translator(settings)
        assert not isinstance(translator, CachedTranslator)
        translator.translate(RU, src="ru", tgt="en")
    assert sum(calls) == 2 * len(RU)
    assert not (tmp_path / "cache").exists()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path):
    path = str(tmp_path / "translations.sqlite")
    ctx = multiprocessing.get_context("spawn")
    # Overlapping ranges: both insert rows 150..199 (INSERT OR IGNORE keeps one copy).
    procs = [
        ctx.Process(target=cache_writer, args=(path, 0, 200)),
        ctx.Process(target=cache_writer, args=(path, 150, 200)),
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    cache = TranslationCache(path)
    texts = [f"text {i}" for i in range(350)]
    found = cache.get_many("model@rev", "ru", "en", "beams=1", texts)
    assert len(found) == len(cache) == 350
    assert found["text 349"] == "translation 349"


def test_corrupt_cache_is_moved_aside_and_rebuilt(tmp_path: Path, caplog):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "translations.sqlite").write_bytes(b"this is not a database" * 100)
    oracle = ParallelFileTranslator(["да"], ["yes"])
    translator = CachedTranslator(oracle, TranslationCache(cache_dir / "translations.sqlite"))
    with caplog.at_level(logging.WARNING, logger="tcheck.mt.cache"):
        assert translator.translate(["да"], src="ru", tgt="en") == ["yes"]
    assert "moved to" in caplog.text
    assert list(cache_dir.glob("translations.sqlite.corrupt-*"))
    again = CachedTranslator(oracle, TranslationCache(cache_dir / "translations.sqlite"))
    assert again.translate(["да"], src="ru", tgt="en") == ["yes"]
    assert again.model_calls == 0


def test_cache_that_cannot_be_created_is_skipped_with_a_warning(tmp_path: Path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    oracle = ParallelFileTranslator(["да"], ["yes"])
    translator = CachedTranslator(oracle, TranslationCache(blocker / "translations.sqlite"))
    with caplog.at_level(logging.WARNING, logger="tcheck.mt.cache"):
        assert translator.translate(["да", "да"], src="ru", tgt="en") == ["yes", "yes"]
    assert "disabled" in caplog.text


# -- failures ----------------------------------------------------------------------------------


def test_missing_model_dir_is_a_one_line_error(tmp_path: Path):
    start = time.monotonic()
    with pytest.raises(BackboneError) as err:
        load_translator(MTSettings(model=str(tmp_path / "nope")))
    assert "does not exist" in str(err.value) and "\n" not in str(err.value)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BackboneError, match="holds no transformers model"):
        load_translator(MTSettings(model=str(empty)))
    assert time.monotonic() - start < 3


def test_unknown_hub_id_offline_fails_fast_with_instructions(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    start = time.monotonic()
    settings = MTSettings(model="tcheck-tests/no-such-model", local_files_only=False)
    with pytest.raises(BackboneError) as err:
        load_translator(settings).translate(["Да."], src="ru", tgt="en")
    message = str(err.value)
    assert message.startswith("model 'tcheck-tests/no-such-model' is not available locally")
    assert "hf download tcheck-tests/no-such-model" in message and "--model DIR" in message
    assert "\n" not in message
    assert time.monotonic() - start < 3


def test_default_model_per_pair_is_named_when_missing(monkeypatch):
    settings = MTSettings(device="cpu")
    if model_available(settings, [("ru", "en")]):
        pytest.skip("a default ru-en model is installed on this machine")
    with pytest.raises(BackboneError, match="'Helsinki-NLP/opus-mt-ru-en' is not available"):
        load_translator(settings).translate(["Да."], src="ru", tgt="en")


def test_model_available(tiny_model: Path, tmp_path: Path):
    assert model_available(MTSettings(model=str(tiny_model)), [("ru", "en"), ("uk", "en")])
    assert not model_available(MTSettings(model=str(tmp_path / "nope")), [("ru", "en")])
    mixed = MTSettings(models={"ru-en": str(tiny_model)}, model=str(tmp_path / "nope"))
    assert model_available(mixed, [("ru", "en")])
    assert not model_available(mixed, [("ru", "en"), ("uk", "en")])


def test_cuda_out_of_memory_halves_the_batch(tiny_model: Path, tmp_path: Path, monkeypatch):
    settings = settings_for(tiny_model, tmp_path, batch_size=8)
    expected = load_translator(settings).translate(RU, src="ru", tgt="en")
    real = HFTranslator._generate

    def small_batches_only(self, loaded, batch, forced_bos):
        if len(batch) > 2:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2 GiB")
        return real(self, loaded, batch, forced_bos)

    monkeypatch.setattr(HFTranslator, "_generate", small_batches_only)
    translator = load_translator(settings)
    assert translator.translate(RU, src="ru", tgt="en") == expected
    assert translator._batch_cap == 2

    def always(self, loaded, batch, forced_bos):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory")

    monkeypatch.setattr(HFTranslator, "_generate", always)
    with pytest.raises(BackboneError, match="out of GPU memory"):
        load_translator(settings).translate(RU, src="ru", tgt="en")


def test_model_errors_and_empty_outputs_raise(tiny_model: Path, tmp_path: Path, monkeypatch):
    def broken(self, loaded, batch, forced_bos):
        raise RuntimeError("index out of range in self\nsecond line")

    monkeypatch.setattr(HFTranslator, "_generate", broken)
    with pytest.raises(BackboneError, match="failed to translate ru->en: RuntimeError") as err:
        load_translator(settings_for(tiny_model, tmp_path)).translate(RU, src="ru", tgt="en")
    assert "\n" not in str(err.value)

    monkeypatch.setattr(
        HFTranslator, "_generate", lambda self, loaded, batch, bos: [""] * len(batch)
    )
    translator = load_translator(settings_for(tiny_model, tmp_path))
    assert translator.translate(["…", "—"], src="ru", tgt="en") == ["", ""]  # no letters: allowed
    with pytest.raises(BackboneError, match="returned an empty en translation"):
        translator.translate(RU[:3], src="ru", tgt="en")


def test_cuda_requested_without_cuda_is_an_error(tiny_model: Path, tmp_path: Path):
    if torch.cuda.is_available():
        pytest.skip("CUDA is available here")
    with pytest.raises(BackboneError, match="CUDA is not available"):
        load_translator(MTSettings(model=str(tiny_model), device="cuda")).translate(
            RU[:1], src="ru", tgt="en"
        )


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_runs_in_half_precision(tiny_model: Path, tmp_path: Path):
    cpu = load_translator(settings_for(tiny_model, tmp_path))
    gpu = load_translator(MTSettings(model=str(tiny_model), device="auto", batch_size=4))
    out = gpu.translate(RU, src="ru", tgt="en")
    assert gpu.device.type == "cuda"
    loaded = next(iter(gpu._loaded.values()))
    assert next(loaded.model.parameters()).dtype == torch.float16
    assert len(out) == len(RU) and all(o.strip() for o in out)
    assert cpu.translate(RU[:1], src="ru", tgt="en")[0].strip()


# -- pure parts --------------------------------------------------------------------------------


def test_import_does_not_load_torch():
    code = (
        "import sys, tcheck, tcheck.mt; "
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'heavy import'"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


@pytest.mark.parametrize(
    ("lang", "nllb", "m2m"),
    [
        ("ru", "rus_Cyrl", "ru"),
        ("uk", "ukr_Cyrl", "uk"),
        ("bg", "bul_Cyrl", "bg"),
        ("en", "eng_Latn", "en"),
        ("RU", "rus_Cyrl", "ru"),
        ("rus", "rus_Cyrl", "ru"),
        ("uk-UA", "ukr_Cyrl", "uk"),
        ("bul_Cyrl", "bul_Cyrl", "bg"),
        ("sr-Cyrl", "srp_Cyrl", "sr"),
    ],
)
def test_language_codes(lang: str, nllb: str, m2m: str):
    assert nllb_code(lang) == nllb
    assert m2m_code(lang) == m2m


def test_unknown_nllb_language_is_an_error():
    with pytest.raises(BackboneError, match="no NLLB-200 language code known for 'xx'"):
        nllb_code("xx")


def test_marian_target_tokens():
    assert marian_target_token("en", []) is None
    assert marian_target_token("uk", [">>rus<<", ">>ukr<<", ">>bel<<"]) == ">>ukr<<"
    assert marian_target_token("uk", [">>ru<<", ">>uk<<"]) == ">>uk<<"
    assert marian_target_token("sr", [">>srp_Cyrl<<", ">>srp_Latn<<"]) == ">>srp_Cyrl<<"
    with pytest.raises(BackboneError):
        marian_target_token("de", [">>rus<<"])


def test_family_detection():
    assert detect_family("m2m_100", "NllbTokenizerFast") is Family.NLLB
    assert detect_family("m2m_100", "M2M100Tokenizer") is Family.M2M100
    assert detect_family("marian", "MarianTokenizer") is Family.MARIAN
    assert detect_family("t5", "T5TokenizerFast") is Family.PLAIN


def test_default_candidates_cover_group_models():
    ru = default_candidates("ru", "en")
    assert ru[0] == "Helsinki-NLP/opus-mt-ru-en"
    assert "Helsinki-NLP/opus-mt-zle-en" in ru and ru[-1] == "facebook/nllb-200-distilled-600M"
    assert "Helsinki-NLP/opus-mt-zls-en" in default_candidates("bg", "en")
    assert "Helsinki-NLP/opus-mt-en-zle" in default_candidates("en", "uk")


class _FakeTokenizer:
    unk_token_id = 3

    def __init__(self) -> None:
        self.src_lang = ""
        self.ids = {"rus_Cyrl": 10, "eng_Latn": 11, "__ru__": 20, "__en__": 21}

    def convert_tokens_to_ids(self, token: str) -> int:
        return self.ids.get(token, self.unk_token_id)

    def get_lang_token(self, lang: str) -> str:
        return f"__{lang}__"


@pytest.mark.parametrize(
    ("family", "src_lang", "bos"), [(Family.NLLB, "rus_Cyrl", 11), (Family.M2M100, "ru", 21)]
)
def test_multilingual_models_get_source_and_forced_target(family, src_lang, bos):
    tok = _FakeTokenizer()
    loaded = LoadedModel("m@1", family, tok, model=None, device=None)
    translator = HFTranslator(MTSettings())
    assert translator._language_setup(loaded, "ru", "en") == ("", bos)
    assert tok.src_lang == src_lang
    with pytest.raises(BackboneError, match="no language token"):
        translator._language_setup(loaded, "ru", "kk")


def test_settings_are_validated():
    with pytest.raises(ConfigError, match="unknown MT device 'gpu'"):
        MTSettings(device="gpu")
    with pytest.raises(ConfigError, match="batch_size"):
        MTSettings(batch_size=0)
    assert dict(MTSettings(models={"RU_en": "x"}).models) == {"ru-en": "x"}
    assert MTSettings(device="CUDA:1").device == "cuda:1"


def test_parallel_oracle(tmp_path: Path):
    oracle = ParallelFileTranslator.from_corpus(
        {"ru": ["Да.", "Нет."], "uk": ["Так.", "Ні."], "en": ["Yes.", "No."]}
    )
    assert oracle.translate(["Нет.", "", "Может быть."], src="ru", tgt="en") == [
        "No.",
        "",
        "Может быть.",
    ]
    assert oracle.translate([" Так. "], src="uk", tgt="en") == ["Yes."]
    assert (oracle.hits, oracle.misses) == (2, 1)
    (tmp_path / "a").write_text("один\nдва\n", encoding="utf-8")
    (tmp_path / "b").write_text("one\ntwo\n", encoding="utf-8")
    files = ParallelFileTranslator.from_files(tmp_path / "a", tmp_path / "b")
    assert files.translate(["два"], src="ru", tgt="en") == ["two"]

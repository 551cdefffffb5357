"""Builds a tiny MarianMT model and SentencePiece tokenizer offline, for tests and benchmarks.

Its weights are random, so translations are junk, but they are deterministic, depend on the
input, end with </s> well before the length limit, and are never empty: enough to exercise the
machinery (batching, caching, loading) in seconds on a CPU.
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex128"
_NTREX_FILES = (
    "newstest2019-ref.rus.txt",
    "newstest2019-ref.ukr.txt",
    "newstest2019-ref.bul.txt",
    "newstest2019-src.eng.txt",
)
_FALLBACK = (
    "Президент заявил, что переговоры продолжатся в понедельник в Киеве.",
    "Президент заявив, що переговори триватимуть у понеділок у Києві.",
    "Президентът заяви, че преговорите ще продължат в понеделник в Киев.",
    "The president said that the talks would continue on Monday in Kyiv.",
    "В 2024 году выручка компании выросла на 12 процентов, до 3,5 млрд долларов.",
    "У 2024 році виручка компанії зросла на 12 відсотків, до 3,5 млрд доларів.",
    "През 2024 г. приходите на компанията нараснаха с 12 процента до 3,5 млрд. долара.",
    "In 2024 the company's revenue grew by 12 percent to 3.5 billion dollars.",
)


def training_lines(per_language: int = 80) -> list[str]:
    """Russian, Ukrainian, Bulgarian and English lines: NTREX when present, else built-in ones."""
    lines: list[str] = []
    if NTREX.is_dir():
        for name in _NTREX_FILES:
            path = NTREX / name
            if path.is_file():
                lines += path.read_text(encoding="utf-8").splitlines()[:per_language]
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        lines += [ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if len(lines) < 50:
        lines += [f"{s} {n}" for n in range(40) for s in _FALLBACK]
    return [ln for ln in lines if ln.strip()]


def build_tiny_marian(
    tmpdir: str | Path,
    *,
    target_tokens: Sequence[str] = (),
    vocab_size: int = 300,
    seed: int = 0,
) -> Path:
    """Save a tiny MarianMT model + MarianTokenizer under ``tmpdir/tiny-marian``; return the dir.

    ``target_tokens`` (such as ``(">>ukr<<", ">>eng<<")``) make it a multi-target model whose
    inputs must start with one of them, as in OPUS-MT models like opus-mt-en-zle.
    """
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out = Path(tmpdir) / ("tiny-marian-multi" if target_tokens else "tiny-marian")
    out.mkdir(parents=True, exist_ok=True)
    proto = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(training_lines()),
        model_writer=proto,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        num_threads=2,
        minloglevel=2,
    )
    for name in ("source.spm", "target.spm"):
        (out / name).write_bytes(proto.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=proto.getvalue())
    # Marian layout: </s> 0, <unk> 1, language tokens, pieces, <pad> last.
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for token in (*target_tokens, *(processor.id_to_piece(i) for i in range(len(processor)))):
        vocab.setdefault(token, len(vocab))
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Recommended: pip install sacremoses."
        tokenizer = MarianTokenizer(
            str(out / "source.spm"), str(out / "target.spm"), str(out / "vocab.json")
        )
    tokenizer.save_pretrained(out)

    size = len(vocab)
    config = MarianConfig(
        vocab_size=size,
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=512,
        pad_token_id=size - 1,
        eos_token_id=0,
        decoder_start_token_id=size - 1,
        forced_eos_token_id=0,
        # Large random weights make outputs depend on the input and stop on their own.
        init_std=1.0,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    # Raise the </s> score step by step after a few tokens, so that outputs stay short (fast)
    # without cutting them at a fixed length: their lengths still vary with the input.
    model.generation_config.exponential_decay_length_penalty = (6, 1.25)
    model.generation_config.min_new_tokens = 2
    # Never emit tokens that decode to nothing (unknown, language, padding, bare "▁").
    silent = ["<unk>", "<pad>", "\u2581", *target_tokens]
    model.generation_config.suppress_tokens = sorted({vocab[t] for t in silent if t in vocab})
    model.save_pretrained(out)
    return out


def cache_writer(path: str, start: int, count: int) -> None:
    """Child-process body for the concurrency test: store rows one small transaction at a time."""
    from tcheck.mt.cache import TranslationCache

    cache = TranslationCache(path)
    for i in range(start, start + count):
        cache.put_many("model@rev", "ru", "en", "beams=1", [(f"text {i}", f"translation {i}")])
    cache.close()

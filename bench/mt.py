"""Throughput of the MT backbone on CPU, and what the translation cache saves.

Builds the tiny MarianMT test model (random weights: the numbers measure the machinery, batching
and caching, not a real model's speed), translates ~500 NTREX Russian lines with batch sizes
1, 8 and 32, then times a cached re-run. Writes reports/bench/mt.md and mt.json.

    python bench/mt.py [--lines 500] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from mt_fixtures import build_tiny_marian  # noqa: E402

from tcheck.mt import CachedTranslator, MTSettings, TranslationCache, load_translator  # noqa: E402

log = logging.getLogger("bench.mt")
NTREX_RU = ROOT.parent / "shared" / "data" / "ntrex128" / "newstest2019-ref.rus.txt"
BATCH_SIZES = (1, 8, 32)


def _lines(count: int) -> list[str]:
    if not NTREX_RU.is_file():
        raise SystemExit(f"missing {NTREX_RU}: the benchmark reads NTREX-128 Russian lines")
    lines = [ln for ln in NTREX_RU.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=500)
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    import torch
    import transformers

    torch.set_num_threads(args.threads)
    lines = _lines(args.lines)
    results: dict[str, object] = {
        "machine": {
            "cpu_cores": os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        },
        "sentences": len(lines),
        "model": "tiny MarianMT (d_model 16, 1+1 layers, random weights)",
    }
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = build_tiny_marian(tmp)
        throughput = {}
        for batch_size in BATCH_SIZES:
            settings = MTSettings(model=str(model_dir), device="cpu", batch_size=batch_size)
            translator = load_translator(settings)
            translator.translate(lines[:2], src="ru", tgt="en")  # load the model outside the clock
            start = time.perf_counter()
            translator.translate(lines, src="ru", tgt="en")
            seconds = time.perf_counter() - start
            throughput[str(batch_size)] = {
                "seconds": round(seconds, 3),
                "sentences_per_s": round(len(lines) / seconds, 1),
            }
            log.info("batch %2d: %.1f sentences/s", batch_size, len(lines) / seconds)
        results["throughput"] = throughput

        settings = MTSettings(model=str(model_dir), device="cpu", batch_size=32)
        cache_path = Path(tmp) / "cache" / "translations.sqlite"
        translator = load_translator(settings)
        translator.translate(lines[:2], src="ru", tgt="en")
        cold = CachedTranslator(translator, TranslationCache(cache_path))
        start = time.perf_counter()
        first = cold.translate(lines, src="ru", tgt="en")
        cold_s = time.perf_counter() - start
        cold.cache.close()
        warm = CachedTranslator(translator, TranslationCache(cache_path))
        start = time.perf_counter()
        second = warm.translate(lines, src="ru", tgt="en")
        warm_s = time.perf_counter() - start
        assert first == second and warm.model_calls == 0
        results["cache"] = {
            "batch_size": 32,
            "first_run_s": round(cold_s, 3),
            "cached_run_s": round(warm_s, 4),
            "speedup": round(cold_s / warm_s, 1),
            "model_calls_first": cold.model_calls,
            "model_calls_cached": warm.model_calls,
            "target_speedup": 20,
        }
        log.info("cache: %.3f s -> %.4f s (%.0fx)", cold_s, warm_s, cold_s / warm_s)

    out = ROOT / "reports" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "mt.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "mt.md").write_text(_markdown(results), encoding="utf-8")
    log.info("wrote %s and %s", out / "mt.md", out / "mt.json")


def _markdown(r: dict) -> str:
    m, c = r["machine"], r["cache"]
    rows = "\n".join(
        f"| {bs} | {v['seconds']:.2f} | {v['sentences_per_s']:.1f} |"
        for bs, v in r["throughput"].items()
    )
    verdict = "meets" if c["speedup"] >= c["target_speedup"] else "misses"
    return f"""# MT backbone benchmark

Produced by `python bench/mt.py`. Model: {r["model"]}; its outputs are junk, so these numbers
measure tcheck's translation machinery (tokenising, length-sorted batching, generation loop,
SQLite cache), not the speed of a real OPUS-MT or NLLB model. Input: the first {r["sentences"]}
Russian lines of NTREX-128 (newstest2019-ref.rus.txt), greedy decoding, CPU.

Machine: {m["cpu_cores"]} cores ({m["processor"]}), torch {m["torch"]} with
{m["torch_threads"]} intra-op thread(s), transformers {m["transformers"]}, Python {m["python"]},
{m["platform"]}; 1-minute load average at the start {m["load_average_1m"]}.

## Throughput (translation cache off)

| batch size | seconds | sentences/s |
|---:|---:|---:|
{rows}

## Cached re-run (batch size {c["batch_size"]})

| run | seconds | texts sent to the model |
|---|---:|---:|
| first (cache empty) | {c["first_run_s"]:.3f} | {c["model_calls_first"]} |
| second (all cached) | {c["cached_run_s"]:.4f} | {c["model_calls_cached"]} |

Speed-up of the cached run: **{c["speedup"]:.0f}x** ({verdict} the {c["target_speedup"]}x target).
A real model is far slower per sentence than this tiny one, so its speed-up is larger.
"""


if __name__ == "__main__":
    main()

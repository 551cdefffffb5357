"""Batch-mode scaling: a locale tree of NTREX document sets checked by `tcheck compare`.

    python bench/scale.py     # jobs 2 on 250/500/1000 sets; jobs 1 and Dask (2 workers) on 1000
    python bench/scale.py --sizes 50 --modes jobs2

Builds ``content/{ru,uk,bg}/set-NNNN.txt`` from NTREX documents, repeated with a different
deterministic perturbation each round (deleted, merged, inserted and swapped lines), runs the
CLI in a fresh process per measurement and records wall time and the peak resident memory of the
whole process tree (workers included, sampled every 50 ms). Writes reports/bench/scale.md and
scale.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ntrex import perturbed_triples

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "bench"
LANGS = ("ru", "uk", "bg")
MODES = {
    "jobs1": ["--jobs", "1"],
    "jobs2": ["--jobs", "2"],
    "dask2": ["--executor", "dask", "--jobs", "2"],
}
TARGET_S = 60.0
"""1,000 sets with two processes on the lexical backbone."""


@dataclass(frozen=True)
class Measurement:
    mode: str
    sets: int
    wall_s: float
    peak_rss_mb: float
    """Peak of the summed RSS of the CLI process and all its descendants."""
    exit_code: int
    findings: int
    load_before: float
    """1-minute load average when the run started (other work on the machine)."""


def build_tree(root: Path, n_sets: int) -> None:
    """``n_sets`` document sets: NTREX documents in order, a new perturbation seed per round."""
    rounds: dict[int, list] = {}
    for i in range(n_sets):
        round_no, doc = divmod(i, 123)
        if round_no not in rounds:
            rounds[round_no] = perturbed_triples(LANGS, seed=13 + round_no)
        triples = rounds[round_no]
        _, versions = triples[doc % len(triples)]
        for lang in LANGS:
            path = root / "content" / lang / f"set-{i:04d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n\n".join(versions[lang].lines) + "\n", encoding="utf-8")


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total


def measure(tree: Path, mode: str, n_sets: int, out_json: Path) -> Measurement:
    cmd = [sys.executable, "-m", "tcheck", "compare", str(tree), "--locales", ",".join(LANGS)]
    cmd += ["--format", "json", "-o", str(out_json), "--backbone", "lexical", *MODES[mode]]
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{mode} on {n_sets} sets failed: {err.decode(errors='replace')[-500:]}")
    data = json.loads(out_json.read_text(encoding="utf-8"))
    s = data["summary"]
    return Measurement(
        mode=mode,
        sets=s["checked"],
        wall_s=round(wall, 2),
        peak_rss_mb=round(peak / 2**20, 1),
        exit_code=proc.returncode,
        findings=s["errors"] + s["warnings"] + s["info"],
        load_before=round(load_before, 2),
    )


def write_report(results: list[Measurement], sizes: list[int], note: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    info = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "note": note,
    }
    (OUT / "scale.json").write_text(
        json.dumps(
            {"machine": info, "target_s": TARGET_S, "results": [asdict(r) for r in results]},
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    lines = [
        "# Batch mode: scaling on a locale tree",
        "",
        "`python bench/scale.py` builds `content/{ru,uk,bg}/set-NNNN.txt` from NTREX-128 "
        "documents (each round of 123 documents with a new deterministic perturbation), runs "
        "`tcheck compare TREE --locales ru,uk,bg --format json --backbone lexical` in a fresh "
        "process per row and samples the summed RSS of the process tree every 50 ms.",
        "",
        f"Machine: {info['cpus']} CPUs, Python {info['python']}. {note}".rstrip(),
        "",
        "| mode | sets | wall (s) | per set (ms) | peak RSS (MiB) | findings | load before |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        per_set = 1000 * r.wall_s / max(r.sets, 1)
        lines.append(
            f"| {r.mode} | {r.sets} | {r.wall_s:.1f} | {per_set:.0f} | {r.peak_rss_mb:.0f} "
            f"| {r.findings} | {r.load_before:.2f} |"
        )
    lines += ["", "## Linearity", ""]
    for mode in MODES:
        rows = sorted((r for r in results if r.mode == mode), key=lambda r: r.sets)
        if len(rows) >= 2:
            first, last = rows[0], rows[-1]
            ratio = (last.wall_s / first.wall_s) / (last.sets / first.sets)
            lines.append(
                f"- {mode}: {first.sets} -> {last.sets} sets takes {last.wall_s / first.wall_s:.2f}x "
                f"the time for {last.sets / first.sets:.1f}x the sets (1.00 = linear; "
                f"measured {ratio:.2f})."
            )
    big = [r for r in results if r.mode == "jobs2" and r.sets >= 1000]
    lines += ["", "## Target", ""]
    if big:
        r = big[0]
        verdict = "met" if r.wall_s <= TARGET_S else "not met"
        lines.append(
            f"1,000 sets with `--jobs 2` in {r.wall_s:.1f} s against a target of "
            f"{TARGET_S:.0f} s: {verdict}."
        )
    else:
        lines.append(f"No 1,000-set `--jobs 2` run in this report (sizes: {sizes}).")
    (OUT / "scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="250,500,1000", help="Numbers of document sets.")
    parser.add_argument("--modes", default=",".join(MODES), help="Of: " + ", ".join(MODES))
    parser.add_argument("--note", default="", help="A line on the machine's state for the report.")
    args = parser.parse_args()
    sizes = sorted(int(x) for x in args.sizes.split(","))
    modes = [m.strip() for m in args.modes.split(",")]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown modes: {', '.join(unknown)}")
    results = []
    with tempfile.TemporaryDirectory(prefix="tcheck-scale-") as tmp:
        for n in sizes:
            tree = Path(tmp, f"tree-{n}")
            build_tree(tree, n)
            # linearity on --jobs 2; the other modes are compared at the largest size only
            for mode in modes if n == sizes[-1] else [m for m in modes if m == "jobs2"]:
                r = measure(tree, mode, n, Path(tmp, f"{mode}-{n}.json"))
                print(
                    f"{mode:6} {r.sets:5} sets {r.wall_s:7.1f} s {r.peak_rss_mb:7.0f} MiB "
                    f"(load {r.load_before})",
                    flush=True,
                )
                results.append(r)
    write_report(results, sizes, args.note)


if __name__ == "__main__":
    main()

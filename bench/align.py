"""Alignment benchmark on perturbed NTREX document triples (ru, uk, bg).

    python bench/align.py            # writes reports/bench/align.md and align.json
    python bench/align.py --backbone mt-oracle --docs 30 --quick   # + the pivot pipeline, ideal MT

Scores pairwise strict/lax precision, recall and F1 as Vecalign's score.py defines them
(deletion beads count towards precision), exact-group F1 of the 3-way groups, alignment time and
peak memory, for tcheck and for two baselines run in the same process: a positional diagonal and
Gale-Church (nltk). A scaling run aligns 1k/2k/4k/8k-sentence triples in fresh processes. The
same perturbations of NTREX's Belarusian, Macedonian and Serbian translations show how the
method carries to languages its parameters were not tuned on.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ntrex import Perturbed, gold_groups, gold_pair, perturbed_triples

from tcheck.align import align_versions, load_scorer
from tcheck.align.pairwise import pair_beads
from tcheck.model import Sentence, Version

Bead = tuple[tuple[int, ...], tuple[int, ...]]
LANGS = ("ru", "uk", "bg")
OUT = Path(__file__).resolve().parent.parent / "reports" / "bench"
WHOLE_RUNS = 5
"""Timed runs of the whole-corpus triple; the report gives their median (this machine varies)."""


def version_from_lines(vid: str, lang: str, lines: Sequence[str]) -> Version:
    """A version whose sentences are exactly the given lines (pre-segmented input)."""
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, line, pos, pos + len(line), i + 1, 1, i))
        pos += len(line) + 1
    return Version(vid, None, "\n".join(lines), lang, 1.0, "utf-8", tuple(sentences))


# ---------------------------------------------------------------- scoring (Vecalign score.py)
def _precision_counts(gold: Sequence[Bead], test: Sequence[Bead]) -> list[int]:
    test_set = {(tuple(x), tuple(y)) for x, y in test if x or y}
    gold_set = {(tuple(x), tuple(y)) for x, y in gold if x or y}
    src_to_gold_tgt: dict[int, set[int]] = defaultdict(set)
    for gs, gt in gold_set:
        for s in gs:
            src_to_gold_tgt[s].update(gt)
    tps = fps = tpl = fpl = 0
    for ts, tt in test_set:
        if (ts, tt) in gold_set:
            tps += 1
            tpl += 1
        else:
            targets = set().union(*(src_to_gold_tgt[s] for s in ts)) if ts else set()
            fps += 1
            if set(tt) & targets:
                tpl += 1
            else:
                fpl += 1
    return [tps, fps, tpl, fpl]


def score_pairs(golds: Sequence[Sequence[Bead]], tests: Sequence[Sequence[Bead]]) -> dict:
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests, strict=True):
        p = [a + b for a, b in zip(p, _precision_counts(gold, test), strict=True)]
        test_nd = [(x, y) for x, y in test if x and y]
        gold_nd = [(x, y) for x, y in gold if x and y]
        r = [a + b for a, b in zip(r, _precision_counts(test_nd, gold_nd), strict=True)]

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {
        "precision_strict": ps,
        "recall_strict": rs,
        "f1_strict": f1(ps, rs),
        "precision_lax": pl,
        "recall_lax": rl,
        "f1_lax": f1(pl, rl),
    }


def group_f1(gold: Sequence[dict], test: Sequence[dict]) -> tuple[int, int, int]:
    """(true positives, test groups, gold groups) with groups compared as exact member sets."""

    def canon(groups: Sequence[dict]) -> set[frozenset]:
        out = set()
        for g in groups:
            members = frozenset((v, i) for v, idx in g.items() for i in idx)
            present = [v for v, idx in g.items() if idx]
            if len(present) == 1:  # single-version content: one group per sentence
                out.update(frozenset({m}) for m in members)
            elif members:
                out.add(members)
        return out

    g, t = canon(gold), canon(test)
    return len(g & t), len(t), len(g)


# ---------------------------------------------------------------- systems
def tcheck_groups(versions: dict[str, Perturbed], backbone: str = "lexical"):
    """tcheck's groups and a function giving the pairwise beads they imply (refined in-group)."""
    vs = [version_from_lines(lang, lang, p.lines) for lang, p in versions.items()]
    scorer = oracle_scorer(versions) if backbone == "mt-oracle" else load_scorer(backbone)
    feats = dict(zip(versions, scorer.features(vs), strict=True))
    al = align_versions(vs, scorer, features=list(feats.values()))
    groups = [dict(g.members) for g in al.groups]

    def beads(a: str, b: str) -> list[Bead]:
        return pair_beads(groups, a, b, feats[a], feats[b])

    return groups, beads


def oracle_scorer(versions: dict[str, Perturbed]):
    """The mt backbone with perfect MT: each line's NTREX English (merged lines joined)."""
    from ntrex import ntrex_lines

    from tcheck.align.mt import MTScorer
    from tcheck.mt import ParallelFileTranslator

    english = ntrex_lines("en")
    corpus = _ntrex_oracle()
    src: list[str] = []
    tgt: list[str] = []
    for lang, p in versions.items():
        for line, origin in zip(p.lines, p.origin, strict=True):
            if all(o >= 0 for o in origin):
                tgt.append(" ".join(english[o] for o in origin))
            else:  # an inserted line from another document: NTREX has its English too
                tgt.append(corpus.translate([line], src=lang, tgt="en")[0])
            src.append(line)
    return MTScorer(ParallelFileTranslator(src, tgt, name="ntrex-english"), pivot="en")


_ORACLE: list = []


def _ntrex_oracle():
    """Multi-way NTREX lookup (ru/uk/bg -> en), built once."""
    if not _ORACLE:
        from ntrex import ntrex_lines

        from tcheck.mt import ParallelFileTranslator

        columns = {lang: ntrex_lines(lang) for lang in (*LANGS, "en")}
        _ORACLE.append(ParallelFileTranslator.from_corpus(columns, name="ntrex-english"))
    return _ORACLE[0]


def positional_pair(a: Sequence[str], b: Sequence[str]) -> list[Bead]:
    """Pair line i with the line at the same relative position (1-1 only, leftovers deleted)."""
    beads: list[Bead] = []
    used = set()
    for i in range(len(a)):
        j = round(i * len(b) / max(len(a), 1))
        if j < len(b) and j not in used:
            beads.append(((i,), (j,)))
            used.add(j)
        else:
            beads.append(((i,), ()))
    beads += [((), (j,)) for j in range(len(b)) if j not in used]
    return beads


def gale_church_pair(a: Sequence[str], b: Sequence[str]) -> list[Bead]:
    from nltk.translate.gale_church import align_blocks

    pairs = align_blocks([len(s) for s in a], [len(s) for s in b])
    linked_a: dict[int, set[int]] = defaultdict(set)
    linked_b: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        linked_a[i].add(j)
        linked_b[j].add(i)
    return _components_to_beads(linked_a, linked_b, len(a), len(b))


def _components_to_beads(la, lb, n: int, m: int) -> list[Bead]:
    seen_a: set[int] = set()
    beads: list[Bead] = []
    for i in range(n):
        if i in seen_a:
            continue
        xs, ys, stack = {i}, set(), [("a", i)]
        while stack:
            side, k = stack.pop()
            nbrs = la[k] if side == "a" else lb[k]
            for nb in nbrs:
                target, coll = ("b", ys) if side == "a" else ("a", xs)
                if nb not in coll:
                    coll.add(nb)
                    stack.append((target, nb))
        seen_a |= xs
        beads.append((tuple(sorted(xs)), tuple(sorted(ys))))
    covered_b = {j for _, ys in beads for j in ys}
    beads += [((), (j,)) for j in range(m) if j not in covered_b]
    return beads


def chain_groups(pairs: dict[tuple[str, str], list[Bead]], pivot: str, others: Sequence[str]):
    """3-way groups for pairwise baselines: link every version through the pivot."""
    groups: dict[tuple[int, ...], dict[str, list[int]]] = {}
    lone: list[dict] = []
    for other in others:
        for x, y in pairs[(pivot, other)]:
            if x:
                groups.setdefault(x, {pivot: list(x)})[other] = list(y)
            else:
                lone += [{other: (j,)} for j in y]
    return [{k: tuple(v) for k, v in g.items()} for g in groups.values()] + lone


# ---------------------------------------------------------------- runs
BASELINES: dict[str, Callable] = {
    "positional": positional_pair,
    "gale-church (nltk)": gale_church_pair,
}
OTHER_TRIPLES = (("be", "mk", "sr"), ("ru", "be", "uk"), ("bg", "mk", "sr"))
"""NTREX's other Cyrillic Slavic languages (Belarusian, Macedonian, Serbian): parameters are not
tuned on them."""


def run_quality(
    triples,
    backbones: Sequence[str] = ("lexical",),
    langs: Sequence[str] = LANGS,
    systems: dict[str, Callable] = BASELINES,
) -> dict:
    results: dict[str, dict] = {}
    pairs = list(itertools.combinations(langs, 2))
    # tcheck N-way
    golds: dict[tuple[str, str], list] = defaultdict(list)
    for _, versions in triples:
        for a, b in pairs:
            golds[(a, b)].append(gold_pair(versions[a], versions[b]))
    for backbone in backbones:
        tests: dict[tuple[str, str], list] = defaultdict(list)
        gstats = [0, 0, 0]
        t0 = time.perf_counter()
        for _, versions in triples:
            groups, beads = tcheck_groups(versions, backbone)
            for a, b in pairs:
                tests[(a, b)].append(beads(a, b))
            gstats = [
                s + x for s, x in zip(gstats, group_f1(gold_groups(versions), groups), strict=True)
            ]
        elapsed = time.perf_counter() - t0
        results[f"tcheck {backbone} (N-way)"] = _summarise(pairs, golds, tests, gstats, elapsed)
    for name, fn in systems.items():
        tests = defaultdict(list)
        gstats = [0, 0, 0]
        t0 = time.perf_counter()
        for _, versions in triples:
            pair_beads = {}
            for a, b in pairs:
                pair_beads[(a, b)] = fn(versions[a].lines, versions[b].lines)
                tests[(a, b)].append(pair_beads[(a, b)])
            groups = chain_groups(pair_beads, langs[0], langs[1:])
            gstats = [
                s + x for s, x in zip(gstats, group_f1(gold_groups(versions), groups), strict=True)
            ]
        results[name] = _summarise(pairs, golds, tests, gstats, time.perf_counter() - t0)
    return results


def _summarise(pairs, golds, tests, gstats, elapsed) -> dict:
    tp, nt, ng = gstats
    p, r = (tp / nt if nt else 0.0), (tp / ng if ng else 0.0)
    return {
        "pairs": {f"{a}-{b}": score_pairs(golds[(a, b)], tests[(a, b)]) for a, b in pairs},
        "group": {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0},
        "seconds": elapsed,
    }


def run_other_languages() -> dict[str, dict]:
    """tcheck (lexical) and Gale-Church on the same perturbations of other language triples."""
    baseline = {"gale-church (nltk)": gale_church_pair}
    return {
        "-".join(langs): run_quality(perturbed_triples(langs), ("lexical",), langs, baseline)
        for langs in OTHER_TRIPLES
    }


def run_whole_corpus() -> dict:
    """All 1997 NTREX lines as one document triple: the time target (3 pairs <= 2 s)."""
    from ntrex import ntrex_lines

    vs = [version_from_lines(lang, lang, ntrex_lines(lang)) for lang in LANGS]
    scorer = load_scorer("lexical")
    align_versions(vs[:2], scorer)  # warm imports
    runs = []
    for _ in range(WHOLE_RUNS):
        t0 = time.perf_counter()
        al = align_versions(vs, scorer)
        runs.append(time.perf_counter() - t0)
    exact = sum(
        1
        for g in al.groups
        if all(len(g.members[v]) == 1 for v in LANGS) and len({g.members[v][0] for v in LANGS}) == 1
    )
    return {
        "sentences": len(vs[0].sentences),
        "seconds": statistics.median(runs),
        "runs": runs,
        "groups": len(al.groups),
        "identity_groups": exact,
    }


def scale_child(size: int) -> None:
    """Run in a fresh process: align a triple of ``size`` sentences, print time and peak RSS."""
    triples = perturbed_triples(LANGS)
    lines: dict[str, list[str]] = {lang: [] for lang in LANGS}
    k = 0
    while len(lines["ru"]) < size:
        _, versions = triples[k % len(triples)]
        for lang in LANGS:
            lines[lang] += list(versions[lang].lines)
        k += 1
    vs = [version_from_lines(lang, lang, lines[lang][:size]) for lang in LANGS]
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    align_versions(vs, load_scorer("lexical"))
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "size": size,
                "seconds": elapsed,
                "peak_rss_mib": peak / 1024,
                "rss_before_mib": base / 1024,
            }
        )
    )


def run_scaling(sizes=(1000, 2000, 4000, 8000)) -> list[dict]:
    out = []
    for size in sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--scale-child", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        out.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return out


def write_report(
    quality: dict, others: dict, whole: dict, scaling: list[dict], n_docs: int
) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    data = {
        "documents": n_docs,
        "quality": quality,
        "other_languages": others,
        "whole_corpus": whole,
        "scaling": scaling,
        "machine": {"python": platform.python_version(), "cpus": _cpus()},
    }
    (OUT / "align.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Alignment benchmark (NTREX ru/uk/bg, perturbed)",
        "",
        "Regenerate: `python bench/align.py`. Each of the "
        f"{n_docs} NTREX documents becomes a triple; per version ~7 % of lines deleted, ~7 % merged "
        "with the next, ~3 % foreign lines inserted, ~2 % adjacent swaps (seeded, deterministic). "
        "Pairwise scores follow Vecalign's score.py (deletion beads count in precision); tcheck's "
        "pairs are read off its N-way groups with tcheck.align.pairwise (members re-aligned inside "
        "each group); group F1 "
        "compares exact 3-way member sets.",
        "",
        "| system | pair | P strict | R strict | F1 strict | F1 lax |",
        "|---|---|---|---|---|---|",
    ]
    for system, res in quality.items():
        for pair, s in res["pairs"].items():
            lines.append(
                f"| {system} | {pair} | {s['precision_strict']:.3f} | {s['recall_strict']:.3f} "
                f"| {s['f1_strict']:.3f} | {s['f1_lax']:.3f} |"
            )
    lines += [
        "",
        "| system | 3-way group P | R | F1 | seconds (all docs) |",
        "|---|---|---|---|---|",
    ]
    for system, res in quality.items():
        g = res["group"]
        lines.append(
            f"| {system} | {g['precision']:.3f} | {g['recall']:.3f} | {g['f1']:.3f} "
            f"| {res['seconds']:.2f} |"
        )
    lines += [
        "",
        "## Targets",
        "",
        _target_line(quality["tcheck lexical (N-way)"], whole),
        "",
        "## Other languages (parameters not tuned on them)",
        "",
        "The same perturbations of NTREX's Belarusian, Macedonian and Serbian (Cyrillic) "
        "translations. The alignment parameters and weights were tuned on ru/uk/bg only. The "
        "concepts table's be/mk/sr columns were written from its ru/uk/bg ones, and the fold of "
        "Serbian/Macedonian j was checked on these triples, so this is not a blind test. No "
        "target applies.",
        "",
        "| triple | system | strict F1 per pair | 3-way group F1 |",
        "|---|---|---|---|",
        *(
            f"| {triple} | {system} | "
            + ", ".join(f"{p} {s['f1_strict']:.3f}" for p, s in res["pairs"].items())
            + f" | {res['group']['f1']:.3f} |"
            for triple, systems in others.items()
            for system, res in systems.items()
        ),
        "",
        "## Whole corpus as one triple",
        "",
        f"{whole['sentences']} sentences per version, three versions: **{whole['seconds']:.2f} s** "
        f"alignment time, the median of {len(whole['runs'])} runs "
        f"({min(whole['runs']):.2f} to {max(whole['runs']):.2f} s); features, 3 pairwise passes, "
        f"2 joint passes and the N-way clean-up. {whole['identity_groups']} of "
        f"{whole['groups']} groups are exact 1-1-1 identities.",
        "",
        "## Scaling (fresh process per size)",
        "",
        "| sentences per version | seconds | peak RSS MiB |",
        "|---|---|---|",
    ]
    for s in scaling:
        lines.append(f"| {s['size']} | {s['seconds']:.2f} | {s['peak_rss_mib']:.0f} |")
    lines += ["", f"Machine: Python {platform.python_version()}, {_cpus()} CPUs.", ""]
    (OUT / "align.md").write_text("\n".join(lines), encoding="utf-8")


def _target_line(res: dict, whole: dict) -> str:
    worst = min(s["f1_strict"] for s in res["pairs"].values())
    g = res["group"]["f1"]
    checks = [
        (f"strict F1 >= 0.95 for every pair: worst pair {worst:.3f}", worst >= 0.95),
        (f"3-way group F1 >= 0.93: {g:.3f}", g >= 0.93),
        (f"whole NTREX triple <= 2 s: {whole['seconds']:.2f} s", whole["seconds"] <= 2.0),
    ]
    return "; ".join(f"{text} ({'met' if ok else 'NOT met'})" for text, ok in checks)


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale-child", type=int)
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--quick", action="store_true", help="quality only, no report")
    parser.add_argument(
        "--backbone",
        choices=("lexical", "mt-oracle"),
        default="lexical",
        help="mt-oracle: also the mt backbone with NTREX English as perfect translations",
    )
    parser.add_argument("--docs", type=int, help="only the first N documents")
    args = parser.parse_args()
    if args.scale_child:
        scale_child(args.scale_child)
        return
    triples = perturbed_triples(LANGS)[: args.docs]
    backbones = ("lexical", "mt-oracle") if args.backbone == "mt-oracle" else ("lexical",)
    quality = run_quality(triples, backbones)
    for system, res in quality.items():
        print(
            system,
            {p: round(s["f1_strict"], 3) for p, s in res["pairs"].items()},
            "group F1",
            round(res["group"]["f1"], 3),
            f"{res['seconds']:.1f}s",
        )
    if args.quick:
        return
    others = run_other_languages()
    for triple, systems in others.items():
        for system, res in systems.items():
            print(triple, system, {p: round(s["f1_strict"], 3) for p, s in res["pairs"].items()})
    whole = run_whole_corpus()
    print("whole corpus", whole)
    scaling = [] if args.no_scaling else run_scaling()
    for s in scaling:
        print("scale", s)
    write_report(quality, others, whole, scaling, len(triples))


if __name__ == "__main__":
    main()

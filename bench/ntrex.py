"""NTREX documents and deterministic perturbations with gold alignments (shared by benchmarks)."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex128"
LANG_FILES = {
    "ru": "rus",
    "uk": "ukr",
    "bg": "bul",
    "be": "bel",
    "mk": "mkd",
    "sr": "srp-Cyrl",
    "en": "eng",
}


def ntrex_lines(lang: str) -> list[str]:
    name = (
        "newstest2019-src.eng.txt" if lang == "en" else f"newstest2019-ref.{LANG_FILES[lang]}.txt"
    )
    return (NTREX / name).read_text(encoding="utf-8").splitlines()


def ntrex_documents() -> list[tuple[str, list[int]]]:
    """(document id, line numbers) in file order."""
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[int]] = defaultdict(list)
    order: list[str] = []
    for i, doc in enumerate(ids):
        doc = doc.split("\t")[0]
        if doc not in docs:
            order.append(doc)
        docs[doc].append(i)
    return [(d, docs[d]) for d in order]


@dataclass(frozen=True)
class Perturbed:
    """One version of a document: its lines and, per line, the original line ids it carries."""

    lines: tuple[str, ...]
    origin: tuple[tuple[int, ...], ...]
    """Original NTREX line numbers per output line; inserted foreign lines get negative ids."""


def perturb(
    lines: list[str],
    ids: list[int],
    foreign: list[str],
    rng: random.Random,
    *,
    delete: float = 0.07,
    merge: float = 0.07,
    insert: float = 0.03,
    swap: float = 0.02,
    foreign_base: int = -1,
) -> Perturbed:
    """Delete ~7 %, merge ~7 % with the next line, insert ~3 % foreign lines, swap ~2 %."""
    out: list[tuple[str, tuple[int, ...]]] = []
    i = 0
    next_foreign = foreign_base
    while i < len(lines):
        r = rng.random()
        if r < delete:
            i += 1
            continue
        if r < delete + merge and i + 1 < len(lines):
            out.append((lines[i] + " " + lines[i + 1], (ids[i], ids[i + 1])))
            i += 2
        else:
            out.append((lines[i], (ids[i],)))
            i += 1
        if foreign and rng.random() < insert:
            out.append((rng.choice(foreign), (next_foreign,)))
            next_foreign -= 1
    k = 0
    while k + 1 < len(out):
        if rng.random() < swap:
            out[k], out[k + 1] = out[k + 1], out[k]
            k += 2
        else:
            k += 1
    return Perturbed(tuple(t for t, _ in out), tuple(o for _, o in out))


def gold_pair(a: Perturbed, b: Perturbed) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Gold beads between two perturbed versions: components linked by shared original ids."""
    return [(tuple(c.get("a", ())), tuple(c.get("b", ()))) for c in _components({"a": a, "b": b})]


def gold_groups(versions: dict[str, Perturbed]) -> list[dict[str, tuple[int, ...]]]:
    return _components(versions)


def _components(versions: dict[str, Perturbed]) -> list[dict[str, tuple[int, ...]]]:
    by_origin: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for vid, p in versions.items():
        for idx, origin in enumerate(p.origin):
            for o in origin:
                by_origin[o].append((vid, idx))
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for vid, p in versions.items():
        for idx in range(len(p.lines)):
            find((vid, idx))
    for nodes in by_origin.values():
        for other in nodes[1:]:
            parent[find(other)] = find(nodes[0])
    comps: dict[tuple[str, int], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for node in list(parent):
        vid, idx = node
        comps[find(node)][vid].append(idx)
    out = [{v: tuple(sorted(ix)) for v, ix in c.items()} for c in comps.values()]
    out.sort(key=lambda c: min((min(ix), v) for v, ix in c.items()))
    return out


def perturbed_triples(
    langs: tuple[str, ...] = ("ru", "uk", "bg"), seed: int = 13
) -> list[tuple[str, dict[str, Perturbed]]]:
    """One perturbed version per language for every NTREX document, deterministically."""
    texts = {lang: ntrex_lines(lang) for lang in langs}
    docs = ntrex_documents()
    triples = []
    for d, (doc_id, line_ids) in enumerate(docs):
        versions = {}
        for v, lang in enumerate(langs):
            rng = random.Random(f"{seed}:{doc_id}:{lang}")
            other = docs[(d + 7 + v) % len(docs)][1]
            foreign = [texts[lang][i] for i in other]
            versions[lang] = perturb(
                [texts[lang][i] for i in line_ids],
                line_ids,
                foreign,
                rng,
                foreign_base=-(10_000 * (v + 1) + 100 * d + 1),
            )
        triples.append((doc_id, versions))
    return triples

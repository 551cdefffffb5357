"""Detection benchmark: controlled divergences injected into NTREX document triples (ru, uk, bg).

    python bench/detect.py               # all documents -> reports/bench/detect.md and .json
    python bench/detect.py --docs 20     # the first 20 documents (for development)

Every document is read in Russian, Ukrainian and Bulgarian (the same text in three languages).
For each document and each injection kind, one version gets exactly one controlled divergence
with gold (version, line, category): a respelled name (one consonant of a capitalised name
changed), a changed number (digits swapped or one digit changed), a changed magnitude word
(млн -> млрд, тысяч -> миллионов in the version's language), a changed day, month or year, a
deleted sentence, a sentence added from another document, an attribution's source replaced by
another outlet. tcheck's pipeline runs on the modified triple and its findings are matched to the
gold. The unmodified triples are run too: their findings are the baseline that precision
discounts, and their warning-or-worse findings are sampled for a manual verdict
(bench/detect_verdicts.yaml, keyed by document and finding fingerprint: a fingerprint names the
versions, code and detail, which recur across documents).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ntrex import ntrex_documents, ntrex_lines

from tcheck.config import Config
from tcheck.load import version_from_text
from tcheck.model import Finding, Report, Severity, Version
from tcheck.pipeline import run_versions

LANGS = ("ru", "uk", "bg")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "bench"
VERDICTS = Path(__file__).resolve().parent / "detect_verdicts.yaml"
SAMPLE_SIZE = 20

KINDS = ("name", "number", "magnitude", "date", "deletion", "addition", "source")
"""Injection kinds, in report order."""
EXPECTED_CATEGORY = {
    "name": "name",
    "number": "number",
    "magnitude": "number",
    "date": "date",
    "deletion": "omission",
    "addition": "addition",
    "source": "attribution",
}
"""The finding category that detects each injection kind."""
TARGETS = {"recall": 0.95, "precision": 0.90, "real_share": 0.80}


# ---------------------------------------------------------------- documents and gold
@dataclass(frozen=True)
class Document:
    id: str
    lines: dict[str, tuple[str, ...]]
    """Per language (ru, uk, bg, en) the document's lines, one sentence-ish line each."""


@dataclass(frozen=True)
class Injection:
    """One controlled divergence: where it is and what changed."""

    doc: str
    kind: str
    version: str
    """The modified version (a language code)."""
    line: int
    """The modified line of the document (for ``addition``: the line the new one follows)."""
    before: str
    after: str


@dataclass(frozen=True)
class Triple:
    lines: dict[str, tuple[str, ...]]
    """Per version the lines after the injection."""
    origin: dict[str, tuple[int, ...]]
    """Per version and line the original line number (-1 for an added line)."""


def load_documents(limit: int | None = None) -> list[Document]:
    texts = {lang: ntrex_lines(lang) for lang in (*LANGS, "en")}
    docs = ntrex_documents()
    if limit:
        docs = docs[:limit]
    return [
        Document(doc_id, {lang: tuple(texts[lang][i] for i in ids) for lang in texts})
        for doc_id, ids in docs
    ]


def unmodified(doc: Document) -> Triple:
    return Triple(
        {v: doc.lines[v] for v in LANGS},
        {v: tuple(range(len(doc.lines[v]))) for v in LANGS},
    )


def replaced(doc: Document, version: str, line: int, text: str) -> Triple:
    base = unmodified(doc)
    lines = dict(base.lines)
    lines[version] = (*lines[version][:line], text, *lines[version][line + 1 :])
    return Triple(lines, base.origin)


# ---------------------------------------------------------------- injections
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
_CONSONANT_SWAPS = {
    "н": "м", "м": "н", "р": "л", "л": "р", "т": "п", "п": "т", "д": "б", "б": "д",
    "в": "б", "к": "т", "з": "б", "ф": "п", "с": "б", "ж": "б", "ш": "п", "ч": "б",
    "ц": "п", "х": "ф", "г": "д",
}  # fmt: skip
"""Replacements that no transliteration convention folds away (г/х, ш/с, ч/т are avoided)."""
_CYR = re.compile(r"[а-яёіїєґъ]", re.IGNORECASE)


def _skeleton(word: str) -> str:
    """Lower-case consonant skeleton of the first five letters, to find a name in other versions."""
    from anyascii import anyascii

    lat = re.sub(r"[^a-z]", "", anyascii(word).lower())
    lat = lat.replace("kh", "h").replace("g", "h").replace("j", "i").replace("y", "i")
    return re.sub(r"[aeiou]", "", lat)[:3]


def _capitalised_words(text: str) -> list[re.Match[str]]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        before = text[: m.start()].rstrip()
        if not w[0].isupper() or not before or before[-1] in '.!?:«"„“(—–-':
            continue  # sentence-initial or quoted-initial capitals are not necessarily names
        if len(w) >= 4 and _CYR.search(w) and not w.isupper():
            out.append(m)
    return out


def inject_name(doc: Document, version: str, rng: random.Random) -> tuple[Triple, Injection] | None:
    """Change one inner consonant of a capitalised Cyrillic name the other versions also have."""
    cands = []
    for i, line in enumerate(doc.lines[version]):
        for m in _capitalised_words(line):
            sk = _skeleton(m.group())
            others_have = all(
                any(_skeleton(o.group()) == sk for o in _capitalised_words(doc.lines[v][i]))
                for v in LANGS
                if v != version
            )
            if others_have and len(sk) >= 3:
                cands.append((i, m))
    if not cands:
        return None
    i, m = rng.choice(cands)
    word = m.group()
    positions = [k for k in range(1, len(word) - 1) if word[k].lower() in _CONSONANT_SWAPS]
    if not positions:
        return None
    k = rng.choice(positions)
    new = word[:k] + _CONSONANT_SWAPS[word[k].lower()] + word[k + 1 :]
    line = doc.lines[version][i]
    text = line[: m.start()] + new + line[m.end() :]
    return replaced(doc, version, i, text), Injection(doc.id, "name", version, i, word, new)


_NUMBER = re.compile(r"(?<![\w.,:])\d+(?:[.,]\d+)?(?![\w:]|[.,]\d)")
"""Numbers, not clock times (7:55): a time is not a quantity for tcheck."""
_YEARISH = re.compile(r"^(1[89]\d\d|20\d\d)$")


def _numbers(text: str) -> list[re.Match[str]]:
    return [m for m in _NUMBER.finditer(text) if not _YEARISH.match(m.group())]


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def inject_number(
    doc: Document, version: str, rng: random.Random
) -> tuple[Triple, Injection] | None:
    """Swap two digits or change one digit of a number (not a year, not a day of a date)."""
    cands = []
    for i, line in enumerate(doc.lines[version]):
        for m in _numbers(line):
            if _MONTH_AFTER.match(line, m.end()) or _MONTH_BEFORE.search(line[: m.start()]):
                continue  # a day of a date belongs to the date kind
            d = _digits(m.group())
            others = all(
                any(_digits(o.group()) == d for o in _numbers(doc.lines[v][i]))
                for v in LANGS
                if v != version
            )
            if others:
                cands.append((i, m))
    if not cands:
        return None
    i, m = rng.choice(cands)
    num = m.group()
    digit_pos = [k for k, c in enumerate(num) if c.isdigit()]
    swappable = [
        (a, b)
        for a, b in itertools.pairwise(digit_pos)
        if num[a] != num[b] and not (a == 0 and num[b] == "0")
    ]
    if swappable and rng.random() < 0.5:
        a, b = rng.choice(swappable)
        chars = list(num)
        chars[a], chars[b] = chars[b], chars[a]
        new = "".join(chars)
    else:
        k = rng.choice(digit_pos)
        choices = [c for c in "123456789" if c != num[k]] if k == 0 else "0123456789"
        new = num[:k] + rng.choice([c for c in choices if c != num[k]]) + num[k + 1 :]
    line = doc.lines[version][i]
    text = line[: m.start()] + new + line[m.end() :]
    return replaced(doc, version, i, text), Injection(doc.id, "number", version, i, num, new)


# Magnitude words per language: (pattern, replacement stem) with the ending kept.
_MAGNITUDE_SWAPS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (
        (r"млрд", "млн"), (r"млн", "млрд"), (r"миллиард", "миллион"), (r"миллион", "миллиард"),
        (r"тыс\.", "млн"), (r"тысяч(?=[аиуе]?\b)", "миллион"),
    ),
    "uk": (
        (r"млрд", "млн"), (r"млн", "млрд"), (r"мільярд", "мільйон"), (r"мільйон", "мільярд"),
        (r"тис\.", "млн"), (r"тисяч(?=[аіу]?\b)", "мільйон"),
    ),
    "bg": (
        (r"млрд", "млн"), (r"млн", "млрд"), (r"милиард", "милион"), (r"милион", "милиард"),
        (r"хил\.", "млн"), (r"хиляд(?=[аи]\b)", "милион"),
    ),
}  # fmt: skip
_THOUSAND_ENDINGS = {
    # thousand's case forms -> the same case of million (the ending after the new stem)
    "ru": {"": "ов", "а": "", "и": "а", "у": "", "е": "е"},
    "uk": {"": "ів", "а": "", "і": "и", "у": ""},
    "bg": {"а": "", "и": "а"},
}
_COUNT_BEFORE = re.compile(r"(?:\d|\b[^\W\d_]+)[\s\u00a0]*$")


def inject_magnitude(
    doc: Document, version: str, rng: random.Random
) -> tuple[Triple, Injection] | None:
    """Replace a magnitude word after a count by another magnitude (млн <-> млрд, тысяч -> млн)."""
    cands = []
    for i, line in enumerate(doc.lines[version]):
        for pattern, stem in _MAGNITUDE_SWAPS[version]:
            for m in re.finditer(rf"(?<!\w){pattern}", line, re.IGNORECASE):
                if not re.search(r"\d[\s\u00a0]*$", line[: m.start()]):
                    continue  # a count in digits before it, so the value is well defined
                others = all(
                    any(
                        re.search(rf"(?<!\w){p}", doc.lines[v][i], re.IGNORECASE)
                        for p, _ in _MAGNITUDE_SWAPS[v]
                    )
                    for v in LANGS
                    if v != version
                )
                if others:
                    cands.append((i, m, stem))
    if not cands:
        return None
    i, m, stem = rng.choice(cands)
    line = doc.lines[version][i]
    end = m.end()
    new = stem
    if m.group().lower().startswith(("тысяч", "тисяч", "хиляд")):
        ending_m = re.match(r"[а-яіїє]*", line[end:])
        ending = ending_m.group() if ending_m else ""
        new = stem + _THOUSAND_ENDINGS[version].get(ending, "ов")
        end += len(ending)
    before = line[m.start() : end]
    text = line[: m.start()] + new + line[end:]
    return replaced(doc, version, i, text), Injection(doc.id, "magnitude", version, i, before, new)


_MONTHS: dict[str, tuple[str, ...]] = {
    "ru": ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
           "октябр", "ноябр", "декабр"),
    "uk": ("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт",
           "листопад", "груд"),
    "bg": ("януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември",
           "октомври", "ноември", "декември"),
}  # fmt: skip
_MONTH_FORMS = {
    "ru": r"(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяе]|ма[йяе]|"
    r"марта?|марте|августа?|августе",
    "uk": r"(?:січ|берез|квіт|трав|черв|лип|серп|верес|жовт|груд)(?:ень|ня|ні)|лют(?:ий|ого|ому)|"
    r"листопада?|листопаді",
    "bg": r"януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември",
}
# Month swaps that keep the case ending valid: soft-stem months among themselves, etc.
_MONTH_SWAP = {
    "ru": {"январ": "феврал", "феврал": "январ", "апрел": "сентябр", "июн": "июл",
           "июл": "июн", "сентябр": "октябр", "октябр": "ноябр", "ноябр": "декабр",
           "декабр": "ноябр", "март": "август", "август": "март"},
    "uk": {"січ": "груд", "груд": "січ", "берез": "верес", "квіт": "серп", "трав": "черв",
           "черв": "лип", "лип": "черв", "серп": "квіт", "верес": "берез", "жовт": "груд"},
    "bg": dict(zip(_MONTHS["bg"], _MONTHS["bg"][1:] + _MONTHS["bg"][:1], strict=True)),
}  # fmt: skip
_MONTH_AFTER = re.compile(r"[\s\u00a0]+(?:" + "|".join(_MONTH_FORMS.values()) + r")", re.I)
_MONTH_BEFORE = re.compile(r"(?:" + "|".join(_MONTH_FORMS.values()) + r")[\s\u00a0]+$", re.I)
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,]\d)")


def inject_date(doc: Document, version: str, rng: random.Random) -> tuple[Triple, Injection] | None:
    """Change the day, the month or the year of a date that every version gives."""
    cands: list[tuple[int, int, int, str, str]] = []
    for i, line in enumerate(doc.lines[version]):
        others = [doc.lines[v][i] for v in LANGS if v != version]
        for m in _YEAR.finditer(line):
            if all(m.group() in o for o in others):
                year = int(m.group())
                new = str(year + rng.choice((-2, -1, 1, 2)))
                cands.append((i, m.start(), m.end(), m.group(), new))
        form = _MONTH_FORMS[version]
        for m in re.finditer(rf"(?<![\w\d])(?:(\d{{1,2}})[\s\u00a0]+)?({form})(?!\w)", line, re.I):
            month = m.group(2)
            if m.group(1):
                day = int(m.group(1))
                if not all(re.search(rf"(?<!\d){day}(?!\d)", o) for o in others):
                    continue
                new_day = day + 1 if day < 28 else day - 1
                cands.append((i, m.start(1), m.end(1), m.group(1), str(new_day)))
            stem = next(
                (s for s in sorted(_MONTH_SWAP[version], key=len, reverse=True)
                 if month.lower().startswith(s)),
                None,
            )  # fmt: skip
            others_month = all(
                any(re.search(rf"(?<!\w)(?:{_MONTH_FORMS[v]})(?!\w)", doc.lines[v][i], re.I)
                    for v in LANGS if v != version)
                for _ in (0,)
            )  # fmt: skip
            if stem and others_month:
                new = _MONTH_SWAP[version][stem] + month[len(stem) :]
                if month[0].isupper():
                    new = new[0].upper() + new[1:]
                cands.append((i, m.start(2), m.end(2), month, new))
    if not cands:
        return None
    i, a, b, before, after = rng.choice(cands)
    line = doc.lines[version][i]
    text = line[:a] + after + line[b:]
    return replaced(doc, version, i, text), Injection(doc.id, "date", version, i, before, after)


def inject_deletion(
    doc: Document, version: str, rng: random.Random
) -> tuple[Triple, Injection] | None:
    """Delete one body line (not the headline) of one version."""
    n = len(doc.lines[version])
    if n < 4:
        return None
    i = rng.randrange(1, n)
    base = unmodified(doc)
    lines = dict(base.lines)
    origin = dict(base.origin)
    lines[version] = lines[version][:i] + lines[version][i + 1 :]
    origin[version] = origin[version][:i] + origin[version][i + 1 :]
    before = doc.lines[version][i]
    return Triple(lines, origin), Injection(doc.id, "deletion", version, i, before, "")


def inject_addition(
    doc: Document, version: str, rng: random.Random, foreign: Sequence[str]
) -> tuple[Triple, Injection] | None:
    """Insert a body line of another document after one line of one version."""
    n = len(doc.lines[version])
    if n < 3 or not foreign:
        return None
    i = rng.randrange(0, n)
    added = rng.choice([f for f in foreign if len(f.split()) >= 6] or list(foreign))
    base = unmodified(doc)
    lines = dict(base.lines)
    origin = dict(base.origin)
    lines[version] = (*lines[version][: i + 1], added, *lines[version][i + 1 :])
    origin[version] = (*origin[version][: i + 1], -1, *origin[version][i + 1 :])
    return Triple(lines, origin), Injection(doc.id, "addition", version, i, "", added)


_SOURCE_CUES = {
    "ru": r"сообщает|сообщило|сообщил[аи]?|передает|передаёт|пишет|по\s+данным|по\s+словам|"
    r"по\s+информации|согласно|в\s+интервью",
    "uk": r"повідомляє|повідомило|повідомив|повідомила|передає|пише|за\s+даними|за\s+словами|"
    r"за\s+інформацією|згідно\s+з|в\s+інтерв['’ʼ]?ю|у\s+інтерв['’ʼ]?ю",
    "bg": r"съобщава|съобщи|информира|пише|според|по\s+думите\s+на|по\s+данни\s+на|"
    r"в\s+интервю",
}
_OUTLETS = ("Reuters", "Bloomberg", "Kyodo News", "Associated Press", "Al Jazeera", "Telegram")
_SOURCE_NAME = re.compile(
    r"[\s\u00a0]+(?:(?:агентству|агентство|агенция|телеканалу|телеканал|газете|газета|"
    r"изданию|видання|виданню|изданието|вестник|на)[\s\u00a0]+)?[«„“\"]?"
    r"(?P<name>[A-ZА-ЯЁІЇЄҐ][\w'’.-]*(?:[\s\u00a0]+[A-ZА-ЯЁІЇЄҐ][\w'’.-]*){0,2})"
)


def inject_source(
    doc: Document, version: str, rng: random.Random
) -> tuple[Triple, Injection] | None:
    """Replace the named source after an attribution cue by another outlet."""
    cands = []
    for i, line in enumerate(doc.lines[version]):
        for m in re.finditer(rf"(?<!\w)(?:{_SOURCE_CUES[version]})(?!\w)", line, re.I):
            sm = _SOURCE_NAME.match(line, m.end())
            if not sm:
                continue
            name = sm.group("name")
            sk = _skeleton(name.split()[0])
            if len(sk) < 2:
                continue
            if all(
                any(_skeleton(o.group()) == sk for o in _WORD.finditer(doc.lines[v][i]))
                for v in LANGS
                if v != version
            ):
                cands.append((i, sm.start("name"), sm.end("name"), name))
    if not cands:
        return None
    i, a, b, name = rng.choice(cands)
    outlet = rng.choice([o for o in _OUTLETS if _skeleton(o) != _skeleton(name)])
    line = doc.lines[version][i]
    text = line[:a] + outlet + line[b:]
    return replaced(doc, version, i, text), Injection(doc.id, "source", version, i, name, outlet)


# ---------------------------------------------------------------- running tcheck
def build_versions(triple: Triple) -> tuple[Version, ...]:
    return tuple(
        version_from_text("\n".join(lines), version_id=v, lang=v)
        for v, lines in triple.lines.items()
    )


OTHER_TRIPLES = (("ru", "be", "uk"), ("bg", "mk", "ru"), ("be", "mk", "sr"))
"""Triples with NTREX's Belarusian, Macedonian and Serbian translations (no injections)."""


def other_language_warnings(limit: int | None, config: Config) -> dict[str, dict[str, int]]:
    """Warning-or-worse findings per code on the unmodified triples of other languages."""
    out = {}
    for langs in OTHER_TRIPLES:
        texts = {lang: ntrex_lines(lang) for lang in langs}
        counts: Counter[str] = Counter()
        for _, ids in ntrex_documents()[:limit]:
            lines = {lang: tuple(texts[lang][i] for i in ids) for lang in langs}
            run = run_triple(Triple(lines, {v: tuple(range(len(ids))) for v in langs}), config)
            counts.update(f.code for f in run.report.findings if f.severity >= Severity.WARNING)
        out["-".join(langs)] = dict(sorted(counts.items()))
    return out


def line_of_sentences(version: Version, n_lines: int) -> list[int]:
    """For each sentence of ``version``, the line (0-based) its text starts on."""
    starts = [0]
    for line in version.text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out = []
    for s in version.sentences:
        line = max(k for k, st in enumerate(starts) if st <= s.start)
        out.append(min(line, n_lines - 1))
    return out


@dataclass(frozen=True)
class Run:
    report: Report
    sentence_origin: dict[str, list[int]]
    """Per version and sentence the original line number it comes from (-1: added)."""


def run_triple(triple: Triple, config: Config) -> Run:
    versions = build_versions(triple)
    report = run_versions(versions, config)
    origin = {}
    for v in versions:
        lines = line_of_sentences(v, len(triple.lines[v.id]))
        origin[v.id] = [triple.origin[v.id][k] for k in lines]
    return Run(report, origin)


def signature(f: Finding) -> tuple:
    """A finding's identity across the unmodified and modified runs of one document."""
    return (f.code, tuple(sorted((e.version, " ".join(e.text.split())) for e in f.evidence)))


def gold_sentences(inj: Injection, run: Run) -> set[tuple[str, int]]:
    """(version, sentence) pairs the matching finding's evidence must touch."""
    if inj.kind == "deletion":
        return {
            (v, s)
            for v in LANGS
            if v != inj.version
            for s, o in enumerate(run.sentence_origin[v])
            if o == inj.line
        }
    wanted = -1 if inj.kind == "addition" else inj.line
    return {(inj.version, s) for s, o in enumerate(run.sentence_origin[inj.version]) if o == wanted}


def hits(f: Finding, inj: Injection, gold: set[tuple[str, int]]) -> bool:
    if f.category.value != EXPECTED_CATEGORY[inj.kind] or inj.version not in f.versions:
        return False
    return any((e.version, e.sentence) in gold for e in f.evidence)


def aligned_together(inj: Injection, run: Run) -> bool:
    """Whether the modified line's sentences share a group with the same line of the others."""
    groups = run.report.alignment.groups
    if inj.kind in ("deletion", "addition"):
        # the lone line must stand in a group of its own, without the neighbouring lines
        gold = gold_sentences(inj, run)
        return any(
            {(v, i) for v, ix in g.members.items() for i in ix} == gold
            or (gold and {(v, i) for v, ix in g.members.items() for i in ix} <= gold)
            for g in groups
        )
    for g in groups:
        mine = {run.sentence_origin[inj.version][i] for i in g.members.get(inj.version, ())}
        if inj.line not in mine:
            continue
        others = [
            {run.sentence_origin[v][i] for i in g.members.get(v, ())}
            for v in LANGS
            if v != inj.version
        ]
        if all(inj.line in o for o in others):
            return True
    return False


# ---------------------------------------------------------------- the benchmark
Injector = Callable[[Document, str, random.Random], "tuple[Triple, Injection] | None"]


def injections_for(
    doc: Document, index: int, docs: Sequence[Document], seed: int
) -> list[tuple[Triple, Injection]]:
    out = []
    for k, kind in enumerate(KINDS):
        rng = random.Random(f"{seed}:{doc.id}:{kind}")
        order = list(LANGS)
        rng.shuffle(order)
        for version in order:  # the first version where the kind applies
            if kind == "addition":
                other = docs[(index + 7 + k) % len(docs)] if len(docs) > 1 else None
                foreign = other.lines[version][1:] if other else ()
                got = inject_addition(doc, version, rng, foreign)
            else:
                injector: Injector = {
                    "name": inject_name,
                    "number": inject_number,
                    "magnitude": inject_magnitude,
                    "date": inject_date,
                    "deletion": inject_deletion,
                    "source": inject_source,
                }[kind]
                got = injector(doc, version, rng)
            if got is not None:
                out.append(got)
                break
    return out


@dataclass(frozen=True)
class Outcome:
    injection: Injection
    hit: bool
    aligned: bool
    new_in_category: int
    """Findings of the expected category in the modified run absent from the unmodified run."""
    new_hits: int
    found: tuple[str, ...]
    """Messages of the new findings of the expected category."""
    preexisting: bool = False
    """Missed, but the unmodified run already reports the same finding there."""


def evaluate(docs: Sequence[Document], seed: int, config: Config) -> dict:
    outcomes: list[Outcome] = []
    baseline: dict[str, list[Finding]] = {}
    started = time.perf_counter()
    for d, doc in enumerate(docs):
        base = run_triple(unmodified(doc), config)
        baseline[doc.id] = list(base.report.findings)
        base_sigs = {signature(f) for f in base.report.findings}
        for triple, inj in injections_for(doc, d, docs, seed):
            run = run_triple(triple, config)
            gold = gold_sentences(inj, run)
            category = EXPECTED_CATEGORY[inj.kind]
            new = [
                f
                for f in run.report.findings
                if f.category.value == category and signature(f) not in base_sigs
            ]
            matched = [f for f in new if hits(f, inj, gold)]
            old = any(hits(f, inj, gold) for f in run.report.findings)
            outcomes.append(
                Outcome(
                    inj,
                    bool(matched),
                    aligned_together(inj, run),
                    len(new),
                    len(matched),
                    tuple(f"{f.code} {f.message}" for f in new),
                    preexisting=not matched and old,
                )
            )
    return {
        "outcomes": outcomes,
        "baseline": baseline,
        "seconds": time.perf_counter() - started,
    }


def per_kind(outcomes: Sequence[Outcome]) -> dict[str, dict]:
    table = {}
    for kind in KINDS:
        rows = [o for o in outcomes if o.injection.kind == kind]
        n = len(rows)
        found = sum(o.hit for o in rows)
        new = sum(o.new_in_category for o in rows)
        tp = sum(o.new_hits for o in rows)
        misses = [o for o in rows if not o.hit]
        table[kind] = {
            "injected": n,
            "detected": found,
            "recall": found / n if n else None,
            "new_findings": new,
            "matching_findings": tp,
            "precision": tp / new if new else None,
            "misses_misaligned": sum(not o.aligned for o in misses),
            "misses_preexisting": sum(o.preexisting for o in misses),
        }
    return table


# ---------------------------------------------------------------- unmodified warnings
def warnings_of(baseline: dict[str, list[Finding]]) -> list[tuple[str, Finding]]:
    return [
        (doc, f)
        for doc, findings in baseline.items()
        for f in findings
        if f.severity >= Severity.WARNING
    ]


def sample(warnings: Sequence[tuple[str, Finding]], seed: int) -> list[tuple[str, Finding]]:
    rng = random.Random(f"{seed}:sample")
    picked = rng.sample(list(warnings), min(SAMPLE_SIZE, len(warnings)))
    return sorted(picked, key=lambda x: (x[0], x[1].code, x[1].fingerprint))


def verdict_key(doc: str, fingerprint: str) -> str:
    """Where a sampled finding's verdict is stored: the version ids are the same in every
    triple, so the fingerprint alone recurs across documents."""
    return f"{doc}/{fingerprint}"


def load_verdicts() -> dict[str, dict]:
    if not VERDICTS.exists():
        return {}
    data = yaml.safe_load(VERDICTS.read_text(encoding="utf-8")) or {}
    return {str(k): v for k, v in data.items()}


# ---------------------------------------------------------------- report
def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _cell(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_report(result: dict, docs: Sequence[Document], seed: int) -> dict:
    outcomes: list[Outcome] = result["outcomes"]
    table = per_kind(outcomes)
    warnings = warnings_of(result["baseline"])
    picked = sample(warnings, seed)
    verdicts = load_verdicts()
    judged = [verdicts.get(verdict_key(doc, f.fingerprint)) for doc, f in picked]
    real = sum(1 for v in judged if v and v.get("verdict") == "real")
    known = sum(1 for v in judged if v and v.get("verdict") in ("real", "false alarm"))
    per_doc = Counter(doc for doc, _ in warnings)
    by_code = Counter(f.code for _, f in warnings)
    data = {
        "documents": len(docs),
        "seed": seed,
        "seconds": round(result["seconds"], 1),
        "per_kind": table,
        "unmodified": {
            "warnings": len(warnings),
            "documents_with_warnings": len(per_doc),
            "per_document": {d.id: per_doc.get(d.id, 0) for d in docs},
            "by_code": dict(sorted(by_code.items())),
            "sample": [
                {
                    "doc": doc,
                    "fingerprint": f.fingerprint,
                    "code": f.code,
                    "message": f.message,
                    "verdict": (verdicts.get(verdict_key(doc, f.fingerprint)) or {}).get(
                        "verdict", "unjudged"
                    ),
                }
                for doc, f in picked
            ],
            "sample_real": real,
            "sample_judged": known,
        },
        "other_languages": result["other_languages"],
        "misses": [
            {
                **asdict(o.injection),
                "aligned": o.aligned,
                "preexisting": o.preexisting,
                "found": list(o.found),
            }
            for o in outcomes
            if not o.hit
        ],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "detect.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return render(data)


def render(data: dict) -> dict:
    """Apply the stored verdicts to the sample and write detect.json and detect.md."""
    verdicts = load_verdicts()
    u = data["unmodified"]
    for entry in u["sample"]:
        stored = verdicts.get(verdict_key(entry["doc"], entry["fingerprint"])) or {}
        entry["verdict"] = stored.get("verdict", "unjudged")
    u["sample_real"] = sum(e["verdict"] == "real" for e in u["sample"])
    u["sample_judged"] = sum(e["verdict"] in ("real", "false alarm") for e in u["sample"])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "detect.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (OUT / "detect.md").write_text(_markdown(data, verdicts), encoding="utf-8")
    return data


def _markdown(data: dict, verdicts: dict) -> str:
    t = TARGETS
    lines = [
        "# Detection benchmark",
        "",
        f"Produced by `python bench/detect.py`. Input: {data['documents']} NTREX-128 documents, "
        "each as a triple of its Russian, Ukrainian and Bulgarian translations (newstest2019, "
        "one line = one paragraph). Per document and injection kind, one version gets one "
        "controlled divergence (seed "
        f"{data['seed']}); the others stay as published. {data['seconds']:.0f} s in all.",
        "",
        "## Injected divergences",
        "",
        "| injection | expected category | injected | detected | recall | new findings | "
        "matching | precision | misses misaligned | misses already flagged |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, row in data["per_kind"].items():
        lines.append(
            f"| {kind} | {EXPECTED_CATEGORY[kind]} | {row['injected']} | {row['detected']} | "
            f"{_fmt(row['recall'])} | {row['new_findings']} | {row['matching_findings']} | "
            f"{_fmt(row['precision'])} | {row['misses_misaligned']} | "
            f"{row['misses_preexisting']} |"
        )
    lines += [
        "",
        f"Targets: recall ≥ {t['recall']} and precision ≥ {t['precision']} per injection kind.",
        "",
        "**Definitions.** An injection is *detected* when the modified run has a finding that "
        "(a) is of the expected category, (b) names the modified version among its `versions` "
        "and (c) has evidence in a gold sentence: the modified sentence of the modified "
        "version (for a deleted line: that line's sentences in the other versions; for an "
        "added line: the added sentence), and (d) is *new*: no finding with the same code and "
        "the same evidence (version, text) exists in the unmodified run of the document. "
        "*Recall* = detected / injected. *Precision* = matching / new findings: among the new "
        "findings of the expected category in the modified runs of that kind (findings the "
        "unmodified document already produces are discounted), the share that satisfies "
        "(a)–(c). A new finding elsewhere (the injection disturbed the alignment, or a check "
        "fires twice on one divergence) counts against precision. *Misses misaligned*: misses "
        "where the modified sentence did not share an aligned group with the same line of "
        "both other versions (for a deleted or added line: it did not stand in a group of its "
        "own), i.e. the alignment, not the check, lost it. *Misses already flagged*: the modified run "
        "has a matching finding, but the unmodified run already had the same one (the "
        "alignment had left that line on its own before the injection), so it is not new.",
        "",
        "Injections are taken only where the other two versions carry the same detail, so "
        "that a correct checker can see the divergence: the name's consonant skeleton, the "
        "number's digits, a magnitude word, the date's day or year, the source's name are "
        "present in the same line of both other versions (found by the benchmark's own "
        "regular expressions, not by tcheck's extractor).",
        "",
        "## Unmodified documents",
        "",
        f"Warning-or-worse findings on the unmodified triples: **{data['unmodified']['warnings']}"
        f"** in {data['unmodified']['documents_with_warnings']} of {data['documents']} documents "
        f"({data['unmodified']['warnings'] / max(data['documents'], 1):.2f} per document).",
        "",
        "| code | findings |",
        "|---|---:|",
    ]
    for code, n in data["unmodified"]["by_code"].items():
        lines.append(f"| {code} | {n} |")
    u = data["unmodified"]
    share = u["sample_real"] / u["sample_judged"] if u["sample_judged"] else None
    lines += [
        "",
        f"A random sample of {len(u['sample'])} of them, judged by reading the three translations "
        "against the English source line (verdicts in `bench/detect_verdicts.yaml`, keyed by "
        "document and fingerprint): **real divergence** = the translations really differ in that detail "
        "(a translator dropped, added or changed it); **false alarm** = they say the same "
        "thing. Real: "
        f"**{u['sample_real']} of {u['sample_judged']}** ({_fmt(share)}; target ≥ "
        f"{t['real_share']}).",
        "",
        "| document | code | finding | verdict | note |",
        "|---|---|---|---|---|",
    ]
    for entry in u["sample"]:
        v = verdicts.get(verdict_key(entry["doc"], entry["fingerprint"])) or {}
        lines.append(
            f"| {entry['doc']} | {entry['code']} | {_cell(entry['message'])} | "
            f"{v.get('verdict', 'unjudged')} | {_cell(v.get('note', ''), 120)} |"
        )
    lines += ["", "Warnings per document:", ""]
    counts = u["per_document"]
    hist = Counter(counts.values())
    lines.append(", ".join(f"{n} warning(s): {hist[n]} docs" for n in sorted(hist)))
    lines += [
        "",
        "## Unmodified documents in other languages",
        "",
        "Warning-or-worse findings on the same documents with NTREX's Belarusian, Macedonian and "
        "Serbian (Cyrillic) translations, no injections (unjudged). NTREX's Serbian file writes "
        "many Cyrillic words with Latin look-alike letters (дa, нa), which TC601 reports "
        "once per sentence; the other checks read such words as the Cyrillic ones they show.",
        "",
        "| triple | warnings | by code |",
        "|---|---:|---|",
    ]
    for triple, codes in data["other_languages"].items():
        by_code = ", ".join(f"{c} {n}" for c, n in codes.items())
        lines.append(f"| {triple} | {sum(codes.values())} | {by_code} |")
    lines += ["", "## Misses", ""]
    if not data["misses"]:
        lines.append("None.")
    for m in data["misses"][:40]:
        lines.append(
            f"- {m['doc']} {m['kind']} in {m['version']} line {m['line']}: "
            f"{_cell(m['before'], 60)!s} → {_cell(m['after'], 60)!s}"
            f"{'' if m['aligned'] else ' (misaligned)'}"
            f"{' (already flagged unmodified)' if m['preexisting'] else ''}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=None, help="only the first N documents")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--render", action="store_true", help="only re-apply the verdicts to detect.json"
    )
    args = parser.parse_args()
    if args.render:
        render(json.loads((OUT / "detect.json").read_text(encoding="utf-8")))
        return
    docs = load_documents(args.docs)
    result = evaluate(docs, args.seed, Config())
    result["other_languages"] = other_language_warnings(args.docs, Config())
    data = write_report(result, docs, args.seed)
    for kind, row in data["per_kind"].items():
        print(
            f"{kind:10} n={row['injected']:4} recall={_fmt(row['recall'])} "
            f"precision={_fmt(row['precision'])} misaligned misses={row['misses_misaligned']}"
        )
    u = data["unmodified"]
    print(f"unmodified warnings: {u['warnings']} ({u['sample_real']}/{u['sample_judged']} real)")


if __name__ == "__main__":
    main()

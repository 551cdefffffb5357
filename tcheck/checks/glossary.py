"""Glossary: a term the glossary fixes per language must be rendered that way in every version.

The glossary is a CSV or TSV file whose header names languages (``ru,uk,bg``); each further row
is one term, one rendering per language column. A cell may list accepted alternatives separated
by ``|``; an empty cell means "no rule for this language". Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from tcheck.checks.base import Check
from tcheck.checks.context import CheckContext, span_evidence
from tcheck.errors import ConfigError
from tcheck.extract.keys import name_key, normalize, strict_token_key
from tcheck.model import Category, Evidence, Finding, Group, Sentence, Severity, Version

_LANG_RE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$")
_WORD_RE = re.compile(r"\w+(?:['’ʼ]\w+)*")
_DELIMITERS = ("\t", ";", ",")
ALTERNATIVES = "|"
"""Separates accepted renderings inside one cell."""
NEAR_MISS = 80.0
"""rapidfuzz ratio (0..100) of cross-language keys above which a span counts as a respelling."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One row of the glossary: the renderings of one term."""

    line: int
    """1-based line of the row in the glossary file (for messages)."""
    terms: Mapping[str, tuple[str, ...]]
    """Language code -> accepted renderings (the first is the preferred one)."""

    @property
    def label(self) -> str:
        """The row's first rendering: how messages and fingerprints name the term."""
        return next(iter(self.terms.values()))[0]


@dataclass(frozen=True)
class Glossary:
    """A parsed glossary file."""

    path: str
    languages: tuple[str, ...]
    """The header's language codes, in column order."""
    entries: tuple[GlossaryEntry, ...]


def _lang(code: str) -> str:
    return code.strip().lower().replace("_", "-").split("-")[0]


def parse_glossary(text: str, *, source: str = "<glossary>") -> Glossary:
    """Parse glossary text (CSV or TSV, delimiter taken from the header line)."""
    lines = text.splitlines()
    header_at = next(
        (i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")), None
    )
    if header_at is None:
        raise ConfigError(f"{source}: glossary is empty (expected a header of language codes)")
    header_line = lines[header_at]
    delimiter = next((d for d in _DELIMITERS if d in header_line), ",")
    rows = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=True)
    languages: tuple[str, ...] = ()
    entries: list[GlossaryEntry] = []
    for row in rows:
        line = rows.line_num
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not languages:
            languages = _header(cells, source, line)
            continue
        if len(cells) > len(languages) and any(cells[len(languages) :]):
            raise ConfigError(
                f"{source}:{line}: {len(cells)} cells but the header has {len(languages)} languages"
            )
        terms: dict[str, tuple[str, ...]] = {}
        for lang, cell in zip(languages, cells, strict=False):
            variants = tuple(v.strip() for v in cell.split(ALTERNATIVES) if v.strip())
            for v in variants:
                if not _WORD_RE.search(v):
                    raise ConfigError(f"{source}:{line}: {lang} term {v!r} has no letters")
            if variants:
                terms[lang] = variants
        if terms:
            entries.append(GlossaryEntry(line=line, terms=terms))
    return Glossary(path=source, languages=languages, entries=tuple(entries))


def _header(cells: Sequence[str], source: str, line: int) -> tuple[str, ...]:
    out: list[str] = []
    for cell in cells:
        if not _LANG_RE.match(cell.lower()):
            raise ConfigError(
                f"{source}:{line}: glossary header cell {cell!r} is not a language code "
                "(the first row names the languages, e.g. ru,uk,bg)"
            )
        lang = _lang(cell)
        if lang in out:
            raise ConfigError(f"{source}:{line}: language {lang!r} appears twice in the header")
        out.append(lang)
    return tuple(out)


def load_glossary(path: str | Path) -> Glossary:
    """Read and parse a glossary file; any problem is a ConfigError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: glossary file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: glossary is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary ({exc.strerror})") from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise ConfigError(f"{path}: cannot read glossary ({exc})") from None
    try:
        return parse_glossary(text, source=str(path))
    except csv.Error as exc:
        raise ConfigError(f"{path}: not a CSV/TSV glossary ({exc})") from None


# -- matching --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    """Offsets inside the sentence's text."""
    key: str


def _token_key(word: str, lang: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return normalize(word)  # an acronym keeps every letter (ППО is not ПП)
    return strict_token_key(word, lang)


def _shape(text: str) -> str:
    """``acronym``, ``capital`` or ``lower`` (ППО, Такаичи, оборона)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "acronym"
    return "capital" if letters and letters[0].isupper() else "lower"


def _term_keys(term: str, lang: str) -> tuple[str, ...]:
    return tuple(_token_key(m.group(), lang) for m in _WORD_RE.finditer(term))


def _tokens(sentence: Sentence, lang: str) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), _token_key(m.group(), lang))
        for m in _WORD_RE.finditer(sentence.text)
    ]


def _find(keys: tuple[str, ...], tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    """Sentence offsets of every run of tokens whose inflection-free keys spell ``keys``."""
    n = len(keys)
    return [
        (tokens[i].start, tokens[i + n - 1].end)
        for i in range(len(tokens) - n + 1)
        if all(tokens[i + j].key == keys[j] for j in range(n))
    ]


@dataclass(frozen=True)
class _Usage:
    """Where one version renders a glossary term in one group."""

    version: Version
    expected: tuple[str, ...]
    hits: tuple[Evidence, ...]
    """Spans of an accepted rendering (empty: the version does not use one)."""


def _usage(ctx: CheckContext, group: Group, version: Version, entry: GlossaryEntry) -> _Usage:
    expected = entry.terms[version.lang]
    hits: list[Evidence] = []
    for sentence in ctx.sentences(group, version.id):
        tokens = _tokens(sentence, version.lang)
        for term in expected:
            for start, end in _find(_term_keys(term, version.lang), tokens):
                hits.append(span_evidence(version, sentence, start, end))
    return _Usage(version, expected, tuple(hits))


@dataclass(frozen=True)
class _Window:
    start: int
    end: int
    key: str
    """Cross-language key (folds transliteration: Такаити = Такаичи)."""
    shape: str
    """``acronym``, ``capital`` or ``lower``: a respelling keeps the shape of the rendering."""
    strict: tuple[str, ...]
    """Inflection-free keys of its words (what the glossary's renderings are matched on)."""


def _windows(sentence: Sentence, version: Version, entry: GlossaryEntry) -> Iterator[_Window]:
    """Runs of words as long as one of the row's renderings, with their keys and shape."""
    tokens = _tokens(sentence, version.lang)
    sizes = sorted({len(_term_keys(t, lang)) for lang, ts in entry.terms.items() for t in ts})
    for size in sizes:
        for i in range(len(tokens) - size + 1):
            run = tokens[i : i + size]
            start, end = run[0].start, run[-1].end
            text = sentence.text[start:end]
            key = name_key(text, version.lang)
            if key:
                yield _Window(start, end, key, _shape(text), tuple(t.key for t in run))


def _all_keys(entry: GlossaryEntry) -> set[tuple[str, str]]:
    """(cross-language key, shape) of every rendering in the row."""
    return {(name_key(t, lang), _shape(t)) for lang, ts in entry.terms.items() for t in ts}


def _own_keys(entry: GlossaryEntry, lang: str) -> list[tuple[str, str]]:
    return [(name_key(t, lang), _shape(t)) for t in entry.terms[lang]]


def _near_miss(w: _Window, own: list[tuple[str, str]]) -> float:
    """Similarity (0..100) of a window to the closest rendering of the same shape."""
    return max((fuzz.ratio(w.key, k) for k, shape in own if shape == w.shape), default=0.0)


def _other_rendering(
    ctx: CheckContext, group: Group, version: Version, entry: GlossaryEntry
) -> Evidence | None:
    """The span a version writes instead of the glossary's rendering, when one can be found.

    First a span equal to any of the row's renderings under the cross-language name key
    (Такаити for Такаичи, a Latin or another language's spelling), then the closest near miss.
    """
    targets = _all_keys(entry)
    own = _own_keys(entry, version.lang)
    best: tuple[float, Evidence] | None = None
    for sentence in ctx.sentences(group, version.id):
        for w in _windows(sentence, version, entry):
            if (w.key, w.shape) in targets:
                return span_evidence(version, sentence, w.start, w.end)
            score = _near_miss(w, own)
            if score >= NEAR_MISS and (best is None or score > best[0]):
                best = (score, span_evidence(version, sentence, w.start, w.end))
    return best[1] if best else None


def _hits(version: Version, entry: GlossaryEntry) -> list[Evidence]:
    """Spans of the version's accepted renderings of the term, anywhere in the version."""
    out = []
    keys = [_term_keys(t, version.lang) for t in entry.terms[version.lang]]
    for sentence in version.sentences:
        tokens = _tokens(sentence, version.lang)
        for k in keys:
            out += [span_evidence(version, sentence, a, b) for a, b in _find(k, tokens)]
    return out


def _respellings(version: Version, entry: GlossaryEntry) -> list[Evidence]:
    """Spans that are the term written another way: equal to one of the row's renderings
    under the cross-language key, or (for terms of several words) a near miss of it."""
    accepted = {_term_keys(t, version.lang) for t in entry.terms[version.lang]}
    targets = _all_keys(entry)
    own = _own_keys(entry, version.lang)
    out = []
    for sentence in version.sentences:
        for w in _windows(sentence, version, entry):
            if w.strict in accepted:
                continue
            near = len(w.strict) > 1 and _near_miss(w, own) >= NEAR_MISS
            if (w.key, w.shape) in targets or near:
                out.append(span_evidence(version, sentence, w.start, w.end))
    return out


def _quoted(terms: Sequence[str]) -> str:
    return " or ".join(f"«{t}»" for t in terms)


class GlossaryTerm(Check):
    """A version renders a glossary term differently from the glossary's entry for its language.

    Reads the file named by ``glossary`` (config) or ``--glossary``: a CSV/TSV table whose header
    row lists language codes and whose rows give one term per language (``|`` separates accepted
    alternatives). In each group of aligned sentences where one version uses the glossary's
    rendering for its language, every other version must use the rendering for its own
    language. Matching ignores case and inflection (Верховна Рада = Верховної Ради). The
    evidence shows the rendering found and the span written instead, when one resembles it.
    """

    code, slug, category, severity = "TC701", "glossary-term", Category.GLOSSARY, Severity.WARNING
    example = """
        glossary.csv:  ru,uk,bg
                       Такаичи,Такаїчі,Такаичи
        ru: ... премьер-министра Японии Санаэ Такаичи ...
        bg: ... министър-председателя Сакае Такаити ...   <- TC701: «Такаити», expected «Такаичи»
    """

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.config.glossary:
            return
        glossary = load_glossary(ctx.config.glossary)
        reported: set[tuple[str, int]] = set()
        for finding in self._group_findings(ctx, glossary):
            reported.update((e.version, e.start) for e in finding.evidence)
            yield finding
        yield from self._version_findings(ctx, glossary, reported)

    def _group_findings(self, ctx: CheckContext, glossary: Glossary) -> Iterator[Finding]:
        """Aligned sentences where one version uses the term and another does not."""
        related = {v.id: v for v in ctx.related}
        for group in ctx.alignment.groups:
            versions = [related[vid] for vid in group.present() if vid in related]
            for entry in glossary.entries:
                usages = [_usage(ctx, group, v, entry) for v in versions if v.lang in entry.terms]
                users = [u for u in usages if u.hits]
                missing = [u for u in usages if not u.hits]
                if users and missing:
                    yield self._finding(ctx, group, entry, users, missing)

    def _version_findings(
        self, ctx: CheckContext, glossary: Glossary, reported: set[tuple[str, int]]
    ) -> Iterator[Finding]:
        """Respellings of a term that other versions render as the glossary says, wherever
        they stand (the sentence may have no counterpart in the versions that use the term)."""
        versions = [v for v in ctx.related if v.lang]
        for entry in glossary.entries:
            users = {
                v.id: hits for v in versions if v.lang in entry.terms and (hits := _hits(v, entry))
            }
            if not users:
                continue
            for v in versions:
                if v.lang not in entry.terms:
                    continue
                spans = [e for e in _respellings(v, entry) if (v.id, e.start) not in reported]
                if not spans:
                    continue
                shown = ", ".join(dict.fromkeys(f"«{e.text}»" for e in spans))
                used = ", ".join(f"«{hits[0].text}» in {vid}" for vid, hits in users.items())
                yield self.finding(
                    f"glossary term «{entry.label}»: {v.id} ({v.lang}) writes {shown}, "
                    f"the glossary has {_quoted(entry.terms[v.lang])} (used as {used})",
                    group=ctx.group_of(v.id, spans[0].sentence or 0),
                    versions=(v.id,),
                    evidence=(*spans, *(hits[0] for hits in users.values())),
                    key=f"{entry.label}|{v.lang}|respelled",
                )

    def _finding(
        self,
        ctx: CheckContext,
        group: Group,
        entry: GlossaryEntry,
        users: list[_Usage],
        missing: list[_Usage],
    ) -> Finding:
        evidence: list[Evidence] = []
        parts: list[str] = []
        for u in missing:
            found = _other_rendering(ctx, group, u.version, entry)
            if found is not None:
                evidence.append(found)
                parts.append(
                    f"{u.version.id} ({u.version.lang}) writes «{found.text}», "
                    f"the glossary has {_quoted(u.expected)}"
                )
            else:
                evidence.extend(_sentence_spans(ctx, group, u.version))
                parts.append(f"{u.version.id} ({u.version.lang}) lacks {_quoted(u.expected)}")
        for u in users:
            evidence.append(u.hits[0])
        used = ", ".join(f"«{u.hits[0].text}» in {u.version.id}" for u in users)
        return self.finding(
            f"glossary term «{entry.label}»: {'; '.join(parts)} (used as {used})",
            group=group.id,
            versions=tuple(u.version.id for u in missing),
            evidence=tuple(evidence),
            key=f"{entry.label}|{','.join(sorted(u.version.lang for u in missing))}",
        )


def _sentence_spans(ctx: CheckContext, group: Group, version: Version) -> list[Evidence]:
    return [span_evidence(version, s, 0, len(s.text)) for s in ctx.sentences(group, version.id)]

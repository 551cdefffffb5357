"""The data that flows through tcheck: versions, sentences, groups, findings, reports.

Every stage takes these frozen records and returns new ones; nothing here does I/O.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


class Category(str, enum.Enum):
    """What kind of divergence a finding is about."""

    NAME = "name"
    NUMBER = "number"
    DATE = "date"
    ATTRIBUTION = "attribution"
    OMISSION = "omission"
    ADDITION = "addition"
    UNRELATED = "unrelated"
    INCONSISTENCY = "inconsistency"
    MEANING = "meaning"
    SCRIPT = "script"
    GLOSSARY = "glossary"
    PLACEHOLDER = "placeholder"
    SUPPRESSION = "suppression"


@dataclass(frozen=True)
class MetaLine:
    """A non-body line (date line, page furniture) kept apart from the sentences."""

    text: str
    """The line's text as written (stripped of surrounding blanks)."""
    kind: str
    """``date`` for date/time lines, ``furniture`` for page chrome (ads, comment counters...)."""
    start: int
    """Character offset of ``text`` in the version's text."""
    end: int
    line: int
    """1-based line in the original file."""
    column: int
    """1-based column (Unicode code points) in the original file."""


@dataclass(frozen=True)
class Sentence:
    """One segment of a version, with its exact place in the source."""

    index: int
    """0-based position among the version's sentences."""
    text: str
    """The sentence exactly as it appears in the version's text."""
    start: int
    """Character offset in the version's text (``text == version.text[start:end]``)."""
    end: int
    line: int
    """1-based line of the first character in the original file."""
    column: int
    """1-based column (Unicode code points) of the first character."""
    paragraph: int
    """0-based paragraph index; a headline is a paragraph of its own."""
    headline: bool = False
    """True when the segment is a line without final punctuation (a title or subhead)."""
    key: str | None = None
    """The resource key whose value holds the segment (key-value resources only)."""


@dataclass(frozen=True)
class Version:
    """One language version of the text, read and segmented."""

    id: str
    """Short identifier used everywhere in reports (file stem unless given)."""
    path: str | None
    """Path as given on the command line (relative when possible), or None for in-memory text."""
    text: str
    """Decoded text: NFC, ``\\n`` newlines, no BOM. Offsets refer to this string."""
    lang: str
    """ISO 639-1 code (``ru``, ``uk``, ``bg``...)."""
    lang_confidence: float
    """0..1 confidence of the language identification (1.0 when given by the user)."""
    encoding: str
    """The encoding the bytes were decoded from."""
    sentences: tuple[Sentence, ...]
    metadata: tuple[MetaLine, ...] = ()
    format: str = "text"
    """The reader that produced it: ``text``, ``markdown``, ``html``, ``json``, ``yaml``,
    ``po`` or ``xliff``."""
    markup: str | None = None
    """The file as written when ``text`` is its prose view (same length and lines, with tags,
    code, front matter or, in plain text, suppression comments blanked out); inline
    suppression comments are read from it."""

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset in ``text``."""
        line = self.text.count("\n", 0, offset) + 1
        line_start = self.text.rfind("\n", 0, offset) + 1
        return line, offset - line_start + 1


@dataclass(frozen=True)
class Group:
    """Sentences of several versions that say the same thing."""

    id: int
    """0-based position of the group in reading order."""
    members: Mapping[str, tuple[int, ...]]
    """Version id -> sentence indices (empty tuple when the version lacks this content)."""
    moved: bool = False
    """True when at least one version has this content at a distant position."""
    score: float = 0.0
    """Mean similarity of the members (0..1); 0 for single-version groups."""
    key: str | None = None
    """The resource key the group stands for when versions are aligned by key."""

    def present(self) -> tuple[str, ...]:
        """Ids of the versions that have content in this group."""
        return tuple(v for v, idx in self.members.items() if idx)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "members": {v: list(idx) for v, idx in self.members.items()},
            "moved": self.moved,
            "score": round(self.score, 4),
        }
        if self.key is not None:
            out["key"] = self.key
        return out


@dataclass(frozen=True)
class Alignment:
    """Versions put into correspondence group by group."""

    versions: tuple[Version, ...]
    groups: tuple[Group, ...]
    unrelated: tuple[str, ...] = ()
    """Ids of versions whose content does not match the others (kept out of groups)."""
    coverage: Mapping[str, float] = field(default_factory=dict)
    """Version id -> share of its sentences aligned with at least one other version."""
    backbone: str = "lexical"
    """What scored sentence similarity: ``lexical`` or ``mt:<model id>``."""
    pivot: str | None = None
    """Language the MT backbone translated every version into (None without MT)."""
    translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Version id -> pivot-language translation of each of its sentences (MT backbones only)."""

    def version(self, version_id: str) -> Version:
        for v in self.versions:
            if v.id == version_id:
                return v
        raise KeyError(version_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "tcheck.alignment/1",
            "backbone": self.backbone,
            "pivot": self.pivot,
            "versions": [_version_dict(v, self) for v in self.versions],
            "groups": [g.to_dict() for g in self.groups],
            "unrelated": list(self.unrelated),
        }


def _version_dict(v: Version, alignment: Alignment) -> dict[str, Any]:
    grouped = sum(
        len(idx) for g in alignment.groups for vid, idx in g.members.items() if vid == v.id
    )
    translated = alignment.translations.get(v.id, ())
    return {
        "id": v.id,
        "path": v.path,
        "lang": v.lang,
        "lang_confidence": round(v.lang_confidence, 3),
        "encoding": v.encoding,
        "format": v.format,
        "sentences_read": len(v.sentences),
        "sentences_grouped": grouped,
        "coverage": round(alignment.coverage.get(v.id, 0.0), 4),
        "unrelated": v.id in alignment.unrelated,
        "segments": [
            {
                "index": s.index,
                "text": s.text,
                "line": s.line,
                "column": s.column,
                "paragraph": s.paragraph,
                "headline": s.headline,
                **({"key": s.key} if s.key is not None else {}),
                **({"translation": translated[s.index]} if translated else {}),
            }
            for s in v.sentences
        ],
        "metadata": [
            {"text": m.text, "kind": m.kind, "line": m.line, "column": m.column} for m in v.metadata
        ],
    }


@dataclass(frozen=True)
class Evidence:
    """The exact span in one version that a finding points at."""

    version: str
    """Version id."""
    text: str
    """The span exactly as written in that version."""
    line: int
    """1-based line in the version's file."""
    column: int
    """1-based column (code points) of the span's first character."""
    sentence: int | None
    """Index of the sentence holding the span (None for version-level evidence)."""
    start: int = 0
    """Character offset of the span in the version's text."""
    end: int = 0

    @property
    def end_column(self) -> int:
        """1-based column just past the span's last character on its first line."""
        first_line = self.text.split("\n", 1)[0]
        return self.column + len(first_line)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "text": self.text,
            "line": self.line,
            "column": self.column,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Finding:
    """One divergence between versions, with the spans that show it."""

    code: str
    """Stable rule code, e.g. ``TC201``."""
    slug: str
    """Readable rule name, e.g. ``name-spelling``."""
    category: Category
    severity: Severity
    message: str
    group: int | None
    """Id of the alignment group (None for version-level findings)."""
    versions: tuple[str, ...]
    """The odd one(s) out: versions the finding is about."""
    evidence: tuple[Evidence, ...]
    key: str = ""
    """What diverges, independent of positions (e.g. the name key); feeds the fingerprint."""

    @property
    def fingerprint(self) -> str:
        """Stable id that survives unrelated edits: code, versions, key and evidence texts."""
        parts = [self.code, ",".join(sorted(self.versions)), self.key]
        parts += sorted(f"{e.version}:{' '.join(e.text.split())}" for e in self.evidence)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "slug": self.slug,
            "category": self.category.value,
            "severity": self.severity.label,
            "message": self.message,
            "group": self.group,
            "versions": list(self.versions),
            "evidence": [e.to_dict() for e in self.evidence],
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True)
class Report:
    """Everything a formatter needs: the alignment and the findings."""

    alignment: Alignment
    findings: tuple[Finding, ...]
    suppressed: int = 0
    """How many findings a baseline or inline comment removed."""

    def counts(self) -> dict[Severity, int]:
        out = dict.fromkeys(Severity, 0)
        for f in self.findings:
            out[f.severity] += 1
        return out

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts()
        al = self.alignment.to_dict()
        return {
            "schema": "tcheck.report/1",
            "backbone": self.alignment.backbone,
            "pivot": al["pivot"],
            "versions": al["versions"],
            "groups": al["groups"],
            "unrelated": al["unrelated"],
            "findings": [f.to_dict() for f in self.findings],
            "summary": {
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "info": counts[Severity.INFO],
                "suppressed": self.suppressed,
            },
        }

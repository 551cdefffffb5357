"""What checks read: the alignment, per-sentence extractions (computed once) and the config."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tcheck.config import Config
from tcheck.extract import Extraction, extract
from tcheck.model import Alignment, Evidence, Group, Sentence, Version


@dataclass(frozen=True)
class Located:
    """An extracted item together with the version and sentence it came from."""

    version: str
    sentence: Sentence
    item: object
    """The mention (NameMention, NumberMention...): has ``text``, ``start``, ``end``."""


@dataclass
class CheckContext:
    """Shared, read-only input of every check (the extraction cache is filled lazily)."""

    alignment: Alignment
    config: Config
    _cache: dict[tuple[str, int], Extraction] = field(default_factory=dict)

    @property
    def related(self) -> tuple[Version, ...]:
        return tuple(v for v in self.alignment.versions if v.id not in self.alignment.unrelated)

    def extraction(self, version: Version, index: int) -> Extraction:
        key = (version.id, index)
        if key not in self._cache:
            self._cache[key] = extract(version.sentences[index].text, version.lang)
        return self._cache[key]

    def version(self, vid: str) -> Version:
        return self.alignment.version(vid)

    def sentences(self, group: Group, vid: str) -> Iterator[Sentence]:
        version = self.version(vid)
        for i in group.members.get(vid, ()):
            yield version.sentences[i]

    def group_items(self, group: Group, vid: str, kind: str) -> list[Located]:
        """Mentions of one kind (``names``, ``numbers``, ``dates``, ``sources``) in a group."""
        version = self.version(vid)
        out = []
        for i in group.members.get(vid, ()):
            for item in getattr(self.extraction(version, i), kind):
                out.append(Located(vid, version.sentences[i], item))
        return out

    def version_items(self, vid: str, kind: str) -> list[Located]:
        version = self.version(vid)
        return [
            Located(vid, s, item)
            for s in version.sentences
            for item in getattr(self.extraction(version, s.index), kind)
        ]

    def group_of(self, vid: str, sentence: int) -> int | None:
        for g in self.alignment.groups:
            if sentence in g.members.get(vid, ()):
                return g.id
        return None


def span_evidence(version: Version, sentence: Sentence, start: int, end: int) -> Evidence:
    """Evidence for ``sentence.text[start:end]`` with its line and column in the file."""
    offset = sentence.start + start
    line, column = _position(version, sentence, offset)
    return Evidence(
        version=version.id,
        text=sentence.text[start:end],
        line=line,
        column=column,
        sentence=sentence.index,
        start=offset,
        end=sentence.start + end,
    )


def sentence_evidence(version: Version, sentence: Sentence) -> Evidence:
    return span_evidence(version, sentence, 0, len(sentence.text))


def located_evidence(ctx: CheckContext, loc: Located) -> Evidence:
    item = loc.item
    return span_evidence(ctx.version(loc.version), loc.sentence, item.start, item.end)  # type: ignore[attr-defined]


def _position(version: Version, sentence: Sentence, offset: int) -> tuple[int, int]:
    """Line/column of an offset inside a sentence, relative to the sentence's known position."""
    before = version.text[sentence.start : offset]
    newlines = before.count("\n")
    if newlines == 0:
        return sentence.line, sentence.column + len(before)
    return sentence.line + newlines, len(before) - before.rfind("\n")

"""The records the extractor returns: what a sentence says that a translation must keep."""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class NameMention:
    """A proper name: person, place, organisation, medium, product (Cyrillic or Latin)."""

    text: str
    """The span exactly as written ("Санаэ Такаичи", "Kyodo News", "Зеленського")."""
    start: int
    """Offset of ``text`` in the sentence."""
    end: int
    key: str
    """Cross-language key: equal for inflectional and legitimate cross-language variants."""
    strict_key: str
    """Within-one-language key: inflection-insensitive, spelling-sensitive."""
    tokens: tuple[str, ...]
    """Per-token cross-language keys (given name, surname...)."""
    latin: bool
    """Written in Latin script."""


@dataclass(frozen=True)
class NumberMention:
    """A quantity, with its magnitude applied."""

    text: str
    start: int
    end: int
    value: float
    """"1,2 млрд" -> 1.2e9, "пять" -> 5, "7,4 %" -> 7.4."""
    unit: str | None
    """"%", "pp" (percentage points), an ISO 4217 code, or None."""
    ordinal: bool
    approx: bool
    """Hedged with "около", "близько", "към", "about", "~"..."""
    in_range: bool = False
    """One end of a range ("5–7"): each end is its own mention."""
    spelled: bool = False
    """Written in words ("пять", "одна"); a lone "один/един/one" is often an article or
    "one of" that translations drop, so checks may weigh it lower."""
    measure: str | None = None
    """Unit of measure written after it ("km", "mi", "F"; see :mod:`tcheck.extract.measures`)."""
    alternatives: tuple[float, ...] = ()
    """Other values the digits may stand for, magnitude applied: "1,250" is 1.25 where the
    comma marks a decimal and 1250 where it groups thousands, as in English. Another version
    agrees with the mention when it gives ``value`` or any of these."""

    @property
    def readings(self) -> tuple[float, ...]:
        """``value`` first, then the ``alternatives``."""
        return (self.value, *self.alternatives)

    @property
    def weak(self) -> bool:
        """A lone spelled "one"/"two" (един, одна, both): translations drop or add these."""
        return self.spelled and self.value <= 2 and self.unit is None


@dataclass(frozen=True)
class DateMention:
    """A calendar date or part of one; parts that the text does not give are None."""

    text: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True)
class SourceMention:
    """Who said or published the sentence's content."""

    text: str
    """The attribution phrase, cue included ("в интервью Kyodo News")."""
    start: int
    end: int
    key: str
    """Name key of the source ("kiod nevs", "telehram"); for an unnamed source ("по данным
    ведомства") the key of the words that describe it; "" when there is none."""
    kind: str
    """"interview" | "wrote" | "reported" | "said" | "according"."""
    quoted: bool
    """The sentence carries a direct quotation of this source."""
    also: tuple[str, ...] = ()
    """Keys of further names in the same attribution ("афілійованого CBS телеканалу WAFB"):
    a version naming any of them agrees with this one."""
    named: bool = True
    """The source is a name or a platform, not a description in the language's own words
    (only named sources can be compared across languages)."""


class NameRelation(enum.Enum):
    """How two name mentions relate across (or within) language versions."""

    SAME = "same"
    """Keys agree (a shorter mention whose tokens all match counts too)."""
    ORTHOGRAPHY = "orthography"
    """Vowel or orthography drift beyond the known conventions: worth an info."""
    CONSONANT = "consonant"
    """The same entity with a consonant changed (Санаэ vs Сакае): an error."""
    DIFFERENT = "different"
    """Another entity."""


@dataclass(frozen=True)
class Extraction:
    """Everything checkable found in one sentence."""

    names: tuple[NameMention, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    sources: tuple[SourceMention, ...] = ()

    @property
    def name_keys(self) -> frozenset[str]:
        return frozenset(n.key for n in self.names)

    @property
    def number_values(self) -> tuple[float, ...]:
        """Sorted values of the firm (not ``weak``) numbers, to compare across versions."""
        return tuple(sorted(n.value for n in self.numbers if not n.weak))

    @property
    def date_values(self) -> tuple[tuple[int | None, int | None, int | None], ...]:
        return tuple(sorted(((d.year, d.month, d.day) for d in self.dates), key=str))

    @property
    def is_empty(self) -> bool:
        return not (self.names or self.numbers or self.dates or self.sources)

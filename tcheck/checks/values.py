"""Numbers and dates: the same quantities and dates must appear in every version of a group.

A value that some versions of a group have and others lack is often the alignment's doing,
not the translation's: the lacking version split or merged the sentence differently and has the
value in a neighbouring group. Before a value is reported missing, the lacking versions' nearest
groups on either side are searched for it; so is the other kind of mention, since a year written
without a cue ("Лондон 2012") is read as a number while "2012 г." is a date.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import replace

from tcheck.checks.base import Check
from tcheck.checks.consensus import Divergence, compare_values
from tcheck.checks.context import CheckContext, Located, located_evidence
from tcheck.extract import DateMention, NumberMention
from tcheck.extract.measures import (
    METRIC,
    PAIRED_TOLERANCE,
    RELATIVE_TOLERANCE,
    same_quantity,
)
from tcheck.extract.numbers import CENTURY, clock_hours
from tcheck.model import Category, Finding, Group, Severity

_YEARS = range(1800, 2101)


def _value_key(value: float) -> float:
    """A number's value rounded so that two spellings of it compare equal."""
    return float(f"{value:.9g}")


def _number_key(n: NumberMention) -> Hashable | None:
    # A lone spelled "one"/"two" is usually "one of" or an article that translations drop;
    # with a unit of measure ("двох миль", "полутора километрах") it is a quantity.
    if n.weak and n.measure is None:
        return None
    value = _value_key(n.value)
    # a century is compared only with centuries: "XX век" is not "20 человек"
    return (value, CENTURY) if n.measure == CENTURY else value


def _number_values(ctx: CheckContext, group: Group) -> dict[str, list[tuple[Hashable, Located]]]:
    out: dict[str, list[tuple[Hashable, Located]]] = {}
    weak: dict[str, list[Located]] = {}
    for vid in group.present():
        items = []
        for loc in ctx.group_items(group, vid, "numbers"):
            key = _number_key(loc.item)  # type: ignore[arg-type]
            if key is not None:
                items.append((key, loc))
            else:
                weak.setdefault(vid, []).append(loc)
        out[vid] = items
    # A lone spelled "two" raises nothing, but it answers a "2" another version gives in
    # digits ("двама души" for "2 человека")
    firm = {key for items in out.values() for key, _ in items}
    for vid, locs in weak.items():
        for loc in locs:
            key = _value_key(loc.item.value)  # type: ignore[attr-defined]
            if key in firm and key not in {k for k, _ in out[vid]}:
                out[vid].append((key, loc))
    _choose_readings(out)
    _convert_measures(out)
    return out


def _choose_readings(values: dict[str, list[tuple[Hashable, Located]]]) -> None:
    """Read each ambiguous mention ("1,250": 1.25 or 1250) the way most other versions give
    it, so that mk "1,250 долари" agrees with ru "1 250 долларов"; where no other reading is
    given by more versions than its value, the mention keeps its value. A version gives a
    number when one of its mentions has it as value or alternative."""
    given = {
        vid: {key for key, _ in items}
        | {_value_key(a) for _, loc in items for a in loc.item.alternatives}  # type: ignore[attr-defined]
        for vid, items in values.items()
    }
    for vid, items in values.items():
        for i, (_, loc) in enumerate(items):
            n: NumberMention = loc.item  # type: ignore[assignment]
            if not n.alternatives:
                continue
            support = [
                sum(_value_key(r) in given[other] for other in values if other != vid)
                for r in n.readings
            ]
            best = support.index(max(support))
            if best:
                chosen = n.readings[best]
                rest = tuple(r for r in n.readings if r != chosen)
                item = replace(n, value=chosen, alternatives=rest)
                items[i] = (_value_key(chosen), replace(loc, item=item))


def _unit_values(ctx: CheckContext, group: Group) -> dict[str, list[tuple[Hashable, Located]]]:
    """(value, unit) of the numbers whose value at least two versions give with a currency or
    percent sign: the value agrees, so a different unit is a different quantity."""
    with_unit = {
        vid: [(key, loc) for key, loc in items if loc.item.unit is not None]  # type: ignore[attr-defined]
        for vid, items in _number_values(ctx, group).items()
    }
    holders: dict[Hashable, set[str]] = {}
    for vid, items in with_unit.items():
        for key, _ in items:
            holders.setdefault(key, set()).add(vid)
    shared = {key for key, vids in holders.items() if len(vids) >= 2}
    return {
        vid: [((key, loc.item.unit), loc) for key, loc in items if key in shared]  # type: ignore[attr-defined]
        for vid, items in with_unit.items()
    }


def _convert_measures(values: dict[str, list[tuple[Hashable, Located]]]) -> None:
    """Give a converted value the key of the original in another version ("620 км" takes the
    key of "385 мили"), so a localised unit is not a different number, and two roundings of
    one conversion ("8 см", "7,6 см" for "3 инча") agree. The non-metric unit is the original."""

    def rank(n: NumberMention) -> tuple[bool, str, float]:
        # Fahrenheit degrees outnumber Celsius ones, so among plain degrees the larger leads
        return (n.measure in METRIC, n.measure or "", -n.value)

    original = {vid: [k for k, _ in items] for vid, items in values.items()}
    for vid, items in values.items():
        for i, (key, loc) in enumerate(items):
            n: NumberMention = loc.item  # type: ignore[assignment]
            if n.measure is None:
                continue
            # the original leads: of "198 см" and "6 фута и 6 инча", "двухметровый" takes feet
            best = min(
                (
                    (rank(o.item), str(k), k)  # type: ignore[arg-type]
                    for other, other_items in values.items()
                    # a version that gives both ("800 км/ч (497 миль/ч)") pairs its own
                    if other != vid and key not in original[other]
                    for k, (_, o) in zip(original[other], other_items, strict=True)
                    if o.item.measure is not None  # type: ignore[attr-defined]
                    and rank(o.item) < rank(n)  # type: ignore[arg-type]
                    and same_quantity(n.value, n.measure, o.item.value, o.item.measure)  # type: ignore[attr-defined]
                ),
                default=None,
            )
            if best is not None:
                items[i] = (best[2], loc)
    _round_hedged(values)
    # A version that gives a quantity in both units ("300 км (190 миль)") says it once: the
    # non-metric one takes the key of its metric partner, as a version with only one would.
    for items in values.values():
        for i, (_, loc) in enumerate(items):
            n = loc.item
            if n.measure is None or n.measure in METRIC:
                continue
            partner = next(
                (
                    k
                    for k, o in items
                    if o.item.measure in METRIC  # type: ignore[attr-defined]
                    and same_quantity(
                        n.value,
                        n.measure,
                        o.item.value,  # type: ignore[attr-defined]
                        o.item.measure,  # type: ignore[attr-defined]
                        PAIRED_TOLERANCE,
                    )
                ),
                None,
            )
            if partner is not None:
                items[i] = (partner, loc)


def _round_hedged(values: dict[str, list[tuple[Hashable, Located]]]) -> None:
    """A hedged measure agrees with one in the same unit that rounds the same quantity
    otherwise ("приблизно 1,6 км" ~ "в полутора километрах", both for "about a mile")."""
    for vid, items in values.items():
        for i, (key, loc) in enumerate(items):
            n: NumberMention = loc.item  # type: ignore[assignment]
            if n.measure is None or not n.approx:
                continue
            own = {k for k, _ in items}
            match = next(
                (
                    k
                    for other, other_items in values.items()
                    if other != vid and key not in {k for k, _ in other_items}
                    for k, o in other_items
                    if k not in own and _rounds_alike(n, o.item, other < vid)  # type: ignore[arg-type]
                ),
                None,
            )
            if match is not None:
                items[i] = (match, loc)


def _rounds_alike(n: NumberMention, o: NumberMention, o_leads: bool) -> bool:
    """``n`` (hedged) and ``o`` are one measure in one unit, rounded apart; of two hedged
    ones ``o`` gives its value only where it leads."""
    if o.measure != n.measure or (o.approx and not o_leads):
        return False
    return abs(n.value - o.value) <= RELATIVE_TOLERANCE * max(abs(n.value), abs(o.value))


def _date_values(ctx: CheckContext, group: Group) -> dict[str, list[tuple[Hashable, Located]]]:
    """Dates keyed by the fullest compatible date in the group ("червні 2023" ~ "юни 2023 г.")."""
    raw = {vid: ctx.group_items(group, vid, "dates") for vid in group.present()}
    keys = {
        (d.item.year, d.item.month, d.item.day)  # type: ignore[attr-defined]
        for items in raw.values()
        for d in items
    }
    reps = sorted(keys, key=lambda k: (-sum(x is not None for x in k), str(k)))

    def rep(key: tuple) -> tuple:
        for r in reps:
            if all(a is None or a == b for a, b in zip(key, r, strict=True)):
                return r
        return key

    return {
        vid: [(rep((d.item.year, d.item.month, d.item.day)), d) for d in items]  # type: ignore[attr-defined]
        for vid, items in raw.items()
    }


def _year_numbers(ctx: CheckContext, group: Group, vid: str) -> list[Hashable]:
    """Bare numbers that could be years ("Кубок Райдера 2018"), as year-only date keys."""
    out: list[Hashable] = []
    for loc in ctx.group_items(group, vid, "numbers"):
        n: NumberMention = loc.item  # type: ignore[assignment]
        if n.unit is None and not n.ordinal and n.value.is_integer() and int(n.value) in _YEARS:
            out.append((int(n.value), None, None))
    return out


# Digits glued to a word by a hyphen are part of a name ("Северный поток-2", "Су-27"); another
# version may write the same name with a space ("Північний потік 2"), where they read as a number.
_NAME_DIGITS = re.compile(r"(?<=[^\W\d_][-‐])\d+(?![\d,.]\d)")


def _date_years(ctx: CheckContext, group: Group, vid: str) -> list[Hashable]:
    """Years of the dates in a group, digits inside names and the hours of clock times
    ("04:00" for "4 часов утра", "14:00" for "2 часа дня"), as number keys."""
    out: list[Hashable] = []
    for s in ctx.sentences(group, vid):
        out += [float(m.group()) for m in _NAME_DIGITS.finditer(s.text)]
        out += [float(h) for h in clock_hours(s.text)]
    for loc in ctx.group_items(group, vid, "dates"):
        d: DateMention = loc.item  # type: ignore[assignment]
        if d.year is not None:
            out.append(float(d.year))
    return out


def _date_covers(wanted: Hashable, key: Hashable) -> bool:
    """``key`` gives every part of the (year, month, day) ``wanted`` gives, and the same:
    "20 июня" stands for "июнь" but "июнь" does not stand for "20 июня"."""
    pairs = list(zip(wanted, key, strict=True))  # type: ignore[call-overload]
    return any(w is not None for w, _ in pairs) and all(w is None or w == k for w, k in pairs)


def _fmt_number(value: Hashable | None) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, tuple):  # (20.0, "century")
        return f"{_fmt_number(value[0])} ({value[1]})"
    v = float(value)  # type: ignore[arg-type]
    return f"{int(v):,}".replace(",", " ") if v.is_integer() else f"{v:g}"


def _fmt_date(value: Hashable | None) -> str:
    if value is None:
        return "nothing"
    year, month, day = value  # type: ignore[misc]
    parts = [
        f"{year:04d}" if year else "????",
        f"{month:02d}" if month else "??",
        f"{day:02d}" if day else "??",
    ]
    return "-".join(parts)


class _ValueCheck(Check):
    kind: str = "mismatch"
    noun: str = ""

    def values(self, ctx: CheckContext, group: Group):  # pragma: no cover - abstract
        raise NotImplementedError

    def fmt(self, value: Hashable | None) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def same(self, wanted: Hashable, key: Hashable) -> bool:
        return wanted == key

    def other_kind(self, ctx: CheckContext, group: Group, vid: str) -> list[Hashable]:
        """This check's keys for the other kind of mention that may stand for a value: a year
        read as a date in one version and as a bare number in another."""
        return []

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        groups = ctx.alignment.groups
        for pos, group in enumerate(groups):
            if len(group.present()) < 2:
                continue
            values = self.values(ctx, group)
            for d in compare_values(values):
                if d.kind != self.kind:
                    continue
                if d.kind == "missing":
                    d = self._unexplained(ctx, groups, pos, values, d)
                    if d is None:
                        continue
                yield self._finding(ctx, group, d)

    def _unexplained(
        self,
        ctx: CheckContext,
        groups: Sequence[Group],
        pos: int,
        values: dict[str, list[tuple[Hashable, Located]]],
        d: Divergence,
    ) -> Divergence | None:
        """``d`` less the lacking versions that have the value next door; None if none is left."""
        wanted = d.expected if d.expected is not None else d.found
        lacking = [
            vid
            for vid, items in values.items()
            if not any(self.same(wanted, key) for key, _ in items)
        ]
        unexplained = [v for v in lacking if not self._found_near(ctx, groups, pos, v, wanted)]
        if not unexplained:
            return None
        if d.expected is not None and set(d.odd) <= set(lacking):
            odd = tuple(v for v in d.odd if v in unexplained)
            return replace(d, odd=odd) if odd else None
        return d

    def _found_near(
        self, ctx: CheckContext, groups: Sequence[Group], pos: int, vid: str, wanted: Hashable
    ) -> bool:
        keys: list[Hashable] = []
        other = self.other_kind(ctx, groups[pos], vid)
        for step in (-1, 1):
            near = self._nearest_with(groups, pos, step, vid)
            if near is not None:
                keys += [k for k, _ in self.values(ctx, near).get(vid, [])]
                other += self.other_kind(ctx, near, vid)
        return any(self.same(wanted, k) for k in keys) or wanted in other

    @staticmethod
    def _nearest_with(groups: Sequence[Group], pos: int, step: int, vid: str) -> Group | None:
        """The next group in direction ``step`` where ``vid`` has sentences."""
        i = pos + step
        while 0 <= i < len(groups):
            if groups[i].members.get(vid):
                return groups[i]
            i += step
        return None

    def _finding(self, ctx: CheckContext, group: Group, d: Divergence) -> Finding:
        odd = ", ".join(d.odd)
        spans = {loc.version: loc.item.text for loc in d.evidence}  # type: ignore[attr-defined]
        shown = "; ".join(f"{v}: {t}" for v, t in sorted(spans.items()))
        if d.tie and d.kind == "mismatch":
            msg = f"{self.noun} differs between {odd} ({shown})"
        elif d.tie:
            lacking = ", ".join(v for v in d.odd if v not in spans)
            msg = f"{self.noun} {self.fmt(d.expected)} is in {', '.join(sorted(spans))}, not in {lacking}"
        elif d.kind == "mismatch":
            msg = (
                f"{self.noun} differs: {self.fmt(d.found)} in {odd} vs "
                f"{self.fmt(d.expected)} ({shown})"
            )
        elif d.expected is not None:
            msg = f"{self.noun} {self.fmt(d.expected)} is missing in {odd}"
        else:
            msg = f"{self.noun} {self.fmt(d.found)} appears only in {odd}"
        return self.finding(
            msg,
            group=group.id,
            versions=d.odd,
            evidence=tuple(located_evidence(ctx, loc) for loc in d.evidence),
            key=f"{self.fmt(d.expected)}|{self.fmt(d.found)}",
        )


class NumberMismatch(_ValueCheck):
    """A number has a different value in some versions of the same passage.

    Numbers are compared by value: separators, decimal commas, magnitude words (тыс., млн,
    млрд, хиляди) and number words ("пять" = 5) are normalised first, so "1,2 млрд" and
    "1.2 billion" agree while "1,2 млрд" and "1,2 млн" do not.
    """

    code, slug, category, severity = "TC301", "number-mismatch", Category.NUMBER, Severity.ERROR
    noun = "number"
    example = """
        ru: Потери составили 1,2 млрд долларов.
        uk: Втрати склали 1,2 млн доларів.      <- TC301: 1 200 000 vs 1 200 000 000
    """

    def values(self, ctx, group):
        return _number_values(ctx, group)

    def fmt(self, value):
        return _fmt_number(value)

    def other_kind(self, ctx, group, vid):
        return _date_years(ctx, group, vid)


class NumberMissing(NumberMismatch):
    """A number appears in some versions of a passage and not in the others."""

    code, slug, severity = "TC302", "number-missing", Severity.WARNING
    kind = "missing"
    example = """
        ru: Около 10 тысяч солдат находятся в России.
        uk: Солдати перебувають у Росії.         <- TC302: 10 000 missing
    """


class UnitMismatch(_ValueCheck):
    """The same amount is in a different currency, or in percent against percentage points.

    Only amounts whose value agrees are compared, and only where the versions give a unit: a
    version that leaves the currency implicit says nothing against the others.
    """

    code, slug, category, severity = "TC303", "unit-mismatch", Category.NUMBER, Severity.ERROR
    noun = "unit"
    example = """
        ru: Ущерб составил 1,2 млрд долларов.
        bg: Щетите възлизат на 1,2 млрд. евро.   <- TC303: 1 200 000 000 EUR vs USD
    """

    def values(self, ctx, group):
        return _unit_values(ctx, group)

    def fmt(self, value):
        if value is None:
            return "nothing"
        amount, unit = value
        return f"{_fmt_number(amount)} {unit}"


class DateMismatch(_ValueCheck):
    """A date differs between versions of the same passage (day, month or year).

    Dates are compared by value in every case form ("20 февраля", "20 лютого", "20 февруари",
    "у червні 2023" = "през юни 2023 г."); a date that gives fewer parts agrees with a fuller
    one when the parts it gives are equal.
    """

    code, slug, category, severity = "TC401", "date-mismatch", Category.DATE, Severity.ERROR
    noun = "date"
    example = """
        ru: 18 февраля парламент утвердил ...
        uk: 19 лютого парламент затвердив ...   <- TC401: 02-18 vs 02-19
    """

    def values(self, ctx, group):
        return _date_values(ctx, group)

    def fmt(self, value):
        return _fmt_date(value)

    def same(self, wanted, key):
        return _date_covers(wanted, key)

    def other_kind(self, ctx, group, vid):
        return _year_numbers(ctx, group, vid)


class DateMissing(DateMismatch):
    """A date appears in some versions of a passage and not in the others."""

    code, slug, severity = "TC402", "date-missing", Severity.WARNING
    kind = "missing"
    example = """
        uk: У червні 2023 року з'явилася інформація ...
        bg: Появи се информация ...             <- TC402: 2023-06 missing
    """

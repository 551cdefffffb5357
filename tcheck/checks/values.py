"""Numbers and dates: the same quantities and dates must appear in every version of a group."""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from tcheck.checks.base import Check
from tcheck.checks.consensus import Divergence, compare_values
from tcheck.checks.context import CheckContext, Located, located_evidence
from tcheck.extract import NumberMention
from tcheck.model import Category, Finding, Group, Severity


def _number_key(n: NumberMention) -> Hashable | None:
    # A lone spelled "one"/"two" is usually "one of" or an article that translations drop.
    if n.weak:
        return None
    return float(f"{n.value:.9g}")


def _number_values(ctx: CheckContext, group: Group) -> dict[str, list[tuple[Hashable, Located]]]:
    out: dict[str, list[tuple[Hashable, Located]]] = {}
    for vid in group.present():
        items = []
        for loc in ctx.group_items(group, vid, "numbers"):
            key = _number_key(loc.item)  # type: ignore[arg-type]
            if key is not None:
                items.append((key, loc))
        out[vid] = items
    return out


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


def _fmt_number(value: Hashable | None) -> str:
    if value is None:
        return "nothing"
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

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for group in ctx.alignment.groups:
            if len(group.present()) < 2:
                continue
            for d in compare_values(self.values(ctx, group)):
                if d.kind == self.kind:
                    yield self._finding(ctx, group, d)

    def _finding(self, ctx: CheckContext, group: Group, d: Divergence) -> Finding:
        odd = ", ".join(d.odd)
        if d.kind == "mismatch":
            spans = {loc.version: loc.item.text for loc in d.evidence}  # type: ignore[attr-defined]
            shown = "; ".join(f"{v}: {t}" for v, t in sorted(spans.items()))
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


class NumberMissing(NumberMismatch):
    """A number appears in some versions of a passage and not in the others."""

    code, slug, severity = "TC302", "number-missing", Severity.WARNING
    kind = "missing"
    example = """
        ru: Около 10 тысяч солдат находятся в России.
        uk: Солдати перебувають у Росії.         <- TC302: 10 000 missing
    """


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


class DateMissing(DateMismatch):
    """A date appears in some versions of a passage and not in the others."""

    code, slug, severity = "TC402", "date-missing", Severity.WARNING
    kind = "missing"
    example = """
        uk: У червні 2023 року з'явилася інформація ...
        bg: Появи се информация ...             <- TC402: 2023-06 missing
    """

"""Units of measure after a number, so that a converted quantity agrees with its original.

Translators localise measurements: "385 miles" becomes "620 км", "2 to 3 inches" "5–8 см",
"85 °F" "29 °C". Each unit here has a dimension and its size in that dimension's base unit;
:func:`same_quantity` says whether two measured values are one quantity written in two units,
allowing for the rounding a translator does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    code: str
    dimension: str
    factor: float
    """Size in the dimension's base unit (metre, kilogram, litre, square metre, degree C)."""
    offset: float = 0.0
    """Added after scaling (temperatures): base = value * factor + offset."""


# Patterns follow the number, after a space, a no-break space or a hyphen ("249-кілограмовий").
# Each is anchored at a word end, so "мили" does not match "милиона" and "фут" not "футбол".
_UNITS: tuple[tuple[str, Unit], ...] = (
    (r"км|km|kilomet\w*|километ\w*|кілометр\w*|kilometre\w*", Unit("km", "length", 1000.0)),
    (r"см|cm|сантиметр\w*|centimet\w*", Unit("cm", "length", 0.01)),
    (r"мм|mm|миллиметр\w*|міліметр\w*|милиметр\w*", Unit("mm", "length", 0.001)),
    (r"м|m|метр(?:а|ов|ів|и|ах|ами|ови|ове)?|met(?:er|re)s?", Unit("m", "length", 1.0)),
    (r"мил(?:я|и|ь|і|ях|ями|ю)|miles?|mi", Unit("mi", "length", 1609.344)),
    (
        r"фут(?:а|ов|ів|и|ах|ови|ове|ова|ово|овата|овото)?|feet|foot|ft|′",
        Unit("ft", "length", 0.3048),
    ),
    (r"дюйм\w*|инч(?:а|ове)?|inch(?:es)?|in\.|″", Unit("in", "length", 0.0254)),
    (r"ярд\w*|yards?", Unit("yd", "length", 0.9144)),
    (r"кг|kg|килограм\w*|кілограм\w*|kilogram\w*", Unit("kg", "mass", 1.0)),
    (r"тонн\w*|тон(?:а|и|ове)?|tonnes?|tons?", Unit("t", "mass", 1000.0)),
    (r"фунт\w*|pounds?|lbs?", Unit("lb", "mass", 0.45359237)),
    (r"литр\w*|літр\w*|л|l|litres?|liters?", Unit("l", "volume", 1.0)),
    (r"галлон\w*|галон\w*|gallons?", Unit("gal", "volume", 3.785411784)),
    (r"гектар\w*|га|ha|hectares?", Unit("ha", "area", 10_000.0)),
    (r"акр\w*|acres?", Unit("acre", "area", 4046.8564224)),
    (
        r"°\s?[FФ]|(?:градус\w* (?:по |за )?)?фаренгейт\w*|(?:градус\w* (?:по |за )?)?фаренхайт\w*"
        r"|(?:degrees? )?fahrenheit",
        Unit("F", "temperature", 5 / 9, -32 * 5 / 9),
    ),
    (
        r"°\s?[CС]|(?:градус\w* (?:по |за )?)?(?:цельси|цельсі|целзи)\w*|(?:degrees? )?celsius",
        Unit("C", "temperature", 1.0),
    ),
    # degrees with no scale: Celsius in one version, Fahrenheit in another ("80 градуса")
    (r"градус\w*|degrees?|°", Unit("deg", "temperature", 1.0)),
)
_AFTER = re.compile(
    r"(?:[\s\u00a0\u202f]|-)?(?:"
    + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNITS))
    + r")(?:(?<=[′″])|(?!\w))",  # "6′6″": feet and inches run on
    re.IGNORECASE,
)

RELATIVE_TOLERANCE = 0.08
"""Rounding allowed between a value and its conversion (3 inches = 7.6 cm, written "8 см")."""
PAIRED_TOLERANCE = 0.15
"""Rounding allowed between a value and the conversion its own sentence gives beside it:
writers round those loosely ("six meters (18 feet)")."""
TEMPERATURE_TOLERANCE = 1.5
"""Degrees Celsius allowed between a temperature and its conversion."""


def measure_after(text: str, end: int) -> tuple[str, int] | None:
    """The code of the unit of measure right after position ``end`` (``"km"``) and where the
    unit ends, or None."""
    m = _AFTER.match(text, end)
    if m is None or m.lastgroup is None:
        return None
    return _UNITS[int(m.lastgroup[1:])][1].code, m.end()


_BY_CODE = {u.code: u for _, u in _UNITS}
_PARTS = {("m", "cm"): 100, ("km", "m"): 1000, ("ft", "in"): 12}
"""A unit and the smaller one a height or distance goes on in: "1 м 82 см", "6 футів 6 дюймів"."""


def add_part(value: float, unit: str, part: float, part_unit: str) -> float | None:
    """``value`` ``unit`` and ``part`` ``part_unit`` as one value in ``unit`` ("1 м 82 см" ->
    1.82), or None when the second is not a smaller part of the first."""
    per = _PARTS.get((unit, part_unit))
    if per is None or not 0 <= part < per:
        return None
    return value + part / per


METRIC = frozenset({"km", "cm", "mm", "m", "kg", "t", "l", "ha", "C"})


def same_quantity(
    value: float,
    unit: str,
    other: float,
    other_unit: str,
    tolerance: float = RELATIVE_TOLERANCE,
) -> bool:
    """``value`` in ``unit`` is ``other`` in ``other_unit`` (two different units of one
    dimension), up to a translator's rounding (``tolerance``, relative)."""
    a, b = _BY_CODE.get(unit), _BY_CODE.get(other_unit)
    if a is None or b is None or a.dimension != b.dimension:
        return False
    if a.code == b.code != "deg":
        return False
    if a.dimension == "temperature":
        return any(
            abs(_celsius(value, x) - _celsius(other, y)) <= TEMPERATURE_TOLERANCE
            for x in _scales(a)
            for y in _scales(b)
            if x is not y
        )
    base_a = value * a.factor + a.offset
    base_b = other * b.factor + b.offset
    return abs(base_a - base_b) <= tolerance * max(abs(base_a), abs(base_b))


def _scales(u: Unit) -> tuple[Unit, ...]:
    """The scales a temperature unit may stand for (plain degrees: either)."""
    return (_BY_CODE["C"], _BY_CODE["F"]) if u.code == "deg" else (u,)


def _celsius(value: float, scale: Unit) -> float:
    return value * scale.factor + scale.offset

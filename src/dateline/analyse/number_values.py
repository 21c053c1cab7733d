"""A quantity found by the number layer, and its bounds by the gold README's conventions."""

from __future__ import annotations

import math
from dataclasses import dataclass

from dateline.analyse.number_lexicon import VagueQuantity

QUANTITY_KINDS = frozenset({"count", "percent", "money", "measure", "duration", "age", "fraction"})


@dataclass(frozen=True)
class Quantity:
    """One number found in a text, with everything the text says about its size.

    ``value`` is the number (the first end of a range), ``value_to`` the other end of a range.
    ``vague`` names a vague quantity ("tens of thousands"); ``bound`` is how the qualifier bounds
    it (min, above, max, below, approx, range, exact); ``change`` is the NewsQuant change label
    (``=``, ``~``, ``>``, ``<``, ``up``, ``down``).
    """

    start: int
    end: int
    text: str
    number_start: int
    number_end: int
    number_text: str
    value: float
    value_to: float | None = None
    vague: VagueQuantity | None = None
    qualifier: str | None = None
    bound: str | None = None
    change: str = "="
    kind: str = "count"
    unit: str | None = None

    @property
    def is_quantity(self) -> bool:
        """Whether this is a quantity (not a year, date, clock time, ordinal or identifier)."""
        return self.kind in QUANTITY_KINDS


def bounds(quantity: Quantity) -> tuple[int | None, int | None, bool]:
    """Whole-number ``(lower, upper, approx)`` by the gold README's conventions."""
    if quantity.vague is not None:
        return quantity.vague.gold[0], quantity.vague.gold[1], True
    low, high = quantity.value, quantity.value if quantity.value_to is None else quantity.value_to
    low, high = min(low, high), max(low, high)
    lower, upper = math.floor(low), math.ceil(high)
    if quantity.bound == "min":
        return lower, None, False
    if quantity.bound == "above":
        return (lower + 1 if low == lower else math.ceil(low)), None, False
    if quantity.bound == "max":
        return None, upper, False
    if quantity.bound == "below":
        return None, (upper - 1 if high == upper else math.floor(high)), False
    return lower, upper, quantity.bound == "approx"


def conservative_value(quantity: Quantity) -> int | None:
    """The ACLED-style conservative value: the stated number, a range's low end, the ACLED
    convention for vague words (dozens 12, hundreds 100), None for an upper bound only."""
    if quantity.vague is not None:
        return quantity.vague.acled
    if quantity.bound in ("max", "below"):
        return None
    return math.floor(quantity.value if quantity.value_to is None else min(quantity.value, quantity.value_to))

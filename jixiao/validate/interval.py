"""The rounding rule of SPEC §4, in exact Decimal arithmetic (never float).

A figure shown with d decimals stands for the interval value ± 0.5·10⁻ᵈ; a sum's
interval adds the half-widths of its terms; an identity holds when the intervals
of its two sides overlap. Scores, counts and headcounts are exact (half-width 0).
A stated percentage holds when the computed ratio, rounded half up to the shown
precision, equals it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)


def exact(value: float, decimals: int) -> Decimal:
    """The Decimal a table cell showed, rebuilt from its float: 232.13 with d=2 → Decimal('232.13')."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals))


def half_width(decimals: int) -> Decimal:
    """0.5·10⁻ᵈ: 0.005 for a 2-decimal figure."""
    return Decimal(5).scaleb(-decimals - 1)


@dataclass(frozen=True)
class Interval:
    mid: Decimal
    half: Decimal = ZERO

    @classmethod
    def shown(cls, value: Decimal, decimals: int) -> Interval:
        return cls(value, half_width(decimals))

    @property
    def low(self) -> Decimal:
        return self.mid - self.half

    @property
    def high(self) -> Decimal:
        return self.mid + self.half

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.mid + other.mid, self.half + other.half)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.mid - other.mid, self.half + other.half)

    def overlaps(self, other: Interval) -> bool:
        return abs(self.mid - other.mid) <= self.half + other.half

    def holds_zero(self) -> bool:
        return self.overlaps(Interval(ZERO))


def total(terms: Iterable[Interval]) -> Interval:
    return sum(terms, Interval(ZERO))


def percent(numerator: Decimal, denominator: Decimal, decimals: int) -> Decimal:
    """numerator/denominator as a percentage rounded half up to `decimals`: 64/66 → 97 (d=0)."""
    ratio = numerator * 100 / denominator
    return ratio.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def points(value: Decimal) -> str:
    """A score or count for people: 2 rather than 2.0, 100 rather than 1E+2."""
    return show(value.normalize())


def show(value: Decimal) -> str:
    """A Decimal for people: no exponent, no trailing zeros beyond what it carries."""
    text = format(value, "f")
    return "0" if text in ("-0", "-0.00") else text

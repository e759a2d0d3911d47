"""How a spec's 万元 figures are printed: unit, thousands separators, full-width digits."""

from __future__ import annotations

from decimal import Decimal

_FULLWIDTH = str.maketrans("0123456789.-,%", "０１２３４５６７８９．－，％")


def print_amount(value: str | None, unit: str, style: str, blank: str) -> str:
    """The cell text for a figure given in 万元 (None = blank, printed as `blank`)."""
    if value is None:
        return blank
    text = _in_unit(value, unit)
    if style in ("thousands", "fullwidth_thousands"):
        text = _with_thousands(text)
    if style.startswith("fullwidth"):
        text = text.translate(_FULLWIDTH)
    return text


def _in_unit(value: str, unit: str) -> str:
    if unit == "万元":
        return value
    if unit == "元":
        return f"{Decimal(value) * 10000:.2f}"
    raise ValueError(f"unknown unit {unit!r}")


def _with_thousands(text: str) -> str:
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, frac = digits.partition(".")
    return f"{sign}{int(whole):,}{dot}{frac}"


def fullwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)

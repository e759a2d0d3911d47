"""Numbers as the forms print them: `232.13`, `0.00万元`, `1,234.5`, `２３２．１３`, `98分`, `50％`.

A number parses to a Decimal that keeps the decimals shown, so the rounding
rule of SPEC §4 can be applied exactly. Blank, `—`, `-`, `/` and `无` are
*missing*, never 0; `0` is 0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# What a form puts in a cell to say "nothing here": missing, not zero.
_NOTHING = {"", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "不适用", "n/a", "N/A"}

_NUMBER = re.compile(
    r"^(?P<sign>[-+−])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<unit>[^\d]*)$"
)

_BRACKETED = re.compile(r"^\((\d[\d,]*(?:\.\d+)?)\)$")

UNITS = ("万元", "元", "个", "条", "人", "分", "%", "家", "项", "次", "件", "轮", "名", "户", "亿元")


@dataclass(frozen=True)
class Number:
    """A parsed cell or phrase: `value` None when missing or unreadable."""

    value: Decimal | None
    decimals: int = 0
    unit: str = ""
    state: str = "number"  # number | missing | text

    @property
    def missing(self) -> bool:
        return self.value is None


def clean_number_text(text: str) -> str:
    """NFKC (full-width digits, ％, ．), drop spaces and line breaks inside the number."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", text).replace("−", "-")


def parse_number(text: str | None) -> Number:
    """Parse one cell's text; anything that is not a number with an optional unit is `text`."""
    cleaned = clean_number_text(text or "").lstrip("¥")
    if cleaned in _NOTHING:
        return Number(None, state="missing")
    # Accounting style: a negative amount in brackets, (12.50) or （12.50） before NFKC.
    bracketed = _BRACKETED.match(cleaned)
    if bracketed:
        cleaned = "-" + bracketed[1]
    match = _NUMBER.match(cleaned)
    if not match:
        return Number(None, state="text")
    unit = match["unit"]
    if unit and unit not in UNITS:
        return Number(None, state="text")
    frac = match["frac"] or ""
    digits = match["int"].replace(",", "") + ("." + frac if frac else "")
    value = Decimal(digits)
    if match["sign"] == "-":
        value = -value
    return Number(value, decimals=len(frac), unit=unit)


def to_wan(number: Number) -> Number:
    """元 → 万元, keeping the precision shown: 2,321,300.00 元 is 232.130000 万元."""
    if number.value is None or number.unit != "元":
        return number
    return Number(number.value.scaleb(-4), number.decimals + 4, "万元", number.state)

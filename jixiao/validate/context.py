"""One document's tidy tables as the rules read them: figures by org and key, exact Decimals.

Rules see only these tables. A figure is *absent* (no such column in the report),
*blank* (the cell is there, empty) or *stated*; only stated figures take part in an
identity (blank is not zero).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

import pandas as pd

from jixiao.normalize.labels import CANONICAL_LABEL
from jixiao.normalize.text import label_key
from jixiao.validate.interval import ZERO, Interval, exact, half_width

T = TypeVar("T")

# 机构名称 rows that add up the others.
TOTAL_ORGS = {"合计", "总计", "小计", "汇总", "全部"}


def name(key: str) -> str:
    return CANONICAL_LABEL.get(key, key)


@dataclass(frozen=True)
class Fig:
    key: str
    org: str
    value: Decimal | None
    half: Decimal
    location: str

    @property
    def stated(self) -> bool:
        return self.value is not None

    @property
    def amount(self) -> Decimal:
        """The value shown (0 for a blank cell: only call it on stated figures)."""
        return self.value if self.value is not None else ZERO

    @property
    def interval(self) -> Interval:
        return Interval(self.value if self.value is not None else ZERO, self.half)

    @property
    def where(self) -> str:
        """机关收入合计, or 收入合计 where the table has no 机构名称."""
        return f"{self.org}{name(self.key)}" if self.org else name(self.key)


def stated(fig: Fig | None) -> Fig | None:
    """The figure if it says something; None when absent or blank."""
    return fig if fig is not None and fig.stated else None


def as_decimal(value: object) -> Decimal | None:
    """A score or count from a table: exact, None when blank."""
    if not isinstance(value, (int, float)) or value != value:
        return None
    return Decimal(repr(float(value))).normalize()


class Context:
    def __init__(self, doc_id: str, tables: dict[str, pd.DataFrame]) -> None:
        self.doc_id = doc_id
        self.figures = _of_doc(tables.get("figures"), doc_id)
        self.scores = _of_doc(tables.get("scores"), doc_id)
        self.claims = _of_doc(tables.get("claims"), doc_id)
        documents = _of_doc(tables.get("documents"), doc_id)
        self.grade = str(documents["grade"].iloc[0]) if len(documents) else ""
        if self.grade == "<NA>":
            self.grade = ""
        self._figs = {(f.org, f.key): f for f in map(_fig, self.figures.itertuples()) if f.key}
        self._views: dict[Callable[..., Any], Any] = {}

    def view(self, build: Callable[[Context], T]) -> T:
        """build(self), once per document: several rules read the same view of a table."""
        if build not in self._views:
            self._views[build] = build(self)
        return self._views[build]

    def orgs(self, *prefixes: str) -> list[str]:
        """机构名称 rows of the tables holding keys with these prefixes, in reading order."""
        seen: dict[str, None] = {}
        for org, key in self._figs:
            if key.split(".")[0] in prefixes:
                seen.setdefault(org, None)
        return list(seen)

    def figure(self, org: str, key: str) -> Fig | None:
        return self._figs.get((org, key))

    def dept(self, key: str) -> Fig | None:
        """The department's figure: its 合计 row, its only row, or the sum of its stated rows."""
        rows = [f for (org, k), f in self._figs.items() if k == key]
        totals = [f for f in rows if label_key(f.org) in TOTAL_ORGS]
        if totals or len(rows) <= 1:
            return (totals or rows)[0] if rows else None
        if not all(f.stated for f in rows):
            return Fig(key, "", None, ZERO, "; ".join(f.location for f in rows))
        summed = sum((f.interval for f in rows), Interval(ZERO))
        return Fig(key, "", summed.mid, summed.half, "; ".join(f.location for f in rows))


def _of_doc(df: pd.DataFrame | None, doc_id: str) -> pd.DataFrame:
    if df is None or not len(df) or "doc_id" not in df:
        return df if df is not None else pd.DataFrame()
    mine = df["doc_id"] == doc_id
    # jixiao.read validates one document at a time: no copy when every row is this one's.
    return df if mine.all() else df[mine].reset_index(drop=True)


def _fig(row: object) -> Fig:
    key = getattr(row, "key", None)
    key = "" if key is None or key is pd.NA else str(key)
    org = getattr(row, "org", "")
    org = "" if org is None or org is pd.NA else str(org)
    value, decimals = getattr(row, "value", None), getattr(row, "decimals", None)
    location = str(getattr(row, "location", "") or "")
    if value is None or value is pd.NA:
        return Fig(key, org, None, ZERO, location)
    decimals = 0 if decimals is None or decimals is pd.NA else int(decimals)
    # Headcounts and scores are exact; amounts stand for their shown interval.
    half = ZERO if key.split(".")[0] in ("staff", "self_eval") else half_width(decimals)
    return Fig(key, org, exact(value, decimals), half, location)

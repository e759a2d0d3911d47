"""The 评分表 as the score rules read it: items with exact scores, their 二级/一级 groups.

Items whose 分值 is one merged cell (`max_group`) share that maximum: they are
checked together, and counted once when maxima are added up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from jixiao.validate.context import Context, as_decimal


@dataclass(frozen=True)
class Item:
    indicator: str
    level1: str
    level1_max: Decimal | None
    level2: str
    level2_max: Decimal | None
    max_score: Decimal | None
    max_group: str  # "" unless the 分值 cell is shared
    self_score: Decimal | None
    reason: str
    criteria: str
    location: str
    max_location: str


@dataclass(frozen=True)
class Unit:
    """What a maximum applies to: one item, or the items sharing a merged 分值 cell."""

    items: tuple[Item, ...]

    @property
    def max_score(self) -> Decimal | None:
        return self.items[0].max_score

    @property
    def label(self) -> str:
        return "、".join(f"“{i.indicator}”" for i in self.items)

    @property
    def scores(self) -> list[Decimal | None]:
        return [i.self_score for i in self.items]

    @property
    def locations(self) -> tuple[str, ...]:
        where = [i.location for i in self.items] + [self.items[0].max_location]
        return tuple(dict.fromkeys(w for w in where if w))


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA else str(value)


def items(ctx: Context) -> list[Item]:
    return ctx.view(_items)


def total_row(ctx: Context) -> Item | None:
    return ctx.view(_total_row)


def _items(ctx: Context) -> list[Item]:
    df = ctx.scores
    if not len(df):
        return []
    rows = df[df["kind"] == "item"] if "kind" in df else df
    return [_item(r) for r in rows.to_dict("records")]


def _total_row(ctx: Context) -> Item | None:
    df = ctx.scores
    if not len(df) or "kind" not in df:
        return None
    rows = df[df["kind"] == "total"]
    return _item(rows.to_dict("records")[0]) if len(rows) else None


def _item(r: dict) -> Item:
    return Item(
        indicator=_text(r.get("indicator")), level1=_text(r.get("level1")),
        level1_max=as_decimal(r.get("level1_max")), level2=_text(r.get("level2")),
        level2_max=as_decimal(r.get("level2_max")), max_score=as_decimal(r.get("max_score")),
        max_group=_text(r.get("max_group")), self_score=as_decimal(r.get("self_score")),
        reason=_text(r.get("reason")).strip(), criteria=_text(r.get("criteria")),
        location=_text(r.get("location")), max_location=_text(r.get("max_location")),
    )


def units(items: list[Item]) -> list[Unit]:
    """Items grouped by shared 分值 cell, in sheet order."""
    grouped: dict[str, list[Item]] = {}
    for n, item in enumerate(items):
        grouped.setdefault(item.max_group or f"#{n}", []).append(item)
    return [Unit(tuple(g)) for g in grouped.values()]


def by_level(items: list[Item], level: str) -> Iterator[tuple[tuple[str, ...], list[Item]]]:
    """Items under each 一级 (`level1`) or (一级, 二级) (`level2`) label, in sheet order."""
    grouped: dict[tuple[str, ...], list[Item]] = {}
    for item in items:
        key = (item.level1,) if level == "level1" else (item.level1, item.level2)
        grouped.setdefault(key, []).append(item)
    yield from grouped.items()

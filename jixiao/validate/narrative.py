"""Rules on the claims read from the narrative (SPEC §4): its amounts against the tables and
against each other, and the counts and 整改率 of each rectification clause."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from jixiao.validate.context import Context, Fig, name
from jixiao.validate.interval import ZERO, exact, half_width, percent, show, total
from jixiao.validate.money import disagreement
from jixiao.validate.registry import PASSED, Finding, Outcome, Skip, rule


@dataclass(frozen=True)
class Claim:
    para: int
    clause: int
    kind: str
    subject: str
    key: str
    value: Decimal
    decimals: int
    text: str
    location: str

    def as_fig(self) -> Fig:
        """The claim as a figure, so the identity helpers can compare it with the tables."""
        half = ZERO if self.kind == "count" else half_width(self.decimals)  # headcounts are exact
        return Fig(self.key, "", self.value, half, self.location)

    @property
    def quoted(self) -> str:
        return f"综述第{self.para}段“{self.text}”"


def claims(ctx: Context) -> list[Claim]:
    return ctx.view(_claims)


def _claims(ctx: Context) -> list[Claim]:
    if not len(ctx.claims):
        return []
    out = []
    for r in ctx.claims.to_dict("records"):
        if r.get("value") is pd.NA or r.get("value") is None:
            continue
        decimals = 0 if r.get("decimals") is pd.NA else int(r["decimals"])
        out.append(Claim(
            para=int(r["para"]), clause=int(r["clause"]), kind=str(r["kind"]),
            subject=_text(r.get("subject")), key=_text(r.get("key")),
            value=exact(r["value"], decimals), decimals=decimals, text=_text(r.get("text")),
            location=_text(r.get("location"))))
    return out


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA else str(value)


@rule("narrative.figure", "error")
def narrative_figure(ctx: Context) -> Iterator[Outcome]:
    stated = [c for c in claims(ctx) if c.key and (c.kind in ("amount", "part") or _is_headcount(c))]
    if not stated:
        yield Skip("综述中没有可对应到报表项目的金额或人数")
    for claim in stated:
        table = ctx.dept(claim.key)
        if table is None or not table.stated:
            yield Skip(f"{claim.quoted}：报表中{name(claim.key)}为空，无从核对")
            continue
        said = claim.as_fig()
        if said.interval.overlaps(table.interval):
            yield PASSED
            continue
        unit = "人" if _is_headcount(claim) else "万元"
        yield disagreement(
            f"{claim.quoted}与报表不符：报表中{table.where}为{show(table.interval.mid)}{unit}",
            table.interval, said, (said, table), unit)


def _is_headcount(claim: Claim) -> bool:
    return claim.kind == "count" and claim.key.startswith("staff.")


@rule("narrative.sum", "error")
def narrative_sum(ctx: Context) -> Iterator[Outcome]:
    groups = _wholes_and_parts([c for c in claims(ctx) if c.kind in ("amount", "part")])
    if not groups:
        yield Skip("综述中没有列出组成部分的合计金额")
    for whole, parts in groups:
        computed = total(p.as_fig().interval for p in parts)
        said = whole.as_fig()
        if computed.overlaps(said.interval):
            yield PASSED
            continue
        listed = " + ".join(f"{p.subject}{show(p.value)}" for p in parts)
        yield disagreement(
            f"{whole.quoted}，但其中列出的各项之和为{show(computed.mid)}万元（{listed}）",
            computed, said, (said, *(p.as_fig() for p in parts)), "万元")


def _wholes_and_parts(amounts: list[Claim]) -> list[tuple[Claim, list[Claim]]]:
    """Each amount with the `part`s that follow it in its clause (其中…)."""
    groups: list[tuple[Claim, list[Claim]]] = []
    for claim in amounts:
        if claim.kind == "amount":
            groups.append((claim, []))
        elif groups and groups[-1][0].clause == claim.clause:
            groups[-1][1].append(claim)
    return [(w, parts) for w, parts in groups if parts]


def _clauses(ctx: Context) -> dict[int, dict[str, Claim]]:
    by_clause: dict[int, dict[str, Claim]] = {}
    for claim in claims(ctx):
        if claim.key.startswith("rectification."):
            by_clause.setdefault(claim.clause, {}).setdefault(claim.key.split(".")[1], claim)
    return by_clause


@rule("rectification.rate", "error")
def rectification_rate(ctx: Context) -> Iterator[Outcome]:
    clauses = [c for c in _clauses(ctx).values() if "rate" in c]
    if not clauses:
        yield Skip("综述中没有写明整改率的整改情况")
    for clause in clauses:
        rate = clause["rate"]
        if "reported" not in clause or "fixed" not in clause or not clause["reported"].value:
            yield Skip(f"{rate.quoted}：同一句中没有反馈问题数和已整改数")
            continue
        reported, fixed = clause["reported"].value, clause["fixed"].value
        computed = percent(fixed, reported, rate.decimals)
        if computed == rate.value:
            yield PASSED
            continue
        exact_rate = (fixed * 100 / reported).quantize(Decimal("0.01"))
        yield Finding(
            message=(f"“{rate.subject}”整改率写为{show(rate.value)}%，但已整改{show(fixed)}个 ÷ "
                     f"反馈问题{show(reported)}个 = {show(exact_rate)}%，按所写精度应为{show(computed)}%"
                     f"（综述第{rate.para}段）。"),
            expected=show(computed), actual=show(rate.value), difference=show(rate.value - computed),
            tolerance=f"四舍五入到{rate.decimals}位小数", keys=("rectification.rate",),
            locations=(rate.location,))


@rule("rectification.count", "error")
def rectification_count(ctx: Context) -> Iterator[Outcome]:
    clauses = [c for c in _clauses(ctx).values() if "unfinished" in c]
    if not clauses:
        yield Skip("综述中没有写明未整改（整改落实不彻底）数的整改情况")
    for clause in clauses:
        open_ = clause["unfinished"]
        if "reported" not in clause or "fixed" not in clause:
            yield Skip(f"{open_.quoted}：同一句中没有反馈问题数和已整改数")
            continue
        reported, fixed = clause["reported"].value, clause["fixed"].value
        if open_.value == reported - fixed:
            yield PASSED
            continue
        yield Finding(
            message=(f"“{open_.subject}”写明“{open_.text}”，但反馈问题{show(reported)}个 − "
                     f"已整改{show(fixed)}个 = {show(reported - fixed)}个（综述第{open_.para}段）。"),
            expected=show(reported - fixed), actual=show(open_.value),
            difference=show(open_.value - (reported - fixed)), tolerance="0",
            keys=("rectification.unfinished", "rectification.reported", "rectification.fixed"),
            locations=(open_.location,))

"""Rules on the tables of 二、收支情况 and the headcounts (SPEC §4), one 机构名称 row at a time."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.validate.context import Context, Fig, name, stated
from jixiao.validate.interval import Interval, points, show, total
from jixiao.validate.registry import PASSED, Finding, Outcome, Skip, rule

INCOME_SOURCES = ("income.carryover", "income.fiscal", "income.gov_fund",
                  "income.special_account", "income.other")
THREE_PUBLIC = ("three_public.reception", "three_public.vehicle_ops",
                "three_public.vehicle_purchase", "three_public.overseas")


@rule("income.sum", "error")
def income_sum(ctx: Context) -> Iterator[Outcome]:
    for org in ctx.orgs("income"):
        yield sum_identity(ctx, org, "income.total", INCOME_SOURCES, "各项收入")


@rule("expense.sum", "error")
def expense_sum(ctx: Context) -> Iterator[Outcome]:
    for org in ctx.orgs("expense"):
        yield sum_identity(ctx, org, "expense.total", ("expense.basic", "expense.project"),
                           "基本支出与项目支出")


@rule("expense.basic_split", "error")
def expense_basic_split(ctx: Context) -> Iterator[Outcome]:
    for org in ctx.orgs("expense"):
        yield sum_identity(ctx, org, "expense.basic", ("expense.personnel", "expense.public"),
                           "人员支出与公用支出")


@rule("three_public.sum", "error")
def three_public_sum(ctx: Context) -> Iterator[Outcome]:
    for org in ctx.orgs("three_public"):
        yield sum_identity(ctx, org, "three_public.total", THREE_PUBLIC, "各项三公经费")


@rule("assets.sum", "error")
def assets_sum(ctx: Context) -> Iterator[Outcome]:
    for org in ctx.orgs("assets"):
        yield sum_identity(ctx, org, "assets.total",
                           ("assets.in_use", "assets.leased", "assets.other"), "各类固定资产")


def sum_identity(ctx: Context, org: str, total_key: str, part_keys: tuple[str, ...],
                 parts_name: str) -> Outcome:
    """total = the stated parts (SPEC: "the sum of the income sources stated")."""
    whole = ctx.figure(org, total_key)
    parts = [f for f in (stated(ctx.figure(org, k)) for k in part_keys) if f is not None]
    label = f"{org or '本单位'}{name(total_key)}"
    if whole is None or not whole.stated:
        return Skip(f"{label}为空，无法核对")
    if not parts:
        return Skip(f"{org or '本单位'}{parts_name}均为空，无法核对{name(total_key)}")
    computed = total(f.interval for f in parts)
    if computed.overlaps(whole.interval):
        return PASSED
    terms = " + ".join(f"{name(f.key)}{show(f.amount)}" for f in parts)
    return disagreement(
        f"{label}为{show(whole.amount)}万元，但{parts_name}之和为{show(computed.mid)}万元（{terms}）",
        computed, whole, (whole, *parts), "万元")


def disagreement(what: str, expected: Interval, actual: Fig, figs: tuple[Fig, ...],
                 unit: str) -> Finding:
    """A Finding for `actual` ≠ `expected` beyond rounding, naming every figure's location."""
    difference = actual.interval.mid - expected.mid
    tolerance = points(expected.half + actual.half)
    # Exact figures (headcounts) have no rounding to allow for: say only how far apart they are.
    allowance = f"，超出舍入允许的±{tolerance}{unit}" if expected.half + actual.half else ""
    return Finding(
        message=f"{what}，相差{show(abs(difference))}{unit}{allowance}。",
        expected=show(expected.mid), actual=show(actual.interval.mid),
        difference=show(difference), tolerance=tolerance,
        keys=tuple(dict.fromkeys(f.key for f in figs)),
        locations=tuple(f.location for f in figs if f.location),
    )


@rule("balance.identity", "error")
def balance_identity(ctx: Context) -> Iterator[Outcome]:
    for org in ctx.orgs("income", "expense", "balance"):
        income, spent = ctx.figure(org, "income.total"), ctx.figure(org, "expense.total")
        carry = ctx.figure(org, "income.carryover")
        yield _balance(org, ctx.figure(org, "balance.cumulative"), (income, spent), "收入合计 − 支出合计")
        yield _balance(org, ctx.figure(org, "balance.current"), (income, carry, spent),
                       "收入合计 − 上年结转 − 支出合计")


def _balance(org: str, balance: Fig | None, terms: tuple[Fig | None, ...], formula: str) -> Outcome:
    if balance is None or not balance.stated:
        return Skip(f"{org}无结余栏" if balance is None else f"{balance.where}为空")
    needed = [t for t in map(stated, terms) if t is not None]
    if len(needed) < len(terms):
        return Skip(f"{balance.where}已填，但核对所需的{formula}中有空白")
    computed = needed[0].interval
    for term in needed[1:]:
        computed = computed - term.interval
    if computed.overlaps(balance.interval):
        return PASSED
    figs = (balance, *needed)
    return disagreement(f"{balance.where}为{show(balance.amount)}万元，但{formula}为"
                        f"{show(computed.mid)}万元", computed, balance, figs, "万元")


@rule("balance.unstated", "warning")
def balance_unstated(ctx: Context) -> Iterator[Outcome]:
    for org in ctx.orgs("income", "expense", "balance"):
        balances = [ctx.figure(org, k) for k in ("balance.current", "balance.cumulative")]
        if any(b is not None and b.stated for b in balances):
            yield Skip(f"{org}结余已填写（由 balance.identity 核对）")
            continue
        income = stated(ctx.figure(org, "income.total"))
        spent = stated(ctx.figure(org, "expense.total"))
        if income is None or spent is None:
            yield Skip(f"{org}收入合计或支出合计为空")
            continue
        gap = income.interval - spent.interval
        if gap.holds_zero():
            yield PASSED
            continue
        yield Finding(
            message=(f"{org}收入合计{show(income.amount)}万元与支出合计{show(spent.amount)}万元相差"
                     f"{show(abs(gap.mid))}万元，但当年结余和累计结余均为空。"),
            expected=show(gap.mid), actual="", difference=show(gap.mid), tolerance=points(gap.half),
            keys=("income.total", "expense.total", "balance.current", "balance.cumulative"),
            locations=tuple(f.location for f in (income, spent, *balances) if f is not None),
        )


@rule("staff.over_quota", "warning")
def staff_over_quota(ctx: Context) -> Iterator[Outcome]:
    quota, actual = stated(ctx.dept("staff.authorized")), stated(ctx.dept("staff.actual"))
    if quota is None or actual is None:
        yield Skip("人员编制或实有人数为空")
        return
    if actual.amount <= quota.amount:
        yield PASSED
        return
    over = actual.amount - quota.amount
    yield Finding(
        message=f"实有人数{show(actual.amount)}人超过人员编制{show(quota.amount)}人，超编{show(over)}人。",
        expected=f"≤{show(quota.amount)}", actual=show(actual.amount), difference=show(over),
        tolerance="0", keys=("staff.actual", "staff.authorized"),
        locations=(actual.location, quota.location),
    )

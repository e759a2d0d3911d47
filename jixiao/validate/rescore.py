"""score.rescore: items whose score follows from the report's own figures, scored by their 评分标准.

Only criteria in the seed's wording are read; any other wording is skipped with a
reason rather than guessed at. A "每超过一个百分点扣x分" is read both ways (partial
points counted or not), so only a score outside that range is a finding.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.normalize.text import label_key
from jixiao.validate.context import Context, Fig, stated
from jixiao.validate.interval import ZERO, Interval, points, show
from jixiao.validate.registry import PASSED, Finding, Outcome, Skip, rule
from jixiao.validate.sheet import Item, items

_NUM = r"(\d+(?:\.\d+)?)"
_STAFF_STEP = re.compile(r"每超过一个百分点扣" + _NUM + "分")
_ASSET_STEP = re.compile(r"每低于100%一个百分点扣" + _NUM + "分")
_NO_BALANCE = re.compile(r"无结余[,，]?(?:计|得)?" + _NUM + "分")
_WITHIN = re.compile(r"不超过上年结转[,，]?(?:计|得)?" + _NUM + "分")
_BEYOND = re.compile(r"结余超过上年结转[,，]?(?:(不得分)|(?:计|得)?" + _NUM + "分)")


@rule("score.rescore", "warning")
def score_rescore(ctx: Context) -> Iterator[Outcome]:
    checks = {"财政供养人员控制率": _staff, "资金结余": _balance, "固定资产利用率": _assets}
    seen = False
    for item in items(ctx):
        for indicator, rescore in checks.items():
            if indicator in label_key(item.indicator):
                seen = True
                yield rescore(ctx, item) if item.self_score is not None else Skip(
                    f"“{item.indicator}”自评得分为空")
    if not seen:
        yield Skip("评分表中没有可按报表数字复核的指标")


def _verdict(item: Item, low: Decimal, high: Decimal, why: str, figs: tuple[Fig, ...]) -> Outcome:
    score = item.self_score
    assert score is not None
    if low <= score <= high:
        return PASSED
    due = points(low) if low == high else f"{points(low)}–{points(high)}"
    off = score - high if score > high else score - low
    return Finding(
        message=f"“{item.indicator}”自评{points(score)}分，但{why}，按其评分标准应得{due}分。",
        expected=due, actual=points(score), difference=points(off), tolerance="0",
        keys=("score", *dict.fromkeys(f.key for f in figs)),
        locations=(item.location, *(f.location for f in figs if f.location)),
    )


def _per_point(item: Item, pattern: re.Pattern[str], shortfall: Decimal) -> tuple[Decimal, Decimal] | None:
    """The score range for `shortfall` percentage points under a 每…一个百分点扣x分 rule."""
    step = pattern.search(label_key(item.criteria))
    if step is None or item.max_score is None:
        return None
    per = Decimal(step.group(1))
    if shortfall <= 0:
        return item.max_score, item.max_score
    worst = max(ZERO, item.max_score - per * math.ceil(shortfall))
    best = max(ZERO, item.max_score - per * math.floor(shortfall))
    return worst, best


def _staff(ctx: Context, item: Item) -> Outcome:
    quota, actual = stated(ctx.dept("staff.authorized")), stated(ctx.dept("staff.actual"))
    if quota is None or actual is None or not quota.amount:
        return Skip("人员编制或实有人数为空，无法复核财政供养人员控制率")
    rate = actual.amount * 100 / quota.amount
    bounds = _per_point(item, _STAFF_STEP, rate - 100)
    if bounds is None:
        return Skip(f"“{item.indicator}”的评分标准不是“每超过一个百分点扣x分”的写法")
    why = f"实有{points(actual.amount)}人/编制{points(quota.amount)}人，控制率{points(rate.quantize(Decimal('0.01')))}%"
    return _verdict(item, *bounds, why, (actual, quota))


def _assets(ctx: Context, item: Item) -> Outcome:
    whole, in_use = stated(ctx.dept("assets.total")), stated(ctx.dept("assets.in_use"))
    if whole is None or in_use is None or not whole.amount:
        return Skip("固定资产合计或在用固定资产为空，无法复核固定资产利用率")
    rate = in_use.amount * 100 / whole.amount
    bounds = _per_point(item, _ASSET_STEP, 100 - rate)
    if bounds is None:
        return Skip(f"“{item.indicator}”的评分标准不是“每低于100%一个百分点扣x分”的写法")
    why = f"在用{show(in_use.amount)}万元/合计{show(whole.amount)}万元，利用率{points(rate.quantize(Decimal('0.01')))}%"
    return _verdict(item, *bounds, why, (in_use, whole))


def _balance(ctx: Context, item: Item) -> Outcome:
    criteria = label_key(item.criteria)
    none, within, beyond = (p.search(criteria) for p in (_NO_BALANCE, _WITHIN, _BEYOND))
    if none is None or within is None or beyond is None:
        return Skip(f"“{item.indicator}”的评分标准不是“无结余/不超过上年结转/超过上年结转”的写法")
    balance = _balance_figure(ctx)
    if balance is None:
        return Skip("结余为空，收入合计或支出合计也为空，无法复核资金结余")
    amount, why, figs = balance
    if amount.holds_zero() or amount.mid <= 0:
        due = Decimal(none.group(1))
        return _verdict(item, due, due, f"{why}，无结余", figs)
    carry = stated(ctx.dept("income.carryover"))
    if carry is None:
        return Skip("有结余但上年结转为空，无法复核资金结余")
    beyond_due = ZERO if beyond.group(1) else Decimal(beyond.group(2))
    within_carry = amount.mid <= carry.interval.high
    due = Decimal(within.group(1)) if within_carry else beyond_due
    relation = "不超过" if within_carry else "超过"
    return _verdict(item, due, due, f"{why}，{relation}上年结转{show(carry.amount)}万元",
                    (*figs, carry))


def _balance_figure(ctx: Context) -> tuple[Interval, str, tuple[Fig, ...]] | None:
    """The balance the tables show: a stated one, else 收入合计 − 支出合计; with how it was found."""
    for key in ("balance.cumulative", "balance.current"):
        balance = stated(ctx.dept(key))
        if balance is not None:
            return balance.interval, f"{balance.where}为{show(balance.amount)}万元", (balance,)
    income, spent = stated(ctx.dept("income.total")), stated(ctx.dept("expense.total"))
    if income is None or spent is None:
        return None
    gap = income.interval - spent.interval
    why = (f"结余栏空白，收入合计{show(income.amount)}万元 − 支出合计{show(spent.amount)}万元"
           f" = {show(gap.mid)}万元")
    return gap, why, (income, spent)

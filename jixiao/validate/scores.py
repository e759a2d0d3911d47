"""Rules on the 评分表 and the 绩效自评综合得分 (SPEC §4). Scores are exact: no tolerance."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.normalize.text import label_key
from jixiao.validate.context import Context
from jixiao.validate.interval import ZERO, points
from jixiao.validate.registry import PASSED, Finding, Outcome, Skip, rule
from jixiao.validate.sheet import Item, Unit, by_level, items, total_row, units

# 评价等次 bands: the lowest total each grade admits, highest first.
GRADES = (("优秀", Decimal(90)), ("良好", Decimal(80)), ("中", Decimal(60)), ("差", ZERO))
_GRADE_ALIASES = {"优": "优秀", "良": "良好", "中等": "中", "一般": "中", "较差": "差"}


def _over(what: str, scores: Decimal, limit: Decimal, locations: tuple[str, ...]) -> Finding:
    return Finding(
        message=f"{what}自评得分{points(scores)}分，高于其分值{points(limit)}分（超出{points(scores - limit)}分）。",
        expected=f"≤{points(limit)}", actual=points(scores), difference=points(scores - limit),
        tolerance="0", keys=("score",), locations=locations,
    )


@rule("score.item_max", "error")
def score_item_max(ctx: Context) -> Iterator[Outcome]:
    sheet = items(ctx)
    if not sheet:
        yield Skip("未读到评分表")
        return
    over: set[str] = set()  # indicators already reported: a group over its maximum through them is a knock-on
    for unit in units(sheet):
        outcome = _unit_max(unit)
        if isinstance(outcome, Finding):
            over.update(i.indicator for i in unit.items)
        yield outcome
    for level in ("level2", "level1"):
        for labels, members in by_level(sheet, level):
            limit = members[0].level2_max if level == "level2" else members[0].level1_max
            stated = [i.self_score for i in members if i.self_score is not None]
            if limit is None or not stated:
                continue
            if sum(stated, ZERO) <= limit or any(i.indicator in over for i in members):
                yield PASSED
                continue
            over.update(i.indicator for i in members)
            yield _over(f"{'指标' if level == 'level1' else '二级指标'}“{labels[-1]}”各项合计",
                        sum(stated, ZERO), limit, tuple(i.location for i in members))


def _unit_max(unit: Unit) -> Outcome:
    limit, stated = unit.max_score, [s for s in unit.scores if s is not None]
    if limit is None or not stated:
        return Skip(f"评分表{unit.label}的分值或自评得分为空")
    negative = [s for s in stated if s < 0]
    if negative:
        return Finding(
            message=f"评分表{unit.label}的自评得分{points(negative[0])}分小于0。",
            expected="≥0", actual=points(negative[0]), difference=points(negative[0]), tolerance="0",
            keys=("score",), locations=unit.locations)
    if sum(stated, ZERO) <= limit:
        return PASSED
    what = f"评分表{unit.label}" + ("合计" if len(unit.items) > 1 else "")
    return _over(what, sum(stated, ZERO), limit, unit.locations)


@rule("score.max_sum", "error")
def score_max_sum(ctx: Context) -> Iterator[Outcome]:
    sheet = items(ctx)
    if not sheet:
        yield Skip("未读到评分表")
        return
    level2_sums: dict[tuple[str, ...], Decimal | None] = {}  # stated 二级 maxima, else computed
    for labels, members in by_level(sheet, "level2"):
        computed = _sum_maxima(units(members))
        level2_sums[labels] = members[0].level2_max if members[0].level2_max is not None else computed
        yield _compare_max(f"二级指标“{labels[-1]}”", members[0].level2_max, computed, members)
    level1_sums: list[Decimal | None] = []
    for labels, members in by_level(sheet, "level1"):
        computed = _sum_or_none([v for k, v in level2_sums.items() if k[0] == labels[0]])
        level1_sums.append(members[0].level1_max if members[0].level1_max is not None else computed)
        yield _compare_max(f"一级指标“{labels[0]}”", members[0].level1_max, computed, members)
    total = total_row(ctx)
    stated = total.max_score if total is not None and total.max_score is not None else Decimal(100)
    yield _compare_max("总分", stated, _sum_or_none(level1_sums), sheet, total)


def _sum_maxima(group: list[Unit]) -> Decimal | None:
    return _sum_or_none([u.max_score for u in group])


def _sum_or_none(values: list[Decimal | None]) -> Decimal | None:
    """The sum, or None when any term is blank (blank is not zero)."""
    known = [v for v in values if v is not None]
    return sum(known, ZERO) if len(known) == len(values) else None


def _compare_max(what: str, stated: Decimal | None, computed: Decimal | None,
                 members: list[Item], total: Item | None = None) -> Outcome:
    if stated is None or computed is None:
        return Skip(f"{what}的分值或其下各项分值为空")
    if stated == computed:
        return PASSED
    where = (total.max_location,) if total is not None else ()
    return Finding(
        message=f"{what}的分值为{points(stated)}分，但其下各项分值合计{points(computed)}分，相差{points(abs(computed - stated))}分。",
        expected=points(computed), actual=points(stated), difference=points(stated - computed),
        tolerance="0", keys=("max_score",),
        locations=where + tuple(dict.fromkeys(i.max_location for i in members if i.max_location)),
    )


def _stated_totals(ctx: Context) -> list[tuple[str, Decimal, str]]:
    """(what, value, location) of each total the report states."""
    stated = []
    total = total_row(ctx)
    if total is not None and total.self_score is not None:
        stated.append(("评分表总分行", total.self_score, total.location))
    score = ctx.dept("self_eval.score")
    if score is not None and score.stated:
        stated.append(("绩效自评综合得分", score.amount, score.location))
    return stated


@rule("score.total", "error")
def score_total(ctx: Context) -> Iterator[Outcome]:
    sheet, stated = items(ctx), _stated_totals(ctx)
    if not stated:
        yield Skip("总分行和绩效自评综合得分均为空")
        return
    blank = [i.indicator for i in sheet if i.self_score is None]
    if not sheet or blank:
        yield _totals_agree(stated) if len(stated) > 1 else Skip(
            f"评分表有自评得分为空（{'、'.join(blank[:3])}），无法核对总分")
        return
    computed = _sum_or_none([i.self_score for i in sheet]) or ZERO
    by_value: dict[Decimal, list[tuple[str, Decimal, str]]] = {}
    for entry in stated:
        by_value.setdefault(entry[1], []).append(entry)
    for value, same in by_value.items():
        if value == computed:
            yield PASSED
            continue
        names = "和".join(w for w, _, _ in same) + ("均" if len(same) > 1 else "")
        yield Finding(
            message=(f"评分表各项自评得分合计{points(computed)}分，但{names}为{points(value)}分，"
                     f"相差{points(abs(computed - value))}分。"),
            expected=points(computed), actual=points(value), difference=points(value - computed),
            tolerance="0", keys=("score", "self_eval.score"),
            locations=tuple(loc for _, _, loc in same if loc) + tuple(i.location for i in sheet),
        )


def _totals_agree(stated: list[tuple[str, Decimal, str]]) -> Outcome:
    (w1, v1, l1), (w2, v2, l2) = stated[:2]
    if v1 == v2:
        return PASSED
    return Finding(
        message=f"{w1}{points(v1)}分与{w2}{points(v2)}分不一致，相差{points(abs(v1 - v2))}分。",
        expected=points(v2), actual=points(v1), difference=points(v1 - v2), tolerance="0",
        keys=("score", "self_eval.score"), locations=(l1, l2))


def grade_of(score: Decimal) -> str:
    return next(grade for grade, floor in GRADES if score >= floor)


@rule("score.grade", "error")
def score_grade(ctx: Context) -> Iterator[Outcome]:
    stated = _stated_totals(ctx)
    grade = label_key(ctx.grade)
    grade = _GRADE_ALIASES.get(grade, grade)
    if not grade:
        yield Skip("评价等次为空")
        return
    if grade not in dict(GRADES):
        yield Skip(f"评价等次“{ctx.grade}”不是优秀、良好、中、差之一")
        return
    if not stated:
        yield Skip("绩效自评综合得分和总分均为空")
        return
    # The 综合得分 of section 三 is what the grade is given for; else the 总分 row.
    what, score, location = stated[-1]
    due = grade_of(score)
    if due == grade:
        yield PASSED
        return
    yield Finding(
        message=f"评价等次为“{ctx.grade}”，但{what}{points(score)}分对应的等次是“{due}”"
                f"（优秀≥90，良好80–<90，中60–<80，差<60）。",
        expected=due, actual=ctx.grade, difference="", tolerance="",
        keys=("grade", "self_eval.score"), locations=(location,))


@rule("score.reason_missing", "warning")
def score_reason_missing(ctx: Context) -> Iterator[Outcome]:
    sheet = items(ctx)
    if not sheet:
        yield Skip("未读到评分表")
        return
    for unit in units(sheet):
        limit, got = unit.max_score, _sum_or_none(unit.scores)
        if limit is None or got is None:
            continue
        if got >= limit or any(i.reason for i in unit.items):
            yield PASSED
            continue
        yield Finding(
            message=f"评分表{unit.label}自评{points(got)}分，低于分值{points(limit)}分，但未填写扣分原因。",
            expected="扣分原因", actual="", difference=points(got - limit), tolerance="",
            keys=("score",), locations=unit.locations)

"""`consistent_spec`: a whole report from a department's few numbers, identities holding.

Totals are summed from their parts, balances follow from income and
expenditure, the three 评分表 items SPEC's score.rescore recomputes (财政供养人员
控制率, 资金结余, 固定资产利用率) are scored by their own 评分标准, the total and
grade follow from the items, and the narrative quotes the tables' figures. So a
report built here should give no findings.
"""

from __future__ import annotations

import dataclasses
import zlib
from dataclasses import dataclass
from decimal import Decimal

from .seed import seed_spec
from .spec import Evaluator, Figures, GoalGroup, Indicator, OrgRow, ReportSpec, ScoreItem

D0 = Decimal("0")


@dataclass(frozen=True)
class Org:
    """One 机构名称 row's inputs in 万元 (None = blank cell; totals are derived)."""

    name: str
    fiscal: str
    personnel: str
    public: str
    carryover: str | None = "0"
    gov_fund: str | None = "0"
    special: str | None = "0"
    other: str | None = "0"
    project: str | None = None
    three_public: tuple[str | None, str | None, str | None, str | None] = ("0", None, None, None)
    in_use: str = "0"
    leased: str | None = None
    other_assets: str | None = None


@dataclass(frozen=True)
class Department:
    org_name: str
    short: str  # how the narrative names it
    orgs: tuple[Org, ...]
    tasks: tuple[str, ...]
    staff: tuple[int, int] = (20, 18)
    total_row: str | None = None  # "first" | "last" | None
    deductions: tuple[tuple[str, str, str], ...] = ()  # (indicator, self score, reason)
    feedback: tuple[int, int] = (40, 38)  # 反馈问题, 已整改 in the narrative


def _dec(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else D0


def _sum(values) -> str:
    return f"{sum((_dec(v) for v in values), D0):.2f}"


def org_rows(org: Org) -> dict[str, OrgRow]:
    income_parts = (org.carryover, org.fiscal, org.gov_fund, org.special, org.other)
    income_total = Decimal(_sum(income_parts))
    basic = _sum((org.personnel, org.public))
    expense_total = Decimal(_sum((basic, org.project)))
    cumulative = income_total - expense_total
    current = cumulative - _dec(org.carryover)
    balances = (None, None) if cumulative == 0 and current == 0 else (f"{current:.2f}",
                                                                       f"{cumulative:.2f}")
    assets_parts = (org.in_use, org.leased, org.other_assets)
    return {
        "income": OrgRow(org.name, (f"{income_total:.2f}", *income_parts)),
        "expense": OrgRow(org.name, (f"{expense_total:.2f}", basic, org.personnel, org.public,
                                     org.project, *balances)),
        "three_public": OrgRow(org.name, (_sum(org.three_public), *org.three_public)),
        "assets": OrgRow(org.name, (_sum(assets_parts), *assets_parts)),
    }


def _total_row(rows: list[OrgRow]) -> OrgRow:
    columns = zip(*(r.values for r in rows))
    return OrgRow("合计", tuple(None if all(v is None for v in col) else _sum(col)
                              for col in columns))


def figures_for(dept: Department) -> Figures:
    per_org = [org_rows(o) for o in dept.orgs]
    tables = {}
    for name in ("income", "expense", "three_public", "assets"):
        rows = [r[name] for r in per_org]
        if dept.total_row == "first":
            rows = [_total_row(rows), *rows]
        elif dept.total_row == "last":
            rows = [*rows, _total_row(rows)]
        tables[name] = tuple(rows)
    return Figures(**tables)


def overall(figures: Figures, table: str, index: int) -> Decimal:
    """A column's department-wide value: the 合计 row, else the sum over orgs."""
    rows = figures.table(table)
    for row in rows:
        if row.org == "合计":
            return _dec(row.values[index])
    return sum((_dec(r.values[index]) for r in rows), D0)


def rescored(figures: Figures, staff: tuple[int, int]) -> dict[str, tuple[str, str]]:
    """Self scores (and reasons) of the items score.rescore recomputes, by their 评分标准."""
    authorized, actual = staff
    if actual > authorized:
        raise ValueError("keep 实有人数 within 人员编制 in a consistent sample")
    balance = overall(figures, "income", 0) - overall(figures, "expense", 0)
    carryover = overall(figures, "income", 1)
    if balance == 0:
        fund = ("3", "")
    elif balance <= carryover:
        fund = ("2", "有结余，未超过上年结转")
    else:
        fund = ("0", "结余超过上年结转")
    total, in_use = overall(figures, "assets", 0), overall(figures, "assets", 1)
    rate = in_use / total * 100 if total else Decimal(100)
    points_below = Decimal(100) - rate
    if points_below != points_below.to_integral_value():
        raise ValueError(f"固定资产利用率 {rate}% is not a whole percentage")
    assets = ("3", "") if points_below == 0 else (
        f"{Decimal(3) - points_below / 10:.1f}".rstrip("0").rstrip("."), f"固定资产利用率{rate:.0f}%")
    return {"财政供养人员控制率": ("5", ""), "资金结余": fund, "固定资产利用率": assets,
            "预算调整率": ("3", "")}


def scored_items(figures: Figures, dept: Department) -> tuple[ScoreItem, ...]:
    scores = rescored(figures, dept.staff)
    scores.update({name: (score, reason) for name, score, reason in dept.deductions})
    items = []
    for item in seed_spec().scores.items:
        key = item.indicator.replace("\n", "")
        score, reason = scores.get(key, (_full_marks(item), ""))
        items.append(dataclasses.replace(item, self_score=score, reason=reason, level2_filler=""))
    return tuple(items)


def _full_marks(item: ScoreItem) -> str:
    # Items under a merged group maximum (经济/社会/生态效益) keep the seed's 5 each.
    return item.max_score if item.max_score not in (None, "15") else "5"


def grade_for(total: Decimal) -> str:
    return "优秀" if total >= 90 else "良好" if total >= 80 else "中" if total >= 60 else "差"


def consistent_spec(dept: Department, **changes) -> ReportSpec:
    """A report for `dept` on the seed's form; `changes` are ReportSpec fields to override."""
    figures = figures_for(dept)
    items = scored_items(figures, dept)
    total = sum((Decimal(i.self_score) for i in items), D0)
    total_text = f"{total.normalize():f}"
    spec = dataclasses.replace(
        seed_spec(),
        org_name=dept.org_name,
        contact=f"{dept.short}联络员",
        phone=f"0730-8{zlib.crc32(dept.short.encode()) % 1000000:06d}",
        staff_authorized=str(dept.staff[0]),
        staff_actual=str(dept.staff[1]),
        duties=f"负责{dept.short}职能范围内的各项工作；" + "；".join(dept.tasks) + "。",
        work_items=tuple(f"任务{i}：{t}" for i, t in enumerate(dept.tasks, 1)),
        achievements=_achievements(dept),
        figures=figures,
        qualitative_targets=tuple(f"目标{i}：{t}" for i, t in enumerate(dept.tasks[:3], 1)),
        goal_groups=_goals(dept),
        self_score_text=f"{total_text}分",
        self_score=total_text,
        grade=grade_for(total),
        evaluators=_evaluators(dept),
        narrative=narrative(dept, figures),
        scores=dataclasses.replace(seed_spec().scores, items=items, total_self=total_text,
                                   total_self_text=total_text, level1_text=()),
        expected_rules=(),
        features=frozenset(),
    )
    return dataclasses.replace(spec, **changes)


def _rectification(dept: Department) -> str:
    found, fixed = dept.feedback
    rate = Decimal(fixed) / Decimal(found) * 100
    return (f"全年共反馈问题{found}个，已完成整改{fixed}个，整改落实不彻底{found - fixed}个，"
            f"整改率为{rate.quantize(Decimal('0.1')).normalize():f}%。")


def _achievements(dept: Department) -> str:
    return (f"{dept.short}围绕年度目标，" + "，".join(dept.tasks) + "，各项工作按计划推进。"
            + _rectification(dept))


def _goals(dept: Department) -> tuple[GoalGroup, ...]:
    output_note = "（部门工作实绩，包含上级部门和区委区政府布置的重点工作、实事任务等，根据部门实际进行调整细化）"
    t = dept.tasks
    return (
        GoalGroup("产出目标", output_note, "数量指标",
                  (Indicator(f"指标1：{t[0]}", "达标"), Indicator(f"指标2：{t[1]}", "达标"))),
        GoalGroup("产出目标", output_note, "质量指标",
                  (Indicator("指标1：问题整改完成率", f"{dept.feedback[1]}个"),)),
        GoalGroup("产出目标", output_note, "时效指标",
                  (Indicator("指标1：按期完成年度任务", "100%"),)),
        GoalGroup("效益目标", "（预期实现的效益）", "社会效益",
                  (Indicator("服务对象满意度", "95%"),)),
    )


def _evaluators(dept: Department) -> tuple[Evaluator, ...]:
    names = ("李建国", "王晓燕", "陈志强", "刘芳")
    titles = ("组长", "副组长", "成员", "成员")
    return tuple(Evaluator(n, t, dept.short) for n, t in zip(names, titles))


def narrative(dept: Department, figures: Figures) -> tuple[str, ...]:
    def amount(table: str, index: int) -> str:
        return f"{overall(figures, table, index):.2f}"

    expense, basic, project = amount("expense", 0), amount("expense", 1), amount("expense", 4)
    return (
        "",
        "一、部门（单位）概况",
        "（一）部门（单位）基本情况",
        f"{dept.short}共有编制{dept.staff[0]}个，现有人数{dept.staff[1]}人。",
        "（二）部门（单位）整体支出规模、使用方向和主要内容、涉及范围等",
        f"    {dept.short}本年度一共支出{expense}万元，其中基本支出{basic}万元、项目支出{project}万元。",
        "二、部门（单位）整体支出管理及使用情况",
        "（一）基本支出",
        f"本年基本支出合计{basic}万元，其中人员支出{amount('expense', 2)}万元、"
        f"公用支出{amount('expense', 3)}万元。",
        "（二）项目支出",
        f"本年项目支出{project}万元，主要用于{dept.tasks[0]}等工作。",
        "三、部门（单位）专项组织实施情况",
        _achievements(dept),
        "四、部门（单位）整体支出绩效情况",
        f"   （一）{dept.tasks[0]}，按计划完成。",
        f"（二）{dept.tasks[1]}，成效明显。",
        "五、存在的主要问题",
        "预算编制的精细化程度有待提高，绩效目标设置还不够细化、量化。",
        "六、改进措施和有关建议",
        "1、加强预算管理，提高预算编制的准确性。",
        "2、强化绩效管理，细化量化绩效指标。",
    )

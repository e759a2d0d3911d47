"""Fault-injected and near-miss copies of the seed, one .docx each, for the validation tests.

    python samples/make_faults.py

Every document starts from the seed with its own three faults repaired (预算调整率
scored 3 of 3, 资金结余 scored 3 as its 评分标准 wants, totals 99), so it is clean; each
fault then breaks exactly one thing, and each near miss comes as close as the rounding
rule allows without breaking it. `samples/faults/faults.json` records, per stem, the
rule the document is about and the exact set of rules that must fire (empty for a near
miss, whose rule must `pass`).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from formgen import TABLE_KEYS, OrgRow, ReportSpec, seed_spec, write_docx  # noqa: E402

OUT = HERE / "faults"


def say(spec: ReportSpec, old: str, new: str) -> ReportSpec:
    """Rewrite a phrase of the narrative (and of 总体运行情况, which repeats it)."""
    if not any(old in p for p in spec.narrative):
        raise ValueError(f"not in the narrative: {old}")
    return dataclasses.replace(
        spec, narrative=tuple(p.replace(old, new) for p in spec.narrative),
        achievements=spec.achievements.replace(old, new))


def figure(spec: ReportSpec, key: str, value: str | None) -> ReportSpec:
    """Set one figure of the seed's single 机关 row."""
    table = next(t for t, keys in TABLE_KEYS.items() if key in keys)
    (row,) = spec.figures.table(table)
    values = list(row.values)
    values[TABLE_KEYS[table].index(key)] = value
    figures = dataclasses.replace(spec.figures, **{table: (OrgRow(row.org, tuple(values)),)})
    return dataclasses.replace(spec, figures=figures)


def item(spec: ReportSpec, indicator: str, **changes: str) -> ReportSpec:
    """Change the 评分表 row whose 三级指标 starts with `indicator`; totals follow the items."""
    items = tuple(dataclasses.replace(i, **changes) if i.indicator.replace("\n", "").startswith(indicator)
                  else i for i in spec.scores.items)
    if items == spec.scores.items:
        raise ValueError(f"no such item: {indicator}")
    return totals(dataclasses.replace(spec, scores=dataclasses.replace(spec.scores, items=items)))


def totals(spec: ReportSpec, stated: str | None = None) -> ReportSpec:
    """Write the 总分 row and 绩效自评综合得分: the items' sum unless `stated` says otherwise."""
    value = stated or f"{sum(Decimal(i.self_score) for i in spec.scores.items).normalize():f}"
    sheet = dataclasses.replace(spec.scores, total_self=value, total_self_text=value)
    return dataclasses.replace(spec, scores=sheet, self_score=value, self_score_text=f"{value}分")


def clean_seed() -> ReportSpec:
    spec = dataclasses.replace(seed_spec(), expected_rules=())
    spec = item(spec, "预算调整率", self_score="3")
    return item(spec, "资金结余", self_score="3", reason="")


FIRST_CLAUSE = "共反馈一般性问题66个，已完成整改64个，巡察整改落实不彻底2个，整改率为97%"


def faults(base: ReportSpec) -> list[tuple[str, str, ReportSpec, tuple[str, ...]]]:
    """(stem, rule, spec, rules that must fire)."""
    return [
        ("income-sum", "income.sum", figure(base, "income.fiscal", "230.00"), ("income.sum",)),
        ("expense-sum", "expense.sum",
         say(figure(figure(base, "expense.basic", "230.13"), "expense.personnel", "165.25"),
             "基本支出合计232.13万元", "基本支出合计230.13万元"), ("expense.sum",)),
        ("expense-basic-split", "expense.basic_split", figure(base, "expense.personnel", "167.35"),
         ("expense.basic_split",)),
        ("balance-identity", "balance.identity",
         figure(figure(base, "balance.cumulative", "0.00"), "balance.current", "5.00"),
         ("balance.identity",)),
        ("balance-unstated", "balance.unstated", _unstated_balance(base), ("balance.unstated",)),
        ("three-public-sum", "three_public.sum", figure(base, "three_public.reception", "8.50"),
         ("three_public.sum",)),
        ("assets-sum", "assets.sum", figure(base, "assets.leased", "0.64"), ("assets.sum",)),
        ("staff-over-quota", "staff.over_quota", _staff_actual(base, "18"),
         ("staff.over_quota", "score.rescore")),
        ("narrative-headcount", "narrative.figure", say(base, "共17个编制", "共16个编制"),
         ("narrative.figure",)),
        ("score-item-max", "score.item_max", item(base, "预算调整率", self_score="5"),
         ("score.item_max",)),
        ("score-max-sum", "score.max_sum", item(base, "支付进度", max_score="4", reason="进度略慢"),
         ("score.max_sum",)),
        ("score-total", "score.total", totals(base, "97"), ("score.total",)),
        ("score-grade", "score.grade", dataclasses.replace(base, grade="良好"), ("score.grade",)),
        ("score-reason-missing", "score.reason_missing", item(base, "公务卡刷卡率", reason=""),
         ("score.reason_missing",)),
        ("score-rescore", "score.rescore", item(base, "资金结余", self_score="2", reason="有结余"),
         ("score.rescore",)),
        ("narrative-figure", "narrative.figure",
         say(say(base, "一共支出232.13万元", "一共支出233.13万元"), "一般公共服务支出187.76万元",
             "一般公共服务支出188.76万元"), ("narrative.figure",)),
        ("narrative-sum", "narrative.sum", say(base, "其它经费支出44.37万元", "其它经费支出45.37万元"),
         ("narrative.sum",)),
        ("rectification-rate", "rectification.rate",
         say(base, FIRST_CLAUSE, "共反馈一般性问题30个，已完成整改27个，巡察整改落实不彻底3个，整改率为96%"),
         ("rectification.rate",)),
        ("rectification-count", "rectification.count",
         say(base, FIRST_CLAUSE, FIRST_CLAUSE.replace("不彻底2个", "不彻底3个")),
         ("rectification.count",)),
    ]


def near_misses(base: ReportSpec) -> list[tuple[str, str, ReportSpec, tuple[str, ...]]]:
    """(stem, rule, spec, ()): as close to a fault as rounding or the bands allow."""
    return [
        ("near-rounding-basic-split", "expense.basic_split",
         figure(base, "expense.personnel", "167.26"), ()),
        ("near-rounding-income-sum", "income.sum",
         figure(figure(base, "income.carryover", "0.01"), "income.other", "0.00"), ()),
        ("near-rate-64-of-66", "rectification.rate", base, ()),
        ("near-rate-2-of-3", "rectification.rate",
         say(base, FIRST_CLAUSE, "共反馈一般性问题3个，已完成整改2个，巡察整改落实不彻底1个，整改率为66.7%"), ()),
        ("near-grade-exactly-90", "score.grade", _ninety(base), ()),
        ("near-staff-at-quota", "staff.over_quota", _staff_actual(base, "17"), ()),
        ("near-balances-stated-zero", "balance.identity",
         figure(figure(base, "balance.cumulative", "0.00"), "balance.current", "0.00"), ()),
    ]


def _staff_actual(base: ReportSpec, actual: str) -> ReportSpec:
    """实有人数 in the table, and in the narrative that repeats it, so only the intended rule fires."""
    return say(dataclasses.replace(base, staff_actual=actual), "现有人数13人", f"现有人数{actual}人")


def _unstated_balance(base: ReportSpec) -> ReportSpec:
    """7.87万元 left over (240.00 in, 232.13 out) within a 10.00 carry-over, balances blank."""
    spec = figure(figure(figure(base, "income.total", "240.00"), "income.fiscal", "230.00"),
                  "income.carryover", "10.00")
    return item(spec, "资金结余", self_score="2", reason="有结余")


def _ninety(base: ReportSpec) -> ReportSpec:
    """Items adding up to exactly 90, graded 优秀: 效益 scored 2 + 2 + 2 of its merged 15."""
    spec = base
    for name in ("经济效益", "社会效益", "生态效益"):
        spec = item(spec, name, self_score="2", reason="效益有待体现")
    return dataclasses.replace(spec, grade="优秀")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    base = clean_seed()
    manifest = {}
    for stem, rule, spec, fire in [("clean-seed", "", base, ())] + faults(base) + near_misses(base):
        write_docx(dataclasses.replace(spec, expected_rules=fire), OUT / f"{stem}.docx")
        manifest[stem] = {"rule": rule, "fires": sorted(fire)}
    (OUT / "faults.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(manifest)} documents in {OUT}")


if __name__ == "__main__":
    main()

"""The golden expectation of a sample, derived from its spec (never from jixiao's reader).

Shape of `expected_for(spec)` (what `samples/expected/<stem>.json` holds):

- org_name, year, grade
- figures: [{table, org, key, value}] — value a decimal string in the table's
  unit after conversion (万元 for money, 人 for staff, 分 for self_eval), or
  null for a blank cell; compare with `Decimal(value) == …` (trailing zeros
  are not significant). staff.* and self_eval.score have org "".
- profile: {联系人, 联络电话} — accepted text (tracked deletions dropped).
- scores: one per 三级指标, in order: level1, level1_max, level2, level2_max,
  indicator (paragraph breaks removed), max_score, max_group_size (items
  sharing one merged 分值 cell; max_score is then the group's maximum),
  self_score, reason. Scores are decimal strings.
- total: the 总分 row {max_score, self_score}.
- goals: qualitative ones first (one per 预期目标 paragraph, sharing the
  实际完成 text), then quantitative: {kind, category, subcategory, indicator, actual}.
- evaluators: [{name, title, org}].
- narrative_paragraphs: non-empty paragraphs of 五、评价报告综述 after its heading.
- rules: rule ids expected to fire (SPEC §4), sorted; [] for a consistent report.
"""

from __future__ import annotations

import json

from .spec import TABLE_KEYS, ReportSpec, ScoreItem


def expected_for(spec: ReportSpec) -> dict:
    return {
        "org_name": spec.org_name,
        "year": spec.year,
        "grade": spec.grade,
        "figures": _figures(spec),
        "profile": {"联系人": spec.contact, "联络电话": spec.phone},
        "scores": _scores(spec.scores.items),
        "total": {"max_score": spec.scores.total_max, "self_score": spec.scores.total_self},
        "goals": _goals(spec),
        "evaluators": [{"name": e.name, "title": e.title, "org": e.org} for e in spec.evaluators],
        "narrative_paragraphs": sum(1 for p in spec.narrative if p.strip()),
        "rules": sorted(spec.expected_rules),
    }


def to_json(expected: dict) -> str:
    """The JSON text of an expectation: one line per figure, score, goal or evaluator."""
    lines = []
    for key, value in expected.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            text = f"[\n  {items}\n ]"
        else:
            text = json.dumps(value, ensure_ascii=False)
        lines.append(f" {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _figures(spec: ReportSpec) -> list[dict]:
    rows = []
    for table, keys in TABLE_KEYS.items():
        for org_row in spec.figures.table(table):
            rows += [{"table": table, "org": org_row.org, "key": k, "value": v}
                     for k, v in zip(keys, org_row.values)]
    rows.append({"table": "staff", "org": "", "key": "staff.authorized",
                 "value": spec.staff_authorized})
    rows.append({"table": "staff", "org": "", "key": "staff.actual", "value": spec.staff_actual})
    rows.append({"table": "self_eval", "org": "", "key": "self_eval.score",
                 "value": spec.self_score})
    return rows


def _scores(items: tuple[ScoreItem, ...]) -> list[dict]:
    out = []
    for i, item in enumerate(items):
        start, size = _max_group(items, i)
        out.append({
            "level1": item.level1,
            "level1_max": item.level1_max,
            "level2": item.level2,
            "level2_max": item.level2_max,
            "indicator": item.indicator.replace("\n", ""),
            "max_score": items[start].max_score,
            "max_group_size": size,
            "self_score": item.self_score,
            "reason": item.reason,
        })
    return out


def _max_group(items: tuple[ScoreItem, ...], i: int) -> tuple[int, int]:
    """The index of the item holding i's 分值 cell, and how many items share that cell."""
    start = i
    while items[start].max_score is None:
        start -= 1
    end = start + 1
    while end < len(items) and items[end].max_score is None:
        end += 1
    return start, end - start


def _goals(spec: ReportSpec) -> list[dict]:
    goals = [{"kind": "qualitative", "category": "", "subcategory": "", "indicator": t,
              "actual": spec.qualitative_actual} for t in spec.qualitative_targets]
    for group in spec.goal_groups:
        goals += [{"kind": "quantitative", "category": group.category,
                   "subcategory": group.subcategory, "indicator": ind.indicator,
                   "actual": ind.actual} for ind in group.indicators]
    return goals

"""三、整体支出绩效自评情况: qualitative and quantitative goals, the self score and the grade."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.model import Cell
from jixiao.normalize.figures import figure_row
from jixiao.normalize.layout import Item, Row
from jixiao.normalize.numbers import parse_number
from jixiao.normalize.text import display, label_key

_GOAL_SPLIT = re.compile(r"(?=目标\s*\d+\s*[:：])")
_INDICATOR_PREFIX = re.compile(r"^(?:指标\s*\d+|目标\s*\d+|\d+)\s*[:：.、]\s*")
_SCORE_LABELS = ("绩效自评综合得分", "综合得分", "自评得分")
_GRADE_LABELS = ("评价等次", "评价等级", "自评等级")
_MEASURE = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*([^\d\s]{0,3})\s*$")


@dataclass
class Performance:
    goals: list[dict]
    score: dict | None
    grade: str | None
    warnings: list[str]


@dataclass(frozen=True)
class _Columns:
    """Grid column ranges of the quantitative header: 评价内容, 绩效目标, 完成情况."""

    content: tuple[int, int]
    target: tuple[int, int]
    actual: tuple[int, int]


def read_performance(items: list[Item], doc_id: str) -> Performance:
    perf = Performance([], None, None, [])
    qualitative: tuple[int, int, int, int] | None = None
    columns: _Columns | None = None
    for item in items:
        if not isinstance(item, Row) or not item.filled:
            continue
        keys = [label_key(c.text) for c in item.filled]
        if "预期目标" in keys and "实际完成" in keys:
            targets, actuals = (item.filled[keys.index(k)] for k in ("预期目标", "实际完成"))
            qualitative = (targets.col, targets.col + targets.col_span,
                           actuals.col, actuals.col + actuals.col_span)
            columns = None
        elif "绩效目标" in keys and "完成情况" in keys:
            columns = _quantitative_columns(item, keys)
            qualitative = None
        elif score := _label_value(item, *_SCORE_LABELS):
            perf.score, note = _score_figure(doc_id, *score)
            perf.warnings.extend([note] if note else [])
            columns = qualitative = None
        elif grade := _label_value(item, *_GRADE_LABELS):
            perf.grade = display(grade[1].text)
        elif qualitative is not None:
            perf.goals.extend(_qualitative(doc_id, item, qualitative))
        elif columns is not None:
            goal = _quantitative(doc_id, item, columns)
            if goal:
                perf.goals.append(goal)
    return perf


def _label_value(row: Row, *labels: str) -> tuple[Cell, Cell] | None:
    cells = [c for c in row.cells if c.row == row.index or label_key(c.text)]
    for label, value in zip(cells, cells[1:]):
        if any(label_key(label.text).startswith(x) for x in labels):
            return label, value
    return None


def _score_figure(doc_id: str, label: Cell, value: Cell) -> tuple[dict, str | None]:
    number = parse_number(value.text)
    return figure_row(doc_id, "self_eval", "", "self_eval.score", label.text, value, number, "分")


def _qualitative(doc_id: str, row: Row, spans: tuple[int, int, int, int]) -> list[dict]:
    targets = " ".join(c.text for c in row.overlapping(spans[0], spans[1]) if c.row == row.index)
    actuals = [c for c in row.overlapping(spans[2], spans[3]) if c.row == row.index]
    if not label_key(targets) or not actuals:
        return []
    goals = [g.strip() for g in _GOAL_SPLIT.split(targets.replace("\n", "")) if g.strip()] \
        if _GOAL_SPLIT.search(targets) else [display(t) for t in targets.splitlines() if t.strip()]
    actual_lines = [display(t) for t in actuals[0].text.splitlines() if t.strip()]
    rows = []
    for i, goal in enumerate(goals):
        actual = actual_lines[i] if len(actual_lines) == len(goals) else display(actuals[0].text)
        indicator = _INDICATOR_PREFIX.sub("", goal)
        rows.append(_goal(doc_id, "qualitative", "", "", indicator, goal, actual, actuals[0]))
    return rows


def _quantitative_columns(header: Row, keys: list[str]) -> _Columns:
    def span(*names: str) -> tuple[int, int]:
        for name in names:
            if name in keys:
                cell = header.filled[keys.index(name)]
                return cell.col, cell.col + cell.col_span
        return (0, 0)

    return _Columns(span("评价内容", "指标类型", "一级指标"), span("绩效目标", "指标"),
                    span("完成情况", "实际完成", "实际完成值"))


def _quantitative(doc_id: str, row: Row, cols: _Columns) -> dict | None:
    content = row.overlapping(*cols.content)
    target = [c for c in row.overlapping(*cols.target) if c.row == row.index]
    actual = [c for c in row.overlapping(*cols.actual) if c.row == row.index]
    if not target or not label_key(target[0].text):
        return None
    category = _category(content[0].text) if content else ""
    subcategory = display(content[1].text) if len(content) > 1 else ""
    target_text = display(target[0].text)
    indicator = _INDICATOR_PREFIX.sub("", target_text)
    cell = actual[0] if actual else target[0]
    return _goal(doc_id, "quantitative", category, subcategory, indicator, target_text,
                 display(actual[0].text) if actual else "", cell)


def _category(text: str) -> str:
    """`产出目标\n（部门工作实绩，…）` → `产出目标`: the explanation in brackets is template help."""
    first = display(text.splitlines()[0] if text.strip() else "")
    return re.split(r"[（(]", first)[0] or display(text)


def _goal(doc_id: str, kind: str, category: str, subcategory: str, indicator: str,
          target: str, actual: str, cell: Cell) -> dict:
    measure = _MEASURE.match(actual.replace("％", "%"))
    value = parse_number(measure[1]).value if measure else None
    return {
        "doc_id": doc_id, "kind": kind, "category": category, "subcategory": subcategory,
        "indicator": indicator, "target": target, "actual": actual,
        "actual_value": float(value) if value is not None else None,
        "actual_unit": measure[2] if measure else "", "location": str(cell.location),
    }

"""附件3-2 评分表 → one scores row per 三级指标, plus the 总分 row.

The sheet is often split into several tables (or PDF pages) with the header
repeated (F6, F7): every table under the header is read, repeated header rows
are skipped, and an 一级/二级 label or a 分值 left empty at the top of a
continuation is carried over from the row before (F2): the split cut a merge.
A 分值 cell merged over several items is a group maximum: each item gets the
group's maximum, the merged cell's location as `max_group` and the number of
items sharing it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.model import Cell
from jixiao.normalize.layout import Item, Row
from jixiao.normalize.numbers import parse_number
from jixiao.normalize.text import display, label_key, split_max

FIELDS = {
    "level1": ("一级指标",), "level2": ("二级指标",), "indicator": ("三级指标",),
    "criteria": ("评分标准", "评分细则", "指标解释及评分标准"), "max": ("分值", "标准分值", "权重"),
    "self": ("自评得分", "得分", "评价得分"), "reason": ("扣分原因和其他说明", "扣分原因", "扣分原因及说明", "备注"),
}
_TOTAL = {"总分", "合计", "总计", "得分合计"}


@dataclass
class _Carry:
    level1: Cell | None = None
    level2: Cell | None = None
    max: Cell | None = None
    # Under a repeated header, until the first 分值 of the new table: a blank 分值
    # there is the rest of the group maximum the split cut (F7).
    continued: bool = False


def read_scores(items: list[Item], doc_id: str) -> tuple[list[dict], list[str]]:
    columns: dict[str, int] | None = None
    carry = _Carry()
    rows: list[dict] = []
    warnings: list[str] = []
    for item in items:
        if not isinstance(item, Row) or not item.filled:
            continue
        header = _header_columns(item)
        if header:
            columns = header
            carry.continued = bool(rows)
            continue
        if columns is None:
            continue
        row = _score_row(doc_id, item, columns, carry)
        if row is None:
            continue
        rows.append(row)
        if row["kind"] == "item" and row["self_score"] is None and label_key(row["indicator"]):
            warnings.append(f"评分表“{row['indicator']}”没有可读的自评得分（{row['location']}）")
    _mark_groups(rows)
    return rows, warnings


def _header_columns(row: Row) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for cell in row.filled:
        key = label_key(cell.text)
        for field, labels in FIELDS.items():
            if key in labels and field not in found:
                found[field] = cell.col
    return found if {"indicator", "self"} <= set(found) else None


def _score_row(doc_id: str, row: Row, columns: dict[str, int], carry: _Carry) -> dict | None:
    def cell(field: str) -> Cell | None:
        return row.cell_at(columns[field]) if field in columns else None

    first = row.filled[0]
    if label_key(first.text) in _TOTAL and first.col <= columns.get("level1", first.col):
        return _total_row(doc_id, cell("max"), cell("self"))
    level1, level2 = cell("level1"), cell("level2")
    carry.level1 = level1 if level1 is not None and label_key(level1.text) else carry.level1
    carry.level2 = level2 if level2 is not None and label_key(level2.text) else carry.level2
    indicator = cell("indicator")
    if indicator is None or not label_key(indicator.text):
        return None
    name1, max1 = split_max(carry.level1.text) if carry.level1 else ("", None)
    name2, max2 = split_max(carry.level2.text) if carry.level2 else ("", None)
    max_cell, self_cell, reason = _max_cell(cell("max"), carry), cell("self"), cell("reason")
    criteria = cell("criteria")
    return {
        "doc_id": doc_id, "kind": "item", "level1": name1, "level1_max": _num(max1),
        "level2": name2, "level2_max": _num(max2), "indicator": display(indicator.text),
        "criteria": criteria.text.strip() if criteria else "",
        "max_score": _num(max_cell.text) if max_cell else None,
        "self_score": _num(self_cell.text) if self_cell else None,
        "reason": display(reason.text) if reason else "",
        "location": str(self_cell.location) if self_cell else str(indicator.location),
        "max_location": str(max_cell.location) if max_cell else "",
        "_max_cell": max_cell,
    }


def _max_cell(found: Cell | None, carry: _Carry) -> Cell | None:
    if found is not None and label_key(found.text):
        carry.max, carry.continued = found, False
        return found
    return carry.max if carry.continued else found


def _total_row(doc_id: str, max_cell: Cell | None, self_cell: Cell | None) -> dict:
    return {
        "doc_id": doc_id, "kind": "total", "level1": "总分", "indicator": "总分",
        "max_score": _num(max_cell.text) if max_cell else None,
        "self_score": _num(self_cell.text) if self_cell else None,
        "location": str(self_cell.location) if self_cell else "",
        "max_location": str(max_cell.location) if max_cell else "", "_max_cell": None,
    }


def _mark_groups(rows: list[dict]) -> None:
    """Items whose 分值 is one merged cell share a group maximum (seed: 15 over 3 效益 items)."""
    sharing: dict[int, list[dict]] = {}
    for row in rows:
        max_cell = row.pop("_max_cell")
        if max_cell is not None and label_key(max_cell.text):
            sharing.setdefault(id(max_cell), []).append(row)
    for group in sharing.values():
        if len(group) > 1:
            for row in group:
                row["max_group"] = row["max_location"]
                row["max_group_size"] = len(group)


def _num(text: str | None) -> float | None:
    number = parse_number(text)
    return float(number.value) if number.value is not None else None

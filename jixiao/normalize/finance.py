"""二、收支情况: the income, expenditure, 三公经费 and 固定资产 tables → figures rows.

Each sub-table is a block of header rows (机构名称 … with 其中： groupings, labels
merged down over the rows below) and one data row per organisation. A value's
label is the lowest header cell above its grid columns that says something, so
horizontal merges (F1) and vertical ones (F2) line up by grid position, not by
cell index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.extract.model import Cell, Paragraph
from jixiao.normalize.figures import figure_row
from jixiao.normalize.labels import classify, lookup
from jixiao.normalize.layout import Item, Row
from jixiao.normalize.numbers import Number, parse_number, to_wan
from jixiao.normalize.text import display, label_key

_GROUPING = {"其中", "其中:", "机构名称", "单位名称", "单位", "项目", "序号"}
_ORG_HEADERS = {"机构名称", "单位名称", "部门名称", "单位"}
_TITLE_HINTS = (("收入", "income"), ("支出", "expense"), ("三公", "three_public"),
                ("资产", "assets"))


def unit_of(text: str) -> str | None:
    """The amount unit a title or note declares: `（万元）` → 万元, `单位：元` → 元."""
    key = label_key(text)
    if "万元" in key:
        return "万元"
    if re.search(r"\(元\)|单位:?元|金额:?元", key):
        return "元"
    return None


@dataclass
class SubTable:
    header: list[Row]
    title: str = ""
    unit: str = "万元"
    data: list[Row] = field(default_factory=list)

    @property
    def org_span(self) -> tuple[int, int] | None:
        first = self.header[0].filled[0] if self.header[0].filled else None
        if first is not None and label_key(first.text) in _ORG_HEADERS:
            return first.col, first.col + first.col_span
        return None


def read_finance(items: list[Item], doc_id: str) -> tuple[list[dict], list[str]]:
    """Figures of every finance sub-table in the section, and the warnings met on the way."""
    figures: list[dict] = []
    warnings: list[str] = []
    for sub in split_subtables(items):
        rows, notes = subtable_figures(sub, doc_id)
        figures.extend(rows)
        warnings.extend(notes)
    return figures, warnings


def split_subtables(items: list[Item]) -> list[SubTable]:
    subs: list[SubTable] = []
    title, unit = "", "万元"
    current: SubTable | None = None
    for item in items:
        if isinstance(item, Paragraph) or _is_title(item):
            text = item.text if isinstance(item, Paragraph) else item.filled[0].text
            if current is None or current.data:
                title = display(text)
            unit = unit_of(text) or unit
            current = None
            continue
        if _starts_header(item):
            current = SubTable([item], title, unit_of(title) or unit)
            subs.append(current)
        elif current is not None and not current.data and _continues_header(current, item):
            current.header.append(item)
            current.unit = _header_unit(current) or current.unit
        elif current is not None and item.filled:
            current.data.append(item)
    return subs


def subtable_figures(sub: SubTable, doc_id: str) -> tuple[list[dict], list[str]]:
    labels = {id(c): _label_for(sub, c) for row in sub.data for c in _value_cells(sub, row)}
    kind = classify([display(h.text) for h in labels.values() if h is not None])
    kind = kind or next((k for hint, k in _TITLE_HINTS if hint in sub.title), "finance")
    parsed = {id(c): parse_number(c.text) for row in sub.data for c in _value_cells(sub, row)}
    usual = max((n.decimals for n in parsed.values() if n.value is not None), default=0)
    figures, warnings = [], []
    for row in sub.data:
        org = _org_name(sub, row)
        for cell in _value_cells(sub, row):
            header, number = labels[id(cell)], parsed[id(cell)]
            fig, note = _figure(doc_id, kind, org, cell, header, number, usual, sub.unit)
            figures.append(fig)
            if note:
                warnings.append(note)
    return figures, warnings


def _figure(
    doc_id: str, kind: str, org: str, cell: Cell, header: Cell | None,
    number: Number, usual: int, unit: str,
) -> tuple[dict, str | None]:
    raw_label = header.text if header is not None else ""
    key = lookup(kind, raw_label) if header is not None else None
    shown = Number(number.value, max(number.decimals, usual), number.unit or unit, number.state)
    converted = to_wan(shown)
    unit_out = "万元" if converted.unit in ("万元", "") else converted.unit
    fig, note = figure_row(doc_id, kind, org, key, raw_label, cell, converted, unit_out)
    if key is None and (raw_label or number.value is not None):
        note = f"未识别的栏目“{display(raw_label) or '（无表头）'}”，值“{display(cell.text)}”保留为原文（{cell.location}）"
    return fig, note


def _label_for(sub: SubTable, cell: Cell) -> Cell | None:
    """The lowest header cell over the value's columns that names something (F1, F2)."""
    start, stop = cell.col, cell.col + cell.col_span
    for header_row in reversed(sub.header):
        candidates = header_row.overlapping(start, stop)
        if not candidates:
            continue
        best = max(candidates, key=lambda c: min(stop, c.col + c.col_span) - max(start, c.col))
        if label_key(best.text) and label_key(best.text) not in _GROUPING:
            return best
    return None


def _value_cells(sub: SubTable, row: Row) -> list[Cell]:
    span = sub.org_span
    return [c for c in row.cells if c.row == row.index and (span is None or c.col >= span[1])]


def _org_name(sub: SubTable, row: Row) -> str:
    span = sub.org_span
    if span is None:
        return ""
    return display(" ".join(c.text for c in row.overlapping(*span)))


def _is_title(row: Row) -> bool:
    return len(row.filled) == 1 and row.filled[0].row == row.index and not _has_number(row) \
        and row.filled[0].col_span > 1 and len(row.cells) == 1


def _starts_header(row: Row) -> bool:
    first = row.filled[0] if row.filled else None
    if first is None or first.row != row.index:
        return False
    if label_key(first.text) in _ORG_HEADERS:
        return True
    return not _has_number(row) and classify([c.text for c in row.filled]) is not None \
        and sum(1 for c in row.filled if _known_anywhere(c.text)) >= 2


def _continues_header(sub: SubTable, row: Row) -> bool:
    if _has_number(row):
        return False
    span = sub.org_span
    if span is not None:
        first = row.cell_at(span[0])
        return first is sub.header[0].filled[0] or (first is not None and not label_key(first.text))
    return bool(row.filled) and all(_known_anywhere(c.text) or label_key(c.text) in _GROUPING
                                    for c in row.filled)


def _header_unit(sub: SubTable) -> str | None:
    for row in sub.header:
        for cell in row.filled:
            unit = unit_of(cell.text)
            if unit:
                return unit
    return None


def _has_number(row: Row) -> bool:
    return any(parse_number(c.text).value is not None for c in row.filled if c.row == row.index)


def _known_anywhere(text: str) -> bool:
    return any(lookup(kind, text) for kind in ("income", "expense", "three_public", "assets"))

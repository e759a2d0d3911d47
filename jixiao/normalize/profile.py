"""一、基本概况: label/value pairs → profile rows, and the headcounts as staff figures."""

from __future__ import annotations

from jixiao.extract.model import Cell
from jixiao.normalize.figures import figure_row
from jixiao.normalize.layout import Item, Row
from jixiao.normalize.numbers import parse_number
from jixiao.normalize.text import display, label_key

# field (as SPEC §1 names it) → labels seen for it; long labels also match inside longer ones.
FIELDS: dict[str, tuple[str, ...]] = {
    "联系人": ("联系人",),
    "联络电话": ("联络电话", "联系电话"),
    "人员编制": ("人员编制", "编制人数", "编制数"),
    "实有人数": ("实有人数", "在职人数", "实有人员"),
    "职能职责概述": ("职能职责概述", "职能职责"),
    "年度主要工作内容": ("年度主要工作内容", "主要工作内容"),
    "年度总体运行情况及取得的成绩": ("总体运行情况",),
}
# Multi-paragraph texts keep their line breaks: they are read, not compared.
LONG_FIELDS = {"职能职责概述", "年度主要工作内容", "年度总体运行情况及取得的成绩"}
STAFF_KEYS = {"人员编制": "staff.authorized", "实有人数": "staff.actual"}


def field_of(text: str) -> str | None:
    key = label_key(text)
    for name, labels in FIELDS.items():
        if key in labels or any(len(a) >= 4 and a in key and len(key) <= len(a) + 14 for a in labels):
            return name
    return None


def read_profile(items: list[Item], doc_id: str) -> tuple[list[dict], list[dict], list[str]]:
    """(profile rows, staff figures, warnings)."""
    profile: list[dict] = []
    figures: list[dict] = []
    warnings: list[str] = []
    for item in items:
        if not isinstance(item, Row):
            continue
        for name, label, value in _pairs(item):
            text = value.text.strip() if name in LONG_FIELDS else display(value.text)
            profile.append({"doc_id": doc_id, "field": name, "value": text,
                            "location": str(value.location)})
            if name in STAFF_KEYS:
                fig, note = _staff_figure(doc_id, name, label, value)
                figures.append(fig)
                warnings.extend([note] if note else [])
    return profile, figures, warnings


def _pairs(row: Row) -> list[tuple[str, Cell, Cell]]:
    """(field, label cell, value cell) for each label followed by a cell that is no label."""
    cells = [c for c in row.cells if c.row == row.index]
    pairs = []
    for label, value in zip(cells, cells[1:]):
        name = field_of(label.text)
        if name and not field_of(value.text):
            pairs.append((name, label, value))
    return pairs


def _staff_figure(doc_id: str, name: str, label: Cell, value: Cell) -> tuple[dict, str | None]:
    number = parse_number(value.text)
    return figure_row(doc_id, "staff", "", STAFF_KEYS[name], label.text, value, number, "人")

"""四、评价人员: one row per evaluator under the 姓名 / 职务 / 单位 header."""

from __future__ import annotations

from jixiao.normalize.layout import Item, Row
from jixiao.normalize.text import display, label_key

_HEADERS = {"name": ("姓名",), "title": ("职务/职称", "职务", "职称", "职务职称"),
            "org": ("单位", "工作单位", "所在单位")}
# Rows after the evaluators that are signatures and opinions, not people (F16).
_STOP_WORDS = ("签字", "签章", "签名", "意见", "年月日")


def read_evaluators(items: list[Item], doc_id: str) -> list[dict]:
    people: list[dict] = []
    spans: dict[str, tuple[int, int]] | None = None
    for item in items:
        if not isinstance(item, Row):
            continue
        header = _header_spans(item)
        if header:
            spans = header
            continue
        if spans is None:
            continue
        if any(w in label_key(c.text) for c in item.filled for w in _STOP_WORDS):
            spans = None
            continue
        person = {field: _text_in(item, span) for field, span in spans.items()}
        if any(person.values()):
            location = str(item.filled[0].location) if item.filled else ""
            people.append({"doc_id": doc_id, **person, "location": location})
    return people


def _header_spans(row: Row) -> dict[str, tuple[int, int]] | None:
    spans = {}
    for cell in row.filled:
        key = label_key(cell.text)
        for field, labels in _HEADERS.items():
            if key in labels and field not in spans:
                spans[field] = (cell.col, cell.col + cell.col_span)
    return spans if "name" in spans and len(spans) >= 2 else None


def _text_in(row: Row, span: tuple[int, int]) -> str:
    cells = [c for c in row.overlapping(*span) if c.row == row.index]
    return display(" ".join(c.text for c in cells))

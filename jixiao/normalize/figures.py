"""One figures row: a value cell read under its label, raw beside normalized (STYLE 3)."""

from __future__ import annotations

from jixiao.extract.model import Cell
from jixiao.normalize.numbers import Number
from jixiao.normalize.text import display


def figure_row(
    doc_id: str, table: str, org: str, key: str | None, raw_label: str, cell: Cell,
    number: Number, unit: str,
) -> tuple[dict, str | None]:
    """The row, and a warning when the cell holds text where a number belongs (kept, missing)."""
    note = None
    if number.state == "text":
        note = f"“{display(raw_label)}”的值“{display(cell.text)}”不是数字，记为缺失（{cell.location}）"
    row = {
        "doc_id": doc_id, "table": table, "org": org, "key": key, "label": display(raw_label),
        "value": float(number.value) if number.value is not None else None, "unit": unit,
        "raw_label": raw_label, "raw_value": cell.text,
        "decimals": number.decimals if number.value is not None else None,
        "location": str(cell.location),
    }
    return row, note

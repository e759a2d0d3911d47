"""Section 二 (收支情况): the four 机构名称 tables on the form's 16-column grid.

Each table's header cells and value cells share grid starts and spans, so a
value sits exactly under its label (FAILURE_MODES F1). Column spans below are
in grid columns; `其中：` and `结余` span the columns of the labels under them.
"""

from __future__ import annotations

from .amounts import print_amount
from .docx_writer import Cell, cell, cont
from .spec import TABLE_KEYS, ReportSpec

# Grid spans of each table's value columns (机构名称 first), summing to 16.
SPANS: dict[str, tuple[int, ...]] = {
    "income": (2, 2, 2, 2, 2, 3, 3),
    "expense": (2, 2, 2, 2, 2, 2, 2, 2),
    "three_public": (2, 2, 3, 3, 3, 3),
    "assets": (2, 2, 4, 4, 4),
}

TITLES = {"income": "年度收入情况", "expense": "部门（单位）年度支出和结余情况"}

Rows = list[tuple[Cell, ...]]


def money_rows(spec: ReportSpec) -> Rows:
    rows: Rows = []
    if spec.unit_style == "line":
        rows.append((cell(f"单位：{spec.unit}", 16),))
    for name in ("income", "expense", "three_public", "assets"):
        if name in TITLES:
            rows.append((cell(_title(spec, name), 16),))
        rows += _HEADERS[name](spec, SPANS[name])
        rows += [_value_row(spec, name, org_row) for org_row in spec.figures.table(name)]
    return rows


def _title(spec: ReportSpec, name: str) -> str:
    return TITLES[name] + (f"（{spec.unit}）" if spec.unit_style == "title" else "")


def _value_row(spec: ReportSpec, name: str, org_row) -> tuple[Cell, ...]:
    spans = SPANS[name]
    texts = [print_amount(v, spec.unit, spec.number_style, spec.blank) for v in org_row.values]
    org = spec.label("total_row") if org_row.org == "合计" else org_row.org
    return tuple(cell(t, s) for t, s in zip([org, *texts], spans))


def _label(spec: ReportSpec, name: str, i: int) -> str:
    return spec.label(TABLE_KEYS[name][i])


def _income_header(spec: ReportSpec, sp: tuple[int, ...]) -> Rows:
    return [
        (cell(spec.label("org"), sp[0], "restart"), cell(_label(spec, "income", 0), sp[1], "restart"),
         cell("其中：", sum(sp[2:]))),
        (cont(sp[0]), cont(sp[1]), *(cell(_label(spec, "income", i), sp[i + 1]) for i in range(1, 6))),
    ]


def _expense_header(spec: ReportSpec, sp: tuple[int, ...]) -> Rows:
    lab = [_label(spec, "expense", i) for i in range(7)]
    return [
        (cell(spec.label("org"), sp[0], "restart"), cell(lab[0], sp[1], "restart"),
         cell("其中：", sum(sp[2:6])), cell("结余", sum(sp[6:]))),
        (cont(sp[0]), cont(sp[1]), cell(lab[1], sp[2], "restart"), cell("其中：", sp[3] + sp[4]),
         cell(lab[4], sp[5], "restart"), cell(lab[5], sp[6], "restart"),
         cell(lab[6], sp[7], "restart")),
        (cont(sp[0]), cont(sp[1]), cont(sp[2]), cell(lab[2], sp[3]), cell(lab[3], sp[4]),
         cont(sp[5]), cont(sp[6]), cont(sp[7])),
    ]


def _three_public_header(spec: ReportSpec, sp: tuple[int, ...]) -> Rows:
    return [
        (cell(spec.label("org"), sp[0], "restart"),
         cell(_label(spec, "three_public", 0), sp[1], "restart"), cell("其中：", sum(sp[2:]))),
        (cont(sp[0]), cont(sp[1]),
         *(cell(_label(spec, "three_public", i), sp[i + 1]) for i in range(1, 5))),
    ]


def _assets_header(spec: ReportSpec, sp: tuple[int, ...]) -> Rows:
    lab = [_label(spec, "assets", i) for i in range(4)]
    return [
        (cell(spec.label("org"), sp[0], "restart"), cell(lab[0], sp[1], "restart"),
         cell("其中：", sp[2] + sp[3]), cell(lab[3], sp[4], "restart")),
        (cont(sp[0]), cont(sp[1]), cell(lab[1], sp[2]), cell(lab[2], sp[3]), cont(sp[4])),
    ]


_HEADERS = {
    "income": _income_header,
    "expense": _expense_header,
    "three_public": _three_public_header,
    "assets": _assets_header,
}

"""A `ReportSpec` laid out as the Hunan form: blocks ready for `docx_writer`.

Sections 一 to 五 are one Word table on a 16-column grid (layout `one_table`,
FAILURE_MODES F3) or one table per section under paragraph headings
(`separate_tables`). Then 附件3-2 and the 评分表 (`scoresheet.py`).
"""

from __future__ import annotations

from .docx_writer import Block, Cell, Grid, Para, Run, cell, cont
from .money_tables import money_rows
from .scoresheet import score_blocks
from .spec import ReportSpec

GRID16 = (562,) * 16
Rows = list[tuple[Cell, ...]]

SECTION_TITLES = (
    "一、部门（单位）基本概况",
    "二、部门（单位）收支情况",
    "三、部门（单位）整体支出绩效自评情况",
    "四、评价人员",
)
NARRATIVE_TITLE = "五、评价报告综述（文字部分）"

# The signature block exactly as the seed prints it: long space runs (F16).
SIGNATURES = (
    ("评价组组长（签字）：", "", "", "", "", "", " " * 63 + "年    月    日"),
    ("部门（单位）意见：", "", "", "", "", " " * 41 + "部门（单位）负责人（签章）：",
     " " * 63 + "年    月    日"),
    ("财政部门归口业务科室意见：", "", "", "", "", " " * 34 + "财政部门归口业务科室负责人（签章）：",
     " " * 65 + "年    月   日", "", "", "填报人（签名）：" + " " * 26 + "联系电话："),
)


def build_blocks(spec: ReportSpec) -> list[Block]:
    title = Para(runs=(Run(spec.title_text),), bold=True, center=True, size=15)
    sections = [profile_rows(spec), money_rows(spec), goal_rows(spec), evaluator_rows(spec)]
    if spec.layout == "one_table":
        blocks: list[Block] = [title, _one_table(sections, spec)]
    elif spec.layout == "separate_tables":
        blocks = [title, *_separate_tables(sections, spec)]
    else:
        raise ValueError(f"unknown layout {spec.layout!r}")
    return [*blocks, "", "附件3-2", Para(runs=(Run("部门整体支出绩效评价评分表"),), bold=True,
                                          center=True), *score_blocks(spec.scores)]


def _one_table(sections: list[Rows], spec: ReportSpec) -> Grid:
    rows: Rows = []
    for heading, section in zip(SECTION_TITLES, sections):
        rows += [(cell(heading, 16),), *section]
    rows.append((Cell(paras=(NARRATIVE_TITLE, *spec.narrative), span=16),))
    return Grid(GRID16, tuple(rows))


def _separate_tables(sections: list[Rows], spec: ReportSpec) -> list[Block]:
    blocks: list[Block] = []
    for heading, section in zip(SECTION_TITLES, sections):
        blocks += [Para(runs=(Run(heading),), bold=True), Grid(GRID16, tuple(section))]
    return [*blocks, Para(runs=(Run(NARRATIVE_TITLE),), bold=True), *spec.narrative]


def profile_rows(spec: ReportSpec) -> Rows:
    contact: Cell = cell(spec.contact, 5)
    if "tracked_change" in spec.features:
        contact = Cell(paras=(Para(runs=(Run(spec.old_contact, "del"), Run(spec.contact, "ins"))),),
                       span=5)
    phone: Cell = cell(spec.phone, 5)
    if "sdt" in spec.features:
        phone = Cell(paras=(Para(runs=(Run(spec.phone, "sdt"),)),), span=5)
    return [
        (cell("联系人", 3), contact, cell("联络电话", 3), phone),
        (cell(spec.label("staff.authorized"), 3), cell(f"{spec.staff_authorized}人", 5),
         cell(spec.label("staff.actual"), 3), cell(f"{spec.staff_actual}人", 5)),
        (cell("职能职责概述", 3), cell(spec.duties, 13)),
        (cell("年度主要\n工作内容", 3), _work_cell(spec)),
        (cell("年度部门（单位）总体运行情况及取得的成绩", 3), cell(spec.achievements, 13)),
    ]


def _work_cell(spec: ReportSpec) -> Cell:
    if "nested_table" not in spec.features:
        return Cell(paras=spec.work_items, span=13)
    rows = [(cell("序号", 1), cell("工作任务", 1))]
    rows += [(cell(str(i), 1), cell(item.split("：", 1)[-1], 1))
             for i, item in enumerate(spec.work_items, 1)]
    nested = Grid((900, 6000), tuple(rows))
    return Cell(paras=("主要工作任务见下表：",), span=13, nested=nested)


def goal_rows(spec: ReportSpec) -> Rows:
    rows: Rows = [
        (cell("整体支出绩效定性目标及实施计划完成情况", 3, "restart"), cell("预期目标", 9),
         cell("实际完成", 4)),
        (cont(3), Cell(paras=spec.qualitative_targets, span=9), cell(spec.qualitative_actual, 4)),
    ]
    direction = "tbRl" if "vertical_label" in spec.features else None
    label = "绩效指标" if direction else "整体支出\n绩效定量目标及实施计划完成情况"
    rows.append((cell(label, 3, "restart", direction=direction), cell("评价内容", 5),
                 cell("绩效目标", 4), cell("完成情况", 4)))
    rows += _indicator_rows(spec)
    rows += [
        (cell(spec.label("self_eval.score"), 3), cell(spec.self_score_text, 13)),
        (cell("评价等次", 3), cell(spec.grade, 13)),
    ]
    return rows


def _indicator_rows(spec: ReportSpec) -> Rows:
    groups = spec.goal_groups
    rows: Rows = []
    for g_index, group in enumerate(groups):
        category_rows = sum(len(g.indicators) for g in groups if g.category == group.category)
        first_of_category = g_index == 0 or groups[g_index - 1].category != group.category
        for i, ind in enumerate(group.indicators):
            if first_of_category and i == 0:
                v = "restart" if category_rows > 1 else None
                category = cell(f"{group.category}\n{group.category_note}", 3, v)
            else:
                category = cont(3)
            if i == 0:
                sub = cell(group.subcategory, 2, "restart" if len(group.indicators) > 1 else None)
            else:
                sub = cont(2)
            rows.append((cont(3), category, sub, cell(ind.indicator, 4), cell(ind.actual, 4)))
    return rows


def evaluator_rows(spec: ReportSpec) -> Rows:
    rows: Rows = [(cell("姓  名", 4), cell("职务/职称", 4), cell("单  位", 4), cell("签  字", 4))]
    rows += [(cell(e.name, 4), cell(e.title, 4), cell(e.org, 4), cell("", 4))
             for e in spec.evaluators]
    rows += [(Cell(paras=lines, span=16),) for lines in SIGNATURES]
    return rows

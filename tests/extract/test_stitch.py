"""Joining a table with its continuation: columns by x-position, headers, split rows, merges."""

from __future__ import annotations

from jixiao.extract.model import Cell, Location, Paragraph, Table
from jixiao.extract.stitch import continues, join, repeats_header


def table(rows: list[list[str | tuple[str, int, int]]], edges: list[float], page: int = 1) -> Table:
    """Rows of cells, each text or (text, col_span, row_span); None-free grids, left to right."""
    cells, taken = [], set()
    for r, row in enumerate(rows):
        col = 0
        for spec in row:
            while (r, col) in taken:
                col += 1
            text, cols, span = (spec, 1, 1) if isinstance(spec, str) else spec
            paragraphs = tuple(Paragraph(t, Location(page=page)) for t in text.split("\n") if t)
            cells.append(Cell(r, col, text, span, cols, paragraphs=paragraphs, page=page))
            taken |= {(r + i, col + j) for i in range(span) for j in range(cols)}
            col += cols
    return Table(0, len(rows), len(edges) - 1, tuple(cells), (page,), tuple(edges))


def texts(t: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in t.rows()]


HEADER = ["一级指标", "三级指标", "分值", "自评得分"]
EDGES = [50.0, 120.0, 300.0, 400.0, 500.0]


def test_the_repeated_header_row_is_dropped():
    upper = table([HEADER, ["投入", "控制率", "5", "5"]], EDGES)
    lower = table([HEADER, ["过程", "支付进度", "3", "3"]], EDGES, page=2)
    joined = join(upper, lower)
    assert texts(joined) == [HEADER, ["投入", "控制率", "5", "5"], ["过程", "支付进度", "3", "3"]]
    assert joined.pages == (1, 2)


def test_columns_are_matched_by_position_not_index():
    # Page 2 splits the 三级指标 column in two at x=210: 5 grid columns there, 4 on page 1.
    upper = table([HEADER, ["投入", "控制率", "5", "5"]], EDGES)
    lower = table([[("过程", 1, 1), "预算", "调整率", "3", "5"]], [50.5, 120.5, 210.0, 299.5, 400.0, 500.0], page=2)
    joined = join(upper, lower)
    assert joined.n_cols == 5
    rate = next(c for c in joined.cells if c.text == "控制率")
    assert (rate.col, rate.col_span) == (1, 2)
    score = next(c for c in joined.cells if c.text == "5" and c.row == 2)
    assert score.col == 4 == next(c for c in joined.cells if c.text == "5" and c.row == 1 and c.col == 4).col


def test_a_row_split_by_the_page_break_is_fused():
    upper = table([HEADER, ["投入", "控制率", "5", "5"], ["过程", "支付", "3", "2"]], EDGES)
    lower = table([HEADER, ["", "进度", "", ""], ["", "结余", "3", "3"]], EDGES, page=2)
    joined = join(upper, lower, cut=lambda cell: True)  # every cell of the last row ran to the page's end
    assert texts(joined)[2] == ["过程", "支付\n进度", "3", "2"]
    assert texts(joined)[3] == ["", "结余", "3", "3"]


def test_a_row_under_cells_with_room_left_is_a_new_row():
    upper = table([HEADER, ["过程", "支付", "3", "2"]], EDGES)
    lower = table([["", "进度", "", ""]], EDGES, page=2)
    assert join(upper, lower, cut=lambda cell: cell.text != "支付").n_rows == 3
    assert join(upper, lower).n_rows == 3  # without knowing where text ends, only a blank row is a remainder


def test_a_new_row_with_its_own_scores_is_not_a_split_row():
    upper = table([HEADER, ["机关", "320.56", "50.00", "1"]], EDGES)
    lower = table([["区教育事务中心", "150.00", "", "2"]], EDGES, page=2)
    assert join(upper, lower, cut=lambda cell: True).n_rows == 3


def test_a_continuation_without_a_top_rule_is_fused():
    upper = table([["巡察工作是党内监督的重要方式。目前巡察办"]], [50.0, 500.0])
    lower = table([["巡察组共17个编制。"]], [50.0, 500.0], page=2)
    joined = join(upper, lower, ruled_top=False)
    assert joined.n_rows == 1
    assert [p.text for p in joined.cells[0].paragraphs] == ["巡察工作是党内监督的重要方式。目前巡察办巡察组共17个编制。"]


def test_a_vertical_merge_runs_on_over_the_break():
    upper = table([HEADER, [("过程", 1, 2), "支付进度", "3", "3"], ["资金结余", "3", "2"]], EDGES)
    lower = table([[("", 1, 2), "控制率", "6", "6"], ["管理制度", "3", "3"]], EDGES, page=2)
    joined = join(upper, lower)
    process = next(c for c in joined.cells if c.text == "过程")
    assert process.row_span == 4 and joined.n_rows == 5


def test_an_empty_single_cell_under_a_filled_one_stays_blank():
    upper = table([HEADER, ["投入", "控制率", "5", "4"]], EDGES)
    lower = table([["过程", "支付进度", "3", ""]], EDGES, page=2)
    joined = join(upper, lower)
    assert texts(joined)[2] == ["过程", "支付进度", "3", ""]


def test_different_outer_edges_are_different_tables():
    upper = table([HEADER], EDGES)
    assert continues(upper, table([HEADER], EDGES, page=2))
    assert not continues(upper, table([["机构名称", "收入合计"]], [50.0, 200.0, 350.0], page=2))


def test_a_header_copy_marks_one_table_written_as_two():
    upper = table([HEADER, ["投入", "控制率", "5", "5"]], EDGES)
    assert repeats_header(upper, table([HEADER, ["过程", "支付进度", "3", "3"]], EDGES))
    assert not repeats_header(upper, table([["机构名称", "收入合计", "其中", "合计"]], EDGES))

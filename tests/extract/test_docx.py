"""The Word reader on the committed seed rendition: spans, merges, breaks, tracked changes."""

from __future__ import annotations

from functools import cache

from jixiao.extract import read_document
from jixiao.extract.model import Paragraph, Table

from conftest import SAMPLES


@cache
def seed_document():
    path = SAMPLES / "seed.docx"
    return read_document(str(path), path.read_bytes())


def cell_with(table: Table, text: str):
    return next(c for c in table.cells if c.text == text)


def test_blocks_keep_document_order():
    blocks = seed_document().blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds[:2] == ["Paragraph", "Table"]
    assert [b.text for b in blocks if isinstance(b, Paragraph)][1:] == ["附件3-2", "部门整体支出绩效评价评分表"]
    assert len(seed_document().tables()) == 3


def test_the_form_is_one_table_on_a_sixteen_column_grid():
    form = seed_document().tables()[0]
    assert form.n_cols == 16
    title = cell_with(form, "一、部门（单位）基本概况")
    assert (title.col, title.col_span) == (0, 16)


def test_horizontal_merge_is_one_cell_with_a_span():
    form = seed_document().tables()[0]
    matches = [c for c in form.cells if c.text == "其中："]
    assert matches[0].col_span == 12
    # python-docx's row.cells would repeat the merged narrative cell once per grid slot
    narrative = [c for c in form.cells if c.text.startswith("五、评价报告综述")]
    assert len(narrative) == 1 and narrative[0].col_span == 16


def test_vertical_merge_is_one_cell_with_a_row_span():
    form = seed_document().tables()[0]
    org_headers = [c for c in form.cells if c.text == "机构名称"]
    assert [c.row_span for c in org_headers] == [2, 3, 2, 2]
    grid = form.grid()
    header = org_headers[1]
    assert grid[header.row + 2][header.col] is header


def test_label_broken_by_paragraphs_keeps_its_parts():
    cell = cell_with(seed_document().tables()[0], "公共财\n政拨款")
    assert [p.text for p in cell.paragraphs] == ["公共财", "政拨款"]


def test_tracked_deletion_is_dropped_and_insertion_kept():
    form = seed_document().tables()[0]
    texts = {c.text for c in form.cells}
    assert "史维巍" in texts
    assert not any("旧名字" in t for t in texts)


def test_content_control_text_is_read():
    assert "18182015045" in {c.text for c in seed_document().tables()[0].cells}


def test_narrative_cell_keeps_its_paragraphs_apart():
    form = seed_document().tables()[0]
    cell = next(c for c in form.cells if c.text.startswith("五、评价报告综述"))
    texts = [p.text for p in cell.paragraphs]
    assert "一、部门（单位）概况" in texts and "六、改进措施和有关建议" in texts
    para = cell.paragraphs[texts.index("一、部门（单位）概况")]
    assert str(para.location).startswith(f"t1 r{cell.row + 1} c1 ¶")


def test_cell_location_prints_for_people():
    cell = cell_with(seed_document().tables()[0], "232.13")
    assert str(cell.location) == "t1 r11 c3"


def test_blank_cells_stay_blank():
    form = seed_document().tables()[0]
    assert all(c.text.strip("\u3000 ") == c.text.strip() for c in form.cells)
    signatures = [c for c in form.cells if c.row == 39 and c.col == 12]
    assert signatures and signatures[0].text == ""

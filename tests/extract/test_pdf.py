"""The PDF reader on the seed's renditions: grid and spans, CJK text, tables over pages."""

from __future__ import annotations

import re
from functools import cache

from jixiao.extract import read_document
from jixiao.extract.model import Cell, Document, Table

from conftest import SAMPLES


@cache
def read(name: str) -> Document:
    path = SAMPLES / name
    return read_document(str(path), path.read_bytes())


def cell_with(table: Table, text: str) -> Cell:
    return next(c for c in table.cells if re.sub(r"\s", "", c.text) == text)


def form() -> Table:
    return read("seed.pdf").tables()[0]


def test_the_seed_pdf_reads_as_two_tables_between_paragraphs():
    document = read("seed.pdf")
    assert (document.format, document.status, document.pages) == ("pdf", "ok", 10)
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Paragraph", "Table"]


def test_a_label_lines_up_with_its_figure_through_the_spans():
    table = form()
    label = cell_with(table, "公共财政拨款")
    header = cell_with(table, "其中：")
    assert header.col_span > label.col_span and header.row + 1 == label.row
    figure = next(c for c in table.cells if c.row == label.row + 1 and c.col == label.col)
    assert figure.text == "232.13"


def test_every_cell_knows_its_page_and_box():
    for table in read("seed.pdf").tables():
        for cell in table.cells:
            assert cell.page in table.pages and cell.bbox is not None and cell.table == table.index


def test_wrapped_labels_keep_their_line_break():
    label = cell_with(form(), "纳入专户管理的非税收入拨款")
    assert "\n" in label.text and label.text.replace("\n", "") == "纳入专户管理的非税收入拨款"


def test_cjk_text_is_exact_numbers_intact_quotes_in_place():
    text = cell_with(form(), "年度部门（单位）总体运行情况及取得的成绩")
    work = next(c for c in form().cells if c.row == text.row and c.col > text.col).text.replace("\n", "")
    assert "等7家单位" in work and "整改率为94.8%" in work
    assert "深化“最多跑一次”改革" in work


def test_struck_out_tracked_deletion_is_not_read():
    contact = cell_with(form(), "联系人")
    value = next(c for c in form().cells if c.row == contact.row and c.col == contact.col + contact.col_span)
    assert value.text == "史维巍"


def test_narrative_cell_comes_out_as_headings_and_paragraphs():
    narrative = max(form().cells, key=lambda c: len(c.text))
    texts = [p.text for p in narrative.paragraphs]
    assert texts[:3] == ["五、评价报告综述（文字部分）", "一、部门（单位）概况", "（一）部门（单位）基本情况"]
    assert "（一）基本支出" in texts and "六、改进措施和有关建议" in texts
    assert any(t.startswith("2021年年初") and t.endswith("收集整理工作。") for t in texts)
    assert str(narrative.paragraphs[1].location) == f"p{narrative.page} t1 r{narrative.row + 1} c1 ¶2"


def test_score_sheet_written_as_two_tables_over_five_pages_is_one_with_one_header():
    sheet = read("seed.pdf").tables()[1]
    assert sheet.pages == (6, 7, 8, 9, 10)
    assert sum(1 for c in sheet.cells if c.text.replace("\n", "") == "一级指标") == 1
    indicators = [c for c in sheet.cells if c.col == 2 and c.row > 0 and c.text]
    assert len(indicators) == 25


def test_a_vertical_merge_over_the_page_break_is_one_cell():
    output = next(c for c in form().cells if c.text.startswith("产出目标"))
    assert output.row_span == 8
    assert output.text.replace("\n", "").endswith("根据部门实际进行调整细化）")


def test_a_second_producer_gives_the_same_rows():
    def rows(document: Document) -> list[str]:
        return [" | ".join(re.sub(r"\s", "", c.text) for c in row)
                for table in document.tables() for row in table.rows() if any(ch.isdigit() for r in row for ch in r.text)]

    assert rows(read("seed-chromium.pdf")) == rows(read("seed.pdf"))


def test_chromium_radical_lookalikes_come_out_as_ideographs():
    text = "".join(c.text for t in read("seed-chromium.pdf").tables() for c in t.cells)
    assert "工作" in text and "部门" in text and "纳入专户" in text
    assert not re.search(r"[\u2e80-\u2fdf]", text)


def test_rows_split_over_pages_are_rejoined_and_merges_carried():
    sheet = read("pdf/split-rows.pdf").tables()[1]
    assert len(sheet.pages) > 5 and sheet.n_rows == 25
    assert [c.row_span for c in sheet.cells if c.col == 0 and c.row > 0] == [24]
    assert [c.row_span for c in sheet.cells if c.col == 1 and c.row > 0] == [8, 8, 8]
    names = [c.text for c in sorted(sheet.cells, key=lambda c: c.row) if c.col == 2 and c.row > 0]
    assert names == [f"指标{n}" for n in range(1, 25)]


def test_a_cell_filling_a_whole_page_is_not_lost():
    narrative = read("pdf/split-rows.pdf").tables()[0]
    cell = narrative.cells[0]
    assert narrative.pages == (1, 2) and len(cell.paragraphs) == 31
    assert cell.paragraphs[-1].text.startswith("（30）")

"""Exports: what a bureau opens (Excel, CSV) and what a data team loads (Parquet)."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao import export
from jixiao.export import write_tables
from jixiao.tables import TABLE_NAMES, frame


@pytest.fixture(scope="module")
def tables(seed):
    return seed.tables()


def test_parquet_gives_back_the_same_tables_and_dtypes(tables, tmp_path):
    write_tables(tables, tmp_path, "parquet")
    for name, df in tables.items():
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"{name}.parquet"), df, obj=name)


def test_csv_is_utf8_with_a_bom_so_excel_shows_the_chinese(tables, tmp_path):
    write_tables(tables, tmp_path, "csv")
    raw = (tmp_path / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "公共财政拨款" in raw.decode("utf-8-sig")


def test_the_workbook_opens_on_the_findings_with_frozen_headers(tables, tmp_path):
    [path] = write_tables(tables, tmp_path, "xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "findings"
    assert sorted(book.sheetnames) == sorted(TABLE_NAMES)
    assert all(sheet.freeze_panes == "A2" for sheet in book.worksheets)


def test_a_chinese_column_is_wide_enough_to_read(tmp_path):
    df = frame("profile", [{"doc_id": "a", "field": "职能职责概述", "value": "负责巡察工作", "location": "t1 r2 c3"}])
    [path] = write_tables({"profile": df}, tmp_path, "xlsx")
    sheet = openpyxl.load_workbook(path)["profile"]
    assert sheet.column_dimensions["B"].width >= 2 * len("职能职责概述")


def test_control_characters_from_a_pdf_text_layer_do_not_break_the_workbook(tmp_path):
    df = frame("narrative", [{"doc_id": "a", "section": "一", "para": 1, "text": "巡察\x01办\x1f"}])
    [path] = write_tables({"narrative": df}, tmp_path, "xlsx")
    assert openpyxl.load_workbook(path)["narrative"]["D2"].value == "巡察办"


def test_a_table_longer_than_a_sheet_continues_on_the_next(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "EXCEL_ROWS", 2)
    df = frame("checks", [{"doc_id": str(i), "rule": "income.sum", "status": "pass"} for i in range(5)])
    [path] = write_tables({"checks": df}, tmp_path, "xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["checks", "checks 2", "checks 3"]
    assert [book[name].max_row - 1 for name in book.sheetnames] == [2, 2, 1]


def test_an_unknown_format_names_the_choices(tables, tmp_path):
    with pytest.raises(ValueError, match="csv, xlsx, parquet"):
        write_tables(tables, tmp_path, "json")


text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20) | st.none()
number = st.floats(allow_nan=False, allow_infinity=False, width=64) | st.none()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.fixed_dictionaries({"doc_id": text, "label": text, "value": number,
                                       "decimals": st.integers(0, 4) | st.none()}), max_size=8))
def test_parquet_round_trips_any_figures(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("parquet")
    df = frame("figures", rows)
    write_tables({"figures": df}, folder, "parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(folder / "figures.parquet"), df)

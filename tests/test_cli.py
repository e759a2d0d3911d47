"""The command line through click's runner: extract and inspect (check, ingest: their own tests)."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from jixiao.cli import main

from conftest import SAMPLES


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_extract_writes_one_csv_per_table_with_a_bom(tmp_path):
    result = run("extract", str(SAMPLES / "seed.docx"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} >= {"documents.csv", "figures.csv", "findings.csv"}
    raw = (tmp_path / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    figures = pd.read_csv(tmp_path / "figures.csv", encoding="utf-8-sig")
    assert figures.set_index("key").loc["income.fiscal", "value"] == 232.13


def test_extract_goes_on_past_a_broken_file_and_says_why(tmp_path):
    result = run("extract", str(SAMPLES / "broken" / "empty.docx"), str(SAMPLES / "seed.docx"),
                 "-o", str(tmp_path))
    assert result.exit_code == 0
    assert "failed:" in result.output and "empty.docx" in result.output
    docs = pd.read_csv(tmp_path / "documents.csv", encoding="utf-8-sig")
    assert sorted(docs["status"]) == ["failed", "ok"]


def test_extract_to_excel_and_parquet(tmp_path):
    assert run("extract", str(SAMPLES / "seed.docx"), "-o", str(tmp_path / "x"), "--format", "xlsx").exit_code == 0
    sheets = pd.read_excel(tmp_path / "x" / "jixiao.xlsx", sheet_name=None)
    assert list(sheets)[0] == "findings" and "figures" in sheets
    assert run("extract", str(SAMPLES / "seed.docx"), "-o", str(tmp_path / "p"), "--format", "parquet").exit_code == 0
    assert len(pd.read_parquet(tmp_path / "p" / "scores.parquet")) == 26


def test_misuse_exits_2():
    assert run("extract", str(SAMPLES / "seed.docx")).exit_code == 2
    assert run("extract", "no/such/file.docx", "-o", "x").exit_code == 2


def test_inspect_shows_cells_with_locations_and_spans():
    result = run("inspect", str(SAMPLES / "seed.docx"))
    assert result.exit_code == 0
    assert "[t1 r9 c5] (→12) 其中：" in result.output
    assert "[t1 r9 c1] (→2 ↓2) 机构名称" in result.output


def test_inspect_of_an_unreadable_file_fails_clearly():
    result = run("inspect", str(SAMPLES / "broken" / "empty.docx"))
    assert result.exit_code == 1 and "empty" in result.output

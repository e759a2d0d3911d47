"""The database: ingest is idempotent, keyed by content, and reads back what extract gives."""

from __future__ import annotations

import re
import shutil

import duckdb
import pandas as pd
import pytest

import jixiao
from jixiao.store import connect, ingest, load_tables
from jixiao.tables import COLUMNS, frame

from conftest import ROOT, SAMPLES

FILES = ("seed.docx", "variants/02-several-orgs-total-last-thousands.docx", "broken/truncated.docx")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A few real submissions and one broken file, as a bureau's inbox."""
    inbox = tmp_path_factory.mktemp("inbox")
    for name in FILES:
        shutil.copy(SAMPLES / name, inbox / name.replace("/", "-"))
    return inbox


@pytest.fixture(scope="module")
def stored(folder, tmp_path_factory):
    """The inbox ingested once: (database file, summary). Tests that write copy the file first."""
    db = str(tmp_path_factory.mktemp("db") / "j.duckdb")
    return db, ingest([folder], db, jobs=2)


def sorted_rows(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(list(df.columns), ignore_index=True, na_position="first")


def assert_same_tables(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(sorted_rows(left[name]), sorted_rows(right[name]), obj=name)


def test_ingesting_a_folder_twice_gives_the_same_database(folder, stored, tmp_path):
    db = str(tmp_path / "j.duckdb")
    shutil.copy(stored[0], db)
    first, before = stored[1], load_tables(db)
    second = ingest([folder], db, jobs=1)
    assert first.added + first.failed == len(FILES)
    assert second.added == 0
    # A failed document is read again (its cause may be gone) and replaced by the same row.
    assert second.skipped == first.added and second.retried == first.failed
    assert_same_tables(before, load_tables(db))


def test_a_renamed_copy_is_recognised_and_skipped(tmp_path):
    db = str(tmp_path / "j.duckdb")
    ingest([SAMPLES / "seed.docx"], db, jobs=1)
    copy = tmp_path / "elsewhere" / "巡察办2021自评.docx"
    copy.parent.mkdir()
    shutil.copy(SAMPLES / "seed.docx", copy)
    summary = ingest([copy], db, jobs=1)
    assert (summary.added, summary.skipped) == (0, 1)
    documents = load_tables(db)["documents"]
    assert list(documents["source"]) == [str(SAMPLES / "seed.docx")]


def test_the_same_content_twice_in_one_run_is_stored_once(tmp_path):
    for name in ("a.docx", "b.docx"):
        shutil.copy(SAMPLES / "seed.docx", tmp_path / name)
    db = str(tmp_path / "j.duckdb")
    summary = ingest([tmp_path], db, jobs=2)
    assert (summary.added + summary.failed, summary.skipped) == (1, 1)
    assert len(load_tables(db)["documents"]) == 1


def test_a_stored_failed_document_is_read_again_and_replaced(tmp_path):
    db = str(tmp_path / "j.duckdb")
    doc_id = jixiao.read(SAMPLES / "seed.docx").documents["doc_id"].iloc[0]
    con = connect(db)
    con.execute(
        "INSERT INTO documents (doc_id, source, status, error) VALUES (?, 'old.docx', 'failed', ?)",
        [doc_id, "LibreOffice is not installed"],
    )
    con.close()
    summary = ingest([SAMPLES / "seed.docx"], db, jobs=1)
    assert summary.retried == 1
    documents = load_tables(db)["documents"]
    assert len(documents) == 1
    assert documents["source"].iloc[0] == str(SAMPLES / "seed.docx")


def test_loaded_tables_have_the_columns_and_dtypes_of_the_api(stored):
    tables = load_tables(stored[0])
    assert list(tables) == list(COLUMNS)
    for name, df in tables.items():
        assert list(df.columns) == COLUMNS[name]
        assert df.dtypes.to_dict() == frame(name).dtypes.to_dict(), name


def test_database_tables_equal_extract_for_the_same_files(folder, stored):
    assert_same_tables(load_tables(stored[0]), jixiao.extract([folder]).tables())


def test_a_failed_file_is_stored_as_a_failed_row_with_its_cause(tmp_path):
    db = str(tmp_path / "j.duckdb")
    summary = ingest([SAMPLES / "broken" / "truncated.docx"], db, jobs=1)
    assert summary.failed == 1
    documents = load_tables(db)["documents"]
    assert list(documents["status"]) == ["failed"]
    assert documents["error"].iloc[0]


def test_the_summary_says_what_happened(stored):
    text = stored[1].describe()
    for words in ("documents added", "skipped as already present", "failed", "errors", "warnings"):
        assert words in text


def readme_queries() -> dict[str, str]:
    """The SQL of README.md's `## Queries` section, by its `###` title: what is documented is tested."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("\n## Queries\n", 1)[1].split("\n## ", 1)[0]
    queries = {}
    for part in section.split("\n### ")[1:]:
        title, _, body = part.partition("\n")
        queries[title.strip()] = re.search(r"```sql\n(.*?)```", body, re.S)[1]
    return queries


@pytest.fixture(scope="module")
def bureau_db(tmp_path_factory):
    """The seed (one organisation), a department with a 合计 row, one without, and a broken file."""
    db = str(tmp_path_factory.mktemp("bureau") / "j.duckdb")
    files = ["seed.docx", "variants/02-several-orgs-total-last-thousands.docx",
             "variants/13-several-orgs-no-total-hyphen.docx", "broken/empty.docx"]
    ingest([SAMPLES / name for name in files], db, jobs=2)
    return db


def run_query(db: str, title: str) -> pd.DataFrame:
    con = duckdb.connect(db, read_only=True)
    try:
        return con.sql(readme_queries()[title]).df()
    finally:
        con.close()


def test_every_documented_query_runs(bureau_db):
    assert len(readme_queries()) >= 3
    for title in readme_queries():
        run_query(bureau_db, title)


def test_income_and_expenditure_side_by_side_takes_the_total_row_or_sums_the_organisations(bureau_db):
    rows = run_query(bureau_db, "Every department's income and expenditure side by side")
    by_org = rows.set_index("org_name")
    assert len(rows) == 3  # the broken file has no figures to show
    assert by_org.loc["中共岳阳市岳阳楼区委巡察工作领导小组办公室", "income_total"] == pytest.approx(232.13)
    assert by_org.loc["岳阳市岳阳楼区教育局", "expense_total"] == pytest.approx(569.31)
    assert by_org.loc["岳阳市岳阳楼区城市管理和综合执法局", "income_total"] == pytest.approx(1630.45 + 2260.6)


def test_documents_with_errors_lists_each_with_its_rules(bureau_db):
    rows = run_query(bureau_db, "All documents with errors")
    findings = load_tables(bureau_db)["findings"]
    errors = findings[findings["severity"] == "error"]
    assert set(rows["doc_id"]) == set(errors["doc_id"])
    assert rows["errors"].sum() == len(errors)
    seed = rows[rows["source"].str.endswith("seed.docx")]
    assert seed["rules"].tolist() == ["score.item_max, score.total"]  # SPEC §4: the seed's two errors


def test_the_rules_that_fire_most_come_first(bureau_db):
    rows = run_query(bureau_db, "The rules that fire most")
    findings = load_tables(bureau_db)["findings"]
    per_rule = findings.groupby("rule")["doc_id"].nunique()
    assert dict(zip(rows["rule"], rows["documents"], strict=True)) == per_rule.to_dict()
    assert rows["documents"].is_monotonic_decreasing


def test_unreadable_documents_are_listed_with_their_cause(bureau_db):
    rows = run_query(bureau_db, "Documents that could not be read, or only in part")
    failed = rows[rows["status"] == "failed"]
    assert failed["source"].str.endswith("empty.docx").tolist() == [True]
    assert failed["error"].iloc[0]

"""The Python API: read one file, extract many; failures are rows, never exceptions."""

from __future__ import annotations

import shutil

import jixiao
from jixiao.tables import COLUMNS

from conftest import SAMPLES


def test_read_returns_every_spec_table_with_its_columns(seed):
    for name, df in seed.items():
        assert list(df.columns) == COLUMNS[name], name
        assert (df["doc_id"] == seed.documents["doc_id"].iloc[0]).all()


def test_same_bytes_same_doc_id_wherever_the_file_lies(tmp_path, seed):
    copy = tmp_path / "renamed.docx"
    shutil.copy(SAMPLES / "seed.docx", copy)
    again = jixiao.read(copy)
    assert again.documents["doc_id"].iloc[0] == seed.documents["doc_id"].iloc[0]
    assert again.documents["source"].iloc[0] == str(copy)


def test_extract_walks_folders_and_keeps_failures_as_rows(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(SAMPLES / "seed.docx", tmp_path / "sub" / "a.docx")
    (tmp_path / "notes.pdf").write_text("not a pdf at all", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("ignored: not a document suffix", encoding="utf-8")
    report = jixiao.extract([tmp_path])
    docs = report.documents.set_index("status")
    assert sorted(report.documents["status"]) == ["failed", "ok"]
    assert "notes.pdf" in docs.loc["failed", "source"] and docs.loc["failed", "error"]
    assert report.figures["doc_id"].nunique() == 1


def test_missing_file_is_a_failed_row_not_an_exception(tmp_path):
    report = jixiao.read(tmp_path / "gone.docx")
    row = report.documents.iloc[0]
    assert row["status"] == "failed" and "cannot open" in row["error"]


def test_extract_stays_the_function_after_the_readers_load():
    import jixiao.extract.docx  # noqa: F401
    import jixiao.extract.model  # noqa: F401

    assert callable(jixiao.extract) and jixiao.extract.__module__ == "jixiao.pipeline"

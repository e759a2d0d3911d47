"""`jixiao ingest` and `jixiao export` from the command line, and a real ingest killed mid-run."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

import jixiao
from jixiao.cli import main
from jixiao.store import load_tables
from jixiao.tables import TABLE_NAMES

from conftest import SAMPLES

JIXIAO = str(Path(sys.executable).parent / "jixiao")
COPIES = 48


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLES / "seed.docx", folder / "seed.docx")
    shutil.copy(SAMPLES / "variants" / "13-several-orgs-no-total-hyphen.docx", folder / "13.docx")
    return folder


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_ingest_prints_a_summary_and_a_second_run_adds_nothing(inbox, tmp_path):
    db = str(tmp_path / "j.duckdb")
    first = invoke("ingest", str(inbox), "--db", db, "-j", "2")
    second = invoke("ingest", str(inbox), "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "2 documents added" in first.stderr
    assert "0 documents added" in second.stderr and "2 skipped as already present" in second.stderr


def test_ingest_exits_1_when_a_document_failed(tmp_path):
    result = invoke("ingest", str(SAMPLES / "broken" / "empty.docx"), "--db", str(tmp_path / "j.db"))
    assert result.exit_code == 1
    assert "empty.docx" in result.stderr and "1 failed" in result.stderr


def test_export_without_a_database_is_misuse(tmp_path):
    result = invoke("export", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    db = tmp_path / "notes.duckdb"
    db.write_text("not a database", "utf-8")
    for command in (["export", "--db", str(db), "-o", str(tmp_path / "out")],
                    ["ingest", str(SAMPLES / "seed.docx"), "--db", str(db)]):
        result = invoke(*command)
        assert result.exit_code == 1
        assert f"cannot open the database {db}" in result.stderr


@pytest.fixture
def ingested(inbox, tmp_path):
    db = str(tmp_path / "j.duckdb")
    assert invoke("ingest", str(inbox), "--db", db, "-j", "1").exit_code == 0
    return db


def test_export_csv_is_one_utf8_file_with_bom_per_table(ingested, tmp_path):
    out = tmp_path / "csv"
    assert invoke("export", "--db", ingested, "-o", str(out), "--format", "csv").exit_code == 0
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLE_NAMES)
    assert (out / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_xlsx_has_findings_first_and_frozen_headers(ingested, tmp_path):
    out = tmp_path / "xlsx"
    assert invoke("export", "--db", ingested, "-o", str(out), "--format", "xlsx").exit_code == 0
    book = openpyxl.load_workbook(out / "jixiao.xlsx", read_only=False)
    assert book.sheetnames[0] == "findings"
    assert sorted(book.sheetnames) == sorted(TABLE_NAMES)
    assert all(sheet.freeze_panes == "A2" for sheet in book.worksheets)


def sorted_rows(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(list(df.columns), ignore_index=True, na_position="first")


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_equals_extract_for_the_same_files(inbox, ingested, tmp_path, fmt):
    exported, extracted = tmp_path / "exported", tmp_path / "extracted"
    assert invoke("export", "--db", ingested, "-o", str(exported), "--format", fmt).exit_code == 0
    assert invoke("extract", str(inbox), "-o", str(extracted), "--format", fmt).exit_code == 0
    read = pd.read_parquet if fmt == "parquet" else lambda p: pd.read_csv(p, dtype=str)
    for name in TABLE_NAMES:
        left, right = read(exported / f"{name}.{fmt}"), read(extracted / f"{name}.{fmt}")
        pd.testing.assert_frame_equal(sorted_rows(left), sorted_rows(right), obj=name)


def copies_of_the_seed(folder: Path, count: int) -> None:
    """Distinct documents (a byte appended changes the hash, not what the reader sees)."""
    folder.mkdir()
    data = (SAMPLES / "seed.docx").read_bytes()
    for i in range(count):
        (folder / f"report-{i:03d}.docx").write_bytes(data + b"\n" * (i + 1))


def wait_for_progress(proc: subprocess.Popen, share: float) -> None:
    """Read the progress lines (one per tenth off a terminal) until `share` of the work is done."""
    assert proc.stderr is not None
    for line in proc.stderr:
        match = re.search(r"(\d+)/(\d+) documents", line)
        if match and int(match[1]) >= share * int(match[2]):
            return
    pytest.fail("the ingest finished before it could be killed")


def descendants(pid: int) -> list[int]:
    """The worker processes (and the forkserver they come from), read from Linux's /proc."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.exists():
        return []
    found = [int(p) for p in children.read_text().split()]
    return found + [grandchild for child in found for grandchild in descendants(child)]


def assert_every_document_whole(db: str, expected_rows: dict[str, int]) -> int:
    tables = load_tables(db)
    doc_ids = tables["documents"]["doc_id"]
    assert doc_ids.is_unique
    for name, count in expected_rows.items():
        per_doc = tables[name].groupby("doc_id").size().reindex(doc_ids, fill_value=0)
        assert (per_doc == count).all(), f"{name}: a document is stored incomplete"
    return len(doc_ids)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_ingest_resumes_with_every_document_stored_whole_once(tmp_path):
    inbox, db = tmp_path / "inbox", str(tmp_path / "j.duckdb")
    copies_of_the_seed(inbox, COPIES)
    expected_rows = {name: len(df) for name, df in jixiao.read(inbox / "report-000.docx").items()}
    command = [JIXIAO, "ingest", str(inbox), "--db", db, "-j", "2"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_progress(proc, 0.4)
        workers = descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    stored = assert_every_document_whole(db, expected_rows)
    assert stored < COPIES
    assert_workers_exit(workers)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert f"{COPIES - stored} documents added" in rerun.stderr or rerun.returncode == 1
    assert assert_every_document_whole(db, expected_rows) == COPIES


def assert_workers_exit(pids: list[int]) -> None:
    """Workers orphaned by the kill notice it and exit instead of waiting for work forever."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if Path(f"/proc/{pid}").exists() and not _zombie(pid)]
        if not alive:
            return
        time.sleep(0.2)
    pytest.fail(f"worker processes {alive} outlived their killed parent")


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return False


def test_an_interrupted_ingest_stores_what_finished_and_exits_130(tmp_path):
    inbox, db = tmp_path / "inbox", str(tmp_path / "j.duckdb")
    copies_of_the_seed(inbox, COPIES)
    expected_rows = {name: len(df) for name, df in jixiao.read(inbox / "report-000.docx").items()}
    command = [JIXIAO, "ingest", str(inbox), "--db", db, "-j", "2"]
    # Its own process group, as a terminal's Ctrl-C reaches the command and its workers.
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        wait_for_progress(proc, 0.3)
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130
    added = int(re.search(r"(\d+) documents added", stderr)[1])
    assert "Interrupted" in stderr
    assert assert_every_document_whole(db, expected_rows) == added


def test_the_command_line_starts_without_heavy_libraries():
    probe = "import sys, jixiao.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                check=True).stdout.split())
    assert not loaded & {"pandas", "numpy", "duckdb", "lxml", "pdfplumber", "docx", "jieba"}

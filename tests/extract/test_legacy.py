"""Legacy Word (.doc, RTF) through LibreOffice: same tables as the .docx, losses and hangs reported."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from jixiao.errors import ConversionError
from jixiao.extract import legacy, read_document
from jixiao.extract.model import Document

from conftest import SAMPLES, needs_soffice


def read(name: str) -> Document:
    path = SAMPLES / name
    return read_document(str(path), path.read_bytes())


def rows(document: Document) -> list[str]:
    """Each table row's cell texts, whitespace aside: grids differ (16 columns in Word, 12 after LibreOffice)."""
    return [" | ".join(re.sub(r"\s", "", c.text) for c in row) for t in document.tables() for row in t.rows()]


@needs_soffice
def test_the_seed_doc_gives_the_same_tables_as_the_docx():
    doc = read("seed.doc")
    assert (doc.format, doc.status, doc.warnings) == ("doc", "ok", ())
    assert rows(doc) == rows(read("seed.docx"))


@needs_soffice
def test_a_table_lost_in_conversion_is_reported():
    document = read("broken/table-at-end.doc")
    assert document.status == "partial" and document.tables() == []
    assert "a table was lost" in document.warnings[0]


@needs_soffice
def test_rtf_named_doc_is_converted_too():
    document = read("broken/rtf-named.doc")
    assert document.format == "rtf" and rows(document) == ["机构名称 | 收入合计", "机关 | 232.13"]


@needs_soffice
def test_parallel_conversions_do_not_collide():
    data = (SAMPLES / "broken/rtf-named.doc").read_bytes()
    with ThreadPoolExecutor(2) as pool:
        documents = list(pool.map(lambda n: read_document(f"copy{n}.doc", data), range(2)))
    assert [d.status for d in documents] == ["ok", "ok"]


@needs_soffice
def test_a_hung_conversion_is_killed_with_a_clear_error(monkeypatch):
    monkeypatch.setattr(legacy, "TIMEOUT", 0.2)
    with pytest.raises(ConversionError, match="did not finish converting within 0.2 s"):
        read("broken/rtf-named.doc")


def test_without_libreoffice_the_error_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConversionError, match="apt-get install libreoffice-writer"):
        read("seed.doc")

"""Hostile inputs: each gives a ReadError with a cause a person can act on, and a `failed` row."""

from __future__ import annotations

import pytest

import jixiao
from jixiao.errors import EncryptedFile, ReadError, UnsupportedFormat
from jixiao.extract import read_document

from conftest import SAMPLES

BROKEN = SAMPLES / "broken"

UNREADABLE = [
    ("empty.docx", UnsupportedFormat, "the file is empty (0 bytes)"),
    ("text-named.pdf", UnsupportedFormat, "a plain text file, not a Word or PDF file"),
    ("encrypted.pdf", EncryptedFile, "the PDF is password-protected"),
    ("truncated.pdf", UnsupportedFormat, "a damaged or truncated PDF"),
    ("truncated.docx", UnsupportedFormat, "a damaged or truncated zip/docx file"),
    ("random.doc", UnsupportedFormat, "not a Word or PDF file"),
]


@pytest.mark.parametrize(("name", "error", "cause"), UNREADABLE)
def test_unreadable_file_raises_a_read_error_naming_the_cause(name, error, cause):
    with pytest.raises(error) as raised:
        read_document(str(BROKEN / name), (BROKEN / name).read_bytes())
    assert cause in raised.value.cause and str(BROKEN / name) in str(raised.value)


@pytest.mark.parametrize(("name", "error", "cause"), UNREADABLE)
def test_unreadable_file_becomes_a_failed_documents_row(name, error, cause):
    row = jixiao.read(BROKEN / name).documents.iloc[0]
    assert row.status == "failed" and cause in row.error


def test_a_pdf_named_docx_is_read_as_a_pdf():
    document = read_document("report.docx", (BROKEN / "pdf-named.docx").read_bytes())
    assert document.format == "pdf"
    assert [c.text for c in document.tables()[0].cells] == ["机构名称", "收入合计", "机关", "232.13"]


def test_an_encrypted_word_file_is_named_as_such():
    # An encrypted .docx is a compound file holding an EncryptedPackage stream.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedFile, match="password-protected Word file"):
        read_document("secret.docx", data)


def test_an_excel_workbook_is_not_taken_for_a_report():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le")
    with pytest.raises(UnsupportedFormat, match="Excel"):
        read_document("budget.xls", data)


def test_a_batch_goes_on_past_bad_files():
    report = jixiao.extract([BROKEN / name for name, _, _ in UNREADABLE] + [BROKEN / "pdf-named.docx"])
    statuses = list(report.documents.status)
    assert statuses[:-1] == ["failed"] * len(UNREADABLE) and statuses[-1] != "failed"
    assert issubclass(UnsupportedFormat, ReadError)

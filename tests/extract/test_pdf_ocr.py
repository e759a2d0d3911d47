"""Pages without a usable text layer (F11, F12): never emitted as text; OCR'd, or reported."""

from __future__ import annotations

from functools import cache

import pytest

from jixiao.errors import ReadError
from jixiao.extract import read_document
from jixiao.extract.model import Document
from jixiao.extract.triage import triage

from conftest import SAMPLES, needs_tesseract


def data(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@cache
def read(name: str) -> Document:
    return read_document(name, data(name))


@pytest.fixture
def no_tesseract(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no tesseract to be found


def test_triage_tells_text_pages_from_scans_and_cid_fonts():
    assert all(p.usable for p in triage("seed.pdf", data("seed.pdf")))
    assert [p.usable for p in triage("mixed", data("pdf/seed-mixed.pdf"))][:3] == [True, False, True]
    assert not any(p.usable for p in triage("scan", data("seed-scanned.pdf")))
    assert not triage("cid", data("pdf/cid-font.pdf"))[0].usable


def test_a_scan_without_tesseract_fails_and_says_how_to_enable_ocr(no_tesseract):
    with pytest.raises(ReadError) as raised:
        read_document("seed-scanned.pdf", data("seed-scanned.pdf"))
    assert "pages 1, 2, 3, 4, 5, 6, 7, 8, 9, 10" in raised.value.cause
    assert "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in raised.value.cause


def test_one_scanned_page_without_tesseract_makes_the_document_partial(no_tesseract):
    document = read_document("mixed.pdf", data("pdf/seed-mixed.pdf"))
    assert document.status == "partial"
    assert "page 2 " in document.warnings[0] and "OCR" in document.warnings[0]
    assert all(c.page != 2 for t in document.tables() for c in t.cells)


def test_a_cid_font_is_never_emitted_as_text(no_tesseract):
    with pytest.raises(ReadError, match="page 1"):
        read_document("cid-font.pdf", data("pdf/cid-font.pdf"))


@needs_tesseract
def test_a_scanned_page_joins_its_table_with_its_figures_right():
    document = read("pdf/seed-mixed.pdf")
    assert document.status == "ok" and "read by OCR" in document.warnings[0]
    form = document.tables()[0]
    assert form.pages == (1, 2, 3, 4, 5, 6)
    figures = [c.text for c in sorted(form.cells, key=lambda c: (c.row, c.col)) if c.page == 2 and c.text[:1].isdigit()]
    assert figures[:12] == ["232.13", "0", "232.13", "0", "0", "0", "232.13", "232.13", "167.25", "64.88",
                            "8.57", "8.57"]


@needs_tesseract
def test_ocr_finding_nothing_is_an_error_not_an_empty_document():
    with pytest.raises(ReadError, match="OCR found no text"):
        read_document("cid-font.pdf", data("pdf/cid-font.pdf"))


@needs_tesseract
@pytest.mark.slow
def test_the_scanned_seed_gives_the_word_files_figures_and_scores():
    import jixiao

    word, scan = jixiao.read(SAMPLES / "seed.docx"), jixiao.read(SAMPLES / "seed-scanned.pdf")

    def figures(report):
        return sorted((r.table, r.org, r.key, str(r.value)) for r in report.figures.itertuples() if isinstance(r.key, str))

    assert figures(scan) == figures(word)
    assert list(scan.scores.self_score) == list(word.scores.self_score)
    assert sorted(scan.findings.rule) == sorted(word.findings.rule)

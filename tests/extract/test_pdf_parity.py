"""The same report in any format gives the same tables: the seed as Word, as PDF from
LibreOffice and from Chromium, and as legacy .doc (locations and raw text aside)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import SAMPLES, expected, needs_soffice, read_sample
from golden import all_differences

# What a reader's format may change: where a value was read (max_group names the merged cell by
# its location), and the raw text around it.
_ASIDE = {"doc_id", "location", "max_location", "max_group", "raw_label", "raw_value", "message", "label", "criteria"}


def comparable(frame: pd.DataFrame) -> list[tuple]:
    kept = frame[[c for c in frame.columns if c not in _ASIDE]]
    return sorted(tuple(_plain(v) for v in row) for row in kept.itertuples(index=False))


def _plain(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else re.sub(r"\s", "", str(value))


@pytest.mark.parametrize("rendition", ["seed.pdf", "seed-chromium.pdf"])
@pytest.mark.parametrize("table", ["figures", "scores", "findings", "checks", "goals", "profile", "evaluators"])
def test_a_pdf_of_the_seed_reads_like_the_word_file(rendition, table):
    word, pdf = read_sample("seed.docx"), read_sample(rendition)
    assert comparable(getattr(pdf, table)) == comparable(getattr(word, table))


@pytest.mark.parametrize("rendition", ["seed.pdf", "seed-chromium.pdf"])
def test_a_pdf_of_the_seed_has_the_same_narrative(rendition):
    word, pdf = read_sample("seed.docx"), read_sample(rendition)
    assert comparable(pdf.narrative[["section", "text"]]) == comparable(word.narrative[["section", "text"]])


@needs_soffice
@pytest.mark.parametrize("table", ["figures", "scores", "findings", "goals", "profile", "evaluators"])
def test_the_seed_doc_reads_like_the_word_file(table):
    assert comparable(getattr(read_sample("seed.doc"), table)) == comparable(getattr(read_sample("seed.docx"), table))


PDFS = sorted(p for p in SAMPLES.glob("**/*.pdf") if p.parent.name in ("samples", "variants") and "scanned" not in p.name)


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_pdf_sample_reads_as_its_spec(path):
    report = read_sample(str(path.relative_to(SAMPLES)))
    assert all_differences(report, expected(path.name.split(".")[0].removesuffix("-chromium"))) == []

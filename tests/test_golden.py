"""Every committed sample reads exactly as its spec says (samples/expected/*.json).

The expectations are written by the sample generator from the report's spec,
never from jixiao's own output, so a reader or normalizer regression shows here.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import SAMPLES, expected, read_sample
from golden import all_differences

WORD = sorted(p for p in SAMPLES.glob("**/*.docx") if p.parent.name in ("samples", "variants"))
LEGACY = sorted(p for p in SAMPLES.glob("**/*.doc") if p.parent.name in ("samples", "variants"))


def stem_of(path) -> str:
    return path.name.split(".")[0].removesuffix("-lo")


def test_sample_set_covers_at_least_twenty_reports():
    assert len({stem_of(p) for p in WORD}) >= 20


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_word_sample_reads_as_its_spec(path):
    report = read_sample(str(path.relative_to(SAMPLES)))
    assert all_differences(report, expected(stem_of(path))) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("path", LEGACY, ids=lambda p: p.name)
def test_legacy_word_sample_reads_as_its_spec(path):
    report = read_sample(str(path.relative_to(SAMPLES)))
    assert all_differences(report, expected(stem_of(path))) == []

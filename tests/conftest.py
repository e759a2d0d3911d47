"""Shared fixtures: the committed sample documents and their expected tables."""

from __future__ import annotations

import json
import shutil
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"
# The sample generator is importable for tests that build variants on the fly.
sys.path.insert(0, str(SAMPLES))

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer"
)
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim",
)


@cache
def read_sample(name: str):
    """jixiao.read of a committed sample, once per test session (readers are pure)."""
    import jixiao

    return jixiao.read(SAMPLES / name)


def expected(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def seed():
    return read_sample("seed.docx")

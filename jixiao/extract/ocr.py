"""Pages without a text layer (scans, F12) → the same tables and glyphs as a text page.

The page is rendered with pypdfium2; ruling lines are found in the bitmap
(long runs of dark pixels, across and down) and handed to pdfplumber's own
edges → intersections → cells → tables steps, so a scanned table gets the
same grid and spans as a born-digital one. Text comes from one `tesseract`
run per page (chi_sim, TSV word boxes) on the bitmap with the rules erased;
each word lands in the cell its centre falls in. The tesseract CLI is used
through subprocess rather than pytesseract: it is one call, not worth a dependency.
Page segmentation mode 11 (sparse text) suits cells: modes 3 and 6 invent
quote marks before words that follow a wide blank.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from pdfplumber.table import edges_to_intersections, intersections_to_cells, merge_edges
from PIL import Image

from jixiao.extract.pdf_tables import PageTable, cells_to_table, group_cells, missing_rules
from jixiao.extract.pdf_text import Glyph

DPI = 300
_SCALE = DPI / 72
_MIN_RULE_PT = 20.0  # a dark run at least this long (points) is a ruling line, not a stroke of a glyph
_DARK = 150
_FRINGE = 4  # pixels around a rule that are anti-aliasing or scan blur
_PAPER = 190  # lighter than this is paper: the faint fringe of erased rules reads as quote marks otherwise
_TIMEOUT = 180  # seconds for one page
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"


@functools.lru_cache(maxsize=1)
def unavailable() -> str | None:
    """Why OCR cannot run here, or None when tesseract with chi_sim is installed."""
    if shutil.which("tesseract") is None:
        return f"tesseract is not installed ({INSTALL})"
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60)
    if "chi_sim" not in (listed.stdout + listed.stderr).split():
        return f"tesseract has no Simplified Chinese model ({INSTALL})"
    return None


def read_pages(data: bytes, numbers: Sequence[int]) -> Iterator[tuple[int, list[PageTable], list[Glyph]]]:
    """OCR the given 1-based pages: each page's tables and the words outside them."""
    pdf = pdfium.PdfDocument(data)
    try:
        for number in numbers:
            pixels = _render(pdf, number - 1)
            yield (number, *_read_bitmap(pixels, number))
    finally:
        pdf.close()


def _render(pdf: pdfium.PdfDocument, index: int) -> np.ndarray:
    page = pdf[index]
    try:
        bitmap = page.render(scale=_SCALE, grayscale=True)
        return np.array(bitmap.to_pil().convert("L"))
    finally:
        page.close()


def _read_bitmap(pixels: np.ndarray, number: int) -> tuple[list[PageTable], list[Glyph]]:
    dark = pixels < _DARK
    min_run = int(_MIN_RULE_PT * _SCALE)
    horizontal = _runs(dark, min_run)
    vertical = _runs(dark.T, min_run)
    edges = [_edge("h", (a + b) // 2, x0, x1) for a, b, x0, x1 in horizontal]
    edges += [_edge("v", (a + b) // 2, y0, y1) for a, b, y0, y1 in vertical]
    glyphs = _words(_erase(pixels, horizontal, vertical))
    return _tables(edges, glyphs, number)


def _runs(mask: np.ndarray, min_run: int) -> list[tuple[int, int, int, int]]:
    """Dark runs of at least min_run pixels along each row, thick lines merged."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)
    keep = ends - starts >= min_run
    return _merge_runs(zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=False))


def _merge_runs(runs: Iterator[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Runs on adjacent rows that overlap are one line a few pixels thick: (first row, last row, start, end)."""
    lines: list[list[int]] = []  # [first_row, last_row, start, end]
    for row, start, end in runs:
        line = next((ln for ln in lines if row - ln[1] <= 1 and start < ln[3] and end > ln[2]), None)
        if line is None:
            lines.append([row, row, start, end])
        else:
            line[1], line[2], line[3] = row, min(line[2], start), max(line[3], end)
    return [(a, b, start, end) for a, b, start, end in lines]


def _edge(orientation: str, at: int, start: int, end: int) -> dict:
    p, a, b = at / _SCALE, start / _SCALE, end / _SCALE
    if orientation == "h":
        return {"object_type": "line", "orientation": "h", "x0": a, "x1": b, "top": p, "bottom": p,
                "width": b - a, "height": 0.0}
    return {"object_type": "line", "orientation": "v", "x0": p, "x1": p, "top": a, "bottom": b,
            "width": 0.0, "height": b - a}


def _erase(pixels: np.ndarray, horizontal: list, vertical: list) -> np.ndarray:
    """The page with its rules painted white (with their grey fringe), so tesseract reads cells, not borders."""
    clean = np.where(pixels < _PAPER, pixels, 255).astype(np.uint8)
    m = _FRINGE
    for first, last, start, end in horizontal:
        clean[max(first - m, 0): last + m + 1, max(start - m, 0): end + m] = 255
    for first, last, start, end in vertical:
        clean[max(start - m, 0): end + m, max(first - m, 0): last + m + 1] = 255
    return clean


def _tables(edges: list[dict], glyphs: list[Glyph], number: int) -> tuple[list[PageTable], list[Glyph]]:
    edges = edges + [_as_edge(line) for line in missing_rules(edges)]
    merged = merge_edges(edges, snap_x_tolerance=3, snap_y_tolerance=3, join_x_tolerance=3, join_y_tolerance=3)
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    tables: list[PageTable] = []
    for boxes in group_cells(cells):
        table, glyphs = cells_to_table(boxes, glyphs, number)
        top, bottom = min(c[1] for c in boxes), max(c[3] for c in boxes)
        tables.append(PageTable(table, top, bottom, ruled_top=True))
    return tables, glyphs


def _as_edge(line: dict) -> dict:
    return {**line, "orientation": "h"}


def _words(pixels: np.ndarray) -> list[Glyph]:
    """tesseract's words (TSV level 5) as glyphs in PDF points."""
    with tempfile.TemporaryDirectory(prefix="jixiao-ocr-") as tmp:
        image = Path(tmp) / "page.png"
        Image.fromarray(pixels).save(image)
        result = subprocess.run(
            ["tesseract", str(image), "-", "-l", "chi_sim", "--psm", "11", "tsv"],
            capture_output=True, text=True, timeout=_TIMEOUT, check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # tesseract's threads only contend on 2 cores
        )
    glyphs: list[Glyph] = []
    for row in csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row["level"] == "5" and text and float(row["conf"]) >= 0:
            x0, top = int(row["left"]) / _SCALE, int(row["top"]) / _SCALE
            x1, bottom = x0 + int(row["width"]) / _SCALE, top + int(row["height"]) / _SCALE
            glyphs.append({"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom})
    return glyphs

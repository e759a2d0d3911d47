"""Pages without a text layer (scans, F12) → the same tables and glyphs as a text page.

The page is rendered with pypdfium2; ruling lines are found in the bitmap
(long runs of dark pixels, across and down) and handed to pdfplumber's own
edges → intersections → cells → tables steps, so a scanned table gets the
same grid and spans as a born-digital one. Text comes from one `tesseract`
run for the cells, cut out and stacked into one strip (chi_sim, TSV word
boxes), and one for the rest of the page with the tables blanked; each word
is placed back where it was on the page, in the cell its centre falls in. The tesseract CLI is used
through subprocess rather than pytesseract: it is one call, not worth a dependency.
Read in place, mode 3 and 6 invent quote marks before words after a wide blank.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from pdfplumber.table import edges_to_intersections, intersections_to_cells, merge_edges
from PIL import Image

from jixiao.extract.pdf_tables import BBox, PageTable, group_cells, missing_rules, tables_on_page
from jixiao.extract.pdf_text import Glyph

DPI = 200  # the seed's 150-dpi scan: 200 reads every figure and score, 150 and 400 miss some
_SCALE = DPI / 72
_MIN_RULE_PT = 20.0  # a dark run at least this long (points) is a ruling line, not a stroke of a glyph
_DARK = 150
_FRINGE = 4  # pixels around a rule that are anti-aliasing or scan blur
_PAPER = 190  # lighter than this is paper: the faint fringe of erased rules reads as quote marks otherwise
# chi_sim reads the full-width opening parenthesis as an angle bracket; the form
# uses （ everywhere and 《》 only around titles, which keep their closing 》.
_MISREAD = str.maketrans({"〈": "（"})
# chi_sim reads a percent sign as 9%0 or 9%4 (100% → 1009%0). Adding eng fixes
# that but turns short Chinese names into Latin garbage, so the quirk is undone here.
_PERCENT = re.compile(r"9%\d+")
_INSET = 2  # pixels cut off each side of a cell so no border fringe gets into its crop
_GAP = 30  # pixels of white between cells stacked in the strip
_TIMEOUT = 180  # seconds for one page
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"


def unavailable() -> str | None:
    """Why OCR cannot run here, or None when tesseract with chi_sim is installed."""
    if shutil.which("tesseract") is None:
        return f"tesseract is not installed ({INSTALL})"
    if "chi_sim" not in _languages():
        return f"tesseract has no Simplified Chinese model ({INSTALL})"
    return None


@functools.lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60)
    return tuple((listed.stdout + listed.stderr).split())



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
    cells = _cells(edges)
    clean = _erase(pixels, horizontal, vertical)
    glyphs = _cell_glyphs(clean, cells) + _page_glyphs(_blank(clean, cells))
    return tables_on_page(group_cells(cells), glyphs, number)


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


def _cells(edges: list[dict]) -> list[BBox]:
    """pdfplumber's own steps from ruling lines to cell boxes (points)."""
    edges = edges + [{**line, "orientation": "h"} for line in missing_rules(edges)]
    merged = merge_edges(edges, snap_x_tolerance=3, snap_y_tolerance=3, join_x_tolerance=3, join_y_tolerance=3)
    return list(intersections_to_cells(edges_to_intersections(merged, 3, 3)))


def _cell_glyphs(pixels: np.ndarray, cells: Sequence[BBox]) -> list[Glyph]:
    """OCR every cell at once: the cells cut out and stacked one under another in a strip.

    Read in place, tesseract's layout analysis runs words of neighbouring
    cells together and misreads short figures (64.88 → 04.88); each cell on
    its own line of a strip reads as a plain block of text (mode 6).
    """
    crops, bands, y = [], [], _GAP
    for x0, top, x1, bottom in cells:
        left, upper = int(x0 * _SCALE) + _INSET, int(top * _SCALE) + _INSET
        crop = pixels[upper: int(bottom * _SCALE) - _INSET, left: int(x1 * _SCALE) - _INSET]
        if crop.size == 0 or crop.min() >= _DARK:
            continue  # a blank cell: nothing to read
        crops.append((crop, y))
        bands.append((y, y + crop.shape[0], left, upper))
        y += crop.shape[0] + _GAP
    if not crops:
        return []
    strip = np.full((y, max(c.shape[1] for c, _ in crops) + 2 * _GAP), 255, dtype=np.uint8)
    for crop, at in crops:
        strip[at: at + crop.shape[0], _GAP: _GAP + crop.shape[1]] = crop
    glyphs = []
    for text, left, top, width, height in _tesseract(strip, "6"):
        middle = top + height / 2
        band = next((b for b in bands if b[0] - _GAP / 2 <= middle < b[1] + _GAP / 2), None)
        if band is not None:
            x, y0 = band[2] + left - _GAP, band[3] + top - band[0]
            glyphs.append(_glyph(text, x, y0, width, height))
    return glyphs


def _page_glyphs(pixels: np.ndarray) -> list[Glyph]:
    """The text outside the tables (titles, paragraphs), read as sparse text (mode 11)."""
    return [_glyph(text, *box) for text, *box in _tesseract(pixels, "11")]


def _blank(pixels: np.ndarray, cells: Sequence[BBox]) -> np.ndarray:
    out = pixels.copy()
    for x0, top, x1, bottom in cells:
        out[int(top * _SCALE): int(bottom * _SCALE) + 1, int(x0 * _SCALE): int(x1 * _SCALE) + 1] = 255
    return out


def _glyph(text: str, left: float, top: float, width: float, height: float) -> Glyph:
    return {"text": _PERCENT.sub("%", text.translate(_MISREAD)), "x0": left / _SCALE, "x1": (left + width) / _SCALE,
            "top": top / _SCALE, "bottom": (top + height) / _SCALE}


def _tesseract(pixels: np.ndarray, psm: str) -> list[tuple[str, int, int, int, int]]:
    """tesseract's words (TSV level 5): text, left, top, width, height in pixels."""
    with tempfile.TemporaryDirectory(prefix="jixiao-ocr-") as tmp:
        image = Path(tmp) / "page.png"
        Image.fromarray(pixels).save(image)
        result = subprocess.run(
            ["tesseract", str(image), "-", "-l", "chi_sim", "--psm", psm, "tsv"],
            capture_output=True, text=True, timeout=_TIMEOUT, check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # tesseract's threads only contend on 2 cores
        )
    words = []
    for row in csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row["level"] == "5" and text and float(row["conf"]) >= 0:
            words.append((text, int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"])))
    return words

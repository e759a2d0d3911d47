"""PDF → the document model: ruled tables with spans, paragraphs between them.

Every page's text layer is checked first (triage). Pages with a usable layer
are read with pdfplumber, one page at a time and closed after use so memory
stays flat; pages without one go to OCR when tesseract is installed, and
otherwise the document is `partial` with a warning naming those pages. Tables
that run on over a page break are then joined into one (stitch).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from jixiao.errors import ReadError, UnsupportedFormat
from jixiao.extract import ocr, stitch
from jixiao.extract.model import Block, Cell, Document, Location, Paragraph, Table
from jixiao.extract.pdf_tables import (
    PageTable,
    group_cells,
    missing_rules,
    tables_on_page,
    written_to_bottom,
)
from jixiao.extract.pdf_text import (
    Glyph,
    drop_struck,
    glyphs_to_lines,
    join_lines,
    lines_to_paragraphs,
)
from jixiao.extract.triage import cid_share, triage

Piece = Paragraph | PageTable  # a block before tables are joined and numbered
Item = tuple[float, Piece]  # with its top on the page

# pdfminer warns once per glyph about fonts without a FontBBox (Chromium's PDFs):
# noise on stderr that says nothing about the document's content.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_PAGE_NUMBER = re.compile(r"^[\s\-—–第]*\d+\s*页?\s*([/／共]\s*\d+\s*页?)?[\s\-—–]*$")


def read_pdf(source: str, data: bytes) -> Document:
    verdicts = triage(source, data)
    if not verdicts:
        raise UnsupportedFormat(source, "a PDF without pages")
    pages: dict[int, list[Item]] = {v.number: [] for v in verdicts if v.blank}
    unreadable = [v.number for v in verdicts if not v.usable and not v.blank]
    for number, items in _text_pages(source, data, [v.number for v in verdicts if v.usable]):
        if items is None:
            unreadable.append(number)
        else:
            pages[number] = items
    warnings: list[str] = []
    if unreadable:
        pages.update(_ocr_pages(source, data, sorted(unreadable), warnings))
    if not pages:
        raise ReadError(source, warnings[0] if warnings else "no page has readable text")
    blocks = _number(_join_pages([pages[n] for n in sorted(pages)]))
    status = "partial" if len(pages) < len(verdicts) else "ok"
    return Document(source, "pdf", tuple(blocks), len(verdicts), tuple(warnings), status)


def _text_pages(source: str, data: bytes, numbers: Sequence[int]) -> Iterator[tuple[int, list[Item] | None]]:
    """Each page with a text layer → its items, or None when the layer turns out to be `(cid:N)`."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number in numbers:
                page = pdf.pages[number - 1]
                try:
                    chars = page.chars
                    yield number, None if cid_share(chars) > 0.1 else read_page(page, number, chars)
                finally:
                    page.close()
    except (PSException, PDFSyntaxError, ValueError, KeyError) as exc:
        raise UnsupportedFormat(source, f"a damaged PDF ({type(exc).__name__}: {exc})") from exc


def read_page(page: pdfplumber.page.Page, number: int, chars: Sequence[Glyph]) -> list[Item]:
    """One page's tables and the paragraphs around them, top to bottom."""
    extra = missing_rules(page.edges)
    cells = page.debug_tablefinder({"explicit_horizontal_lines": extra}).cells if page.edges else []
    glyphs = drop_struck(chars, page.edges)
    tables, glyphs = tables_on_page(group_cells(cells), glyphs, number, [line["top"] for line in extra])
    return layout(tables, glyphs, number)


def layout(tables: list[PageTable], glyphs: list[Glyph], number: int) -> list[Item]:
    """Tables and the paragraphs of the text between them, in reading order."""
    items: list[Item] = [(t.top, t) for t in tables]
    bands: dict[int, list] = {}
    for line in glyphs_to_lines(glyphs):
        band = sum(1 for t in tables if t.bottom <= line.top)
        bands.setdefault(band, []).append(line)
    for lines in bands.values():
        for group in lines_to_paragraphs(lines):
            items.append((group[0].top, Paragraph(join_lines(group), Location(page=number))))
    return sorted(items, key=lambda item: item[0])


def _ocr_pages(source: str, data: bytes, numbers: list[int], warnings: list[str]) -> dict[int, list[Item]]:
    missing = ocr.unavailable()
    if missing:
        warnings.append(f"no usable text layer on {_pages(numbers)} (a scan, or a font without a Unicode map): "
                        f"OCR is needed, but {missing}")
        return {}
    read = {n: layout(tables, glyphs, n) for n, tables, glyphs in ocr.read_pages(data, numbers)}
    found = [n for n in numbers if read[n]]
    if found:
        warnings.append(f"no usable text layer on {_pages(found)}: read by OCR, check the figures there")
    if len(found) < len(numbers):
        warnings.append(f"no usable text layer on {_pages([n for n in numbers if not read[n]])}, and OCR found no text")
    return {n: read[n] for n in found}


def _pages(numbers: list[int]) -> str:
    return ("pages " if len(numbers) > 1 else "page ") + ", ".join(map(str, numbers))


def _join_pages(pages: list[list[Item]]) -> list[Piece]:
    """Concatenate the pages, joining each table to the one it continues.

    A table continues the previous one when nothing but blank lines or page
    numbers lie between them, their outer edges match, and either it opens
    the next page or it repeats the previous one's header (one table written
    as two, F7). Two different tables on one page stay two.
    """
    out: list[Piece] = []
    for items in pages:
        opening = True
        for _, block in items:
            tail = _last_content(out)
            upper = out[tail] if tail is not None else None
            if isinstance(block, PageTable) and isinstance(upper, PageTable) and _continues(upper, block, opening):
                cut = written_to_bottom(upper.full)
                joined = stitch.join(upper.table, block.table, block.ruled_top, cut)
                out[tail] = replace(upper, table=joined, full=upper.full | block.full)  # type: ignore[index]
            else:
                out.append(block)
            opening = opening and _trivial(block)
    return out


def _continues(upper: PageTable, lower: PageTable, opening: bool) -> bool:
    if not stitch.continues(upper.table, lower.table):
        return False
    next_page = opening and lower.table.pages[0] == upper.table.pages[-1] + 1
    return next_page or stitch.repeats_header(upper.table, lower.table)


def _last_content(blocks: Sequence[Piece]) -> int | None:
    return next((i for i in range(len(blocks) - 1, -1, -1) if not _trivial(blocks[i])), None)


def _trivial(block: Piece) -> bool:
    """Page numbers and blank lines do not separate a table from its continuation."""
    return isinstance(block, Paragraph) and (not block.text.strip() or bool(_PAGE_NUMBER.match(block.text)))


def _number(blocks: list[Piece]) -> list[Block]:
    """Final tables numbered 1.. in order, nested ones right after their host; every cell
    and paragraph gets its full location."""
    out: list[Block] = []
    tables = paras = 0
    for block in blocks:
        if isinstance(block, PageTable):
            table, tables = _numbered(block.table, tables + 1)
            out.append(table)
        elif block.text.strip():
            paras += 1
            out.append(replace(block, location=replace(block.location, para=paras)))
    return out


def _numbered(table: Table, index: int) -> tuple[Table, int]:
    """The table numbered `index`, its nested tables after it; and the last number used."""
    cells, last = [], index
    for cell in table.cells:
        nested = []
        for inner in cell.nested:
            numbered, last = _numbered(inner, last + 1)
            nested.append(numbered)
        cells.append(replace(_located(cell, index), nested=tuple(nested)))
    return replace(table, index=index, cells=tuple(cells)), last
def _located(cell: Cell, index: int) -> Cell:
    where = Location(page=cell.page, table=index, row=cell.row + 1, col=cell.col + 1)
    paragraphs = tuple(replace(p, location=replace(where, para=i)) for i, p in enumerate(cell.paragraphs, 1))
    return replace(cell, table=index, paragraphs=paragraphs)

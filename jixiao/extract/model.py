"""The document model: what every reader produces and all the normalizer sees.

Readers (docx, pdf, legacy Word) know file formats and nothing of the form;
they emit only these frozen dataclasses. Grid positions are 0-based inside the
model and printed 1-based in locations, because locations are for people.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Location:
    """Where something was read: `p2 t3 r4 c2`, `t3 r4 c2`, `p1 ¶12`, or `t1 r60 c1 ¶3`."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    para: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.table is not None:
            parts.append(f"t{self.table}")
        if self.row is not None:
            parts.append(f"r{self.row}")
        if self.col is not None:
            parts.append(f"c{self.col}")
        if self.para is not None:
            parts.append(f"¶{self.para}")
        return " ".join(parts)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text (or of a cell, inside `Cell.paragraphs`)."""

    text: str
    location: Location
    style: str = ""


@dataclass(frozen=True)
class Cell:
    """One cell of a table's grid, stored once however many grid slots it covers.

    `text` joins the cell's paragraphs with newlines; `paragraphs` keeps them
    apart for cells that hold whole narratives (FAILURE_MODES F8). `bbox` is
    (x0, top, x1, bottom) in PDF points where the reader knows it.
    """

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    paragraphs: tuple[Paragraph, ...] = ()
    nested: tuple[Table, ...] = ()
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    table: int | None = None

    @property
    def location(self) -> Location:
        return Location(page=self.page, table=self.table, row=self.row + 1, col=self.col + 1)

    def covers(self, row: int, col: int) -> bool:
        return self.row <= row < self.row + self.row_span and self.col <= col < self.col + self.col_span


@dataclass(frozen=True)
class Table:
    """A table: its cells on an n_rows × n_cols grid, merged cells spanning slots.

    `index` is the table's 1-based number in document order (nested tables
    get numbers too, after their host). `pages` lists the PDF pages it covers.
    """

    index: int
    n_rows: int
    n_cols: int
    cells: tuple[Cell, ...]
    pages: tuple[int, ...] = ()
    col_edges: tuple[float, ...] = ()

    def grid(self) -> list[list[Cell | None]]:
        """Each grid slot → the cell covering it (merged cells repeat), None for holes."""
        slots: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    slots[r][c] = cell
        return slots

    def rows(self) -> list[list[Cell]]:
        """Each grid row → the cells that start in it, left to right."""
        by_row: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            by_row[cell.row].append(cell)
        return by_row


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    """A read document: blocks in reading order, plus what the reader noticed.

    `warnings` are problems that leave the document usable (a page that needed
    OCR, an unknown element); `status` is `ok` or `partial` (some content could
    not be read: `warnings` says which). Unreadable files raise ReadError instead.
    """

    source: str
    format: str
    blocks: tuple[Block, ...]
    pages: int | None = None
    warnings: tuple[str, ...] = field(default=())
    status: str = "ok"

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

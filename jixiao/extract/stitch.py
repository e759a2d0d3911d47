"""One logical table from its pieces: a table continued on the next PDF page (F6),
or one Word table written as two with its header repeated (F7).

The pieces are matched by x position, not by column index: the same table can
come out with 9 grid columns on one page and 11 on the next, so the column
edges of both are merged and every cell is re-placed on the merged grid. Then
the repeated header rows of the second piece are dropped, a row split by the
break is fused back into one (told by where the text above ran out, which
only the PDF reader knows: see `join`'s `cut`), and a vertical merge that ran
over the break is carried on (a cell over the same columns as a filled one
above: blank, or going on with a text broken off above).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from jixiao.extract.model import Cell, Paragraph, Table
from jixiao.extract.pdf_text import HEADING

_SNAP = 3.0  # points: column edges this close are the same edge
_MAX_HEADER_ROWS = 3
_SPACE = re.compile(r"\s+")
_SENTENCE_END = ("。", "！", "？", "：", "；", ".")
_CLAUSE_END = (*_SENTENCE_END, "）", ")", "，", "、")
_LONG_TEXT = 20  # characters: shorter cells are labels and figures, which end anywhere


def continues(a: Table, b: Table) -> bool:
    """Could `b` be `a` continued: both know their column edges and share their outer edges."""
    if len(a.col_edges) < 2 or len(b.col_edges) < 2:
        return False
    return abs(a.col_edges[0] - b.col_edges[0]) <= _SNAP and abs(a.col_edges[-1] - b.col_edges[-1]) <= _SNAP


def repeats_header(a: Table, b: Table) -> bool:
    """Does `b` open with a copy of `a`'s first row (one table written as two, F7)?"""
    head = _row_texts(a.cells, 0)
    return bool("".join(head)) and head == _row_texts(b.cells, 0)


def join(a: Table, b: Table, ruled_top: bool = True, cut: Callable[[Cell], bool] | None = None) -> Table:
    """`a` and its continuation `b` as one table.

    `ruled_top=False` says b's first row was split by the break (no rule above
    it); `cut` tells which cells' text ran down to the page's cut (a PDF reader
    knows; without it only a blank first row counts as the rest of a split row).
    """
    edges = _merge_edges(a.col_edges, b.col_edges)
    upper = [_regrid(c, a.col_edges, edges) for c in a.cells]
    lower = [_regrid(c, b.col_edges, edges) for c in b.cells]
    lower, lower_rows = _drop_header(upper, lower, b.n_rows)
    pages = tuple(sorted(set(a.pages) | set(b.pages)))
    if lower_rows == 0:
        return replace(a, n_cols=len(edges) - 1, cells=tuple(upper), pages=pages, col_edges=edges)
    first = [c for c in lower if c.row == 0]
    if not ruled_top or _split_row(upper, a.n_rows - 1, first, cut):
        upper, lower = _fuse(upper, a.n_rows - 1, first, lower)
        shift = a.n_rows - 1
    else:
        upper, lower = _carry(upper, a.n_rows - 1, first, lower)
        shift = a.n_rows
    cells = upper + [replace(c, row=c.row + shift) for c in lower]
    return Table(
        index=a.index, n_rows=shift + lower_rows, n_cols=len(edges) - 1,
        cells=tuple(cells), pages=pages, col_edges=edges,
    )


def _merge_edges(a: Sequence[float], b: Sequence[float]) -> tuple[float, ...]:
    merged: list[float] = []
    for x in sorted([*a, *b]):
        if not merged or x - merged[-1] > _SNAP:
            merged.append(x)
    return tuple(merged)


def _regrid(cell: Cell, old: Sequence[float], new: Sequence[float]) -> Cell:
    start = _nearest(new, old[cell.col])
    end = _nearest(new, old[min(cell.col + cell.col_span, len(old) - 1)])
    return replace(cell, col=start, col_span=max(end - start, 1))


def _nearest(edges: Sequence[float], x: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


def _row_texts(cells: Sequence[Cell], row: int) -> list[str]:
    return [_SPACE.sub("", c.text) for c in sorted(cells, key=lambda c: c.col) if c.row == row]


def _drop_header(upper: list[Cell], lower: list[Cell], n_rows: int) -> tuple[list[Cell], int]:
    """Remove the first k rows of `lower` when they repeat the first k rows of `upper`."""
    for k in range(min(_MAX_HEADER_ROWS, n_rows), 0, -1):
        heads = [_row_texts(upper, r) for r in range(k)]
        if any("".join(h) for h in heads) and heads == [_row_texts(lower, r) for r in range(k)]:
            kept = [_drop_rows(c, k) for c in lower if c.row + c.row_span > k]
            return kept, n_rows - k
    return lower, n_rows


def _drop_rows(cell: Cell, k: int) -> Cell:
    start = max(cell.row, k)
    return replace(cell, row=start - k, row_span=cell.row + cell.row_span - start)


def _covering(cells: Sequence[Cell], row: int, col: int) -> Cell | None:
    return next((c for c in cells if c.covers(row, col)), None)


def _split_row(upper: list[Cell], last: int, first: list[Cell], cut: Callable[[Cell], bool] | None) -> bool:
    """Is the first row below the break the rest of the last row above it?

    It is when it is blank throughout (only padding went over). Otherwise it
    must write only under cells of its own width whose text ran down to the
    page's cut (`cut`; a cell with room left below its text was not cut), and
    be blank under at least a third of that row's own filled cells (the short
    ones, scores, fitted above), or the row be one long text cell (a short one
    is a title row). A new row writes under cells that had room, or has its
    own scores and figures.
    """
    if not any(c.text.strip() for c in first):
        return True  # only the bottom padding of the last row went over the break
    if cut is None:
        return False
    for part in first:
        above = _covering(upper, last, part.col)
        if part.text.strip() and not (above is not None and _same_cell(part, above) and cut(above)):
            return False
    row = [c for c in upper if c.row <= last < c.row + c.row_span]
    below = {id(c): _covering(first, 0, c.col) for c in row}
    own = [c for c in row if c.row == last and c.text.strip()]
    fitted = [c for c in own if _blank_single(below[id(c)])]
    return 3 * len(fitted) >= len(own) > 0 if len(row) > 1 else len(row[0].text) >= _LONG_TEXT


def _blank_single(cell: Cell | None) -> bool:
    """A blank cell of one row: no merge running on."""
    return cell is not None and not cell.text.strip() and cell.row_span == 1


def _same_cell(part: Cell, above: Cell | None) -> bool:
    """Could `part` be the rest of `above`: that is filled, and over the same columns (a narrower
    cell under a wide one is a sub-header or a new row, never the rest of a split cell)."""
    return above is not None and _filled(above) and (above.col, above.col_span) == (part.col, part.col_span)


def _filled(cell: Cell | None) -> bool:
    return cell is not None and bool(cell.text.strip())


def _unfinished(cell: Cell, ends: tuple[str, ...] = _SENTENCE_END) -> bool:
    """A text the page broke: long and not at a sentence's end, or with a bracket left open."""
    text = cell.text.strip()
    if not text or text.endswith(ends):
        return False
    return len(text) >= _LONG_TEXT or text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _fuse(upper: list[Cell], last: int, first: list[Cell], lower: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """Fold the split row's lower half into the cells above it."""
    for part in first:
        above = _covering(upper, last, part.col)
        if above is None:
            continue
        upper[upper.index(above)] = _extend(above, part, part.row_span - 1)
        lower.remove(part)
    return upper, lower


def _carry(upper: list[Cell], last: int, first: list[Cell], lower: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """A cell under a filled one over the same columns is that merged cell run on over the break
    when it is empty and either spans rows or only blank cells lie left of it (a row label's
    column, as 一级指标 or 机构名称), or when the text above breaks off mid-clause and goes on in it.
    An empty cell right of filled ones (a blank 扣分原因) stays a blank cell of its own."""
    leading = True
    for part in sorted(first, key=lambda c: c.col):
        above = _covering(upper, last, part.col)
        empty = not part.text.strip()
        if above is not None and _same_cell(part, above) and _runs_on(above, part, leading):
            upper[upper.index(above)] = _extend(above, part, part.row_span)
            lower.remove(part)
        leading = leading and empty
    return upper, lower


def _runs_on(above: Cell, part: Cell, leading: bool) -> bool:
    if not part.text.strip():
        return leading or above.row_span > 1 or part.row_span > 1
    return above.row_span + part.row_span > 2 and _unfinished(above, _CLAUSE_END)


def _extend(cell: Cell, rest: Cell, extra_rows: int) -> Cell:
    text, paragraphs = cell.text, cell.paragraphs
    if rest.text.strip():
        text = f"{cell.text}\n{rest.text}" if cell.text else rest.text
        paragraphs = _join_paragraphs(cell.paragraphs, rest.paragraphs)
    return replace(cell, text=text, paragraphs=paragraphs, row_span=cell.row_span + extra_rows)


def _join_paragraphs(head: tuple[Paragraph, ...], tail: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """A page break mid-sentence: the first paragraph below continues the last one above,
    unless either is a heading (a heading line ends no sentence)."""
    if not head or not tail or _complete(head[-1].text) or HEADING.match(tail[0].text):
        return head + tail
    joined = replace(head[-1], text=head[-1].text + tail[0].text)
    return head[:-1] + (joined,) + tail[1:]


def _complete(text: str) -> bool:
    """Ends a sentence, or is a short heading line."""
    return text.endswith(_SENTENCE_END) or (bool(HEADING.match(text)) and len(text) < 2 * _LONG_TEXT)

"""Ruled tables on one PDF page → model Tables on a grid with spans.

pdfplumber finds the cells from the ruling lines; the grid comes from the
cells themselves (unique x edges → columns, y edges → rows), so a cell's span
is read off its bbox. Text is placed by glyph position, not by pdfplumber's
`extract()`, so each glyph is looked at once and CJK spacing stays exact.

A table that continues from the previous page often has no rule along its
top (a row split by the page break), and a cell that fills a whole page has
no horizontal rule at all (F6); pdfplumber would find no table there. Such
tops and bottoms are closed with synthetic rules where the vertical rules end,
and the table remembers that its top was not ruled.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from jixiao.extract.model import Cell, Location, Paragraph, Table
from jixiao.extract.pdf_text import Glyph, glyphs_to_lines, join_lines, lines_to_paragraphs

Edge = dict[str, Any]
BBox = tuple[float, float, float, float]

_SNAP = 2.0  # points: edges closer than this are the same grid line
_ROOM = 3.2  # font sizes below a cell's last line: less, and no further line fitted (LibreOffice leaves 1.4;
# widow control may push two lines over, which leaves up to about 3)
_MIN_RULE = 8.0  # points: shorter vertical strokes are glyph parts or underlines, not cell walls


@dataclass(frozen=True)
class PageTable:
    """A table as found on one page, before tables continued across pages are joined."""

    table: Table
    top: float
    bottom: float
    ruled_top: bool
    full: frozenset[tuple[int | None, BBox | None]] = frozenset()  # (page, bbox) of cells written to their bottom


def written_to_bottom(full: frozenset[tuple[int | None, BBox | None]]) -> Callable[[Cell], bool]:
    """Whether a cell's text runs down to its bottom edge, so a page break may have cut it."""
    return lambda cell: (cell.page, cell.bbox) in full


def missing_rules(edges: Sequence[Edge]) -> list[Edge]:
    """Horizontal lines where two or more vertical rules end with no horizontal rule there."""
    verticals = [e for e in edges if e["orientation"] == "v" and e["height"] >= _MIN_RULE]
    # A border drawn as a thin filled rectangle has short caps at its ends: those are no rules.
    horizontals = [e for e in edges if e["orientation"] == "h" and e["width"] >= _MIN_RULE]
    lines = []
    for y in _cluster(v[end] for v in verticals for end in ("top", "bottom")):
        ending = [v for v in verticals if abs(v["top"] - y) <= _SNAP or abs(v["bottom"] - y) <= _SNAP]
        if len(ending) < 2:
            continue
        x0, x1 = min(v["x0"] for v in ending), max(v["x0"] for v in ending)
        if not any(abs(h["top"] - y) <= _SNAP and h["x0"] < x1 and h["x1"] > x0 for h in horizontals):
            lines.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
                          "width": x1 - x0, "height": 0.0})
    return lines


def group_cells(cells: Sequence[BBox]) -> list[list[BBox]]:
    """Cells that share a corner belong to one table, top to bottom.

    pdfplumber's `cells_to_tables` drops tables of one cell, but a narrative
    cell that fills a whole page is exactly that (F6, F8).
    """
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            parent[root(i)] = root(j)
    groups: dict[int, list[BBox]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    return sorted(groups.values(), key=lambda g: min(c[1] for c in g))


def tables_on_page(
    groups: Sequence[Sequence[BBox]], glyphs: Sequence[Glyph], page: int, unruled_tops: Sequence[float] = ()
) -> tuple[list[PageTable], list[Glyph]]:
    """Each group of cells → a table; a group lying inside another's cell is that cell's nested table.

    Innermost tables take their glyphs first, so a nested table's text is read
    once, tied to its host cell (F13), and not also as the host cell's text.
    """
    bounds = [_bounds(group) for group in groups]
    order = sorted(range(len(groups)), key=lambda i: _area(bounds[i]))
    tables: dict[int, Table] = {}
    full: set[tuple[int | None, BBox | None]] = set()
    rest = list(glyphs)
    for i in order:
        tables[i], rest = cells_to_table(groups[i], rest, page, full)
    hosts = {i: _host(i, bounds, order) for i in order}
    for i in order:
        host = hosts[i]
        if host is not None:
            tables[host] = _nest(tables[host], tables[i], bounds[i])
    found = [
        PageTable(tables[i], bounds[i][1], bounds[i][3],
                  not any(abs(y - bounds[i][1]) <= _SNAP for y in unruled_tops), frozenset(full))
        for i in range(len(groups)) if hosts[i] is None
    ]
    return sorted(found, key=lambda t: t.top), rest


def _bounds(boxes: Sequence[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _area(box: BBox) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _host(i: int, bounds: Sequence[BBox], order: Sequence[int]) -> int | None:
    """The smallest other table whose outline holds table i's."""
    x0, top, x1, bottom = bounds[i]
    return next((j for j in order if j != i and _area(bounds[j]) > _area(bounds[i])
                 and bounds[j][0] - _SNAP <= x0 and bounds[j][1] - _SNAP <= top
                 and x1 <= bounds[j][2] + _SNAP and bottom <= bounds[j][3] + _SNAP), None)


def _nest(host: Table, inner: Table, box: BBox) -> Table:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    cells = list(host.cells)
    for k, cell in enumerate(cells):
        if cell.bbox and cell.bbox[0] <= cx <= cell.bbox[2] and cell.bbox[1] <= cy <= cell.bbox[3]:
            cells[k] = replace(cell, nested=(*cell.nested, inner))
            break
    return replace(host, cells=tuple(cells))


def cells_to_table(
    bboxes: Sequence[BBox], glyphs: Iterable[Glyph], page: int, full: set[tuple[int | None, BBox | None]]
) -> tuple[Table, list[Glyph]]:
    """One table's cell boxes and the page's glyphs → the Table and the glyphs not inside it.

    Cells whose text runs down to their bottom edge are added to `full`.
    """
    xs = _cluster(v for b in bboxes for v in (b[0], b[2]))
    ys = _cluster(v for b in bboxes for v in (b[1], b[3]))
    spans = [(_index(ys, b[1]), _index(xs, b[0]), _index(ys, b[3]), _index(xs, b[2])) for b in bboxes]
    slots: dict[tuple[int, int], int] = {}
    for i, (r0, c0, r1, c1) in enumerate(spans):
        for r in range(r0, r1):
            for c in range(c0, c1):
                slots[(r, c)] = i
    inside: list[list[Glyph]] = [[] for _ in bboxes]
    outside: list[Glyph] = []
    for glyph in glyphs:
        slot = _slot(xs, ys, glyph)
        if slot in slots:
            inside[slots[slot]].append(glyph)
        else:
            outside.append(glyph)
    cells = tuple(sorted(
        (_cell(r0, c0, r1 - r0, c1 - c0, inside[i], page, bboxes[i], full)
         for i, (r0, c0, r1, c1) in enumerate(spans) if r1 > r0 and c1 > c0),
        key=lambda c: (c.row, c.col),
    ))
    table = Table(index=0, n_rows=len(ys) - 1, n_cols=len(xs) - 1, cells=cells, pages=(page,), col_edges=tuple(xs))
    return table, outside


def _cell(
    row: int, col: int, rows: int, cols: int, glyphs: list[Glyph], page: int, bbox: BBox,
    full: set[tuple[int | None, BBox | None]],
) -> Cell:
    lines = glyphs_to_lines(glyphs)
    paragraphs = tuple(
        Paragraph(join_lines(group), Location(page=page)) for group in lines_to_paragraphs(lines)
    )
    cell = Cell(
        row=row, col=col, row_span=rows, col_span=cols,
        text="\n".join(line.text for line in lines), paragraphs=paragraphs,
        page=page, bbox=(round(bbox[0], 1), round(bbox[1], 1), round(bbox[2], 1), round(bbox[3], 1)),
    )
    if lines and bbox[3] - lines[-1].bottom < _ROOM * lines[-1].size:  # no room for another line
        full.add((cell.page, cell.bbox))
    return cell


def _slot(xs: Sequence[float], ys: Sequence[float], glyph: Glyph) -> tuple[int, int]:
    cx = (glyph["x0"] + glyph["x1"]) / 2
    cy = (glyph["top"] + glyph["bottom"]) / 2
    if not (xs[0] <= cx <= xs[-1] and ys[0] <= cy <= ys[-1]):
        return (-1, -1)
    return (min(bisect_right(ys, cy), len(ys) - 1) - 1, min(bisect_right(xs, cx), len(xs) - 1) - 1)


def _cluster(values: Iterable[float]) -> list[float]:
    """Sorted values with near-equal ones (within _SNAP) merged into their mean."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][0] <= _SNAP:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _index(edges: Sequence[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))

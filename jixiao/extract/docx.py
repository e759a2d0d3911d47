"""The .docx reader: walks word/document.xml itself rather than through python-docx.

python-docx's `row.cells` repeats a merged cell once per grid slot and costs
about 6× a direct walk (FAILURE_MODES); its `cell.text` drops nested tables
(F13). Walking `w:tbl/w:tr/w:tc` with `w:gridSpan` and `w:vMerge` gives each
cell once, with its spans, in document order.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from itertools import count

from lxml import etree

from jixiao.errors import ReadError
from jixiao.extract.model import Block, Cell, Document, Location, Paragraph, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC, _SDT = (f"{{{W}}}{t}" for t in ("p", "tbl", "tr", "tc", "sdt"))
_SDT_CONTENT = f"{{{W}}}sdtContent"
# Subtrees whose text is not the accepted document text: deletions (tracked changes, F17),
# the old side of a move, VML fallbacks that repeat a text box's DrawingML content,
# and text boxes, which are read as paragraphs of their own after their host paragraph.
_SKIP = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback", f"{{{W}}}txbxContent",
         f"{{{W}}}instrText", f"{{{W}}}delText", f"{{{W}}}rPr", f"{{{W}}}pPr"}
_TEXT = {f"{{{W}}}t": None, f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n", f"{{{W}}}cr": "\n",
         f"{{{W}}}noBreakHyphen": "-"}
_TXBX = f"{{{W}}}txbxContent"
# Child paths looked up for every cell and paragraph, spelled once.
_TC_SPAN, _TC_VMERGE = f"{{{W}}}tcPr/{{{W}}}gridSpan", f"{{{W}}}tcPr/{{{W}}}vMerge"
_P_STYLE = f"{{{W}}}pPr/{{{W}}}pStyle"
_GRID_COL = f"{{{W}}}tblGrid/{{{W}}}gridCol"
_GRID_BEFORE, _GRID_AFTER = f"{{{W}}}trPr/{{{W}}}gridBefore", f"{{{W}}}trPr/{{{W}}}gridAfter"
_VAL = f"{{{W}}}val"


def read_docx(source: str, data: bytes) -> Document:
    """Read a .docx's body: paragraphs and tables in document order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        raise ReadError(source, f"not a readable .docx ({exc})") from exc
    try:
        root = etree.fromstring(xml, etree.XMLParser(huge_tree=True, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise ReadError(source, f"word/document.xml is damaged ({exc})") from exc
    body = root.find(f"{{{W}}}body")
    if body is None:
        raise ReadError(source, "word/document.xml has no body")
    walker = _Walker()
    blocks = tuple(walker.blocks(body))
    return Document(source=source, format="docx", blocks=blocks, pages=None)


class _Walker:
    """Numbers paragraphs and tables as it meets them, nested tables after their host."""

    def __init__(self) -> None:
        self._tables = count(1)
        self._paras = count(1)

    def blocks(self, parent: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in _content_children(parent):
            if child.tag == _P:
                text = paragraph_text(child)
                if text.strip():
                    out.append(Paragraph(text, Location(para=next(self._paras)), _style(child)))
                out.extend(self._text_boxes(child))
            elif child.tag == _TBL:
                out.append(self.table(child))
        return out

    def _text_boxes(self, p: etree._Element) -> list[Block]:
        boxes: list[Block] = []
        for box in p.iter(_TXBX):
            if any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
                continue
            boxes.extend(self.blocks(box))
        return boxes

    def table(self, tbl: etree._Element) -> Table:
        index = next(self._tables)
        builder = _TableBuilder(index)
        for r, tr in enumerate(_rows(tbl)):
            col = _grid_skip(tr, _GRID_BEFORE)
            for tc in _cells(tr):
                span_el = tc.find(_TC_SPAN)
                span = int(span_el.get(_VAL) or 1) if span_el is not None else 1
                vmerge = tc.find(_TC_VMERGE)
                if vmerge is not None and vmerge.get(_VAL) in (None, "continue"):
                    builder.extend_down(r, col, span)
                else:
                    builder.add(r, col, span, *self._cell_content(tc, index, r, col))
                col += span
            builder.end_row(col + _grid_skip(tr, _GRID_AFTER))
        grid_cols = len(tbl.findall(_GRID_COL))
        return builder.build(grid_cols)

    def _cell_content(
        self, tc: etree._Element, table: int, row: int, col: int
    ) -> tuple[tuple[Paragraph, ...], tuple[Table, ...]]:
        paragraphs: list[Paragraph] = []
        nested: list[Table] = []
        for child in _content_children(tc):
            if child.tag == _P:
                text = paragraph_text(child)
                loc = Location(table=table, row=row + 1, col=col + 1, para=len(paragraphs) + 1)
                paragraphs.append(Paragraph(text, loc, _style(child)))
            elif child.tag == _TBL:
                nested.append(self.table(child))
        return tuple(paragraphs), tuple(nested)


@dataclass
class _Slot:
    row: int
    col: int
    col_span: int
    paragraphs: tuple[Paragraph, ...]
    nested: tuple[Table, ...]
    row_span: int = 1


@dataclass
class _TableBuilder:
    index: int
    slots: list[_Slot] = field(default_factory=list)
    open_by_col: dict[int, _Slot] = field(default_factory=dict)
    n_rows: int = 0
    width: int = 0

    def add(self, row: int, col: int, span: int, paragraphs: tuple, nested: tuple) -> None:
        slot = _Slot(row, col, span, paragraphs, nested)
        self.slots.append(slot)
        self.open_by_col[col] = slot

    def extend_down(self, row: int, col: int, span: int) -> None:
        above = self.open_by_col.get(col)
        if above is None or above.row + above.row_span != row:
            # A continuation with nothing to continue (seen in hand-edited files): keep it as an
            # empty cell rather than lose the grid position.
            self.add(row, col, span, (), ())
            return
        above.row_span += 1

    def end_row(self, width: int) -> None:
        self.n_rows += 1
        self.width = max(self.width, width)

    def build(self, grid_cols: int) -> Table:
        cells = tuple(
            Cell(
                row=s.row, col=s.col, text="\n".join(p.text for p in s.paragraphs).strip(),
                row_span=s.row_span, col_span=s.col_span, paragraphs=s.paragraphs,
                nested=s.nested, table=self.index,
            )
            for s in self.slots
        )
        return Table(self.index, self.n_rows, max(self.width, grid_cols), cells)


def paragraph_text(p: etree._Element) -> str:
    """The accepted text of a paragraph: insertions in, deletions out, breaks as newlines."""
    parts: list[str] = []
    _collect_text(p, parts)
    return "".join(parts)


def _collect_text(el: etree._Element, parts: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _TEXT:
            fixed = _TEXT[tag]
            parts.append((child.text or "") if fixed is None else fixed)
        else:
            _collect_text(child, parts)


def _content_children(parent: etree._Element):
    """Block-level children, looking through content controls (w:sdt, F17) and mc:Choice."""
    for child in parent:
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _content_children(content)
        elif child.tag in (f"{{{W}}}customXml", f"{{{W}}}ins", f"{{{W}}}smartTag"):
            yield from _content_children(child)
        else:
            yield child


def _rows(tbl: etree._Element):
    return (c for c in _content_children(tbl) if c.tag == _TR)


def _cells(tr: etree._Element):
    return (c for c in _content_children(tr) if c.tag == _TC)


def _grid_skip(tr: etree._Element, path: str) -> int:
    skip = tr.find(path)
    return int(skip.get(_VAL) or 0) if skip is not None else 0


def _style(p: etree._Element) -> str:
    style = p.find(_P_STYLE)
    return (style.get(_VAL) or "") if style is not None else ""

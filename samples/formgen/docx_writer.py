"""Blocks (paragraphs and grid tables) → a .docx, writing the table XML directly.

python-docx has no API for vertical merges that a reader sees as `w:vMerge`
continuation cells, for tracked changes, content controls or text direction,
so tables are built as OOXML here and appended to a python-docx body. The
writer knows nothing of the form: `form.py` decides what goes in each cell.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


@dataclass(frozen=True)
class Run:
    """A run of text; `kind` is text, ins (tracked insertion), del (tracked deletion) or sdt."""

    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    bold: bool = False
    center: bool = False
    size: float | None = None


ParaLike = Para | str


@dataclass(frozen=True)
class Cell:
    """One `w:tc`: paragraphs, its grid span, its vMerge state and optional extras."""

    paras: tuple[ParaLike, ...]
    span: int = 1
    vmerge: str | None = None  # "restart" | "continue" | None
    direction: str | None = None  # e.g. "tbRl" (FAILURE_MODES F14)
    nested: Grid | None = None  # a table inside the cell (F13), after its paragraphs


@dataclass(frozen=True)
class Grid:
    """A table: grid column widths (twips) and rows of cells; header rows repeat on new pages."""

    widths: tuple[int, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0


Block = Para | str | Grid


def cell(text: str = "", span: int = 1, v: str | None = None, **kw) -> Cell:
    """A cell whose paragraphs are `text` split at newlines (a label broken inside a cell)."""
    return Cell(paras=tuple(text.split("\n")), span=span, vmerge=v, **kw)


def cont(span: int = 1, text: str = "") -> Cell:
    """A vMerge continuation cell (Word shows the restart cell's text over it)."""
    return Cell(paras=(text,), span=span, vmerge="continue")


def write_blocks(blocks: list[Block], path: Path) -> None:
    document = docx.Document()
    _page_setup(document)
    body = document.element.body
    sect = body[-1]  # w:sectPr must stay last
    for block in blocks:
        element = _grid_xml(block) if isinstance(block, Grid) else _para_xml(block)
        sect.addprevious(element)
    sect.addprevious(_para_xml(""))  # Word ends a body with a paragraph, never a table
    _hide_revision_marks(document)
    _fix_core_properties(document)
    _save_deterministic(document, path)


def _hide_revision_marks(document) -> None:
    # Show the final text, as a submitter would print it; the ins/del stay in the XML.
    view = OxmlElement("w:revisionView")
    view.set(qn("w:markup"), "0")
    view.set(qn("w:insDel"), "0")
    # Schema order: revisionView precedes defaultTabStop, which the default template has.
    document.settings.element.find(qn("w:defaultTabStop")).addprevious(view)


def _save_deterministic(document, path: Path) -> None:
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    pin_zip(path)


def pin_zip(path: Path) -> None:
    """Rewrite a zip (docx) with fixed member dates: zipfile and LibreOffice stamp the time."""
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            member = zipfile.ZipInfo(name, date_time=(2022, 3, 1, 9, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, data)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.0)
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")


def _fix_core_properties(document) -> None:
    # Deterministic output: python-docx stamps the current time otherwise.
    import datetime as dt

    props = document.core_properties
    stamp = dt.datetime(2022, 3, 1, 9, 0, 0)
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.author = props.last_modified_by = "jixiao samples"
    props.revision = 1


def _para_xml(para: ParaLike):
    if isinstance(para, str):
        para = Para(runs=(Run(para),))
    p = OxmlElement("w:p")
    if para.center or para.bold or para.size:
        p_pr = OxmlElement("w:pPr")
        if para.center:
            jc = OxmlElement("w:jc")
            jc.set(qn("w:val"), "center")
            p_pr.append(jc)
        p.append(p_pr)
    for run in para.runs:
        p.append(_run_xml(run, para))
    return p


def _run_xml(run: Run, para: Para):
    if run.kind == "text":
        return _plain_run(run.text, para)
    if run.kind == "ins":
        wrapper = _revision("w:ins", 1)
        wrapper.append(_plain_run(run.text, para))
        return wrapper
    if run.kind == "del":
        wrapper = _revision("w:del", 2)
        wrapper.append(_plain_run(run.text, para, tag="w:delText"))
        return wrapper
    if run.kind == "sdt":
        return _sdt_run(run.text, para)
    raise ValueError(f"unknown run kind {run.kind!r}")


def _plain_run(text: str, para: Para, tag: str = "w:t"):
    r = OxmlElement("w:r")
    if para.bold or para.size:
        r_pr = OxmlElement("w:rPr")
        if para.bold:
            r_pr.append(OxmlElement("w:b"))
        if para.size:
            sz = OxmlElement("w:sz")
            sz.set(qn("w:val"), str(int(para.size * 2)))
            r_pr.append(sz)
        r.append(r_pr)
    t = OxmlElement(tag)
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _revision(tag: str, rev_id: int):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(rev_id))
    element.set(qn("w:author"), "审核人")
    element.set(qn("w:date"), "2022-03-01T09:00:00Z")
    return element


def _sdt_run(text: str, para: Para):
    sdt = OxmlElement("w:sdt")
    sdt_pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "联络电话")
    sdt_pr.append(alias)
    sdt_pr.append(OxmlElement("w:text"))
    content = OxmlElement("w:sdtContent")
    content.append(_plain_run(text, para))
    sdt.append(sdt_pr)
    sdt.append(content)
    return sdt


def _grid_xml(grid: Grid):
    tbl = OxmlElement("w:tbl")
    tbl.append(_table_properties(sum(grid.widths)))
    tbl_grid = OxmlElement("w:tblGrid")
    for width in grid.widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(width))
        tbl_grid.append(col)
    tbl.append(tbl_grid)
    for index, row in enumerate(grid.rows):
        tbl.append(_row_xml(row, grid.widths, header=index < grid.header_rows))
    return tbl


def _table_properties(total_width: int):
    tbl_pr = OxmlElement("w:tblPr")
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(total_width))
    width.set(qn("w:type"), "dxa")
    tbl_pr.append(width)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "center")
    tbl_pr.append(jc)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    return tbl_pr


def _row_xml(row: tuple[Cell, ...], widths: tuple[int, ...], header: bool):
    tr = OxmlElement("w:tr")
    if header:
        tr_pr = OxmlElement("w:trPr")
        tr_pr.append(OxmlElement("w:tblHeader"))
        tr.append(tr_pr)
    start = 0
    for c in row:
        tr.append(_cell_xml(c, sum(widths[start:start + c.span])))
        start += c.span
    if start != len(widths):
        raise ValueError(f"row covers {start} grid columns, table has {len(widths)}: {row}")
    return tr


def _cell_xml(c: Cell, width: int):
    tc = OxmlElement("w:tc")
    tc_pr = OxmlElement("w:tcPr")
    tc_w = OxmlElement("w:tcW")
    tc_w.set(qn("w:w"), str(width))
    tc_w.set(qn("w:type"), "dxa")
    tc_pr.append(tc_w)
    if c.span > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(c.span))
        tc_pr.append(span)
    if c.vmerge:
        vmerge = OxmlElement("w:vMerge")
        if c.vmerge == "restart":
            vmerge.set(qn("w:val"), "restart")
        tc_pr.append(vmerge)
    if c.direction:  # schema order: textDirection before vAlign
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), c.direction)
        tc_pr.append(direction)
    v_align = OxmlElement("w:vAlign")
    v_align.set(qn("w:val"), "center")
    tc_pr.append(v_align)
    tc.append(tc_pr)
    for para in c.paras:
        tc.append(_para_xml(para))
    if c.nested is not None:
        tc.append(_grid_xml(c.nested))
        tc.append(_para_xml(""))  # a cell must end with a paragraph
    return tc

"""PDF samples beyond LibreOffice's renditions of the seed.

    python samples/make_pdf_variants.py

writes
- samples/seed-chromium.pdf: the seed from a second producer, HTML printed by
  headless Chromium (needs chromium);
- samples/pdf/split-rows.pdf: a table whose rows and vertical merges break over
  many pages, and a narrative cell filling a whole page (F6; needs soffice);
- samples/pdf/seed-mixed.pdf: seed.pdf with page 2 swapped for its scan (F12);
- samples/pdf/cid-font.pdf: text in a CJK font without a ToUnicode map (F11).

LibreOffice is not the only thing that makes the PDFs people submit. This
script lays the seed out as HTML from formgen's own blocks (the same cells,
spans and vertical merges that go into seed.docx; tracked deletions left out,
as Word shows the accepted text) and prints it with Chromium, whose tables
break across pages differently (a repeated `<thead>`, rows split mid-cell).
The PDF is committed, so tests and CI need no Chromium.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import docx  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402

from formgen import seed_spec  # noqa: E402
from formgen.docx_writer import Cell, Grid, Para  # noqa: E402
from formgen.form import build_blocks  # noqa: E402

CSS = """
@page { size: A4; margin: 2.2cm 2cm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; }
p { margin: 0; white-space: pre-wrap; }
p.title { text-align: center; font-weight: bold; font-size: 15pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4pt 0; }
td, th { border: 0.75pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; font-weight: normal; }
td.vertical { writing-mode: vertical-rl; }
"""


def main() -> int:
    (HERE / "pdf").mkdir(exist_ok=True)
    (HERE / "pdf" / "cid-font.pdf").write_bytes(cid_font_pdf())
    mixed_pdf(HERE / "seed.pdf", HERE / "seed-scanned.pdf", HERE / "pdf" / "seed-mixed.pdf")
    split_rows_pdf(HERE / "pdf" / "split-rows.pdf")
    return chromium_pdf(HERE / "seed-chromium.pdf")


def chromium_pdf(out: Path) -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("chromium not found (apt-get install chromium): seed-chromium.pdf not written", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seed.html"
        page.write_text(document_html(build_blocks(seed_spec())), encoding="utf-8")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", page.as_uri()],
            check=True, capture_output=True, timeout=180,
        )
    print(f"wrote {out}", file=sys.stderr)
    return 0


def document_html(blocks: list) -> str:
    body = "\n".join(_grid(b) if isinstance(b, Grid) else _para(b) for b in blocks)
    return f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>{CSS}</style><body>{body}</body></html>'


def _para(para: Para | str) -> str:
    if isinstance(para, str):
        return f"<p>{html.escape(para) or '&nbsp;'}</p>"
    text = "".join(run.text for run in para.runs if run.kind != "del")
    css = ' class="title"' if para.center else ""
    return f"<p{css}>{html.escape(text) or '&nbsp;'}</p>"


def _grid(grid: Grid) -> str:
    total = sum(grid.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in grid.widths)
    spans = _row_spans(grid)
    rows = [
        "<tr>" + "".join(_cell(c, spans.get((r, col), 1)) for c, col in _positions(row) if c.vmerge != "continue") + "</tr>"
        for r, row in enumerate(grid.rows)
    ]
    head, body = rows[: grid.header_rows], rows[grid.header_rows:]
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    return f"<table><colgroup>{cols}</colgroup>{thead}<tbody>{''.join(body)}</tbody></table>"


def _positions(row: tuple[Cell, ...]) -> list[tuple[Cell, int]]:
    out, col = [], 0
    for cell in row:
        out.append((cell, col))
        col += cell.span
    return out


def _row_spans(grid: Grid) -> dict[tuple[int, int], int]:
    """rowspan of each vMerge restart: itself plus the continuation cells below it at its grid column."""
    spans: dict[tuple[int, int], int] = {}
    starts: dict[int, tuple[int, int]] = {}
    for r, row in enumerate(grid.rows):
        for cell, col in _positions(row):
            if cell.vmerge == "continue" and col in starts:
                spans[starts[col]] += 1
            elif cell.vmerge == "restart":
                starts[col] = (r, col)
                spans[(r, col)] = 1
            else:
                starts.pop(col, None)
    return spans


def _cell(cell: Cell, rowspan: int) -> str:
    attrs = ""
    if cell.span > 1:
        attrs += f' colspan="{cell.span}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if cell.direction:
        attrs += ' class="vertical"'
    inner = "".join(_para(p) for p in cell.paras)
    if cell.nested is not None:
        inner += _grid(cell.nested)
    return f"<td{attrs}>{inner}</td>"


def mixed_pdf(text: Path, scanned: Path, out: Path, swap: int = 1) -> None:
    """`text` with page `swap` (0-based) taken from `scanned` instead."""
    source, scan = pdfium.PdfDocument(text), pdfium.PdfDocument(scanned)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(source)  # in one call, so the fonts are copied once
    mixed.del_page(swap)
    mixed.import_pages(scan, [swap], index=swap)
    mixed.save(out)
    print(f"wrote {out} (page {swap + 1} from {scanned.name})", file=sys.stderr)


def cid_font_pdf() -> bytes:
    """One page of glyph ids in an Identity-H CID font that has no ToUnicode map."""
    glyphs = "".join(f"{0x4E00 + i * 37:04X}" for i in range(30))
    content = f"BT /F1 14 Tf 72 760 Td <{glyphs}> Tj 0 -20 Td <{glyphs}> Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0"
        b" /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def split_rows_pdf(out: Path) -> None:
    """A 评分表-like table of 24 tall rows in narrow columns: rows split over pages, merges run on."""
    if shutil.which("soffice") is None:
        print("soffice not found: split-rows.pdf not written", file=sys.stderr)
        return
    document = docx.Document()
    document.add_paragraph("五、评价报告综述（文字部分）")
    narrative = document.add_table(rows=1, cols=1)
    narrative.style = "Table Grid"
    cell = narrative.cell(0, 0)
    cell.text = "一、部门（单位）概况"
    for n in range(1, 31):
        cell.add_paragraph(f"（{n}）巡察工作是党内监督的重要方式。目前，巡察办、巡察组共17个编制，现有人数13人。" * 2)
    document.add_paragraph("附件3-2")
    table = document.add_table(rows=1, cols=7)
    table.style = "Table Grid"
    for col, label in enumerate(("一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因")):
        table.cell(0, col).text = label
    _repeat_header(table.rows[0])
    for k in range(24):
        values = ("过  程\n（40分）" if k == 0 else "", f"预算执行{k // 8 + 1}" if k % 8 == 0 else "",
                  f"指标{k + 1}", "每超过一个百分点扣0.5分，扣完为止。" * (2 + k % 4), "3", "2" if k % 3 else "3",
                  "有结余" if k % 3 else "")
        row = table.add_row()
        for col, value in enumerate(values):
            row.cells[col].text = value
    table.cell(1, 0).merge(table.cell(24, 0))
    for start in (1, 9, 17):
        table.cell(start, 1).merge(table.cell(start + 7, 1))
    document.add_paragraph("填报人：")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "split-rows.docx"
        document.save(source)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        out.write_bytes((Path(tmp) / "split-rows.pdf").read_bytes())
    print(f"wrote {out}", file=sys.stderr)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


if __name__ == "__main__":
    sys.exit(main())

"""The seed as a PDF from a second producer: HTML printed by headless Chromium.

    python samples/make_pdf_variants.py        # writes samples/seed-chromium.pdf

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
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("chromium not found (apt-get install chromium): nothing written", file=sys.stderr)
        return 1
    out = HERE / "seed-chromium.pdf"
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


if __name__ == "__main__":
    sys.exit(main())

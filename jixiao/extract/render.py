"""A plain-text view of a read document, with locations: what `jixiao inspect` prints."""

from __future__ import annotations

from jixiao.extract.model import Cell, Document, Paragraph, Table


def render_document(document: Document) -> str:
    head = f"{document.source}: {document.format}, {document.pages or '?'} pages, {document.status}"
    lines = [head] + [f"warning: {w}" for w in document.warnings]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                lines.append(f"[{block.location}] {_one_line(block.text)}")
        else:
            lines.extend(render_table(block))
    return "\n".join(lines)


def render_table(table: Table, indent: str = "") -> list[str]:
    pages = f" pages {','.join(map(str, table.pages))}" if table.pages else ""
    lines = [f"{indent}table t{table.index}: {table.n_rows} rows × {table.n_cols} grid columns{pages}"]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if cell.text.strip() or cell.nested:
            lines.append(f"{indent}  [{cell.location}]{_spans(cell)} {_one_line(cell.text)}")
        for nested in cell.nested:
            lines.extend(render_table(nested, indent + "    "))
    return lines


def _spans(cell: Cell) -> str:
    spans = []
    if cell.col_span > 1:
        spans.append(f"→{cell.col_span}")
    if cell.row_span > 1:
        spans.append(f"↓{cell.row_span}")
    return f" ({' '.join(spans)})" if spans else ""


def _one_line(text: str, limit: int = 120) -> str:
    flat = text.replace("\n", "⏎")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

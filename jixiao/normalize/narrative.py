"""五、评价报告综述: headings and paragraphs → narrative rows, wherever they sit.

The seed keeps the whole narrative in one table cell (F8); other layouts use
body paragraphs. Either way each paragraph becomes a row, under the numbered
top-level heading (一、…) it belongs to.
"""

from __future__ import annotations

import re

from jixiao.extract.model import Paragraph
from jixiao.normalize.layout import Item, section_of_title
from jixiao.normalize.text import HEADING, squash

# `附件3-2` opens the score sheet that follows the narrative; it is no paragraph of it.
_ATTACHMENT = re.compile(r"^附件\s*[\d\-－.]*$")


def read_narrative(items: list[Item], doc_id: str) -> list[dict]:
    rows: list[dict] = []
    section = ""
    for paragraph in _paragraphs(items):
        text = paragraph.text.strip(" \t\u3000\n")
        if not squash(text) or section_of_title(text) == "narrative" or _ATTACHMENT.match(text):
            continue
        if HEADING.match(text):
            section = text
        rows.append({"doc_id": doc_id, "section": section, "para": len(rows) + 1,
                     "text": text, "location": str(paragraph.location)})
    return rows


def _paragraphs(items: list[Item]) -> list[Paragraph]:
    out: list[Paragraph] = []
    seen: set[int] = set()
    for item in items:
        if isinstance(item, Paragraph):
            out.append(item)
            continue
        for cell in item.filled:
            if id(cell) not in seen:
                seen.add(id(cell))
                out.extend(cell.paragraphs or (Paragraph(cell.text, cell.location),))
    return out

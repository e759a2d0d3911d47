"""From the document model to rows and sections, whatever the tables' boundaries.

The seed holds sections 一 to 五 in ONE Word table whose section titles are
full-width rows (F3); other submissions use one table per section with the
titles as paragraphs. Both flatten into one stream of items (body paragraphs
and table rows) that is cut at the section titles.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from jixiao.extract.model import Cell, Document, Paragraph, Table
from jixiao.normalize.text import HEADING, label_key

# In the order the form has them; a title only counts if it moves forward (so the
# narrative's own numbered headings never restart a section).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("profile", ("基本概况", "基本情况表")),
    ("finance", ("收支情况",)),
    ("performance", ("绩效自评情况", "整体支出绩效目标")),
    ("evaluators", ("评价人员",)),
    ("narrative", ("评价报告综述", "自评报告综述", "文字部分")),
    ("scoresheet", ("评分表",)),
)
_ORDER = {name: i for i, (name, _) in enumerate(SECTIONS)}


@dataclass(frozen=True)
class Row:
    """One grid row of a table: every slot with the cell covering it (merged cells repeat)."""

    table: Table
    index: int
    slots: tuple[Cell | None, ...]

    @cached_property
    def cells(self) -> tuple[Cell, ...]:
        """Distinct cells of the row, left to right, including those merged from above."""
        seen: dict[int, Cell] = {}
        for cell in self.slots:
            if cell is not None:
                seen.setdefault(id(cell), cell)
        return tuple(seen.values())

    @cached_property
    def filled(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if label_key(c.text))

    def cell_at(self, col: int) -> Cell | None:
        return self.slots[col] if 0 <= col < len(self.slots) else None

    def overlapping(self, start: int, stop: int) -> list[Cell]:
        """Distinct cells of this row that cover any grid column in [start, stop)."""
        return [c for c in self.cells if c.col < stop and c.col + c.col_span > start]


Item = Paragraph | Row


def flatten(document: Document) -> list[Item]:
    """Body paragraphs and table rows in reading order; nested tables right after their host row."""
    items: list[Item] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            items.append(block)
        else:
            items.extend(table_rows(block))
    return items


def table_rows(table: Table) -> list[Row]:
    rows: list[Row] = []
    for index, slots in enumerate(table.grid()):
        row = Row(table, index, tuple(slots))
        rows.append(row)
        for cell in row.cells:
            if cell.row == index:
                for nested in cell.nested:
                    rows.extend(table_rows(nested))
    return rows


def section_of_title(text: str) -> str | None:
    """The section a title line opens, if it is one (`二、部门（单位）收支情况` → finance)."""
    key = label_key(text)
    if not key or len(key) > 40:
        return None
    for name, words in SECTIONS:
        if any(w in key for w in words) and (HEADING.match(key) or name == "scoresheet"):
            return name
    return None


def split_sections(items: list[Item]) -> dict[str, list[Item]]:
    """Cut the stream at section titles; items before the first title go to `preamble`.

    A title row keeps its place as the section's first item, because the seed's
    narrative lives in the same cell as its title (F8).
    """
    sections: dict[str, list[Item]] = {"preamble": []}
    current = "preamble"
    for item in items:
        name = _title_of(item)
        if name and _ORDER[name] > _ORDER.get(current, -1):
            current = name
            sections.setdefault(current, [])
        elif _is_score_header(item) and current != "scoresheet":
            current = "scoresheet"
            sections.setdefault(current, [])
        sections[current].append(item)
    return sections


def _title_of(item: Item) -> str | None:
    if isinstance(item, Paragraph):
        return section_of_title(item.text)
    if len(item.filled) != 1:
        return None
    cell = item.filled[0]
    if cell.row != item.index:
        return None
    first = next((p.text for p in cell.paragraphs if p.text.strip()), cell.text)
    return section_of_title(first)


def _is_score_header(item: Item) -> bool:
    if not isinstance(item, Row):
        return False
    keys = {label_key(c.text) for c in item.filled}
    return "一级指标" in keys and "三级指标" in keys

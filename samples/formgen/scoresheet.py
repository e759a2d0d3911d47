"""附件3-2 评分表 as one Word table or two with the header repeated (F7).

Vertical merges: 一级/二级 labels over their rows, a `None` 评分标准 or 分值
continues the cell above. A split restarts every merge in the second table
with the same text, as Word users do when they cut a table at a page (F2).
"""

from __future__ import annotations

from .docx_writer import Block, Cell, Grid, cell, cont
from .spec import ScoreItem, ScoreSheet

WIDTHS = (900, 1050, 1300, 3500, 600, 750, 1300)
HEADER = ("一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因和其他说明")


def score_blocks(sheet: ScoreSheet) -> list[Block]:
    items = sheet.items
    cut = len(items) if sheet.split_before is None else sheet.split_before
    first = _table(sheet, items[:cut], with_total=cut == len(items))
    if cut == len(items):
        return [first]
    second = _table(sheet, items[cut:], with_total=True)
    return [first, "", "", second]


def _table(sheet: ScoreSheet, items: tuple[ScoreItem, ...], with_total: bool) -> Grid:
    rows = [tuple(cell(h) for h in HEADER)]
    rows += [_item_row(sheet, items, i) for i in range(len(items))]
    if with_total:
        rows.append((cell("总 分"), cell(), cell(), cell(), cell(sheet.total_max),
                     cell(sheet.total_self_text, 2)))
    return Grid(WIDTHS, tuple(rows), header_rows=1)


def _item_row(sheet: ScoreSheet, items: tuple[ScoreItem, ...], i: int) -> tuple[Cell, ...]:
    item = items[i]
    prev = items[i - 1] if i else None
    return (
        _level1_cell(sheet, items, i),
        _merged(f"{item.level2}\n（{item.level2_max}分）", _runs(items, i, _level2_key),
                prev is not None and _level2_key(prev) == _level2_key(item), item.level2_filler),
        cell(item.indicator),
        _continued(items, i, "criteria"),
        _continued(items, i, "max_score"),
        cell(item.self_score),
        cell(item.reason),
    )


def _level1_cell(sheet: ScoreSheet, items: tuple[ScoreItem, ...], i: int) -> Cell:
    item = items[i]
    override = dict(sheet.level1_text).get(item.level1)
    if sheet.level1_style == "inline":
        return cell(override or f"{item.level1}（{item.level1_max}分）")
    spaced = "  ".join(item.level1) if len(item.level1) == 2 else item.level1
    text = override or f"{spaced}\n（{item.level1_max}分）"
    same = i > 0 and items[i - 1].level1 == item.level1
    return _merged(text, _runs(items, i, lambda x: x.level1), same)


def _level2_key(item: ScoreItem) -> tuple[str, str]:
    return (item.level1, item.level2)


def _runs(items, i, key) -> int:
    """How many rows from i on share the key (the size of a merge starting at i)."""
    n = 1
    while i + n < len(items) and key(items[i + n]) == key(items[i]):
        n += 1
    return n


def _merged(text: str, run: int, continues: bool, filler: str = "") -> Cell:
    if continues:
        return cont(text=filler)
    return cell(text, v="restart" if run > 1 else None)


def _continued(items: tuple[ScoreItem, ...], i: int, attr: str) -> Cell:
    """A 评分标准/分值 cell: `None` continues the merge above, restarted atop a table."""
    value = getattr(items[i], attr)
    if value is None and i > 0:
        return cont()
    n = 1
    while i + n < len(items) and getattr(items[i + n], attr) is None:
        n += 1
    return cell(value or "", v="restart" if n > 1 else None)

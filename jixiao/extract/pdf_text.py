"""Positioned glyphs → lines → paragraphs, for PDF text layers and OCR words alike.

A glyph is a mapping with `text`, `x0`, `x1`, `top`, `bottom` (PDF points, top
down) and optionally `size`: pdfplumber's chars and the OCR reader's words
both fit. Text is rebuilt from positions rather than taken from a library's
text extraction, because those insert spaces between CJK and digits
(`等 7 家单位`, F10) and move quotes that sit on a different baseline.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Glyph = Mapping[str, Any]

# CJK ideographs, CJK and full-width punctuation: no space is ever needed next to them.
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2026\u2460-\u24ff]")
# Lines that open a paragraph of their own however they are laid out: 一、 （一） (2) 1、 ① 任务1：
HEADING = re.compile(r"^\s*(（?[一二三四五六七八九十]+[）、.．]|[(（]\d+[)）]|\d+[、.．](?!\d)|[①-⑳]|(任务|目标|指标)\d)")
# Chromium/Skia and some Word exports map common ideographs to look-alike radicals in
# their ToUnicode tables (⼯ U+2F2F for 工, ⻔ U+2ED4 for 门). Kangxi radicals fold
# by NFKC; the CJK Radicals Supplement needs Unicode's EquivalentUnifiedIdeograph
# pairs, of which these are the ones that stand for everyday characters. ⼾ (DOOR)
# folds to the traditional 戶 by NFKC, but a simplified-Chinese font draws 户.
_SUPPLEMENT = dict(zip(
    "⺟⺠⺧⺭⻅⻆⻈⻉⻋⻓⻔⻖⻙⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⼾",
    "母民牛礻见角讠贝车长门阝韦页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟户",
    strict=True,
))
RADICALS = str.maketrans(
    {**{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}, **_SUPPLEMENT}
)
# A line's unbreakable start: a Latin word or number, or one character, with the
# punctuation that may not open a line (kinsoku) glued after it.
_LEAD = re.compile(r"(?:[A-Za-z0-9.,%+\-/]+|.)[，。、；：？！）」』”’》%]*")
_WIDE_GAP = 1.5  # in font sizes: a gap this wide separates fields even between CJK characters
_WORD_GAP = 0.2  # in font sizes: a gap this wide separates two Latin words or numbers


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


def glyphs_to_lines(glyphs: Iterable[Glyph]) -> list[Line]:
    """Group glyphs into lines by vertical overlap, each line read left to right."""
    rows: list[list[Glyph]] = []
    band = (0.0, 0.0)
    for glyph in sorted(glyphs, key=lambda g: (g["top"] + g["bottom"]) / 2):
        middle = (glyph["top"] + glyph["bottom"]) / 2
        if rows and band[0] <= middle <= band[1]:
            rows[-1].append(glyph)
            band = (min(band[0], glyph["top"]), max(band[1], glyph["bottom"]))
        else:
            rows.append([glyph])
            band = (glyph["top"], glyph["bottom"])
    lines = [_line(sorted(row, key=lambda g: g["x0"])) for row in rows]
    return [line for line in lines if line.text]


def _line(glyphs: Sequence[Glyph]) -> Line:
    size = _size(glyphs)
    parts: list[str] = []
    prev: Glyph | None = None
    spaced = False
    for glyph in glyphs:
        text = glyph["text"].translate(RADICALS)
        if not text.strip():
            spaced = True
            continue
        if prev is not None:
            if _duplicate(prev, glyph, size):
                continue
            parts.append(_separator(prev, glyph, size, spaced))
        parts.append(text)
        prev, spaced = glyph, False
    inked = [g for g in glyphs if g["text"].strip()] or list(glyphs)
    return Line(
        text="".join(parts),
        x0=min(g["x0"] for g in inked),
        x1=max(g["x1"] for g in inked),
        top=min(g["top"] for g in inked),
        bottom=max(g["bottom"] for g in inked),
        size=size,
    )


def _size(glyphs: Sequence[Glyph]) -> float:
    sizes = sorted(g.get("size") or (g["bottom"] - g["top"]) for g in glyphs)
    return max(sizes[len(sizes) // 2], 1.0)


def _duplicate(prev: Glyph, glyph: Glyph, size: float) -> bool:
    """Fake bold prints each glyph twice at almost the same spot."""
    return bool(glyph["text"] == prev["text"] and abs(glyph["x0"] - prev["x0"]) < 0.2 * size)


def _separator(prev: Glyph, glyph: Glyph, size: float, spaced: bool) -> str:
    gap = glyph["x0"] - prev["x1"]
    if gap > _WIDE_GAP * size:
        return " "
    if _CJK.match(prev["text"][-1]) or _CJK.match(glyph["text"][0]):
        return ""
    return " " if spaced or gap > _WORD_GAP * size else ""


def drop_struck(glyphs: Sequence[Glyph], edges: Sequence[Mapping[str, Any]]) -> list[Glyph]:
    """The glyphs not struck through: a PDF printed with tracked changes shows deletions struck (F17)."""
    rules = sorted((e["top"], e["x0"], e["x1"]) for e in edges if e["orientation"] == "h")
    if not rules:
        return list(glyphs)
    heights = [r[0] for r in rules]
    kept = []
    for glyph in glyphs:
        height = glyph["bottom"] - glyph["top"]
        lo = bisect_left(heights, glyph["top"] + 0.3 * height)
        hi = bisect_right(heights, glyph["bottom"] - 0.2 * height)
        middle = (glyph["x0"] + glyph["x1"]) / 2
        if not any(x0 <= middle <= x1 for _, x0, x1 in rules[lo:hi]):
            kept.append(glyph)
    return kept


def lines_to_paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    """Group lines (top to bottom) into paragraphs: a short line ends one, an indent or a heading starts one."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    paragraphs: list[list[Line]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:], strict=False):
        ended = prev.x1 + _lead_width(line) < right - 0.5 * prev.size
        centred = abs((line.x0 - left) - (right - line.x1)) < line.size
        indented = line.x0 > left + 1.5 * line.size and not (centred and not ended)
        gapped = line.top - prev.bottom > 1.2 * line.size
        if ended or indented or gapped or HEADING.match(line.text):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _lead_width(line: Line) -> float:
    """How wide the start of `line` is that could not have ended the line above.

    A line that stops short only because its next word (a number, or a
    character with the comma that may not open a line) did not fit still
    goes on in the next line: that is not a paragraph's end.
    """
    lead = _LEAD.match(line.text)
    text = lead.group(0) if lead else line.text[:1]
    return sum(0.55 if ch.isascii() else 1.0 for ch in text) * line.size


def join_lines(lines: Sequence[Line]) -> str:
    """One paragraph's text: wrapped lines rejoined, with a space only between Latin words."""
    text = ""
    for line in lines:
        if text and text[-1].isascii() and text[-1].isalpha() and line.text[0].isascii() and line.text[0].isalpha():
            text += " "
        text += line.text
    return text

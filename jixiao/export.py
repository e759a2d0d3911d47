"""Write a Report's tables to files: one CSV per table, one Excel workbook, or Parquet files."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "xlsx", "parquet")
# Auditors open the workbook to see what is wrong: findings first.
SHEET_ORDER = ("findings", "checks", "documents", "figures", "scores", "goals", "profile",
               "evaluators", "narrative", "claims")
# Excel's hard limits: rows per sheet (the header takes one) and characters per cell.
EXCEL_ROWS = 1_048_575
EXCEL_CELL_CHARS = 32_767
MAX_WIDTH = 60
# Control characters a worksheet cannot hold (a PDF text layer can leak them); openpyxl refuses them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path, fmt: str = "csv") -> list[Path]:
    """Write each table under folder `out`; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_write_xlsx(tables, folder / "jixiao.xlsx")]
    written = []
    for name, df in tables.items():
        path = folder / f"{name}.{fmt}"
        if fmt == "csv":
            # UTF-8 with BOM: Excel on Windows shows the Chinese instead of mojibake.
            df.to_csv(path, index=False, encoding="utf-8-sig")
        else:
            df.to_parquet(path, index=False)
        written.append(path)
    return written


def _write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> Path:
    names = [n for n in SHEET_ORDER if n in tables] + [n for n in tables if n not in SHEET_ORDER]
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name in names:
            for sheet_name, part in _sheets(name, tables[name]):
                part = _cell_safe(part)
                part.to_excel(writer, sheet_name=sheet_name, index=False)
                _format_sheet(writer.sheets[sheet_name], part)
    return path


def _sheets(name: str, df: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """A table too long for one sheet continues on `name 2`, `name 3`…"""
    if len(df) <= EXCEL_ROWS:
        return [(name, df)]
    starts = range(0, len(df), EXCEL_ROWS)
    return [
        (name if i == 0 else f"{name} {i + 1}", df.iloc[start:start + EXCEL_ROWS])
        for i, start in enumerate(starts)
    ]


def _cell_safe(df: pd.DataFrame) -> pd.DataFrame:
    text = [col for col in df.columns if pd.api.types.is_string_dtype(df[col])]
    if not text:
        return df
    df = df.copy()
    for col in text:
        df[col] = df[col].str.replace(_ILLEGAL, "", regex=True).str.slice(0, EXCEL_CELL_CHARS)
    return df


def _format_sheet(sheet, df: pd.DataFrame) -> None:
    sheet.freeze_panes = "A2"
    for idx, col in enumerate(df.columns, start=1):
        sample = [str(col)] + [str(v) for v in df[col].head(200) if not pd.isna(v)]
        width = max(_display_width(s) for s in sample)
        sheet.column_dimensions[sheet.cell(1, idx).column_letter].width = min(MAX_WIDTH, width + 2)


def _display_width(text: str) -> int:
    """Columns a string takes on screen: a Chinese character is two (East Asian Wide)."""
    longest = max(text.split("\n"), key=len) if text else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest)

"""Write a Report's tables to files: one CSV per table, one Excel workbook, or Parquet files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMATS = ("csv", "xlsx", "parquet")
# Auditors open the workbook to see what is wrong: findings first.
SHEET_ORDER = ("findings", "checks", "documents", "figures", "scores", "goals", "profile",
               "evaluators", "narrative", "claims")


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
            df = tables[name]
            df.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            for idx, col in enumerate(df.columns, start=1):
                width = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)])
                sheet.column_dimensions[sheet.cell(1, idx).column_letter].width = min(60, width + 2)
    return path

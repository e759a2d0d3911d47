"""`write_docx`: a spec laid out by `form.py`, written by `docx_writer.py`."""

from __future__ import annotations

from pathlib import Path

from .docx_writer import write_blocks
from .form import build_blocks
from .spec import ReportSpec


def write_docx(spec: ReportSpec, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_blocks(build_blocks(spec), path)
    return path

"""Legacy Word (.doc, .wps, .rtf) → .docx with LibreOffice headless → the Word reader.

Each conversion runs in its own temporary LibreOffice profile, so parallel
workers do not fight over one profile's lock, and under a timeout that kills
the whole process group (soffice starts a child that outlives its parent).
LibreOffice has been seen to drop a table that ends a document (F15): its
cells come out as one run-on paragraph. So the result is checked against the
original's cell marks: Word ends every cell and every table row with U+0007,
and the UTF-16 text of a Chinese .doc shows them plainly. More marks than the
converted tables have grid slots means a table was lost.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from jixiao.errors import ConversionError
from jixiao.extract.model import Document, Table

TIMEOUT = 120  # seconds per conversion; a hung soffice is killed after this
INSTALL = "apt-get install libreoffice-writer"
_SLACK = 1.1  # the byte scan is approximate: a lost table shows as far more marks than this
# Word text as stored in a .doc: CJK, Latin, punctuation, paragraph and cell marks, at least 20 in a row.
_TEXT_RUN = re.compile(r"[\u0007\r\u0020-\u007e\u2000-\u206f\u3000-\u9fff\uff00-\uffef]{20,}")


def read_legacy(source: str, data: bytes) -> Document:
    from jixiao.extract.docx import read_docx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionError(source, f"reading .doc/.wps files needs LibreOffice, which is not installed ({INSTALL})")
    with tempfile.TemporaryDirectory(prefix="jixiao-lo-") as tmp:
        work = Path(tmp)
        original = work / f"document{_suffix(source, data)}"
        original.write_bytes(data)
        docx = _convert(source, soffice, original, "docx:MS Word 2007 XML", work)
        document = read_docx(source, docx.read_bytes())
    fmt = original.suffix.lstrip(".")
    marks, slots = cell_marks(data), _marks_read(document.tables())
    if marks <= slots * _SLACK + 2:
        return replace(document, format=fmt)
    warning = (f"the original holds about {marks} table cells but only {slots} came through LibreOffice's "
               "conversion: a table was lost (often the one that ends the document); "
               "open the file in Word and save it as .docx")
    return replace(document, format=fmt, status="partial", warnings=(*document.warnings, warning))


def _suffix(source: str, data: bytes) -> str:
    if data.lstrip().startswith(b"{\\rtf"):
        return ".rtf"
    return ".wps" if source.lower().endswith(".wps") else ".doc"


def _convert(source: str, soffice: str, original: Path, target: str, work: Path) -> Path:
    """One soffice run in a private profile; the converted file, or ConversionError."""
    profile = work / f"profile-{target.split(':')[0]}"
    command = [
        soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", target, "--outdir", str(work / "out"), str(original),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ConversionError(source, f"LibreOffice did not finish converting within {TIMEOUT} s") from None
    converted = work / "out" / f"{original.stem}.{target.split(':')[0]}"
    if process.returncode != 0 or not converted.exists():
        detail = err.decode("utf-8", errors="replace").strip()[-200:] or f"exit status {process.returncode}"
        raise ConversionError(source, f"LibreOffice could not convert the file ({detail})")
    return converted


def cell_marks(data: bytes) -> int:
    """Cell and row-end marks (U+0007) inside runs of UTF-16 text in a .doc's bytes."""
    text = data[: len(data) // 2 * 2].decode("utf-16-le", errors="replace")
    return sum(run.count("\x07") for run in _TEXT_RUN.findall(text))


def _marks_read(tables: list[Table]) -> int:
    """The marks the read tables stand for: one per cell in each row it covers, one per row end."""
    total = 0
    for table in tables:
        total += sum(len({id(c) for c in row if c is not None}) + 1 for row in table.grid())
        total += sum(_marks_read(list(c.nested)) for c in table.cells)
    return total

"""Write samples/broken/: hostile inputs that must each become a clear `failed` row,
and disguised ones that must still be read (a PDF named .docx, RTF named .doc,
a .doc whose last table LibreOffice's .doc export dropped, F15).

Needs LibreOffice (for the small PDFs); the files are committed, so tests do not.
Run: .venv/bin/python samples/make_broken.py
"""

from __future__ import annotations

import random
import subprocess
import tempfile
from pathlib import Path

from docx import Document

HERE = Path(__file__).parent / "broken"
_ENCRYPT = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"jixiao"}}')


def small_docx(path: Path, table_last: bool = False) -> None:
    document = Document()
    document.add_paragraph("二、部门（单位）收支情况")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for col, (label, value) in enumerate([("机构名称", "机关"), ("收入合计", "232.13")]):
        table.cell(0, col).text = label
        table.cell(1, col).text = value
    if not table_last:
        document.add_paragraph("填报人：")
    document.save(path)


def convert(source: Path, out: Path, target: str = "pdf") -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", target, "--outdir", str(out), str(source)],
            check=True, capture_output=True, timeout=120,
        )
    return out / f"{source.stem}.{target.split(':')[0]}"


def main() -> None:
    HERE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx = work / "small.docx"
        small_docx(docx)
        pdf = convert(docx, work).read_bytes()
        encrypted = convert(docx, work / "enc", _ENCRYPT).read_bytes()
        rtf = convert(docx, work, "rtf").read_bytes()
        word = docx.read_bytes()
        ending = work / "table-at-end.docx"
        small_docx(ending, table_last=True)
        lost = convert(ending, work, "doc").read_bytes()
    files = {
        "empty.docx": b"",
        "text-named.pdf": "机构名称,收入合计\n机关,232.13\n这是一个文本文件，不是PDF。\n".encode(),
        "pdf-named.docx": pdf,
        "encrypted.pdf": encrypted,
        "truncated.pdf": pdf[: len(pdf) // 2],
        "truncated.docx": word[: len(word) // 2],
        "random.doc": random.Random(4).randbytes(4096),
        "rtf-named.doc": rtf,
        "table-at-end.doc": lost,
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {HERE / name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()

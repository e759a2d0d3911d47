"""Tell a file's kind from its first bytes."""

from __future__ import annotations

import io
import zipfile

from jixiao.errors import UnsupportedFormat

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .doc, .wps, and encrypted .docx


def sniff(source: str, data: bytes) -> str:
    """`docx`, `pdf` or `ole`; UnsupportedFormat naming what the bytes look like otherwise."""
    if not data:
        raise UnsupportedFormat(source, "the file is empty (0 bytes)")
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"PK"):
        return _sniff_zip(source, data)
    raise UnsupportedFormat(source, f"not a Word or PDF file (starts with {data[:8]!r})")


def _sniff_zip(source: str, data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise UnsupportedFormat(source, f"a damaged or truncated zip/docx file ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise UnsupportedFormat(source, "an OpenDocument file (.odt); save it as .docx first")
    raise UnsupportedFormat(source, "a zip file without word/document.xml, not a .docx")

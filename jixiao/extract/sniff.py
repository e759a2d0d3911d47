"""Tell a file's kind from its bytes, never from its name.

A PDF named .docx is read as a PDF; a text file named .pdf, a zero-byte file,
a damaged zip or a password-protected Office file fail here with a cause a
person can act on. (Encrypted and damaged PDFs are caught when pdfium opens
them: see triage.)
"""

from __future__ import annotations

import io
import zipfile

from jixiao.errors import EncryptedFile, UnsupportedFormat

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .doc, .wps, .xls, and encrypted .docx
_RTF = b"{\\rtf"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(source: str, data: bytes) -> str:
    """`docx`, `pdf`, `ole` (.doc/.wps) or `rtf`; UnsupportedFormat or EncryptedFile otherwise."""
    if not data:
        raise UnsupportedFormat(source, "the file is empty (0 bytes)")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_OLE):
        return _sniff_ole(source, data)
    if data.startswith(b"PK"):
        return _sniff_zip(source, data)
    if data.lstrip().startswith(_RTF):
        return "rtf"
    raise UnsupportedFormat(source, _describe(data))


def _sniff_ole(source: str, data: bytes) -> str:
    # Stream names sit in the compound file's directory as UTF-16 strings.
    if _utf16("EncryptedPackage") in data:
        raise EncryptedFile(source, "a password-protected Word file; save an unprotected copy")
    if _utf16("WordDocument") in data:
        return "ole"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        raise UnsupportedFormat(source, "an Excel workbook (.xls), not a Word or PDF report")
    raise UnsupportedFormat(source, "an Office compound file without a Word document inside")


def _sniff_zip(source: str, data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise UnsupportedFormat(source, f"a damaged or truncated zip/docx file ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise UnsupportedFormat(source, "an OpenDocument file (.odt); save it as .docx first")
    if "xl/workbook.xml" in names:
        raise UnsupportedFormat(source, "an Excel workbook (.xlsx), not a Word or PDF report")
    raise UnsupportedFormat(source, "a zip file without word/document.xml, not a .docx")


def _describe(data: bytes) -> str:
    head = data[:512]
    if head.lstrip().lower().startswith((b"<html", b"<!doctype html", b"<?xml")):
        return "an HTML/XML page, not a Word or PDF file; open it in Word and save it as .docx"
    for encoding in ("utf-8", "gb18030"):
        text = _decode(head, encoding)
        if text is not None and all(ch.isprintable() or ch in "\t\r\n\f" for ch in text):
            return "a plain text file, not a Word or PDF file"
    return f"not a Word or PDF file (starts with {data[:8]!r})"


def _decode(head: bytes, encoding: str) -> str | None:
    """The text, or None; a multibyte character cut off at the end of `head` does not count."""
    try:
        return head.decode(encoding)
    except UnicodeDecodeError as exc:
        return head[: exc.start].decode(encoding) if exc.start >= len(head) - 3 else None

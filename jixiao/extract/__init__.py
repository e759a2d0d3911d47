"""Readers: bytes of a .docx, .pdf, .doc or .wps → the document model.

The reader is chosen by what the bytes are (sniff), not by the file's name, so
a PDF named .docx is read as a PDF and a text file named .pdf fails clearly.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.extract.model import Document
from jixiao.extract.sniff import sniff

Reader = Callable[[str, bytes], Document]


def _docx(source: str, data: bytes) -> Document:
    from jixiao.extract.docx import read_docx

    return read_docx(source, data)


def _pdf(source: str, data: bytes) -> Document:
    from jixiao.extract.pdf import read_pdf

    return read_pdf(source, data)


def _legacy(source: str, data: bytes) -> Document:
    from jixiao.extract.legacy import read_legacy

    return read_legacy(source, data)


READERS: dict[str, Reader] = {"docx": _docx, "pdf": _pdf, "ole": _legacy, "rtf": _legacy}


def read_document(source: str, data: bytes) -> Document:
    """Read one file's bytes; raises jixiao.errors.ReadError when it cannot be read."""
    return READERS[sniff(source, data)](source, data)

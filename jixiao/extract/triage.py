"""Which PDF pages have a usable text layer (F11, F12), checked before any parsing.

pypdfium2 reads a page's text in about a millisecond, so every page is checked
first. A page with no text (a scan) or with text that is mostly control or
private-use characters, or whose characters pdfium says have no valid Unicode
mapping (a CJK font without a ToUnicode map: pdfium then passes glyph ids off
as plausible ideographs, pdfplumber shows `(cid:N)`), must never be emitted
as text: it goes to OCR instead.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from jixiao.errors import EncryptedFile, UnsupportedFormat

_BAD_SHARE = 0.1  # more than this share of unusable characters and the layer is not trusted


@dataclass(frozen=True)
class PageText:
    number: int  # 1-based
    chars: int
    bad: int
    blank: bool = False  # nothing drawn on the page at all: nothing to read, nothing lost

    @property
    def usable(self) -> bool:
        return self.chars > 0 and self.bad <= _BAD_SHARE * self.chars


def triage(source: str, data: bytes) -> list[PageText]:
    """Each page's text-layer verdict; EncryptedFile or UnsupportedFormat when the PDF will not open."""
    pdf = _open(source, data)
    try:
        return [_page_text(pdf, i) for i in range(len(pdf))]
    finally:
        pdf.close()


def _open(source: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedFile(source, "the PDF is password-protected; save an unprotected copy") from exc
        raise UnsupportedFormat(source, f"a damaged or truncated PDF ({exc})") from exc


def _page_text(pdf: pdfium.PdfDocument, index: int) -> PageText:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        unmapped = sum(map(functools.partial(pdfium_c.FPDFText_HasUnicodeMapError, textpage.raw),
                           range(textpage.count_chars())))
        blank = next(page.get_objects(max_depth=1), None) is None
    finally:
        textpage.close()
        page.close()
    inked = [ch for ch in text if not ch.isspace()]
    return PageText(index + 1, len(inked), min(len(inked), unmapped + sum(map(_unusable, inked))), blank)


def _unusable(ch: str) -> bool:
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")


def cid_share(chars: list[dict]) -> float:
    """Share of pdfplumber chars that came out as `(cid:N)`: a second check after parsing."""
    if not chars:
        return 0.0
    return sum(1 for ch in chars if ch["text"].startswith("(cid:")) / len(chars)

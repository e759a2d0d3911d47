"""Renditions: LibreOffice headless conversions and an image-only (scanned) PDF.

One soffice invocation per target format converts a whole batch, with a
private profile so parallel runs and a user's own LibreOffice never collide,
and a timeout so a hung conversion cannot stall the build (FAILURE_MODES F15).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .docx_writer import pin_zip

FILTERS = {"pdf": "pdf", "doc": "doc:MS Word 97", "docx": "docx:MS Word 2007 XML"}


def soffice_available() -> bool:
    return shutil.which("soffice") is not None


def convert(paths: list[Path], fmt: str, outdir: Path, timeout: int = 300) -> list[Path]:
    """Convert `paths` to `fmt` (pdf, doc, docx) into `outdir`; returns the output paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    if not paths:
        return []
    with tempfile.TemporaryDirectory(prefix="lo-formgen-") as profile:
        cmd = [
            "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", FILTERS[fmt], "--outdir", str(outdir), *map(str, paths),
        ]
        subprocess.run(cmd, check=True, timeout=timeout, capture_output=True,
                       env={**os.environ, "HOME": profile})
    outputs = [outdir / f"{p.stem}.{fmt}" for p in paths]
    missing = [str(p) for p in outputs if not p.exists()]
    if missing:
        raise RuntimeError(f"soffice produced no output for {missing}")
    for out in outputs:
        if fmt == "pdf":
            pin_pdf(out)
        elif fmt == "docx":
            pin_zip(out)
    return outputs


_STAMPS = re.compile(rb"/(CreationDate|ModDate)\(D:\d{14}")
_ID = re.compile(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]\s*/DocChecksum /([0-9A-F]{32})")


def pin_pdf(path: Path) -> None:
    """Fix LibreOffice's creation date, document ID and checksum (same lengths, xref intact).

    LibreOffice 7.4 ignores SOURCE_DATE_EPOCH, so reruns would change every PDF.
    """
    data = _STAMPS.sub(lambda m: b"/" + m.group(1) + b"(D:20220301090000", path.read_bytes())
    digest = hashlib.md5(_ID.sub(b"", data)).hexdigest().upper().encode()
    data = _ID.sub(lambda m: re.sub(rb"[0-9A-F]{32}", digest, m.group(0)), data)
    path.write_bytes(data)


_PDF_STAMP = "D:20220301090000"


def scan_pdf(pdf: Path, out: Path, dpi: int = 150) -> Path:
    """An image-only PDF of `pdf`: pages rasterised by pdftoppm, bound by Pillow."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="formgen-scan-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/page"],
                       check=True, timeout=300)
        pages = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("page-*.png"))]
        pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:],
                      creationDate=_PDF_STAMP, modDate=_PDF_STAMP, quality=60)
    return out

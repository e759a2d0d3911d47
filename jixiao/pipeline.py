"""One document through every stage; many documents one after another.

A file that cannot be read becomes a `failed` documents row with the cause;
it never stops a batch.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from jixiao.errors import ReadError
from jixiao.report import Report
from jixiao.tables import frame

READABLE_SUFFIXES = {".docx", ".doc", ".wps", ".pdf", ".docm", ".wpsx"}


def read(path: str | os.PathLike[str]) -> Report:
    """Read, normalize and check one file. Never raises for a bad file: see documents.status."""
    from jixiao.extract import read_document
    from jixiao.normalize import normalize
    from jixiao.validate import validate

    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return _failed(source, "", "", f"cannot open the file: {exc.strerror or exc}")
    sha256 = hashlib.sha256(data).hexdigest()
    doc_id = sha256[:16]
    try:
        document = read_document(source, data)
    except ReadError as exc:
        return _failed(source, doc_id, sha256, exc.cause)
    except Exception as exc:  # a reader bug must not stop the batch; say what broke
        return _failed(source, doc_id, sha256, f"reader crashed: {type(exc).__name__}: {exc}")
    tables = normalize(document, doc_id, source=source, sha256=sha256)
    tables.update(validate(tables))
    return Report.from_tables(tables)


def extract(paths: Iterable[str | os.PathLike[str]]) -> Report:
    """Read every file under `paths` (folders recursively) into one Report."""
    return Report.concat(read(p) for p in iter_paths(paths))


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files as given, and under folders the files a reader may take, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES:
                    yield child
        else:
            yield path


def _failed(source: str, doc_id: str, sha256: str, error: str) -> Report:
    row = {
        "doc_id": doc_id, "source": source, "format": "", "sha256": sha256,
        "status": "failed", "error": error, "warnings": "",
    }
    return Report.from_tables({"documents": frame("documents", [row])})

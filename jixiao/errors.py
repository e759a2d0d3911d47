"""The exceptions jixiao raises.

    JixiaoError
    ├── StoreError         the database cannot be opened (another process holds it, not a DuckDB
    │                      file) or no worker process can start; the ingest stops
    └── ReadError          a file could not be read at all (it becomes a `failed` documents row)
        ├── UnsupportedFormat   the bytes are no format jixiao reads (text named .pdf, zero bytes…)
        ├── EncryptedFile       a password-protected PDF or Office file
        └── ConversionError     LibreOffice missing, timed out, or lost content converting .doc/.wps

Validation never raises on bad data: problems in a readable document are
findings or document warnings, not exceptions.
"""

from __future__ import annotations


class JixiaoError(Exception):
    """Base of every error jixiao raises on purpose."""


class ReadError(JixiaoError):
    """A file that cannot be read; the message names the file and the cause."""

    def __init__(self, source: str, cause: str) -> None:
        super().__init__(f"{source}: {cause}")
        self.source = source
        self.cause = cause


class StoreError(JixiaoError):
    """The database or the worker processes: nothing can be ingested until the cause is fixed."""


class UnsupportedFormat(ReadError):
    pass


class EncryptedFile(ReadError):
    pass


class ConversionError(ReadError):
    pass

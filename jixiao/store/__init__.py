"""The database: `ingest` many files into DuckDB, `load_tables` back out.

The tables and columns are those of jixiao.tables (SPEC §3); a document is keyed
by doc_id (its content hash), so the same bytes are stored once wherever they lie.
"""

from __future__ import annotations

from jixiao.store.database import connect, load_tables
from jixiao.store.ingest import ingest
from jixiao.store.summary import IngestSummary

__all__ = ["ingest", "load_tables", "connect", "IngestSummary"]

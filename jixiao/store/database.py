"""The DuckDB file: its tables (made from jixiao.tables.COLUMNS), reading them back, writing documents.

Documents are written in batches: a batch is one transaction holding every row of
every document in it, so a document is never half-written, whatever stops the run
(Ctrl-C, a kill, a power cut). Batching matters for speed: each INSERT costs DuckDB
about 3 ms whatever its size, so ten tables per document one by one would cost more
than reading the document.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from jixiao.errors import StoreError
from jixiao.tables import COLUMNS, TABLE_NAMES, Columns, frame, frame_from_columns, row_count

_SQL_TYPES = {"Float64": "DOUBLE", "Int64": "BIGINT"}
# A batch is committed when it holds this many documents or is this old, whichever comes first:
# a kill loses at most that much reading, and a batch's tables stay small in memory.
BATCH_DOCUMENTS = 100
BATCH_SECONDS = 1.0


def connect(db: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating on first use) the database with every SPEC §3 table in it."""
    try:
        con = duckdb.connect(db, read_only=read_only)
    except duckdb.Error as exc:
        # DuckDB lets one process write a file, and nobody read it meanwhile.
        busy = "lock" in str(exc).lower()
        cause = "another process (an ingest still running?) has it open" if busy else str(exc)
        raise StoreError(f"cannot open the database {db}: {cause}") from exc
    if not read_only:
        for name in TABLE_NAMES:
            con.execute(_create_table(name))
    return con


def _create_table(name: str) -> str:
    dtypes = frame(name).dtypes
    columns = ", ".join(
        f'"{col}" {_SQL_TYPES.get(str(dtypes[col]), "VARCHAR")}' for col in COLUMNS[name]
    )
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({columns})'


def stored_documents(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """doc_id → status of every document in the database."""
    return dict(con.execute("SELECT doc_id, status FROM documents").fetchall())


def load_tables(db: str) -> dict[str, pd.DataFrame]:
    """Every table of the database, with the columns and dtypes of jixiao.tables.frame."""
    con = connect(db, read_only=True)
    try:
        return {name: _load(con, name) for name in TABLE_NAMES}
    finally:
        con.close()


def _load(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    empty = frame(name)
    present = {row[0] for row in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]
    ).fetchall()}
    if not present:  # a database made by an older jixiao may lack a table
        return empty
    # rowid keeps each document's rows in the order they were read.
    df = con.execute(f'SELECT * FROM "{name}" ORDER BY doc_id, rowid').df()
    return df.reindex(columns=empty.columns).astype(empty.dtypes.to_dict())


@dataclass
class Writer:
    """Collects finished documents and commits them in batches (see the module docstring)."""

    con: duckdb.DuckDBPyConnection
    pending: dict[str, list[Columns]] = field(default_factory=dict)
    replace: list[str] = field(default_factory=list)
    count: int = 0
    since: float = field(default_factory=time.monotonic)

    def add(self, tables: dict[str, Columns], replaces: str | None = None) -> None:
        """Queue one document's tables; `replaces` names a stored doc_id to delete first."""
        if self.count == 0:
            self.since = time.monotonic()
        for name, columns in tables.items():
            if row_count(columns):
                self.pending.setdefault(name, []).append(columns)
        if replaces:
            self.replace.append(replaces)
        self.count += 1
        if self.count >= BATCH_DOCUMENTS:
            self.commit()
        else:
            self.commit_if_due()

    def commit_if_due(self) -> None:
        """Commit a batch that has waited long enough, so a slow document does not hold others back."""
        if self.count and time.monotonic() - self.since >= BATCH_SECONDS:
            self.commit()

    def commit(self) -> None:
        if not self.count:
            return
        self.con.begin()
        try:
            if self.replace:
                for name in TABLE_NAMES:
                    self.con.execute(
                        f'DELETE FROM "{name}" WHERE list_contains(?, doc_id)', [self.replace]
                    )
            for name, parts in self.pending.items():
                self._insert(name, frame_from_columns(name, parts))
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        self.pending, self.replace, self.count = {}, [], 0

    def _insert(self, name: str, df: pd.DataFrame) -> None:
        columns = ", ".join(f'"{col}"' for col in COLUMNS[name])
        self.con.register("_batch", df[COLUMNS[name]])
        try:
            self.con.execute(f'INSERT INTO "{name}" ({columns}) SELECT {columns} FROM _batch')
        finally:
            self.con.unregister("_batch")

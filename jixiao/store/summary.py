"""What an ingest did, counted as documents are stored, and told in one paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.tables import Columns


@dataclass(frozen=True)
class IngestSummary:
    db: str
    files: int
    added: int  # documents stored this run that read (ok or partial)
    partial: int
    skipped: int  # content already stored, or the same content twice among the files
    failed: int  # stored as `failed`, or not even openable
    retried: int  # previously failed documents read again (counted in added or failed too)
    errors: int  # error findings in the documents added
    warnings: int
    workers: int
    elapsed: float
    interrupted: bool = False

    def describe(self) -> str:
        rate = (self.added + self.failed) / self.elapsed if self.elapsed else 0.0
        parts = [
            f"{self.files} files into {self.db} in {self.elapsed:.1f} s "
            f"({rate:.1f} docs/s, {self.workers} worker{'s' if self.workers != 1 else ''}):",
            f"{self.added} documents added ({self.partial} partial),",
            f"{self.skipped} skipped as already present,",
            f"{self.failed} failed"
            + (" (stored as failed rows; the next ingest reads them again)." if self.failed else "."),
        ]
        if self.retried:
            parts.append(f"{self.retried} previously failed documents were read again.")
        parts.append(f"Findings in the documents added: {self.errors} errors, {self.warnings} warnings.")
        if self.interrupted:
            parts.append(
                "Interrupted: every document counted here is stored whole; "
                "run the same ingest again to add the rest."
            )
        return " ".join(parts)


@dataclass
class Tally:
    skipped: int = 0
    unopenable: int = 0
    added: int = 0
    partial: int = 0
    failed: int = 0
    retried: int = 0
    errors: int = 0
    warnings: int = 0
    interrupted: bool = False

    def count(self, tables: dict[str, Columns], retried: bool) -> str:
        """Count one stored document; returns its status."""
        status = str(tables["documents"]["status"][0])
        self.retried += int(retried)
        if status == "failed":
            self.failed += 1
            return status
        self.added += 1
        self.partial += int(status == "partial")
        severity = tables.get("findings", {}).get("severity", [])
        self.errors += severity.count("error")
        self.warnings += severity.count("warning")
        return status

    def summary(self, db: str, files: int, workers: int, elapsed: float) -> IngestSummary:
        return IngestSummary(
            db=db, files=files, added=self.added, partial=self.partial, skipped=self.skipped,
            failed=self.failed + self.unopenable, retried=self.retried, errors=self.errors,
            warnings=self.warnings, workers=workers, elapsed=elapsed,
            interrupted=self.interrupted,
        )

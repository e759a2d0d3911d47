"""`jixiao ingest`: read many files in worker processes and add them to the database.

The parent hashes every file first (a renamed copy is the same document), skips
those already stored, hands the rest to worker processes and alone writes to
DuckDB, committing finished documents in batches (database.Writer). Results are
streamed: at most a few documents per worker are in flight, and a batch is
written and dropped once committed, so memory does not grow with the number of
files.

A document stored as `failed` is read again by a later ingest, and its failed
row replaced: the cause (a missing LibreOffice, a reader bug since fixed) may be
gone. A document stored `ok` or `partial` is never read again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.connection import wait as wait_for_objects
from pathlib import Path

from jixiao.errors import StoreError
from jixiao.pipeline import iter_paths
from jixiao.progress import Progress
from jixiao.store.database import BATCH_SECONDS, Writer, connect, stored_documents
from jixiao.store.summary import IngestSummary, Tally
from jixiao.tables import Columns, to_columns

# Documents queued per worker: enough to keep each busy while the parent commits a batch
# (~0.1-0.3 s, a few documents' reading), few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4
# Imported once by the forkserver, so that every worker starts with them loaded.
WORKER_MODULES = [
    "jixiao.store.ingest", "jixiao.pipeline", "jixiao.extract.docx", "jixiao.extract.pdf",
    "jixiao.normalize", "jixiao.validate",
]


@dataclass(frozen=True)
class Job:
    path: str
    doc_id: str
    sha256: str
    replaces: str | None  # doc_id of a stored `failed` row this reading replaces


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    skipped: int = 0
    unopenable: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0


def ingest(
    paths: Iterable[str | os.PathLike[str]], db: str, jobs: int | None = None
) -> IngestSummary:
    """Add the documents under `paths` to the DuckDB file `db`, skipping those already there."""
    started = time.monotonic()
    con = connect(db)
    try:
        plan = make_plan(iter_paths(paths), stored_documents(con))
        workers = min(jobs or default_jobs(), max(len(plan.jobs), 1))
        tally = Tally(skipped=plan.skipped, unopenable=len(plan.unopenable))
        progress = Progress(len(plan.jobs))
        for path, error in plan.unopenable:
            progress.note(f"failed: {path}: {error}")
        writer = Writer(con)
        try:
            if plan.jobs:
                _dispatch(plan.jobs, workers, Sink(writer, tally, progress))
        except KeyboardInterrupt:
            tally.interrupted = True
        finally:
            writer.commit()  # whatever finished before an interruption is kept, whole
            progress.close()
    finally:
        con.close()
    return tally.summary(db, plan.files, workers, time.monotonic() - started)


def default_jobs() -> int:
    """The cores this process may run on (a container's limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def make_plan(files: Iterator[Path], stored: dict[str, str]) -> Plan:
    """Hash each file; queue those whose content is not stored yet (or stored as failed)."""
    plan = Plan()
    queued: set[str] = set()
    for path in files:
        plan.files += 1
        try:
            sha256 = file_sha256(path)
        except OSError as exc:
            plan.unopenable.append((str(path), f"cannot open the file: {exc.strerror or exc}"))
            continue
        doc_id = sha256[:16]
        status = stored.get(doc_id)
        if doc_id in queued or (status is not None and status != "failed"):
            plan.skipped += 1
            continue
        queued.add(doc_id)
        replaces = doc_id if status == "failed" else None
        plan.jobs.append(Job(str(path), doc_id, sha256, replaces))
    return plan


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Sink:
    """Where finished documents go: the database batch, the counts and the progress bar."""

    writer: Writer
    tally: Tally
    progress: Progress

    def store(self, job: Job, tables: dict[str, Columns]) -> None:
        self.writer.add(tables, replaces=job.replaces)
        status = self.tally.count(tables, retried=job.replaces is not None)
        if status == "failed":
            self.progress.note(f"failed: {job.path}: {tables['documents']['error'][0]}")
        self.progress.advance(failed=status == "failed")


def _dispatch(jobs: list[Job], workers: int, sink: Sink) -> None:
    queue = deque(jobs)
    while queue:
        suspects = _run_pool(queue, workers, workers * IN_FLIGHT_PER_WORKER, sink)
        # A worker died (a crash in a C library, out of memory): any document in flight may
        # have killed it. Each is read again alone, so only the one that kills again fails.
        for job in suspects:
            if _run_pool(deque([job]), 1, 1, sink):
                sink.store(job, failed_tables(job, "the worker process reading it died, twice"))


def _run_pool(queue: deque[Job], workers: int, limit: int, sink: Sink) -> list[Job]:
    """Read the queued jobs in a pool; the jobs in flight if a worker died, else []."""
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_worker_init) as pool:
        _check_workers_start(pool)
        in_flight: dict[Future[dict[str, Columns]], Job] = {}
        try:
            while queue or in_flight:
                while queue and len(in_flight) < limit:
                    job = queue.popleft()
                    in_flight[pool.submit(read_tables, job)] = job
                done, _ = wait(in_flight, timeout=BATCH_SECONDS, return_when=FIRST_COMPLETED)
                for future in done:
                    job = in_flight.pop(future)
                    try:
                        tables = future.result()
                    except BrokenProcessPool:
                        return [job, *in_flight.values()]
                    except Exception as exc:  # e.g. a result that would not pickle
                        tables = failed_tables(job, f"jixiao crashed: {type(exc).__name__}: {exc}")
                    sink.store(job, tables)
                sink.writer.commit_if_due()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return []


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a server that imported the pipeline once, so they start in
    # milliseconds and never re-run the caller's __main__. spawn where there is no fork. Never a
    # plain fork: the parent holds a DuckDB connection and its threads.
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_MODULES)
    return context


def _check_workers_start(pool: ProcessPoolExecutor) -> None:
    """Fail the run, not every document, when no worker can start (e.g. an unimportable __main__)."""
    try:
        pool.submit(os.getpid).result()
    except BrokenProcessPool as exc:
        raise StoreError(f"the worker processes could not start: {exc}") from exc


def read_tables(job: Job) -> dict[str, Columns]:
    """In a worker: one file through the whole pipeline. Never raises for a bad file.

    The tables go back as plain column lists: unpickling ten DataFrames cost the
    single writing process more than its inserts, and it serves every worker.
    """
    from jixiao.pipeline import read

    try:
        tables = {name: to_columns(df) for name, df in read(job.path).items() if len(df)}
    except Exception as exc:  # a bug must not lose the batch; record what broke
        return failed_tables(job, f"jixiao crashed: {type(exc).__name__}: {exc}")
    documents = tables["documents"]
    if not documents["doc_id"][0]:
        # The file vanished between hashing and reading: keep it under the hash we saw.
        documents["doc_id"], documents["sha256"] = [job.doc_id], [job.sha256]
    return tables


def failed_tables(job: Job, error: str) -> dict[str, Columns]:
    row = {
        "doc_id": job.doc_id, "source": job.path, "format": "", "sha256": job.sha256,
        "status": "failed", "error": error, "warnings": "",
    }
    return {"documents": {col: [value] for col, value in row.items()}}


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the parent alone decides to stop, commits
    # what is finished and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()


def _exit_with_parent() -> None:
    # A killed parent (SIGKILL) cannot shut the pool down, and its workers would wait for work
    # forever (keeping the forkserver alive too). The parent's end of a pipe closes when it
    # dies, whoever forked the worker; that is what the sentinel waits for.
    parent = multiprocessing.parent_process()
    if parent is not None:
        wait_for_objects([parent.sentinel])
        os._exit(1)

"""`make bench`: jixiao's speed and memory, each against a bare baseline measured in the same run.

Not a test: it prints figures and the issue-6 targets beside them. About 3-6 minutes on 2 cores.

    Word      whole pipeline (jixiao.read) vs a bare lxml walk of the same files' table XML
    PDF       jixiao.read per page vs pdfplumber's own extract_tables() + extract_text()
    ingest    documents/s with 1 and 2 workers (marginal: start-up removed by running two sizes)
    memory    peak RSS of the ingest process and its largest worker, 100 vs 1,000 documents
    start-up  `jixiao --help`, and which heavy libraries `import jixiao.cli` pulls in

Timings take the fastest of a few rounds per file (the least disturbed by other processes);
the load average is printed because the machine may be shared.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
JIXIAO = str(Path(sys.executable).parent / "jixiao")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROUNDS = 3
HEAVY = ("pandas", "numpy", "duckdb", "lxml", "pdfplumber", "pypdfium2", "docx", "jieba",
         "pyarrow", "openpyxl")


def main() -> None:
    started = time.monotonic()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"jixiao bench: Python {sys.version.split()[0]}, {cores} cores, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    import jixiao  # noqa: F401  (imports and the jieba dictionary are paid here, not in a timing)

    bench_word()
    bench_pdf()
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as tmp:
        bench_ingest(Path(tmp))
    bench_startup()
    print(f"\ndone in {time.monotonic() - started:.0f} s, "
          f"load average {os.getloadavg()[0]:.1f} at the end")


# --- Word -------------------------------------------------------------------------------------

def word_files() -> list[Path]:
    return [SAMPLES / "seed.docx", *sorted((SAMPLES / "variants").glob("*.docx"))]


def lxml_walk(path: Path) -> int:
    """The baseline: unzip, parse, visit every w:tbl/w:tr/w:tc and join its w:t text."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    cells = 0
    for table in root.iter(f"{W}tbl"):
        for row in table.iter(f"{W}tr"):
            for cell in row.iter(f"{W}tc"):
                "".join(t.text or "" for t in cell.iter(f"{W}t"))
                cells += 1
    return cells


def fastest(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    """Seconds of the fastest of `rounds` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def bench_word() -> None:
    import jixiao
    from jixiao.extract import read_document
    from jixiao.normalize import normalize
    from jixiao.validate import validate

    files = word_files()
    pipeline = walk = extract = normal = check = 0.0
    for path in files:
        data = path.read_bytes()
        pipeline += fastest(lambda p=path: jixiao.read(p))
        walk += fastest(lambda p=path: lxml_walk(p))
        document = read_document(str(path), data)
        extract += fastest(lambda d=data, p=path: read_document(str(p), d))
        tables = normalize(document, "bench")
        normal += fastest(lambda d=document: normalize(d, "bench"))
        check += fastest(lambda t=tables: validate(t))
    n = len(files)
    ms, base = 1000 * pipeline / n, 1000 * walk / n
    print(f"\nWord ({n} reports: seed.docx and samples/variants/*.docx, fastest of {ROUNDS})")
    print(f"  jixiao.read      {ms:7.1f} ms/report  {1000 / ms:6.1f} reports/s")
    print(f"    read_document  {1000 * extract / n:7.1f} ms   normalize {1000 * normal / n:6.1f} ms"
          f"   validate {1000 * check / n:6.1f} ms")
    print(f"  bare lxml walk   {base:7.1f} ms/report  {1000 / base:6.1f} reports/s")
    print(f"  ratio            {ms / base:7.1f}x the walk   (target: within 3x)")
    # FAILURE_MODES' ~12 ms "walk" reads cells with their spans, as read_document does; the
    # bare walk above only collects w:t text. Both baselines are printed, so neither flatters.
    print(f"  ratio            {ms / (1000 * extract / n):7.1f}x read_document's span-aware walk")


# --- PDF --------------------------------------------------------------------------------------

def pdf_files() -> list[Path]:
    # seed-scanned.pdf has no text layer: it measures tesseract, not the reader.
    return [SAMPLES / "seed.pdf", *sorted((SAMPLES / "variants").glob("*.pdf"))]


def pdfplumber_pass(path: Path) -> int:
    """The baseline: pdfplumber's own tables and text, page by page, each page closed after."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.extract_text()
            page.close()
        return len(pdf.pages)


def bench_pdf() -> None:
    import jixiao

    files = pdf_files()
    ours = theirs = 0.0
    pages = 0
    for path in files:
        pages += pdfplumber_pass(path)
        ours += fastest(lambda p=path: jixiao.read(p), rounds=2)
        theirs += fastest(lambda p=path: pdfplumber_pass(p), rounds=2)
    ms, base = 1000 * ours / pages, 1000 * theirs / pages
    print(f"\nPDF ({len(files)} born-digital PDFs, {pages} pages, fastest of 2)")
    print(f"  jixiao.read                   {ms:6.1f} ms/page")
    print(f"  pdfplumber tables + text      {base:6.1f} ms/page")
    print(f"  ratio                         {ms / base:6.2f}x   (target: within 1.5x)")


# --- ingest: throughput and memory -------------------------------------------------------------

def make_copies(source: Path, folder: Path, count: int) -> Path:
    """`count` distinct documents: the sample with bytes appended (a new hash, the same reading)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    for i in range(count):
        (folder / f"report-{i:05d}{source.suffix}").write_bytes(data + b"\n" * (i + 1))
    return folder


def run_ingest(folder: Path, db: Path, jobs: int) -> dict:
    """One `ingest` in a fresh process (its peak memory is its own): elapsed and peak RSS."""
    out = subprocess.run(
        [sys.executable, __file__, "--ingest-child", str(folder), str(db), str(jobs)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


class Descendants(threading.Thread):
    """Peak RSS (VmHWM) and CPU time of this process's descendants, sampled from Linux's /proc.

    Workers fork from multiprocessing's forkserver, so they are grandchildren: getrusage's
    RUSAGE_CHILDREN never sees them.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb: dict[int, int] = {}
        self.ticks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.sample()

    def sample(self) -> None:
        parent: dict[int, int] = {}
        ticks: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                parent[int(entry.name)] = int(fields[1])
                ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
        mine = {os.getpid()}
        for pid in sorted(parent):  # pids grow with time: parents are seen before children
            if parent[pid] in mine:
                mine.add(pid)
        for pid in mine - {os.getpid()}:
            self.ticks[pid] = ticks[pid]
            self.peak_kb[pid] = max(self.peak_kb.get(pid, 0), _vm_hwm(pid))


def _vm_hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def ingest_child(folder: str, db: str, jobs: str) -> None:
    from jixiao.store import ingest

    watcher = Descendants()
    if Path("/proc/self/stat").exists():
        watcher.start()
    with open(os.devnull, "w") as quiet:
        sys.stderr = quiet  # the progress bar
        summary = ingest([folder], db, jobs=int(jobs))
    watcher.done.set()
    own = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "elapsed": summary.elapsed, "added": summary.added, "failed": summary.failed,
        "parent_mb": own.ru_maxrss / 1024,  # KiB on Linux
        "parent_cpu": own.ru_utime + own.ru_stime,
        "worker_mb": max(watcher.peak_kb.values(), default=0) / 1024,
        "worker_cpu": sum(watcher.ticks.values()) / os.sysconf("SC_CLK_TCK"),
    }))


def marginal_rate(small: dict, large: dict) -> float:
    """Documents/s between two runs of different sizes: start-up (worker spawn, imports) cancels."""
    return (large["added"] - small["added"]) / max(large["elapsed"] - small["elapsed"], 1e-9)


def bench_ingest(tmp: Path) -> None:
    source = SAMPLES / "seed.docx"
    sizes = {40: make_copies(source, tmp / "40", 40), 100: make_copies(source, tmp / "100", 100),
             160: make_copies(source, tmp / "160", 160), 1000: make_copies(source, tmp / "1000", 1000)}
    one_small = run_ingest(sizes[40], tmp / "a.duckdb", 1)
    one_large = run_ingest(sizes[160], tmp / "b.duckdb", 1)
    two_small = run_ingest(sizes[100], tmp / "c.duckdb", 2)
    two_large = run_ingest(sizes[1000], tmp / "d.duckdb", 2)
    one, two = marginal_rate(one_small, one_large), marginal_rate(two_small, two_large)
    print(f"\nIngest (copies of {source.name}, each with bytes appended so it hashes differently)")
    for label, run in (("1 worker, 160 docs", one_large), ("2 workers, 1000 docs", two_large)):
        print(f"  {label:22s} {run['elapsed']:6.1f} s wall, "
              f"{run['added'] / run['elapsed']:5.1f} docs/s including start-up; CPU per document: "
              f"workers {1000 * run['worker_cpu'] / run['added']:.0f} ms, "
              f"ingest process {1000 * run['parent_cpu'] / run['added']:.0f} ms")
    print(f"  marginal: 1 worker {one:5.1f} docs/s, 2 workers {two:5.1f} docs/s, "
          f"ratio {two / one:4.2f}   (target: at least 1.8; needs 2 idle cores)")
    # Wall-clock scaling depends on what else runs; CPU time per document does not. One worker
    # has the parent on the other core; two share both cores with it.
    worker = two_large["worker_cpu"] / two_large["added"]
    parent = two_large["parent_cpu"] / two_large["added"]
    print(f"  from CPU time ({1000 * worker:.0f} ms/doc in workers, {1000 * parent:.0f} ms/doc in the "
          f"ingest process), 2 idle cores would give ratio {min(2.0, 2 * worker / (worker + parent)):4.2f}")
    print("  peak memory (RSS)        ingest process   largest worker")
    for count, run in ((100, two_small), (1000, two_large)):
        print(f"    {count:5d} documents       {run['parent_mb']:7.0f} MB        "
              f"{run['worker_mb']:7.0f} MB")
    growth = two_large["parent_mb"] / two_small["parent_mb"]
    print(f"  10x the documents → {growth:4.2f}x the ingest process's peak   (target: flat)")


# --- start-up -----------------------------------------------------------------------------------

def bench_startup() -> None:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([JIXIAO, "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    probe = "import sys, jixiao.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                check=True).stdout.split())
    heavy = [name for name in HEAVY if name in loaded]
    print(f"\nStart-up: `jixiao --help` median {statistics.median(times):.2f} s, "
          f"best {min(times):.2f} s   (target: under 0.5 s)")
    print(f"  heavy libraries imported by `import jixiao.cli`: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--ingest-child"]:
        ingest_child(*sys.argv[2:5])
    else:
        main()

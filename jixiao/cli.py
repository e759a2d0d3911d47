"""The command line: a thin layer over the library (data to files/stdout, progress to stderr).

Exit codes: 0 done, 1 errors found (check) or a document failed (check, ingest), 2 misuse.
`extract` exits 0 once it has written the tables: a failed document is a row there.
Heavy libraries are imported inside the commands so that `jixiao --help` starts fast.
"""

from __future__ import annotations

import sys

import click

FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet"]), default="csv",
    show_default=True, help="file format of the tables written",
)
PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jixiao")
def main() -> None:
    """Read 部门整体支出绩效自评报告 (Word, PDF) into tables and cross-check them."""


@main.command()
@PATHS
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False), help="output folder")
@FORMAT_OPTION
def extract(paths: tuple[str, ...], out: str, fmt: str) -> None:
    """Read files or folders (recursively), check them, write every table to OUT."""
    import jixiao
    from jixiao.export import write_tables

    report = jixiao.extract(paths)
    written = write_tables(report.tables(), out, fmt)
    docs = report.documents
    failed = docs[docs["status"] == "failed"]
    for _, row in failed.iterrows():
        click.echo(f"failed: {row['source']}: {row['error']}", err=True)
    click.echo(
        f"{len(docs)} documents ({len(failed)} failed), {len(report.figures)} figures, "
        f"{len(report.findings)} findings → {len(written)} files in {out}",
        err=True,
    )


@main.command()
@PATHS
def check(paths: tuple[str, ...]) -> None:
    """Print each document's findings for a person; exit 1 when any error is found."""
    import jixiao
    from jixiao.validate.render import render_report

    errors = 0
    for path in jixiao.iter_paths(paths):
        report = jixiao.read(path)
        click.echo(render_report(report))
        errors += int((report.findings["severity"] == "error").sum())
        errors += int((report.documents["status"] == "failed").sum())
    sys.exit(1 if errors else 0)


@main.command()
@PATHS
@click.option("--db", default="jixiao.duckdb", show_default=True, help="database file")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="parallel worker processes [default: number of cores]")
def ingest(paths: tuple[str, ...], db: str, jobs: int | None) -> None:
    """Add documents to a database, skipping those already there."""
    from jixiao.errors import StoreError
    from jixiao.store import ingest as run_ingest

    try:
        summary = run_ingest(paths, db, jobs=jobs)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.describe(), err=True)
    # 130: the shell's code for a run stopped by Ctrl-C (what finished is stored).
    sys.exit(130 if summary.interrupted else 1 if summary.failed else 0)


@main.command()
@click.option("--db", default="jixiao.duckdb", show_default=True, type=click.Path(exists=True))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False), help="output folder")
@FORMAT_OPTION
def export(db: str, out: str, fmt: str) -> None:
    """Write the database's tables to OUT."""
    from jixiao.errors import StoreError
    from jixiao.export import write_tables
    from jixiao.store import load_tables

    try:
        tables = load_tables(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    written = write_tables(tables, out, fmt)
    click.echo(f"{len(written)} files in {out}", err=True)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def inspect(path: str) -> None:
    """Show what the reader saw in PATH: blocks, tables and cells with their locations."""
    from pathlib import Path

    from jixiao.errors import ReadError
    from jixiao.extract import read_document
    from jixiao.extract.render import render_document

    try:
        document = read_document(path, Path(path).read_bytes())
    except ReadError as exc:
        click.echo(f"failed: {exc}", err=True)
        sys.exit(1)
    click.echo(render_document(document))

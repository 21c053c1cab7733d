"""``dateline ingest``: read SOURCES into a store, analyse new articles, print a summary and a report."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from dateline.errors import InputError
from dateline.ingest.detect import FORMATS
from dateline.ingest.sources import read_sources
from dateline.store import Store
from dateline.store.backend import is_postgres_url
from dateline.store.jobs import FailFast, Options, Summary, ingest
from dateline.store.report import render_store_report

if TYPE_CHECKING:
    from rich.progress import Progress


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="DB SOURCES...")
@click.option("--db", "db_option", metavar="PATH|URL", help="The store (then every argument is a SOURCE).")
@click.option("--format", "input_format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Input format; auto detects it from each file's first bytes.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Analysis processes.")
@click.option("--limit", type=click.IntRange(1), help="Stop after this many records.")
@click.option("--threshold", type=click.FloatRange(0.1, 1.0), default=0.5, show_default=True,
              help="Near-duplicate threshold (estimated Jaccard similarity of 5-word shingles).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first bad record (exit code 1).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no report; errors and summary only.")
@click.option("--report/--no-report", default=True, show_default=True, help="Print a short report of the store.")
def ingest_command(
    sources: tuple[str, ...], db_option: str | None, input_format: str, published: str | None, workers: int,
    limit: int | None, threshold: float, fail_fast: bool, quiet: bool, report: bool,
) -> None:
    """Ingest SOURCES (files, folders, or - for stdin) into the store DB (a SQLite path or a
    postgresql:// URL): dateline text, JSON Lines (.gz), HTML pages, RSS/Atom feeds, WARC(.gz).

    Re-ingesting is a no-op; near-duplicates are linked to the first copy and not analysed.
    A bad record is reported on stderr and counted; the exit code is 1 if any failed.
    """
    db, inputs = (db_option, sources) if db_option else (sources[0], sources[1:])
    if not inputs:
        raise click.UsageError("no SOURCE given (a file, a folder, or - for stdin)")
    if not is_postgres_url(db) and db.startswith(("http://", "https://", "mysql://")):
        raise click.UsageError(f"DB {db!r}: expected a SQLite file path or a postgresql:// URL")
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    options = Options(workers=workers, fail_fast=fail_fast, limit=limit, on_error=_print_error,
                      on_warning=_print_warning, on_progress=progress.update)
    with Store.open(db, threshold=threshold) as store:
        try:
            with progress:
                summary = ingest(store, read_sources(inputs, input_format, published), options)
        except FailFast as error:
            raise click.ClickException(f"stopped at the first bad record (--fail-fast): {error}") from None
        click.echo(summary.line(), err=True)
        if report and not quiet:
            render_store_report(store, sys.stdout)
    if summary.failed:
        sys.exit(1)


def _print_error(error: InputError) -> None:
    click.echo(f"skipped {error}", err=True)


def _print_warning(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


class _Progress:
    """A count-based progress display on stderr (the corpus size is not known in advance)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Progress | None = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("starting")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def update(self, summary: Summary) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=summary.line().rsplit(" in ", 1)[0])

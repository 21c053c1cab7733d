"""``dateline analyze``: analyse article files and print the records."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from dateline.analyse.pipeline import analyse_articles
from dateline.errors import InputError, ModelMissingError
from dateline.export.report import render_report
from dateline.ingest import read_paths
from dateline.nlp import load_pipeline
from dateline.record import Article


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format", "output_format", type=click.Choice(["json", "jsonl", "text"]), default="json",
    show_default=True, help="json: one document per article; jsonl: one line each; text: a readable report.",
)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for plain text files without a header.")
def analyze_command(paths: tuple[str, ...], output_format: str, published: str | None) -> None:
    """Analyse PATHS (dateline text, plain text, JSON Lines, or folders of them).

    A bad input is reported on stderr and skipped; the exit code is 1 if any failed.
    """
    try:
        nlp = load_pipeline()
    except ModelMissingError as error:
        raise click.ClickException(str(error)) from None
    failures: list[InputError] = []

    def good_articles() -> Iterator[Article]:
        for item in read_paths(paths, published=published):
            if isinstance(item, InputError):
                failures.append(item)
                click.echo(f"Error: {item}", err=True)
            else:
                yield item

    count = 0
    for record in analyse_articles(good_articles(), nlp):
        count += 1
        if output_format == "text":
            render_report(record, sys.stdout)
        else:
            click.echo(record.to_json(indent=None if output_format == "jsonl" else 2))
    click.echo(f"analysed {count} article(s), {len(failures)} failed", err=True)
    if failures:
        sys.exit(1)

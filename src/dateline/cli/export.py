"""``dateline export``: write a store out as JSON Lines, CSV, Parquet or GDELT GKG 2.1."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import TextIO

import click

from dateline.store import Store

FORMATS = ("jsonl", "csv", "parquet", "gkg")


@click.command("export")
@click.argument("db", metavar="DB")
@click.option("--to", "output_format", type=click.Choice(FORMATS), required=True,
              help="jsonl: Dateline documents; csv/parquet: one file per table; gkg: GDELT GKG 2.1 rows.")
@click.option("--output", "-o", metavar="PATH",
              help="File (jsonl, gkg; default stdout) or folder (csv, parquet; required).")
@click.option("--include-duplicates", is_flag=True, help="jsonl: also write near-duplicate copies.")
def export_command(db: str, output_format: str, output: str | None, include_duplicates: bool) -> None:
    """Export the store DB (a SQLite path or a postgresql:// URL)."""
    from pathlib import Path

    if not db.startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        raise click.ClickException(f"{db}: no such store (create it with dateline ingest)")
    with Store.open(db) as store:
        if output_format in ("csv", "parquet"):
            if not output:
                raise click.UsageError(f"--to {output_format} writes one file per table: give a folder with --output")
            if output_format == "csv":
                from dateline.export.csv import export_csv

                counts = export_csv(store, output)
            else:
                from dateline.export.parquet import export_parquet

                counts = export_parquet(store, output)
            click.echo(", ".join(f"{name} {count}" for name, count in counts.items()), err=True)
            return
        handle: TextIO
        with (open(output, "w", encoding="utf-8", newline="\n") if output else nullcontext(sys.stdout)) as handle:
            if output_format == "jsonl":
                from dateline.export.jsonl import export_jsonl

                written = export_jsonl(store, handle, include_duplicates)
            else:
                from dateline.export.gkg import export_gkg

                written = export_gkg(store, handle)
        click.echo(f"exported {written} article(s)", err=True)

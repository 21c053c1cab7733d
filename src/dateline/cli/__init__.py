"""The ``dateline`` command: a thin layer over the Python API, one module per command."""

from __future__ import annotations

import click

from dateline import __version__
from dateline.cli.analyze import analyze_command
from dateline.cli.eval import eval_command
from dateline.cli.export import export_command
from dateline.cli.ingest import ingest_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Dateline: dated news articles in, a source-attributed, time-resolved record out."""


main.add_command(analyze_command)
main.add_command(eval_command)
main.add_command(ingest_command)
main.add_command(export_command)

"""``dateline eval``: score the analysis against gold files."""

from __future__ import annotations

import click


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show-misses", is_flag=True, help="List every gold item missed and every extra item.")
def eval_command(gold: tuple[str, ...], as_json: bool, show_misses: bool) -> None:
    """Score the analysis of each GOLD file's article (files or folders of *.gold.json)."""
    raise click.ClickException("not built yet")

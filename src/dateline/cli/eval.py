"""``dateline eval``: score the analysis against gold files."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from dateline.errors import DatelineError
from dateline.eval.runner import HEADLINES, Evaluation, evaluate


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and counts) as JSON.")
@click.option("--show-misses", is_flag=True, help="List every gold item missed and every extra system item.")
def eval_command(gold: tuple[str, ...], as_json: bool, show_misses: bool) -> None:
    """Score the analysis of each GOLD file's article (files or folders of *.gold.json).

    Scores follow the rules of shared/gold/README.md, micro-averaged over the files.
    """
    try:
        evaluation = evaluate(list(gold))
    except DatelineError as error:
        raise click.ClickException(str(error)) from None
    if not evaluation.files:
        raise click.ClickException(f"no *.gold.json files in {', '.join(gold)}")
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(misses=show_misses), indent=2))
    else:
        _print_table(evaluation, show_misses)


def _print_table(evaluation: Evaluation, show_misses: bool) -> None:
    console = Console(highlight=False, width=140)
    table = Table(title=f"dateline eval: {len(evaluation.files)} gold file(s)", title_justify="left")
    table.add_column("part")
    table.add_column("metric")
    table.add_column("score", justify="right")
    table.add_column("counts", justify="right")
    for part, names in HEADLINES.items():
        for name in names:
            counts = evaluation.parts[part].counts.get(name)
            shown = f"{counts[0]}/{counts[1]}" if counts else ""
            table.add_row(part, name, f"{evaluation.metric(part, name):.3f}", shown)
    console.print(table)
    if show_misses:
        for tally in evaluation.parts.values():
            for miss in tally.misses:
                console.print(f"  {miss}", markup=False)

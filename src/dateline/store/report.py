"""A short readable report of what a store holds (printed after ``dateline ingest``)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from dateline.store.store import Store

TOP = 8


def render_store_report(store: Store, stream: TextIO, width: int = 110) -> None:
    """Rows per table, the most mentioned entities, the most quoted speakers, the largest figures."""
    console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
    counts = store.counts()
    console.rule(f"[bold]Store {store.backend.location}[/bold]")
    statuses = ", ".join(f"{key.split('.', 1)[1]} {value}" for key, value in sorted(counts.items()) if key.startswith("articles."))
    console.print(f"{counts['articles']} articles ({statuses or 'none'}) from {counts['sources']} source(s)")
    console.print("  ".join(f"{name} {counts[name]}" for name in
                            ("entities", "mentions", "quotes", "figures", "times", "events", "flags", "framing")))
    _top(console, store, "Most mentioned entities", ("entity", "type", "articles", "mentions"),
         "SELECT e.name, e.type, count(DISTINCT e.article_id), count(m.id) FROM entities e "
         "LEFT JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.entity_id "
         "GROUP BY e.name, e.type ORDER BY count(m.id) DESC, e.name LIMIT ?")
    _top(console, store, "Most quoted speakers", ("speaker", "quotes"),
         "SELECT coalesce(e.name, q.speaker, '(none named)') AS who, count(*) FROM quotes q "
         "LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity "
         "GROUP BY who ORDER BY count(*) DESC, who LIMIT ?")
    _top(console, store, "Figures by category", ("category", "figures", "articles"),
         "SELECT category, count(*), count(DISTINCT article_id) FROM figures GROUP BY category ORDER BY count(*) DESC LIMIT ?")


def _top(console: Console, store: Store, title: str, headers: tuple[str, ...], query: str) -> None:
    _names, rows = store.sql(query, (TOP,))
    if not rows:
        return
    table = Table(title=title, title_justify="left")
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(str(value) for value in row))
    console.print(table)

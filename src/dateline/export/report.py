"""The readable text report of one record (rich), as ``dateline analyze --format text`` prints it."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from dateline.record import Attribution, Record


def render_report(record: Record, stream: TextIO, width: int = 120) -> None:
    """Print entities with their mentions, then quotes, figures, times, events and flags."""
    console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
    article = record.article
    console.rule(f"[bold]{article.title or article.id}[/bold]")
    console.print(f"id {article.id} · published {article.published or '?'} · source {article.source or '?'}")
    names = {entity.id: entity.name for entity in record.entities}

    entities = _table("Entities", "id", "type", "name", "mentions")
    for entity in record.entities:
        mentions = "; ".join(sorted({m.text for m in (*entity.mentions, *entity.descriptions)}))
        entities.add_row(entity.id, entity.type, entity.name, mentions)
    console.print(entities)

    quotes = _table("Quotes", "sent.", "kind", "speaker", "cue", "text")
    for quote in record.quotes:
        cue = quote.cue.text if quote.cue else "—"
        quotes.add_row(str(quote.sentence), quote.kind, _who(quote.speaker, names), cue, quote.text)
    console.print(quotes)

    figures = _table("Figures", "sent.", "text", "bounds", "category", "subject", "source", "modality")
    for figure in record.figures:
        bounds = f"{'~' if figure.approx else ''}{_bound(figure.lower)}..{_bound(figure.upper)}"
        figures.add_row(
            str(figure.sentence), figure.text, bounds, figure.category, figure.subject or "—",
            _who(figure.source, names), figure.modality,
        )
    console.print(figures)

    times = _table("Times", "sent.", "text", "type", "value")
    for time in record.times:
        times.add_row(str(time.sentence), time.text, time.type, time.value)
    console.print(times)

    events = _table("Events", "sent.", "type", "trigger", "actors", "targets", "place", "date", "source")
    for event in record.events:
        events.add_row(
            str(event.sentence), event.type, event.trigger.text,
            ", ".join(names.get(a, a) for a in event.actors), ", ".join(names.get(t, t) for t in event.targets),
            names.get(event.place or "", event.place or "—"), event.date or "—", _who(event.source, names),
        )
    console.print(events)

    flags = _table("Flags", "sent.", "kind", "why")
    for flag in record.flags:
        flags.add_row(str(flag.sentence), flag.kind, flag.why)
    console.print(flags)

    framing = _table("Framing", "sent.", "text", "neutral", "voice")
    for item in record.framing:
        framing.add_row(str(item.sentence), item.text, item.neutral, item.voice)
    console.print(framing)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _who(attribution: Attribution | None, names: dict[str, str]) -> str:
    if attribution is None:
        return "(article)"
    if attribution.entity:
        return names.get(attribution.entity, attribution.entity)
    return attribution.text


def _bound(value: int | None) -> str:
    return "" if value is None else f"{value:,}"

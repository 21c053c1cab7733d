"""Turn a gold file into a Dateline record: the perfect output the scorers are tested against,
and the starting point of a review loop whose corrections become gold."""

from __future__ import annotations

from typing import Any

from dateline.eval.gold import GoldFile
from dateline.record import (
    Attribution,
    Cue,
    Entity,
    Event,
    Figure,
    Flag,
    Framing,
    Mention,
    Quote,
    Record,
    Span,
    TimeExpr,
)

EXTRACTOR = "gold"
VERSION = "1"


def record_from_gold(gold: GoldFile) -> Record:
    """A record holding exactly what the gold file annotates, with spans in the article text."""
    builder = _Builder(gold)
    record = Record(article=gold.article)
    record.entities = [builder.entity(e) for e in gold.data.get("entities", [])]
    record.quotes = [builder.quote(q) for q in gold.data.get("quotes", [])]
    record.figures = [builder.figure(f) for f in gold.data.get("figures", [])]
    texts = [f["text"] for f in gold.data.get("figures", [])]
    for figure, data in zip(record.figures, gold.data.get("figures", []), strict=True):
        if data.get("part_of") in texts:
            figure.part_of = texts.index(data["part_of"])
    record.times = [builder.time(t) for t in gold.data.get("times", [])]
    record.events = [builder.event(e) for e in gold.data.get("events", [])]
    record.flags = [builder.flag(f, texts) for f in gold.data.get("flags", [])]
    record.framing = [builder.framing(f) for f in gold.data.get("framing", [])]
    return record


class _Builder:
    def __init__(self, gold: GoldFile) -> None:
        self.gold = gold
        self.offset = gold.article.text_offset
        self.entity_ids = {e["id"] for e in gold.data.get("entities", [])}

    def span(self, text: str, occurrence: int | None = None, within: tuple[int, int] | None = None) -> Span:
        start, end = self.gold.locate(text, occurrence, within)
        return Span(start - self.offset, end - self.offset, text)

    def item(self, span: Span) -> dict[str, Any]:
        return {
            "start": span.start, "end": span.end, "text": span.text, "sentence": 0,
            "extractor": EXTRACTOR, "extractor_version": VERSION,
        }

    def entity(self, data: dict[str, Any]) -> Entity:
        mentions = [
            Mention(**self.item(Span(s - self.offset, e - self.offset, text)), kind="name")
            for text in data.get("mentions", [])
            for s, e in self.gold.occurrences(text)
        ]
        descriptions = [
            Mention(**self.item(self.span(text)), kind="description") for text in data.get("descriptions", [])
        ]
        first = mentions[0] if mentions else Mention(**self.item(self.span(data["name"])))
        return Entity(
            **self.item(first.span), id=data["id"], name=data["name"], type=data["type"],
            mentions=mentions, descriptions=descriptions,
        )

    def attribution(self, who: str | None) -> Attribution | None:
        if who is None:
            return None
        return Attribution(text=who, entity=who if who in self.entity_ids else None)

    def quote(self, data: dict[str, Any]) -> Quote:
        span = self.span(data["text"], data.get("occurrence"))
        cue = None
        if data.get("cue"):
            cue_span = self.span(data["cue"])
            cue = Cue(**self.item(cue_span))
        return Quote(**self.item(span), kind=data["kind"], cue=cue, speaker=self.attribution(data["speaker"]))

    def figure(self, data: dict[str, Any]) -> Figure:
        outer = self.span(data["text"], data.get("occurrence"))
        number = self.span(data["number"], within=(outer.start + self.offset, outer.end + self.offset))
        return Figure(
            **self.item(outer), number=number, lower=data["lower"], upper=data["upper"], approx=data["approx"],
            category=data["category"], subject=data.get("subject"), source=self.attribution(data.get("source")),
            modality=data.get("modality", "asserted"),
        )

    def time(self, data: dict[str, Any]) -> TimeExpr:
        return TimeExpr(**self.item(self.span(data["text"], data.get("occurrence"))), type=data["type"], value=data["value"])

    def event(self, data: dict[str, Any]) -> Event:
        trigger = self.span(data["trigger"])
        return Event(
            **self.item(trigger), type=data["type"], trigger=trigger, actors=list(data.get("actors", [])),
            targets=list(data.get("targets", [])), place=data.get("place"), date=data.get("date"),
            modality=data.get("modality", "asserted"), source=self.attribution(data.get("source")),
        )

    def flag(self, data: dict[str, Any], figure_texts: list[str]) -> Flag:
        spans = [self.span(data["text"])] if data.get("text") else []
        figures = [figure_texts.index(text) for text in data.get("figures", []) if text in figure_texts]
        anchor = spans[0] if spans else Span(0, 0, "")
        return Flag(
            **self.item(anchor), kind=data["kind"], spans=spans, entities=list(data.get("entities", [])),
            figures=figures, why=data.get("why", ""),
        )

    def framing(self, data: dict[str, Any]) -> Framing:
        return Framing(**self.item(self.span(data["text"], data.get("occurrence"))), neutral=data["neutral"])

"""One scorer per part of the record, each by the rules of the gold README.

A scorer adds ``[numerator, denominator]`` counts to a :class:`Tally`, so that files can be
micro-averaged by summing counts, and notes every miss and extra item it saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.eval.gold import GoldFile
from dateline.eval.matching import dates_overlap, overlap, pair_up, span_match, token_match
from dateline.record import Attribution, Record

PARTS = ("entities", "quotes", "figures", "times", "events", "flags", "framing")


@dataclass
class Tally:
    """Counts per metric (``[numerator, denominator]``) and the misses behind them."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, metric: str, numerator: int, denominator: int) -> None:
        counts = self.counts.setdefault(metric, [0, 0])
        counts[0] += numerator
        counts[1] += denominator

    def merge(self, other: Tally) -> None:
        for metric, (numerator, denominator) in other.counts.items():
            self.add(metric, numerator, denominator)
        self.misses.extend(other.misses)

    def ratio(self, metric: str) -> float:
        numerator, denominator = self.counts.get(metric, [0, 0])
        return numerator / denominator if denominator else 0.0


class Scoring:
    """The system record and the gold file of one article, with the helpers scorers share."""

    def __init__(self, gold: GoldFile, record: Record) -> None:
        self.gold = gold
        self.record = record
        self.offset = record.article.text_offset
        self.gold_entities = {e["id"]: e for e in gold.data.get("entities", [])}
        self.system_names = {
            e.id: {e.name, *(m.text for m in e.mentions)} for e in record.entities
        }

    def shift(self, start: int, end: int) -> tuple[int, int]:
        """A system span as a span of the gold file's text."""
        return start + self.offset, end + self.offset

    def is_gold_entity(self, system_id: str | None, gold_id: str) -> bool:
        """The system entity is the gold one: its name or a mention equals the gold name."""
        gold = self.gold_entities.get(gold_id)
        return bool(system_id and gold and gold["name"] in self.system_names.get(system_id, set()))

    def attribution_matches(self, system: Attribution | None, gold: str | None) -> bool:
        """Gold ``None`` is the article's voice; an entity id must be that entity; other text is contained."""
        if gold is None:
            return system is None
        if system is None:
            return False
        if gold in self.gold_entities:
            return self.is_gold_entity(system.entity, gold)
        return gold.lower() in system.text.lower()


def score_entities(s: Scoring, tally: Tally) -> None:
    """Mention recall (typed and untyped) and linking accuracy over matched mentions."""
    occurrences: list[tuple[tuple[int, int], dict[str, Any]]] = []
    strings = sorted(
        ((m, e) for e in s.gold_entities.values() for m in e.get("mentions", [])), key=lambda p: -len(p[0])
    )
    for mention, entity in strings:
        for span in s.gold.occurrences(mention):
            if all(overlap(span, taken) == 0 for taken, _ in occurrences):
                occurrences.append((span, entity))
    occurrences.sort(key=lambda pair: pair[0])
    system = [(s.shift(m.start, m.end), e) for e in s.record.entities for m in e.mentions]
    pairs = pair_up(occurrences, system, lambda g, x: overlap(g[0], x[0]) if span_match(x[0], g[0]) else 0)
    matched = dict(pairs)
    for index, (span, entity) in enumerate(occurrences):
        text = s.gold.full_text[span[0] : span[1]]
        if index not in matched:
            tally.misses.append(f"entities: missed mention {text!r} of {entity['id']} at {span[0]}")
            tally.add("mention_recall", 0, 1)
            tally.add("typed_mention_recall", 0, 1)
            continue
        system_entity = system[matched[index]][1]
        tally.add("mention_recall", 1, 1)
        typed = system_entity.type == entity["type"]
        tally.add("typed_mention_recall", int(typed), 1)
        linked = s.is_gold_entity(system_entity.id, entity["id"])
        tally.add("linking_accuracy", int(linked), 1)
        if not typed:
            tally.misses.append(f"entities: {text!r} typed {system_entity.type}, gold {entity['type']}")
        if not linked:
            tally.misses.append(f"entities: {text!r} linked to {system_entity.name!r}, gold {entity['name']!r}")


def score_quotes(s: Scoring, tally: Tally) -> None:
    """Precision, recall and attribution accuracy by 60% token overlap both ways."""
    text = s.gold.full_text
    golds = [(s.gold.locate(q["text"], q.get("occurrence")), q) for q in s.gold.data.get("quotes", [])]
    optional = [(s.gold.locate(q["text"], q.get("occurrence")), q) for q in s.gold.data.get("optional_quotes", [])]
    system = [(s.shift(q.start, q.end), q) for q in s.record.quotes]

    def score(g: tuple[tuple[int, int], Any], x: tuple[tuple[int, int], Any]) -> float:
        return overlap(g[0], x[0]) if token_match(text, x[0], g[0]) else 0

    pairs = pair_up(golds, system, score)
    used = {x for _, x in pairs}
    optional_hits = {x for _, x in pair_up(optional, [p for i, p in enumerate(system) if i not in used], score)}
    tally.add("precision", len(pairs), len(system) - len(optional_hits))
    tally.add("recall", len(pairs), len(golds))
    matched = dict(pairs)
    for g, (_, quote) in enumerate(golds):
        if g not in matched:
            tally.misses.append(f"quotes: missed {quote['kind']} quote {_short(quote['text'])}")
            continue
        found = system[matched[g]][1]
        right = s.attribution_matches(found.speaker, quote["speaker"])
        tally.add("attribution_accuracy", int(right), 1)
        tally.add("kind_accuracy", int(found.kind == quote["kind"]), 1)
        if not right:
            who = found.speaker.text if found.speaker else None
            tally.misses.append(f"quotes: {_short(quote['text'])} speaker {who!r}, gold {quote['speaker']!r}")
    for x, (_, quote) in enumerate(system):
        if x not in used:
            tally.misses.append(f"quotes: extra {quote.kind} quote {_short(quote.text)}")


def score_figures(s: Scoring, tally: Tally) -> None:
    """Figure P/R/F1 by the number's span; bounds, category, source and modality accuracy."""
    golds = []
    for figure in s.gold.data.get("figures", []):
        outer = s.gold.locate(figure["text"], figure.get("occurrence"))
        golds.append((s.gold.locate(figure["number"], within=outer), figure))
    system = [
        (s.shift(f.number.start, f.number.end), s.shift(f.start, f.end), f) for f in s.record.figures
    ]

    def score(g: tuple[tuple[int, int], Any], x: tuple[tuple[int, int], tuple[int, int], Any]) -> float:
        if span_match(x[0], g[0]):
            return 2 * overlap(x[0], g[0])
        return overlap(x[1], g[0]) if span_match(x[1], g[0]) else 0

    pairs = pair_up(golds, system, score)
    tally.add("precision", len(pairs), len(system))
    tally.add("recall", len(pairs), len(golds))
    matched = dict(pairs)
    for g, (_, gold) in enumerate(golds):
        if g not in matched:
            tally.misses.append(f"figures: missed {gold['text']!r}")
            continue
        found = system[matched[g]][2]
        checks = {
            "bounds_accuracy": _bounds_match(gold, found.lower, found.upper),
            "category_accuracy": found.category == gold["category"],
            "source_accuracy": s.attribution_matches(found.source, gold.get("source")),
            "modality_accuracy": found.modality == gold.get("modality", "asserted"),
        }
        for metric, right in checks.items():
            tally.add(metric, int(right), 1)
            if not right:
                tally.misses.append(f"figures: {gold['text']!r} wrong {metric.removesuffix('_accuracy')}")
    used = {x for _, x in pairs}
    for x, (_, _, figure) in enumerate(system):
        if x not in used:
            tally.misses.append(f"figures: extra {figure.text!r}")


def score_times(s: Scoring, tally: Tally) -> None:
    """Time P/R/F1 by span and value accuracy (exact string) over matched times."""
    golds, system, pairs = _pair_spans(s, tally, "times", s.record.times)
    matched = dict(pairs)
    for g, (_, gold) in enumerate(golds):
        if g not in matched:
            tally.misses.append(f"times: missed {gold['text']!r} ({gold['value']})")
            continue
        found = system[matched[g]][1]
        tally.add("value_accuracy", int(found.value == gold["value"]), 1)
        if found.value != gold["value"]:
            tally.misses.append(f"times: {gold['text']!r} valued {found.value}, gold {gold['value']}")
    used = {x for _, x in pairs}
    tally.misses.extend(f"times: extra {t.text!r}" for x, (_, t) in enumerate(system) if x not in used)


def score_events(s: Scoring, tally: Tally) -> None:
    """Recall over required events; precision over all system events against all gold events."""
    golds = s.gold.data.get("events", [])

    def score(gold: dict[str, Any], event: Any) -> float:
        if event.type != gold["type"]:
            return 0
        if not any(s.is_gold_entity(actor, g) for actor in event.actors for g in gold.get("actors", [])):
            return 0
        if gold.get("date") and not dates_overlap(gold["date"], event.date):
            return 0
        return 1

    required = [g for g in golds if g.get("required", True)]
    pairs = pair_up(required, s.record.events, score)
    tally.add("recall", len(pairs), len(required))
    matched = {g for g, _ in pairs}
    for g, gold in enumerate(required):
        if g not in matched:
            tally.misses.append(f"events: missed {gold['type']} {gold['trigger']!r}")
    all_pairs = pair_up(golds, s.record.events, score)
    tally.add("precision", len(all_pairs), len(s.record.events))
    used = {x for _, x in all_pairs}
    tally.misses.extend(
        f"events: extra {e.type} {e.trigger.text!r}" for x, e in enumerate(s.record.events) if x not in used
    )


def score_flags(s: Scoring, tally: Tally) -> None:
    """Recall: a system flag of the same kind about the same figures, entities or text."""
    gold_figures = {f["text"]: s.gold.locate(f["text"], f.get("occurrence")) for f in s.gold.data.get("figures", [])}
    for gold in s.gold.data.get("flags", []):
        found = any(_flag_matches(s, gold, flag, gold_figures) for flag in s.record.flags)
        tally.add("recall", int(found), 1)
        if not found:
            tally.misses.append(f"flags: missed {gold['kind']} ({_short(gold.get('why', ''))})")


def score_framing(s: Scoring, tally: Tally) -> None:
    """Framing precision and recall by span."""
    golds, system, pairs = _pair_spans(s, tally, "framing", s.record.framing)
    matched = {g for g, _ in pairs}
    tally.misses.extend(f"framing: missed {f['text']!r}" for g, (_, f) in enumerate(golds) if g not in matched)
    used = {x for _, x in pairs}
    tally.misses.extend(f"framing: extra {f.text!r}" for x, (_, f) in enumerate(system) if x not in used)


def _pair_spans(
    s: Scoring, tally: Tally, part: str, items: Sequence[Any]
) -> tuple[list[tuple[tuple[int, int], dict[str, Any]]], list[tuple[tuple[int, int], Any]], list[tuple[int, int]]]:
    """Gold and system items of a part matched by span; adds precision and recall."""
    golds = [(s.gold.locate(g["text"], g.get("occurrence")), g) for g in s.gold.data.get(part, [])]
    system = [(s.shift(item.start, item.end), item) for item in items]
    pairs = pair_up(golds, system, lambda g, x: overlap(g[0], x[0]) if span_match(x[0], g[0]) else 0)
    tally.add("precision", len(pairs), len(system))
    tally.add("recall", len(pairs), len(golds))
    return golds, system, pairs


def _flag_matches(s: Scoring, gold: dict[str, Any], flag: Any, gold_figures: dict[str, tuple[int, int]]) -> bool:
    if flag.kind != gold["kind"]:
        return False
    if gold.get("figures"):
        spans = [
            s.shift(s.record.figures[i].start, s.record.figures[i].end)
            for i in flag.figures
            if 0 <= i < len(s.record.figures)
        ]
        wanted = [gold_figures[text] for text in gold["figures"] if text in gold_figures]
        if wanted and all(any(overlap(w, x) for x in spans) for w in wanted):
            return True
    if gold.get("entities") and all(
        any(s.is_gold_entity(e, g) for e in flag.entities) for g in gold["entities"]
    ):
        return True
    if gold.get("text"):
        target = s.gold.locate(gold["text"], gold.get("occurrence"))
        spans = [s.shift(sp.start, sp.end) for sp in flag.spans] or [s.shift(flag.start, flag.end)]
        return any(span_match(x, target) for x in spans)
    return False


def _bounds_match(gold: dict[str, Any], lower: int | None, upper: int | None) -> bool:
    if not gold.get("approx"):
        return bool(lower == gold["lower"] and upper == gold["upper"])
    if gold["lower"] is None or lower is None:
        return bool(lower == gold["lower"])
    return bool(gold["lower"] / 2 <= lower <= gold["lower"] * 2)


def _short(text: str, width: int = 70) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


SCORERS = {
    "entities": score_entities,
    "quotes": score_quotes,
    "figures": score_figures,
    "times": score_times,
    "events": score_events,
    "flags": score_flags,
    "framing": score_framing,
}

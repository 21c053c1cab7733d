"""The events extractor: PLOVER-typed events with actors, targets, place, date, modality and source.

Stages per sentence: find triggers (event_triggers), fold complements into the events that govern
them (event_compound), read arguments from the parse (event_arguments), then modality, source, date
and figures (event_context). The type comes from the trigger words and their complements only,
never from who the actor is. See docs/events.md.
"""

from __future__ import annotations

from typing import Any

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.event_arguments import (
    entity_id_for,
    is_party,
    phrase_span,
    place_entity,
    read_arguments,
)
from dateline.analyse.event_compound import (
    EXCHANGE_LEMMAS,
    TRUCE_LEMMAS,
    borrow_actors,
    exchange_sides,
    plover_coding,
    structure,
    truce_interval,
)
from dateline.analyse.event_context import (
    anchor_tokens,
    clause_figures,
    event_date,
    figure_path,
    modality,
    source,
    time_attachment,
)
from dateline.analyse.event_lexicon import Lexicon, load_lexicon
from dateline.analyse.event_triggers import Candidate, possible_triggers, sentence_candidates
from dateline.record import Event

NAME = "events"
VERSION = "0.1.1"

PLACE_TARGET_TYPES = frozenset({"COERCE", "CONCEDE", "RETREAT", "ASSAULT", "AID", "MOBILIZE", "SANCTION"})
KIND_CONFIDENCE = {"verb": 0.8, "support": 0.75, "occurrence": 0.7, "obligation": 0.6}


def _ids(analysis: Analysis, tokens: list[Any]) -> list[str]:
    ids: list[str] = []
    for token in tokens:
        entity_id = entity_id_for(analysis, token)
        if entity_id and entity_id not in ids:
            ids.append(entity_id)
    return ids


def _spans(analysis: Analysis, tokens: list[Any]) -> list[dict[str, Any]]:
    spans = [phrase_span(analysis, t) for t in tokens]
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def _clause_range(candidate: Candidate) -> tuple[int, int]:
    tokens = [t for anchor in anchor_tokens(candidate) for t in (anchor.left_edge, anchor.right_edge)]
    sentence = candidate.predicate.sent
    first = max(min(t.i for t in tokens), sentence.start)
    last = min(max(t.i for t in tokens), sentence.end - 1)
    doc = candidate.predicate.doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def build_event(analysis: Analysis, candidate: Candidate, tops: list[Candidate], lexicon: Lexicon,
                attachments: list[Any], figure_paths: list[list[int]]) -> Event:
    """One Event from a top-level candidate with its folded complements (``figure_paths``:
    :func:`figure_path` of each of the article's figures)."""
    doc = candidate.predicate.doc
    args = read_arguments(candidate)
    for inner in candidate.merged:
        extra = read_arguments(inner)
        args.targets += [t for t in extra.targets if t not in args.targets]
        args.places += extra.places
    content = candidate.absorbed
    if not any(is_party(t) for t in args.targets):
        inner_targets = [t for inner in content for t in read_arguments(inner).targets if is_party(t)]
        args.targets = inner_targets or args.targets
    first, last = doc[candidate.trigger_start], doc[candidate.trigger_end - 1]
    trigger = analysis.span(first.idx, last.idx + len(last.text))
    start, end = _clause_range(candidate)
    mood = modality(candidate, lexicon)
    date, date_from = event_date(analysis, candidate, lexicon, attachments)
    all_candidates = [c for top in tops for c in (top, *top.absorbed, *top.merged)]
    figures = clause_figures(candidate, all_candidates, figure_paths)
    for inner in (*candidate.merged, *content):
        figures += [i for i in clause_figures(inner, all_candidates, figure_paths) if i not in figures]
    actors = _ids(analysis, args.actors)
    targets = [t for t in _ids(analysis, args.targets) if t not in actors]
    place = place_entity(analysis, args.places)
    if place and not targets and candidate.sense.type in PLACE_TARGET_TYPES and place not in actors:
        targets = [place]
    details: dict[str, Any] = {
        "trigger_kind": candidate.kind,
        "actor_spans": _spans(analysis, args.actors),
        "target_spans": _spans(analysis, args.targets),
        "plover_type": plover_coding(candidate.sense.type, mood, lexicon),
    }
    if date_from:
        details["date_from"] = date_from
    if content:
        details["content"] = [
            {"type": c.sense.type, "cameo": c.sense.cameo, "trigger": doc[c.trigger_start : c.trigger_end].text}
            for c in content
        ]
    conditions = [c for inner in (candidate, *candidate.absorbed, *candidate.merged) for c in inner.conditions]
    if conditions:
        details["conditions"] = [
            {"type": c.sense.type, "trigger": doc[c.trigger_start : c.trigger_end].text} for c in conditions
        ]
    if candidate.lemma in EXCHANGE_LEMMAS and candidate.noun is not None:
        details["kind"] = "exchange"
        details["sides"] = exchange_sides(analysis, candidate.noun)
        holders = [s["held_by"] for s in details["sides"] if s["held_by"]]
        actors += [h for h in holders if h not in actors]
    elif candidate.lemma in TRUCE_LEMMAS:
        details["kind"] = "truce"
        interval = truce_interval(analysis.record.times, date)
        if interval:
            details["interval"] = interval
    confidence = KIND_CONFIDENCE.get(candidate.kind, 0.65) - (0.0 if actors else 0.15)
    return Event(
        **analysis.provenance(start, end, NAME, VERSION, round(confidence, 2), sentence_of=trigger.start),
        type=candidate.sense.type, trigger=trigger, actors=actors, targets=targets,
        place=place, date=date, modality=mood,
        source=source(analysis, candidate, lexicon), figures=sorted(figures), cameo=candidate.sense.cameo,
        details=details,
    )


def extract(analysis: Analysis) -> None:
    """Add the article's events to ``analysis.record.events``."""
    lexicon = load_lexicon()
    attachments = [(time, time_attachment(analysis, time)) for time in analysis.record.times]
    figure_paths = [figure_path(analysis, figure) for figure in analysis.record.figures]
    events: list[Event] = []
    possible = possible_triggers(analysis.doc, lexicon)
    for sentence in analysis.doc.sents:
        tops = structure(sentence_candidates(sentence, lexicon, possible), lexicon)
        events.extend(build_event(analysis, c, tops, lexicon, attachments, figure_paths) for c in tops)
    borrow_actors(events)
    analysis.record.events.extend(events)


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=('entities', 'figures', 'times', 'quotes'), writes=("events",), run=extract)

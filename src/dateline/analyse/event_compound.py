"""Event structure: one event per clause chain (complements are the content of the verb that governs
them), coordinated verbs of one type merged, and compound events: exchanges with their sides and
counts, truces with their interval, and the PLOVER coding of intentions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.analyse.base import Analysis
from dateline.analyse.event_arguments import entity_id_for, phrase_span, with_conjuncts
from dateline.analyse.event_lexicon import Lexicon
from dateline.analyse.event_triggers import Candidate
from dateline.record import Event, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Token

INDEPENDENT_MARKS = frozenset({
    "after", "before", "when", "as", "while", "because", "since", "although", "though", "whereas", "despite",
})
CONDITION_MARKS = frozenset({"if", "unless", "until", "whether", "lest", "so", "once"})
GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "acomp", "dobj", "acl", "conj"})
EXCHANGE_LEMMAS = frozenset({"exchange", "swap"})
TRUCE_LEMMAS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})


def _mark(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "mark"), None)


def governing_candidate(
    candidate: Candidate, by_predicate: dict[int, Candidate], speech_verbs: frozenset[str]
) -> tuple[Candidate | None, str]:
    """The candidate this one belongs to and how: ("merge" same type, "content" a complement,
    "condition" an if/unless clause), or (None, "top") for an event of its own, (None, "drop") for
    a condition with no event to attach to."""
    token = candidate.predicate if candidate.kind in ("verb", "support", "obligation") else candidate.host
    if token is None or (candidate.kind.startswith("frame:") and candidate.kind != "frame:for"):
        return None, "top"
    if candidate.kind == "frame:for" and token.i in by_predicate:
        host = by_predicate[token.i]
        return host, "merge" if host.sense.type == candidate.sense.type else "content"
    how = "content"
    for _ in range(6):
        mark = _mark(token)
        if mark in CONDITION_MARKS:
            how = "condition"
        elif mark in INDEPENDENT_MARKS or token.dep_ not in GOVERNED_DEPS or token.head.i == token.i:
            break
        coordinated = token.dep_ == "conj"
        token = token.head
        governor = by_predicate.get(token.i)
        if governor is not None and governor is not candidate:
            if coordinated:
                same_subject = not any(c.dep_ == "nsubj" for c in candidate.predicate.children)
                if governor.sense.type == candidate.sense.type and same_subject:
                    return governor, "merge"
                return None, "top"
            if how == "content" and governor.sense.type == candidate.sense.type:
                return governor, "merge"
            return governor, how
        if token.lemma_.lower() in speech_verbs:
            break
    return None, "drop" if how == "condition" else "top"


def is_background(candidate: Candidate) -> bool:
    """Whether a verb trigger sits in a relative or participial clause, or is a gerund under a noun's
    preposition: background to the sentence's own events ("rebels who overran it", "weapons seized")."""
    if candidate.kind not in ("verb", "support"):
        return False
    token = candidate.predicate
    if token.sent.root.pos_ not in ("VERB", "AUX"):
        return False
    for _ in range(8):
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ != "VBG" and not own_subject):
            return True
        if token.dep_ == "pcomp" and token.head.head.pos_ in ("NOUN", "PROPN"):
            return True
        if token.head.i == token.i or token.dep_ not in ("conj", "xcomp", "pcomp", "prep", "pobj", "advcl", "ccomp"):
            return False
        token = token.head
    return False


def structure(candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Fold complements and conditions into the events that govern them; drop background clauses;
    return the top-level candidates."""
    by_predicate = {c.predicate.i: c for c in candidates if c.kind in ("verb", "support", "obligation")}
    tops: list[Candidate] = []
    for candidate in candidates:
        governor, how = governing_candidate(candidate, by_predicate, lexicon.speech_verbs)
        if governor is None:
            if how == "top":
                tops.append(candidate)
            continue
        {"merge": governor.merged, "content": governor.absorbed, "condition": governor.conditions}[how].append(candidate)
    return [c for c in tops if not _inside_other(c, tops) and not is_background(c)]


def _inside_other(candidate: Candidate, tops: list[Candidate]) -> bool:
    return any(
        candidate in other.absorbed or candidate in other.merged or candidate in other.conditions
        for other in tops if other is not candidate
    )


def plover_coding(event_type: str, modality: str, lexicon: Lexicon) -> str:
    """The type PLOVER coders give the event: announced or offered cooperation is AGREE, announced
    force THREATEN, refused cooperation REJECT; otherwise the event's own type."""
    if modality in ("planned", "proposed", "hypothetical"):
        if event_type in lexicon.cooperative:
            return "AGREE"
        if event_type in lexicon.hostile:
            return "THREATEN"
    if modality == "negated" and event_type in lexicon.cooperative:
        return "REJECT"
    return event_type


def _figure_at(analysis: Analysis, start: int, end: int) -> int | None:
    for index, figure in enumerate(analysis.record.figures):
        if figure.start < end and start < figure.end:
            return index
    return None


def _holder(token: Token) -> Token | None:
    """Who holds the people of one side: the agent of "held by X" in its phrase (its conjuncts left out)."""
    other_sides = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
    for child in token.subtree:
        if child.i in other_sides:
            continue
        if child.dep_ == "acl" and child.lemma_.lower() in ("hold", "detain", "keep", "capture", "kidnap"):
            for prep in child.children:
                if prep.dep_ == "agent":
                    objects = [g for g in prep.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


def exchange_sides(analysis: Analysis, noun: Token) -> list[dict[str, Any]]:
    """The sides of an exchange ("between 240 ... held by Israel and 105 ... held by Hamas"), with counts."""
    sides: list[dict[str, Any]] = []
    heads = [c for c in noun.children if c.dep_ == "appos"]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "of", "for", "involving"):
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
    for head in heads:
        for side in with_conjuncts(head):
            phrase = phrase_span(analysis, side)
            figure = _figure_at(analysis, phrase.start, phrase.end)
            numbers = [c for c in side.children if c.dep_ == "nummod"]
            holder = _holder(side)
            sides.append({
                "text": phrase.text, "start": phrase.start, "end": phrase.end,
                "count": analysis.record.figures[figure].lower if figure is not None else None,
                "count_text": numbers[0].text if numbers else None,
                "figure": figure,
                "held_by": entity_id_for(analysis, holder) if holder is not None else None,
                "held_by_text": holder.text if holder is not None else None,
            })
    return sides


def truce_interval(times: list[TimeExpr], value: str | None) -> dict[str, str] | None:
    """The days a truce covers, from the interval its date names."""
    if not value:
        return None
    for time in times:
        if time.value == value and time.interval_start and time.interval_end:
            return {"start": time.interval_start, "end": time.interval_end}
    if "/" in value:
        start, end = value.split("/", 1)
        return {"start": start, "end": end}
    return None


def borrow_actors(events: list[Event], sentence_gap: int = 1) -> None:
    """A truce or exchange whose clause names no party takes the parties of an adjacent agreement-like event."""
    for event in events:
        if event.actors or event.type not in ("CONCEDE", "AGREE", "CONSULT"):
            continue
        nearby = [
            other for other in events
            if other is not event and other.actors and abs(other.sentence - event.sentence) <= sentence_gap
            and other.type in ("CONCEDE", "AGREE") and other.details.get("kind") in ("exchange", "truce")
        ]
        if nearby:
            nearest = min(nearby, key=lambda other: abs(other.sentence - event.sentence))
            event.actors = list(nearest.actors)
            event.details["actors_from"] = f"event in sentence {nearest.sentence}"

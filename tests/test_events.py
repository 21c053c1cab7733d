"""Behaviour tests of the events extractor, on short sentences with hand-built entities, times and figures
(so they do not depend on the other extractors), plus one check against the seed article's gold."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.analyse import events
from dateline.analyse.base import Analysis
from dateline.analyse.event_compound import plover_coding
from dateline.analyse.event_lexicon import NO_EVENT, PLOVER_TYPES, load_lexicon, plover_types_for_cameo
from dateline.analyse.event_triggers import (
    noun_candidate,
    obligation_candidate,
    possible_triggers,
    verb_candidate,
)
from dateline.record import Article, Entity, Event, Figure, Mention, Record, Span, TimeExpr

ITEM = {"sentence": 0, "extractor": "test", "extractor_version": "0"}


def _entity(text: str, name: str, kind: str, entity_id: str) -> Entity:
    start = 0
    mentions: list[Mention] = []
    while (start := text.find(name, start)) >= 0:
        mentions.append(Mention(start=start, end=start + len(name), text=name, **ITEM))
        start += len(name)
    assert mentions, name
    first = mentions[0]
    return Entity(start=first.start, end=first.end, text=name, id=entity_id, name=name, type=kind,
                  mentions=mentions, **ITEM)


def _analyse(nlp: Any, text: str, entities: dict[str, str] | None = None,
             times: dict[str, str] | None = None, figures: dict[str, int] | None = None) -> list[Event]:
    """Run the events extractor alone over a text with the given entities (name → type), times
    (text → TIMEX3 value) and figures (phrase → count)."""
    analysis = Analysis(Article(id="t", text=text, published="2023-12-20"), nlp(text))
    for index, (name, kind) in enumerate((entities or {}).items()):
        analysis.record.entities.append(_entity(text, name, kind, name.lower().replace(" ", "_") or str(index)))
    for phrase, value in (times or {}).items():
        start = text.index(phrase)
        kind = "INTERVAL" if "/" in value else "DATE"
        bounds = value.split("/") if "/" in value else [value, value]
        analysis.record.times.append(TimeExpr(start=start, end=start + len(phrase), text=phrase, type=kind, value=value,
                                              interval_start=bounds[0], interval_end=bounds[1], **ITEM))
    for phrase, count in (figures or {}).items():
        start = text.index(phrase)
        number = str(count)
        at = text.index(number, start)
        analysis.record.figures.append(Figure(start=start, end=start + len(phrase), text=phrase,
                                              number=Span(at, at + len(number), number), lower=count, upper=count,
                                              **ITEM))
    events.extract(analysis)
    return analysis.record.events


def test_events_lexicon_types_follow_the_cameo_table() -> None:
    lexicon = load_lexicon()
    for table in (lexicon.verbs, lexicon.nouns):
        for lemma, senses in table.items():
            for sense in senses:
                if sense.type == NO_EVENT:
                    continue
                assert sense.type in PLOVER_TYPES, lemma
                assert sense.type in plover_types_for_cameo(sense.cameo), (lemma, sense.cameo, sense.type)


def test_events_meeting_frame_gives_both_parties_place_and_date(nlp: Any) -> None:
    text = "In a meeting with Egyptian President Abdel Fattah al-Sisi in Cairo on Monday, Antony Blinken said the border must stay open."
    found = _analyse(nlp, text, {"Abdel Fattah al-Sisi": "PERSON", "Cairo": "GPE", "Antony Blinken": "PERSON"},
                     {"Monday": "2023-12-18"})
    consult = [e for e in found if e.type == "CONSULT"]
    assert len(consult) == 1
    event = consult[0]
    assert set(event.actors) == {"antony_blinken", "abdel_fattah_al-sisi"}
    assert event.place == "cairo"
    assert event.date == "2023-12-18" and event.details["date_from"] == "clause"
    assert event.trigger.text == "meeting"
    assert text[event.start : event.end] == event.text
    assert event.extractor == "events" and 0 < event.confidence <= 1


def test_events_planned_talks_keep_source_and_modality(nlp: Any) -> None:
    text = "A source close to the government told Reuters that Blinken will travel to Amman on Tuesday to hold talks."
    found = _analyse(nlp, text, {"Blinken": "PERSON", "Amman": "GPE", "Reuters": "ORG"}, {"Tuesday": "2023-12-19"})
    assert [e.type for e in found] == ["CONSULT"]
    event = found[0]
    assert event.modality == "planned"
    assert event.actors == ["blinken"]
    assert event.date == "2023-12-19"
    assert event.source is not None and "source close to the government" in event.source.text
    assert event.details["plover_type"] == "AGREE"


def test_events_exchange_records_both_sides_and_counts(nlp: Any) -> None:
    text = "The truce saw an exchange between 50 hostages held by Hamas and 150 prisoners held by Israel."
    found = _analyse(nlp, text, {"Hamas": "ORG", "Israel": "GPE"},
                     figures={"50 hostages": 50, "150 prisoners": 150})
    exchange = [e for e in found if e.details.get("kind") == "exchange"]
    assert len(exchange) == 1
    event = exchange[0]
    assert event.type == "CONCEDE"
    sides = event.details["sides"]
    assert [(s["count"], s["held_by"]) for s in sides] == [(50, "hamas"), (150, "israel")]
    assert set(event.actors) == {"hamas", "israel"}
    assert event.figures == [0, 1]


def test_events_truce_records_its_interval(nlp: Any) -> None:
    text = "A ceasefire took effect in Gaza from 24 to 30 November."
    found = _analyse(nlp, text, {"Gaza": "GPE"}, {"from 24 to 30 November": "2023-11-24/2023-11-30"})
    assert len(found) == 1
    event = found[0]
    assert event.type == "CONCEDE" and event.place == "gaza"
    assert event.date == "2023-11-24/2023-11-30"
    assert event.details["interval"] == {"start": "2023-11-24", "end": "2023-11-30"}


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("Russia did not attack Kyiv.", "ASSAULT", "negated"),
        ("Iran will send aid to Syria.", "AID", "planned"),
        ("Turkey is ready to negotiate with Sweden.", "CONSULT", "proposed"),
        ("Police arrested 12 protesters in Paris.", "COERCE", "asserted"),
        ("The minister condemned the raid.", "ACCUSE", "asserted"),
        ("The army fired rockets at the town.", "ASSAULT", "asserted"),
    ],
)
def test_events_modality(nlp: Any, text: str, kind: str, modality: str) -> None:
    found = _analyse(nlp, text)
    assert [(e.type, e.modality) for e in found] == [(kind, modality)]


def test_events_complements_and_conditions_fold_into_one_event(nlp: Any) -> None:
    found = _analyse(nlp, "Iran threatened to attack Iraq unless Baghdad accepted its conditions.")
    assert [e.type for e in found] == ["THREATEN"]
    assert found[0].details["content"][0]["type"] == "ASSAULT"
    assert found[0].details["conditions"][0]["type"] == "CONCEDE"


@pytest.mark.parametrize("text", ["The company met its targets last year.", "The club fired its coach on Monday."])
def test_events_non_event_senses_stop_the_trigger(nlp: Any, text: str) -> None:
    assert _analyse(nlp, text) == []


def test_events_background_clauses_are_not_coded(nlp: Any) -> None:
    found = _analyse(nlp, "The rebels, who captured the town last year, agreed to a ceasefire.")
    assert [e.type for e in found] == ["AGREE"]


def test_events_figures_of_the_clause_attach(nlp: Any) -> None:
    found = _analyse(nlp, "Israeli strikes killed 20 people in Rafah on Monday.", {"Rafah": "GPE"},
                     {"Monday": "2023-12-18"}, {"20 people": 20})
    assert len(found) == 1
    assert found[0].type == "ASSAULT" and found[0].figures == [0]
    assert found[0].place == "rafah"


def test_events_request_names_its_target(nlp: Any) -> None:
    found = _analyse(nlp, "The Foreign Minister urged Washington to stop the sales.", {"Washington": "GPE"})
    assert [(e.type, e.targets) for e in found] == [("REQUEST", ["washington"])]


def test_events_plover_coding_of_intentions() -> None:
    lexicon = load_lexicon()
    assert plover_coding("AID", "planned", lexicon) == "AGREE"
    assert plover_coding("ASSAULT", "planned", lexicon) == "THREATEN"
    assert plover_coding("CONSULT", "negated", lexicon) == "REJECT"
    assert plover_coding("ACCUSE", "asserted", lexicon) == "ACCUSE"


PARTIES = ["Israel", "Hamas", "Russia", "Ukraine", "India", "Pakistan", "Armenia", "Azerbaijan"]
TEMPLATES = [
    ("{a} launched an attack on {b} on Monday.", "ASSAULT"),
    ("{a} accused {b} of violating the truce.", "ACCUSE"),
    ("{a} and {b} agreed to a ceasefire.", "AGREE"),
    ("{a} released 30 prisoners held by {b}.", "RETREAT"),
    ("{a} imposed a blockade on {b}.", "COERCE"),
]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PARTIES), st.sampled_from(PARTIES), st.sampled_from(TEMPLATES))
def test_events_same_rules_for_every_party(nlp: Any, a: str, b: str, template: tuple[str, str]) -> None:
    if a == b:
        return
    text = template[0].format(a=a, b=b)
    found = _analyse(nlp, text, {a: "GPE", b: "GPE"})
    assert [e.type for e in found] == [template[1]]
    assert a.lower() in found[0].actors


def _gold_ids(record: Record, gold_ids: list[str], gold: dict[str, Any]) -> set[str]:
    names = {g["id"]: {g["name"], *g["mentions"]} for g in gold["entities"]}
    found: set[str] = set()
    for entity in record.entities:
        texts = {entity.name, *(m.text for m in entity.mentions)}
        found.update(gid for gid in gold_ids if texts & names[gid])
    return found


def _overlaps(a: str, b: str) -> bool:
    a1, a2 = [*a.split("/"), a][:2]
    b1, b2 = [*b.split("/"), b][:2]
    return a1[:10] <= b2[:10] and b1[:10] <= a2[:10]


def test_events_seed_article_required_recall(seed_record: Record, seed_gold: dict[str, Any]) -> None:
    required = [g for g in seed_gold["events"] if g.get("required", True)]
    found = 0
    for gold in required:
        for event in seed_record.events:
            actors = {e.id for e in seed_record.entities if e.id in event.actors}
            matched_actors = _gold_ids(
                Record(article=seed_record.article, entities=[e for e in seed_record.entities if e.id in actors]),
                gold["actors"], seed_gold)
            date_ok = not gold.get("date") or (event.date is not None and _overlaps(event.date, gold["date"]))
            if event.type == gold["type"] and matched_actors and date_ok:
                found += 1
                break
    assert found / len(required) >= 0.85
    for event in seed_record.events:
        assert seed_record.article.text[event.start : event.end] == event.text
        assert seed_record.article.text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_events_possible_triggers_keep_every_token_a_rule_accepts(nlp: Any, seed_article: Article) -> None:
    lexicon = load_lexicon()
    text = seed_article.text + " Peace talks resumed. Israeli shelling continued. He said Hamas must free them."
    doc = nlp(text)
    accepted = [t.i for t in doc if verb_candidate(t, lexicon) or noun_candidate(t, lexicon) or obligation_candidate(t, lexicon)]
    possible = possible_triggers(doc, lexicon)
    assert accepted and set(accepted) <= set(possible)
    assert possible == sorted(possible) and len(possible) < len(doc) / 3  # most words are never tried

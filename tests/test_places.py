"""Behaviour tests of the places extractor on hand-built entities (no dependence on the entities extractor)."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.analyse import places
from dateline.analyse.base import Analysis
from dateline.analyse.place_gazetteer import collection_paused, load_gazetteer, normalise_place_name
from dateline.record import Article, Entity, Mention


def _entity(entity_id: str, name: str, kind: str = "GPE", text: str = "") -> Entity:
    mention = Mention(start=0, end=len(name), text=name, sentence=0, extractor="test", extractor_version="0")
    return Entity(start=0, end=len(name), text=name, sentence=0, extractor="test", extractor_version="0",
                  id=entity_id, name=name, type=kind, mentions=[mention])


def _analyse(nlp: Any, entities: list[Entity], text: str = "Placeholder text.") -> Analysis:
    analysis = Analysis(Article(id="t", text=text, published="2023-12-20"), nlp(text))
    analysis.record.entities = entities
    places.extract(analysis)
    return analysis


def test_places_city_country_and_coordinates(nlp: Any) -> None:
    doha = _entity("doha", "Doha")
    qatar = _entity("qatar", "Qatar")
    _analyse(nlp, [doha, qatar])
    assert doha.place is not None and qatar.place is not None
    assert doha.place["geonameid"] == 290030
    assert doha.place["country_code"] == "QA"
    assert doha.place["feature_class"] == "P" and doha.place["feature_code"] == "PPLC"
    assert abs(doha.place["latitude"] - 25.285) < 0.01
    assert qatar.place["feature_code"] == "PCLI" and qatar.place["country_code"] == "QA"
    assert qatar.place["coordinates_of"] == "capital"


@pytest.mark.parametrize(
    ("context", "expected"),
    [("Lebanon", "LB"), ("Libya", "LY")],
)
def test_places_ambiguous_name_resolved_by_other_places(nlp: Any, context: str, expected: str) -> None:
    tripoli = _entity("tripoli", "Tripoli")
    _analyse(nlp, [tripoli, _entity("ctx", context)])
    assert tripoli.place is not None
    assert tripoli.place["country_code"] == expected
    assert tripoli.place["candidates"] >= 2
    assert tripoli.place["resolved_by"] == "article context"


def test_places_georgia_follows_context(nlp: Any) -> None:
    georgia_us = _entity("georgia", "Georgia")
    _analyse(nlp, [georgia_us, _entity("atlanta", "Atlanta"), _entity("ohio", "Ohio")])
    assert georgia_us.place is not None and georgia_us.place["country_code"] == "US"
    georgia_ge = _entity("georgia", "Georgia")
    _analyse(nlp, [georgia_ge, _entity("tbilisi", "Tbilisi")])
    assert georgia_ge.place is not None and georgia_ge.place["country_code"] == "GE"


def test_places_aliases_and_regions(nlp: Any) -> None:
    britain = _entity("uk", "Britain")
    strip = _entity("gaza", "Gaza Strip")
    usa = _entity("usa", "the United States")
    _analyse(nlp, [britain, strip, usa])
    assert britain.place is not None and britain.place["country_code"] == "GB"
    assert strip.place is not None and strip.place["country_code"] == "PS"
    assert strip.place["feature_code"] == "RGN"
    assert usa.place is not None and usa.place["country_code"] == "US"


def test_places_capital_preferred_for_washington(nlp: Any) -> None:
    washington = _entity("usa", "Washington")
    _analyse(nlp, [washington])
    assert washington.place is not None
    assert washington.place["geonameid"] == 4140963


def test_places_unknown_names_and_other_types_left_alone(nlp: Any) -> None:
    nowhere = _entity("x", "Qwertyville Heights")
    person = _entity("p", "Paris", kind="PERSON")
    _analyse(nlp, [nowhere, person])
    assert nowhere.place is None
    assert person.place is None


def test_places_falls_back_on_mentions(nlp: Any) -> None:
    entity = _entity("israel", "the Zionist entity")
    entity.mentions.append(Mention(start=0, end=6, text="Israel", sentence=0, extractor="t", extractor_version="0"))
    _analyse(nlp, [entity])
    assert entity.place is not None and entity.place["country_code"] == "IL"


@given(st.text(max_size=40))
def test_places_normalise_is_idempotent(name: str) -> None:
    once = normalise_place_name(name)
    assert normalise_place_name(once) == once or once.startswith(("the ", "The "))


@given(st.sampled_from(["Doha", "Qatar", "Egypt", "Gaza Strip", "Tripoli", "Israel", "Iran"]),
       st.sampled_from(["", "the ", "The "]), st.sampled_from(["", "’s", "'s"]))
def test_places_lookup_ignores_article_and_possessive(name: str, prefix: str, suffix: str) -> None:
    gazetteer = load_gazetteer()
    plain = [p["geonameid"] for p in gazetteer.candidates(name)]
    decorated = [p["geonameid"] for p in gazetteer.candidates(prefix + name + suffix)]
    assert plain and plain == decorated


def test_places_collection_pause_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a collector paused by the caller stays paused
    finally:
        gc.enable()



@pytest.mark.parametrize(
    ("name", "key"),
    [("the United States’", "united states"), ("  The  Gaza   Strip ", "gaza strip"), ("Qatar's", "qatar"),
     ("the The Hague", "hague"), ("Kiribati’", "kiribati"), ("Ελλάδα", "ελλάδα"), ("Straße", "strasse")],
)
def test_places_normalise_examples(name: str, key: str) -> None:
    assert normalise_place_name(name) == key

"""The places extractor: geocode every GPE, LOC and FAC entity offline, resolving ambiguous names
by the countries of the article's other places.

Writes ``Entity.place`` (a dict; keys in docs/places.md). Entities whose names are in no
gazetteer keep ``place = None``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.place_gazetteer import Gazetteer, Place, load_gazetteer
from dateline.record import Entity

NAME = "places"
VERSION = "0.1.0"

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_KIND_PRIOR = {"PCLI": 3.0, "RGN": 2.5, "CONT": 2.5, "PPLC": 2.0, "ADM1": 1.5}
_CONTEXT_WEIGHT = 4.0


def place_names(entity: Entity) -> list[str]:
    """The names to look an entity up by: its canonical name first, then its name-like mentions."""
    names = [entity.name]
    names.extend(m.text for m in entity.mentions if m.kind in ("name", "alias"))
    return list(dict.fromkeys(n for n in names if n.strip()))


def entity_candidates(entity: Entity, gazetteer: Gazetteer) -> tuple[str, list[Place]]:
    """The first of the entity's names that the gazetteer knows, with all the places it can denote."""
    for name in place_names(entity):
        found = gazetteer.candidates(name)
        if found:
            return name, found
    return "", []


def candidate_score(place: Place, context: Counter[str]) -> float:
    """Prefer places in the countries the article's other places are in, then bigger kinds and towns."""
    prior = _KIND_PRIOR.get(str(place.get("feature_code")), 1.0)
    population = place.get("population") or 0
    size = math.log10(population + 1) / 10.0
    agreement = context.get(str(place.get("country_code")), 0)
    return _CONTEXT_WEIGHT * agreement + prior + size


def context_countries(resolved: Sequence[Place]) -> Counter[str]:
    """How many of the unambiguous places fall in each country."""
    return Counter(str(p["country_code"]) for p in resolved if p.get("country_code"))


def resolve_places(entities: Sequence[Entity], gazetteer: Gazetteer) -> dict[str, Place]:
    """Entity id → chosen place: each ambiguous name is settled by the countries of the article's other
    places (their best reading taken alone), then by kind (country, region, capital) and size."""
    lookups = {e.id: entity_candidates(e, gazetteer) for e in entities if e.type in PLACE_TYPES}
    empty: Counter[str] = Counter()
    provisional = {
        entity_id: max(found, key=lambda p: candidate_score(p, empty))
        for entity_id, (_, found) in lookups.items()
        if found
    }
    chosen: dict[str, Place] = {}
    for entity_id, (name, found) in lookups.items():
        if len(found) == 1:
            chosen[entity_id] = _annotate(found[0], name, 1, "only candidate")
        elif found:
            others = [place for other, place in provisional.items() if other != entity_id]
            context = context_countries(others)
            best = max(found, key=lambda p: candidate_score(p, context))
            why = "article context" if context.get(str(best.get("country_code")), 0) else "kind and size"
            chosen[entity_id] = _annotate(best, name, len(found), why)
    return chosen


def _annotate(place: Place, matched: str, count: int, why: str) -> Place:
    annotated = dict(place)
    annotated.update(matched_name=matched, candidates=count, resolved_by=why)
    return annotated


def extract(analysis: Analysis) -> None:
    """Set ``Entity.place`` on every GPE, LOC and FAC entity the gazetteer knows."""
    entities = analysis.record.entities
    if not any(e.type in PLACE_TYPES for e in entities):
        return
    chosen = resolve_places(entities, load_gazetteer())
    for entity in entities:
        if entity.id in chosen:
            entity.place = chosen[entity.id]


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=('entities',), writes=("places",), run=extract)

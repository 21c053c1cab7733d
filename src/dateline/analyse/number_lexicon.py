"""The number layer's word lists, loaded once from ``data/number_lexicon.json``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.data import load_json


@dataclass(frozen=True)
class VagueQuantity:
    """A vague quantity word ("dozens") with its bounds under each convention."""

    phrase: tuple[str, ...]
    gold: tuple[int, int]
    cqe: tuple[int, int]
    acled: int


@dataclass(frozen=True)
class Qualifier:
    """A qualifier phrase ("at least") and how it bounds the number after it."""

    phrase: tuple[str, ...]
    bound: str
    change: str


@dataclass(frozen=True)
class NumberLexicon:
    """Every word list the number scanner uses (see docs/figures.md for sources)."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    scale_abbreviations: dict[str, int]
    vague: tuple[VagueQuantity, ...]
    qualifiers: tuple[Qualifier, ...]
    change_up: frozenset[str]
    change_down: frozenset[str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    cent_words: frozenset[str]
    percent_words: tuple[tuple[str, ...], ...]
    duration_units: frozenset[str]
    measure_units: frozenset[str]
    months: frozenset[str]
    clock_words: frozenset[str]
    not_identifier_before: frozenset[str]
    identifier_before: frozenset[str]
    fractions: dict[str, int]
    particle_verbs: frozenset[str]
    change_up_after_by: frozenset[str]
    qualifiers_by_first: dict[str, tuple[Qualifier, ...]]
    vague_by_first: dict[str, tuple[VagueQuantity, ...]]
    prefix_qualifiers: dict[str, Qualifier]
    street_words: frozenset[str]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Split a lexicon phrase into the tokens the scanner produces ("approx." → approx, .)."""
    from dateline.analyse.numbers import tokenize

    return tuple(token.text.lower() for token in tokenize(phrase))


@lru_cache(maxsize=1)
def load_lexicon() -> NumberLexicon:
    """Load the lexicon from the package data (cached)."""
    raw: dict[str, Any] = load_json("number_lexicon.json")
    vague = tuple(
        VagueQuantity(phrase_tokens(key), tuple(v["gold"]), tuple(v["cqe"]), int(v["acled"]))
        for key, v in raw["vague"].items()
    )
    qualifiers = tuple(
        Qualifier(phrase_tokens(key), v["bound"], v["change"]) for key, v in raw["qualifiers"].items()
    )
    sorted_vague = tuple(sorted(vague, key=lambda v: -len(v.phrase)))
    sorted_qualifiers = tuple(sorted(qualifiers, key=lambda q: -len(q.phrase)))
    return NumberLexicon(
        units=raw["units"],
        tens=raw["tens"],
        scales=raw["scales"],
        scale_abbreviations=raw["scale_abbreviations"],
        vague=sorted_vague,
        qualifiers=sorted_qualifiers,
        change_up=frozenset(raw["change_up"]),
        change_down=frozenset(raw["change_down"]),
        currency_symbols=raw["currency_symbols"],
        currency_words=raw["currency_words"],
        cent_words=frozenset(raw["cent_words"]),
        percent_words=tuple(sorted((phrase_tokens(p) for p in raw["percent_words"]), key=lambda p: -len(p))),
        duration_units=frozenset(raw["duration_units"]),
        measure_units=frozenset(raw["measure_units"]),
        months=frozenset(raw["months"]),
        clock_words=frozenset(raw["clock_words"]),
        not_identifier_before=frozenset(raw["not_identifier_before"]),
        identifier_before=frozenset(raw["identifier_before"]),
        fractions=raw["fractions"],
        particle_verbs=frozenset(raw["change_verbs_particle_before"]),
        change_up_after_by=frozenset(raw["change_after_by"]),
        qualifiers_by_first={w: tuple(q for q in sorted_qualifiers if q.phrase[0] == w) for w in {q.phrase[0] for q in qualifiers}},
        vague_by_first={w: tuple(v for v in sorted_vague if v.phrase[0] == w) for w in {v.phrase[0] for v in vague}},
        prefix_qualifiers={k: Qualifier((k, "-"), v["bound"], v["change"]) for k, v in raw["prefix_qualifiers"].items()},
        street_words=frozenset(raw["street_words"]),
    )

"""The figures extractor's word lists, loaded once from ``data/figure_categories.json``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.data import load_json


@dataclass(frozen=True)
class FigureLexicon:
    """Words that give a count its category, its source and its modality (sources in docs/figures.md)."""

    verbs: dict[str, str]
    adjectives: dict[str, str]
    nouns: dict[str, str]
    event_nouns: dict[str, str]
    post_modifier_skip: frozenset[str]
    attribution_verbs: frozenset[str]
    proposal_words: frozenset[str]
    planning_words: frozenset[str]
    period_starts: tuple[str, ...]
    part_markers: frozenset[str]
    captive_nouns: frozenset[str]
    partitive_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_figure_lexicon() -> FigureLexicon:
    """Load the figures lexicon from the package data (cached)."""
    raw: dict[str, Any] = load_json("figure_categories.json")
    return FigureLexicon(
        verbs={k: v for k, v in raw["verbs"].items() if v},
        adjectives=raw["adjectives"],
        nouns=raw["nouns"],
        event_nouns=raw["event_nouns"],
        post_modifier_skip=frozenset(raw["post_modifier_skip"]),
        attribution_verbs=frozenset(raw["attribution_verbs"]),
        proposal_words=frozenset(raw["proposal_words"]),
        planning_words=frozenset(raw["planning_words"]),
        period_starts=tuple(raw["period_starts"]),
        part_markers=frozenset(raw["part_markers"]),
        captive_nouns=frozenset(raw["captive_nouns"]),
        partitive_nouns=frozenset(raw["partitive_nouns"]),
    )

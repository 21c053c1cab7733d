"""What the flag rules share: their word lists (``data/flag_rules.json``) and how a flag is built."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.analyse.base import Analysis
from dateline.data import load_json
from dateline.record import Flag, Span

NAME = "flags"
VERSION = "1.0.0"


@lru_cache(maxsize=1)
def flag_rules() -> dict[str, Any]:
    """The word lists of ``data/flag_rules.json`` (read once)."""
    data: dict[str, Any] = load_json("flag_rules.json")
    return data


def make_flag(
    analysis: Analysis,
    kind: str,
    main: Span,
    why: str,
    *,
    spans: list[Span] | None = None,
    entities: list[str] | None = None,
    figures: list[int] | None = None,
    confidence: float = 0.8,
) -> Flag:
    """A flag whose item span is ``main``; ``spans`` lists ``main`` first, then the others."""
    others = [span for span in spans or [] if span != main]
    return Flag(
        start=main.start,
        end=main.end,
        text=main.text,
        sentence=analysis.sentence_index(main.start),
        extractor=NAME,
        extractor_version=VERSION,
        confidence=confidence,
        kind=kind,
        spans=[main, *others],
        entities=list(entities or []),
        figures=list(figures or []),
        why=why,
    )

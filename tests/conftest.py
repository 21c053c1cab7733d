"""Shared fixtures: the pipeline, the example article and its analysis (loaded once per worker)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.analyse.pipeline import analyse_article
from dateline.ingest import read_dateline_text
from dateline.nlp import load_pipeline
from dateline.record import Article, Quote, Record

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "corpus" / "seed" / "2023-12-20-haniyeh-doha.txt"
SEED_GOLD = SHARED / "gold" / "seed" / "2023-12-20-haniyeh-doha.gold.json"


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_pipeline()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return read_dateline_text(SEED_ARTICLE)


@pytest.fixture(scope="session")
def seed_record(seed_article: Article, nlp: Any) -> Record:
    return analyse_article(seed_article, nlp)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def analyse_text(text: str, published: str = "2023-12-20") -> Record:
    """Analyse a short text (for behaviour tests of one extractor)."""
    return analyse_article(Article(id="test", text=text, published=published), load_pipeline())


def quotes_of(text: str) -> list[Quote]:
    """The quotes found in a short text, after checking every item's offsets."""
    record = analyse_text(text)
    for quote in record.quotes:
        assert record.article.text[quote.start : quote.end] == quote.text
        assert quote.speaker is not None or quote.speaker_note
    return record.quotes


def by_cue(text: str, cue: str) -> Quote:
    """The one quote of a short text whose cue is ``cue``."""
    found = [quote for quote in quotes_of(text) if quote.cue is not None and quote.cue.text == cue]
    assert len(found) == 1, [(q.cue.text if q.cue else None, q.text) for q in quotes_of(text)]
    return found[0]

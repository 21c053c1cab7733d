"""Neutrality: sentences whose parties are swapped must give mirrored structures (same rules for every side).

Each pair in ``tests/data/mirrored_pairs.json`` is analysed twice; every string of both records has its party
words replaced by placeholders (``<0>``, ``<1>`` …, mirrored between the two sentences), and framing sides by
their position in the conflict, swapped for the second sentence. The two signatures must then be equal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.analyse.framing_lexicon import load_lexicon
from dateline.analyse.pipeline import analyse_articles
from dateline.record import Article, Record

PAIRS_FILE = Path(__file__).resolve().parent / "data" / "mirrored_pairs.json"
PAIRS: list[dict[str, Any]] = json.loads(PAIRS_FILE.read_text(encoding="utf-8"))["pairs"]


def placeholder(words: list[str]) -> Callable[[str | None], str | None]:
    """Replace each word (whole words, longest first) by ``<its index>``."""
    order = sorted(range(len(words)), key=lambda i: -len(words[i]))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(words[i]) for i in order) + r")(?![\w-])")
    index = {}
    for i, word in enumerate(words):
        index.setdefault(word, i)

    def replace(text: str | None) -> str | None:
        return None if text is None else pattern.sub(lambda m: f"<{index[m.group()]}>", text)

    return replace


def signature(record: Record, words: list[str], conflict: str, mirrored: bool) -> dict[str, Any]:
    """What the record says, with party words and sides made position-neutral.

    Entities are compared by the words the sentence uses (their first mention), not by canonical names:
    official names differ between parties ('Israel Defense Forces', 'Armed Forces of Ukraine')."""
    ph = placeholder(words)
    sides = load_lexicon().conflicts[conflict]["sides"]

    def side(value: str | None) -> str | None:
        if value not in sides:
            return value
        position = sides.index(value)
        return f"side{1 - position if mirrored else position}"

    def name(entity_id: str) -> str | None:
        entity = record.entity(entity_id)
        return ph(entity.text if entity else entity_id)

    return {
        "entities": sorted((ph(e.text), e.type) for e in record.entities),
        "quotes": sorted(
            (q.kind, ph(q.speaker.text) if q.speaker else "", ph(q.text)) for q in record.quotes
        ),
        "figures": sorted(
            (ph(f.text), f.category, f.lower, f.upper, f.approx, f.modality, ph(f.subject) or "",
             ph(f.source.text) if f.source else "")
            for f in record.figures
        ),
        "events": sorted(
            (e.type, e.modality, ph(e.trigger.text), sorted(map(str, map(name, e.actors))),
             sorted(map(str, map(name, e.targets))))
            for e in record.events
        ),
        "flags": sorted(f.kind for f in record.flags),
        "framing": sorted((ph(f.text), side(f.side), f.voice) for f in record.framing),
    }


@pytest.fixture(scope="module")
def records(nlp: Any) -> dict[str, Record]:
    """Every sentence of the suite analysed once, keyed by its text."""
    texts = sorted({text for pair in PAIRS for text in (pair["a"], pair["b"])})
    articles = [Article(id=f"pair-{i}", text=text, published="2023-12-20") for i, text in enumerate(texts)]
    return {record.article.text: record for record in analyse_articles(articles, nlp)}


def test_neutrality_suite_has_at_least_50_pairs_over_several_conflicts() -> None:
    assert len(PAIRS) >= 50
    assert len({pair["conflict"] for pair in PAIRS}) >= 3
    for pair in PAIRS:
        assert pair["a"] != pair["b"]
        mapping = dict(pair["swap"])
        words = sorted(mapping, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])")
        assert pattern.sub(lambda m, swap=mapping: swap[m.group()], pair["a"]) == pair["b"], pair["id"]


@pytest.mark.parametrize("pair", PAIRS, ids=[pair["id"] for pair in PAIRS])
def test_neutrality_mirrored_pair_gives_mirrored_structures(pair: dict[str, Any], records: dict[str, Record]) -> None:
    words_a = [a for a, _ in pair["swap"]]
    words_b = [b for _, b in pair["swap"]]
    left = signature(records[pair["a"]], words_a, pair["conflict"], mirrored=False)
    right = signature(records[pair["b"]], words_b, pair["conflict"], mirrored=True)
    for part in left:
        assert left[part] == right[part], f"{part} differ:\n  a: {pair['a']}\n  b: {pair['b']}"

"""The memoising attribute ruler and lemmatizer give exactly the original components' output."""

from __future__ import annotations

import json
from itertools import islice

from conftest import SEED_ARTICLE, SHARED
from dateline.ingest import read_dateline_text
from dateline.nlp import load_pipeline


def _texts() -> list[str]:
    texts = [read_dateline_text(SEED_ARTICLE).text]
    for corpus in ("polnear/polnear.jsonl", "bbc/bbc.jsonl", "reuters21578/reuters21578.jsonl"):
        with (SHARED / "corpus" / corpus).open(encoding="utf-8") as handle:
            records = (json.loads(line) for line in handle)
            texts.extend(islice((r["text"] for r in records if r.get("text")), 6))
    texts.append("Y'all ain't gonna get nothin' done, he said, and he got it.")
    return texts


def test_nlp_fast_components_match_the_originals_token_for_token() -> None:
    original, fast = load_pipeline(fast=False), load_pipeline()
    assert type(fast.get_pipe("lemmatizer")).__name__ == "FastLemmatizer"
    assert type(fast.get_pipe("attribute_ruler")).__name__ == "FastAttributeRuler"
    compared = 0
    for text in _texts():
        for a, b in zip(original(text), fast(text), strict=True):
            assert (a.pos_, str(a.morph), a.lemma_, a.tag_, a.dep_) == (b.pos_, str(b.morph), b.lemma_, b.tag_, b.dep_), a.text
            compared += 1
    assert compared > 5000

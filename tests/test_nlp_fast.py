"""The memoising attribute ruler and lemmatizer, and numpy's matrix products, give exactly the original
pipeline's output."""

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
            assert (a.head.i, a.ent_iob_, a.ent_type_, a.is_sent_start) == (b.head.i, b.ent_iob_, b.ent_type_, b.is_sent_start), a.text
            compared += 1
    assert compared > 5000


def test_nlp_fast_matrix_products_use_numpy_on_one_blas_thread() -> None:
    from threadpoolctl import threadpool_info

    fast = load_pipeline()
    ops = {type(node.ops).__name__ + str(getattr(node.ops, "use_blis", None)) for node in fast.get_pipe("ner").model.walk()}
    assert ops == {"NumpyOpsFalse"}
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")

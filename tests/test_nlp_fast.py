"""The memoising attribute ruler and lemmatizer, numpy's matrix products, the prediction-only
maxout layers and the memoised token embeddings give exactly the original pipeline's output."""

from __future__ import annotations

import json
from itertools import islice

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_nlp_pipeline_lemmatises_regular_verbs_of_the_pinned_spacy_correctly() -> None:
    # spaCy 3.8.18 (which also ran its entity recogniser a third slower) gave "hop" for "hoped";
    # the events and quote extractors read lemmas, so the pinned version must give "hope".
    doc = load_pipeline()("Officials hoped the talks would leave room for a truce; they hated delays.")
    lemmas = {token.text: token.lemma_ for token in doc}
    assert (lemmas["hoped"], lemmas["leave"], lemmas["hated"]) == ("hope", "leave", "hate")


def test_nlp_fast_matrix_products_use_numpy_on_one_blas_thread() -> None:
    from threadpoolctl import threadpool_info

    fast = load_pipeline()
    ops = {type(node.ops).__name__ + str(getattr(node.ops, "use_blis", None)) for node in fast.get_pipe("ner").model.walk()}
    assert ops == {"NumpyOpsFalse"}
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_nlp_memoised_embeddings_equal_the_shipped_stage_bit_for_bit() -> None:
    from dateline.nlp_embed_cache import _is_embedding_stage

    fast = load_pipeline.__wrapped__()  # a fresh memo, not the one other tests filled
    stages = [node for name in ("tok2vec", "ner") for node in fast.get_pipe(name).model.walk() if _is_embedding_stage(node)]
    assert len(stages) == 2
    docs = [fast.make_doc(text) for text in _texts()]
    for stage in stages:
        extract, _, embed, mix, _ = stage.layers
        stage.predict([fast.make_doc("said, he said")])  # a batch of a few rows the texts hold too
        for _ in range(2):  # a memo holding few rows, then a warm one
            memoised = stage.predict(docs)
            for doc, vectors in zip(docs, memoised, strict=True):
                shipped = mix.predict(embed.predict(extract.predict([doc])[0]))
                assert vectors.shape == (len(doc), 96)
                assert numpy.array_equal(vectors, shipped)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), min_size=3, max_size=3), min_size=1, max_size=40),
       st.integers(1, 12))
def test_embedding_memo_returns_each_rows_vector_and_stays_bounded(rows: list[list[int]], cap: int) -> None:
    from dateline.nlp_embed_cache import EmbeddingMemo

    def compute(features: numpy.ndarray) -> numpy.ndarray:
        return numpy.stack([features.sum(axis=1), features[:, 0] * 10.0]).T.astype("float32")

    memo = EmbeddingMemo(compute, max_rows=cap)
    features = numpy.array(rows, dtype="uint64")
    for half in (features[: len(features) // 2 + 1], features, features[::-1]):
        assert numpy.array_equal(memo.lookup(half), compute(half))
        assert len(memo.positions) <= max(cap, len(numpy.unique(half, axis=0)))


@settings(max_examples=25, deadline=None)
@given(rows=st.integers(1, 40), pieces=st.integers(2, 4), seed=st.integers(0, 2**16))
def test_fast_maxout_predicts_what_the_shipped_layer_predicts(rows: int, pieces: int, seed: int) -> None:
    from thinc.api import Maxout

    from dateline.nlp_maxout import MARK, _replace_forward

    inputs = numpy.random.default_rng(seed).normal(size=(rows, 7)).astype("float32")
    layer = Maxout(nO=5, nI=7, nP=pieces)
    layer.initialize()
    shipped = layer.predict(inputs)
    _replace_forward(layer)
    assert layer.attrs[MARK]
    assert numpy.array_equal(layer.predict(inputs), shipped)
    trained, backprop = layer.begin_update(inputs)  # training keeps the shipped layer and its gradient
    assert numpy.array_equal(trained, shipped) and backprop(trained).shape == inputs.shape


def test_fast_maxout_replaces_every_maxout_layer_of_the_pipeline_once() -> None:
    from dateline.nlp_maxout import MARK, fast_maxout

    nlp = load_pipeline()
    layers = [node for _, component in nlp.pipeline if hasattr(getattr(component, "model", None), "walk")
              for node in component.model.walk() if node.name == "maxout"]
    assert layers and all(node.attrs.get(MARK) for node in layers)
    functions = [node._func for node in layers]
    fast_maxout(nlp)
    assert [node._func for node in layers] == functions

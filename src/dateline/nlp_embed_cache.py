"""Token embeddings computed once per distinct token, not once per occurrence.

Both token-to-vector networks of the small English model (the one the tagger and parser share,
and the entity recogniser's own) begin with an embedding stage: hash embeddings of a token's
NORM, PREFIX, SUFFIX and SHAPE (and, in the shared one, SPACY and IS_SPACE), concatenated, then a
maxout layer with layer normalisation. Its output for a token depends on that token's feature
row alone, not on its neighbours, and news text repeats the same rows all the time ("the", ",",
"said", "Gaza"). :func:`cache_embeddings` memoises that stage per distinct feature row; the
contextual encoder that follows still runs on every token. New rows are computed by the model's
own layers, at least ``MIN_ROWS`` at a time: OpenBLAS multiplies a matrix of one to four rows
with another kernel whose sums round differently (by about 1e-7), so a lone new word is padded to
the batch shape a whole article gets. Every vector is then the one the shipped stage gives
(``tests/test_nlp_fast.py`` compares the vectors bit for bit, and every token's tag, parse and
entity).

The memo holds at most ``MAX_ROWS`` rows per network (96 floats each, about 77 MB at the cap; 5,000 news articles held about 100,000);
when a batch would pass it, the memo starts afresh, so memory stays bounded on any corpus.
Training (``is_train``) always runs the original stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import numpy

from dateline.nlp import model_layers

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Model

MAX_ROWS = 200_000
MIN_ROWS = 16  # a batch of new rows is padded to this many (see above)
EMBED_STAGE_PREFIX = "extract_features>>list2ragged>>"
EMBED_STAGE_SUFFIX = ">>ragged2list"


class EmbeddingMemo:
    """Vectors of the feature rows seen so far, kept in one growing array."""

    def __init__(self, compute: Callable[[numpy.ndarray], numpy.ndarray], max_rows: int = MAX_ROWS) -> None:
        self.compute = compute
        self.max_rows = max_rows
        self.positions: dict[bytes, int] = {}
        self.vectors = numpy.empty((0, 0), dtype="float32")

    def lookup(self, features: numpy.ndarray) -> numpy.ndarray:
        """The embedding of every row of ``features`` (tokens × feature columns, uint64)."""
        rows = numpy.ascontiguousarray(features)
        row_bytes = numpy.dtype((numpy.void, rows.shape[1] * rows.itemsize))
        keys = cast("list[bytes]", rows.view(row_bytes).ravel().tolist())
        if len(self.positions) + len(keys) > self.max_rows:
            self.positions.clear()
        positions = self.positions
        known = len(positions)
        new_rows: list[int] = []
        where = numpy.empty(len(keys), dtype=numpy.intp)
        for i, key in enumerate(keys):
            position = positions.get(key)
            if position is None:
                position = positions[key] = known + len(new_rows)
                new_rows.append(i)
            where[i] = position
        if new_rows:
            self._append(known, self.compute(rows[new_rows]))
        return self.vectors[where]

    def _append(self, known: int, vectors: numpy.ndarray) -> None:
        if known == 0 or self.vectors.shape[1] != vectors.shape[1]:
            self.vectors = numpy.empty((max(self.max_rows // 8, len(vectors)), vectors.shape[1]), dtype=vectors.dtype)
        needed = known + len(vectors)
        if needed > len(self.vectors):
            size = max(needed, min(2 * len(self.vectors), self.max_rows))
            grown = numpy.empty((size, vectors.shape[1]), dtype=self.vectors.dtype)
            grown[:known] = self.vectors[:known]
            self.vectors = grown
        self.vectors[known:needed] = vectors


def cache_embeddings(nlp: Language) -> Language:
    """Memoise the embedding stage of every token-to-vector network in the pipeline."""
    for node in list(model_layers(nlp)):
        if _is_embedding_stage(node):
            _memoise(node)
    return nlp


def _is_embedding_stage(node: Model[Any, Any]) -> bool:
    names = [layer.name for layer in node.layers]
    return (node.name.startswith(EMBED_STAGE_PREFIX) and node.name.endswith(EMBED_STAGE_SUFFIX)
            and len(names) == 5 and names[0] == "extract_features" and names[3].startswith("with_array(maxout"))


def _memoise(stage: Model[Any, Any]) -> None:
    extract, _, embed, mix, _ = stage.layers
    embed_rows, mix_rows = embed.layers[0], mix.layers[0]
    def compute(rows: numpy.ndarray) -> numpy.ndarray:
        count = len(rows)
        if count < MIN_ROWS:
            rows = numpy.concatenate([rows, numpy.repeat(rows[:1], MIN_ROWS - count, axis=0)])
        return mix_rows.predict(embed_rows.predict(rows))[:count]

    memo = EmbeddingMemo(compute)
    shipped_forward = stage._func

    def forward(model: Model[Any, Any], docs: Any, is_train: bool) -> Any:
        if is_train:
            return shipped_forward(model, docs, is_train)
        features = extract.predict(docs)
        if not features:
            return [], _no_backprop
        vectors = memo.lookup(numpy.concatenate(features))
        bounds = numpy.cumsum([len(rows) for rows in features])[:-1]
        return numpy.split(vectors, bounds), _no_backprop

    stage._func = forward


def _no_backprop(gradient: Any) -> Any:
    raise NotImplementedError("memoised embeddings are for prediction only")

"""Noun chunks without a Token per word: spaCy's English noun-chunk rules run on the Doc's arrays.

``doc.noun_chunks`` builds a Token for every word (and its left edge) and a Span for every chunk;
the definite-description stage needs only the few chunks opening with "the". :func:`noun_chunk_bounds`
finds the same chunks as spaCy's ``spacy/lang/en/syntax_iterators.py`` (a test compares them on
real articles), creating Tokens only for the nouns that can head a chunk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

NP_LABELS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def noun_chunk_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of ``doc.noun_chunks``, in order."""
    import numpy
    from spacy.attrs import DEP, HEAD, POS
    from spacy.symbols import NOUN, PRON, PROPN

    if not doc.has_annotation("DEP"):
        return [(chunk.start, chunk.end) for chunk in doc.noun_chunks]  # raises spaCy's own error
    np_deps = {doc.vocab.strings.add(label) for label in NP_LABELS}
    conj = doc.vocab.strings.add("conj")
    columns = doc.to_array([POS, DEP, HEAD])
    deps = columns[:, 1].tolist()
    heads = (numpy.arange(len(doc)) + columns[:, 2].astype(numpy.int64)).tolist()  # HEAD is relative
    pos = columns[:, 0]
    nominal = (pos == NOUN) | (pos == PROPN) | (pos == PRON)
    bounds: list[tuple[int, int]] = []
    prev_end = -1
    for i in nominal.nonzero()[0].tolist():
        # Words that head no noun phrase never change prev_end, so their left edge need not be known.
        if deps[i] not in np_deps and not _coordinated_to_np(i, deps, heads, np_deps, conj):
            continue
        left = doc[i].left_edge.i
        if left > prev_end:  # no nested chunks
            prev_end = i
            bounds.append((left, i + 1))
    return bounds


def _coordinated_to_np(i: int, deps: list[int], heads: list[int], np_deps: set[int], conj: int) -> bool:
    """A conjunct whose first conjunct (followed leftwards) heads a noun phrase."""
    if deps[i] != conj:
        return False
    head = heads[i]
    while deps[head] == conj and heads[head] < head:
        head = heads[head]
    return deps[head] in np_deps

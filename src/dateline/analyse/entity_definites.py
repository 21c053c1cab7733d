"""Definite descriptions used alone ("the top Iranian diplomat", "the resistance movement"),
resolved to an entity named elsewhere in the article."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.analyse.base import coverage_mask
from dateline.analyse.entity_chunks import noun_chunk_bounds
from dateline.analyse.entity_clusters import Cluster, Description
from dateline.analyse.entity_mentions import doc_text
from dateline.analyse.entity_roles import noun_phrase, role_key
from dateline.analyse.entity_tables import RoleLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CATAPHORA_SENTENCES = 2


class _Index:
    """Per cluster: the sorted ends of its mentions and descriptions and the words of its descriptions'
    role keys; per role key, the clusters described by it. Kept up to date by :meth:`add`."""

    def __init__(self, clusters: list[Cluster], text: str) -> None:
        self.text = text
        self.ends = {id(c): sorted([m.end for m in c.members] + [d.end for d in c.descriptions]) for c in clusters}
        self.words: dict[int, set[str]] = {id(c): set() for c in clusters}
        self.holders: dict[str, set[int]] = {}  # role key -> ids of the clusters with a description of that key
        for cluster in clusters:
            for description in cluster.descriptions:
                self._remember_key(cluster, description)

    def _remember_key(self, cluster: Cluster, description: Description) -> None:
        key = role_key(self.text[description.start : description.end])
        self.words[id(cluster)].update(key.split())
        self.holders.setdefault(key, set()).add(id(cluster))

    def last_before(self, cluster: Cluster, position: int) -> int | None:
        """The last end of a mention or description of ``cluster`` at or before ``position``."""
        ends = self.ends[id(cluster)]
        index = bisect.bisect_right(ends, position)
        return ends[index - 1] if index else None

    def add(self, cluster: Cluster, description: Description) -> None:
        """Attach ``description`` to ``cluster``."""
        cluster.descriptions.append(description)
        bisect.insort(self.ends[id(cluster)], description.end)
        self._remember_key(cluster, description)


def _most_recent(
    index: _Index, clusters: list[Cluster], position: int, accept: Callable[[Cluster], bool] | None = None
) -> Cluster | None:
    """The cluster (that ``accept`` accepts, if given) mentioned last before ``position``; the first on ties."""
    best: tuple[int, Cluster] | None = None
    for cluster in clusters:
        last = index.last_before(cluster, position)
        if last is not None and (best is None or last > best[0]) and (accept is None or accept(cluster)):
            best = (last, cluster)
    return best[1] if best else None


@dataclass(frozen=True)
class _Article:
    """The parsed article with its text and sentences computed once (spaCy recomputes them per call)."""

    doc: Doc
    text: str
    sentences: list[Span]
    starts: list[int]
    index: _Index
    types: dict[int, str]  # cluster types by id: attaching descriptions does not change them
    people: list[Cluster]
    organisations: list[Cluster]

    def sentence_of(self, token: Token) -> int:
        """Index of the sentence holding ``token``."""
        return bisect.bisect_right(self.starts, token.i) - 1


def _subject_of_same_verb(article: _Article, phrase_root: Token, clusters: list[Cluster]) -> Cluster | None:
    """Cataphora in a lede: the first person named later as subject of the same verb ("X said")."""
    if phrase_root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    doc = article.doc
    verb = phrase_root.head.lemma_
    index = article.sentence_of(phrase_root)
    sentence = article.sentences[index]
    limit = article.sentences[min(index + CATAPHORA_SENTENCES, len(article.sentences) - 1)].end_char
    people = [(m.start, c) for c in clusters if article.types[id(c)] == "PERSON" for m in c.members if m.kind == "name"]
    for start, cluster in sorted(people, key=lambda p: p[0]):
        if sentence.end_char <= start < limit:
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            token = span.root if span is not None else None
            while token is not None and token.dep_ == "compound":
                token = token.head
            if token is not None and token.dep_ == "nsubj" and token.head.lemma_ == verb:
                return cluster
    return None


def _resolve(article: _Article, chunk: Span, phrase: tuple[int, int], clusters: list[Cluster], lexicon: RoleLexicon) -> Cluster | None:
    text = article.text
    index = article.index
    root = chunk.root
    lemma = root.lemma_.lower()
    key = role_key(text[phrase[0] : phrase[1]])
    start = phrase[0]
    holders = index.holders.get(key)
    if holders:
        found = _most_recent(index, [c for c in clusters if id(c) in holders], start)
        if found:
            return found
    if lemma in lexicon.person_role_nouns:
        nationalities = {t.lower_ for t in chunk if t.ent_type_ == "NORP"}
        people = article.people
        words = index.words
        found = _most_recent(index, people, start, lambda c: lemma in words[id(c)] and nationalities <= words[id(c)])
        found = found or (nationalities and _most_recent(index, people, start, lambda c: bool(nationalities & words[id(c)]))) or None
        return found or _subject_of_same_verb(article, root, clusters)
    if any(child.dep_ == "prep" for child in root.rights) or any(t.ent_type_ for t in chunk):
        return None
    sentence_start = article.sentences[article.sentence_of(root)].start_char
    if lemma in lexicon.organisation_head_nouns:
        found = _most_recent(index, article.organisations, start)
        return found if found and (index.last_before(found, start) or 0) >= sentence_start else None
    if root.text in lexicon.generic_place_name_words:
        return _most_recent(
            index, clusters, start, lambda c: article.types[id(c)] in ("GPE", "LOC") and c.name(text).endswith(" " + root.text)
        )
    return None


def _chunks_opening_with_the(doc: Doc) -> list[Span]:
    """The noun chunks whose first word is 'the' (any case), in order."""
    from spacy.attrs import LOWER

    lowers = doc.to_array(LOWER)
    the = doc.vocab.strings["the"]
    return [doc[start:end] for start, end in noun_chunk_bounds(doc) if lowers[start] == the]


def attach_definite_descriptions(doc: Doc, clusters: list[Cluster], lexicon: RoleLexicon) -> None:
    """Attach each definite role, organisation or place description to the entity it refers to."""
    sentences = list(doc.sents)
    text = doc_text(doc)
    types = {id(c): c.type() for c in clusters}
    article = _Article(
        doc, text, sentences, [s.start for s in sentences], _Index(clusters, text), types,
        people=[c for c in clusters if types[id(c)] == "PERSON"],
        organisations=[c for c in clusters if types[id(c)] == "ORG"],
    )
    named = coverage_mask(len(text), ((m.start, m.end) for c in clusters for m in c.members))
    taken = [(d.start, d.end) for c in clusters for d in c.descriptions]
    for chunk in _chunks_opening_with_the(doc):
        root = chunk.root
        proper = root.pos_ == "PROPN" and root.text not in lexicon.generic_place_name_words
        if (proper and root.lower_ not in lexicon.person_role_nouns) or named[root.idx]:
            continue
        phrase = noun_phrase(doc, root, len(doc))
        if phrase is None:
            continue
        phrase = (chunk.start_char, phrase[1])
        if any(s < phrase[1] and phrase[0] < e for s, e in taken):
            continue
        target = _resolve(article, chunk, phrase, clusters, lexicon)
        if target is not None:
            article.index.add(target, Description(phrase[0], phrase[1], 0.6))
            taken.append(phrase)

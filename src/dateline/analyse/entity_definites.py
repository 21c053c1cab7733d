"""Definite descriptions used alone ("the top Iranian diplomat", "the resistance movement"),
resolved to an entity named elsewhere in the article."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.analyse.entity_clusters import Cluster, Description
from dateline.analyse.entity_mentions import doc_text
from dateline.analyse.entity_roles import noun_phrase, role_key
from dateline.analyse.entity_tables import RoleLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CATAPHORA_SENTENCES = 2


class _Ends:
    """Per cluster, the sorted ends of its mentions and descriptions, kept up to date by :meth:`add`."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.ends = {id(c): sorted([m.end for m in c.members] + [d.end for d in c.descriptions]) for c in clusters}

    def last_before(self, cluster: Cluster, position: int) -> int | None:
        """The last end of a mention or description of ``cluster`` at or before ``position``."""
        ends = self.ends[id(cluster)]
        index = bisect.bisect_right(ends, position)
        return ends[index - 1] if index else None

    def add(self, cluster: Cluster, description: Description) -> None:
        """Attach ``description`` to ``cluster``."""
        cluster.descriptions.append(description)
        bisect.insort(self.ends[id(cluster)], description.end)


def _most_recent(ends: _Ends, clusters: list[Cluster], position: int, accept: Callable[[Cluster], bool]) -> Cluster | None:
    """The accepted cluster mentioned last before ``position`` (the first such on ties)."""
    best: tuple[int, Cluster] | None = None
    for cluster in clusters:
        last = ends.last_before(cluster, position)
        if last is not None and (best is None or last > best[0]) and accept(cluster):
            best = (last, cluster)
    return best[1] if best else None


def _description_words(cluster: Cluster, keys: Callable[[Description], str]) -> set[str]:
    return {w for d in cluster.descriptions for w in keys(d).split()}


@dataclass(frozen=True)
class _Article:
    """The parsed article with its text and sentences computed once (spaCy recomputes them per call)."""

    doc: Doc
    text: str
    sentences: list[Span]
    starts: list[int]
    ends: _Ends
    types: dict[int, str]  # cluster types by id: attaching descriptions does not change them
    role_keys: Callable[[Description], str]

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
    ends = article.ends
    keys = article.role_keys
    root = chunk.root
    lemma = root.lemma_.lower()
    key = role_key(text[phrase[0] : phrase[1]])
    start = phrase[0]
    found = _most_recent(ends, clusters, start, lambda c: any(keys(d) == key for d in c.descriptions))
    if found:
        return found
    if lemma in lexicon.person_role_nouns:
        nationalities = {t.lower_ for t in chunk if t.ent_type_ == "NORP"}
        people = [c for c in clusters if article.types[id(c)] == "PERSON"]
        found = _most_recent(ends, people, start, lambda c: lemma in _description_words(c, keys) and nationalities <= _description_words(c, keys))
        found = found or (nationalities and _most_recent(ends, people, start, lambda c: bool(nationalities & _description_words(c, keys)))) or None
        return found or _subject_of_same_verb(article, root, clusters)
    if any(child.dep_ == "prep" for child in root.rights) or any(t.ent_type_ for t in chunk):
        return None
    sentence_start = article.sentences[article.sentence_of(root)].start_char
    if lemma in lexicon.organisation_head_nouns:
        found = _most_recent(ends, [c for c in clusters if article.types[id(c)] == "ORG"], start, lambda c: True)
        return found if found and (ends.last_before(found, start) or 0) >= sentence_start else None
    if root.text in lexicon.generic_place_name_words:
        return _most_recent(
            ends, clusters, start, lambda c: article.types[id(c)] in ("GPE", "LOC") and c.name(text).endswith(" " + root.text)
        )
    return None


def attach_definite_descriptions(doc: Doc, clusters: list[Cluster], lexicon: RoleLexicon) -> None:
    """Attach each definite role, organisation or place description to the entity it refers to."""
    sentences = list(doc.sents)
    text = doc_text(doc)
    keys: dict[tuple[int, int], str] = {}

    def description_key(d: Description) -> str:
        found = keys.get((d.start, d.end))
        if found is None:
            found = keys[(d.start, d.end)] = role_key(text[d.start : d.end])
        return found

    types = {id(c): c.type() for c in clusters}
    article = _Article(doc, text, sentences, [s.start for s in sentences], _Ends(clusters), types, description_key)
    names = [(m.start, m.end) for c in clusters for m in c.members]
    taken = [(d.start, d.end) for c in clusters for d in c.descriptions]
    for chunk in doc.noun_chunks:
        root = chunk.root
        proper = root.pos_ == "PROPN" and root.text not in lexicon.generic_place_name_words
        if chunk[0].lower_ != "the" or (proper and root.lower_ not in lexicon.person_role_nouns):
            continue
        phrase = noun_phrase(doc, chunk.root, len(doc))
        if phrase is None:
            continue
        phrase = (chunk.start_char, phrase[1])
        root_at = chunk.root.idx
        if any(s < phrase[1] and phrase[0] < e for s, e in taken) or any(s <= root_at < e for s, e in names):
            continue
        target = _resolve(article, chunk, phrase, clusters, lexicon)
        if target is not None:
            article.ends.add(target, Description(phrase[0], phrase[1], 0.6))
            taken.append(phrase)

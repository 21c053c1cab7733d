"""Role descriptions: titles before names, appositions, and definite descriptions resolved in the article.

Each description stays attached to the entity the text gives it to, even when two people get the
same role; :func:`role_key` is how descriptions compare (see docs/entities.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.analyse.entity_clusters import Cluster, Description
from dateline.analyse.entity_gazetteer import is_place_name
from dateline.analyse.entity_mentions import Candidate, doc_text
from dateline.analyse.entity_tables import RoleLexicon, role_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ARTICLES = frozenset({"the", "a", "an"})
PHRASE_PREPOSITIONS = frozenset({"of", "for", "at", "to"})
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "prep", "pobj", "npadvmod", "punct", "cc", "conj"})
POSSESSIVE_ENDING = re.compile(r"['’]s\b")
KEY_WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=4096)
def role_key(text: str) -> str:
    """How descriptions compare: lower case, articles, possessive endings and punctuation dropped."""
    words = KEY_WORD.findall(POSSESSIVE_ENDING.sub("", text.casefold()))
    return " ".join(w for w in words if w not in ARTICLES)


def is_unique_role(text: str, lexicon: RoleLexicon | None = None) -> bool:
    """A description naming a post one person holds at a time: a unique-post noun with a qualifier
    ("Iranian Foreign Minister", "the head of the Hamas political bureau"; not "President", "an analyst")."""
    lexicon = lexicon or role_lexicon()
    if re.match(r"(?i)\s*(an?|former|ex-|late|then)\b", text):
        return False
    words = role_key(text).split()
    if len(words) < 2:
        return False
    joined = " " + " ".join(words) + " "
    return any(f" {noun} " in joined for noun in lexicon.unique_role_nouns)


def _is_role(tokens: list[Token], lexicon: RoleLexicon) -> bool:
    lowered = " ".join(t.lower_ for t in tokens)
    return any(t.lemma_.lower() in lexicon.person_role_nouns or t.lower_ in lexicon.person_role_nouns for t in tokens) or any(
        noun in lowered for noun in lexicon.person_role_nouns if " " in noun
    )


def _span_of(doc: Doc, candidate: Candidate) -> Span | None:
    return doc.char_span(candidate.start, candidate.end, alignment_mode="expand")


def title_before(doc: Doc, span: Span, lexicon: RoleLexicon) -> tuple[int, int] | None:
    """'Iranian Foreign Minister' in 'Iranian Foreign Minister Hossein Amir Abdollahian' (``span``: the name)."""
    head = span.root
    subtree: set[int] | None = None  # the head's subtree, collected only when a token before may be in it
    first = span.start
    while first > 0:
        token = doc[first - 1]
        if token.dep_ == "det" or token.dep_ not in TITLE_DEPS or token.text in lexicon.honorifics:
            break
        if subtree is None:
            subtree = {t.i for t in head.subtree}
        if token.i not in subtree:
            break
        first -= 1
    while first < span.start and (doc[first].is_punct or doc[first].dep_ in ("cc", "case")):
        first += 1
    tokens = list(doc[first : span.start])
    if not tokens or not _is_role(tokens, lexicon) or any(t.ent_type_ == "PERSON" for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def noun_phrase(doc: Doc, noun: Token, stop: int) -> tuple[int, int] | None:
    """The noun with its left modifiers and 'of' phrases, ending before token ``stop``."""
    start = noun.left_edge.i
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in PHRASE_PREPOSITIONS:
            end = max(end, child.right_edge.i + 1)
    comma = next((t.i for t in doc[noun.i : end] if t.text in (",", ";", "(", "—", "–")), end)
    end = min(end, stop, comma)
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def apposition(doc: Doc, span: Span, entity_type: str, lexicon: RoleLexicon) -> tuple[int, int] | None:
    """'the head of X, Name' or 'Name, the head of X': the role phrase beside the name (``span``), if its
    head noun is singular and fits the name's type (a person role, an organisation or a place noun)."""
    root = span.root
    comma_before = span.start > 0 and doc[span.start - 1].text in (",", "—", "–")
    if root.dep_ == "appos" and comma_before:
        noun = root.head
        while role_class(noun, lexicon) is None and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        already_apposed = noun.dep_ == "appos" and noun.head.i < noun.i
        if noun.i < span.start and not already_apposed and _describes(noun, entity_type, lexicon):
            return noun_phrase(doc, noun, span.start)
    for child in root.rights:
        if child.dep_ == "appos" and _describes(child, entity_type, lexicon):
            phrase = noun_phrase(doc, child, len(doc))
            if phrase and phrase[0] >= span.end_char:
                return phrase
    return None


def role_class(noun: Token, lexicon: RoleLexicon) -> str | None:
    """PERSON, ORG or GPE for a noun heading a role, organisation or place description."""
    words = {noun.lemma_.lower(), noun.lower_}
    if words & lexicon.person_role_nouns:
        return "PERSON"
    if noun.pos_ != "NOUN":
        return None
    if words & lexicon.organisation_head_nouns:
        return "ORG"
    if words & lexicon.place_head_nouns:
        return "GPE"
    return None


def _describes(noun: Token, entity_type: str, lexicon: RoleLexicon) -> bool:
    if noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ in ("NNS", "NNPS"):
        return False
    kind = role_class(noun, lexicon)
    if kind == "PERSON":
        return entity_type in ("PERSON", "ORG", "NORP", "GPE")
    return kind is not None and (kind == entity_type or (kind == "GPE" and entity_type == "LOC"))


def describes_person(doc: Doc, start: int, end: int, lexicon: RoleLexicon) -> bool:
    """True when the phrase is headed by a person role noun ("spokesman for X", "Foreign Minister")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and role_class(span.root, lexicon) == "PERSON"


def attach_titles_and_appositions(doc: Doc, clusters: list[Cluster], lexicon: RoleLexicon) -> None:
    """Give each named entity the titles before its names and the role phrases apposed to them."""
    text = doc_text(doc)
    titles: list[tuple[int, int]] = []
    for cluster in clusters:
        cluster_type = cluster.type()
        for member in cluster.members:
            if member.kind != "name":
                continue
            span = _span_of(doc, member)
            if span is None:
                continue
            title = title_before(doc, span, lexicon) if cluster_type == "PERSON" else None
            if title:
                cluster.descriptions.append(Description(*title, 0.9))
                titles.append(title)
            apposed = apposition(doc, span, member.type, lexicon)
            place = cluster_type in ("GPE", "LOC") and is_place_name(text[member.start : member.end])
            if apposed and place and describes_person(doc, *apposed, lexicon):
                continue
            if apposed:
                cluster.descriptions.append(Description(*apposed, 0.85))
                if cluster.canonical is None and cluster_type in ("ORG", "GPE", "NORP") and describes_person(doc, *apposed, lexicon):
                    for other in cluster.members:
                        other.type = "PERSON"
                    cluster_type = cluster.type()
    for cluster in clusters:
        if not cluster.canonical and cluster.type() != "PERSON":
            cluster.members = [m for m in cluster.members if not any(s <= m.start and m.end <= e for s, e in titles)]

"""Speakers: from the subject of a cue to an attribution (entity, pronoun antecedent or source words)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.analyse.base import coverage_mask
from dateline.analyse.entity_mentions import doc_ents, span_ents
from dateline.analyse.quote_cues import is_channel, pronoun_class
from dateline.analyse.quote_marks import find_quoted
from dateline.data import load_json
from dateline.record import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "dep")
DROPPED_CHILD_DEPS = ("relcl", "punct", "cc", "advcl", "acl")
PERSON_TYPES = ("PERSON",)
GROUP_TYPES = ("ORG", "GPE", "NORP")
AFFILIATION_LABELS = ("NORP", "GPE", "ORG")


def _left_subject(verb: Token) -> Token | None:
    """A noun phrase right before a verb the parser left without a subject ("as a source close to X told")."""
    doc = verb.doc
    index = verb.i - 1
    while index >= 0 and doc[index].dep_ in ("aux", "neg", "advmod") and doc[index].pos_ != "PUNCT":
        index -= 1
    if index < 0 or doc[index].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    best = current = doc[index]
    while current.head.i < verb.i and current.head is not current:
        head = current.head
        if head.pos_ in ("NOUN", "PROPN"):
            best = head
        elif not (head.pos_ in ("ADP", "ADJ") and head.dep_ in ("prep", "amod")):
            break
        current = head
    if best.dep_ in ("dobj", "dative", "attr", "oprd", "appos") or _is_number(best):
        return None
    return best


def _is_number(token: Token) -> bool:
    """A bare number cannot speak: "149 confirmed orders" is a count, not a speaker."""
    return token.pos_ == "NUM" or token.like_num


def subject_of(verb: Token, paragraph: tuple[int, int] | None = None) -> Token | None:
    """The subject of a cue verb, climbing from participles and conjoined verbs to their head (and
    from a preposition's participle to the verb it hangs on: "replied by saying …")."""
    own = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if not own and verb.tag_ in ("VBD", "VBZ", "VBP"):
        left = _left_subject(verb)
        if left is not None and (paragraph is None or left.idx >= paragraph[0]):
            return left
    current = verb
    for _ in range(4):
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS and not _is_number(child)]
        if paragraph is not None:
            subjects = [s for s in subjects if paragraph[0] <= s.idx < paragraph[1]]
        if subjects:
            return min(subjects, key=lambda s: abs(s.i - current.i))
        verb_preposition = current.dep_ == "prep" and current.head.pos_ in ("VERB", "AUX")  # "began by saying"
        if (current.dep_ not in CLIMB_DEPS and not verb_preposition) or current.head is current:
            return None
        current = current.head
    return None


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token range ``[first, last]`` of the noun phrase headed by ``head`` (relative clauses dropped)."""
    first, last = head.i, head.i
    for child in head.children:
        if child.dep_ in DROPPED_CHILD_DEPS:
            continue
        first = min(first, child.left_edge.i)
        last = max(last, child.right_edge.i)
    doc = head.doc
    while last > head.i and (doc[last].is_punct or doc[last].dep_ in ("cc", "relcl")):
        last -= 1
    # Keep the closing bracket of an aside the phrase opened ("Jane Ortiz (D-Ore.)").
    opened = sum(1 for token in doc[first : last + 1] if token.text == "(") - sum(
        1 for token in doc[first : last + 1] if token.text == ")")
    if opened > 0 and last + 1 < len(doc) and doc[last + 1].text == ")":
        last += 1
    while first < head.i and doc[first].is_punct:
        first += 1
    # A noun phrase never runs across a line break (a dateline or heading above it is not part of it).
    for index in range(first, last):
        if "\n" in doc[index].text or "\n" in doc[index].whitespace_:
            if index < head.i:
                first = index + 1
            else:
                last = index if "\n" in doc[index].whitespace_ and not doc[index].is_space else index - 1
                break
    return first, last


def _span_of_tokens(analysis: Analysis, first: int, last: int) -> Span:
    doc = analysis.doc
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    return analysis.span(start, end)


def _name_tokens(head: Token) -> tuple[int, int]:
    """The head word with its compound name parts ("Isaac Herzog"); a common noun head ("the RNC
    chairman") keeps only itself, so the organisation it names becomes the affiliation."""
    first, last = head.i, head.i
    if head.pos_ != "PROPN":
        return first, last
    for child in head.children:
        if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN":
            first, last = min(first, child.i), max(last, child.i)
    return first, last


def _entity_type(analysis: Analysis, entity_id: str) -> str | None:
    entity = analysis.record.entity(entity_id)
    return entity.type if entity else None


def _recent_mention(
    analysis: Analysis, before: int, types: tuple[str, ...]
) -> tuple[Span, str | None] | None:
    """The last mention (entity mention, or spaCy name when no entity covers it) of ``types`` before
    ``before``, outside quotation marks (in “I love Larry,” he said. “But …” he is not Larry)."""
    best: tuple[Span, str | None] | None = None
    quoted = _quoted_mask(analysis.text)
    for entity in analysis.record.entities:
        if entity.type not in types:
            continue
        for mention in (*entity.mentions, *entity.descriptions):
            if mention.kind == "pronoun" or mention.end > before or quoted[mention.start]:
                continue
            if best is None or mention.start > best[0].start:
                best = (mention.span, entity.id)
    for ent in doc_ents(analysis.doc):
        if (
            ent.label_ in types
            and ent.end_char <= before
            and not quoted[ent.start_char]
            and (best is None or ent.start_char > best[0].start)
        ):
            covering = analysis.entity_at(ent.start_char, ent.end_char)
            best = (analysis.span(ent.start_char, ent.end_char), covering.id if covering else None)
    return best


@lru_cache(maxsize=4)
def _quoted_mask(text: str) -> bytearray:
    """1 for each character of ``text`` inside quotation marks."""
    return coverage_mask(len(text), [(q.open_mark, q.end) for q in find_quoted(text)])


def resolve_pronoun(analysis: Analysis, pronoun: Token, before: int | None = None) -> Attribution | None:
    """The most recent compatible mention before a pronoun subject (or before ``before``, the start
    of the quote it introduces), as an attribution."""
    kind = pronoun_class(pronoun.text)
    limit = pronoun.idx if before is None else min(before, pronoun.idx)
    if kind == "person":
        found = _recent_mention(analysis, limit, PERSON_TYPES)
    elif kind in ("group", "organisation"):
        found = _recent_mention(analysis, limit, GROUP_TYPES)
    else:
        return None
    if found is None:
        return None
    mention, entity_id = found
    source = analysis.span(pronoun.idx, pronoun.idx + len(pronoun.text))
    return Attribution(mention.text, entity_id, mention.start, mention.end, resolved_from=source)


def _affiliation(analysis: Analysis, phrase: DocSpan, head_range: tuple[int, int]) -> str | None:
    """The organisation, state or people a source phrase ties the source to ("close to Hamas")."""
    for token in phrase:
        if head_range[0] <= token.i <= head_range[1] or token.ent_type_ not in AFFILIATION_LABELS:
            continue
        entity = analysis.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None:
            return entity.id
    names = [ent for ent in span_ents(phrase) if ent.label_ in AFFILIATION_LABELS]
    return _demonym_owner(analysis, names[0].text) if names else None


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonym -> canonical key, from the entities extractor's alias table (data/aliases.json)."""
    raw = load_json("aliases.json")
    canonicals: dict[str, Any] = raw.get("canonicals", {})
    return {demonym: key for key, entry in canonicals.items() for demonym in entry.get("demonyms", [])}


def _demonym_owner(analysis: Analysis, words: str) -> str:
    """ "Israeli" -> the article's entity for Israel (or its canonical key); other words unchanged."""
    key = _demonyms().get(words)
    if key is None:
        return words
    entity = next((e for e in analysis.record.entities if key in (e.canonical, e.id)), None)
    return entity.id if entity else key


def attribution_for(analysis: Analysis, head: Token, quote_start: int | None = None) -> Attribution:
    """The attribution for the noun phrase headed by ``head`` (a cue's subject or an according-to
    object); a pronoun resolves to a mention before ``quote_start`` when the quote comes first."""
    if head.pos_ == "PRON" and pronoun_class(head.text) is not None:
        resolved = resolve_pronoun(analysis, head, quote_start)
        if resolved is not None:
            return resolved
    first, last = phrase_bounds(head)
    words = _span_of_tokens(analysis, first, last)
    name_first, name_last = _name_tokens(head)
    name = _span_of_tokens(analysis, name_first, name_last)
    entity = analysis.entity_at(name.start, name.end)
    phrase = analysis.doc[first : last + 1]
    affiliation = None if entity else _affiliation(analysis, phrase, (name_first, name_last))
    return Attribution(words.text, entity.id if entity else None, words.start, words.end, affiliation)


def listener_of(analysis: Analysis, verb: Token) -> tuple[str | None, str | None]:
    """The addressee and the channel of a cue: "told AFP" is a channel, "told reporters" an addressee."""
    for child in verb.children:
        target: Token | None = None
        if child.dep_ in ("dobj", "dative") and verb.lemma_ in ("tell", "inform", "brief", "assure", "warn"):
            target = child
        elif child.dep_ == "prep" and child.lower_ in ("to", "on", "with"):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "prep" and child.lower_ == "in":
            interview = next(
                (c for c in child.children if c.dep_ == "pobj" and c.lemma_ == "interview"), None
            )
            preposition = (
                next((c for c in interview.children if c.lower_ == "with"), None) if interview else None
            )
            target = (
                next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition else None
            )
        if target is None:
            continue
        first, last = phrase_bounds(target)
        words = _span_of_tokens(analysis, first, last).text
        entity = analysis.entity_at(target.idx, target.idx + len(target.text))
        named = entity.id if entity else words
        if is_channel(words):
            return None, named
        if child.dep_ in ("dobj", "dative"):
            return named, None
    return None, None

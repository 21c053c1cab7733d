"""What a count counts, read from the parse: the counted noun, the category from the governing
verb, noun or modifier, and the modality of the claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.analyse.figure_lexicon import FigureLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

NUMBER_LINKS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
CLIMB_THROUGH = frozenset({"prep", "agent"})
SUBJECT_PRONOUNS = frozenset({"others", "more", "them", "those"})


@dataclass
class Reading:
    """The parse reading of one count: the token standing for the counted things, their noun,
    the category and the word (verb, noun or adjective) that gave it."""

    nominal: Token
    subject: Token | None
    category: str
    governor: Token | None


def counted_noun(number: SpacySpan) -> tuple[Token, Token | None]:
    """The token standing for the counted things and the noun that names them ("19,667" →
    "Palestinians"; "hundreds of homes" → "hundreds", "homes"; "128 still being held" → "128", None)."""
    token = number[-1]
    while token.dep_ == "conj" and token.head.i < token.i and token.head.pos_ == "NUM":
        token = token.head
    if token.dep_ in NUMBER_LINKS and token.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and token.head.i > token.i:
        return token.head, token.head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return token, objects[0]
    return token, None


def categorise(nominal: Token, subject: Token | None, lexicon: FigureLexicon) -> tuple[str, Token | None]:
    """The category of a count and the token that gave it, by precedence: an event noun governing
    the phrase ("exchange of 240 prisoners"), a participle after it ("128 still being held"), the
    governing verb (with verbs coordinated before it), a copula's complement, a modifier, the noun."""
    event = _event_noun(nominal, lexicon)
    if event is not None:
        return event
    post = _post_modifier(subject or nominal, lexicon)
    if post is not None:
        return post
    verb = _governing_verb(nominal, lexicon)
    if verb is not None:
        found = _verb_category(verb, nominal, lexicon)
        if found is not None:
            return found
    for child in (subject or nominal).children:
        if child.dep_ in ("amod", "acl", "relcl") and child.lemma_.lower() in lexicon.adjectives:
            return lexicon.adjectives[child.lemma_.lower()], child
        if child.dep_ in ("amod", "acl", "relcl") and child.lemma_.lower() in lexicon.verbs:
            return lexicon.verbs[child.lemma_.lower()], child
    for noun in (subject, nominal):
        if noun is not None and noun.lemma_.lower() in lexicon.nouns:
            return lexicon.nouns[noun.lemma_.lower()], None
        if noun is not None and noun.lower_ in lexicon.nouns:
            return lexicon.nouns[noun.lower_], None
    return "other", None


def _event_noun(nominal: Token, lexicon: FigureLexicon) -> tuple[str, Token] | None:
    token = nominal
    for _ in range(8):
        head = token.head
        if head is token or _is_clause_verb(head):
            return None
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in lexicon.event_nouns:
            return lexicon.event_nouns[head.lemma_.lower()], head
        token = head
    return None


def _post_modifier(noun: Token, lexicon: FigureLexicon) -> tuple[str, Token] | None:
    doc = noun.doc
    for index in range(noun.i + 1, min(noun.i + 6, len(doc))):
        token = doc[index]
        lemma, lower = token.lemma_.lower(), token.lower_
        if lower in lexicon.post_modifier_skip or token.pos_ == "ADV":
            continue
        if lower in lexicon.captive_nouns and (index == noun.i + 1 or doc[index - 1].lower_ == "held"):
            return "held", token
        if token.tag_ in ("VBN", "VBD") and lemma in lexicon.verbs:
            return lexicon.verbs[lemma], token
        if token.pos_ == "ADJ" and lower in lexicon.adjectives:
            return lexicon.adjectives[lower], token
        return None
    return None


def _governing_verb(nominal: Token, lexicon: FigureLexicon) -> Token | None:
    """The verb whose argument the count is; None when the count only modifies another noun's
    argument ("released a video of three hostages"), partitives aside ("a group of hostages")."""
    token = nominal
    for _ in range(8):
        head = token.head
        if head is token:
            return head if _is_clause_verb(head) else None
        if _is_clause_verb(head):
            return head
        if head.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and head.lower_ not in lexicon.partitive_nouns:
            return None
        token = head
    return None


def _is_clause_verb(token: Token) -> bool:
    """A verb heading a clause (not a preposition-like participle such as "including")."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in CLIMB_THROUGH


def _verb_category(verb: Token, nominal: Token, lexicon: FigureLexicon) -> tuple[str, Token] | None:
    lemma = verb.lemma_.lower()
    if lemma == "be" or verb.pos_ == "AUX":
        for child in verb.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in lexicon.adjectives:
                return lexicon.adjectives[child.lower_], child
        return None
    if lemma not in lexicon.verbs:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in lexicon.event_nouns:
                return lexicon.event_nouns[child.lemma_.lower()], child
        return None
    categories = {lexicon.verbs[lemma]}
    partners = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    for partner in partners:
        has_object = any(c.dep_ in ("dobj", "obj") for c in partner.children)
        if partner.i < nominal.i and not has_object and partner.lemma_.lower() in lexicon.verbs:
            categories.add(lexicon.verbs[partner.lemma_.lower()])
    if categories == {"killed", "injured"}:
        return "killed_or_injured", verb
    return lexicon.verbs[lemma], verb


def modality(governor: Token | None, nominal: Token, lexicon: FigureLexicon) -> str:
    """asserted, proposed (negotiated, demanded, offered), planned (announced for the future) or negated."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in nominal.children):
        return "negated"
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return "asserted"
    verb = governor
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "to" in auxiliaries:
        start = min(verb.head.i, verb.i)
        context = {t.lemma_.lower() for t in verb.doc[start : verb.i]}
        if context & lexicon.planning_words - {"will", "shall"}:
            return "planned"
        if context & lexicon.proposal_words:
            return "proposed"
    if auxiliaries & {"will", "shall"}:
        return "planned"
    if auxiliaries & {"would", "could", "might"}:
        return "proposed"
    return "asserted"

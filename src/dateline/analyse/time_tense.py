"""The tense of the clause a temporal expression sits in, read from the spaCy parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "'d", "should", "may", "might", "must"})
PAST_AUX = frozenset({"did", "had", "was", "were", "has", "have", "'ve", "’ve", "could"})
PLAN_VERBS = frozenset({"expect", "schedule", "plan", "set", "due", "slate", "intend", "aim", "hope", "prepare"})


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token) -> str | None:
    """past, future or present for a verb from its tag and auxiliaries, or None if it has no tense."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_AUX or any(child.lower_ == "going" for child in auxiliaries):
        return "future"
    if verb.tag_ == "VB" and "to" in words:
        head = verb.head
        if head.i == verb.i or head.lemma_ in PLAN_VERBS or head.pos_ not in ("VERB", "AUX"):
            return "future"
        return verb_tense(head)
    if verb.tag_ == "VBD" or words & PAST_AUX:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return "past"
    return None


def tense_at(doc: Doc | None, start: int, end: int) -> str | None:
    """The tense governing the characters ``[start, end)`` of ``doc`` (None if there is no verb)."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    return verb_tense(verb) if verb is not None else None

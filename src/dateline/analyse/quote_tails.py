"""More writer's words at the edges of a reported clause: cut from the content.

At its end: a set-off comparison ("Most voters said they trust the mayor, compared with 33 percent
last month"), a set-off "as" clause with its auxiliary before the subject ("she said she will
vote for him, as have other Democrats", ", as was the case with …") and a refusal joined to the
clause ("said he had no plans to run and would not say why", "but declined to provide a list").
quote_bounds.trim_adjuncts cuts them. At its start: a concessive clause that opens a sentence a
final "X said" reports ("Though Ortiz has lived there for years, the newcomers have changed it,
she said" reports "the newcomers have changed it").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import is_set_off, own_subject
from dateline.analyse.quote_cues import SPEECH_KINDS, verb_cue

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

INVERTING_AUXILIARIES = ("have", "has", "had", "did", "do", "does")
BE_FORMS = ("was", "is", "were", "are")  # only in ", as was the case with …"; ", as is tradition" is the speaker's
REFUSALS = ("decline", "refuse")
REFUSING_AUXILIARIES = ("would", "did")  # "would not say": not "will not release the emails", a plan
DISCLOSING = (
    "say", "identify", "offer", "name", "comment", "elaborate", "provide", "discuss", "disclose", "answer",
    "list", "specify", "reveal", "confirm", "detail", "explain",
)  # fmt: skip
CONCESSIONS = ("though", "although", "while", "whereas")


def _comparison(token: Token) -> bool:
    """", compared with 33 percent last month": the writer sets the figure against another."""
    first = token.left_edge
    return first.lower_ == "compared" and first.i + 1 < len(first.doc) and first.nbor(1).lower_ in ("with", "to")


def _inverted_as(token: Token) -> bool:
    """", as have other prominent Democrats", ", as was the case with …": the writer compares."""
    first = token.left_edge
    if first.lower_ != "as" or first.i + 1 >= len(first.doc):
        return False
    following = first.nbor(1)
    if following.lower_ in BE_FORMS:
        return following.i + 2 < len(first.doc) and following.nbor(2).lower_ == "case"
    return following.lower_ in INVERTING_AUXILIARIES


def _refusal(token: Token) -> bool:
    """"… and would not identify any issue", "but declined to provide a list": a conjunct without a
    subject that reports the speaker declining to say more."""
    if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or own_subject(token) is not None:
        return False
    children = list(token.children)
    if token.lemma_ in REFUSALS:  # "refused to drop the gun" is what the speaker says happened
        return any(child.dep_ == "xcomp" and child.lemma_ in DISCLOSING for child in children)
    negated = any(child.dep_ == "neg" for child in children)
    refusing = any(child.dep_ == "aux" and child.lower_ in REFUSING_AUXILIARIES for child in children)
    return negated and refusing and token.lemma_ in DISCLOSING


def writer_tail(token: Token, start: int) -> bool:
    """True when the phrase ``token`` heads, at the end of a reported content from ``start``, is
    the writer's (see the module docstring)."""
    if verb_cue(token.head, SPEECH_KINDS) is not None and token.head.idx >= start:
        return False  # a phrase of a cue inside the content: "A, the group said, compared with B"
    if is_set_off(token) and (_comparison(token) or _inverted_as(token)):
        return True
    return _refusal(token)


def without_leading_concession(analysis: Analysis, start: int, end: int) -> int:
    """Where the words a sentence-final "X said" reports start once a concessive clause that opens
    them is left out ("Though Ortiz has lived there for years, the newcomers have changed it, she
    said" reports "the newcomers have changed it"); ``start`` when there is none."""
    tokens = analysis.tokens_starting_within(start, end)
    if len(tokens) < 4:
        return start
    first = tokens[0]
    if first.lower_ not in CONCESSIONS or first.dep_ != "mark" or first.head.dep_ != "advcl":
        return start
    clause_end = first.head.right_edge
    if clause_end.i + 2 >= tokens[-1].i or clause_end.nbor(1).text != ",":
        return start
    return clause_end.nbor(2).idx

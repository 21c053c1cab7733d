"""Speech nouns with a "that" clause: "Trump's claim that there were thousands of shootings".

The clause a speech noun of ``data/speech_cues.json`` introduces with "that" is reported speech,
also when the parser hung it on the verb after the noun's adjuncts ("his claim in November that …")
or when a copula stands between ("Lopez's most explosive claim is that …"); its speaker is the
noun's possessor ("Trump's claim") or a name before it ("a New York Times report"), the agent after
it ("a warning by the ministry", "a statement from Hamas"), the subject of the verb it is the object
of ("Hamas issued a statement that …", "He repeated his claim that …"; a possessive pronoun comes
first after a preposition: "critics attacked him over his claim that …") or of a relative clause
saying who made it ("the promise she has made is that …"). With none of these it is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_bounds import trim_adjuncts
from dateline.analyse.quote_candidates import Candidate, paragraph_of, trim, word_count
from dateline.analyse.quote_cues import SPEECH_KINDS, noun_cue, verb_cue
from dateline.analyse.quote_speakers import attribution_for, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

CLAUSE_DEPS = ("acl", "ccomp", "relcl", "appos")
AGENT_PREPOSITIONS = ("by", "from", "of")
MIN_WORDS = 3
NAMED_SPEAKERS = ("PERSON", "ORG", "NORP", "GPE")
MAX_ADJUNCT_TOKENS = 8  # words of the noun's adjuncts before a "that" the parser hung elsewhere
ADJUNCT_POS = ("ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV")  # "in November", "earlier this year"
MAKING_VERBS = ("make", "repeat", "issue", "offer", "give", "deliver")  # "the promise she has made"
INFINITIVE_STANCES = ("commissive", "directive", "warning")  # "a promise to …", "a demand to …", "a threat to …"


def _that_clause(noun: Token) -> Token | None:
    """The noun's complement clause opened by the conjunction "that" (not a relative "that"),
    wherever the parser hung it: on the noun, after the noun's adjuncts ("his claim in November
    that …", "her statement earlier this year that …") or after a copula ("her claim is that …")."""
    for child in noun.rights:
        if child.dep_ in CLAUSE_DEPS and _opens_with_that(child):
            return child
    that = _that_after_adjuncts(noun)
    if that is not None:
        return that.head
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        return next((c for c in noun.head.rights if c.dep_ == "ccomp" and _opens_with_that(c)), None)
    return None


def _that_after_adjuncts(noun: Token) -> Token | None:
    """A "that" opening a clause after the noun's adjuncts, which the parser hung on the verb
    ("his claim in November that …"): only prepositions, nouns and their modifiers lie between."""
    doc = noun.doc
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb_cue(governor) is not None:  # "claimed in an interview that …": the verb's clause
        return None
    for token in doc[noun.i + 1 : min(noun.i + 1 + MAX_ADJUNCT_TOKENS, len(doc))]:
        if token.lower_ == "that":
            clause = token.head
            if token.dep_ == "mark" and token.i > noun.i + 1 and clause.i > token.i and _opens_with_that(clause):
                return token
            return None
        if token.is_punct or token.pos_ not in ADJUNCT_POS:
            return None
    return None


def _opens_with_that(clause: Token) -> bool:
    """True for a verb heading a clause with a subject that opens with the conjunction "that"."""
    first = clause.left_edge
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children)
    return clause.pos_ in ("VERB", "AUX") and first.lower_ == "that" and first.dep_ == "mark" and has_subject


def _infinitive(noun: Token, stance: str) -> Token | None:
    """The infinitive a commissive, directive or warning speech noun reports ("her pledge to close
    the landfill", "its threat to walk out"), or None."""
    if stance not in INFINITIVE_STANCES:
        return None
    for child in noun.rights:
        first = child.left_edge
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX") and first.lower_ == "to":
            between = noun.doc[noun.i + 1 : first.i]  # "her pledge last month to …"
            if len(between) <= MAX_ADJUNCT_TOKENS and all(t.pos_ in ADJUNCT_POS and not t.is_punct for t in between):
                return child
    return None


def _speaker_head(noun: Token, paragraph: tuple[int, int]) -> Token | None:
    """The possessor, agent, (for an object noun) the verb's subject or the maker naming who spoke."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            return child
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ in NAMED_SPEAKERS:
            return child  # "a New York Times report that …", "Trump claims that …"
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPOSITIONS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return obj
    possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
    if noun.dep_ == "pobj" and possessive is not None:  # "critics attacked him over his claim that …"
        return possessive
    if noun.dep_ in ("dobj", "pobj"):
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        subject = subject_of(verb, paragraph) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return subject
    return possessive or _maker(noun)


def _maker(noun: Token) -> Token | None:
    """The subject of a relative clause that says who made the statement ("the promise she has
    made", "the claim the mayor repeated"), or None."""
    for child in noun.rights:
        if child.dep_ == "relcl" and child.lemma_ in MAKING_VERBS:
            return next((c for c in child.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")), None)
    return None


def noun_candidates(analysis: Analysis, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Reported clauses of speech nouns ("the claim that …") outside quotation marks."""
    found: list[Candidate] = []
    for token in analysis.tokens:
        cue = noun_cue(token, SPEECH_KINDS)
        if cue is None or any(s <= token.idx < e for s, e in quoted):
            continue
        clause = _that_clause(token)
        infinitive = None if clause is not None else _infinitive(token, cue.stance)
        reported = clause or infinitive
        if reported is None:
            continue
        paragraph = paragraph_of(analysis.text, token.idx)
        head = _speaker_head(token, paragraph)
        if head is None:
            continue
        first = reported.left_edge.i + (1 if clause is not None else 0)  # the "to" is the content's, the "that" not
        last = reported.right_edge
        start, end = trim(
            analysis.text, analysis.doc[first].idx, min(last.idx + len(last.text), paragraph[1])
        )
        if end > start and analysis.text[end - 1] == ".":
            end -= 1
        start, end = trim_adjuncts(analysis, start, end, phrasal=infinitive is not None)
        if word_count(analysis.text[start:end]) < MIN_WORDS:
            continue
        speaker = attribution_for(analysis, head, start)
        found.append(
            Candidate(start, end, "indirect", cue, speaker, 0.65, anchor=reported.idx, phrasal=infinitive is not None)
        )
    return found

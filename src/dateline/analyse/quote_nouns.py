"""Speech nouns with a "that" clause: "Trump's claim that there were thousands of shootings".

The clause a speech noun of ``data/speech_cues.json`` introduces with "that" is reported speech;
its speaker is the noun's possessor ("Trump's claim") or a name before it ("a New York Times report"), the agent after it ("a warning by the
ministry", "a statement from Hamas") or the subject of the verb it is the object of ("Hamas issued
a statement that …", "He repeated his claim that …"). With none of these it is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_bounds import trim_adjuncts
from dateline.analyse.quote_candidates import Candidate, paragraph_of, trim, word_count
from dateline.analyse.quote_cues import SPEECH_KINDS, noun_cue
from dateline.analyse.quote_speakers import attribution_for, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

CLAUSE_DEPS = ("acl", "ccomp", "relcl", "appos")
AGENT_PREPOSITIONS = ("by", "from", "of")
MIN_WORDS = 3
NAMED_SPEAKERS = ("PERSON", "ORG", "NORP", "GPE")
INFINITIVE_STANCES = ("commissive", "directive", "warning")  # "a promise to …", "a demand to …", "a threat to …"


def _that_clause(noun: Token) -> Token | None:
    """The noun's complement clause opened by the conjunction "that" (not a relative "that")."""
    for child in noun.rights:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in ("VERB", "AUX"):
            continue
        first = child.left_edge
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in child.children)
        if first.lower_ == "that" and first.dep_ == "mark" and has_subject:
            return child
    return None


def _infinitive(noun: Token, stance: str) -> Token | None:
    """The infinitive a commissive, directive or warning speech noun reports ("her pledge to close
    the landfill", "its threat to walk out"), or None."""
    if stance not in INFINITIVE_STANCES:
        return None
    for child in noun.rights:
        first = child.left_edge
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and first.i == noun.i + 1 and first.lower_ == "to":
            return child
    return None


def _speaker_head(noun: Token, paragraph: tuple[int, int]) -> Token | None:
    """The possessor, agent or (for an object noun) the verb's subject naming who spoke."""
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
    if noun.dep_ in ("dobj", "pobj"):
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        if verb.pos_ in ("VERB", "AUX"):
            return subject_of(verb, paragraph)
    possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
    return possessive


def noun_candidates(analysis: Analysis, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Reported clauses of speech nouns ("the claim that …") outside quotation marks."""
    found: list[Candidate] = []
    for token in analysis.tokens:
        cue = noun_cue(token, SPEECH_KINDS)
        if cue is None or any(s <= token.idx < e for s, e in quoted):
            continue
        clause = _that_clause(token)
        infinitive = None if clause is not None else _infinitive(token, cue.stance)
        if clause is None and infinitive is None:
            continue
        paragraph = paragraph_of(analysis.text, token.idx)
        head = _speaker_head(token, paragraph)
        if head is None:
            continue
        first = clause.left_edge.i + 1 if clause is not None else token.i + 1  # the "to" is the content's
        last = (clause or infinitive).right_edge  # type: ignore[union-attr]
        start, end = trim(
            analysis.text, analysis.doc[first].idx, min(last.idx + len(last.text), paragraph[1])
        )
        if end > start and analysis.text[end - 1] == ".":
            end -= 1
        start, end = trim_adjuncts(analysis, start, end, phrasal=infinitive is not None)
        if word_count(analysis.text[start:end]) < MIN_WORDS:
            continue
        speaker = attribution_for(analysis, head, start)
        anchor = (clause or infinitive).idx  # type: ignore[union-attr]
        found.append(Candidate(start, end, "indirect", cue, speaker, 0.65, anchor=anchor, phrasal=infinitive is not None))
    return found

"""Reported speech: "X said (that) …", "X told Y (that) …", "…, X said", "according to X, …"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import Candidate, paragraph_of, trim, word_count
from dateline.analyse.quote_cues import SPEECH_KINDS, CueWord, lexicon, verb_cue
from dateline.analyse.quote_speakers import attribution_for, listener_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

COMPLEMENT_DEPS = ("ccomp",)
MIN_WORDS = 2
NO_SPEAKER = "the text names no speaker for this cue"


def _clause_range(analysis: Analysis, clause: Token, paragraph: tuple[int, int]) -> tuple[int, int]:
    """Characters of a complement clause without its "that" and edge punctuation, inside its paragraph."""
    doc = analysis.doc
    first, last = clause.left_edge.i, clause.right_edge.i
    while first < last and (doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if")):
        first += 1
    start = max(doc[first].idx, paragraph[0])
    end = min(doc[last].idx + len(doc[last].text), paragraph[1])
    start, end = trim(analysis.text, start, end)
    if end > start and analysis.text[end - 1] == "." and end - start > 1:
        end -= 1
    return start, end


def _complement(verb: Token) -> Token | None:
    """The clause a cue verb reports, if it has one."""
    return next((child for child in verb.children if child.dep_ in COMPLEMENT_DEPS), None)


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in ranges)


def verb_candidates(
    analysis: Analysis, quoted: list[tuple[int, int]], kinds: frozenset[str] = SPEECH_KINDS
) -> list[Candidate]:
    """Reported clauses of cue verbs outside quotation marks ("X said that …", "…, X said")."""
    found: list[Candidate] = []
    for token in analysis.doc:
        if _inside(token.idx, quoted):
            continue
        cue = verb_cue(token, kinds)
        clause = _complement(token) if cue else None
        if cue is None or clause is None:
            continue
        paragraph = paragraph_of(analysis.text, token.idx)
        start, end = _clause_range(analysis, clause, paragraph)
        if word_count(analysis.text[start:end]) < MIN_WORDS or start <= cue.start < end:
            continue
        subject = subject_of(token, paragraph)
        speaker = attribution_for(analysis, subject) if subject is not None else None
        if speaker is not None and start <= (speaker.start or 0) < end:
            continue
        addressee, channel = listener_of(analysis, token)
        if speaker is not None:
            speaker.channel = channel
        note = None if speaker else NO_SPEAKER
        found.append(Candidate(start, end, "indirect", cue, speaker, 0.8, addressee, note))
    return found


def _according_range(analysis: Analysis, according: Token, paragraph: tuple[int, int]) -> tuple[int, int]:
    """The clause an "according to X" phrase attributes: the side of its clause without the phrase."""
    head = according.head
    while head.dep_ not in ("ROOT",) and head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    clause_first, clause_last = head.left_edge.i, head.right_edge.i
    phrase_first, phrase_last = according.left_edge.i, according.right_edge.i
    doc = analysis.doc
    before = (clause_first, phrase_first - 1)
    after = (phrase_last + 1, clause_last)
    first, last = after if after[1] - after[0] >= before[1] - before[0] else before
    if last < first:
        return 0, 0
    start = max(doc[first].idx, paragraph[0])
    end = min(doc[last].idx + len(doc[last].text), paragraph[1])
    start, end = trim(analysis.text, start, end)
    if end > start and analysis.text[end - 1] == ".":
        end -= 1
    return start, end


def according_candidates(analysis: Analysis, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Clauses attributed with "according to X"."""
    found: list[Candidate] = []
    kind, stance = lexicon().prepositional["according to"]
    for token in analysis.doc:
        if token.lower_ != "according" or _inside(token.idx, quoted):
            continue
        to = next((child for child in token.children if child.lower_ == "to"), None)
        source = next((child for child in to.children if child.dep_ == "pobj"), None) if to else None
        if to is None or source is None:
            continue
        paragraph = paragraph_of(analysis.text, token.idx)
        start, end = _according_range(analysis, token, paragraph)
        if word_count(analysis.text[start:end]) < MIN_WORDS:
            continue
        cue = CueWord(token.idx, to.idx + len(to.text), "according to", kind, stance)
        found.append(Candidate(start, end, "indirect", cue, attribution_for(analysis, source), 0.75))
    return found

"""Reported questions: "Asked if he was ever bullied, Lopez said no", "was asked whether …".

A question is reported by an interrogative cue (ask, wonder, inquire) with a clause opened by
"if", "whether" or a question word. The parser often hangs an "if"/"whether" clause on the cue as
an adverbial clause, which the reported-clause finder does not read as a complement: this module
reports it ("if he was ever bullied"). A reported question keeps its "if" or "whether", as it
keeps a question word ("asked which candidate she backs"), and ends before the main clause of an
opening "Asked …, X said" that the parser hung inside it.

A passive cue names its listener, not its speaker: in "The actress was asked if …", "When asked
which candidate she backs, Ortiz declined" and "He was told that …" the subject is the person
asked or told. Such a quote's speaker is the ``by`` phrase's noun ("was asked by reporters
whether …") or nobody, and the quote then says that the text names no speaker.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from dateline.analyse.base import coverage_mask
from dateline.analyse.quote_bounds import trim_adjuncts
from dateline.analyse.quote_candidates import Candidate, overlap, paragraph_of, trim, word_count
from dateline.analyse.quote_cues import SPEECH_KINDS, verb_cue
from dateline.analyse.quote_objects import is_passive_cue, passive_agent
from dateline.analyse.quote_reported import NO_SPEAKER
from dateline.analyse.quote_speakers import attribution_for, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

QUESTION_MARKS = ("if", "whether")
QUESTION_CLAUSE_DEPS = ("advcl", "ccomp")
BETWEEN_DEPS = ("dobj", "dative", "npadvmod", "advmod", "agent")  # "asked him several times whether …"
MIN_WORDS = 2


def _question_clause(verb: Token) -> Token | None:
    """The "if"/"whether" clause right after an interrogative cue (after its listener or adverbs at
    most), which the parser hung on the cue as an adverbial clause, or None."""
    for child in verb.rights:
        if child.dep_ not in QUESTION_CLAUSE_DEPS or child.pos_ not in ("VERB", "AUX"):
            continue
        first = child.left_edge
        if first.lower_ not in QUESTION_MARKS or first.dep_ != "mark" or first.head.i != child.i:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            continue  # "will ask questions if elected": a condition
        between = verb.doc[verb.i + 1 : first.i]
        if any(token.lemma_ == "question" for token in between):
            continue
        if all(token.dep_ in BETWEEN_DEPS or token.head.dep_ in BETWEEN_DEPS or token.head.head.dep_ in BETWEEN_DEPS
               for token in between if not token.is_punct) and not any(t.text == "," for t in between):
            return child
    return None


def question_candidates(analysis: Analysis, quoted: list[tuple[int, int]], taken: list[Candidate]) -> list[Candidate]:
    """Reported "if"/"whether" questions that no other candidate covers ("Asked if he was ever
    bullied, X said no": the content is "if he was ever bullied")."""
    found: list[Candidate] = []
    inside = coverage_mask(len(analysis.text), quoted)
    for token in analysis.tokens:
        if inside[token.idx] or token.lemma_.lower() not in ("ask", "wonder", "inquire"):
            continue
        cue = verb_cue(token, SPEECH_KINDS)
        if cue is None or cue.stance != "interrogative":
            continue
        clause = _question_clause(token)
        if clause is None:
            continue
        paragraph = paragraph_of(analysis.text, token.idx)
        last = clause.right_edge
        start, end = trim(analysis.text, clause.left_edge.idx, min(last.idx + len(last.text), paragraph[1]))
        if end > start and analysis.text[end - 1] == ".":
            end -= 1
        start, end = trim_adjuncts(analysis, start, end)
        if word_count(analysis.text[start:end]) < MIN_WORDS:
            continue
        if any(overlap(start, end, c.start, c.end) > 0 for c in [*taken, *found]):
            continue
        subject = passive_agent(token) if is_passive_cue(token) else subject_of(token, paragraph)
        speaker = attribution_for(analysis, subject, start) if subject is not None else None
        note = None if speaker is not None else NO_SPEAKER
        found.append(Candidate(start, end, "indirect", cue, speaker, 0.7, speaker_note=note, anchor=clause.idx))
    return found


def keep_question_word(analysis: Analysis, candidates: list[Candidate]) -> None:
    """Start a reported question at its "if" or "whether" ("asked whether he would run": "whether
    he would run"), which the reported-clause finder drops as it drops "that"."""
    for candidate in candidates:
        if candidate.cue is None or candidate.cue.stance != "interrogative" or candidate.start <= candidate.cue.end:
            continue
        before = analysis.tokens_within(candidate.cue.end, candidate.start)
        if before and before[-1].lower_ in QUESTION_MARKS and before[-1].dep_ == "mark":
            candidate.start = before[-1].idx


def without_main_clause(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """Questions of an opening "Asked …" or "When asked …" that end before the sentence's main
    clause ("Asked who their closest ally was, most voters named Britain": the parser may hang
    "named" inside the question, which is "who their closest ally was"); a question left with fewer
    than two words ("When asked why, Ortiz replied …") is none."""
    kept: list[Candidate] = []
    for candidate in candidates:
        verb = _cue_verb(analysis, candidate)
        subjectless = verb is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if candidate.cue is None or candidate.cue.stance != "interrogative" or not subjectless:
            kept.append(candidate)
            continue
        comma = _comma_before_subject(analysis.tokens_starting_within(candidate.start, candidate.end))
        if comma is not None:
            candidate.end = trim(analysis.text, candidate.start, comma.idx)[1]
            if word_count(analysis.text[candidate.start : candidate.end]) < MIN_WORDS:
                continue
        kept.append(candidate)
    return kept


def _comma_before_subject(tokens: list[Token]) -> Token | None:
    """The first comma among ``tokens`` right before the subject of a verb that follows it."""
    for comma, following in pairwise(tokens):
        if comma.text != ",":
            continue
        for token in tokens[following.i - tokens[0].i :]:
            if token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i == following.i and token.head.i > token.i:
                return comma
    return None


def _cue_verb(analysis: Analysis, candidate: Candidate) -> Token | None:
    """The verb token of a candidate's cue, if it has one."""
    if candidate.cue is None:
        return None
    tokens = analysis.tokens_starting_within(candidate.cue.start, candidate.cue.end)
    return next((t for t in tokens if t.pos_ in ("VERB", "AUX")), None)

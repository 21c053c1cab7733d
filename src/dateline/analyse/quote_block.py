"""Block quotes: a paragraph that ends "X said:" introduces the next paragraph as X's words.

Online news sets long quotations off as block quotes ("The governor added:", then the quotation as
a paragraph of its own); once the layout is gone the quotation may have lost its marks as well.
The introducing paragraph must end with a speech verb and a colon, the verb having no content of
its own ("He said:", "Limbaugh added:", "The Times reports:"), or with a speech noun announced by
"following" ("made the following comment:"). A quotation with marks is left to the direct-quote
finder (see ``introduced_by_previous_paragraph``); one without marks is one paragraph long.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import Candidate, paragraph_of, trim, word_count
from dateline.analyse.quote_cues import CueWord, noun_cue, verb_cue
from dateline.analyse.quote_marks import (
    OPENING_DOUBLE,
    OPENING_SINGLE,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    last_visible,
)
from dateline.analyse.quote_speakers import attribution_for, subject_of

OPENING_MARKS = OPENING_DOUBLE + STRAIGHT_DOUBLE + OPENING_SINGLE + STRAIGHT_SINGLE

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

MIN_CONTENT_WORDS = 4
CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "dative")  # a verb with one of these reports its own content
LISTENER_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind"})  # their object is the listener


def _introducer(analysis: Analysis, colon: int) -> tuple[Token, CueWord] | None:
    """The speech verb (or its clause's verb, for a speech noun) that ends a paragraph at ``colon``."""
    paragraph = paragraph_of(analysis.text, colon)
    tokens = analysis.tokens_within(paragraph[0], colon)
    if not tokens:
        return None
    last = tokens[-1]
    cue = verb_cue(last)
    if cue is not None:
        if any(child.dep_ in CONTENT_DEPS and child.idx < colon for child in last.children):
            return None
        return last, cue
    cue = noun_cue(last)
    announced = any(child.lower_ == "following" for child in last.children)
    if cue is None or not announced or last.dep_ != "dobj" or last.head.pos_ != "VERB":
        return _clause_introducer(tokens, colon)
    return last.head, cue


def _clause_introducer(tokens: list[Token], colon: int) -> tuple[Token, CueWord] | None:
    """The speech verb whose clause runs to the colon with adjuncts after it and no content of its
    own ("He told his audience, to loud applause:", "The group describes itself this way:",
    "As Ortiz reported after the council dropped the plan:"); an object only when it is a pronoun
    or a speech noun ("posted a message on Facebook:")."""
    for verb in reversed(tokens):
        cue = verb_cue(verb)
        if cue is None:
            continue
        after = [t for t in tokens if t.i > verb.i and not t.is_punct]
        if any(not _descends_from(t, verb) for t in after):
            return None
        own = [child for child in verb.children if child.idx < colon]  # the parser may hang the quote on it
        if any(child.dep_ in ("ccomp", "xcomp") for child in own):
            return None
        if any(child.dep_ == "dobj" and not _names_listener_or_words(verb, child) for child in own):
            return None
        return verb, cue
    return None


def _names_listener_or_words(verb: Token, obj: Token) -> bool:
    """True for an object that is no content: a pronoun, a speech noun ("posted a message"), or the
    listener of a verb that takes one ("told his audience")."""
    return obj.pos_ == "PRON" or noun_cue(obj) is not None or verb.lemma_ in LISTENER_VERBS


def _descends_from(token: Token, verb: Token) -> bool:
    return token.i == verb.i or verb in token.ancestors


def introduced_by_previous_paragraph(analysis: Analysis, paragraph_start: int) -> Candidate | None:
    """A candidate (content left empty) for the paragraph at ``paragraph_start`` when the paragraph
    before it ends with "X said:"; None otherwise."""
    colon = last_visible(analysis.text, paragraph_start)
    if colon < 0 or analysis.text[colon] != ":" or "\n" not in analysis.text[colon + 1 : paragraph_start]:
        return None
    found = _introducer(analysis, colon)
    if found is None:
        return None
    verb, cue = found
    subject = subject_of(verb, paragraph_of(analysis.text, verb.idx))
    if subject is None:
        return None
    speaker = attribution_for(analysis, subject, paragraph_start)
    return Candidate(paragraph_start, paragraph_start, "direct", cue, speaker, 0.7)


def block_candidates(analysis: Analysis, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Unmarked paragraphs introduced by "X said:" that no other quote covers."""
    text, found = analysis.text, []
    index = text.find(":\n")
    while index != -1:
        start = index + 1
        while start < len(text) and text[start].isspace():
            start += 1
        end = paragraph_of(text, start)[1] if start < len(text) else start
        start, end = trim(text, start, end)
        index = text.find(":\n", index + 1)
        if word_count(text[start:end]) < MIN_CONTENT_WORDS or text[start] in OPENING_MARKS:
            continue
        if any(low < end and start < high for low, high in taken):
            continue
        candidate = introduced_by_previous_paragraph(analysis, start)
        if candidate is not None:
            candidate.start, candidate.end = start, end
            found.append(candidate)
    return found

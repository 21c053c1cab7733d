"""A quoted sentence after the sentence that attributes the quote before it is the same speaker's.

Layout: ``“It is good work,” she said, describing how she builds the parts. “And after sixty hours a
week, people are family.”`` The second quote has no cue of its own; the sentence before it is the
first quote's attribution, so the second goes with the first (same cue, same speaker), however
long that sentence is and whatever it holds: scare quotes and titles (``he said on NBC's “Meet the
Press.”``) or cues that hang on the attribution's verb (``, noting that …``, ``, who wrote …``,
``when asked about …``), which report words of their own, not the next quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import Candidate, paragraph_of, trim
from dateline.analyse.quote_cues import verb_cue
from dateline.analyse.quote_marks import ALL_MARKS, Quoted

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

ATTRIBUTED_ENDS = (",", "?", "!")  # “A,” X said / “A?” X asked: the sentence after the quote attributes it
SENTENCE_ENDS = ".!?"


def _attributed_quote(analysis: Analysis, quote: Quoted, earlier: Sequence[Candidate]) -> Candidate | None:
    """The last direct quote before ``quote`` in its paragraph whose cue follows it, if it ended
    with a comma, question or exclamation mark (the cue's sentence is its attribution)."""
    paragraph_start = paragraph_of(analysis.text, quote.open_mark)[0]
    before = [c for c in earlier if c.kind == "direct" and paragraph_start <= c.start and c.end <= quote.open_mark]
    if not before:
        return None
    last = max(before, key=lambda c: c.end)
    if last.cue is None or not last.end <= last.cue.start < quote.open_mark:
        return None
    text = analysis.text
    if text[last.end - 1 : last.end] in ATTRIBUTED_ENDS or text[last.end : last.end + 1] in ATTRIBUTED_ENDS:
        return last
    return None


def _ends_sentence(analysis: Analysis, position: int) -> bool:
    """True when the text before ``position`` ends a sentence (past closing marks: ``… “Meet the Press.”``)."""
    index = position - 1
    while index >= 0 and (analysis.text[index] in ALL_MARKS or analysis.text[index].isspace()):
        index -= 1
    return index >= 0 and analysis.text[index] in SENTENCE_ENDS


def _hangs_on(token: Token, verb: Token) -> bool:
    """True when ``token`` depends on ``verb`` but is no verb conjoined to it (``said X, who was
    there and recalled …`` hangs on "said" through the speaker's relative clause; ``said …
    and recalled …`` does not)."""
    while token.i != verb.i:
        if token.head.i == token.i or (token.dep_ == "conj" and token.head.i == verb.i):
            return False
        token = token.head
    return True


def following_candidate(analysis: Analysis, quote: Quoted, earlier: Sequence[Candidate]) -> Candidate | None:
    """``quote`` as the continuation of the attributed quote before it in its paragraph, or None."""
    attributed = _attributed_quote(analysis, quote, earlier)
    if attributed is None or attributed.cue is None or not _ends_sentence(analysis, quote.open_mark):
        return None
    verbs = analysis.tokens_starting_within(attributed.cue.start, attributed.cue.end)[:1]
    if not verbs:
        return None
    verb = verbs[0]
    if _holds_sentence_end(analysis, attributed.end, verb.idx):
        return None
    for token in analysis.tokens_within(attributed.end, quote.open_mark):
        if token.i != verb.i and verb_cue(token) is not None and not _hangs_on(token, verb):
            return None
    start, end = trim(analysis.text, quote.content_start, quote.content_end)
    return Candidate(
        start, end, "direct", attributed.cue, attributed.speaker, 0.8, attributed.addressee, attributed.speaker_note
    )


def _holds_sentence_end(analysis: Analysis, start: int, end: int) -> bool:
    """True when the words between a quote and its cue end a sentence (the cue is not its attribution)."""
    return any(token.text in (".", "!", "?") for token in analysis.tokens_within(start, end))

"""Reported clauses that run over a sentence end the parser missed before a quote.

The parser sometimes runs a sentence on into the quote after it, mostly before typewriter marks:
``Mr. Hurt wants the book out soon. ''Time is wasting,'' he said.`` is one sentence for it, and
"said" then reports the writer's sentence with the quote. A reported clause stops at such a
sentence end (a full stop, question or exclamation mark right before an opening mark); when its
cue lies after the quote, the words before the quote are not the cue's at all and the clause is
dropped (the quote itself gets the cue as a direct quote).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import Candidate, trim
from dateline.analyse.quote_marks import Quoted, last_visible

if TYPE_CHECKING:
    from dateline.analyse.base import Analysis

SENTENCE_ENDS = ".?!"


def _sentence_end_before(analysis: Analysis, stretch: Quoted) -> int | None:
    """Where the sentence before ``stretch`` ends, when a sentence-end mark stands right before its
    opening mark (the mark's index), else None."""
    previous = last_visible(analysis.text, stretch.open_mark)
    if previous < 0 or analysis.text[previous] not in SENTENCE_ENDS:
        return None
    tokens = analysis.tokens_within(previous, previous + 1)
    return previous if tokens and tokens[0].text == analysis.text[previous] else None  # not "U.S."


def cut_at_sentence_end(analysis: Analysis, candidate: Candidate, stretches: list[Quoted]) -> bool:
    """Cut ``candidate`` before the first quote it runs into over a sentence end; False when it is
    then no report of its cue (the cue follows that quote)."""
    for stretch in stretches:
        if not candidate.start < stretch.open_mark < candidate.end:
            continue
        end = _sentence_end_before(analysis, stretch)
        if end is None or end <= candidate.start:
            return True
        if candidate.cue is not None and candidate.cue.start >= stretch.open_mark:
            return False
        candidate.start, candidate.end = trim(analysis.text, candidate.start, end)
        return candidate.end > candidate.start
    return True

"""The quotes extractor: direct, indirect and mixed quotations, each with its cue and speaker.

Steps: find the quoted stretches (quote_marks); find reported clauses of cue verbs and
"according to" (quote_reported); a reported clause that is one quoted stretch is a direct quote,
one whose words are a third or more in quotation marks is mixed (fewer: an indirect quote
with a quoted term); every stretch left is matched to the cue and speaker
around it or continues the previous quote (quote_direct); stretches with neither are scare quotes.
Paragraphs opened by a name and a colon (transcripts, headlines) are the named speaker's (quote_colon).
"""

from __future__ import annotations

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.quote_block import block_candidates
from dateline.analyse.quote_candidates import Candidate, overlap, trim, word_count
from dateline.analyse.quote_colon import colon_candidates
from dateline.analyse.quote_cues import SPEECH_KINDS, verb_cue
from dateline.analyse.quote_direct import CLOSING_MARKS, direct_candidate
from dateline.analyse.quote_headline import headline_candidates
from dateline.analyse.quote_marks import Quoted, before_closing_mark, find_quoted
from dateline.analyse.quote_nouns import noun_candidates
from dateline.analyse.quote_questions import (
    keep_question_word,
    question_candidates,
    without_main_clause,
)
from dateline.analyse.quote_reported import according_candidates, verb_candidates
from dateline.analyse.quote_sentences import cut_at_sentence_end
from dateline.analyse.quote_titles import is_quoted_title
from dateline.record import Cue, Quote

NAME = "quotes"
VERSION = "0.1.0"
DIRECT_SHARE = 0.8  # share of a reported clause inside one quoted stretch that makes it a direct quote
MIXED_SHARE = 1 / 3  # share of a reported clause's words in quotation marks that makes it mixed


def _absorb_stretches(
    analysis: Analysis, candidate: Candidate, stretches: list[Quoted], used: set[int]
) -> bool:
    """Turn a reported clause into a direct or mixed quote by the stretches it holds; False if a duplicate."""
    length = max(1, candidate.end - candidate.start)
    anchor = candidate.anchor
    cue_inside = candidate.cue is not None and candidate.start <= candidate.cue.start < candidate.end
    for index, stretch in enumerate(stretches):
        shared = overlap(candidate.start, candidate.end, stretch.content_start, stretch.content_end)
        head_inside = anchor is not None and stretch.content_start <= anchor < stretch.content_end
        head_inside = head_inside and cue_inside  # a misparse stretched the clause over its own cue
        if shared / length >= DIRECT_SHARE or head_inside:
            if index in used:
                return False
            used.add(index)
            candidate.start, candidate.end = trim(analysis.text, stretch.content_start, stretch.content_end)
            candidate.kind, candidate.confidence = "direct", 0.9
            return True
    inner: list[Quoted] = []
    for index, stretch in enumerate(stretches):
        if overlap(candidate.start, candidate.end, stretch.open_mark, stretch.end) > 0:
            used.add(index)
            inner.append(stretch)
            if candidate.start <= stretch.open_mark < candidate.end < stretch.end:  # a clause cut inside a quote
                candidate.end = stretch.end
    quoted_words = sum(word_count(analysis.text[s.content_start : s.content_end]) for s in inner)
    if inner and quoted_words >= MIXED_SHARE * word_count(analysis.text[candidate.start : candidate.end]):
        candidate.kind = "mixed"
    return True


def _without_nested_phrasal(reported: list[Candidate]) -> list[Candidate]:
    """Without non-clausal contents whose cue lies inside another reported clause ("said Democrats
    are to blame for focusing on …", "said officers ordered him to get out"): the verb is part of
    what the outer speaker reports, not a report of its own."""
    clauses = [(c.start, c.end) for c in reported if not c.phrasal]
    return [
        c
        for c in reported
        if not (c.phrasal and c.cue is not None and any(s <= c.cue.start < e for s, e in clauses))
    ]


def _opens_with_attributed_quote(analysis: Analysis, candidate: Candidate, quoted: list[tuple[int, int]]) -> bool:
    """True when ``candidate`` opens with a quote closed by a comma, question or exclamation mark
    and a cue verb follows it inside the candidate (``“We will win,” Ortiz said``)."""
    opening = [
        end
        for start, end in quoted
        if candidate.start < end <= candidate.end
        and not analysis.text[candidate.start : start].strip()
        and before_closing_mark(analysis.text, end, CLOSING_MARKS) in (",", "?", "!")
    ]
    return bool(opening) and any(
        verb_cue(token) is not None for token in analysis.tokens_within(opening[0], candidate.end)
    )


def _without_sourced_attributions(
    analysis: Analysis, reported: list[Candidate], quoted: list[tuple[int, int]]
) -> list[Candidate]:
    """Without "according to" contents that hold a quote and its own cue (``“We will win,” Ortiz said,
    according to CNN. “…”``): the quote is the cue verb's (and so is the quote after it), and
    "according to" only names where the writer heard it."""
    return [
        c
        for c in reported
        if c.cue is None or c.cue.lemma != "according to" or not _opens_with_attributed_quote(analysis, c, quoted)
    ]


def find_candidates(analysis: Analysis, kinds: frozenset[str] = SPEECH_KINDS) -> list[Candidate]:
    """Every quote of the article as candidates in text order (``kinds`` picks the cue kinds)."""
    stretches = find_quoted(analysis.text)
    quoted = [(stretch.open_mark, stretch.end) for stretch in stretches]
    used: set[int] = set()
    reported = verb_candidates(analysis, quoted, kinds) + according_candidates(analysis, quoted)
    reported = _without_sourced_attributions(analysis, reported, quoted)
    reported += noun_candidates(analysis, quoted)
    reported = _without_nested_phrasal(reported)
    reported += question_candidates(analysis, quoted, reported)
    keep_question_word(analysis, reported)
    reported = without_main_clause(analysis, reported)
    reported = [c for c in reported if cut_at_sentence_end(analysis, c, stretches)]
    reported.sort(key=lambda candidate: (candidate.start, -candidate.end))
    found: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for candidate in reported:
        if (
            _absorb_stretches(analysis, candidate, stretches, used)
            and (candidate.start, candidate.end) not in seen
        ):
            seen.add((candidate.start, candidate.end))
            found.append(candidate)
    # A title in quotation marks ("Monday Night Football") is no quote and bounds no other's cue.
    bounding = [i for i, s in enumerate(stretches) if not is_quoted_title(analysis, s)]
    for index in bounding:
        if index in used:
            continue
        stretch = stretches[index]
        before = [c for c in found if c.end <= stretch.open_mark]
        previous = max(before, key=lambda c: c.end) if before else None
        floor, limit = _neighbours(stretches, index, bounding, len(analysis.text))
        direct = direct_candidate(analysis, stretch, previous, floor, limit, found)
        if direct is not None and (direct.start, direct.end) not in seen:
            seen.add((direct.start, direct.end))
            found.append(direct)
    _join_adjacent(analysis, stretches, found, set(bounding))
    found.extend(colon_candidates(analysis, [(c.start, c.end) for c in found]))
    found.extend(block_candidates(analysis, [(c.start, c.end) for c in found]))
    found.extend(headline_candidates(analysis, [(c.start, c.end) for c in found]))
    found.sort(key=lambda candidate: candidate.start)
    return found


def _neighbours(stretches: list[Quoted], index: int, bounding: list[int], length: int) -> tuple[int, int]:
    """Where the quoted stretches before and after stretch ``index`` end and open, the bounds of the
    words that may hold its cue: only ``bounding`` stretches count (a quoted name or title between,
    ``Dana "Dee" Ortiz shouted``, bounds nothing)."""
    before = [i for i in bounding if i < index]
    after = [i for i in bounding if i > index]
    floor = stretches[before[-1]].end if before else 0
    limit = stretches[after[0]].open_mark if after else length
    return floor, limit


def _join_adjacent(analysis: Analysis, stretches: list[Quoted], found: list[Candidate], bounding: set[int]) -> None:
    """A stretch right before another one of the same paragraph (“A.” “B,” X said) shares its speaker
    (not a title: ``said on “Meet the Press.” “B.”``)."""
    by_start = {candidate.start: candidate for candidate in found}
    covered = {(c.start, c.end) for c in found}
    for index in range(len(stretches) - 2, -1, -1):
        stretch, following = stretches[index], stretches[index + 1]
        if index not in bounding:
            continue
        start, end = trim(analysis.text, stretch.content_start, stretch.content_end)
        if (start, end) in covered or any(c.start <= start < c.end for c in found):
            continue
        if analysis.text[stretch.end : following.open_mark].strip(" ,"):
            continue
        next_start = trim(analysis.text, following.content_start, following.content_end)[0]
        partner = by_start.get(next_start)
        if (
            partner is None
            or partner.kind != "direct"
            or "\n" in analysis.text[stretch.end : following.open_mark]
        ):
            continue
        joined = Candidate(start, end, "direct", partner.cue, partner.speaker, 0.8, partner.addressee)
        found.append(joined)
        by_start[start] = joined
        covered.add((start, end))


def _quote_item(analysis: Analysis, candidate: Candidate) -> Quote:
    cue = None
    if candidate.cue is not None:
        word = candidate.cue
        cue = Cue(**analysis.provenance(word.start, word.end, NAME, VERSION, candidate.confidence), stance=word.stance)
    return Quote(
        **analysis.provenance(candidate.start, candidate.end, NAME, VERSION, candidate.confidence),
        kind=candidate.kind,
        cue=cue,
        speaker=candidate.speaker,
        speaker_note=candidate.speaker_note,
        addressee=candidate.addressee,
    )


def extract(analysis: Analysis) -> None:
    """Add the article's quotes, in text order, to ``analysis.record.quotes``."""
    analysis.record.quotes.extend(_quote_item(analysis, candidate) for candidate in find_candidates(analysis))


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=("entities",), writes=("quotes",), run=extract)

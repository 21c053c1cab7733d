"""``broken_sentence``: fragments left by editing or translation, told apart from headings and quoted asides."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Span as TokenSpan

from dateline.analyse.base import Analysis
from dateline.analyse.flag_common import flag_rules, make_flag
from dateline.record import Flag

TERMINAL = tuple(".!?…:;\"”’')]")
QUOTE_MARKS = "\"“”‘’'«»"
HEADING_MAX_WORDS = 20
VERBLESS_MIN_WORDS = 8
STYLISTIC_OPENERS = {"CCONJ", "ADV", "INTJ", "PART", "SCONJ"}
STYLISTIC_WORDS = {"no", "not", "nothing", "none", "everything", "something", "anything", "nobody", "hmm", "hmmm"}
VERB_TAGS = {"VB", "VBD", "VBN", "VBZ", "VBP", "VBG", "MD"}
LEAD_END = re.compile(r"[,:;“\"]")


@dataclass(frozen=True)
class Segment:
    """A sentence of the parse cut at line breaks: the unit a reader sees as one sentence."""

    start: int
    end: int
    line: int


def is_heading(line: str) -> bool:
    """A short line without final punctuation, or a line in Title Case, is a heading, not a sentence."""
    words = line.split()
    if not words:
        return True
    if not line.rstrip().endswith(TERMINAL) and len(words) <= HEADING_MAX_WORDS:
        return True
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def segments(analysis: Analysis) -> list[Segment]:
    """The article's sentences cut at line breaks, headings left out, whitespace trimmed."""
    text = analysis.text
    found: list[Segment] = []
    position = 0
    sentences = analysis.record.sentences
    ends = [sentence.end for sentence in sentences]  # sentences are in order and do not overlap
    for number, line in enumerate(text.split("\n")):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        if is_heading(line):
            continue
        for index in range(bisect.bisect_right(ends, line_start), len(sentences)):
            sentence = sentences[index]
            if sentence.start >= line_end:
                break  # this and later sentences start after the line
            start, end = max(sentence.start, line_start), min(sentence.end, line_end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                found.append(Segment(start, end, number))
    return found


def _is_abbreviation(word: str) -> bool:
    return len(word.rstrip(".")) == 1 or word.lower().rstrip(".") in flag_rules()["abbreviations"]


def inside_quotation(text: str, line_start: int, position: int) -> bool:
    """Whether ``position`` lies inside quotation marks opened earlier on its line."""
    before = text[line_start:position]
    curly = before.count("“") - before.count("”")
    return curly > 0 or before.count('"') % 2 == 1


def ends_sentence(text: str) -> bool:
    """A segment that ends like a sentence (final stop, not after an abbreviation or an initial)."""
    stripped = text.rstrip(QUOTE_MARKS + ")")
    if not stripped.endswith((".", "!", "?", "…")) or stripped.endswith(("..", ". .")):
        return False
    words = re.findall(r"[\w'’]+", stripped)
    return not (stripped.endswith(".") and (not words or _is_abbreviation(words[-1])))


def reads_as_sentence_start(analysis: Analysis, segment: Segment, previous: Segment | None) -> bool:
    """A segment that starts a sentence of its paragraph, not a piece the parser split off."""
    text = analysis.text
    if not (text[segment.start].isupper() or text[segment.start].isdigit()):
        return False
    if previous is not None and previous.line == segment.line:
        before = text[previous.start : previous.end]
        if not ends_sentence(before) or before.rstrip(QUOTE_MARKS).endswith(":"):
            return False
    line_start = text.rfind("\n", 0, segment.start) + 1
    piece = text[segment.start : segment.end]
    unbalanced = piece.count("”") > piece.count("“") or piece.count('"') % 2 == 1
    return not (unbalanced or inside_quotation(text, line_start, segment.start))


def looks_like_clause(tokens: TokenSpan) -> bool:
    """A verb, or a word the small tagger often mistakes for a noun or adjective where a verb stands
    ('The dispute mirrors ...' tagged NNS at the root, 'The split concerned ...' as an -ed adjective)."""
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") or token.tag_ in VERB_TAGS:
            return True
        if token.dep_ == "ROOT" and (token.tag_ == "NNS" or token.pos_ == "NUM"):
            return True
        after_noun = token.i > tokens.start and token.nbor(-1).pos_ in ("NOUN", "PROPN", "ADV")
        if token.pos_ == "ADJ" and token.lower_.endswith("ed") and after_noun:
            return True
    return False


def _follows_list_colon(analysis: Analysis, segment: Segment) -> bool:
    """An earlier sentence of the paragraph ends in a colon that opens a list of verbless items
    ('… before Election Day: The Suez Crisis in 1956. The arrest of …'), not a quotation or a clause."""
    line_start = analysis.text.rfind("\n", 0, segment.start) + 1
    colons = list(re.finditer(r":\s+(?=[A-Za-z])", analysis.text[line_start : segment.start]))
    if not colons:
        return False
    after = line_start + colons[-1].end()
    item_end = analysis.text.find(".", after, segment.start)
    tokens = analysis.doc.char_span(after, item_end if item_end > after else segment.start, alignment_mode="expand")
    return tokens is not None and not looks_like_clause(tokens)


def fragment_reason(analysis: Analysis, segment: Segment, previous: Segment | None, following: Segment | None) -> str | None:
    """Why a segment is a fragment, or None when it reads as a whole sentence (or is not one at all)."""
    text = analysis.text[segment.start : segment.end]
    if text.endswith(("?", "!")):
        return None
    if following is not None and analysis.text[following.start].islower():
        return None  # the parser split one sentence in two
    alone = (previous is None or previous.line != segment.line) and (following is None or following.line != segment.line)
    if alone or not ends_sentence(text):
        return None  # a paragraph of one sentence (caption, credit, list item) or a cut the parser made
    if not reads_as_sentence_start(analysis, segment, previous):
        return None
    doc_span = analysis.doc.char_span(segment.start, segment.end, alignment_mode="expand")
    if doc_span is None:
        return None
    words = [t for t in doc_span if not (t.is_punct or t.is_space)]
    if not words:
        return None
    if text.endswith(".") and len(words) <= 4 and all(t.pos_ == "PROPN" for t in words):
        if following is None or following.line != segment.line:
            return None  # a name closing a paragraph is a byline or a signature
        return "a sentence that is only a name: the text around it was lost in editing or translation"
    if (
        len(words) >= VERBLESS_MIN_WORDS
        and not looks_like_clause(doc_span)
        and words[0].pos_ not in STYLISTIC_OPENERS
        and words[0].lower_ not in STYLISTIC_WORDS
        and ":" not in text
        and not is_heading(text)
        and not _follows_list_colon(analysis, segment)
    ):
        return "a sentence with no verb: part of it was lost in editing or translation"
    return None


def broken_sentence_flags(analysis: Analysis) -> list[Flag]:
    """One flag per fragment, pointing at it and at the start of what follows it."""
    found = segments(analysis)
    flags = []
    for index, segment in enumerate(found):
        previous = found[index - 1] if index > 0 else None
        following = found[index + 1] if index + 1 < len(found) else None
        reason = fragment_reason(analysis, segment, previous, following)
        if reason is None:
            continue
        fragment = analysis.span(segment.start, segment.end)
        main = fragment
        spans = [fragment]
        if following is not None and following.line == segment.line:
            lead = LEAD_END.search(analysis.text, following.start, following.end)
            lead_end = lead.end() if lead and lead.group() in ":," else lead.start() if lead else following.end
            main = analysis.span(segment.start, lead_end)
            spans.append(analysis.span(following.start, following.end))
        why = f"A sentence fragment ({reason})."
        confidence = 0.8 if "name" in reason else 0.6
        flags.append(make_flag(analysis, "broken_sentence", main, why, spans=[main, *spans], confidence=confidence))
    return flags

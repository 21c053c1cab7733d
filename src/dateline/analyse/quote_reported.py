"""Reported speech: "X said (that) …", "X told Y (that) …", "…, X said", "according to X, …"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.base import coverage_mask
from dateline.analyse.quote_bounds import (
    REASON_WORDS,
    clause_after_cue,
    continued_clause,
    quoted_continuation,
    reason_clause,
    trim_adjuncts,
)
from dateline.analyse.quote_candidates import Candidate, paragraph_of, trim, word_count
from dateline.analyse.quote_cues import ALL_KINDS, SPEECH_KINDS, CueWord, lexicon, noun_cue, verb_cue
from dateline.analyse.quote_frames import (
    as_clause,
    cue_follows,
    goes_on,
    is_parenthetical,
    main_clause,
    object_as_subject,
    relative_report_start,
)
from dateline.analyse.quote_marks import ALL_MARKS, before_closing_mark, last_visible
from dateline.analyse.quote_objects import is_passive, is_passive_cue, passive_agent, phrasal_range
from dateline.analyse.quote_speakers import attribution_for, listener_of, subject_of
from dateline.analyse.quote_tails import without_leading_concession

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

COMPLEMENT_DEPS = ("ccomp",)
MIN_WORDS = 2
RESULT_WORDS = ("so", "such", "same", "way")
CONJUNCTIONS = frozenset({"and", "but", "or"})
SENTENCE_END = " ,.;!?\"'”’"  # what may follow a cue phrase that ends its sentence
CLAUSE_OPENERS = ("DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ")  # words a reported clause's subject opens with
MAX_ADJUNCT_TOKENS = 8  # words between a cue and a "that" the parser failed to attach to it
MAX_SET_OFF_TOKENS = 14  # the same for an aside set off by commas ("said, in a speech on …, that")
CONJOINED = ("and ", "but ")  # a second clause after a mid-sentence "according to X"
NO_SPEAKER = "the text names no speaker for this cue"


def _clause_range(analysis: Analysis, clause: Token, paragraph: tuple[int, int]) -> tuple[int, int]:
    """Characters of a complement clause without its "that" and edge punctuation, inside its paragraph."""
    doc = analysis.doc
    first, last = clause.left_edge.i, _last_own_token(clause)
    while first < last and doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if"):
        if doc[first].lower_ != "that" and doc[first].head.i != clause.i:  # "that if it fails, …": the if is the content's
            break
        first += 1
    start = max(doc[first].idx, paragraph[0])
    end = min(doc[last].idx + len(doc[last].text), paragraph[1])
    start, end = trim(analysis.text, start, end)
    if end > start and analysis.text[end - 1] == "." and end - start > 1:
        end -= 1
    return start, end


def _last_own_token(clause: Token) -> int:
    """Last token of a clause, stopping before a trailing clause that is a quote of its own
    ("… was troubling, before noting that …")."""
    last = clause.right_edge.i
    for child in clause.rights:
        starts_own_quote = child.tag_ == "VBG" or any(c.dep_ in COMPLEMENT_DEPS for c in child.children)
        if child.left_edge.dep_ == "mark" and child.left_edge.lower_ in REASON_WORDS:
            continue  # "… because no one can state they have evidence": the speaker's reason
        if child.dep_ in ("advcl", "conj", "parataxis") and starts_own_quote and verb_cue(child) is not None:
            last = min(last, child.left_edge.i - 1)
    doc = clause.doc
    while last > clause.i and (doc[last].dep_ == "cc" or doc[last].text in (",", ";")):  # "… published but said …"
        last -= 1
    return max(last, clause.i)


def _complement(verb: Token) -> Token | None:
    """The clause a cue verb reports, if it has one (a clause before the cue must look finite)."""
    clauses = [child for child in verb.children if child.dep_ in COMPLEMENT_DEPS]
    clauses += [child for child in verb.rights if child.dep_ == "advcl" and _opens_with_that(child)]
    after = [clause for clause in clauses if clause.i > verb.i]
    clause = after[0] if after else (clauses[0] if clauses else None)
    if clause is not None and clause.i < verb.i and not _looks_finite(clause):
        return None
    return _inside_final_attribution(clause) if clause is not None and clause.i > verb.i else clause


def _inside_final_attribution(clause: Token) -> Token:
    """The clause itself, or the words it attributes when it is a sentence-final attribution of its
    own ("said the photos do not show it, the records showed": the parser made "showed" the
    reported clause; the cue reports "the photos do not show it")."""
    subject = any(child.dep_ in ("nsubj", "nsubjpass") for child in clause.children)
    inner = [child for child in clause.lefts if child.dep_ in COMPLEMENT_DEPS and _looks_finite(child)]
    if subject and inner and verb_cue(clause, ALL_KINDS) is not None:
        return inner[0]
    return clause


def _opens_with_that(clause: Token) -> bool:
    """True for a finite clause the parser hung on the verb as an adjunct that is its complement:
    one opened by "that", or one with a subject of its own and no subordinating word ("said after
    the convention he would not accept …")."""
    if clause.left_edge.lower_ == "that" and _looks_finite(clause) and clause.left_edge.i < clause.i:
        return True
    children = list(clause.children)
    has_subject = any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in children)
    has_mark = any(child.dep_ in ("mark", "advmod") and child.i < clause.i for child in children)
    return has_subject and not has_mark and _looks_finite(clause) and clause.tag_ != "VBG"


def _looks_finite(clause: Token) -> bool:
    """True when a clause has a subject, an auxiliary or a finite verb (not a bare participle)."""
    if clause.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass") for child in clause.children
    )


def _without_cue_phrase(
    analysis: Analysis, verb: Token, start: int, end: int, paragraph: tuple[int, int]
) -> tuple[int, int]:
    """A parenthetical's clause without "X said" when it stands at the clause's start or end (a
    clause the parser hung on the cue before its subject, "If A, X argues, B", stays in)."""
    phrase_start = verb.left_edge.idx if as_clause(verb) else _cue_phrase_start(verb)
    phrase_end = verb.right_edge.idx + len(verb.right_edge.text)
    sentence_start = _sentence_before(analysis, verb, paragraph)
    if sentence_start is not None:
        start, end = sentence_start, phrase_start
    elif not analysis.text[phrase_end:end].strip(" ,.;"):
        end = phrase_start
    elif not analysis.text[start:phrase_start].strip(" ,"):
        start = phrase_end
    return trim(analysis.text, start, end)


def _cue_phrase_start(verb: Token) -> int:
    """Where "X said" starts: its subject before it, or the verb."""
    subjects = [child for child in verb.lefts if child.dep_ in ("nsubj", "nsubjpass")]
    return subjects[-1].left_edge.idx if subjects else verb.idx


def _sentence_start_of(analysis: Analysis, verb: Token, paragraph: tuple[int, int]) -> int:
    """Where the cue's sentence starts inside its paragraph (after a colon or semicolon in it: "… the
    following: “A,” X wrote", "Farmers oppose the tax; the governor and his aides promise relief")."""
    sentence = analysis.record.sentences[analysis.sentence_index(verb.idx)]
    start = max(sentence.start, paragraph[0])
    after_colon = analysis.text.rfind(":", start, verb.idx) + 1
    return max(start, after_colon, analysis.text.rfind(";", start, verb.idx) + 1)


def _sentence_before(analysis: Analysis, verb: Token, paragraph: tuple[int, int]) -> int | None:
    """Where the sentence starts when "X said" ends it after the words it reports: the cue then
    reports the whole sentence before it ("A, but B, a source said"), not only the clause the
    parser hung on it; None when words follow the cue phrase."""
    phrase_end = verb.right_edge.idx + len(verb.right_edge.text)
    sentence = analysis.record.sentences[analysis.sentence_index(verb.idx)]
    if analysis.text[phrase_end : min(sentence.end, paragraph[1])].strip(SENTENCE_END):
        return None
    return _sentence_start_of(analysis, verb, paragraph)


def _broken_quote_range(analysis: Analysis, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[int, int]:
    """``[start, end)``, or the quote ``start`` lies in after some of its words: the parser broke a
    sentence inside the quote (“A. B,” X said), which the cue then reports whole (up to its
    closing mark when only the speaker's words, with no verb, follow it)."""
    for open_mark, close in quoted:
        if open_mark < start < close and word_count(analysis.text[open_mark:start]):
            speaker_words = analysis.tokens_starting_within(close, end)
            verbless = not any(token.pos_ in ("VERB", "AUX") for token in speaker_words)
            return open_mark, close if verbless and close < end else end
    return start, end


def _misparsed_clause(analysis: Analysis, verb: Token, paragraph: tuple[int, int]) -> tuple[int, int] | None:
    """ "He said he had secured …" parsed without a clause: a subject right after the cue (or after
    its "that") starts the reported words, which run to the end of the sentence."""
    doc = analysis.doc
    index = _that_after_adjuncts(verb) or verb.i + 1
    after_that = index < len(doc) and doc[index].lower_ == "that"
    if after_that:
        index += 1
    if index >= len(doc) or doc[index].is_punct:
        return None
    subject_first = doc[index].dep_ in ("nsubj", "nsubjpass", "csubj") and doc[index].head.i != verb.i
    if not (subject_first or (after_that and doc[index].pos_ in CLAUSE_OPENERS)):
        return None
    sentence = analysis.record.sentences[analysis.sentence_index(verb.idx)]
    end = min(sentence.end, paragraph[1])
    head = doc[index].head
    if head.i > index and head.pos_ in ("VERB", "AUX") and cue_follows(head, end):
        end = head.right_edge.idx + len(head.right_edge.text)  # "While he acknowledged A was B, X noted …"
    start, end = trim(analysis.text, doc[index].idx, end)
    if end > start and analysis.text[end - 1] == ".":
        end -= 1
    return start, end


def _that_after_adjuncts(verb: Token) -> int | None:
    """Index of a "that" opening the reported clause after the cue's listener or adjuncts, when the
    parser hung the clause elsewhere ("told a meeting of island leaders that few people …",
    "reported at the time that the editor …", "insisted, most recently in an interview with a
    radio station, that he …"): no verb or punctuation lies between but a pair of commas around
    an aside right after the cue, and the "that" is no relative pronoun (it is followed by the
    clause's subject, not by a verb)."""
    doc = verb.doc
    set_off = verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","
    window = MAX_SET_OFF_TOKENS if set_off else MAX_ADJUNCT_TOKENS
    commas = 0
    for index in range(verb.i + 1, min(verb.i + 1 + window, len(doc) - 1)):
        token = doc[index]
        if token.lower_ == "that":
            following = doc[index + 1]
            if index == verb.i + 1 or token.dep_ in ("nsubj", "nsubjpass", "dobj") or commas == 1:
                return None
            if noun_cue(doc[index - 1]) is not None:  # "repeated its claim that …" is the noun's quote
                return None
            return index if following.pos_ in CLAUSE_OPENERS else None
        if set_off and token.text == "," and commas < 2:
            commas += 1
            continue
        if commas == 2 or token.is_punct or token.pos_ in ("VERB", "AUX", "SCONJ"):
            return None
        if token.head.i < verb.i or token.lower_ in RESULT_WORDS:  # "added so many layers that it would …"
            return None
    return None


def _is_bare_infinitive(verb: Token, subject: Token | None) -> bool:
    """True for "to say that" with nobody saying it ("All this is to say that", "amended to clarify that")."""
    infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    if not infinitive or goes_on(verb):
        return False
    return (
        verb.dep_ in ("advcl", "acl", "relcl") or subject is None or subject.lower_ in ("this", "that", "it")
    )


def _closes_direct_quote(
    analysis: Analysis, verb: Token, subject: Token | None, start: int, quoted: list[tuple[int, int]]
) -> bool:
    """True for a clause set off after ``“…,” X said`` (``“We will win,” Lopez told them, after
    she had admitted …``): the cue reports the quote before it; the clause after the comma is the
    writer's, wherever the parser hung it (not a clause joined by "and": ``“…,” she said, and
    still “…”`` goes on quoting)."""
    first = verb.idx if subject is None else min(verb.idx, subject.left_edge.idx)
    gap = analysis.text[verb.idx : start]
    if start <= verb.idx or "," not in gap or set(gap.rsplit(",", 1)[1].split()) & CONJUNCTIONS:
        return False
    close = last_visible(analysis.text, first) + 1
    if not any(end == close for _, end in quoted):
        return False
    return before_closing_mark(analysis.text, close, ALL_MARKS) == ","


def verb_candidates(
    analysis: Analysis, quoted: list[tuple[int, int]], kinds: frozenset[str] = SPEECH_KINDS
) -> list[Candidate]:
    """Reported clauses of cue verbs outside quotation marks ("X said that …", "…, X said")."""
    found: list[Candidate] = []
    inside = coverage_mask(len(analysis.text), quoted)
    for token in analysis.tokens:
        if inside[token.idx]:
            continue
        cue = verb_cue(token, kinds)
        if cue is None:
            continue
        clause = _complement(token)
        around = None
        parenthetical = clause is None and is_parenthetical(token)
        if parenthetical:
            clause = main_clause(token.head)
        paragraph = paragraph_of(analysis.text, token.idx)
        misparsed = _misparsed_clause(analysis, token, paragraph) if clause is None else None
        phrasal = clause is None and misparsed is None and not parenthetical
        if phrasal:
            misparsed = phrasal_range(analysis, token, cue)
        if clause is None and misparsed is None:
            continue
        if clause is not None:
            start, end = _clause_range(analysis, clause, paragraph)
            subject_as_object = object_as_subject(token, clause)
            if subject_as_object is not None:
                start = subject_as_object.left_edge.idx
            relative = relative_report_start(token, clause)
            if relative is not None:  # "which the officer said were at his sides"
                start = relative.idx
            sentence_start = _sentence_before(analysis, token, paragraph) if clause.i < token.i else None
            if sentence_start is not None and not parenthetical:
                start, end = trim(analysis.text, sentence_start, _cue_phrase_start(token))
                start, end = _broken_quote_range(analysis, start, end, quoted)
                start = without_leading_concession(analysis, start, end)
            second = None if parenthetical else continued_clause(token, clause)
            second = second or (None if parenthetical else quoted_continuation(token, clause, inside))
            second = second or (None if parenthetical else reason_clause(token, clause))
            if second is not None:
                end = max(end, _clause_range(analysis, second, paragraph)[1])
            around = None if parenthetical else clause_after_cue(token, clause, inside)
            if around is not None:  # "A, the agency said, and B": the cue phrase stands inside
                end = max(end, _clause_range(analysis, around, paragraph)[1])
        else:
            start, end = misparsed or (0, 0)
            end = trim(analysis.text, start, min(end, paragraph[1]))[1]  # a headline's object ends with its line
        if parenthetical:
            start, end = _without_cue_phrase(analysis, token, start, end, paragraph)
        passive = phrasal and is_passive(token)  # its phrase is the content whole ("for being slow during crises")
        start, end = trim_adjuncts(analysis, start, end, phrasal and not passive)
        inner_cue = parenthetical or around is not None
        if word_count(analysis.text[start:end]) < MIN_WORDS or (start <= cue.start < end and not inner_cue):
            continue
        subject = passive_agent(token) if passive else subject_of(token, paragraph)
        if _is_bare_infinitive(token, subject) or _closes_direct_quote(analysis, token, subject, start, quoted):
            continue
        named = passive_agent(token) if is_passive_cue(token) else subject  # "He was asked why …": not "He"
        speaker = attribution_for(analysis, named, start) if named is not None else None
        if subject is not None and start <= subject.idx < end and not inner_cue:
            continue
        addressee, channel = listener_of(analysis, token)
        if speaker is not None:
            speaker.channel = channel
        note = None if speaker else NO_SPEAKER
        anchor = clause.idx if clause is not None else None
        found.append(Candidate(start, end, "indirect", cue, speaker, 0.8, addressee, note, anchor, phrasal))
    return found


def _according_range(analysis: Analysis, according: Token, paragraph: tuple[int, int]) -> tuple[int, int]:
    """The words an "according to X" phrase attributes: its sentence on the side of the phrase
    that holds the sentence's main verb (else the longer side), without leading subordinate clauses ("Although …, he remains …, according to X"); a
    phrase the parser stretched over the whole sentence ends at its first comma."""
    sentence = analysis.record.sentences[analysis.sentence_index(according.idx)]
    low, high = max(sentence.start, paragraph[0]), min(sentence.end, paragraph[1])
    phrase_start = according.left_edge.idx
    phrase_end = according.right_edge.idx + len(according.right_edge.text)
    if phrase_start <= low and phrase_end >= high:  # "According to X, the move …" parsed as one phrase
        comma = analysis.text.find(",", according.idx, high)
        phrase_end = comma if comma != -1 else phrase_end
    before = trim(analysis.text, low, phrase_start)
    after = trim(analysis.text, phrase_end, high)
    root = according.sent.root
    if before[0] <= root.idx < before[1] and analysis.text[after[0] : after[1]].lower().startswith(CONJOINED):
        start, end = before[0], after[1]  # "A, according to X, and B": both halves
    elif before[0] <= root.idx < before[1] or after[0] <= root.idx < after[1]:  # the side with the main verb
        start, end = before if before[0] <= root.idx < before[1] else after
    else:
        start, end = after if after[1] - after[0] >= before[1] - before[0] else before
    for child in root.lefts:
        if child.dep_ not in ("advcl", "cc", "mark", "punct") or child.left_edge.idx < start:
            break
        if child.right_edge.idx + len(child.right_edge.text) < end and child.left_edge.idx == start:
            start = trim(analysis.text, child.right_edge.idx + len(child.right_edge.text), end)[0]
    if end > start and analysis.text[end - 1] == ".":
        end -= 1
    return start, end


def according_candidates(analysis: Analysis, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Clauses attributed with "according to X"."""
    found: list[Candidate] = []
    if "according" not in analysis.text.lower():
        return found
    kind, stance = lexicon().prepositional["according to"]
    inside = coverage_mask(len(analysis.text), quoted)
    for token in analysis.tokens:
        if token.lower_ != "according" or inside[token.idx]:
            continue
        to = next((child for child in token.children if child.lower_ == "to"), None)
        sources = [child for child in to.children if child.dep_ in ("pobj", "pcomp")] if to else []
        source = sources[0] if sources else None  # "according to show insiders": "show" parsed as a verb
        if to is None or source is None:
            continue
        paragraph = paragraph_of(analysis.text, token.idx)
        start, end = _according_range(analysis, token, paragraph)
        if word_count(analysis.text[start:end]) < MIN_WORDS:
            continue
        cue = CueWord(token.idx, to.idx + len(to.text), "according to", kind, stance)
        speaker = attribution_for(analysis, source)
        if speaker.start is not None and speaker.end is not None and speaker.start < start < speaker.end:
            end_of_name = trim(analysis.text, speaker.start, start)[1]  # the source ends where the content starts
            speaker.end, speaker.text = end_of_name, analysis.text[speaker.start : end_of_name]
        found.append(Candidate(start, end, "indirect", cue, speaker, 0.75))
    return found

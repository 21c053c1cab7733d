"""Direct quotes: a quoted stretch and the cue and speaker around it.

Layouts: ``X said: "…"``, ``X said "…"``, ``"…," X said``, ``"…," said X``, ``"…" – X``,
``X: "…"``, ``"…" He said.`` and a paragraph that continues the previous speaker's quote.
Stretches with none of these around them are scare quotes, titles or fragments and give nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.analyse.quote_block import introduced_by_previous_paragraph
from dateline.analyse.quote_candidates import WORD, Candidate, paragraph_of, trim, word_count
from dateline.analyse.quote_colon import colon_lead_speaker
from dateline.analyse.quote_cues import CueWord, verb_cue
from dateline.analyse.quote_following import following_candidate
from dateline.analyse.quote_marks import CLOSING_DOUBLE, STRAIGHT_DOUBLE, Quoted, before_closing_mark
from dateline.analyse.quote_speakers import attribution_for, listener_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis
    from dateline.record import Attribution

AFTER_WINDOW = 8  # tokens after a closing mark in which "…," X said looks for its cue
COMMA_WINDOW = 16  # the same after “…,”: the speaker may be long ("“…,” Jane Ortiz, a writer for X, said")
BEFORE_WINDOW = 10  # tokens before an opening mark in which X said: "…" looks for its cue
BETWEEN_WINDOW = 50  # tokens back to the previous quote in which “A,” X said. “B.” finds B's cue
SHORT_SENTENCE = 6  # a following sentence this short may hold the cue ("He said.")
DASHES = "–—-"
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
CLOSING_MARKS = CLOSING_DOUBLE + STRAIGHT_DOUBLE + "’'"
INTRODUCERS = (":", ",", "that", "—", "–")
CONTINUING = (", but", ", and")  # words between a cue and the second half of a split quote
SET_OFF = (*INTRODUCERS, "-", ";", "(")  # marks that set a quote off from the words before it
SENTENCE_ENDS = (".", "?", "!")  # a sentence the parser ran on into the quote (``… Trump. ''Some …''``)
OWN_CONTENT_DEPS = ("ccomp", "dobj", "xcomp")  # a cue verb's own reported clause, object or infinitive
OWN_CLAUSE_DEPS = ("mark", "nsubj", "nsubjpass", "csubj")  # a cue verb's subordinating word or subject
CONTINUES_NOTE = "continues the previous quote of the same speaker"
NO_SPEAKER = "the text names no speaker for this quote"


def _sentence_end(analysis: Analysis, char: int) -> int:
    sentence = analysis.record.sentences[analysis.sentence_index(char)]
    return sentence.end


def _sentence_start(analysis: Analysis, char: int) -> int:
    sentence = analysis.record.sentences[analysis.sentence_index(char)]
    return sentence.start


def _tokens(analysis: Analysis, start: int, end: int) -> list[Token]:
    return analysis.tokens_within(start, end)


def _noun_head(tokens: list[Token]) -> Token | None:
    """The head of the first noun phrase among ``tokens``."""
    inside = {token.i for token in tokens}
    for token in tokens:
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            head = token
            while head.head.i in inside and head.dep_ in ("compound", "amod", "det", "poss", "flat", "nmod"):
                head = head.head
            return head
    return None


def _speaker_for(analysis: Analysis, verb: Token, quote: Quoted, region: list[Token]) -> Token | None:
    """The subject of ``verb`` outside the quote, or the nearest noun phrase of the region."""
    paragraph = paragraph_of(analysis.text, verb.idx)
    subject = subject_of(verb, paragraph)
    if subject is not None and not (quote.open_mark <= subject.idx < quote.end):
        return subject
    others = [token for token in region if token.i != verb.i and token.dep_ != "prt"]
    after_verb = [token for token in others if token.i > verb.i]
    before_verb = [token for token in others if token.i < verb.i]
    return _noun_head(before_verb) or _noun_head(after_verb)


def _after_region(analysis: Analysis, quote: Quoted, limit: int, window: int = AFTER_WINDOW) -> list[Token]:
    """Tokens after the closing mark in its sentence (the first ``window`` of them)."""
    end = min(_sentence_end(analysis, max(quote.end - 1, 0)), limit)
    tokens = _tokens(analysis, quote.end, end)
    if tokens and tokens[-1].text == ")" and end < limit:  # "(D-Md.)" ends a sentence for the parser
        tokens += _tokens(analysis, end, min(_sentence_end(analysis, end), limit))
    return _outside_brackets(tokens)[:window]


def _outside_brackets(tokens: list[Token]) -> list[Token]:
    """``tokens`` without bracketed asides ("Jason Chaffetz (R-Utah) said"), which do not count
    against the window."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(token)
    return kept


def _following_region(analysis: Analysis, quote: Quoted, limit: int) -> list[Token]:
    """A short sentence right after the quote ("He said."), whose cue may be the quote's."""
    end = min(_sentence_end(analysis, max(quote.end - 1, 0)), limit)
    if _tokens(analysis, quote.end, end) or end >= limit:
        return []
    next_char = end + len(analysis.text[end:limit]) - len(analysis.text[end:limit].lstrip())
    following = _tokens(analysis, end, min(_sentence_end(analysis, next_char), limit))
    if following and _introduces_next(analysis, following[-1], limit):  # “A.” To which she said, “B.”
        return []
    if not following:
        return []
    window = _outside_brackets(following)[:AFTER_WINDOW]
    if following[0].text[:1].islower():  # “…?” a narrator asks: one sentence, split by "?"
        return window
    asks = analysis.text[quote.content_start : quote.content_end].endswith(("?", "!"))
    long_window = _outside_brackets(following)[:COMMA_WINDOW]  # “…!” Jane Ortiz, a writer for X, said, …
    if asks and _opens_with_attribution(long_window):  # “…?” Jane Ortiz said, …
        return long_window
    return following if len(following) <= SHORT_SENTENCE and not _reports_a_clause(following) else []


def _take_lead_in(analysis: Analysis, quote: Quoted, found: Candidate, floor: int) -> bool:
    """``Raising taxes “is a bad idea,” Lopez said``: the writer's words that run straight into a
    quote whose cue follows it are the start of the reported clause, which is then mixed (not when
    a comma, colon or dash sets the quote off, when the words hold a cue of their own, or when the
    words and the quote hold no finite verb: ``Decrying the “rigged system,” Lopez said …``).
    False when the quote is then no quote at all: a phrase of such words with no finite verb
    before a cue that reports words of its own (``Mocking the “fake budget,” Ortiz accused
    the council of lying``: a scare quote)."""
    start = max(_sentence_start(analysis, quote.open_mark), floor)
    lead = analysis.text[start : quote.open_mark]
    if not lead.strip() or lead.rstrip()[-1:] in SET_OFF + SENTENCE_ENDS or "\n" in lead.strip():
        return True
    tokens = _tokens(analysis, start, quote.open_mark)
    finite = any(t.tag_ in FINITE_TAGS for t in _tokens(analysis, start, quote.content_end))
    if not finite and found.cue is not None:
        verbs = analysis.tokens_starting_within(found.cue.start, found.cue.end)[:1]
        return not any(c.dep_ in OWN_CONTENT_DEPS and c.i > v.i for v in verbs for c in v.children)
    if not finite or any(verb_cue(token) is not None for token in tokens):
        return True
    found.start, found.end = trim(analysis.text, start, quote.end)[0], quote.end  # with its marks, as mixed quotes are
    found.kind = "mixed"
    return True


def _reports_a_clause(tokens: list[Token]) -> bool:
    """True when the first cue verb of ``tokens`` has a clause or infinitive of its own ("Reyes
    insisted that Ortiz “show …”"): it is not the cue of a quote before it."""
    verb = next((token for token in tokens if verb_cue(token) is not None), None)
    return verb is not None and any(child.dep_ in ("ccomp", "xcomp") for child in verb.children)


def _introduces_next(analysis: Analysis, last: Token, limit: int) -> bool:
    """True when a sentence ending with ``last`` runs into the next quote of the paragraph (which
    opens at ``limit``) after a comma or colon: its cue is that quote's."""
    return last.text in (",", ":") and not analysis.text[last.idx + 1 : limit].strip()


def _opens_with_attribution(tokens: list[Token]) -> bool:
    """True when ``tokens`` open with ``X said`` and nothing else: the words before the first cue
    verb are its subject, and the verb reports no clause of its own."""
    verb = next((token for token in tokens if verb_cue(token) is not None), None)
    if verb is None or any(child.dep_ in ("ccomp", "xcomp", "dobj") for child in verb.children):
        return False
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    before = {token.i for token in tokens if token.i < verb.i and not token.is_punct}
    return bool(subjects) and before <= {t.i for s in subjects for t in s.subtree}


def _before_region(analysis: Analysis, quote: Quoted, floor: int, same_sentence: bool) -> list[Token]:
    """Tokens before the opening mark: in its sentence, or back to the previous quote or paragraph start."""
    start = max(_sentence_start(analysis, quote.open_mark), floor) if same_sentence else floor
    return _tokens(analysis, start, quote.open_mark)[-(BEFORE_WINDOW if same_sentence else BETWEEN_WINDOW) :]


def _with_cue(
    analysis: Analysis, quote: Quoted, region: list[Token], before: bool, strict: bool = False, floor: int = 0
) -> Candidate | None:
    """A candidate from the cue verb nearest to the quote in ``region``, if any (``floor``: where
    the previous quote of the paragraph ends)."""
    ordered = reversed(region) if before else iter(region)
    for token in ordered:
        if not before and (_opens_subordinate(token) or _joins_clauses(token)):  # “A,” she sang before asking him …
            return None
        cue = verb_cue(token)
        if cue is None or _adjectival(token, quote):
            continue
        if not before and _opens_own_clause_before(analysis, token, quote):  # as the “audit” recommended
            return None
        if not before and _in_relative_clause(token):  # “A,” and Ann, who says it is “B”: the cue is B's
            return None
        if before and not _introduces(analysis, token, quote, strict, floor):
            return None
        subject = _speaker_for(analysis, token, quote, region)
        speaker = attribution_for(analysis, subject, quote.open_mark) if subject is not None else None
        if _names_itself(speaker, quote):  # a nickname: Marcia "Cia" Price said
            return None
        addressee, channel = listener_of(analysis, token)
        if speaker is not None:
            speaker.channel = channel
        note = None if speaker else NO_SPEAKER
        start, end = trim(analysis.text, quote.content_start, quote.content_end)
        return Candidate(start, end, "direct", cue, speaker, 0.9, addressee, note)
    return None


def _adjectival(verb: Token, quote: Quoted) -> bool:
    """True for a cue verb used as an adjective, which reports nothing: ``easier said than done``,
    or one modifying a noun of the quote (``a self-described “geeky kid”``; not ``Continued
    Ortiz: “…”`` or ``“…,” tweeted Ortiz aide Ann Lee``, which the parser may read so)."""
    if verb.dep_ == "acomp":
        return True
    return verb.dep_ == "amod" and quote.content_start <= verb.head.idx < quote.content_end


def _opens_own_clause_before(analysis: Analysis, verb: Token, quote: Quoted) -> bool:
    """True when the cue's subject or subordinating word stands before the quote (``as the
    “audit” recommended``, ``because the “experts” predicted it``): the quoted words are part of
    the cue's own clause, not a quote it attributes (not after a comma inside the marks, where a
    misparse may hang the writer's lead-in on the cue: ``Its “flaws” are “…,” the paper said``)."""
    if before_closing_mark(analysis.text, quote.end, CLOSING_MARKS) == ",":  # “…,” The Hill reported
        return False
    return any(child.dep_ in OWN_CLAUSE_DEPS and child.idx < quote.open_mark for child in verb.children)


def _in_relative_clause(verb: Token) -> bool:
    """True for a verb of a relative clause opened by a relative word ("Ann, who says …")."""
    return verb.dep_ == "relcl" and any(child.tag_ in ("WP", "WDT", "WP$") for child in verb.children)


def _joins_clauses(token: Token) -> bool:
    """True for a conjunction that joins clauses ("“A,” but in its review it pointed out …"), not
    one inside the speaker's noun phrase ("“A,” the senator and candidate said")."""
    return token.dep_ == "cc" and token.head.pos_ in ("VERB", "AUX")


def _opens_subordinate(token: Token) -> bool:
    """True for a word opening a subordinate clause ("before asking", "while she said"): a cue
    beyond it belongs to that clause, not to the quote before it."""
    if token.dep_ == "mark" or (token.tag_ == "WRB" and token.head.dep_ == "advcl"):  # “A” when I posted …
        return True
    return token.dep_ == "prep" and any(child.dep_ == "pcomp" and child.tag_ == "VBG" for child in token.children)


def _names_itself(speaker: Attribution | None, quote: Quoted) -> bool:
    """True when the quoted stretch lies inside the words naming its own speaker."""
    if speaker is None or speaker.start is None or speaker.end is None:
        return False
    return speaker.start <= quote.open_mark < speaker.end


def _introduces(analysis: Analysis, verb: Token, quote: Quoted, strict: bool, floor: int = 0) -> bool:
    """True when the words between a cue and an opening mark make the quote its complement."""
    between = analysis.text[verb.idx + len(verb.text) : quote.open_mark].strip()
    if not between or between.endswith(INTRODUCERS) or between in CONTINUING:  # “A,” he said, but “B.”
        return True
    if strict:
        return False
    if between.endswith(".") and _closes_attributed_quote(analysis, verb, floor):
        return True
    content = analysis.text[quote.content_start : quote.content_end]
    return content[:1].isupper() and word_count(content) >= 4


def _closes_attributed_quote(analysis: Analysis, verb: Token, floor: int) -> bool:
    """True when the cue's sentence attributes the quote that ends at ``floor`` in a comma or a
    question or exclamation mark (“A,” X said. “B.”): the next quote goes on with the same words,
    however short it is. No sentence ends and no other cue stands between that quote and the cue."""
    if floor <= 0 or analysis.text[floor - 1] not in CLOSING_MARKS:
        return False
    if before_closing_mark(analysis.text, floor, CLOSING_MARKS) not in (",", "?", "!"):
        return False
    between = analysis.tokens_within(floor, verb.idx)
    return not any(token.text in (".", "!", "?", ";") or verb_cue(token) is not None for token in between)


def _colon_or_dash(analysis: Analysis, quote: Quoted, floor: int, limit: int) -> Candidate | None:
    """``X: "…"`` and ``"…" – X``: a speaker named without a verb."""
    start, end = trim(analysis.text, quote.content_start, quote.content_end)
    before_start = max(_sentence_start(analysis, quote.open_mark), floor)
    before = analysis.text[before_start : quote.open_mark].rstrip()
    if before.endswith(":") and 0 < word_count(before) <= 8:
        region = _tokens(analysis, before_start, quote.open_mark)
        if not any(token.pos_ == "VERB" for token in region):
            head = _noun_head(region)
            if head is not None:
                colon = analysis.text.rfind(":", 0, quote.open_mark)
                cue = CueWord(colon, colon + 1, ":", "speech", "neutral")
                return Candidate(start, end, "direct", cue, attribution_for(analysis, head), 0.6)
    if before.endswith(":"):
        found = colon_lead_speaker(analysis, _tokens(analysis, before_start, quote.open_mark))
        if found is not None:
            return Candidate(start, end, "direct", found[0], attribution_for(analysis, found[1], quote.open_mark), 0.6)
    after = analysis.text[quote.end : limit].lstrip()
    if after[:1] in DASHES and not WORD.search(before):  # not a dashed aside: “cheap money” — a loan …
        dash_at = limit - len(after)
        region = _tokens(analysis, dash_at + 1, min(_sentence_end(analysis, dash_at + 1), limit))[:6]
        head = _noun_head(region)
        if head is not None and head.pos_ in ("PROPN", "NOUN"):
            return Candidate(start, end, "direct", None, attribution_for(analysis, head), 0.6)
    return None


def _block_quote(analysis: Analysis, quote: Quoted, paragraph_start: int) -> Candidate | None:
    """A paragraph opened by a quote after a paragraph ending "He said:" (a block quote)."""
    if quote.open_mark != paragraph_start:
        return None
    found = introduced_by_previous_paragraph(analysis, paragraph_start)
    if found is not None:
        found.start, found.end = trim(analysis.text, quote.content_start, quote.content_end)
    return found


def _continuation(analysis: Analysis, quote: Quoted, previous: Candidate | None) -> Candidate | None:
    """A paragraph that opens with a quote and goes on with the previous speaker's words."""
    if previous is None or previous.speaker is None:
        return None
    paragraph_start = paragraph_of(analysis.text, quote.open_mark)[0]
    if quote.open_mark != paragraph_start:
        return None
    previous_paragraph = paragraph_of(analysis.text, previous.end)
    if analysis.text[previous_paragraph[1] : paragraph_start].strip():
        return None
    start, end = trim(analysis.text, quote.content_start, quote.content_end)
    return Candidate(start, end, "direct", None, previous.speaker, 0.7, previous.addressee, CONTINUES_NOTE)


def direct_candidate(
    analysis: Analysis,
    quote: Quoted,
    previous: Candidate | None,
    floor: int,
    limit: int,
    earlier: Sequence[Candidate] = (),
) -> Candidate | None:
    """The direct quote a quoted stretch is, or None for scare quotes and fragments (a stretch left
    open at its paragraph's end continues a quote only when the previous paragraph left one open).

    ``floor``/``limit`` bound the text around the stretch that may hold its cue (the previous and
    next stretches); ``previous`` is the quote found just before it, ``earlier`` all quotes found
    so far (:func:`following_candidate` looks for an attributed quote among them). The caller leaves out
    stretches that are titles (:func:`is_quoted_title`), which also bound nothing.
    """
    adjacent = _next_is_adjacent(analysis, quote, limit)
    paragraph_start, paragraph_end = paragraph_of(analysis.text, quote.open_mark)
    floor, limit = max(floor, paragraph_start), min(limit, paragraph_end)
    after_first = None
    closed_by_cue = quote.continues and quote.close_mark is not None  # a reopened quote may name its own speaker
    if closed_by_cue or analysis.text[quote.content_start : quote.content_end].endswith(","):  # “…,” X said
        after_first = _with_cue(analysis, quote, _after_region(analysis, quote, limit, COMMA_WINDOW), before=False)
    lead_floor = max(paragraph_start, previous.end if previous else 0)  # the lead-in may run over scare quotes
    if after_first is not None and not _take_lead_in(analysis, quote, after_first, lead_floor):
        return None
    if quote.continues and after_first is None:
        found = _continuation(analysis, quote, previous)
        if found is not None:
            return found
    return (
        after_first
        or _with_cue(analysis, quote, _before_region(analysis, quote, floor, True), before=True, strict=True)
        or _with_cue(analysis, quote, _after_region(analysis, quote, limit), before=False)
        or _with_cue(analysis, quote, _following_region(analysis, quote, limit), before=False)
        or following_candidate(analysis, quote, earlier)
        or _with_cue(analysis, quote, _before_region(analysis, quote, floor, False), before=True, floor=floor)
        or _block_quote(analysis, quote, paragraph_start)
        or _colon_or_dash(analysis, quote, floor, limit)
        or (None if adjacent or quote.close_mark is None else _continuation(analysis, quote, previous))
    )


def _next_is_adjacent(analysis: Analysis, quote: Quoted, next_open: int) -> bool:
    """True when another quote opens right after this one in its paragraph (“A.” “B,” X said);
    ``next_open`` is the next quote's opening mark."""
    return next_open < len(analysis.text) and not analysis.text[quote.end : next_open].strip(" ,")

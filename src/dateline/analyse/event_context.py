"""An event's modality, the source reporting it, its date and the figures of its clause."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from dateline.analyse.base import Analysis
from dateline.analyse.event_arguments import clause_subject, entity_id_for, phrase_span
from dateline.analyse.event_lexicon import Lexicon
from dateline.analyse.event_triggers import Candidate
from dateline.record import Attribution, Figure, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"may", "might", "could"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "acomp", "advcl", "conj", "pcomp", "prep", "pobj", "relcl", "acl"})
CONCRETE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(T[\d:]+)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def anchor_tokens(candidate: Candidate) -> list[Token]:
    """The tokens whose modifiers belong to the event: trigger verb, event noun, host verb."""
    return [t for t in (candidate.predicate, candidate.noun, candidate.host) if t is not None]


def _is_reported(token: Token, lexicon: Lexicon) -> bool:
    return any(a.lemma_.lower() in lexicon.speech_verbs for a in token.ancestors)


def _own_modality(verb: Token, lexicon: Lexicon) -> str | None:
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return "negated"
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children):
        return "hypothetical"
    if auxes & FUTURE_AUX or ("going" in auxes and any(c.lower_ == "to" for c in children)):
        return "planned"
    if "would" in auxes:
        return "planned" if _is_reported(verb, lexicon) else "hypothetical"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    return None


def modality(candidate: Candidate, lexicon: Lexicon) -> str:
    """asserted, planned, proposed, negated or hypothetical, from auxiliaries, negation and governing verbs."""
    if candidate.noun is not None and any(c.lower_ in ("no", "without") for c in candidate.noun.children):
        return "negated"
    verb = candidate.host if candidate.kind == "occurrence" and candidate.host is not None else candidate.predicate
    if candidate.kind.startswith("frame"):
        return "asserted"
    own = _own_modality(verb, lexicon)
    if own:
        return own
    token = verb
    for _ in range(3):
        if token.dep_ not in ("xcomp", "ccomp", "acomp", "advcl", "pcomp", "pobj", "prep", "acl", "relcl"):
            break
        if token.head.i == token.i:
            break
        head = token.head
        lemma = head.lemma_.lower()
        if head.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "no" for c in head.children):
            return "negated"
        if head.pos_ == "ADJ" and lemma in lexicon.modal_adjectives:
            return lexicon.modal_adjectives[lemma]
        if head.pos_ == "VERB" and lemma in lexicon.modal_verbs and lemma not in lexicon.speech_verbs:
            governing = _own_modality(head, lexicon)
            return "negated" if governing == "negated" else lexicon.modal_verbs[lemma]
        if head.pos_ in ("VERB", "AUX") and lemma in lexicon.speech_verbs:
            break
        inherited = _own_modality(head, lexicon) if head.pos_ in ("VERB", "AUX") else None
        if inherited:
            return inherited
        token = head
    return "asserted"


def _attribution(analysis: Analysis, token: Token) -> Attribution:
    phrase = phrase_span(analysis, token, modifiers=True)
    return Attribution(text=phrase.text, entity=entity_id_for(analysis, token), start=phrase.start, end=phrase.end)


def source(analysis: Analysis, candidate: Candidate, lexicon: Lexicon) -> Attribution | None:
    """Who reports the event: the speaker of the quote holding it, a speech verb's subject, or "according to X"."""
    start = candidate.predicate.doc[candidate.trigger_start].idx
    quote = analysis.quote_at(start, start + 1)
    if quote is not None and quote.speaker is not None:
        return Attribution(**vars(quote.speaker))
    token = candidate.host if candidate.kind.startswith("frame") and candidate.host is not None else candidate.predicate
    while token.head.i != token.i:
        head = token.head
        if token.dep_ in ("ccomp", "parataxis", "advcl", "conj") and head.lemma_.lower() in lexicon.speech_verbs:
            speakers = clause_subject(head)
            if speakers and head.i != candidate.predicate.i:
                return _attribution(analysis, speakers[0])
        token = head
    sentence = candidate.predicate.sent
    if "according" not in analysis.text[sentence.start_char : sentence.end_char].lower():
        return None  # no word can be "according": spare reading them one by one
    for word in sentence:
        if word.lower_ == "according" and word.i + 1 < len(word.doc) and word.nbor(1).lower_ == "to":
            objects = [c for c in word.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return _attribution(analysis, objects[0])
    return None


def time_attachment(analysis: Analysis, time: TimeExpr) -> Token | None:
    """The token a time expression modifies: the verb or noun its phrase hangs from."""
    span = analysis.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    while token.head.i != token.i and (token.i in range(span.start, span.end) or token.dep_ in ("prep", "pobj")):
        token = token.head
    return token


def is_concrete(time: TimeExpr) -> bool:
    """Whether a time names calendar days (a date, a time or an interval of dates)."""
    return time.type in ("DATE", "TIME", "INTERVAL") and bool(CONCRETE_VALUE.match(time.value))


def event_date(
    analysis: Analysis, candidate: Candidate, lexicon: Lexicon, attachments: Sequence[tuple[TimeExpr, Token | None]]
) -> tuple[str | None, str | None]:
    """The event's TIMEX3 value and where it came from: its clause, a governing clause, or the narrative."""
    anchors = {t.i for t in anchor_tokens(candidate)}
    own = [time for time, token in attachments if token is not None and token.i in anchors and is_concrete(time)]
    if own:
        return own[0].value, "clause"
    for ancestor in candidate.predicate.ancestors:
        if ancestor.lemma_.lower() in lexicon.speech_verbs:
            break
        governing = [time for time, token in attachments if token is not None and token.i == ancestor.i]
        governing = [t for t in governing if is_concrete(t)]
        if governing:
            return governing[0].value, "governing clause"
    trigger_char = candidate.predicate.doc[candidate.trigger_start].idx
    earlier = [time for time, _ in attachments if time.end <= trigger_char and is_concrete(time)]
    if earlier:
        return earlier[-1].value, "narrative"
    return None, None


def figure_path(analysis: Analysis, figure: Figure) -> list[int]:
    """The token indices from the root of a figure's phrase up its heads: at most 12, ending at the
    sentence root if reached sooner (empty when the phrase covers no token)."""
    span = analysis.doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    token = span.root
    path = [token.i]
    while len(path) < 12 and token.head.i != token.i:
        token = token.head
        path.append(token.i)
    return path


def clause_figures(candidate: Candidate, others: Iterable[Candidate], figure_paths: Sequence[list[int]]) -> list[int]:
    """Indices of figures whose phrase sits in the event's clause and in no nearer trigger's clause
    (``figure_paths``: :func:`figure_path` of each figure)."""
    anchors = {t.i for t in anchor_tokens(candidate)}
    nearer = {t.i for other in others if other is not candidate for t in anchor_tokens(other)}
    found: list[int] = []
    for index, path in enumerate(figure_paths):
        for token in path:
            if token in anchors:
                found.append(index)
                break
            if token in nearer:
                break
    return found

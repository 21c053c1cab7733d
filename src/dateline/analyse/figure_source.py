"""Who claims a figure, and when and where it applies: quote speaker, "according to X", "X said";
the reference period ("since the start of the offensive") and place stated in its sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.analyse.base import Analysis
from dateline.analyse.figure_lexicon import FigureLexicon
from dateline.record import Attribution, Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
PERIOD_PHRASE = re.compile(
    r"\b(?:since|during|over|throughout|in)\s+(?:the\s+)?(?:past|last|start|beginning|outbreak|onset|course)\b[^,.;:]*",
    re.IGNORECASE,
)


def figure_source(analysis: Analysis, number: Span, anchor: Token, lexicon: FigureLexicon) -> Attribution | None:
    """The quote speaker when the figure sits in a quote, else "according to X" or the subject of a
    speech verb governing it ("X said", "X reported"), else None (the article's own voice)."""
    quote = analysis.quote_at(number.start, number.end)
    if quote is not None and quote.speaker is not None:
        speaker = quote.speaker
        return Attribution(speaker.text, speaker.entity, speaker.start, speaker.end, speaker.affiliation, speaker.channel)
    according = _according_to(anchor)
    if according is not None:
        return _attribution(analysis, according)
    for ancestor in (anchor, *anchor.ancestors):
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in lexicon.attribution_verbs:
            subject = _subject_of(ancestor)
            if subject is not None:
                return _attribution(analysis, subject)
    return None


def _according_to(anchor: Token) -> Token | None:
    for token in anchor.sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _subject_of(verb: Token) -> Token | None:
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _attribution(analysis: Analysis, head: Token) -> Attribution:
    left = max(head.left_edge.i, head.i - 6)
    right = min(head.right_edge.i, head.i + 6)
    doc = head.doc
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    entity = analysis.entity_at(head.idx, head.idx + len(head))
    if entity is None and head.lower_ in PERSONAL_PRONOUNS:
        entity = _last_person_before(analysis, head.idx)
    return Attribution(text=analysis.text[start:end], entity=entity.id if entity else None, start=start, end=end)


def _last_person_before(analysis: Analysis, char: int) -> Entity | None:
    best: Entity | None = None
    best_end = -1
    for entity in analysis.record.entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            if mention.end <= char and mention.end > best_end and mention.kind == "name":
                best, best_end = entity, mention.end
    return best


def figure_period(analysis: Analysis, sentence: int, lexicon: FigureLexicon) -> str | None:
    """The reference period stated in the figure's sentence ("since the start of the offensive",
    "during the past 75 days"), from the times extractor or the sentence text."""
    bounds = analysis.record.sentences[sentence]
    text = analysis.text
    for time in analysis.record.times:
        if not bounds.start <= time.start < bounds.end:
            continue
        window_start = max(bounds.start, time.start - 20)
        before = text[window_start : time.start].lower()
        for word in lexicon.period_starts:
            at = before.rfind(word + " ")
            if at >= 0 and before[at + len(word) :].strip() in ("", "the"):
                return text[window_start + at : time.end]
    match = PERIOD_PHRASE.search(bounds.text)
    return match.group().strip() if match else None


def figure_place(analysis: Analysis, sentence: int, number_end: int) -> str | None:
    """The id of the place (GPE or LOC entity) the sentence puts the figure in ("in Gaza"), if any."""
    bounds = analysis.record.sentences[sentence]
    candidates: list[tuple[int, str]] = []
    for entity in analysis.record.entities:
        if entity.type not in ("GPE", "LOC"):
            continue
        for mention in entity.mentions:
            if bounds.start <= mention.start < bounds.end:
                before = analysis.text[max(bounds.start, mention.start - 4) : mention.start].lower()
                distance = abs(mention.start - number_end)
                if (before.endswith("in ") or before.endswith("on ")) and distance <= 80:
                    candidates.append((distance, entity.id))
    return min(candidates)[1] if candidates else None

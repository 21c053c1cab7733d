"""Colons: labelled paragraphs ("WALLACE: Let's start with …" in transcripts, "Pence: Flowers won't
be at debate" in headlines) and longer leads before a quote (``The rally had one message: “…”``).

A paragraph that opens with a short name and a colon gives the rest of the paragraph to that name,
as interview transcripts and news headlines do. The label must be a name (proper nouns or a name
in capitals, not a place or a date); quoted words after the colon are left to the direct-quote
finder ("X: “…”").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import Candidate, trim, word_count
from dateline.analyse.quote_cues import CueWord, noun_cue, verb_cue
from dateline.analyse.quote_speakers import subject_of
from dateline.data import load_json
from dateline.record import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis
    from dateline.record import Entity

MAX_LABEL_WORDS = 4
MIN_CONTENT_WORDS = 3
OPENING_MARKS = "\"'“‘«„ \t"
NOT_SPEAKERS = ("GPE", "LOC", "DATE", "TIME", "CARDINAL", "EVENT", "FAC", "MONEY", "PERCENT")
SPEAKER_TYPES = ("PERSON", "ORG")
NOUN_OBJECT_DEPS = ("dobj", "pobj", "attr")  # a speech noun's phrase may run on over its verb's adjuncts


@lru_cache(maxsize=1)
def _not_speakers() -> frozenset[str]:
    """Label words that are not speakers ("Correction:", "UPDATE:"), from data/speech_cues.json."""
    raw = load_json("speech_cues.json")
    return frozenset(raw["label_words_not_speakers"]["words"])


def _is_name(tokens: list[Token], entity: Entity | None) -> bool:
    """True when the label's words are a name: proper nouns or capitals, or capitalised words that
    name a person or organisation of the article's entities ("Sanders:", which the tagger may
    take for a plural noun), and no place or date."""
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > MAX_LABEL_WORDS or any(t.ent_type_ in NOT_SPEAKERS for t in words):
        return False
    if any(t.lower_ in _not_speakers() for t in words):
        return False
    if entity is not None and entity.type in SPEAKER_TYPES and all(t.is_title for t in words):
        return True
    return all(t.pos_ == "PROPN" or (t.is_upper and t.is_alpha and len(t.text) > 1) for t in words)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def colon_candidates(analysis: Analysis, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Paragraphs opened by "Name:" that no other quote covers."""
    text, found = analysis.text, []
    for low, high in _paragraphs(text):
        start = low
        while start < high and text[start] in OPENING_MARKS:
            start += 1
        colon = text.find(":", start, min(high, start + 60))
        if colon <= start or word_count(text[start:colon]) > MAX_LABEL_WORDS:
            continue
        tokens = analysis.tokens_starting_within(start, colon)
        content = trim(text, colon + 1, high)
        while content[1] > content[0] and text[content[1] - 1] in ".\"”'’ ":
            content = (content[0], content[1] - 1)
        entity = analysis.entity_at(start, colon)
        if not _is_name(tokens, entity) or word_count(text[content[0] : content[1]]) < MIN_CONTENT_WORDS:
            continue
        if text[content[0]] in OPENING_MARKS or any(s < content[1] and content[0] < e for s, e in taken):
            continue
        speaker = Attribution(text[start:colon], entity.id if entity else None, start, colon, None)
        cue = CueWord(colon, colon + 1, ":", "speech", "neutral")
        found.append(Candidate(content[0], content[1], "indirect", cue, speaker, 0.6))
    return found


def colon_lead_speaker(analysis: Analysis, lead: list[Token]) -> tuple[CueWord, Token] | None:
    """The cue and speaker of a quote after a lead that ends in a colon and is longer than a label:
    a speech noun whose phrase ends at the colon (``The rally had one message: “…”``, ``McConnell
    delivered a blunt message to Trump: “…”``; the speaker is the noun's possessor or the subject
    of its verb), or a person's name right before the colon after words with no cue
    (``The surge does not surprise pollster Dana Ortiz: “…”``, ``More from Ortiz: “…”``)."""
    words = [token for token in lead if not token.is_punct and not token.is_space]
    if not words or lead[-1].text != ":":
        return None
    colon = lead[-1]
    for noun in reversed(words):
        cue = noun_cue(noun)
        if cue is None:
            continue
        clause = noun.head if noun.dep_ in NOUN_OBJECT_DEPS else noun
        if any(not _descends_from(token, clause) for token in words if token.i > noun.i):
            return None
        speaker = _noun_speaker(noun)
        return (cue, speaker) if speaker is not None else None
    last = words[-1]
    entity = analysis.entity_at(last.idx, last.idx + len(last.text))
    if last.pos_ != "PROPN" or entity is None or entity.type != "PERSON" or any(verb_cue(t) for t in words):
        return None
    return CueWord(colon.idx, colon.idx + 1, ":", "speech", "neutral"), last


def _noun_speaker(noun: Token) -> Token | None:
    """Whose words a speech noun names: its possessor, or the subject of the verb it hangs on."""
    owner = next((child for child in noun.children if child.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None


def _descends_from(token: Token, head: Token) -> bool:
    return token.i == head.i or head in token.ancestors

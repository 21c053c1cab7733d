"""Labelled paragraphs: "WALLACE: Let's start with …" (transcripts), "Pence: Flowers won't be at debate" (headlines).

A paragraph that opens with a short name and a colon gives the rest of the paragraph to that name,
as interview transcripts and news headlines do. The label must be a name (proper nouns or a name
in capitals, not a place or a date); quoted words after the colon are left to the direct-quote
finder ("X: “…”").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import Candidate, trim, word_count
from dateline.analyse.quote_cues import CueWord
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

"""What the quote finders share: a found quote before it becomes a record item, and text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.analyse.quote_cues import CueWord
from dateline.record import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

WORD = re.compile(r"\w+(?:['’]\w+)*")
TRAILING = " \t\n,;:—–-"
SET_OFF = (",", "—", "–", "--", ";")  # marks that set a trailing phrase off from a reported clause


@dataclass
class Candidate:
    """A quote found in the text: content range, kind, cue, speaker and how sure the finder is."""

    start: int
    end: int
    kind: str
    cue: CueWord | None
    speaker: Attribution | None
    confidence: float
    addressee: str | None = None
    speaker_note: str | None = None
    anchor: int | None = None  # where the reported clause's head word is, when known
    phrasal: bool = False  # the content is an object or infinitive, not a clause


def words(text: str) -> list[str]:
    """The words of a text, lower-cased (what the scorers count)."""
    return [word.lower() for word in WORD.findall(text)]


def word_count(text: str) -> int:
    """How many words a text has."""
    return len(WORD.findall(text))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading/trailing spaces, commas, colons and dashes."""
    while start < end and text[start] in TRAILING:
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def paragraph_of(text: str, char: int) -> tuple[int, int]:
    """The line (paragraph) that holds ``char``, as ``[start, end)``."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end == -1 else end


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Length of the overlap of two ranges."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def is_set_off(token: Token) -> bool:
    """True when the phrase ``token`` heads follows a comma, dash or semicolon."""
    first = token.left_edge
    return first.i > 0 and first.nbor(-1).text in SET_OFF


def own_subject(verb: Token) -> Token | None:
    """The subject the parser gave ``verb`` itself (active, passive or expletive), or None."""
    return next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "expl")), None)

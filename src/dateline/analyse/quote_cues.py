"""Speech cues: which words introduce reported content, of what kind and with what stance.

The lexicon is ``data/speech_cues.json`` (documented in docs/quotes.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.data import load_json

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH_KINDS = frozenset({"speech", "writing"})
ALL_KINDS = frozenset({"speech", "writing", "belief", "knowledge", "evidence"})


@dataclass(frozen=True)
class CueWord:
    """A cue found in the text: its character range, its lemma or phrase, kind and stance."""

    start: int
    end: int
    lemma: str
    kind: str
    stance: str


@dataclass(frozen=True)
class Lexicon:
    """The speech-cue tables of ``data/speech_cues.json``."""

    verbs: dict[str, tuple[str, str]]
    particle_verbs: dict[str, tuple[str, str]]
    prepositional: dict[str, tuple[str, str]]
    nouns: dict[str, tuple[str, str]]
    channel_words: frozenset[str]
    pronouns: dict[str, str]
    verb_lemmas: frozenset[str]  # every lemma a verb cue can have: the verbs and those of the particle verbs


def _pairs(table: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {key: (value[0], value[1]) for key, value in table.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue lexicon, loaded once from the package data."""
    raw = load_json("speech_cues.json")
    verbs, particle_verbs = _pairs(raw["verbs"]), _pairs(raw["particle_verbs"])
    return Lexicon(
        verbs=verbs,
        particle_verbs=particle_verbs,
        prepositional=_pairs(raw["prepositional_cues"]),
        nouns=_pairs(raw["speech_nouns"]),
        channel_words=frozenset(word.lower() for word in raw["channel_words"]),
        pronouns=dict(raw["pronouns"]),
        verb_lemmas=frozenset({*verbs, *(phrase.split()[0] for phrase in particle_verbs)}),
    )


def verb_cue(token: Token, kinds: frozenset[str] = SPEECH_KINDS) -> CueWord | None:
    """The cue a verb token is (with its particle: "pointed out"), or None."""
    table = lexicon()
    lemma = token.lemma_.lower()
    if lemma not in table.verb_lemmas:  # most words: the cheapest test first
        return None
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return None
    for child in token.children:
        if child.dep_ == "prt":
            phrase = f"{lemma} {child.lower_}"
            if phrase in table.particle_verbs:
                kind, stance = table.particle_verbs[phrase]
                if kind not in kinds:
                    return None
                first, last = (token, child) if token.idx < child.idx else (child, token)
                return CueWord(first.idx, last.idx + len(last.text), phrase, kind, stance)
    entry = table.verbs.get(lemma)
    if entry is None or entry[0] not in kinds:
        return None
    return CueWord(token.idx, token.idx + len(token.text), lemma, entry[0], entry[1])


def noun_cue(token: Token, kinds: frozenset[str] = SPEECH_KINDS) -> CueWord | None:
    """The cue a speech noun is ("in a statement", "the warning"), or None."""
    entry = lexicon().nouns.get(token.lemma_.lower())
    if entry is None or entry[0] not in kinds or token.pos_ != "NOUN":
        return None
    return CueWord(token.idx, token.idx + len(token.text), token.lemma_.lower(), entry[0], entry[1])


def is_channel(words: str) -> bool:
    """True when a phrase names a news medium ("AFP", "Channel 12", "the newspaper")."""
    lowered = words.lower().replace("’s", "").replace("'s", "")
    tokens = set(lowered.replace("-", " ").split())
    table = lexicon().channel_words
    return bool(tokens & table) or any(" " in word and word in lowered for word in table)


def pronoun_class(word: str) -> str | None:
    """``person``, ``group``, ``organisation``, ... for a personal pronoun, else None."""
    return lexicon().pronouns.get(word.lower())

"""The framing lexicon (``data/framing_lexicon.json``) loaded and compiled into patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.analyse.regex_prefilter import Requirement, required_words
from dateline.data import load_json

SIDE_RULES = ("fixed", "critic_of_party", "supporter_of_party")


@dataclass(frozen=True)
class Party:
    """One party of a listed conflict, the words that name it, and the side that speaks for it."""

    key: str
    conflict: str
    side: str
    opposite: str
    adjective: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """A loaded term (or pattern) with its neutral wording and how its side is decided."""

    index: int
    pattern: re.Pattern[str]
    neutral: str
    side_rule: str
    conflict: str
    side: str | None
    needs_context: bool
    required: Requirement = ()  # words a match needs (see regex_prefilter)


@dataclass(frozen=True)
class Lexicon:
    """Entries, parties and conflicts of the framing lexicon."""

    entries: tuple[Entry, ...]
    parties: tuple[Party, ...]
    party_pattern: re.Pattern[str]
    conflicts: dict[str, Any]

    def party_named(self, words: str) -> Party | None:
        """The party a party word names ('Zionist' -> israel), matched case-insensitively."""
        lowered = words.lower()
        return next((p for p in self.parties if any(w.lower() == lowered for w in p.words)), None)


def _words_alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) + ")"


def _term_regex(term: str) -> str:
    words = term.split()
    optional_the = words[0].lower() == "the" and len(words) > 1
    body = r"\s+".join(re.escape(w) for w in (words[1:] if optional_the else words))
    return (r"(?:the\s+)?" if optional_the else "") + body


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Compile a lexicon document (the JSON of ``framing_lexicon.json``) into patterns."""
    conflicts: dict[str, Any] = data["conflicts"]
    parties = []
    for key, party in data["parties"].items():
        sides = conflicts[party["conflict"]]["sides"]
        parties.append(Party(
            key=key, conflict=party["conflict"], side=sides[party["side"]], opposite=sides[1 - party["side"]],
            adjective=party["adjective"], words=tuple(party["words"]),
        ))
    party_words = _words_alternation([w for p in parties for w in p.words])
    entries = []
    for index, entry in enumerate(data["entries"]):
        if entry["side_rule"] not in SIDE_RULES:
            raise ValueError(f"framing entry {index}: unknown side_rule {entry['side_rule']!r}")
        alternatives = [_term_regex(t) for t in entry.get("terms", [])]
        if "pattern" in entry:
            alternatives.append(entry["pattern"].replace("{party}", party_words))
        regex = r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"
        entries.append(Entry(
            index=index, pattern=re.compile(regex, re.IGNORECASE), neutral=entry["neutral"],
            side_rule=entry["side_rule"], conflict=entry["conflict"], side=entry.get("side"),
            needs_context=bool(entry.get("needs_context", False)), required=required_words(regex, re.IGNORECASE),
        ))
    party_pattern = re.compile(r"(?<![\w-])" + party_words + r"(?![\w-])")
    return Lexicon(tuple(entries), tuple(parties), party_pattern, conflicts)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged framing lexicon, compiled once."""
    return compile_lexicon(load_json("framing_lexicon.json"))

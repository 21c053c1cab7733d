"""The time-word lexicon (data/time_words.json) and the regular-expression pieces built from it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.data import load_json

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The lexicon as loaded from ``dateline/data/time_words.json``."""
    data: dict[str, Any] = load_json("time_words.json")
    return data


Trie = dict[str, "Trie"]  # "" marks the end of a phrase


def _trie_regex(trie: Trie) -> str:
    """A trie's phrases as a regex, the longer continuation tried before ending here."""
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_regex(child) for char, child in trie.items() if char]
    if "" in trie:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _as_trie(options: list[str], case_sensitive: bool) -> Trie | None:
    """The phrases as a trie, or None when two sibling characters could match the same character
    (then a trie could try a shorter phrase before a longer one)."""
    trie: Trie = {}
    for option in options:
        if not option.isascii() or any(c.isspace() and c != " " for c in option):
            return None
        node = trie
        for char in option:
            node = node.setdefault(char, {})
        node[""] = {}
    pending = [trie]
    while pending:
        node = pending.pop()
        chars = [c for c in node if c]
        if not case_sensitive and len({c.lower() for c in chars}) < len(chars):
            return None
        pending.extend(node.values())
    return trie


def alternation(options: list[str] | tuple[str, ...], case_sensitive: bool = False) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace.

    Written as a trie (one branch per next character) when that finds the same matches, which
    it does much faster than a flat alternation.
    """
    ordered = sorted(options, key=len, reverse=True)
    trie = _as_trie(ordered, case_sensitive) if ordered else None
    if trie is not None:
        return "(?:" + _trie_regex(trie) + ")"
    escaped = [re.escape(option).replace(r"\ ", r"\s+") for option in ordered]
    return "(?:" + "|".join(escaped) + ")"


def capitalised(options: list[str]) -> str:
    """An alternation matching each word capitalised (Monday) or upper-case (MONDAY), case-sensitively."""
    forms = [form for option in options for form in (option.capitalize(), option.upper())]
    return "(?-i:" + alternation(forms, case_sensitive=True) + ")"


def number_word_pattern() -> str:
    """Regex for a cardinal written in digits or English words (up to ninety-nine, 'a', 'a dozen')."""
    units = [w for w, n in words()["numbers"].items() if n < 20 and w not in ("a", "an", "a couple of")]
    compound = alternation(list(TENS)) + r"(?:[\s-]" + alternation(units) + ")?"
    return r"(?:\d+(?:\.\d+)?|" + compound + "|" + alternation([*units, "a couple of", "an", "a"]) + ")"


def parse_number(text: str) -> float | None:
    """The value of a cardinal written in digits or words ("75", "twenty-five", "a"), else None."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    try:
        return float(cleaned.replace(",", ""))
    except ValueError:
        pass
    numbers: dict[str, int] = words()["numbers"]
    if cleaned in numbers:
        return float(numbers[cleaned])
    parts = re.split(r"[\s-]+", cleaned)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in numbers:
        return float(numbers[parts[0]] + numbers[parts[1]])
    return None


def unit_of(word: str) -> tuple[str, str, int, bool] | None:
    """(singular name, TIMEX3 letter, multiplier, is time-of-day unit) for a unit word, or None."""
    lowered = word.lower()
    singular = words()["unit_plurals"].get(lowered, lowered)
    entry = words()["units"].get(singular)
    if entry is None:
        return None
    letter, multiplier, clock = entry
    return singular, str(letter), int(multiplier), bool(clock)


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation ("Sept.", "november"), else None."""
    month: int | None = words()["months"].get(word.lower().rstrip("."))
    return month


def weekday_number(word: str) -> int | None:
    """ISO weekday (1=Monday) for a weekday name or abbreviation, else None."""
    day: int | None = words()["weekdays"].get(word.lower().rstrip("."))
    return day

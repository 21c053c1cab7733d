"""Numbers written in digits or English words, parsed to their values."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.analyse.number_lexicon import load_lexicon

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")


def parse_digits(text: str) -> float | None:
    """The value of a number written in digits ("19,667", "2.5", ".500"), or None."""
    if not text or not DIGITS.match(text) or not any(c.isdigit() for c in text):
        return None
    return float(text.replace(",", ""))


def is_number_word(word: str) -> bool:
    """Whether ``word`` (any case) is a cardinal number word or "dozen"."""
    lexicon = load_lexicon()
    lowered = word.lower()
    return lowered in lexicon.units or lowered in lexicon.tens or lowered in lexicon.scales or lowered == "dozen"


def words_to_number(words: Sequence[str]) -> float | None:
    """The value of English number words ("twenty", "one"; "two", "hundred", "and", "five"; "two", "dozen").

    Hyphens are left out by the caller ("twenty-one" → "twenty", "one"). A leading "a" counts as one
    before a scale or "dozen" ("a dozen" = 12, "a hundred" = 100). "and a half" adds one half.
    Returns None when the words are not a well-formed number.
    """
    lexicon = load_lexicon()
    lowered = [w.lower() for w in words]
    if lowered[-3:] == ["and", "a", "half"] and len(lowered) > 3:
        base = words_to_number(words[:-3])
        return None if base is None else base + 0.5
    total = 0
    current = 0
    seen_number = False
    last = ""
    for index, word in enumerate(lowered):
        if word == "a" and index == 0 and len(lowered) > 1:
            current, last = 1, "a"
            continue
        if word == "and":
            if not seen_number or index == len(lowered) - 1:
                return None
            last = "and"
            continue
        if word in lexicon.units:
            if last in lexicon.units:
                return None
            if last in lexicon.tens and lexicon.units[word] >= 10:
                return None
            current += lexicon.units[word]
        elif word in lexicon.tens:
            if last in lexicon.units or last in lexicon.tens:
                return None
            current += lexicon.tens[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word in lexicon.scales:
            total += max(current, 1) * lexicon.scales[word]
            current = 0
        else:
            return None
        seen_number = True
        last = word
    if not seen_number:
        return None
    return float(total + current)


def number_to_words(number: int) -> str:
    """English words for a whole number 0 ≤ n < 10**15 ("twenty-one", "one hundred and five")."""
    lexicon = load_lexicon()
    unit_names = {v: k for k, v in lexicon.units.items()}
    ten_names = {v: k for k, v in lexicon.tens.items()}

    def below_thousand(n: int) -> str:
        parts: list[str] = []
        if n >= 100:
            parts.append(f"{unit_names[n // 100]} hundred")
            n %= 100
            if n:
                parts.append("and")
        if n >= 20:
            parts.append(ten_names[n - n % 10] + (f"-{unit_names[n % 10]}" if n % 10 else ""))
        elif n or not parts:
            parts.append(unit_names[n])
        return " ".join(parts)

    if number == 0:
        return "zero"
    chunks: list[str] = []
    for name, scale in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6), ("thousand", 1000)):
        if number >= scale:
            chunks.append(f"{below_thousand(number // scale)} {name}")
            number %= scale
    if number:
        chunks.append(below_thousand(number))
    return " ".join(chunks)

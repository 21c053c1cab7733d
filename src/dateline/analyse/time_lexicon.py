"""The time-word lexicon (data/time_words.json) and the regular-expression pieces built from it."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The lexicon as loaded from ``dateline/data/time_words.json``."""
    text = resources.files("dateline").joinpath("data/time_words.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def alternation(options: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    escaped = [re.escape(option).replace(r"\ ", r"\s+") for option in sorted(options, key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


def capitalised(options: list[str]) -> str:
    """An alternation matching each word capitalised (Monday) or upper-case (MONDAY), case-sensitively."""
    forms = [form for option in options for form in (option.capitalize(), option.upper())]
    return "(?-i:" + alternation(forms) + ")"


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

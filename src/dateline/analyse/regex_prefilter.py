"""A cheap exact pre-test for case-insensitive regexes: words every match must contain.

Scanning a long text with a regex that starts with a look-behind costs the same whether or not
it matches. :func:`required_words` reads a pattern's parse tree for ASCII literal runs every match
contains (any one of several, for alternatives); :func:`may_match` tests them against the
lower-cased text first, so patterns that cannot match are never run. The test is exact: when it
says no, the regex finds nothing (texts holding a non-ASCII character that matches an ASCII letter
case-insensitively, such as the Kelvin sign, always get the full regex).

:func:`first_chars` reads, the same way, the characters a match can start with (the times tagger
tries a rule only at word starts it can begin, see time_scan.py).
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parser
from functools import lru_cache
from typing import Any

Requirement = tuple[frozenset[str], ...]  # every set must have a member in the text


@lru_cache(maxsize=1)
def _letter_lookalikes() -> frozenset[str]:
    """Non-ASCII characters a case-insensitive regex matches to an ASCII letter."""
    every = "".join(map(chr, range(0x80, 0x10000)))  # no case mapping outside the BMP reaches ASCII
    return frozenset(re.findall(r"[a-z]", every, re.IGNORECASE))


def folded(text: str) -> str | None:
    """The lower-cased text for :func:`may_match`, or None when it holds an ASCII-letter look-alike."""
    if not text.isascii() and not _letter_lookalikes().isdisjoint(text):
        return None
    return text.lower()


def _runs(items: Any) -> list[frozenset[str]]:
    """The requirements of a parsed sequence: its literal runs and required groups."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, value in items:
        if op is sre_constants.LITERAL and value < 128:
            run.append(chr(value))
            continue
        flush()
        if op is sre_constants.SUBPATTERN:
            found.extend(_runs(value[3]))
        elif op is sre_constants.BRANCH:
            branches = [best for branch in value[1] if (best := _best(_runs(branch))) is not None]
            if branches and len(branches) == len(value[1]):
                found.append(frozenset().union(*branches))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT) and value[0] >= 1:
            found.extend(_runs(value[2]))
        elif op is sre_constants.ATOMIC_GROUP:
            found.extend(_runs(value))
    flush()
    return found


def _best(requirements: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: the one whose shortest word is longest."""
    return max(requirements, key=lambda words: min(map(len, words)), default=None)


def required_words(pattern: str, flags: int = 0) -> Requirement:
    """Sets of lower-case ASCII strings: each set has a member in (the lower-cased text of) every match."""
    return tuple(sorted(_runs(sre_parser.parse(pattern, flags)), key=len))  # small sets test fastest


def may_match(requirement: Requirement, folded_text: str | None) -> bool:
    """False only when no match of the pattern can exist in the text (``folded_text`` from :func:`folded`)."""
    if folded_text is None:
        return True
    return all(any(word in folded_text for word in words) for words in requirement)


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters a match of ``pattern`` can start with (letters in both cases), or None
    when that is unknown (a match may be empty, or start with any character).

    A match can also start with a non-ASCII character wherever the pattern allows one, and a
    case-insensitive ASCII letter can match a look-alike (the Kelvin sign): callers must treat a
    non-ASCII character as one the pattern may start with.
    """
    chars, nullable = _first(sre_parser.parse(pattern, flags))
    return None if chars is None or nullable else frozenset(chars | {c.swapcase() for c in chars})


def _first(items: Any) -> tuple[set[str] | None, bool]:
    """The first characters of a parsed sequence (None: any) and whether it can match empty."""
    found: set[str] = set()
    for op, value in items:
        chars, nullable = _first_of_item(op, value)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op: Any, value: Any) -> tuple[set[str] | None, bool]:
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
        return set(), True  # zero-width: the next item starts the match
    if op is sre_constants.LITERAL:
        return ({chr(value)}, False) if value < 128 else (None, False)
    if op is sre_constants.IN:
        return _class_chars(value), False
    if op is sre_constants.SUBPATTERN:
        return _first(value[3])
    if op is sre_constants.ATOMIC_GROUP:
        return _first(value)
    if op is sre_constants.BRANCH:
        branches = [_first(branch) for branch in value[1]]
        if any(chars is None for chars, _ in branches):
            return None, False
        return set().union(*(chars for chars, _ in branches if chars)), any(nullable for _, nullable in branches)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        chars, nullable = _first(value[2])
        return chars, nullable or value[0] == 0
    return None, False


ASCII_CATEGORIES = {
    category: "".join(c for c in map(chr, range(128)) if re.fullmatch(regex, c))
    for category, regex in ((sre_constants.CATEGORY_DIGIT, r"\d"), (sre_constants.CATEGORY_WORD, r"\w"),
                            (sre_constants.CATEGORY_SPACE, r"\s"))
}


def _class_chars(items: Any) -> set[str] | None:
    """The ASCII characters of a character class, or None for a negated or unknown class."""
    chars: set[str] = set()
    for op, value in items:
        if op is sre_constants.LITERAL:
            if value >= 128:
                return None
            chars.add(chr(value))
        elif op is sre_constants.RANGE:
            if value[1] >= 128:
                return None
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif op is sre_constants.CATEGORY and value in ASCII_CATEGORIES:
            chars.update(ASCII_CATEGORIES[value])
        else:
            return None
    return chars

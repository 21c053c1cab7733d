"""A cheap exact pre-test for case-insensitive regexes: words every match must contain.

Scanning a long text with a regex that starts with a look-behind costs the same whether or not
it matches. :func:`required_words` reads a pattern's parse tree for ASCII literal runs every match
contains (any one of several, for alternatives); :func:`may_match` tests them against the
lower-cased text first, so patterns that cannot match are never run. The test is exact: when it
says no, the regex finds nothing (texts holding a non-ASCII character that matches an ASCII letter
case-insensitively, such as the Kelvin sign, always get the full regex).
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

"""The regex pre-test: it may only say "cannot match" when the regex indeed finds nothing."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.analyse.framing_lexicon import load_lexicon
from dateline.analyse.regex_prefilter import first_chars, folded, may_match, required_words
from dateline.analyse.time_patterns import compiled_rules

PATTERNS = [
    r"(?<![\w-])(?:(?:the\s+)?occupation\s+(?:forces|army)|IOF)(?![\w-])",
    r"(?:brutal|criminal)\s+(?:war|attacks?)",
    r"(?P<n>\d+)\s+(?:days?|weeks?)\s+ago",
]
WORDS = ["the", "The", "occupation", "OCCUPATION", "forces", "army", "IOF", "brutal", "war", "attack", "attacks",
         "3", "days", "ago", "week", "\u212a", "ſ", "İ", "-", " ", "\n", "criminal"]


def test_regex_prefilter_required_words_of_alternatives_and_sequences() -> None:
    requirement = required_words(PATTERNS[0], re.IGNORECASE)
    assert frozenset({"occupation", "iof"}) in requirement
    assert set(required_words(PATTERNS[1], re.IGNORECASE)) == {frozenset({"brutal", "criminal"}), frozenset({"war", "attack"})}


def test_regex_prefilter_rejects_text_without_the_words_and_accepts_lookalikes() -> None:
    requirement = required_words(PATTERNS[0], re.IGNORECASE)
    assert not may_match(requirement, folded("Forces of the army moved."))
    assert may_match(requirement, folded("The OCCUPATION forces left."))
    assert folded("\u212abul") is None  # Kelvin sign matches "k" case-insensitively: always run the regex


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
def test_regex_prefilter_never_skips_a_matching_pattern(text: str) -> None:
    for pattern in PATTERNS:
        regex = re.compile(pattern, re.IGNORECASE)
        if regex.search(text):
            assert may_match(required_words(pattern, re.IGNORECASE), folded(text))


def test_regex_prefilter_framing_and_time_rules_keep_every_match() -> None:
    text = "Israeli occupation forces said the brutal war began three days ago, on March 3, 2024, at 5 p.m."
    lowered = folded(text)
    for entry in load_lexicon().entries:
        if entry.pattern.search(text):
            assert may_match(entry.required, lowered)
    for _, regex in compiled_rules():
        if regex.search(text):
            assert may_match(required_words(regex.pattern, regex.flags), lowered)


def test_first_chars_reads_what_a_match_can_start_with() -> None:
    assert first_chars(r"(?:the\s+)?[12]\d", re.IGNORECASE) == frozenset("tT12")
    assert first_chars(r"(?-i:[A-Z])x|\bq") == frozenset(string.ascii_letters) | {"q", "Q"}
    assert first_chars(r"a?") is None  # may match empty
    assert first_chars(r".x") is None  # any character
    assert first_chars(r"é|e") is None  # a non-ASCII first character is not tracked
    assert first_chars(r"[^a]x") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "March", "3rd", "'90s", "last", "Friday", "\u0663", "K"]), max_size=12))
def test_first_chars_every_time_rule_match_starts_with_one(words: list[str]) -> None:
    text = " ".join(words)
    for _, regex in compiled_rules():
        first = first_chars(regex.pattern, regex.flags)
        for match in regex.finditer(text):
            char = text[match.start()]
            assert first is None or char in first or not char.isascii()

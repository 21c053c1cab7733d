"""The tagger: regular expressions that find temporal expressions, and the longest-match choice among them.

Extent rule (docs/times.md): an expression starts at its own words, never at a preposition that
only places it ("on", "in", "at", "since", "until" are left out); ranges keep their "from"/"between".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.analyse.time_lexicon import alternation, capitalised, number_word_pattern, words
from dateline.analyse.time_scan import WORD_END, WORD_START, Scanner


@dataclass(frozen=True)
class Candidate:
    """A stretch of text one rule matched, with the rule's named groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]
    priority: int
    spans: dict[str, tuple[int, int]]


def _pieces() -> dict[str, str]:
    lexicon = words()
    months_full = [m for m in lexicon["months"] if len(m) > 4 or m in ("may", "june", "july")]
    month_abbr = [m for m in lexicon["months"] if m not in months_full]
    units = list(lexicon["units"]) + list(lexicon["unit_plurals"])
    return {
        "MONTH": "(?:" + capitalised(months_full) + "|" + capitalised(month_abbr) + r"\.?)",
        "FULLMONTH": capitalised(months_full),
        "WEEKDAY": capitalised([d for d in lexicon["weekdays"] if d.endswith("day")]),
        "DAYNUM": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])",
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)(?![\d%])",
        "NUM": number_word_pattern(),
        "UNIT": alternation(units),
        "PLURAL": alternation(list(lexicon["unit_plurals"])),
        "SEASON": alternation(list(lexicon["seasons"])),
        "POD": alternation(list(lexicon["parts_of_day"])),
        "ORD": alternation(list(lexicon["ordinals"])),
        "VAGUE": alternation(list(lexicon["vague_numbers"])),
        "MOD": r"(?:early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)",
        "WORD": r"(?-i:[A-Z][a-z]{2,3}\.|[A-Z][a-z]+|\d{1,4}(?:st|nd|rd|th)?)",
        "ADJ": r"(?:trading|business|working|consecutive|straight|calendar|full|fiscal|financial|school|academic)",
        "REL": r"(?:last|next|this|past|coming|previous|following|current)",
    }


_RULES: tuple[tuple[str, str], ...] = (
    ("range_days", r"(?:(?:from|between)\s+)?(?P<d1>DAYNUM)\s*(?:-|–|to|and|until|till|through)\s*(?P<d2>DAYNUM)\s+(?:of\s+)?(?P<m>MONTH)(?:,?\s+(?P<y>YEAR))?"),
    ("range_days_md", r"(?:(?:from|between)\s+)?(?P<m>MONTH)\s+(?P<d1>DAYNUM)\s*(?:-|–|to|and|until|till|through)\s*(?P<d2>DAYNUM)(?:,?\s+(?P<y>YEAR))?"),
    ("range_dates", r"(?:from|between)\s+(?P<a>WORD(?:,?\s+(?:of\s+)?WORD){0,2}?)\s+(?:to|and|until|till|through)\s+(?P<b>WORD(?:,?\s+(?:of\s+)?WORD){0,2})(?:,?\s+(?P<y>YEAR))?(?=[\s,.;)]|$)"),
    ("range_years", r"(?P<y1>YEAR)\s*[-–]\s*(?P<y2>YEAR|\d\d)(?![\d-])"),
    ("date_iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    ("date_numeric", r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
    ("date_mdy", r"(?:(?P<wd>WEEKDAY),?\s+)?(?P<m>MONTH)\s+(?P<d>DAYNUM)(?:,\s*|\s+)(?P<y>YEAR)"),
    ("date_dmy", r"(?:(?P<wd>WEEKDAY),?\s+)?(?:the\s+)?(?P<d>DAYNUM)\s+(?:of\s+)?(?P<m>MONTH),?\s+(?P<y>YEAR)"),
    ("date_md", r"(?:(?P<wd>WEEKDAY),?\s+)?(?P<m>MONTH)\s+(?P<d>DAYNUM)\b"),
    ("date_dm", r"(?:(?P<wd>WEEKDAY),?\s+)?(?:the\s+)?(?P<d>DAYNUM)\s+(?:of\s+)?(?P<m>MONTH)\b"),
    ("month_year", r"(?:(?P<mod>MOD)[\s-]+)?(?P<m>MONTH),?\s+(?:of\s+)?(?P<y>YEAR)"),
    ("month", r"(?:(?P<mod>MOD|earlier|later)[\s-]+)?(?:(?P<rel>REL)\s+)?(?P<m>FULLMONTH)\b"),
    ("year", r"(?:(?P<mod>MOD)[\s-]+)?(?:(?P<fy>fiscal(?:\s+year)?)\s+)?(?<![\d$£€.,-])(?P<y>YEAR)(?![.,]\d)"),
    ("decade", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<short>\d0)s)\b"),
    ("century", r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<o>ORD))\s+century"),
    ("quarter", r"(?:the\s+)?(?P<o>first|second|third|fourth|final|last)[\s-]+quarter(?:\s+of\s+(?:(?P<y>YEAR)|(?P<rel>this|last|next|the)\s+year))?|\bQ(?P<q>[1-4])(?:\s+(?P<y2>YEAR))?"),
    ("half", r"the\s+(?P<o>first|second)\s+half\s+of\s+(?:(?P<y>YEAR)|(?P<rel>this|last|next|the)\s+year)"),
    ("season", r"(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>REL|the)\s+)?(?P<s>SEASON)(?:\s+(?:of\s+)?(?P<y>YEAR))?"),
    ("weekday", r"(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<wd>WEEKDAY)(?:\s+(?P<pod>POD))?"),
    ("relday", r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rd>today|tomorrow|yesterday|tonight)(?:\s+(?P<pod>POD))?"),
    ("pod", r"(?P<rel>this|last|tomorrow|yesterday|early\s+this|late\s+last|late\s+this)\s+(?P<pod>POD)"),
    ("clock", r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?m\b\.?)(?:\s+(?P<tz>GMT|UTC|EST|EDT|ET|local\s+time))?"),
    ("stopwatch", r"(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![:\d])"),
    ("clock24", r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<tz>GMT|UTC|local\s+time|hours|hrs|h))?|(?P<h2>[01]\d|2[0-3])(?P<mi2>[0-5]\d)\s*(?P<tz2>GMT|UTC|hours|hrs)"),
    ("noon", r"(?P<w>noon|midday|midnight)"),
    ("ago", r"(?P<n>NUM|VAGUE)(?:\s+and\s+a\s+half)?[\s-]+(?P<u>UNIT)\s+(?P<dir>ago|earlier|later)(?!\s+than\b)"),
    ("ref_unit", r"(?:(?P<mod>MOD|earlier|later)\s+)?(?P<rel>REL|the\s+(?:REL|same)|that)\s+(?:(?P<n>NUM|VAGUE)\s+)?(?:ADJ\s+)?(?P<u>UNIT|weekend)\b"),
    ("the_unit", r"(?P<mod>MOD)\s+(?P<rel>the\s+)?(?P<u>year|month|week|day)\b|the\s+(?P<we>weekend)"),
    ("recent", r"(?:(?P<rel>recent|coming|past|last|next|following|previous)\s+)(?P<u>PLURAL)"),
    ("duration", r"(?<!\bages\s)(?<!\bage\s)(?<!\baged\s)(?:the\s+)?(?P<n>NUM|VAGUE)(?P<half1>\s+and\s+a\s+half|-and-a-half)?[\s-]+(?:ADJ\s+)?(?P<u>UNIT)(?P<half2>\s+and\s+a\s+half)?\b(?![\s-]+old\b)"),
    ("half_unit", r"half\s+an?\s+(?P<u>hour|day|year|century|decade|month)|(?:a|an)\s+(?P<u2>hour|day|year|month|week)\s+and\s+a\s+half"),
    ("bare_plural", r"(?P<lead>for|over|within|after|in|take|takes|took|taken|last|lasted)\s+(?P<u>PLURAL)\b|(?P<u2>PLURAL)(?=\s+(?:before|after|ago|earlier|later)\b)"),
    ("set", r"(?:every|each|per)\s+(?:(?P<n>NUM|other)\s+)?(?P<u>UNIT|WEEKDAY|SEASON|POD)|(?P<f>once|twice|NUM\s+times)\s+(?:a|an|per|every|each)\s+(?P<u2>UNIT)"),
    ("set_word", r"(?P<w>" + alternation(list(words()["sets"])) + r")\b"),
    ("present_ref", alternation(words()["present_ref"])),
    ("past_ref", alternation(words()["past_ref"])),
    ("future_ref", alternation(words()["future_ref"])),
    ("holiday", r"(?P<h>" + capitalised([h.title() for h in words()["holidays"]]) + r")(?:\s+(?P<y>YEAR))?"),
)


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every rule's name and compiled regex (pieces substituted, case-insensitive, word-bounded)."""
    return tuple((name, re.compile(WORD_START + f"(?:{body})" + WORD_END, re.IGNORECASE)) for name, body in _rule_bodies())


@lru_cache(maxsize=1)
def _rule_bodies() -> tuple[tuple[str, str], ...]:
    """Every rule's name and regex with its pieces substituted, before word bounds are added."""
    pieces = _pieces()
    bodies = []
    for name, pattern in _RULES:
        for key in sorted(pieces, key=len, reverse=True):
            pattern = re.sub(rf"(?<![A-Za-z<]){key}(?![A-Za-z>])", pieces[key].replace("\\", "\\\\"), pattern)
        bodies.append((name, pattern))
    return tuple(bodies)


@lru_cache(maxsize=1)
def _scanner() -> Scanner:
    return Scanner([body for _, body in _rule_bodies()])


def find_candidates(text: str) -> list[Candidate]:
    """Every match of every rule, possibly overlapping (one rule's matches do not overlap each
    other: what its regex's ``finditer`` finds), ordered by rule, then by position."""
    found: list[Candidate] = []
    for match in _scanner().finditer(text):
        start, end = match.start, match.end
        if "lead" in match.groups:
            start = match.groups["lead"][1][1]
            while start < end and text[start].isspace():
                start += 1
        while end > start and text[end - 1] in " \t\n,":
            end -= 1
        groups = {name: value for name, (value, _) in match.groups.items()}
        spans = {name: span for name, (_, span) in match.groups.items()}
        found.append(Candidate(start, end, _RULES[match.rule][0], groups, match.rule, spans))
    return sorted(found, key=lambda candidate: candidate.priority)


def choose_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (earlier rule on ties), in text order."""
    chosen: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(candidate.end <= other.start or other.end <= candidate.start for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)

"""Tokens for the number layer, and the context rules that tell a quantity from a year, date,
clock time, ordinal or identifier, and find its change (up, down) from the word before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from dateline.analyse.number_lexicon import NumberLexicon, Qualifier, VagueQuantity

TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+|[^\W\d_]+|\S")
YEAR_BEFORE = frozenset({
    "in", "since", "of", "from", "by", "until", "till", "through", "during", "mid", "early", "late", "before", "after",
    "the", "and", "to", "year", "between", "circa", "c", "spring", "summer", "autumn", "fall", "winter", "fiscal",
    "season", "a", "-", "–", "'",
})
FUNCTION_WORDS = frozenset({
    "and", "or", "but", "the", "a", "an", "in", "on", "at", "of", "to", "for", "with", "by", "from", "as", "was", "were",
    "is", "are", "be", "been", "when", "after", "before", "that", "which", "who", "while", "he", "she", "it", "they",
    "we", "his", "her", "its", "their", "has", "had", "have", "will", "would", "this", "than", "then", "so", "if",
})


class Token(NamedTuple):
    """A word, number or punctuation mark with its character offsets (a tuple: an article makes
    about a thousand, and a tuple is the cheapest object to build)."""

    text: str
    start: int
    end: int
    lower: str


@dataclass
class NumberCore:
    """The numeric words of a quantity, as token indices, with what the scanner learnt about them."""

    value: float
    first: int
    stop: int
    vague: VagueQuantity | None = None
    scale: float = 1
    glued_unit: str | None = None
    kind: str | None = None


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into words, numbers (with separators and decimals) and single punctuation marks."""
    make = Token._make
    return [make((word := match.group(), match.start(), match.end(), word.lower())) for match in TOKEN.finditer(text)]


def detect_change(tokens: list[Token], first: int, lexicon: NumberLexicon) -> str:
    """``up`` or ``down`` when a change word comes right before the quantity ("rose 6.5%",
    "fell by 3"), else ``=``."""
    index = first - 1
    window = 1
    if 0 <= index < len(tokens) and tokens[index].lower == "by":
        index, window = index - 1, 3
    elif 0 < index < len(tokens) and tokens[index].lower == "to" and tokens[index - 1].lower not in ("up", "down"):
        index -= 1  # "climbed to 6.7%": the level reached after a change
    elif 1 < index < len(tokens) and tokens[index].lower == "to" and tokens[index - 1].lower == "down":
        index -= 2  # "dipped down to": as "dipped to"; "boiled down to" has no change
    for position in range(index, max(index - window, -1), -1):
        word = tokens[position].lower
        if word in ("up", "down") and position > 0 and tokens[position - 1].lower in lexicon.particle_verbs:
            return "="
        if word in lexicon.change_up or (window > 1 and word in lexicon.change_up_after_by):
            return "up"
        if word in lexicon.change_down:
            return "down"
    return "="


def prefix_qualifier(tokens: list[Token], number_first: int, lexicon: NumberLexicon) -> Qualifier | None:
    """The bound a prefix glued by a hyphen gives the number after it ("sub-300 sq m" is below 300)."""
    if number_first < 2 or tokens[number_first - 1].lower != "-":
        return None
    hyphen, prefix = tokens[number_first - 1], tokens[number_first - 2]
    if prefix.end != hyphen.start or hyphen.end != tokens[number_first].start:
        return None
    return lexicon.prefix_qualifiers.get(prefix.lower)


def classify_context(
    tokens: list[Token], lexicon: NumberLexicon, core: NumberCore, second: NumberCore | None,
    first: int, stop: int, kind: str,
) -> str | None:
    """The non-quantity kind the context gives this number (year, date, time, ordinal, identifier,
    or age for "aged 50"), or None when it stays a quantity of ``kind``."""
    for part in (core, second):
        if part is not None and part.kind in ("ordinal", "time", "identifier"):
            return part.kind
    rules = _Context(tokens, lexicon)
    number_stop = (second or core).stop
    if rules.is_clock(core.first, number_stop):
        return "time"
    if core.vague is None and core.value.is_integer() and core.value <= 31 and rules.next_to_month(core.first, stop):
        return "date"
    if rules.lower(core.first - 1) == "aged" or rules.is_apposed_age(core, first, stop):
        return "age"
    if kind != "count" or core.vague is not None:
        return None
    if rules.is_year(core, stop):
        return "year"
    if rules.is_identifier(core.first, first, number_stop) or rules.is_house_number(number_stop):
        return "identifier"
    return None


class _Context:
    def __init__(self, tokens: list[Token], lexicon: NumberLexicon) -> None:
        self.tokens = tokens
        self.lex = lexicon

    def lower(self, index: int) -> str:
        return self.tokens[index].lower if 0 <= index < len(self.tokens) else ""

    def text(self, index: int) -> str:
        return self.tokens[index].text if 0 <= index < len(self.tokens) else ""

    def glued(self, index: int) -> bool:
        return 0 < index < len(self.tokens) and self.tokens[index].start == self.tokens[index - 1].end

    def is_clock(self, number_first: int, number_stop: int) -> bool:
        after = self.lower(number_stop)
        if after in (":", ".") and self.glued(number_stop) and self.text(number_stop + 1)[:1].isdigit() and self.glued(number_stop + 1):
            return after == ":" or self.lower(number_stop + 2) in self.lex.clock_words
        if self.lower(number_first - 1) == ":" and self.glued(number_first) and self.text(number_first - 2)[:1].isdigit():
            return True
        if after in ("a", "p") and self.lower(number_stop + 1) == "." and self.lower(number_stop + 2) == "m":
            return True
        return after in self.lex.clock_words and after not in ("h", "hrs")

    def next_to_month(self, number_first: int, stop: int) -> bool:
        before = number_first - 1
        if self.lower(before) == ".":
            before -= 1
        if self.lower(before) in self.lex.months and self.text(before)[:1].isupper():
            return True
        after = stop
        if self.lower(after) == "of":
            after += 1
        return self.lower(after) in self.lex.months and self.text(after)[:1].isupper()

    def is_year(self, core: NumberCore, stop: int) -> bool:
        token = self.text(core.first)
        if core.scale != 1 or not re.fullmatch(r"\d{4}", token) or not 1500 <= core.value <= 2199:
            return False
        if self.lower(core.stop) == "s" and self.glued(core.stop):
            return True
        before = self.lower(core.first - 1)
        if before in YEAR_BEFORE or before in self.lex.months:
            return True
        after = self.text(stop) if stop > core.stop else self.text(core.stop)
        return not (after.isalpha() and after.islower() and after not in FUNCTION_WORDS)

    def is_identifier(self, number_first: int, first: int, number_stop: int) -> bool:
        if self.glued(number_first) and self.text(number_first - 1)[:1].isalpha():
            return True
        token = self.text(number_first)
        if len(token) > 1 and token.startswith("0") and token[1].isdigit():
            return True  # "CA-080", "2019-09-01": codes and ISO dates
        if prefix_qualifier(self.tokens, number_first, self.lex) is not None:
            return False  # "sub-7 nanometer": a bound, not a code
        if self.lower(number_first - 1) in ("-", "–", "/", "#") and self.glued(number_first):
            inside_code = self.lower(number_stop) in ("-", "–") and self.glued(number_stop)  # "2009-12-CA"
            return self.text(number_first - 2)[:1].isalpha() or self.lower(number_first - 1) in ("/", "#") or inside_code
        if self.lower(number_stop) == "/" and self.glued(number_stop):
            return True
        if self.lower(number_first - 1) == "(" and self.lower(number_stop) == ")" and self.text(number_first - 2).istitle():
            return True  # "Dak Prescott (4)": a shirt or list number
        if first != number_first:
            return False
        before = self.text(first - 1)
        if before == "." and self.lower(first - 2) in ("no", "nos"):
            return True
        lowered = before.lower()
        if lowered in self.lex.identifier_before:
            return True
        if not any(c.isupper() for c in before) or not before.isalpha():
            return False
        return not (lowered in self.lex.not_identifier_before or lowered in self.lex.months or lowered in self.lex.units)

    def is_house_number(self, number_stop: int) -> bool:
        """"49 Zorro Ranch Road", "9 E 71st St", "22 Ave Foch": a house number (in digits) before a street
        name, unless the street name modifies a noun ("5 Wall Street banks")."""
        if not self.text(number_stop - 1).isdigit():
            return False
        if self.text(number_stop) in self.lex.street_words and self.text(number_stop) != "St":  # "12 St Louis fans"
            return self.text(number_stop + 1)[:1].isupper()
        index = number_stop
        while index < number_stop + 4 and (self.text(index)[:1].isupper() or self.text(index)[:1].isdigit()):
            if self.text(index)[:1].isdigit() and self.lower(index + 1) not in ("st", "nd", "rd", "th"):
                return False
            index += 2 if self.text(index)[:1].isdigit() else 1
            after = self.text(index)
            if self.text(index - 1) in self.lex.street_words and not after[:1].isupper():
                noun_follows = after.isalpha() and after.lower() not in FUNCTION_WORDS
                return index - 1 > number_stop and not noun_follows
        return False

    def is_apposed_age(self, core: NumberCore, first: int, stop: int) -> bool:
        """"Senard, 65, said": a bare whole number between commas right after a name."""
        if first != core.first or stop != core.stop or not core.value.is_integer() or not 1 <= core.value <= 120:
            return False
        name = self.text(first - 2)
        return self.lower(first - 1) == "," and self.lower(stop) == "," and name[:1].isupper() and name.isalpha()

"""Running every tagger rule over a text in one pass instead of one pass per rule.

Every rule's match starts at a word start (``WORD_START``). The scan visits the word starts once
and, at each, tries only the rules whose matches can begin with its character (read from the rules'
regexes by :func:`regex_prefilter.first_chars`; a non-ASCII character tries them all). The rules to
try at a character are joined into one regex (:class:`RuleSet`) that matches there when one of them
does, and captures the match of each one that does. The result is, per rule, exactly what the rule's
own regex finds with ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dateline.analyse.regex_prefilter import first_chars

WORD_START = r"(?<![\w'’])"
WORD_END = r"(?!\w)"
NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


@dataclass(frozen=True)
class RuleMatch:
    """One rule's match: the rule's index, span and named groups (name → (text, span))."""

    rule: int
    start: int
    end: int
    groups: dict[str, tuple[str, tuple[int, int]]]


@dataclass(frozen=True)
class RuleSet:
    """Some rules as one regex, matched at a word start. It matches (empty) where one of the rules
    matches; there, a look-ahead per rule captures that rule's match as group ``r{index}``, with the
    rule's own groups renamed ``r{index}_{name}``."""

    regex: re.Pattern[str]
    rules: tuple[int, ...]
    groups: tuple[tuple[tuple[str, str], ...], ...]  # per rule: (group name, renamed group)

    @classmethod
    def of(cls, bodies: Sequence[str], rules: tuple[int, ...]) -> RuleSet:
        """The rule set of ``rules`` (indices into ``bodies``, the rules' regexes without word bounds)."""
        gate, captures, groups = [], [], []
        for index in rules:
            rule = f"(?:{bodies[index]}){WORD_END}"
            gate.append(NAMED_GROUP.sub("(?:", rule))
            renamed = NAMED_GROUP.sub(rf"(?P<r{index}_\1>", rule)
            captures.append(f"(?:(?=(?P<r{index}>{renamed})))?")
            groups.append(tuple((name, f"r{index}_{name}") for name in NAMED_GROUP.findall(bodies[index])))
        regex = re.compile("(?=" + "|".join(gate) + ")" + "".join(captures), re.IGNORECASE)
        return cls(regex, rules, tuple(groups))

    def matches(self, hit: re.Match[str]) -> Iterator[RuleMatch]:
        """The match of each rule of the set where ``regex`` matched (``hit``), in rule order."""
        for rule, names in zip(self.rules, self.groups, strict=True):
            start, end = hit.span(f"r{rule}")
            if start >= 0:
                groups = {name: (value, hit.span(renamed)) for name, renamed in names if (value := hit.group(renamed))}
                yield RuleMatch(rule, start, end, groups)


class Scanner:
    """All rules, scanned together; built once from the rules' regexes (without word bounds)."""

    def __init__(self, bodies: Sequence[str]) -> None:
        firsts = [first_chars(body, re.IGNORECASE) for body in bodies]
        every = RuleSet.of(bodies, tuple(range(len(bodies))))
        sets: dict[tuple[int, ...], RuleSet] = {every.rules: every}
        self.by_char: dict[str, RuleSet] = {}
        for char in map(chr, range(128)):
            rules = tuple(i for i, first in enumerate(firsts) if first is None or char in first)
            if rules:
                self.by_char[char] = sets.get(rules) or sets.setdefault(rules, RuleSet.of(bodies, rules))
        self.every = every
        starts = re.escape("".join(self.by_char))
        self.word_starts = re.compile(WORD_START + f"[{starts}\\x80-\\U0010ffff]")

    def finditer(self, text: str) -> Iterator[RuleMatch]:
        """Per rule, its non-overlapping matches as its regex's ``finditer`` finds them; rules and
        positions interleaved (in text order, then rule order)."""
        free_from = [0] * len(self.every.rules)  # where each rule's last match ended: its next starts no earlier
        for start in self.word_starts.finditer(text):
            at = start.start()
            rules = self.by_char.get(text[at], self.every)
            hit = rules.regex.match(text, at)
            if hit is None:
                continue
            for match in rules.matches(hit):
                if at >= free_from[match.rule]:
                    free_from[match.rule] = match.end
                    yield match

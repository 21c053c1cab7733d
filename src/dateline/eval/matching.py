"""Span and token matching by the gold README's rules, and TIMEX3 values as day intervals."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

S = TypeVar("S")
G = TypeVar("G")
WORD = re.compile(r"\w+")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two half-open ranges."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_match(system: tuple[int, int], gold: tuple[int, int]) -> bool:
    """The system span overlaps at least half of the gold span."""
    return overlap(system, gold) * 2 >= gold[1] - gold[0] > 0


def word_spans(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The words (``\\w+``) inside ``span`` of ``text``, as spans."""
    return [(span[0] + m.start(), span[0] + m.end()) for m in WORD.finditer(text[span[0] : span[1]])]


def token_match(text: str, system: tuple[int, int], gold: tuple[int, int], share: float = 0.6) -> bool:
    """At least ``share`` of the gold words fall inside the system span, and vice versa."""
    gold_words = word_spans(text, gold)
    system_words = word_spans(text, system)
    if not gold_words or not system_words:
        return False
    gold_inside = sum(system[0] <= s and e <= system[1] for s, e in gold_words)
    system_inside = sum(gold[0] <= s and e <= gold[1] for s, e in system_words)
    return gold_inside >= share * len(gold_words) and system_inside >= share * len(system_words)


def pair_up(
    golds: Sequence[G], systems: Sequence[S], matches: Callable[[G, S], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index), best score first; score 0 means no match."""
    candidates = [
        (score, g, s)
        for g, gold in enumerate(golds)
        for s, system in enumerate(systems)
        if (score := matches(gold, system)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, s in candidates:
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            pairs.append((g, s))
    return sorted(pairs)


def timex_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The calendar days a TIMEX3 date value covers: ``2023-12-20``, ``2023-12``, ``2023``,
    ``2023-W51``, ``2023-11-24/2023-11-30``, a datetime; None for anything else."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = timex_interval(first), timex_interval(last)
        return (a[0], b[1]) if a and b else None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
            day = dt.date.fromisoformat(value[:10])
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first_day = dt.date.fromisoformat(value + "-01")
            next_month = (first_day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first_day, next_month - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if week:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:
        return None
    return None


def dates_overlap(gold: str, system: str | None) -> bool:
    """The two TIMEX3 values share at least one day (equal strings always match)."""
    if system is None:
        return False
    if gold == system:
        return True
    a, b = timex_interval(gold), timex_interval(system)
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]

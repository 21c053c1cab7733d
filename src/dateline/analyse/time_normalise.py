"""The normaliser: from a tagged candidate and its context to a TIMEX3 type and value (rule → handler)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from dateline.analyse import time_relative as rel
from dateline.analyse import time_resolve as absolute
from dateline.analyse.time_lexicon import month_number
from dateline.analyse.time_patterns import Candidate, choose_longest, find_candidates
from dateline.analyse.time_resolve import Context, Resolved

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
Handler = Callable[[Candidate, Context], Resolved | None]
POINT = re.compile(r"^(?:\d{2,4}|\d{4}-(?:\d{2}(?:-\d{2})?|W\d{2}|Q\d|H\d|SP|SU|FA|WI)|XXXX-[\dWX-]+)(?:T[\w:]+)?$")


def _days_in_month(year: int, month: int) -> list[int]:
    return [d for d in range(1, 32) if absolute._date(year, month, d)]


def range_of_days(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``from 24 to 30 November``, ``November 24-30``: one interval, both ends in the named month."""
    groups, spans = candidate.groups, candidate.spans
    first, last = (int(re.sub(r"\D", "", groups[k])) for k in ("d1", "d2"))
    month = month_number(groups["m"])
    if month is None or first >= last:
        return None
    end = absolute.day_month(dataclasses.replace(candidate, groups={**groups, "d": str(last)}), ctx)
    if end is None or last not in _days_in_month(2000, month):
        return None
    start_value = end.value[:-2] + f"{first:02d}"
    if candidate.rule == "range_days":
        parts = [(spans["d1"][0], spans["d1"][1], start_value), (spans["d2"][0], candidate.end, end.value)]
    else:
        parts = [(spans["m"][0], spans["d1"][1], start_value), (spans["d2"][0], candidate.end, end.value)]
    return Resolved("INTERVAL", f"{start_value}/{end.value}", anchor=end.anchor, parts=parts)


def range_of_years(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``2009-2010``, ``2009-10``."""
    first, second = candidate.groups["y1"], candidate.groups["y2"]
    if len(second) == 2:
        second = first[:2] + second
    if int(second) <= int(first):
        return None
    spans = candidate.spans
    parts = [(spans["y1"][0], spans["y1"][1], first), (spans["y2"][0], spans["y2"][1], second)]
    return Resolved("INTERVAL", f"{first}/{second}", parts=parts)


def _inner_point(start: int, end: int, ctx: Context) -> Resolved | None:
    """The single calendar point covering exactly ``text[start:end]``, if there is one."""
    for found in find_candidates(ctx.text[start:end]):
        if found.start == 0 and found.end == end - start and found.rule in HANDLERS:
            shifted = dataclasses.replace(
                found, start=start, end=end, spans={k: (a + start, b + start) for k, (a, b) in found.spans.items()}
            )
            resolved = normalise(shifted, ctx)
            if resolved and resolved.type in ("DATE", "TIME") and POINT.match(resolved.value):
                return resolved
    return None


def range_of_dates(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``from March to May``, ``between 2014 and 2016``, ``from Monday to Friday``."""
    (a_start, a_end), (b_start, b_end) = candidate.spans["a"], candidate.spans["b"]
    if "y" in candidate.groups:
        b_end = candidate.spans["y"][1]
    first, second = _inner_point(a_start, a_end, ctx), _inner_point(b_start, b_end, ctx)
    if first is None or second is None:
        return None
    written_year = re.search(r"\b(?:1[6-9]|20)\d\d\b", ctx.text[b_start:b_end])
    if written_year and not re.search(r"\b(?:1[6-9]|20)\d\d\b", ctx.text[a_start:a_end]):
        first.value = written_year.group() + first.value[4:]
    if DAY.match(first.value) and DAY.match(second.value) and second.value < first.value:
        later = dt.date.fromisoformat(second.value[:10]) + dt.timedelta(days=7)
        if later.isoformat() > first.value[:10] and "XXXX" not in second.value:
            second.value = later.isoformat() + second.value[10:]
    if first.value >= second.value:
        return None
    parts = [(a_start, a_end, first.value), (b_start, b_end, second.value)]
    return Resolved("INTERVAL", f"{first.value}/{second.value}", anchor=first.anchor or second.anchor, parts=parts)


HANDLERS: dict[str, Handler] = {
    "range_days": range_of_days,
    "range_days_md": range_of_days,
    "range_dates": range_of_dates,
    "range_years": range_of_years,
    "date_iso": absolute.iso_date,
    "date_numeric": absolute.numeric_date,
    "date_mdy": absolute.day_month,
    "date_dmy": absolute.day_month,
    "date_md": absolute.day_month,
    "date_dm": absolute.day_month,
    "month_year": absolute.month_year,
    "month": absolute.month_only,
    "year": absolute.year,
    "decade": absolute.decade,
    "century": absolute.century,
    "quarter": absolute.quarter,
    "half": absolute.half,
    "season": absolute.season,
    "weekday": absolute.weekday,
    "holiday": absolute.holiday,
    "clock": absolute.clock,
    "clock24": absolute.clock,
    "stopwatch": absolute.stopwatch,
    "noon": absolute.clock,
    "relday": rel.relative_day,
    "pod": rel.part_of_day,
    "ago": rel.ago,
    "ref_unit": rel.reference_unit,
    "the_unit": rel.the_unit,
    "recent": rel.recent,
    "duration": rel.duration,
    "half_unit": rel.half_unit,
    "bare_plural": rel.bare_plural,
    "set": rel.recurring,
    "set_word": rel.recurring,
    "present_ref": lambda c, x: Resolved("DATE", "PRESENT_REF"),
    "past_ref": lambda c, x: Resolved("DATE", "PAST_REF"),
    "future_ref": lambda c, x: Resolved("DATE", "FUTURE_REF"),
}


def normalise(candidate: Candidate, ctx: Context) -> Resolved | None:
    """The TIMEX3 reading of ``candidate`` in ``ctx``, or None when the match is not a time after all."""
    return HANDLERS[candidate.rule](candidate, ctx)


NAME_LIKE_RULES = frozenset({"set_word", "ref_unit", "present_ref", "past_ref", "future_ref", "relday"})


def looks_like_a_name(candidate: Candidate, text: str) -> bool:
    """True for "This Week" or "Weekly" capitalised mid-sentence: a title or a name, not a time."""
    words = text[candidate.start : candidate.end].split()
    if candidate.rule not in NAME_LIKE_RULES or not all(w[:1].isupper() for w in words):
        return False
    before = text[: candidate.start].rstrip(" \t'\"‘“(")
    return bool(before) and before[-1] not in ".!?:\n—–-"


def tag(ctx: Context) -> list[Candidate]:
    """The candidates of ``ctx.text`` that normalise, longest first among overlapping ones."""
    valid = [
        c for c in find_candidates(ctx.text)
        if not looks_like_a_name(c, ctx.text) and normalise(c, ctx) is not None
    ]
    return choose_longest(valid)

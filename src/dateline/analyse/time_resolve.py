"""Normalising absolute and calendar expressions (dates, months, years, seasons, weekdays, clock times)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.analyse.time_calendar import (
    interval_of,
    quarter_of,
    weekday_near,
    year_by_tense,
    year_for_month,
)
from dateline.analyse.time_lexicon import month_number, weekday_number, words
from dateline.analyse.time_patterns import Candidate

YEAR_LEADS = frozenset({
    "in", "since", "of", "by", "until", "till", "from", "to", "through", "before", "after", "during", "early",
    "late", "mid", "and", "or", "between", "around", "circa", "year", "for", "as", "at", "than", "the",
    "fiscal", "spring", "summer", "autumn", "fall", "winter",
})
UNSET = "XXXX-XX-XX"


@dataclass
class Context:
    """What a value is resolved against: the publication date, the governing verb's tense
    (past, future, present or None) and the last day the text mentioned (``reference``)."""

    dct: dt.date | None
    tense: str | None = None
    reference: dt.date | None = None
    text: str = ""
    ner_dates: list[tuple[int, int]] = field(default_factory=list)

    @property
    def anchor_day(self) -> dt.date | None:
        """The day relative expressions such as "the next day" count from."""
        return self.reference or self.dct

    def direction(self) -> str:
        """Which side of the publication date an under-specified date falls on, from the tense."""
        return {"past": "past", "future": "future", "present": "future"}.get(self.tense or "", "nearest")


@dataclass
class Resolved:
    """A normaliser's answer: TIMEX3 type and value, the value it was resolved from, and
    for anchored spans (the past 75 days) the interval when the value alone does not give it."""

    type: str
    value: str
    anchor: str | None = None
    interval: tuple[dt.date | None, dt.date | None] | None = None
    parts: list[tuple[int, int, str]] = field(default_factory=list)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_month(candidate: Candidate, ctx: Context) -> Resolved | None:
    """Dates with a month and a day, with or without a year (year chosen by tense when missing)."""
    groups = candidate.groups
    month = month_number(groups["m"])
    day = int(re.sub(r"\D", "", groups["d"]))
    if month is None:
        return None
    if "y" in groups:
        found = _date(int(groups["y"]), month, day)
        return Resolved("DATE", found.isoformat()) if found else None
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}") if _date(2000, month, day) else None
    found = _date(year_by_tense(ctx.dct, month, ctx.direction(), day), month, day)
    return Resolved("DATE", found.isoformat(), anchor=ctx.dct.isoformat()) if found else None


def iso_date(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``2023-12-20``."""
    groups = candidate.groups
    found = _date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    return Resolved("DATE", found.isoformat()) if found else None


def numeric_date(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``7/8/07``: day first when the first number cannot be a month, else month first."""
    first, second, year = int(candidate.groups["a"]), int(candidate.groups["b"]), int(candidate.groups["y"])
    if year < 100:
        pivot = (ctx.dct.year % 100 + 1) if ctx.dct else 30
        year += 2000 if year <= pivot else 1900
    month, day = (second, first) if first > 12 else (first, second)
    found = _date(year, month, day)
    return Resolved("DATE", found.isoformat()) if found else None


def month_year(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``March 2013``."""
    month = month_number(candidate.groups["m"])
    return Resolved("DATE", f"{int(candidate.groups['y']):04d}-{month:02d}") if month else None


def month_only(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``October``, ``last March``, ``early June``: the year comes from the modifier or the tense."""
    groups = candidate.groups
    month = month_number(groups["m"])
    if month is None:
        return None
    if month == 5 and not groups.get("mod") and not groups.get("rel"):
        before = ctx.text[max(0, candidate.start - 12) : candidate.start].split()
        if not before or before[-1].lower() not in YEAR_LEADS:
            return None
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}")
    rel = (groups.get("rel") or "").lower()
    direction = {"last": "last", "past": "last", "previous": "last", "next": "next", "coming": "next",
                 "following": "next"}.get(rel, "nearest" if rel else ctx.direction())
    if rel in ("this", "current"):
        year = ctx.dct.year
    elif rel:
        year = year_for_month(ctx.dct, month, direction)
    else:
        year = year_by_tense(ctx.dct, month, direction)
    return Resolved("DATE", f"{year:04d}-{month:02d}", anchor=ctx.dct.isoformat())


def _year_context_ok(candidate: Candidate, ctx: Context) -> bool:
    if candidate.groups.get("mod") or candidate.groups.get("fy"):
        return True
    if any(s <= candidate.start and candidate.end <= e for s, e in ctx.ner_dates):
        return True
    before = ctx.text[max(0, candidate.start - 15) : candidate.start]
    after = ctx.text[candidate.end : candidate.end + 3]
    previous = re.findall(r"[\w'’]+|[(,]", before)
    if previous and previous[-1].lower() in YEAR_LEADS | {"(", ","}:
        return True
    return bool(re.match(r"['’]s|\)|,", after))


def year(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``2009``, ``mid-2011``, ``fiscal 2013`` (a bare four-digit number only where it reads as a year)."""
    if not _year_context_ok(candidate, ctx):
        return None
    value = candidate.groups["y"]
    return Resolved("DATE", f"FY{value}" if candidate.groups.get("fy") else value)


def decade(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``the 1990s``, ``the '90s``."""
    if "dec" in candidate.groups:
        return Resolved("DATE", candidate.groups["dec"][:3])
    short = int(candidate.groups["short"])
    century = "20" if ctx.dct and short <= ctx.dct.year % 100 - 10 else "19"
    return Resolved("DATE", f"{century}{short // 10}")


def century(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``the 21st century`` → ``20``."""
    number = int(candidate.groups["n"]) if "n" in candidate.groups else words()["ordinals"][candidate.groups["o"].lower()]
    return Resolved("DATE", f"{number - 1:02d}") if number > 0 else None


def _relative_year(rel: str | None, explicit: str | None, ctx: Context) -> int | None:
    if explicit:
        return int(explicit)
    if ctx.dct is None:
        return None
    return ctx.dct.year + {"last": -1, "next": 1}.get((rel or "").lower(), 0)


def quarter(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``the first quarter (of 2013)``, ``Q3``: without a year, a later quarter in past tense is last year's."""
    groups = candidate.groups
    number = int(groups["q"]) if "q" in groups else (words()["ordinals"][groups["o"].lower()] % 5 or 4)
    found_year = _relative_year(groups.get("rel"), groups.get("y") or groups.get("y2"), ctx)
    if found_year is None:
        return Resolved("DATE", f"XXXX-Q{number}")
    written = groups.get("y") or groups.get("y2") or groups.get("rel")
    if ctx.dct and not written and ctx.tense == "past" and number > quarter_of(ctx.dct):
        found_year -= 1
    return Resolved("DATE", f"{found_year:04d}-Q{number}")


def half(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``the first half of 2013`` → ``2013-H1``."""
    found_year = _relative_year(candidate.groups.get("rel"), candidate.groups.get("y"), ctx)
    number = 1 if candidate.groups["o"].lower() == "first" else 2
    return Resolved("DATE", f"{found_year:04d}-H{number}" if found_year else f"XXXX-H{number}")


def season(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``this summer``, ``last winter``, ``spring 2014``: seasons are meteorological (docs/times.md)."""
    groups = candidate.groups
    word = groups["s"].lower()
    rel = (groups.get("rel") or "").lower()
    if not rel and "y" not in groups:
        previous = ctx.text[max(0, candidate.start - 10) : candidate.start].split()
        if word == "fall" or not previous or previous[-1].lower() not in ("in", "during", "since", "by", "until"):
            return None
    code = words()["seasons"][word]
    if "y" in groups:
        return Resolved("DATE", f"{groups['y']}-{code}")
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{code}")
    dct = ctx.dct
    spans = [(y, interval_of(f"{y}-{code}")) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
    options = [(y, s) for y, s in spans if s]
    if rel in ("last", "past", "previous"):
        chosen = max(y for y, s in options if s[1] < dct)
    elif rel in ("next", "coming", "following"):
        chosen = min(y for y, s in options if s[0] > dct)
    else:
        current = [y for y, s in options if s[0] <= dct <= s[1]]
        past = max(y for y, s in options if s[0] <= dct)
        future = min(y for y, s in options if s[0] >= dct)
        chosen = current[0] if current else (future if ctx.direction() == "future" else past)
    return Resolved("DATE", f"{chosen}-{code}", anchor=dct.isoformat())


def weekday(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``Wednesday``, ``last Friday``, ``Friday night``: direction from the modifier, else the tense."""
    groups = candidate.groups
    number = weekday_number(groups["wd"])
    if number is None:
        return None
    pod = words()["parts_of_day"].get((groups.get("pod") or "").lower())
    suffix = f"T{pod}" if pod else ""
    if ctx.dct is None:
        return Resolved("TIME" if pod else "DATE", f"XXXX-WXX-{number}{suffix}")
    rel = (groups.get("rel") or "").lower()
    direction = {"last": "last", "past": "last", "next": "next", "coming": "future", "this": "nearest"}.get(rel)
    previous = ctx.text[max(0, candidate.start - 8) : candidate.start].split()
    if direction is None and previous and previous[-1].lower() in ("until", "till", "by"):
        direction = "nearest"
    if direction is None:
        direction = "past" if ctx.direction() == "nearest" else ctx.direction()
    found = weekday_near(ctx.dct, number, direction)
    return Resolved("TIME" if pod else "DATE", found.isoformat() + suffix, anchor=ctx.dct.isoformat())


def holiday(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``Christmas``, ``New Year's Eve 2013``."""
    month_day = words()["holidays"][re.sub(r"\s+", " ", candidate.groups["h"].lower())]
    month, day = (int(part) for part in month_day.split("-"))
    if "y" in candidate.groups:
        return Resolved("DATE", f"{candidate.groups['y']}-{month_day}")
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month_day}")
    found_year = year_by_tense(ctx.dct, month, ctx.direction(), day)
    return Resolved("DATE", f"{found_year}-{month_day}", anchor=ctx.dct.isoformat())


def clock(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``9 a.m.``, ``14:30 GMT``, ``noon``: on the day last mentioned (the publication date by default)."""
    groups = candidate.groups
    if "w" in groups:
        hour, minute = (24 if groups["w"].lower() == "midnight" else 12), 0
    else:
        hour = int(groups.get("h") or groups["h2"])
        minute = int(groups.get("mi") or groups.get("mi2") or 0)
        marker = (groups.get("ap") or "").lower()
        if marker.startswith("p") and hour < 12:
            hour += 12
        elif marker.startswith("a") and hour == 12:
            hour = 0
    day = ctx.anchor_day
    prefix = day.isoformat() if day else UNSET
    zone = "Z" if (groups.get("tz") or groups.get("tz2") or "").upper() in ("GMT", "UTC") else ""
    return Resolved("TIME", f"{prefix}T{hour:02d}:{minute:02d}{zone}", anchor=day.isoformat() if day else None)


def stopwatch(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``3:07:35`` (hours, minutes, seconds: a race time) → ``PT3H7M35S``."""
    hours, minutes, seconds = (int(candidate.groups[k]) for k in ("h", "mi", "s"))
    parts = [f"{n}{letter}" for n, letter in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n]
    return Resolved("DURATION", "PT" + "".join(parts)) if parts else None


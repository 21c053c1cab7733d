"""Calendar arithmetic for TIMEX3 values: shifting dates, resolving weekdays, and value → interval."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_YEAR = r"(?P<y>\d{4})"


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """``day`` moved by ``amount`` units (D, W, M, Q, Y); month ends are clamped."""
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    if unit == "M":
        return day + relativedelta(months=amount)
    if unit == "Q":
        return day + relativedelta(months=3 * amount)
    if unit == "Y":
        return day + relativedelta(years=amount)
    raise ValueError(f"unknown unit {unit!r}")


def quarter_of(day: dt.date) -> int:
    """The quarter (1–4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


def format_at(day: dt.date, unit: str) -> str:
    """The TIMEX3 value naming the ``unit``-sized period around ``day`` (D: day, W: ISO week, ...)."""
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def weekday_near(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The ``weekday`` (ISO 1=Monday) nearest ``anchor``: on/before (past), on/after (future),
    strictly before (last), strictly after (next), or the closest either way (nearest)."""
    delta = weekday - anchor.isoweekday()
    if direction == "past":
        return anchor + dt.timedelta(days=delta - 7 if delta > 0 else delta)
    if direction == "future":
        return anchor + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    if direction == "last":
        return anchor + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction == "next":
        return anchor + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
    back = weekday_near(anchor, weekday, "past")
    ahead = weekday_near(anchor, weekday, "future")
    return back if (anchor - back) <= (ahead - anchor) else ahead


def year_for_month(anchor: dt.date, month: int, direction: str, day: int | None = None) -> int:
    """The year that puts ``month`` (and ``day``) on the ``direction`` side of ``anchor``."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day or 0)
    if direction == "past":
        return anchor.year if there <= here else anchor.year - 1
    if direction == "future":
        return anchor.year if there >= here else anchor.year + 1
    if direction == "last":
        return anchor.year if there < here else anchor.year - 1
    if direction == "next":
        return anchor.year if there > here else anchor.year + 1
    distance = (month - anchor.month) % 12
    if distance > 6:
        return anchor.year - 1 if month > anchor.month else anchor.year
    return anchor.year + 1 if month < anchor.month else anchor.year


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def interval_of(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last calendar day a TIMEX3 DATE/TIME value covers, or None if it names none."""
    if "/" in value:
        first, _, last = value.partition("/")
        left, right = interval_of(first), interval_of(last)
        return (left[0], right[1]) if left and right else None
    value = value.split("T", 1)[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if match := re.fullmatch(_YEAR + r"-(?P<m>\d{2})", value):
            year, month = int(match["y"]), int(match["m"])
            return dt.date(year, month, 1), _month_end(year, month)
        if match := re.fullmatch(_YEAR + r"-W(?P<w>\d{2})(?P<we>-WE)?", value):
            monday = dt.date.fromisocalendar(int(match["y"]), int(match["w"]), 1)
            if match["we"]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if match := re.fullmatch(_YEAR + r"-Q(?P<q>[1-4])", value):
            year, first_month = int(match["y"]), 3 * int(match["q"]) - 2
            return dt.date(year, first_month, 1), _month_end(year, first_month + 2)
        if match := re.fullmatch(_YEAR + r"-H(?P<h>[12])", value):
            year, first_month = int(match["y"]), 6 * int(match["h"]) - 5
            return dt.date(year, first_month, 1), _month_end(year, first_month + 5)
        if match := re.fullmatch(_YEAR + r"-(?P<s>SP|SU|FA|WI)", value):
            year = int(match["y"])
            first_month, last_month = SEASON_MONTHS[match["s"]]
            last_year = year + 1 if last_month < first_month else year
            return dt.date(year, first_month, 1), _month_end(last_year, last_month)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}", value):
            return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value):
            start = max(int(value) * 100, 1)
            return dt.date(start, 1, 1), dt.date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def year_by_tense(anchor: dt.date, month: int, direction: str, day: int | None = None) -> int:
    """The year for a month (and day) written without one: on the tense's side of ``anchor``
    unless that is over half a year away while the other side is within two months."""
    before = year_for_month(anchor, month, "past", day)
    after = year_for_month(anchor, month, "future", day)

    def distance(year: int) -> int:
        return abs((dt.date(year, month, min(day or 15, 28)) - anchor).days)

    if before == after:
        return before
    if direction == "past":
        return after if distance(before) > 183 and distance(after) <= 62 else before
    if direction == "future":
        return before if distance(after) > 183 and distance(before) <= 62 else after
    return before if distance(before) <= distance(after) else after

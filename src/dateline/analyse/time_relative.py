"""Normalising relative expressions, durations and sets: "yesterday", "two days ago", "the past 75 days"."""

from __future__ import annotations

import datetime as dt

from dateline.analyse.time_calendar import format_at, interval_of, shift, weekday_near
from dateline.analyse.time_lexicon import parse_number, unit_of, words
from dateline.analyse.time_patterns import Candidate
from dateline.analyse.time_resolve import UNSET, Context, Resolved

REL_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
BACKWARD = {"last", "past", "previous", "the last", "the past", "the previous", "recent"}
FORWARD = {"next", "coming", "following", "the next", "the coming", "the following"}
CALENDAR_UNITS = {"D", "W", "M", "Q", "Y"}
UNRESOLVED = {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX"}


def _clean(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _amount(text: str | None) -> float | None:
    """The number of units ("75", "two", "a"), or None when vague ("several")."""
    return parse_number(text) if text else 1.0


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def duration_value(amount: float | None, unit_word: str) -> str | None:
    """The TIMEX3 duration for ``amount`` units (None: unknown amount), e.g. P75D, P2.5M, PT3H, PXY."""
    unit = unit_of(unit_word)
    if unit is None:
        return None
    name, letter, multiplier, clock = unit
    if amount is None:
        return str(words()["unknown_plural_values"][name])
    return ("PT" if clock else "P") + _format_amount(amount * multiplier) + letter


def _shift_units(day: dt.date, letter: str, amount: float, multiplier: int) -> tuple[dt.date, str] | None:
    """``day`` moved by a (possibly fractional) number of units, with the granularity to report."""
    total = amount * multiplier
    if letter not in CALENDAR_UNITS:
        return None
    if total != int(total):
        letter, total = {"Y": ("M", total * 12), "Q": ("M", total * 3), "M": ("D", total * 30),
                         "W": ("D", total * 7), "D": ("D", round(total))}[letter]
    return shift(day, letter, int(total)), letter


def relative_day(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``today``, ``yesterday morning``, ``tonight``, ``earlier today``."""
    word = candidate.groups["rd"].lower()
    pod = words()["parts_of_day"].get(_clean(candidate.groups.get("pod")))
    if word == "tonight":
        pod = "NI"
    suffix = f"T{pod}" if pod else ""
    kind = "TIME" if pod else "DATE"
    if ctx.dct is None:
        return Resolved(kind, UNSET + suffix)
    day = ctx.dct + dt.timedelta(days=REL_DAYS[word])
    return Resolved(kind, day.isoformat() + suffix, anchor=ctx.dct.isoformat())


def part_of_day(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``this morning``, ``last night``, ``yesterday afternoon``."""
    rel = _clean(candidate.groups["rel"]).split()[-1]
    pod = words()["parts_of_day"][_clean(candidate.groups["pod"])]
    if rel == "last" and pod != "NI":
        return None
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if ctx.dct is None:
        return Resolved("TIME", f"{UNSET}T{pod}")
    day = ctx.dct + dt.timedelta(days=offset)
    return Resolved("TIME", f"{day.isoformat()}T{pod}", anchor=ctx.dct.isoformat())


def ago(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``two days ago`` (from publication), ``three years later`` (from the last day mentioned)."""
    groups = candidate.groups
    direction = _clean(groups["dir"])
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    from_publication = direction in ("ago", "from now", "hence")
    amount = _amount(groups["n"])
    unit = unit_of(groups["u"])
    if unit is None:
        return None
    if amount is not None and groups.get("n", "").lower() in words()["vague_numbers"]:
        amount = None
    anchor_day = ctx.dct if from_publication else ctx.anchor_day
    if amount is not None and anchor_day is None:
        return Resolved("DATE", UNRESOLVED.get(unit[1], UNSET))
    if amount is None or anchor_day is None:
        if direction in ("before", "after"):
            return None
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if " and a half" in ctx.text[candidate.start : candidate.end]:
        amount += 0.5
    moved = _shift_units(anchor_day, unit[1], sign * amount, unit[2])
    if moved is None:
        return Resolved("DATE", anchor_day.isoformat(), anchor=anchor_day.isoformat())
    day, letter = moved
    return Resolved("DATE", format_at(day, letter), anchor=anchor_day.isoformat())


def _weekend(ctx: Context, rel: str) -> Resolved | None:
    if ctx.dct is None:
        return Resolved("DATE", "XXXX-WXX-WE")
    anchor = ctx.anchor_day or ctx.dct
    if rel in ("last", "the last", "past", "the past", "previous", "the previous"):
        saturday = weekday_near(anchor, 6, "last")
    elif rel in ("next", "the next", "coming", "the coming", "following", "the following"):
        saturday = weekday_near(anchor, 6, "next")
    elif anchor.isoweekday() >= 6:
        saturday = weekday_near(anchor, 6, "past")
    else:
        saturday = weekday_near(anchor, 6, "past" if ctx.tense == "past" else "future")
    return Resolved("DATE", format_at(saturday, "W") + "-WE", anchor=anchor.isoformat())


def _span_duration(value: str, rel: str, amount: float | None, unit: tuple[str, str, int, bool],
                   ctx: Context) -> Resolved:
    """A duration that reaches back (the past N days) or forward (the next N days) from publication."""
    interval: tuple[dt.date | None, dt.date | None] | None = None
    if ctx.dct is not None and amount is not None:
        moved = _shift_units(ctx.dct, unit[1], amount if rel in FORWARD else -amount, unit[2])
        if moved is not None:
            interval = (ctx.dct, moved[0]) if rel in FORWARD else (moved[0], ctx.dct)
    elif ctx.dct is not None:
        interval = (ctx.dct, None) if rel in FORWARD else (None, ctx.dct)
    return Resolved("DURATION", value, anchor=ctx.dct.isoformat() if ctx.dct else None, interval=interval)


def reference_unit(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``last week``, ``this year``, ``the next day``, ``the past 75 days``, ``earlier this month``."""
    groups = candidate.groups
    rel, word = _clean(groups.get("rel")), _clean(groups["u"])
    if word == "weekend":
        return _weekend(ctx, rel)
    unit = unit_of(word)
    if unit is None:
        return None
    name, letter, multiplier, _clock = unit
    plural = word != name
    if groups.get("n") or plural:
        amount = _amount(groups.get("n")) if groups.get("n") else None
        if rel not in BACKWARD | FORWARD:
            return None
        value = duration_value(amount, word)
        return _span_duration(value, rel, amount, unit, ctx) if value else None
    if rel in ("past", "the past") or (rel in ("the last", "the next", "the coming") and multiplier >= 10):
        value = duration_value(1, word)
        return _span_duration(value, rel, 1.0, unit, ctx) if value else None
    if letter not in CALENDAR_UNITS or ctx.dct is None:
        return None if ctx.dct is not None else Resolved("DATE", UNSET)
    from_reference = (rel.startswith("the ") and rel != "the current") or rel == "that"
    anchor = (ctx.anchor_day if from_reference else ctx.dct) or ctx.dct
    step = -1 if rel in BACKWARD else 1 if rel in FORWARD else 0
    if name == "day" and step == 0 and rel not in ("the same", "that"):
        return None
    granularity = {10: "DE", 100: "CE"}.get(multiplier, letter)
    moved = shift(anchor, letter, step * multiplier) if letter in CALENDAR_UNITS else anchor
    value = format_at(moved, granularity)
    return Resolved("DATE", value, anchor=anchor.isoformat(), interval=_part_of(value, _clean(groups.get("mod")), ctx))


def _part_of(value: str, mod: str, ctx: Context) -> tuple[dt.date | None, dt.date | None] | None:
    """The part of a period "earlier this month" (first day to publication) or "later this year" (to its end) covers."""
    days = interval_of(value)
    if days is None or ctx.dct is None or not days[0] <= ctx.dct <= days[1]:
        return None
    if mod == "earlier":
        return days[0], ctx.dct
    if mod == "later":
        return ctx.dct, days[1]
    return None


def the_unit(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``the end of the year``, ``the weekend``."""
    if "we" in candidate.groups:
        return _weekend(ctx, "")
    unit = unit_of(candidate.groups["u"])
    if unit is None or ctx.anchor_day is None:
        return None
    return Resolved("DATE", format_at(ctx.anchor_day, unit[1]), anchor=ctx.anchor_day.isoformat())


def recent(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``recent years``, ``the coming days``: durations of unknown length."""
    value = duration_value(None, candidate.groups["u"])
    return Resolved("DURATION", value) if value else None


def duration(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``75 days``, ``two and a half months``, ``a decade``, ``five-year``, ``several weeks``."""
    groups = candidate.groups
    number_text = _clean(groups["n"])
    word = _clean(groups["u"])
    if number_text in ("a", "an") and word in ("second", "quarter"):
        return None
    amount = None if number_text in words()["vague_numbers"] else _amount(number_text)
    if amount is not None and (groups.get("half1") or groups.get("half2")):
        amount += 0.5
    value = duration_value(amount, word)
    return Resolved("DURATION", value) if value else None


def half_unit(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``half an hour`` (PT30M), ``a year and a half`` (P1.5Y)."""
    if "u2" in candidate.groups:
        value = duration_value(1.5, candidate.groups["u2"])
    elif candidate.groups["u"].lower() == "hour":
        value = "PT30M"
    else:
        value = duration_value(0.5, candidate.groups["u"])
    return Resolved("DURATION", value) if value else None


def bare_plural(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``for years``, ``in months``, ``days before``: PXY, PXM, PXD."""
    value = duration_value(None, candidate.groups.get("u") or candidate.groups["u2"])
    return Resolved("DURATION", value) if value else None


def recurring(candidate: Candidate, ctx: Context) -> Resolved | None:
    """``every week``, ``each Friday``, ``twice a year``, ``daily``."""
    groups = candidate.groups
    if "w" in groups:
        return Resolved("SET", words()["sets"][groups["w"].lower()])
    word = _clean(groups.get("u") or groups.get("u2"))
    if word in words()["weekdays"]:
        return Resolved("SET", f"XXXX-WXX-{words()['weekdays'][word]}")
    if word in words()["seasons"]:
        return Resolved("SET", f"XXXX-{words()['seasons'][word]}")
    if word in words()["parts_of_day"]:
        return Resolved("SET", f"XXXX-XX-XXT{words()['parts_of_day'][word]}")
    number = _clean(groups.get("n"))
    amount = 2.0 if number == "other" else _amount(number) if number else 1.0
    value = duration_value(amount, word)
    return Resolved("SET", value) if value else None


def reference_word(kind: str) -> object:
    """A normaliser giving every match the fixed value ``kind`` (PRESENT_REF, PAST_REF, FUTURE_REF)."""

    def normalise(candidate: Candidate, ctx: Context) -> Resolved | None:
        return Resolved("DATE", kind)

    return normalise

"""The times extractor: tag temporal expressions and normalise them to TIMEX3 against the publication date.

Tagger: analyse/time_patterns.py; values: time_normalise.py (time_resolve, time_relative); tense:
time_tense.py; calendar arithmetic: time_calendar.py. Conventions are documented in docs/times.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.entity_mentions import doc_ents
from dateline.analyse.time_anchors import anchored_periods
from dateline.analyse.time_calendar import interval_of
from dateline.analyse.time_normalise import normalise, tag
from dateline.analyse.time_resolve import UNSET, Context, Resolved
from dateline.analyse.time_tense import tense_at
from dateline.record import TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "times"
VERSION = "1.0.0"
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
CLOCK_RULES = frozenset({"clock", "clock24", "noon"})
DAY_RULES = frozenset({"date_mdy", "date_dmy", "date_md", "date_dm", "date_iso", "date_numeric", "weekday", "relday"})
SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)
JOINER = re.compile(r"^\s*(?:,\s*)?(?:on|at)?\s*$")
EVENT_ANCHORS = False  # "since the start of the war": see docs/times.md (the gold does not mark these)
CONFIDENCE = {"event_anchor": 0.6, "year": 0.8, "bare_plural": 0.7, "month": 0.85, "duration": 0.9, "ref_unit": 0.9, "clock24": 0.8}


@dataclass
class Timex:
    """One normalised expression: span, TIMEX3 type and value, the calendar interval it covers,
    what it was resolved against, and for intervals the two ends as TimeML would tag them."""

    start: int
    end: int
    type: str
    value: str
    rule: str
    anchor: str | None = None
    interval_start: str | None = None
    interval_end: str | None = None
    parts: list[tuple[int, int, str]] = field(default_factory=list)


def _parse_day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _interval(resolved: Resolved, dct: dt.date | None) -> tuple[str | None, str | None]:
    if resolved.interval is not None:
        first, last = resolved.interval
        return (first.isoformat() if first else None, last.isoformat() if last else None)
    value = resolved.value
    if value == "PRESENT_REF" and dct:
        return dct.isoformat(), dct.isoformat()
    if value == "PAST_REF":
        return None, dct.isoformat() if dct else None
    if value == "FUTURE_REF":
        return dct.isoformat() if dct else None, None
    if resolved.type in ("DURATION", "SET"):
        return None, None
    days = interval_of(value.removeprefix("FY"))
    return (days[0].isoformat(), days[1].isoformat()) if days else (None, None)


def _merge_clock_with_day(found: list[Timex], text: str) -> list[Timex]:
    """Join "9 a.m. Friday" / "Friday at 9 a.m." into one TIME on that day."""
    merged: list[Timex] = []
    for timex in found:
        previous = merged[-1] if merged else None
        if previous and JOINER.match(text[previous.end : timex.start]):
            pair = {previous.rule, timex.rule}
            if pair & CLOCK_RULES and pair & DAY_RULES:
                clock, day = (previous, timex) if previous.rule in CLOCK_RULES else (timex, previous)
                if DAY_VALUE.match(day.value) or day.value.startswith("XXXX"):
                    value = day.value.split("T")[0] + "T" + clock.value.split("T", 1)[1]
                    merged[-1] = Timex(previous.start, timex.end, "TIME", value, "clock", day.anchor,
                                       day.interval_start, day.interval_end)
                    continue
        merged.append(timex)
    return merged


def _with_event_anchors(found: list[Timex], text: str, dct: dt.date | None, doc: Doc | None) -> list[Timex]:
    """Add "since the start of the war" as a DATE dated from the text ("launched a war … on October 7")."""
    if doc is not None:
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text)]
    dated = [(t.start, t.value) for t in found if t.type == "DATE"]
    for period in anchored_periods(text, sentences, dated):
        if any(t.start < period.end and period.start < t.end for t in found):
            continue
        value = period.began or UNSET
        first = period.began
        found.append(Timex(period.start, period.end, "DATE", value, "event_anchor", "since", first,
                           dct.isoformat() if dct else None))
    return sorted(found, key=lambda t: t.start)


def _run_to_publication(resolved: Resolved, dct: dt.date) -> None:
    """After "since", a date's interval runs on to the publication date."""
    start_day = interval_of(resolved.value)
    if resolved.type in ("DATE", "TIME") and start_day:
        resolved.interval = (start_day[0], dct)
        resolved.anchor = "since"


def tag_times(
    text: str, published: str | None, doc: Doc | None = None, event_anchors: bool = EVENT_ANCHORS
) -> list[Timex]:
    """Every temporal expression of ``text`` with its TIMEX3 type, value and interval, in text order.

    ``event_anchors`` adds "since the start of the war" (not a TIMEX3 in TimeML, nor in the gold: off by default).
    """
    dct = _parse_day(published)
    ner = [(e.start_char, e.end_char) for e in doc_ents(doc) if e.label_ in ("DATE", "TIME")] if doc is not None else []
    ctx = Context(dct=dct, text=text, ner_dates=ner)
    found: list[Timex] = []
    for candidate in tag(ctx):
        ctx.tense = tense_at(doc, candidate.start, candidate.end)
        resolved = normalise(candidate, ctx)
        if resolved is None:
            continue
        if dct is not None and SINCE.search(text[max(0, candidate.start - 7) : candidate.start]):
            _run_to_publication(resolved, dct)
        first, last = _interval(resolved, dct)
        found.append(Timex(candidate.start, candidate.end, resolved.type, resolved.value, candidate.rule,
                           resolved.anchor, first, last, resolved.parts))
        if resolved.type == "DATE" and DAY_VALUE.match(resolved.value) and candidate.rule != "relday":
            ctx.reference = dt.date.fromisoformat(resolved.value[:10])
    found = _merge_clock_with_day(found, text)
    return _with_event_anchors(found, text, dct, doc) if event_anchors else found


def extract(analysis: Analysis) -> None:
    """Add the article's temporal expressions to ``analysis.record.times``."""
    for timex in tag_times(analysis.text, analysis.article.published, analysis.doc):
        analysis.record.times.append(
            TimeExpr(
                **analysis.provenance(timex.start, timex.end, NAME, VERSION, CONFIDENCE.get(timex.rule, 0.95)),
                type=timex.type, value=timex.value,
                interval_start=timex.interval_start, interval_end=timex.interval_end, anchor=timex.anchor,
            )
        )


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=(), writes=("times",), run=extract)

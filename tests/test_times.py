"""Behaviour and property tests of the times extractor (tagger, normaliser, calendar)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.analyse.time_calendar import format_at, interval_of, weekday_near, year_by_tense
from dateline.analyse.time_lexicon import parse_number
from dateline.analyse.time_patterns import _RULES, _scanner, compiled_rules
from dateline.analyse.time_relative import duration_value
from dateline.analyse.times import Timex, tag_times
from dateline.record import Record

WEDNESDAY = "2023-12-20"


def times(nlp: Any, text: str, published: str | None = WEDNESDAY) -> list[Timex]:
    return tag_times(text, published, nlp(text))


def only(nlp: Any, text: str, published: str | None = WEDNESDAY) -> tuple[str, str, str]:
    found = times(nlp, text, published)
    assert len(found) == 1, [(text[t.start : t.end], t.value) for t in found]
    return text[found[0].start : found[0].end], found[0].type, found[0].value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The law was passed on 12 March 2021.", ("12 March 2021", "DATE", "2021-03-12")),
        ("The law was passed on March 12, 2021.", ("March 12, 2021", "DATE", "2021-03-12")),
        ("The law was passed on Friday, March 12, 2021.", ("Friday, March 12, 2021", "DATE", "2021-03-12")),
        ("The report is dated 2021-03-12.", ("2021-03-12", "DATE", "2021-03-12")),
        ("The talks collapsed in June 2019.", ("June 2019", "DATE", "2019-06")),
        ("The war began on October 7.", ("October 7", "DATE", "2023-10-07")),
        ("The wall fell in 1989.", ("1989", "DATE", "1989")),
        ("It was common in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Profits rose in the first quarter of 2022.", ("the first quarter of 2022", "DATE", "2022-Q1")),
    ],
)
def test_times_absolute_dates(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert only(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The minister said on Monday that talks had failed.", "2023-12-18"),
        ("The minister will arrive in Cairo on Friday.", "2023-12-22"),
        ("The minister is expected to visit on Friday.", "2023-12-22"),
        ("The minister arrived on Wednesday.", WEDNESDAY),
        ("The minister will arrive on Wednesday.", WEDNESDAY),
        ("The minister spoke last Wednesday.", "2023-12-13"),
        ("The vote is due next Monday.", "2023-12-25"),
    ],
)
def test_times_weekday_resolved_by_tense(nlp: Any, text: str, value: str) -> None:
    assert only(nlp, text)[2] == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The attack happened on December 28.", "2024-01-03", "2023-12-28"),
        ("The meeting will be held on January 4.", "2023-12-28", "2024-01-04"),
        ("Prices rose last week.", "2021-01-05", "2020-W53"),
        ("The ceasefire collapsed yesterday.", "2024-01-01", "2023-12-31"),
        ("Elections will be held next month.", "2023-12-20", "2024-01"),
        ("The offensive slowed last month.", "2024-01-10", "2023-12"),
        ("The army withdrew on Sunday.", "2024-01-02", "2023-12-31"),
    ],
)
def test_times_year_boundaries(nlp: Any, text: str, published: str, value: str) -> None:
    assert only(nlp, text, published)[2] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy was hit yesterday.", ("yesterday", "DATE", "2023-12-19")),
        ("Aid deliveries fell last week.", ("last week", "DATE", "2023-W50")),
        ("The strike happened two days ago.", ("two days ago", "DATE", "2023-12-18")),
        ("Talks resume next month.", ("next month", "DATE", "2024-01")),
        ("The crossing closed earlier this month.", ("earlier this month", "DATE", "2023-12")),
        ("Hospitals have been shelled for the past 75 days.", ("the past 75 days", "DURATION", "P75D")),
        ("The talks were held this morning.", ("this morning", "TIME", "2023-12-20TMO")),
        ("The strikes continued on Friday night.", ("Friday night", "TIME", "2023-12-15TNI")),
        ("The strike began at 9 a.m.", ("9 a.m.", "TIME", "2023-12-20T09:00")),
    ],
)
def test_times_relative_expressions(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert only(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The siege lasted 75 days.", ("75 days", "DURATION", "P75D")),
        ("After two and a half months of war, talks began.", ("two and a half months", "DURATION", "P2.5M")),
        ("It was the worst flood in a decade.", ("a decade", "DURATION", "P10Y")),
        ("The shelling went on for hours.", ("hours", "DURATION", "PTXH")),
        ("A five-year plan was announced.", ("five-year", "DURATION", "P5Y")),
        ("He spoke for half an hour.", ("half an hour", "DURATION", "PT30M")),
    ],
)
def test_times_durations(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert only(nlp, text) == expected


def test_times_range_written_as_one_expression_is_an_interval(nlp: Any) -> None:
    text = "A ceasefire took effect from 24 to 30 November."
    (found,) = times(nlp, text)
    assert (text[found.start : found.end], found.type, found.value) == (
        "from 24 to 30 November", "INTERVAL", "2023-11-24/2023-11-30")
    assert (found.interval_start, found.interval_end) == ("2023-11-24", "2023-11-30")
    assert [text[s:e] for s, e, _ in found.parts] == ["24", "30 November"]


def test_times_range_of_years_and_months(nlp: Any) -> None:
    assert only(nlp, "Troops stayed there between 2014 and 2016.")[1:] == ("INTERVAL", "2014/2016")
    assert only(nlp, "The drought lasted from March to May 2022.")[2].endswith("/2022-05")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Now the talks are stalled.", "PRESENT_REF"),
        ("The border is currently closed.", "PRESENT_REF"),
        ("Similar raids have recently been reported.", "PAST_REF"),
        ("Such attacks happened in the past.", "PAST_REF"),
    ],
)
def test_times_present_and_past_ref(nlp: Any, text: str, value: str) -> None:
    assert only(nlp, text)[2] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Fighting intensified this summer.", "2023-SU"),
        ("Fighting intensified last winter.", "2022-WI"),
        ("Fighting may resume in spring 2024.", "2024-SP"),
        ("Fighting resumed in late 2022.", "2022"),
        ("It was built in the 19th century.", "18"),
    ],
)
def test_times_seasons_years_decades(nlp: Any, text: str, value: str) -> None:
    assert only(nlp, text)[2] == value


def test_times_since_anchors_the_interval_at_publication(nlp: Any) -> None:
    text = "Since October 7, thousands have been killed."
    (found,) = times(nlp, text)
    assert (found.value, found.anchor) == ("2023-10-07", "since")
    assert (found.interval_start, found.interval_end) == ("2023-10-07", WEDNESDAY)


def test_times_the_following_day_counts_from_the_last_date_mentioned(nlp: Any) -> None:
    found = times(nlp, "The talks opened on 3 May 2021. The following day they collapsed.")
    assert [t.value for t in found] == ["2021-05-03", "2021-05-04"]


def test_times_without_publication_date_leave_relative_values_unresolved(nlp: Any) -> None:
    found = times(nlp, "He said on Wednesday that 75 days had passed since 12 March 2021.", published=None)
    assert [t.value for t in found] == ["XXXX-WXX-3", "P75D", "2021-03-12"]


def test_times_numbers_that_are_not_years_or_ages_are_left_alone(nlp: Any) -> None:
    assert times(nlp, "Some 2000 people fled, including a 25-year-old man and children aged 6 months.") == []
    assert times(nlp, "They released between 30 and 40 prisoners.") == []


def test_times_seed_article_every_gold_time_with_its_value(seed_record: Record, seed_gold: dict[str, Any]) -> None:
    text = seed_record.article.text
    found = {(t.start, t.end): t for t in seed_record.times}
    for gold in seed_gold["times"]:
        starts = [m.start() for m in re.finditer(re.escape(gold["text"]), text)]
        start = starts[gold.get("occurrence", 1) - 1]
        end = start + len(gold["text"])
        match = [t for (s, e), t in found.items() if min(e, end) - max(s, start) >= (end - start) / 2]
        assert match and match[0].value == gold["value"], gold
    for timex in seed_record.times:
        assert text[timex.start : timex.end] == timex.text and timex.extractor == "times"


DAYS = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 10, 1))


@given(DAYS, st.integers(1, 7), st.sampled_from(["past", "future", "last", "next", "nearest"]))
def test_times_weekday_near_lands_on_that_weekday_within_a_week(day: dt.date, weekday: int, direction: str) -> None:
    found = weekday_near(day, weekday, direction)
    assert found.isoweekday() == weekday
    assert abs((found - day).days) <= 7
    if direction == "past":
        assert 0 <= (day - found).days < 7
    if direction == "future":
        assert 0 <= (found - day).days < 7
    if direction == "last":
        assert 0 < (day - found).days <= 7
    if direction == "next":
        assert 0 < (found - day).days <= 7


@given(DAYS, st.sampled_from(["D", "W", "M", "Q", "Y", "DE", "CE"]))
def test_times_value_interval_holds_the_day_it_was_made_from(day: dt.date, unit: str) -> None:
    span = interval_of(format_at(day, unit))
    assert span is not None and span[0] <= day <= span[1]


@given(DAYS, st.integers(1, 12), st.sampled_from(["past", "future", "nearest"]))
def test_times_year_by_tense_stays_within_a_year(day: dt.date, month: int, direction: str) -> None:
    year = year_by_tense(day, month, direction)
    assert abs(year - day.year) <= 1
    if direction == "past" and month == day.month:
        assert year == day.year


@given(st.one_of(st.none(), st.integers(1, 999).map(float), st.sampled_from([0.5, 1.5, 2.5])),
       st.sampled_from(["days", "month", "years", "hours", "decade", "week", "minutes"]))
def test_times_duration_values_are_timex3_durations(amount: float | None, unit: str) -> None:
    value = duration_value(amount, unit)
    assert value is not None and re.fullmatch(r"PT?(\d+(\.\d+)?|X)(Y|M|W|D|H|S|DE|CE)", value)


@given(st.integers(0, 10**6))
def test_times_parse_number_reads_digits(number: int) -> None:
    assert parse_number(str(number)) == number


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -/,.:aMJDFWylonthsdayweekmarch")), max_size=60))
def test_times_tagger_never_fails_and_spans_are_in_the_text(text: str) -> None:
    for timex in tag_times(text, WEDNESDAY):
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.type in ("DATE", "TIME", "DURATION", "SET", "INTERVAL")


def test_times_since_the_start_of_the_war_is_dated_from_the_article_when_asked(nlp: Any) -> None:
    text = "The army launched the war on October 7. Since the start of the war, 300 people have been killed."
    found = {text[t.start : t.end]: t for t in tag_times(text, WEDNESDAY, nlp(text), event_anchors=True)}
    period = found["the start of the war"]
    assert (period.value, period.anchor, period.interval_start, period.interval_end) == (
        "2023-10-07", "since", "2023-10-07", WEDNESDAY)
    assert "the start of the war" not in {text[t.start : t.end] for t in tag_times(text, WEDNESDAY, nlp(text))}


def test_times_name_like_capitals_are_not_times(nlp: Any) -> None:
    assert times(nlp, "He told ABC's This Week that the Weekly Standard was wrong.") == []


FORMATS = ("{d} {M} {y}", "{M} {d}, {y}", "{y}-{m:02d}-{d:02d}", "{W}, {M} {d}, {y}", "the {d}th of {M} {y}")


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2099, 12, 31)), st.sampled_from(FORMATS))
def test_times_written_dates_normalise_to_themselves(day: dt.date, pattern: str) -> None:
    written = pattern.format(d=day.day, m=day.month, y=day.year, M=day.strftime("%B"), W=day.strftime("%A"))
    text = f"The agreement was signed on {written}."
    found = tag_times(text, WEDNESDAY)
    assert [(text[t.start : t.end], t.value) for t in found] == [(written, day.isoformat())]


def test_times_earlier_and_later_this_period_cover_part_of_it(nlp: Any) -> None:
    (earlier,) = times(nlp, "The crossing closed earlier this month.")
    assert (earlier.value, earlier.interval_start, earlier.interval_end) == ("2023-12", "2023-12-01", WEDNESDAY)
    (later,) = times(nlp, "Talks will resume later this year.")
    assert (later.value, later.interval_start, later.interval_end) == ("2023", WEDNESDAY, "2023-12-31")


SCAN_WORDS = ["on", "March", "3", "3rd", ",", "2024", "the", "last", "two", "weeks", "ago", "from", "to", "Friday",
              "'90s", "’90s", "early", "this", "morning", "5", "p.m.", "Q1", "a", "day", "half", "\u212a", "ſ", "İ",
              "\u0663", "-", "/", "12:30", "every", "year", "daily", "right now", "Christmas", "\n", "$5"]


def _finditer_of_each_rule(text: str) -> list[tuple[int, int, str, dict[str, str], dict[str, tuple[int, int]]]]:
    """What each rule's own regex finds, rule by rule (the tagger scans all rules at once)."""
    found = []
    for name, regex in compiled_rules():
        for match in regex.finditer(text):
            groups = {key: value for key, value in match.groupdict().items() if value}
            found.append((match.start(), match.end(), name, groups, {key: match.span(key) for key in groups}))
    return found


def _scanned(text: str) -> list[tuple[int, int, str, dict[str, str], dict[str, tuple[int, int]]]]:
    return [(m.start, m.end, _RULES[m.rule][0], {k: v for k, (v, _) in m.groups.items()},
             {k: s for k, (_, s) in m.groups.items()}) for m in sorted(_scanner().finditer(text), key=lambda m: m.rule)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SCAN_WORDS), max_size=14), st.sampled_from([" ", "", "  "]))
def test_times_one_scan_finds_what_each_rule_finds(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    assert _scanned(text) == _finditer_of_each_rule(text)


def test_times_one_scan_on_an_article(seed_article: Any) -> None:
    assert _scanned(seed_article.text) == _finditer_of_each_rule(seed_article.text)

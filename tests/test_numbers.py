"""The number layer: digits, words, vague quantities, ranges, qualifiers, kinds and bounds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.analyse.number_words import number_to_words, parse_digits, words_to_number
from dateline.analyse.numbers import Quantity, bounds, conservative_value, find_quantities


def only(text: str) -> Quantity:
    """The single quantity in ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_digits_with_separators_parse_back(number: int) -> None:
    assert parse_digits(f"{number:,}") == number
    assert only(f"They counted {number:,} ballots.").value == number


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_numbers_english_words_parse_back(number: int) -> None:
    words = number_to_words(number)
    assert words_to_number(words.replace("-", " ").split()) == number
    quantity = only(f"They counted {words} ballots.")
    assert quantity.value == number


QUALIFIERS = ["", "at least ", "more than ", "over ", "up to ", "fewer than ", "about ", "nearly ", "some ", "between 3 and "]


@given(st.sampled_from(QUALIFIERS), st.integers(min_value=4, max_value=10**9))
def test_numbers_bounds_never_invert(qualifier: str, number: int) -> None:
    lower, upper, _ = bounds(only(f"Officials said {qualifier}{number:,} people fled."))
    if lower is not None and upper is not None:
        assert lower <= upper


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 19,667 Palestinians", (19667, None, False)),
        ("more than 20,000 martyrs", (20001, None, False)),
        ("over 300 homes", (301, None, False)),
        ("up to 400 people", (None, 400, False)),
        ("fewer than 50 people", (None, 49, False)),
        ("about 70 people", (70, 70, True)),
        ("nearly 5,000 people", (5000, 5000, True)),
        ("between 30 and 40 prisoners", (30, 40, False)),
        ("30-40 prisoners", (30, 40, False)),
        ("30 to 40 prisoners", (30, 40, False)),
        ("tens of thousands of Gazans", (20000, 99999, True)),
        ("hundreds of homes", (200, 999, True)),
        ("dozens of people", (24, 99, True)),
        ("several people", (3, 9, True)),
        ("a dozen people", (12, 12, False)),
        ("two dozen people", (24, 24, False)),
        ("twenty-one people", (21, 21, False)),
        ("1.5 million people", (1500000, 1500000, False)),
    ],
)
def test_numbers_bounds_follow_gold_conventions(text: str, expected: tuple[int | None, int | None, bool]) -> None:
    assert bounds(only(text)) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Prices rose 6.5% last year.", "percent"),
        ("It cost $2.3 billion.", "money"),
        ("It cost 10.5 million Australian dollars.", "money"),
        ("The road is 12 km long.", "measure"),
        ("The war lasted 75 days.", "duration"),
        ("A 15-year-old boy was hurt.", "age"),
        ("Seven people were hurt.", "count"),
    ],
)
def test_numbers_kinds(text: str, kind: str) -> None:
    assert only(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2014.",
        "It happened on October 7.",
        "The ceasefire ran from 24 to 30 November.",
        "They met at 10:30 a.m. on Monday.",
        "She finished 3rd in the race.",
        "He flew an F-16 and Flight 370 vanished.",
        "The iPhone 11 sold well.",
        "The category 4 hurricane hit Florida.",
        "No one was hurt.",
        "Published 2019-09-01T10:38 by the S&P 500 desk.",
        "Release 2009-12-CA-080 is out.",
    ],
)
def test_numbers_years_dates_times_ordinals_identifiers_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []
    assert all(not q.is_quantity for q in find_quantities(text, include_non_quantities=True))


def test_numbers_change_labels_follow_the_verb_before() -> None:
    changes = [(q.value, q.change) for q in find_quantities("Shares fell 7% to $2.3 billion after rising 3% on Monday.")]
    assert changes == [(7.0, "down"), (2.3e9, "="), (3.0, "up")]


def test_numbers_conversion_in_brackets_keeps_the_qualifier() -> None:
    found = find_quantities("Deposits of more than 7.5 million Danish crowns (US $1.1 million) are charged.")
    assert [(q.value, q.change) for q in found] == [(7.5e6, ">"), (1.1e6, ">")]


def test_numbers_conservative_value_is_acled_style() -> None:
    assert conservative_value(only("dozens of people")) == 12
    assert conservative_value(only("hundreds of people")) == 100
    assert conservative_value(only("more than 20,000 people")) == 20000
    assert conservative_value(only("between 30 and 40 people")) == 30
    assert conservative_value(only("up to 40 people")) is None


def test_numbers_spans_point_into_the_text() -> None:
    text = "Israel has killed at least 19,667 Palestinians."
    quantity = only(text)
    assert text[quantity.start : quantity.end] == quantity.text == "at least 19,667"
    assert text[quantity.number_start : quantity.number_end] == quantity.number_text == "19,667"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Temperatures dropped by 1 to 1.5 degrees Celsius (1.8 to 2.7 Fahrenheit).", ["down", "down"]),
        ("Employment grew by 125,600 positions or 2.2 per cent.", ["up", "up"]),
        ("Ross was down 2.3%, Burlington by 2.6% and Gap fell 1%.", ["down", "down", "down"]),
        ("The index was advancing about 1.7 percent.", ["up"]),
        ("Operating profit was revised upward by $40 million.", ["up"]),
        ("Temperatures can dip down to minus-130 degrees.", ["down"]),
        ("It all boils down to $21.25.", ["="]),
        ("Homes stay an average of 70 days on the market.", ["="]),
        ("He averaged 7.3 points a game.", ["~"]),
        ("The range grows from up to 252 miles to 287 miles.", ["="]),
        ("Demand for sub-300 sq m offices has surged.", ["<"]),
    ],
)
def test_numbers_change_labels_follow_newsquant_conventions(text: str, expected: list[str]) -> None:
    assert [q.change for q in find_quantities(text)] == expected


def test_numbers_sub_prefix_is_an_upper_bound() -> None:
    text = "Chipmakers produce sub-7 nanometer chips."
    quantity = only(text)
    assert (quantity.value, quantity.bound, quantity.text) == (7.0, "below", "sub-7 nanometer")
    assert bounds(quantity) == (None, 6, False)


@pytest.mark.parametrize(
    "text",
    [
        "The estate at 49 Zorro Ranch Road, Stanley, was sold.",
        "Properties include 9 E 71st St, Manhattan.",
        "The flat at 22 Ave Foch, Paris, is empty.",
        "Unit 3 at 16-18 Industrial Avenue has leased.",
        "She spoke outside 10 Downing Street on Friday.",
    ],
)
def test_numbers_house_numbers_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["Police said 12 St Louis residents died.", "Regulators fined 5 Wall Street banks."])
def test_numbers_street_names_do_not_hide_counts(text: str) -> None:
    assert only(text).kind == "count"


POWER_FORMS = ("{m}×10^{e}", "{m} x 10^{e}", "{m}×10{sign}{a}")


@given(st.integers(min_value=100, max_value=999), st.integers(min_value=-30, max_value=30), st.sampled_from(POWER_FORMS))
def test_numbers_powers_of_ten_scale_the_mantissa(mantissa: int, exponent: int, form: str) -> None:
    written = form.format(m=mantissa / 100, e=exponent, sign="−" if exponent < 0 else "+", a=abs(exponent))
    quantity = only(f"The value is {written} metres.")
    assert quantity.value == pytest.approx(mantissa / 100 * 10.0**exponent, rel=1e-9)

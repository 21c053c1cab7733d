"""Behaviour tests of where reported contents end (short texts of our own): what the writer adds
after a reported clause, and what a reported clause or a non-clausal content keeps."""

from __future__ import annotations

import pytest

from conftest import by_cue


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The farmer said she was proud of the harvest and expects a good price this autumn.",
            "she was proud of the harvest and expects a good price this autumn",
        ),
        (
            "The mayor said he respected the council and hoped the two sides would find a compromise.",
            "he respected the council and hoped the two sides would find a compromise",
        ),
    ],
)
def test_quotes_conjoined_verb_of_belief_stays_in_the_reported_clause(text: str, content: str) -> None:
    assert by_cue(text, "said").text == content


def test_quotes_conjoined_speech_verb_is_still_the_writers() -> None:
    assert by_cue("He said he would order a review and warned against hackers.", "said").text == (
        "he would order a review"
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The economist said that wages would fall somewhat, but that the higher overtime payments would offset any loss.",
            "wages would fall somewhat, but that the higher overtime payments would offset any loss",
        ),
        (
            "The minister said that the harbour would close in winter, but that the ferries would keep running.",
            "the harbour would close in winter, but that the ferries would keep running",
        ),
    ],
)
def test_quotes_second_that_clause_continues_the_content(text: str, content: str) -> None:
    assert by_cue(text, "said").text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor said the bridge would reopen next week, a move that drivers have long awaited.",
            "the bridge would reopen next week",
        ),
        (
            "The senator said the contest had been rigged against her, a charge that party leaders strongly denied.",
            "the contest had been rigged against her",
        ),
        (
            "He said he would bring the jobless rate down to 6 percent in four years — a milepost the last "
            "government never reached.",
            "he would bring the jobless rate down to 6 percent in four years",
        ),
    ],
)
def test_quotes_set_off_phrase_summing_the_clause_up_is_the_writers(text: str, content: str) -> None:
    assert by_cue(text, "said").text == content


def test_quotes_set_off_phrase_taking_up_a_noun_of_the_clause_stays() -> None:
    text = "The minister said exports are in decline — a decline that began before the election."
    assert by_cue(text, "said").text == "exports are in decline — a decline that began before the election"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The candidate vowed to pull the state out of the compact if she is elected.",
            "vowed",
            "to pull the state out of the compact if she is elected",
        ),
        (
            "The union urged its members not to sign the contract until the company raises wages.",
            "urged",
            "its members not to sign the contract until the company raises wages",
        ),
    ],
)
def test_quotes_non_clausal_content_keeps_what_its_own_verb_governs(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor vowed to rebuild the bridge, leaving the council nervous about the cost.", "vowed", "to rebuild the bridge"),
        ("The coach criticized the referee on Monday over his handling of the match.", "criticized", "the referee"),
    ],
)
def test_quotes_non_clausal_content_still_loses_the_writers_participle_and_the_cue_verbs_time(
    text: str, cue: str, content: str
) -> None:
    assert by_cue(text, cue).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "About 40 percent of voters said they trusted the mayor, compared with 33 percent last month.",
            "they trusted the mayor",
        ),
        ("Gomez said he will support the nominee, as have other prominent Democrats.", "he will support the nominee"),
        (
            "The aide said the senator does not hold such meetings publicly, as was the case with Tuesday's visit.",
            "the senator does not hold such meetings publicly",
        ),
        (
            "She said she had no plans to change her vote and would not identify any issue that could sway her.",
            "she had no plans to change her vote",
        ),
        (
            "The spokesman said the company had paid the fine but declined to provide a list of the fees.",
            "the company had paid the fine",
        ),
    ],
)
def test_quotes_writers_comparison_and_reported_refusal_end_the_content(text: str, content: str) -> None:
    assert by_cue(text, "said").text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Gomez said he will make his medical records public, as is tradition for candidates.",
            "he will make his medical records public, as is tradition for candidates",
        ),
        (
            "Officers said the man posed a threat and refused to drop the knife.",
            "the man posed a threat and refused to drop the knife",
        ),
    ],
)
def test_quotes_speakers_own_as_clause_and_refusal_stay(text: str, content: str) -> None:
    assert by_cue(text, "said").text == content


def test_quotes_sentence_final_cue_leaves_out_a_leading_concession() -> None:
    text = "Though Ortiz has lived in the city for years, the new residents have changed it, she said."
    assert by_cue(text, "said").text == "the new residents have changed it"

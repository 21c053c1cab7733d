"""Behaviour tests of cues nested in other phrases and of clauses nested in contents (short texts of our own)."""

from __future__ import annotations

import pytest

from conftest import by_cue, quotes_of


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The pumps, which the engineer said were under water, failed again.", "said", "were under water", "the engineer"),
        ("The deal amounts to what the unions said was a pay cut for nurses.", "said", "was a pay cut for nurses", "the unions"),
        ("He owns the ferry, which he says he will sell next spring.", "says", "he will sell next spring", "He"),
    ],
)
def test_quotes_cue_inside_a_relative_clause_reports_the_rest_of_it(
    text: str, cue: str, content: str, speaker: str
) -> None:
    quote = by_cue(text, cue)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text in (speaker, speaker.lower())


def test_quotes_clause_inside_a_non_clausal_content_keeps_its_adjuncts() -> None:
    text = "The coach criticized the referee, accusing him of dozing when the fouls piled up during the second half."
    assert by_cue(text, "accusing").text == "of dozing when the fouls piled up during the second half"


def test_quotes_non_clausal_content_still_loses_the_cue_verbs_time_phrase() -> None:
    assert by_cue("The mayor criticized the plan as a waste during a stop in Flint.", "criticized").text == (
        "the plan as a waste"
    )


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Her pledge to close the landfill by summer won votes.", "pledge", "to close the landfill"),
        ("Diaz's vow to repave every road was mocked.", "vow", "to repave every road"),
    ],
)
def test_quotes_commissive_speech_noun_reports_its_infinitive(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).text == content


def test_quotes_neutral_speech_noun_with_an_infinitive_is_no_quote() -> None:
    assert quotes_of("Her statement to clarify the rules came a week late.") == []


def test_quotes_parenthetical_cue_hung_on_the_subject_reports_the_sentence() -> None:
    text = "The trouble now, he told me on Friday, is that the city has no plan left."
    quote = by_cue(text, "told")
    assert quote.text == "The trouble now, he told me on Friday, is that the city has no plan left"
    assert quote.speaker is not None and quote.speaker.text == "he"


def test_quotes_scare_quote_in_a_lead_in_before_a_cue_with_its_own_content_is_no_quote() -> None:
    text = 'Mocking the "fake budget," Ortiz accused the council of lying about the debt.'
    assert [quote.text for quote in quotes_of(text)] == ["the council of lying about the debt"]


def test_quotes_scare_quote_in_a_lead_in_before_a_bare_cue_stays_the_cues() -> None:
    assert by_cue('Mocking the "fake budget," Ortiz said.', "said").text == "fake budget"


def test_quotes_sentence_broken_inside_a_quote_before_its_cue_gives_the_whole_quote() -> None:
    text = (
        "“We are ready. There is a real gap between the mayor and our teachers,” Reyes, a union leader, said "
        "Friday morning on a radio show."
    )
    quote = by_cue(text, "said")
    assert quote.kind == "direct"
    assert quote.text == "We are ready. There is a real gap between the mayor and our teachers"


def test_quotes_exclamation_before_a_long_speaker_with_a_quoted_nickname_takes_the_cue_after() -> None:
    text = (
        '"Welcome to the best fair in the county!" Ruiz\'s aide, county clerk Dana "Dee" Ortiz (D-Salem), '
        'shouted to the crowd. "Enjoy the rides. Stay for the fireworks."'
    )
    found = [(quote.text, quote.cue.text if quote.cue else None) for quote in quotes_of(text)]
    assert ("Welcome to the best fair in the county!", "shouted") in found
    assert ("Enjoy the rides. Stay for the fireworks.", "shouted") in found
    assert all(text != "Dee" for text, _ in found)


def test_quotes_short_sentence_whose_cue_reports_its_own_clause_is_not_the_cue_of_the_quote_before() -> None:
    text = 'Critics called the budget a "house of cards." Reyes insisted that Ortiz "show the real numbers."'
    found = {quote.text: quote.cue.text if quote.cue else None for quote in quotes_of(text)}
    assert "house of cards." not in found
    assert found.get('Ortiz "show the real numbers."') == "insisted"


def test_quotes_short_sentence_with_a_bare_cue_after_a_quote_is_its_cue() -> None:
    assert by_cue('"We will win." She said.', "said").text == "We will win."


def test_quotes_sentence_final_cue_reports_nothing_before_a_semicolon() -> None:
    assert quotes_of("Farmers oppose the tax; the governor and his aides promise relief.") == []


def test_quotes_reported_clause_ends_before_a_sentence_final_attribution_of_its_own() -> None:
    text = (
        "Reyes also said the photos do not show whether the driver held anything in her hands, which she said "
        "were on the wheel when she was stopped, the records showed."
    )
    contents = [quote.text for quote in quotes_of(text)]
    assert "the photos do not show whether the driver held anything in her hands" in contents
    assert "were on the wheel when she was stopped" in contents


def test_quotes_reported_clause_cut_before_a_second_cue_drops_the_conjunction() -> None:
    text = 'Ortiz said Monday that she thinks the audit should be published but said "the real issue is the cost."'
    contents = [quote.text for quote in quotes_of(text)]
    assert "she thinks the audit should be published" in contents

"""Behaviour tests of further quote layouts and content bounds (short texts of our own)."""

from __future__ import annotations

import pytest

from conftest import by_cue, quotes_of


def test_quotes_parenthetical_cue_after_a_leading_clause_keeps_the_clause() -> None:
    quote = by_cue("If the talks fail, Maria Lopez argues, there are other ways to end the strike.", "argues")
    assert quote.text.startswith("If the talks fail")
    assert quote.text.endswith("there are other ways to end the strike")
    assert quote.speaker is not None and quote.speaker.text == "Maria Lopez"


def test_quotes_parenthetical_cue_hung_on_a_leading_subordinate_clause_reports_the_sentence() -> None:
    text = (
        "Though that change was fairly smooth, he said, replacing the chief would be much more bitter "
        "and could lead to heavy lobbying by his allies."
    )
    quote = by_cue(text, "said")
    assert quote.text.startswith("Though that change was fairly smooth")
    assert quote.text.endswith("heavy lobbying by his allies")


def test_quotes_misparsed_clause_ends_with_its_own_verb_phrase() -> None:
    text = (
        "While he acknowledged money was a major reason he felt tired serving under the mayor, "
        "Ham also noted several “small things” left him further unhappy."
    )
    assert by_cue(text, "acknowledged").text == "money was a major reason he felt tired serving under the mayor"
    assert by_cue(text, "noted").text == "several “small things” left him further unhappy"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The memo suggests the city council understands that it needs a backup plan in case the "
            "state's biggest donor in the region were to suddenly pull out.",
            "suggests",
            "the city council understands that it needs a backup plan in case the state's biggest donor "
            "in the region were to suddenly pull out",
        ),
        (
            "Ortiz on Monday said she wants to scrap three rules in the zoning code that address how "
            "rental units are counted.",
            "said",
            "she wants to scrap three rules in the zoning code that address how rental units are counted",
        ),
    ],
)
def test_quotes_second_complement_right_after_the_first_continues_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).text == content


def test_quotes_reason_clause_hung_on_the_cue_continues_the_content() -> None:
    text = (
        "Rep. Jane Ortiz (D-Ore.) said that claim smacked of hypocrisy, because Democrats have long "
        "led the questioning of the agency's decisions."
    )
    quote = by_cue(text, "said")
    assert quote.text.endswith("because Democrats have long led the questioning of the agency's decisions")


def test_quotes_reason_clause_after_a_direct_quote_is_the_writers() -> None:
    quote = by_cue('"Keep the doors shut," she says until the sirens are heard.', "says")
    assert quote.text == "Keep the doors shut"


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The mayor was accused of hiding the report from the council.", "accused",
         "of hiding the report from the council", None),
        ("The mayor was criticized by the union for closing the school.", "criticized",
         "for closing the school", "the union"),
    ],
)
def test_quotes_passive_cue_reports_its_content_preposition(
    text: str, cue: str, content: str, speaker: str | None
) -> None:
    quote = by_cue(text, cue)
    assert quote.text == content
    assert (quote.speaker.text if quote.speaker else None) == speaker


def test_quotes_passive_legal_charge_is_no_quote() -> None:
    assert quotes_of("The mayor was charged with fraud.") == []


def test_quotes_second_quote_after_a_long_attribution_sentence_shares_its_cue() -> None:
    text = (
        "“This is not reform,” said Jane Ortiz, an economist who served as director of the regional "
        "budget office for nine years and is now president of the Valley Policy Forum, a small, "
        "independent research group in the capital. “It is the opposite of reform.”"
    )
    found = quotes_of(text)
    assert [quote.text for quote in found] == ["This is not reform", "It is the opposite of reform."]
    assert all(quote.cue is not None and quote.cue.text == "said" for quote in found)


def test_quotes_comma_quote_finds_a_cue_after_a_long_speaker() -> None:
    text = (
        '"I really dislike this way of talking about the election that blames only the young voters," '
        'Jane R. Ortiz II, a columnist for The Valley Herald, said on Twitter. "Young voters have done their part."'
    )
    found = quotes_of(text)
    assert len(found) == 2
    assert all(quote.speaker is not None and quote.speaker.text.startswith("Jane R. Ortiz II") for quote in found)


def test_quotes_cue_after_but_is_not_the_cue_of_the_quote_before() -> None:
    text = (
        "The panel then ruled that the mayor's remark about “hundreds of new jobs” in the valley is “fair,” "
        "but in the course of its review it could not resist pointing out that most jobs did not last a year."
    )
    assert [quote.text for quote in quotes_of(text)] == ["most jobs did not last a year"]


def test_quotes_quoted_title_is_no_quote_of_a_cue_after_it() -> None:
    text = (
        'By 9 a.m. Sunday, the host began taking calls from listeners to his "Keep It Real" radio program '
        "who said they were worried about the vote."
    )
    assert [quote.text for quote in quotes_of(text)] == ["they were worried about the vote"]


def test_quotes_quoted_words_in_title_case_that_open_with_a_pronoun_are_a_quote() -> None:
    quote = by_cue("Pence said: “It’s Time For A Change”", "said")
    assert quote.text == "It’s Time For A Change"
    assert quote.kind == "direct"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Rendell said he’d battled pneumonia twice in his campaigns and called it a common illness.", "said",
         "’d battled pneumonia twice in his campaigns"),
        ("The council stated that about 12,000 voters were ex-convicts and then purged them from the rolls.",
         "stated", "about 12,000 voters were ex-convicts"),
    ],
)
def test_quotes_past_conjunct_that_cannot_share_the_clauses_tense_is_the_writers(
    text: str, cue: str, content: str
) -> None:
    assert by_cue(text, cue).text.endswith(content)


def test_quotes_clause_of_its_own_after_a_semicolon_is_the_writers() -> None:
    text = "Officials said the timing of the news was not planned; they only learned of the deal on Friday."
    assert by_cue(text, "said").text == "the timing of the news was not planned"


def test_quotes_non_clausal_content_ends_with_its_paragraph() -> None:
    text = "The Latest: Mayor urges residents to leave the valley\n\nWASHINGTON (AP) — The mayor spoke on Monday."
    assert by_cue(text, "urges").text == "residents to leave the valley"


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        # title-case headlines: the cue found by its form
        ("The City Could Rebuild Every School, Mayor Lopez Says.\n\nThe mayor spoke on Monday.", "Says",
         "The City Could Rebuild Every School", "Mayor Lopez"),
        ("Senator Vows To End Tax Breaks For Developers.\n\nThe senator spoke on Monday.", "Vows",
         "To End Tax Breaks For Developers", "Senator"),
        # speech nouns with a "that" clause
        ("The mayor is seizing upon a New York Times report that Jane Ortiz had a net loss of more than "
         "$9 million in 1995.", "report", "Jane Ortiz had a net loss of more than $9 million in 1995",
         "New York Times"),
        ("Ortiz highlighted his message that what the city needs most is a new school.", "message",
         "what the city needs most is a new school", "Ortiz"),
    ],
)
def test_quotes_headlines_and_speech_nouns_give_content_and_speaker(text: str, cue: str, content: str,
                                                                   speaker: str) -> None:
    quote = by_cue(text, cue)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_quotes_title_case_headline_needs_a_speech_verb() -> None:
    assert quotes_of("Senator Seeks To End Tax Breaks For Developers.\n\nThe senator spoke on Monday.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("As stated in the ministry's report, there are many questions about the contract.", "stated",
         "there are many questions about the contract"),
        ("If, as I have suggested, the developers benefit from the rules, the city loses money.", "suggested",
         "If, as I have suggested, the developers benefit from the rules, the city loses money"),
    ],
)
def test_quotes_as_clause_reports_the_clause_around_it(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).text == content


def test_quotes_as_clause_of_time_is_no_cue() -> None:
    assert quotes_of("As he welcomed the guests, Lopez was also launching his campaign.") == []


def test_quotes_infinitive_cue_after_went_on_takes_that_verbs_subject() -> None:
    quote = by_cue("Ham went on to explain how he believes the cuts to the budget left his hands tied.", "explain")
    assert quote.text == "how he believes the cuts to the budget left his hands tied"
    assert quote.speaker is not None and quote.speaker.text == "Ham"
    assert quotes_of("All this is to say that the plan failed.") == []


def test_quotes_reason_clause_that_reports_words_itself_stays_in_the_content() -> None:
    text = "He said he did not mention the leak because no one can credibly state they have proof that it is the agency."
    assert by_cue(text, "said").text == (
        "he did not mention the leak because no one can credibly state they have proof that it is the agency"
    )


def test_quotes_subject_the_parser_took_for_the_cues_object_starts_the_content() -> None:
    text = "The team has said single people and families - young, old, rich and poor - would qualify for the new tax breaks."
    assert by_cue(text, "said").text == (
        "single people and families - young, old, rich and poor - would qualify for the new tax breaks"
    )

"""Behaviour tests of reported questions, passive cues and "as" clauses (short texts of our own)."""

from __future__ import annotations

import pytest

from conftest import by_cue, quotes_of

NO_SPEAKER = "the text names no speaker for this cue"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Asked if she was ever afraid, Ortiz said no.", "Asked", "if she was ever afraid"),
        ("During a radio interview in May, the singer was asked if she had ever been threatened.", "asked",
         "if she had ever been threatened"),
        ("Ortiz also asked if the council benefits from a double standard.", "asked",
         "if the council benefits from a double standard"),
    ],
)
def test_quotes_if_question_the_parser_hung_on_the_cue_is_reported_with_its_if(
    text: str, cue: str, content: str
) -> None:
    assert by_cue(text, cue).text == content


def test_quotes_whether_question_keeps_its_whether() -> None:
    quote = by_cue("The newspaper asked several times whether the senator backed the plan.", "asked")
    assert quote.text == "whether the senator backed the plan"
    assert quote.speaker is not None and quote.speaker.text == "The newspaper"


def test_quotes_condition_after_ask_is_no_question() -> None:
    assert not [q for q in quotes_of("I will ask questions if elected.") if q.cue and q.cue.text == "ask"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Asked if she was ever afraid, Ortiz said no.", "Asked"),
        ("The mayor was asked why he left the party.", "asked"),
        ("When asked which candidate she would back, Ortiz declined to answer.", "asked"),
        ("The clerk was told that the office would close.", "told"),
    ],
)
def test_quotes_passive_cue_names_the_listener_not_the_speaker(text: str, cue: str) -> None:
    quote = by_cue(text, cue)
    assert quote.speaker is None
    assert quote.speaker_note == NO_SPEAKER


def test_quotes_passive_question_takes_its_by_phrase_as_speaker() -> None:
    quote = by_cue("The mayor was asked by reporters whether he would run.", "asked")
    assert quote.text == "whether he would run"
    assert quote.speaker is not None and quote.speaker.text == "reporters"


def test_quotes_contracted_has_is_no_passive() -> None:
    quote = by_cue("He's said he will fight all the way to the convention.", "said")
    assert quote.speaker is not None and quote.speaker.text == "He"


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The governor was asked to release the transcripts of the speeches.", "asked",
         "to release the transcripts of the speeches", None),
        ("Asked to respond to the criticism, Ortiz said nothing.", "Asked", "to respond to the criticism", None),
        ("The mayor was urged by aides to drop out.", "urged", "to drop out", "aides"),
    ],
)
def test_quotes_passive_directive_reports_its_infinitive(text: str, cue: str, content: str, speaker: str | None) -> None:
    quote = by_cue(text, cue)
    assert quote.text == content
    assert (quote.speaker.text if quote.speaker else None) == speaker


def test_quotes_passive_participle_of_accusation_names_no_speaker() -> None:
    quote = by_cue("Accused of lying, Ortiz denied it.", "Accused")
    assert quote.text == "of lying"
    assert quote.speaker is None


def test_quotes_bare_noun_after_asked_about_stays_no_quote() -> None:
    assert not [q for q in quotes_of("She was asked about the loan from the bank.") if q.cue and q.cue.text == "asked"]


def test_quotes_as_clause_with_its_comma_hung_on_the_cue_reports_the_main_clause() -> None:
    text = "As the Harbor Times noted, Ortiz raised more than $1.1 million from shipping firms for her campaign."
    quote = by_cue(text, "noted")
    assert quote.text == "Ortiz raised more than $1.1 million from shipping firms for her campaign"
    assert quote.speaker is not None and quote.speaker.text == "the Harbor Times"


def test_quotes_question_of_an_opening_participle_ends_before_the_main_clause() -> None:
    text = "Asked who they thought was the closest ally, the vast majority named Britain."
    assert by_cue(text, "Asked").text == "who they thought was the closest ally"


def test_quotes_elided_question_is_no_quote() -> None:
    text = "When asked why, Ortiz responded in a text message that the plan was dead."
    assert not [q for q in quotes_of(text) if q.cue and q.cue.text == "asked"]


def test_quotes_distancing_cue_reports_its_infinitive() -> None:
    assert by_cue("Ortiz claimed to have seen the secret report.", "claimed").text == "to have seen the secret report"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The union reported spending $2 million on radio ads.", "reported", "spending $2 million on radio ads"),
        ("Ortiz recalled sitting in on focus groups.", "recalled", "sitting in on focus groups"),
    ],
)
def test_quotes_gerund_complement_is_reported_like_an_infinitive(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Gomez said seeing so many officers at the parade was a welcome sight.",
         "seeing so many officers at the parade was a welcome sight"),
        ("Tester said having Lopez at the top of the ticket puts senior members at risk.",
         "having Lopez at the top of the ticket puts senior members at risk"),
    ],
)
def test_quotes_gerund_subject_the_parser_hung_on_the_cue_opens_the_clause(text: str, content: str) -> None:
    assert by_cue(text, "said").text == content


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Lopez's most explosive claim is that the committee is a witch hunt.", "claim",
         "the committee is a witch hunt", "Lopez's"),
        ("The most telling promise Ortiz has made is that she will not overpromise.", "promise",
         "she will not overpromise", "Ortiz"),
        ("Nobody cited a source for Lopez's claim in November that the city wants to take in refugees.", "claim",
         "the city wants to take in refugees", "Lopez's"),
        ("Miners were angered by Clinton's comment that the plan would cost jobs.", "comment",
         "the plan would cost jobs", "Clinton's"),
        ("Berlin's pledge last month to add 7,000 soldiers was welcomed by its allies.", "pledge",
         "to add 7,000 soldiers", "Berlin's"),
    ],
)
def test_quotes_speech_noun_clause_after_a_copula_or_adjuncts(text: str, cue: str, content: str, speaker: str) -> None:
    quote = by_cue(text, cue)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_quotes_speech_noun_in_a_prepositional_phrase_is_its_possessor_s() -> None:
    quote = by_cue("Critics attacked Ortiz over his promise to be neutral in the talks.", "promise")
    assert quote.text == "to be neutral in the talks"
    assert quote.speaker is not None and quote.speaker.text != "Critics"


def test_quotes_that_after_a_channel_noun_is_the_verb_s_clause() -> None:
    quotes = quotes_of("Pate claimed in an interview with the paper that he is not backing any candidate.")
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes] == [("claimed", "he is not backing any candidate")]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("As the Daily Planet reported just today, the inspector general issued subpoenas to the foundation.",
         "reported", "the inspector general issued subpoenas to the foundation"),
        ("As Lopez said on CNN, the race is a dead heat.", "said", "the race is a dead heat"),
    ],
)
def test_quotes_as_clause_with_a_time_or_channel_adjunct_reports_the_main_clause(
    text: str, cue: str, content: str
) -> None:
    assert by_cue(text, cue).text == content


def test_quotes_as_clause_of_reporting_on_a_topic_is_a_time_clause() -> None:
    assert not quotes_of("As they reported on the vote, the crowd grew.")

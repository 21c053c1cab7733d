"""Behaviour tests of direct-quote layouts (short texts of our own): colons, marks typed oddly,
titles between quotes, a quote after another quote's attribution sentence, block-quote leads."""

from __future__ import annotations

import pytest

from conftest import by_cue, quotes_of


def _texts_by_cue(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for quote in quotes_of(text):
        found.setdefault(quote.cue.text if quote.cue else "-", []).append(quote.text)
    return found


def test_quotes_name_and_colon_with_a_space_before_the_mark() -> None:
    text = (
        'The two mayors disagree. Ortiz: "Our goal is to rebuild the bridge, not to patch it." '
        'Reyes: "The plan is to patch the bridge first."'
    )
    quotes = [q for q in quotes_of(text) if q.cue is not None and q.cue.text == ":"]
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("Our goal is to rebuild the bridge, not to patch it.", "Ortiz"),
        ("The plan is to patch the bridge first.", "Reyes"),
    ]


def test_quotes_conjunction_inside_the_speakers_phrase_does_not_stop_the_cue_search() -> None:
    text = '"I have been warning about this bridge for years," the Ashford senator and mayoral candidate said in a statement.'
    quote = by_cue(text, "said")
    assert quote.text == "I have been warning about this bridge for years"
    assert quote.speaker is not None and "senator" in quote.speaker.text


def test_quotes_cue_of_a_relative_clause_after_a_quote_is_not_its_cue() -> None:
    text = 'Compare that with Ortiz, who has called the budget "insanity," and Reyes, who says it is "a disaster."'
    assert all("insanity" not in quote.text or quote.cue is None for quote in quotes_of(text))


def test_quotes_typewriter_triple_mark_closes_the_inner_quote_first() -> None:
    text = (
        "''Part of my job is to say: 'Hey, this man is for real. He is one of us,''' Mr. Ortiz said of the mayor. "
        "He said he had called his friends."
    )
    quote = next(q for q in quotes_of(text) if q.text.startswith("Part of my job"))
    assert quote.text.endswith("He is one of us,'")
    assert quote.cue is not None and quote.cue.text == "said"


def test_quotes_opening_mark_typed_as_closing_mark_closes() -> None:
    text = "“The reality is, if she loses the county, that could create problems for her here,“ said Dana Ortiz, a council member."
    quote = by_cue(text, "said")
    assert quote.text == "The reality is, if she loses the county, that could create problems for her here"
    assert quote.speaker is not None and quote.speaker.text.startswith("Dana Ortiz")


def test_quotes_show_title_with_the_sentences_period_is_no_quote_and_bounds_nothing() -> None:
    text = (
        '"The mayor is a fraud," Reyes said in an interview on "Meet the Press." '
        '"He spent his whole career putting his profits first."'
    )
    assert _texts_by_cue(text) == {
        "said": ["The mayor is a fraud", "He spent his whole career putting his profits first."]
    }


def test_quotes_quote_after_the_attribution_sentence_of_a_quote_is_the_same_speakers() -> None:
    text = (
        "“It is good work,” she said, describing how she builds the parts. "
        "“And after sixty hours a week, people are family.”"
    )
    assert _texts_by_cue(text)["said"] == ["It is good work", "And after sixty hours a week, people are family."]


def test_quotes_sentence_run_on_into_a_typewriter_quote_is_not_reported() -> None:
    quotes = quotes_of("Mr. Hurt wants the book out before the election. ''Time is wasting,'' he said.")
    assert [(q.kind, q.text) for q in quotes] == [("direct", "Time is wasting")]


@pytest.mark.parametrize(
    ("lead", "cue", "speaker"),
    [
        ("He told his audience, to loud applause:", "told", "He"),
        ("The foundation describes itself in the following way:", "describes", "The foundation"),
        ("In a press release, the committee said about its plan for the clinics:", "said", "the committee"),
    ],
)
def test_quotes_block_quote_after_a_lead_whose_cue_has_adjuncts(lead: str, cue: str, speaker: str) -> None:
    text = f"{lead}\n\n“I can say with confidence that nobody has ever been more qualified for this job.”"
    quote = by_cue(text, cue)
    assert quote.text == "I can say with confidence that nobody has ever been more qualified for this job."
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_quotes_block_quote_lead_without_a_cue_gives_nothing() -> None:
    assert quotes_of("Wait, it gets better:\n\n“By law, the mayor sets the number of permits the city can grant.”") == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The rally had one message: “Close the landfill now.”", "message", "The rally"),
        (
            "Senate leader Dana Ortiz delivered a blunt message to the governor: “It is time to get on message.”",
            "message",
            "Senate leader Dana Ortiz",
        ),
        (
            "The timing of the vote does not surprise pollster Dana Ortiz: “Lesser-known candidates often gain.”",
            ":",
            "pollster Dana Ortiz",
        ),
    ],
)
def test_quotes_colon_after_a_speech_noun_or_a_persons_name(text: str, cue: str, speaker: str) -> None:
    quote = by_cue(text, cue)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.text == speaker


# Round 2: stretches that are no quotes, and the cue of a quote after an attribution sentence.


def test_quotes_cue_in_the_speakers_relative_clause_does_not_take_the_next_quote() -> None:
    text = (
        "''Paul put Fred down quite a bit,'' said Anna Lopez, then the girlfriend of Fred's best friend, "
        "who was at the dinner and recalled Paul's tendency to pick fights. ''There was a lot of combustion.''"
    )
    found = _texts_by_cue(text)
    assert found.get("said") == ["Paul put Fred down quite a bit", "There was a lot of combustion."]


def test_quotes_cue_in_a_relative_clause_of_the_speakers_title_does_not_take_the_next_quote() -> None:
    text = (
        "''Jane is well aware that the economy has changed,'' said Alan Krueger, a professor of economics "
        "and a former chairman of the council who has advised Mrs. Ortiz. "
        "''She would recommend policies that would strengthen the economy.''"
    )
    assert "advised" not in _texts_by_cue(text)
    assert len(_texts_by_cue(text).get("said", [])) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Both are forms of “cheap money” — boost growth and create jobs, the report argued.",
        "The emails have now been upgraded to “confidential” — a lower level of classification.",
    ],
)
def test_quotes_term_before_a_dashed_aside_is_no_quote(text: str) -> None:
    assert all(quote.kind != "direct" for quote in quotes_of(text))


def test_quotes_quote_that_opens_its_sentence_before_a_dash_names_its_speaker() -> None:
    text = "The crowd roared. “We will rebuild this town, every street of it” – Mayor Dana Ortiz."
    quote = quotes_of(text)[0]
    assert quote.text == "We will rebuild this town, every street of it"
    assert quote.speaker is not None and "Ortiz" in quote.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "In his memoir, ''A Time to Heal,'' published in 2015, Mr. Ortiz described his youth.",
        "Ortiz went on to promote “Celebrity Chefs,” note that he had just bought a hotel.",
    ],
)
def test_quotes_title_after_a_noun_and_comma_or_a_plain_verb_is_no_quote(text: str) -> None:
    assert all("Heal" not in quote.text and "Chefs" not in quote.text for quote in quotes_of(text))


def test_quotes_short_answer_after_a_cue_and_comma_is_still_a_quote() -> None:
    text = "When someone in the audience shouted, “Cruz,” Beck joked, again using a funny accent."
    assert by_cue(text, "joked").text == "Cruz"


@pytest.mark.parametrize(
    "text",
    [
        "A self-described ''geeky kid,'' Mr. Ortiz changed his name as a teenager.",
        "Party leaders backed a new plan, as the “autopsy” recommended, and watched it pass.",
        "But “dumping the mayor” is easier said than done in the city.",
        'Friends offered to work for my "campaign" when I posted the story online.',
    ],
)
def test_quotes_term_inside_the_cues_own_clause_is_no_quote(text: str) -> None:
    assert quotes_of(text) == []


def test_quotes_cue_read_as_an_adjective_before_the_speaker_still_attributes() -> None:
    text = '"Debate recap," tweeted Ortiz spokesman Alex Conant. "The mayor won the night."'
    assert _texts_by_cue(text)["tweeted"][0] == "Debate recap"


def test_quotes_attribution_with_according_to_keeps_the_verb_as_cue() -> None:
    text = (
        "“I'll be voting on March 1,” Welch said, according to the Burlington Free Press. "
        "“And I've decided to vote for Ann Ortiz.”"
    )
    found = _texts_by_cue(text)
    assert "according to" not in found
    assert found["said"] == ["I'll be voting on March 1", "And I've decided to vote for Ann Ortiz."]

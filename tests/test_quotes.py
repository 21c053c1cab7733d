"""Behaviour tests of the quotes extractor: layouts, speakers, cues, marks (short texts of our own)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import analyse_text
from dateline.analyse.quote_cues import lexicon, verb_cue
from dateline.analyse.quote_marks import find_quoted
from dateline.record import Quote, Record

WORD = re.compile(r"\w+")


def quotes_of(text: str) -> list[Quote]:
    """The quotes found in a short text, after checking every item's offsets."""
    record = analyse_text(text)
    for quote in record.quotes:
        assert record.article.text[quote.start : quote.end] == quote.text
        assert quote.extractor == "quotes"
        assert quote.speaker is not None or quote.speaker_note
        if quote.cue is not None:
            assert record.article.text[quote.cue.start : quote.cue.end] == quote.cue.text
    return record.quotes


def only(text: str) -> Quote:
    found = quotes_of(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def speaker_text(quote: Quote) -> str:
    assert quote.speaker is not None
    return quote.speaker.text


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            'Maria Lopez said "We will rebuild every school in the valley."',
            "We will rebuild every school in the valley.",
            "Maria Lopez",
            "said",
        ),
        (
            "“We will rebuild every school,” Maria Lopez said.",
            "We will rebuild every school",
            "Maria Lopez",
            "said",
        ),
        (
            "“We will rebuild every school,” said Maria Lopez, the mayor.",
            "We will rebuild every school",
            "Maria Lopez",
            "said",
        ),
        (
            "Maria Lopez told reporters: «We will rebuild every school.»",
            "We will rebuild every school.",
            "Maria Lopez",
            "told",
        ),
    ],
)
def test_quotes_direct_layouts(text: str, content: str, speaker: str, cue: str) -> None:
    quote = only(text)
    assert quote.kind == "direct"
    assert quote.text == content
    assert speaker in speaker_text(quote)
    assert quote.cue is not None and quote.cue.text == cue


def test_quotes_dash_layout_names_speaker_without_verb() -> None:
    quote = only("“Nobody expected the river to rise so fast.” – Maria Lopez")
    assert quote.kind == "direct" and "Maria Lopez" in speaker_text(quote)


def test_quotes_colon_layout_names_speaker_without_verb() -> None:
    quote = only("Mayor Maria Lopez: “Nobody expected the river to rise so fast.”")
    assert "Maria Lopez" in speaker_text(quote) and quote.text.startswith("Nobody")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Maria Lopez said that the bridge would reopen in May.",
            "the bridge would reopen in May",
            "Maria Lopez",
        ),
        ("Maria Lopez said the bridge would reopen in May.", "the bridge would reopen in May", "Maria Lopez"),
        ("The bridge will reopen in May, officials said.", "The bridge will reopen in May", "officials"),
        (
            "According to the ministry, the bridge will reopen in May.",
            "the bridge will reopen in May",
            "the ministry",
        ),
    ],
)
def test_quotes_indirect_layouts(text: str, content: str, speaker: str) -> None:
    quote = only(text)
    assert quote.kind == "indirect"
    assert quote.text == content
    assert speaker in speaker_text(quote)


def test_quotes_told_records_addressee_and_channel() -> None:
    told_people = only("Maria Lopez told a group of farmers that the dam was safe.")
    assert told_people.addressee == "a group of farmers"
    told_agency = only("A police source told AFP that two suspects had been arrested.")
    assert told_agency.speaker is not None and (told_agency.speaker.channel or "").lower() == "afp"
    assert told_agency.speaker.text == "A police source"


def test_quotes_pronoun_resolves_to_most_recent_person() -> None:
    text = (
        "Maria Lopez met Ahmed Karimi in Lyon. Karimi spoke first.\n\nHe said that the talks had gone well."
    )
    quote = only(text)
    assert quote.speaker is not None and quote.speaker.text == "Karimi"
    assert quote.speaker.resolved_from is not None and quote.speaker.resolved_from.text == "He"


def test_quotes_added_then_he_said_is_one_quote() -> None:
    text = "Ahmed Karimi spoke in Lyon.\n\nHe added: “The harvest was the worst in a decade.” He said."
    quote = only(text)
    assert quote.cue is not None and quote.cue.text == "added"
    assert speaker_text(quote) == "Ahmed Karimi"


def test_quotes_paragraph_continuing_previous_quote_has_no_cue() -> None:
    text = "Ahmed Karimi said: “The harvest failed.”\n\n“We will need help before the winter comes.”"
    _, second = quotes_of(text)
    assert second.cue is None and speaker_text(second) == "Ahmed Karimi"
    assert second.text == "We will need help before the winter comes."


def test_quotes_multi_paragraph_quote_left_open() -> None:
    text = "Ahmed Karimi said: “The harvest failed this year.\n\n“We will need help before the winter comes.”"
    first, second = quotes_of(text)
    assert first.text == "The harvest failed this year."
    assert second.cue is None and speaker_text(second) == "Ahmed Karimi"


def test_quotes_multi_sentence_quote_is_one_quote() -> None:
    quote = only("Karimi said: “The harvest failed. The rains came late. We need help.”")
    assert quote.text == "The harvest failed. The rains came late. We need help."


def test_quotes_inner_quotes_stay_inside() -> None:
    quote = only("“They told us ‘wait until spring’ and we waited,” Karimi said.")
    assert quote.text == "They told us ‘wait until spring’ and we waited"


def test_quotes_fragment_inside_reported_speech_is_mixed() -> None:
    quote = only("Karimi said the harvest was “the worst in living memory” for the valley.")
    assert quote.kind == "mixed"
    assert "“the worst in living memory”" in quote.text and quote.text.startswith("the harvest")


def test_quotes_scare_quoted_word_is_not_a_quote() -> None:
    assert quotes_of("The so-called “reform” was passed in March by the council.") == []


def test_quotes_unnamed_source_kept_verbatim_with_affiliation() -> None:
    quote = only("A source close to Hamas said that the talks would resume on Monday.")
    assert speaker_text(quote) == "A source close to Hamas"
    assert quote.speaker is not None and quote.speaker.affiliation


def test_quotes_cue_carries_stance() -> None:
    condemned = only("Karimi condemned the decision, saying that it was illegal.")
    assert condemned.cue is not None and condemned.cue.text == "saying"
    stressed = only("Karimi stressed that the decision was illegal.")
    assert stressed.cue is not None and stressed.cue.stance == "emphatic"
    denied = only("Karimi denied that the army had entered the village.")
    assert denied.cue is not None and denied.cue.stance == "critical"


def test_quotes_same_rules_for_every_party() -> None:
    """The same sentence with the parties swapped gives the same kind of quote and speaker."""
    first = only("The Israeli official said that the strike hit a weapons depot.")
    second = only("The Palestinian official said that the strike hit a weapons depot.")
    assert (first.kind, first.text, speaker_text(first).replace("Israeli", "X")) == (
        second.kind,
        second.text,
        speaker_text(second).replace("Palestinian", "X"),
    )


def test_quotes_seed_article_scores(seed_record: Record, seed_gold: dict[str, Any]) -> None:
    """Every gold quote of the example article is found by the 60% word-overlap rule."""
    text = seed_record.article.text
    offset = seed_record.article.text_offset
    found = 0
    for gold in seed_gold["quotes"]:
        start = text.find(gold["text"])
        gold_words = {start + m.start() for m in WORD.finditer(gold["text"])}
        for quote in seed_record.quotes:
            words = {quote.start + m.start() for m in WORD.finditer(quote.text)}
            shared = len(words & gold_words)
            if shared >= 0.6 * len(gold_words) and shared >= 0.6 * len(words):
                found += 1
                break
    assert offset == 17
    assert found / len(seed_gold["quotes"]) >= 0.9
    assert len(seed_record.quotes) <= len(seed_gold["quotes"]) + len(seed_gold["optional_quotes"])


def test_quotes_lexicon_covers_the_documented_classes() -> None:
    table = lexicon()
    assert table.verbs["say"] == ("speech", "neutral")
    assert table.verbs["insist"][1] == "emphatic"
    assert table.verbs["accuse"][1] == "critical"
    assert table.particle_verbs["point out"] == ("speech", "emphatic")
    assert table.verbs["believe"][0] == "belief"


def test_quotes_particle_cue_spans_verb_and_particle(nlp: Any) -> None:
    doc = nlp("He pointed out that the road was closed.")
    cue = verb_cue(doc[1])
    assert cue is not None and cue.lemma == "point out" and cue.stance == "emphatic"


PIECES = st.lists(
    st.sampled_from(
        ["word", " ", "“", "”", '"', "‘", "’", "'", "«", "»", "\n", "\n\n", ",", ".", "it’s", "x"]
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_quotes_marks_stretches_are_ordered_and_inside_paragraphs(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = find_quoted(text)
    previous_end = -1
    for stretch in found:
        assert previous_end <= stretch.open_mark < stretch.content_start <= stretch.content_end <= len(text)
        assert "\n" not in text[stretch.open_mark : stretch.end]
        content = text[stretch.content_start : stretch.content_end]
        assert content == content.strip() and content
        if stretch.close_mark is not None:
            assert stretch.content_end <= stretch.close_mark
        previous_end = stretch.end


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="abc ", min_size=1, max_size=30).filter(lambda s: s.strip() != ""))
def test_quotes_marks_curly_pair_gives_its_content(inner: str) -> None:
    text = f"He said “{inner}” then left."
    (stretch,) = find_quoted(text)
    assert text[stretch.content_start : stretch.content_end] == inner.strip()


def test_quotes_role_noun_speaker_takes_organisation_as_affiliation() -> None:
    quote = only("The Hamas spokesman said that the talks had failed.")
    assert quote.speaker is not None and quote.speaker.affiliation == "hamas"
    israeli = only("An Israeli official said that the talks had failed.")
    assert israeli.speaker is not None and israeli.speaker.affiliation == "israel"


def test_quotes_parenthetical_cue_inside_reported_clause() -> None:
    quote = only("The strike, officials said, hit a weapons depot near the port.")
    assert quote.kind == "indirect" and "hit a weapons depot" in quote.text
    assert speaker_text(quote) == "officials"


def test_quotes_cue_in_its_own_short_sentence_after_quote() -> None:
    quote = only('"What do you suggest we do?" she asked.')
    assert quote.cue is not None and quote.cue.text == "asked" and quote.cue.stance == "interrogative"


def test_quotes_typewriter_double_marks() -> None:
    quote = only("''We will appeal the ruling,'' said Maria Lopez.")
    assert quote.text == "We will appeal the ruling" and "Maria Lopez" in speaker_text(quote)


def test_quotes_pronoun_after_quote_skips_names_inside_the_quote() -> None:
    quote = only("Ann Lee spoke first.\n\nKarimi was the best mayor the town ever had, she said.")
    assert speaker_text(quote) == "Ann Lee"
    assert quote.text == "Karimi was the best mayor the town ever had"


def test_quotes_directive_infinitive_is_reported() -> None:
    quote = only("The minister urged the rebels to lay down their arms before the talks.")
    assert quote.text == "the rebels to lay down their arms"
    assert quote.cue is not None and quote.cue.stance == "directive"
    assert speaker_text(quote) == "The minister"


def test_quotes_accusation_with_its_content_is_reported() -> None:
    quote = only("The opposition accused the government of rigging the vote.")
    assert quote.text == "the government of rigging the vote"


def test_quotes_bare_object_of_praise_is_not_a_quote() -> None:
    assert quotes_of("The mayor praised the firefighters who worked through the night.") == []


def test_quotes_trailing_without_comment_is_the_writers() -> None:
    quote = only("The senator said the vote was rigged, without offering any evidence.")
    assert quote.text == "the vote was rigged"


def test_quotes_trailing_which_clause_is_the_writers() -> None:
    quote = only(
        "Ahmed Karimi said the council approved the new budget, which includes funds for the bridge."
    )
    assert quote.text == "the council approved the new budget"


def test_quotes_transcript_labels_name_the_speakers() -> None:
    text = (
        "WALLACE: Let us start with the debate tonight.\n\nPENCE: Well, the question is why they invited him."
    )
    first, second = quotes_of(text)
    assert speaker_text(first) == "WALLACE" and first.text == "Let us start with the debate tonight"
    assert speaker_text(second) == "PENCE" and first.cue is not None and first.cue.text == ":"


def test_quotes_correction_label_is_not_a_speaker() -> None:
    assert quotes_of("Correction: An earlier version of this article misstated the date of the vote.") == []


def test_quotes_speech_noun_with_that_clause_is_reported() -> None:
    quote = only("The ministry repeated its claim that the convoy carried weapons.")
    assert quote.text == "the convoy carried weapons"
    assert quote.cue is not None and quote.cue.text == "claim"


def test_quotes_paragraph_left_open_after_closed_quote_is_not_a_continuation() -> None:
    text = '“The harvest failed,” Ahmed Karimi said.\n\n"The farmers walked to the square, chanting slogans.'
    assert [q.text for q in quotes_of(text)] == ["The harvest failed"]


def test_quotes_a_number_or_a_dateline_is_never_the_speaker() -> None:
    record = analyse_text(
        "March 1, 2005\n\nOfficials from the People's Republic of China said that they will buy 60 aircraft.\n\n"
        "A spokesman said 149 confirmed orders have been received.",
        published="2005-03-01",
    )
    speakers = [q.speaker.text for q in record.quotes if q.speaker is not None]
    assert "Officials from the People's Republic of China" in speakers
    assert not any("\n" in s or s.strip().isdigit() for s in speakers)


@pytest.mark.parametrize(
    "text",
    [
        "“The bridge must be closed before winter,\" Maria Lopez said.",
        "\"The bridge must be closed before winter,” Maria Lopez said.",
    ],
)
def test_quotes_mismatched_curly_and_straight_marks_close_each_other(text: str) -> None:
    quote = only(text)
    assert quote.text == "The bridge must be closed before winter"
    assert speaker_text(quote) == "Maria Lopez"


def test_quotes_straight_mark_after_a_nested_single_quote_and_a_space_closes() -> None:
    quote = only("\"I have always disliked the word 'outreach,' \" Maria Lopez told the council.")
    assert quote.text == "I have always disliked the word 'outreach,'"
    assert speaker_text(quote) == "Maria Lopez"


def test_quotes_bracketed_party_label_does_not_hide_the_cue() -> None:
    quote = only("“The budget is a disgrace,” Senator Jane Ortiz (D-Ore.) said on Tuesday.")
    assert quote.text == "The budget is a disgrace"
    assert quote.cue is not None and quote.cue.text == "said"
    assert speaker_text(quote).startswith("Senator Jane Ortiz")


def test_quotes_question_mark_does_not_end_the_quote_sentence() -> None:
    quote = only("The mayor arrived late.\n\n“Are we winning?” a volunteer in the campaign office asked.")
    assert quote.text == "Are we winning?"
    assert speaker_text(quote) == "a volunteer in the campaign office"


def test_quotes_quoted_nickname_inside_the_speaker_is_not_a_quote() -> None:
    found = quotes_of('“We won!” the mayor’s niece, Marcia "Pip" Price (D-Denver), shouted to the crowd.')
    assert "Pip" not in [q.text for q in found]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "The mayor spoke for an hour.\n\nShe said:\n\n“We will rebuild every school in the valley.”",
            "We will rebuild every school in the valley.",
            "She",
            "said",
        ),
        (
            "The mayor spoke for an hour.\n\nThe governor added:\n\n"
            "The valley will get its schools back. Nobody will be left without a classroom.",
            "The valley will get its schools back. Nobody will be left without a classroom.",
            "The governor",
            "added",
        ),
    ],
)
def test_quotes_block_quote_after_a_paragraph_ending_with_said_colon(
    text: str, content: str, speaker: str, cue: str
) -> None:
    quote = only(text)
    assert (quote.text, quote.kind) == (content, "direct")
    assert speaker_text(quote) == speaker
    assert quote.cue is not None and quote.cue.text == cue


def test_quotes_paragraph_after_a_colon_without_a_speech_verb_is_not_a_block_quote() -> None:
    assert quotes_of("The plan has three parts:\n\nSchools will be rebuilt first and roads come after them.") == []


def test_quotes_clause_hung_on_the_cue_as_an_adjunct_is_reported() -> None:
    quote = only("Lopez said after the meeting she would not accept the offer.")
    assert quote.text.endswith("she would not accept the offer")
    assert speaker_text(quote) == "Lopez"


def test_quotes_second_clause_hung_on_the_cue_continues_the_content() -> None:
    quote = only("The mayor said the bridge was unsafe, and there was no money to repair it.")
    assert quote.text == "the bridge was unsafe, and there was no money to repair it"


def test_quotes_writers_conjunct_with_a_speaker_of_its_own_stays_out() -> None:
    found = quotes_of("The mayor said the bridge was unsafe, and the governor replied that it was fine.")
    assert [q.text for q in found] == ["the bridge was unsafe", "it was fine"]


def test_quotes_that_clause_after_the_cues_adjuncts_is_reported() -> None:
    quote = only("The Denver Post reported at the time that the city editor had resigned.")
    assert quote.text == "the city editor had resigned"
    assert speaker_text(quote) == "The Denver Post"


def test_quotes_result_clause_after_so_is_not_reported() -> None:
    assert quotes_of("The council added so many rules that the plan would, above all, help lawyers.") == []


def test_quotes_speech_noun_with_a_name_before_it_is_reported() -> None:
    quote = only("Lopez claims that the bridge should be closed.")
    assert quote.text == "the bridge should be closed"
    assert speaker_text(quote) == "Lopez"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor urged them to reconsider.", "them to reconsider"),
        (
            "The council agreed to share a single budget and rely on one another for repairs.",
            "to share a single budget and rely on one another for repairs",
        ),
        ("The senator blasted the plan as a “disgrace” Wednesday on a radio show.", "the plan as a “disgrace”"),
    ],
)
def test_quotes_non_clausal_content_bounds(text: str, content: str) -> None:
    assert only(text).text == content


@pytest.mark.parametrize("text", [
    '"We will not back down," said Senator Jane Ortiz (D-Ore.) on Tuesday.',
    "Senator Jane Ortiz (D-Ore.) said the bill would pass.",
])
def test_quotes_speaker_text_keeps_the_closing_bracket_of_its_aside(text: str) -> None:
    assert only(text).speaker.text == "Senator Jane Ortiz (D-Ore.)"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "“It is over,” she said to the crowd. “For now.”",
        "“It is over,” said Jane Ortiz, a nurse who runs the clinic in the valley. “For now.”",
        "\"Is it over?\" she asked. \"For now.\"",
    ],
)
def test_quotes_short_quote_after_an_attributed_one_shares_its_cue(text: str) -> None:
    first, second = quotes_of(text)
    assert second.text == "For now."
    assert second.cue is not None and first.cue is not None and second.cue.start == first.cue.start
    assert speaker_text(second) == speaker_text(first)


def test_quotes_sentence_that_introduces_the_next_quote_is_not_the_cue_of_the_one_before() -> None:
    text = 'He had to change his answer: "Of course I agree. I was just kidding." To which she said, "Thank God."'
    found = quotes_of(text)
    assert [q.text for q in found if q.cue is not None] == ["Thank God."]


def test_quotes_cue_inside_a_subordinate_clause_after_the_quote_is_not_its_cue() -> None:
    text = "“Keep your hands in sight,” Lopez sings to the crowd before asking them, “Where do we go from here?”"
    found = quotes_of(text)
    assert [q.text for q in found] == ["Where do we go from here?"]


def test_quotes_question_quote_then_its_speaker_in_a_sentence_of_its_own() -> None:
    text = (
        "“We are ready,” Maria Lopez said.\n\n\"The crowd cheered and waved.\n\n"
        "“Who would have believed it a year ago?” Jane Ortiz said, looking at the crowd."
    )
    last = quotes_of(text)[-1]
    assert last.text == "Who would have believed it a year ago?"
    assert speaker_text(last) == "Jane Ortiz" and last.cue is not None and last.cue.text == "said"


def test_quotes_writers_words_running_into_a_quote_make_a_mixed_quote() -> None:
    quote = only("Not paying taxes “makes me smart,” Lopez said last week.")
    assert quote.kind == "mixed" and quote.text.startswith("Not paying taxes")
    assert speaker_text(quote) == "Lopez"


def test_quotes_participle_before_a_quoted_term_is_not_part_of_it() -> None:
    found = quotes_of("Decrying the “rigged system,” Lopez accused the council of lying.")
    assert not any(q.text.startswith("Decrying") for q in found)


def test_quotes_clause_set_off_after_a_direct_quotes_cue_is_not_reported() -> None:
    text = "“You should resign,” Warren told the banker, after he admitted under her questioning he had not been held accountable."
    assert [q.text for q in quotes_of(text)] == ["You should resign"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The nominee continues to insist, most recently in an interview with a radio station, that he wants to release the files.",
            "he wants to release the files",
        ),
        (
            "In Suva last week, he told a meeting of island leaders that few people understood the stakes better than they did.",
            "few people understood the stakes better than they did",
        ),
    ],
)
def test_quotes_that_clause_after_a_set_off_aside_or_an_adjective_subject(text: str, content: str) -> None:
    assert only(text).text == content


def test_quotes_modal_conjunct_of_the_cue_continues_the_content() -> None:
    quote = only("The center says it would depress revenue in the early years, but would eventually add $84 billion.")
    assert quote.text == "it would depress revenue in the early years, but would eventually add $84 billion"


def test_quotes_cue_ending_its_sentence_reports_the_whole_sentence() -> None:
    text = (
        "The van was supposed to be escorted by the police, but the guards drove her away before "
        "the officers could follow her, another source said."
    )
    quote = only(text)
    assert quote.text.startswith("The van was supposed") and quote.text.endswith("could follow her")
    assert speaker_text(quote) == "another source"


def test_quotes_quoted_words_the_parser_hung_on_the_cue_continue_the_content() -> None:
    quote = only("Lopez is claiming that fraud is “a big problem” but “nobody talks about it.”")
    assert quote.text == "fraud is “a big problem” but “nobody talks about it.”"


def test_quotes_headline_label_that_names_an_entity_of_the_article() -> None:
    text = "Sanders: Clinton needs to change course on taxes.\n\nBernie Sanders said on Friday that the race was close."
    first = quotes_of(text)[0]
    assert first.text == "Clinton needs to change course on taxes" and speaker_text(first) == "Sanders"


@pytest.mark.parametrize(
    "text",
    ["The mayor said officers ordered him to get out of the car.", "The mayor said the Democrats are to blame for the delay."],
)
def test_quotes_non_clausal_content_inside_a_reported_clause_is_part_of_it(text: str) -> None:
    quote = only(text)
    assert quote.cue is not None and quote.cue.text == "said" and speaker_text(quote) == "The mayor"


def test_quotes_concession_set_off_after_the_content_is_the_writers() -> None:
    quote = only("The agency said the test was its biggest yet, although it may take days to measure it.")
    assert quote.text == "the test was its biggest yet"


def test_quotes_second_half_of_a_split_quote_after_but_shares_the_cue() -> None:
    text = '"You know, I like the plan," he said, but "when it comes to money, the plan has a history of failing."'
    first, second = quotes_of(text)
    assert second.text.startswith("when it comes to money")
    assert second.cue is not None and first.cue is not None and second.cue.start == first.cue.start


def test_quotes_participle_after_a_preposition_takes_the_subject_of_its_verb() -> None:
    quote = only("The mayor responded to the critics on Wednesday by saying the plan was a success.")
    assert quote.text == "the plan was a success" and speaker_text(quote) == "The mayor"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The crew treated the interns badly, according to show insiders.", "The crew treated the interns badly", "show insiders"),
        (
            "According to radio host Jane Ortiz, the move reeks of “fear” and desperation.",
            "the move reeks of “fear” and desperation",
            "radio host Jane Ortiz",
        ),
        (
            "The top earners would see their incomes rise by 19 percent, according to the Tax Foundation, "
            "more than twice what it projected for the middle class.",
            "The top earners would see their incomes rise by 19 percent",
            "the Tax Foundation",
        ),
    ],
)
def test_quotes_according_to_misparsed_or_in_mid_sentence(text: str, content: str, speaker: str) -> None:
    quote = only(text)
    assert quote.text == content and speaker_text(quote) == speaker


def test_quotes_conditional_opening_the_reported_clause_stays_in_it() -> None:
    quote = only("He argues that if the plan fails to persuade, there are other tools in the box.")
    assert quote.text == "if the plan fails to persuade, there are other tools in the box"


def test_quotes_pronoun_speaker_is_not_a_name_inside_the_quote_before_it() -> None:
    found = quotes_of('Jane Ortiz spoke last. "You know, I like Larry Smith," she said. "He is a friend."')
    assert [speaker_text(q) for q in found] == ["Jane Ortiz", "Jane Ortiz"]


@given(st.text(alphabet=" \n\t\u00a0ab:", max_size=30), st.integers(0, 30))
def test_last_visible_is_the_end_of_the_stripped_prefix(text: str, index: int) -> None:
    from dateline.analyse.quote_marks import last_visible

    index = min(index, len(text))
    assert last_visible(text, index) == len(text[:index].rstrip()) - 1


@given(st.text(alphabet=' ,?a”"’', max_size=12), st.sampled_from(['”', '"']))
def test_before_closing_mark_is_the_punctuation_a_quote_closed_with(body: str, mark: str) -> None:
    from dateline.analyse.quote_marks import before_closing_mark

    text = body + mark
    assert before_closing_mark(text, len(text), '”"’') == text[: len(text) - 1].rstrip('”"’ ')[-1:]


@pytest.mark.parametrize(
    ("prefix", "is_open"),
    [
        ("He said “the timing", True),
        ("He said “the timing” was bad", False),
        ('He said "the timing', True),
        ('He said "the timing" was bad', False),
        ("He said ''the timing", True),
        ("He called it «a farce", True),
        ("He called it «a farce» and left", False),
        ("No marks at all", False),
    ],
)
def test_leaves_double_open_counts_unclosed_double_marks(prefix: str, is_open: bool) -> None:
    from dateline.analyse.quote_marks import leaves_double_open

    assert leaves_double_open(prefix) is is_open

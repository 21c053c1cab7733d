"""Behaviour tests of where reported contents end (short texts of our own): what the writer adds
after a reported clause, and what a reported clause or a non-clausal content keeps."""

from __future__ import annotations

import pytest

from conftest import by_cue


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "The farmer said she was proud of the harvest and expects a good price this autumn.",
            "said",
            "she was proud of the harvest and expects a good price this autumn",
            id="conjoined_verb_of_belief_stays_in_the_reported_clause-1",
        ),
        pytest.param(
            "The mayor said he respected the council and hoped the two sides would find a compromise.",
            "said",
            "he respected the council and hoped the two sides would find a compromise",
            id="conjoined_verb_of_belief_stays_in_the_reported_clause-2",
        ),
        pytest.param(
            "He said he would order a review and warned against hackers.",
            "said",
            "he would order a review",
            id="conjoined_speech_verb_is_still_the_writers",
        ),
        pytest.param(
            "The economist said that wages would fall somewhat, but that the higher overtime payments would offset any loss.",
            "said",
            "wages would fall somewhat, but that the higher overtime payments would offset any loss",
            id="second_that_clause_continues_the_content-1",
        ),
        pytest.param(
            "The minister said that the harbour would close in winter, but that the ferries would keep running.",
            "said",
            "the harbour would close in winter, but that the ferries would keep running",
            id="second_that_clause_continues_the_content-2",
        ),
        pytest.param(
            "The mayor said the bridge would reopen next week, a move that drivers have long awaited.",
            "said",
            "the bridge would reopen next week",
            id="set_off_phrase_summing_the_clause_up_is_the_writers-1",
        ),
        pytest.param(
            "The senator said the contest had been rigged against her, a charge that party leaders strongly denied.",
            "said",
            "the contest had been rigged against her",
            id="set_off_phrase_summing_the_clause_up_is_the_writers-2",
        ),
        pytest.param(
            "He said he would bring the jobless rate down to 6 percent in four years — a milepost the last government never reached.",
            "said",
            "he would bring the jobless rate down to 6 percent in four years",
            id="set_off_phrase_summing_the_clause_up_is_the_writers-3",
        ),
        pytest.param(
            "The minister said exports are in decline — a decline that began before the election.",
            "said",
            "exports are in decline — a decline that began before the election",
            id="set_off_phrase_taking_up_a_noun_of_the_clause_stays",
        ),
        pytest.param(
            "The candidate vowed to pull the state out of the compact if she is elected.",
            "vowed",
            "to pull the state out of the compact if she is elected",
            id="non_clausal_content_keeps_what_its_own_verb_governs-1",
        ),
        pytest.param(
            "The union urged its members not to sign the contract until the company raises wages.",
            "urged",
            "its members not to sign the contract until the company raises wages",
            id="non_clausal_content_keeps_what_its_own_verb_governs-2",
        ),
        pytest.param(
            "The mayor vowed to rebuild the bridge, leaving the council nervous about the cost.",
            "vowed",
            "to rebuild the bridge",
            id="non_clausal_content_still_loses_the_writers_participle_and_the_cue_verbs_time-1",
        ),
        pytest.param(
            "The coach criticized the referee on Monday over his handling of the match.",
            "criticized",
            "the referee",
            id="non_clausal_content_still_loses_the_writers_participle_and_the_cue_verbs_time-2",
        ),
        pytest.param(
            "About 40 percent of voters said they trusted the mayor, compared with 33 percent last month.",
            "said",
            "they trusted the mayor",
            id="writers_comparison_and_reported_refusal_end_the_content-1",
        ),
        pytest.param(
            "Gomez said he will support the nominee, as have other prominent Democrats.",
            "said",
            "he will support the nominee",
            id="writers_comparison_and_reported_refusal_end_the_content-2",
        ),
        pytest.param(
            "The aide said the senator does not hold such meetings publicly, as was the case with Tuesday's visit.",
            "said",
            "the senator does not hold such meetings publicly",
            id="writers_comparison_and_reported_refusal_end_the_content-3",
        ),
        pytest.param(
            "She said she had no plans to change her vote and would not identify any issue that could sway her.",
            "said",
            "she had no plans to change her vote",
            id="writers_comparison_and_reported_refusal_end_the_content-4",
        ),
        pytest.param(
            "The spokesman said the company had paid the fine but declined to provide a list of the fees.",
            "said",
            "the company had paid the fine",
            id="writers_comparison_and_reported_refusal_end_the_content-5",
        ),
        pytest.param(
            "Gomez said he will make his medical records public, as is tradition for candidates.",
            "said",
            "he will make his medical records public, as is tradition for candidates",
            id="speakers_own_as_clause_and_refusal_stay-1",
        ),
        pytest.param(
            "Officers said the man posed a threat and refused to drop the knife.",
            "said",
            "the man posed a threat and refused to drop the knife",
            id="speakers_own_as_clause_and_refusal_stay-2",
        ),
        pytest.param(
            "Though Ortiz has lived in the city for years, the new residents have changed it, she said.",
            "said",
            "the new residents have changed it",
            id="sentence_final_cue_leaves_out_a_leading_concession",
        ),
    ],
)
def test_quotes_reported_content_bounds(text: str, cue: str, content: str) -> None:
    assert by_cue(text, cue).text == content

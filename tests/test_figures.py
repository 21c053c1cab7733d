"""The figures extractor: what is counted, by whom, how surely; and its GKG count mapping."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import analyse_text
from dateline.export.gkg_counts import gkg_count_field, gkg_count_type
from dateline.record import Figure, Record


def figure_for(record: Record, number: str) -> Figure:
    """The figure whose number text is ``number``."""
    matches = [f for f in record.figures if f.number.text == number]
    assert len(matches) == 1, [f.text for f in record.figures]
    return matches[0]


@pytest.fixture(scope="module")
def casualties() -> Record:
    return analyse_text(
        "Since the start of the offensive, the army has killed at least 1,200 villagers and wounded 3,400 others. "
        "Rebels killed and wounded dozens of soldiers near the border. "
        "Twelve policemen were killed in the attack, the interior ministry said. "
        "According to the health ministry, more than 500 martyrs have been buried. "
        "Hundreds more are missing."
    )


def test_figures_coordinated_verbs_give_each_count_its_category(casualties: Record) -> None:
    killed, wounded = figure_for(casualties, "1,200"), figure_for(casualties, "3,400")
    assert (killed.category, killed.lower, killed.upper) == ("killed", 1200, None)
    assert (wounded.category, wounded.lower, wounded.upper) == ("injured", 3400, 3400)
    assert wounded.subject == "villagers"
    assert killed.period is not None and killed.period.lower().startswith("since the start")


def test_figures_shared_object_of_two_verbs_is_killed_or_injured(casualties: Record) -> None:
    dozens = figure_for(casualties, "dozens")
    assert (dozens.category, dozens.lower, dozens.upper, dozens.approx) == ("killed_or_injured", 24, 99, True)
    assert dozens.conservative == 12


def test_figures_passive_and_loaded_nouns(casualties: Record) -> None:
    assert figure_for(casualties, "Twelve").category == "killed"
    assert figure_for(casualties, "500").category == "killed"
    assert figure_for(casualties, "Hundreds").category == "missing"


def test_figures_sources_from_said_and_according_to(casualties: Record) -> None:
    said = figure_for(casualties, "Twelve").source
    according = figure_for(casualties, "500").source
    assert said is not None and "ministry" in said.text
    assert according is not None and "health ministry" in according.text
    assert figure_for(casualties, "1,200").source is None


def test_figures_modality_and_parts() -> None:
    record = analyse_text(
        "The government is negotiating a deal to release 40 prisoners. "
        "The rebels did not release 20 hostages. "
        "The exchange freed 105 captives, including 81 Israelis and 24 foreigners."
    )
    assert figure_for(record, "40").modality == "proposed"
    assert figure_for(record, "40").category == "released"
    assert figure_for(record, "20").modality == "negated"
    whole = figure_for(record, "105")
    parts = [figure_for(record, "81"), figure_for(record, "24")]
    assert all(part.part_of == record.figures.index(whole) for part in parts)
    assert whole.sum_check == "consistent"


def test_figures_percent_and_money_are_their_own_kinds_and_years_are_never_figures() -> None:
    record = analyse_text("In 2014, 70 percent of the $2 billion budget went to 12 hospitals on October 7.")
    kinds = {f.number.text: (f.kind, f.category) for f in record.figures}
    assert kinds == {"70": ("percent", "other"), "2 billion": ("money", "other"), "12": ("count", "other")}


def test_figures_every_item_points_into_the_text(casualties: Record) -> None:
    text = casualties.article.text
    for figure in casualties.figures:
        assert text[figure.start : figure.end] == figure.text
        assert text[figure.number.start : figure.number.end] == figure.number.text
        assert figure.extractor == "figures" and 0 < figure.confidence <= 1


def test_figures_seed_article_matches_gold(seed_record: Record, seed_gold: dict[str, Any]) -> None:
    full_text = seed_record.article.text
    for gold in seed_gold["figures"]:
        start = full_text.index(gold["text"]) + gold["text"].index(gold["number"])
        matches = [f for f in seed_record.figures if f.number.start <= start < f.number.end or f.start <= start < f.end]
        assert matches, gold["text"]
        figure = matches[0]
        assert (figure.lower, figure.upper, figure.category, figure.modality) == (
            gold["lower"], gold["upper"], gold["category"], gold["modality"]
        ), gold["text"]
        assert (figure.source is None) == (gold["source"] is None), gold["text"]


def test_gkg_counts_map_categories_and_keep_the_number() -> None:
    record = analyse_text("Soldiers killed at least 19 people and arrested 40 protesters.")
    killed, arrested = figure_for(record, "19"), figure_for(record, "40")
    assert gkg_count_type(killed) == "KILL"
    assert gkg_count_type(arrested) == "ARREST"
    field = gkg_count_field(killed, ("1", "Gaza", "GZ", "GZ", "31.5", "34.4", "GZ"))
    assert field == f"KILL#19#people#1#Gaza#GZ#GZ#31.5#34.4#GZ#{killed.start}"


def test_gkg_counts_leave_out_percentages_money_and_other() -> None:
    record = analyse_text("Prices rose 5 percent, costing $3 million, and 4 visits were made.")
    assert [gkg_count_type(f) for f in record.figures] == [None, None, None]


def test_figures_hostage_taking_reported_deaths_and_compound_modifiers() -> None:
    record = analyse_text(
        "Gunmen killed 1,400 people and took around 200 people hostage. "
        "Rescuers said 40 villagers were confirmed dead. "
        "Both sides discussed a two-state solution and a three-day truce."
    )
    assert figure_for(record, "200").category == "held"
    assert figure_for(record, "40").category == "killed"
    assert [f.number.text for f in record.figures] == ["1,400", "200", "40"]

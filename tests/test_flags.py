"""Flags: role conflicts, disagreeing/unattributed figures, sums, broken sentences (hand-built records)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dateline.analyse.base import Analysis
from dateline.analyse.flag_figures import population
from dateline.analyse.flag_roles import normalise_role
from dateline.analyse.flag_sentences import is_heading
from dateline.analyse.flags import extract
from dateline.eval.gold import load_gold
from dateline.eval.runner import score_record
from dateline.record import Article, Attribution, Entity, Figure, Mention, Record, Span

SEED_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "seed" / "2023-12-20-haniyeh-doha.gold.json"


def analysis_of(nlp: Any, text: str) -> Analysis:
    """An Analysis of ``text`` with an empty record (the parse is real)."""
    return Analysis(Article(id="t", text=text, published="2023-12-20"), nlp(text))


def item(analysis: Analysis, phrase: str, occurrence: int = 1) -> dict[str, Any]:
    """The item fields of the n-th occurrence of ``phrase``."""
    start = -1
    for _ in range(occurrence):
        start = analysis.text.index(phrase, start + 1)
    end = start + len(phrase)
    return {"start": start, "end": end, "text": phrase, "sentence": analysis.sentence_index(start),
            "extractor": "test", "extractor_version": "0"}


def person(analysis: Analysis, entity_id: str, names: list[str], descriptions: list[str] = ()) -> Entity:  # type: ignore[assignment]
    """A PERSON entity with one mention per name and the given description phrases."""
    mentions = [Mention(**item(analysis, name), kind="name") for name in names]
    described = [Mention(**item(analysis, d), kind="description") for d in descriptions]
    entity = Entity(**item(analysis, names[0]), id=entity_id, name=names[0], type="PERSON",
                    mentions=mentions, descriptions=described)
    analysis.record.entities.append(entity)
    return entity


def figure(analysis: Analysis, phrase: str, number: str, lower: int | None, upper: int | None, category: str,
           subject: str | None, source: str | None = None, **fields: Any) -> Figure:
    """A figure over ``phrase`` appended to the record."""
    fields_item = item(analysis, phrase)
    start = fields_item["start"] + phrase.index(number)
    made = Figure(**fields_item, number=Span(start, start + len(number), number), lower=lower, upper=upper,
                  category=category, subject=subject,
                  source=Attribution(text=source, entity=source.lower()) if source else None, **fields)
    analysis.record.figures.append(made)
    return made


def kinds(record: Record) -> list[str]:
    return [flag.kind for flag in record.flags]


def test_flags_role_conflict_when_one_role_is_given_to_two_people(nlp: Any) -> None:
    a = analysis_of(nlp, "The head of the Hamas political bureau said talks would go on. Ismail Haniyeh spoke in "
                         "Doha. He thanked the head of the Hamas Political Bureau, Amir Abdollahian, for his visits.")
    person(a, "haniyeh", ["Ismail Haniyeh"], ["The head of the Hamas political bureau"])
    person(a, "abdollahian", ["Amir Abdollahian"])
    extract(a)
    [flag] = [f for f in a.record.flags if f.kind == "role_conflict"]
    assert flag.entities == ["haniyeh", "abdollahian"]
    assert flag.text == "the head of the Hamas Political Bureau, Amir Abdollahian"
    assert "head of hamas political bureau" in flag.why and "Ismail Haniyeh" in flag.why


def test_flags_role_conflict_ignores_shared_roles_and_one_person_split_in_two(nlp: Any) -> None:
    a = analysis_of(nlp, "A senior official, John Smith, spoke first. Another senior official, Mary Jones, agreed. "
                         "Foreign Minister Amir Abdollahian arrived. Foreign Minister Abdollahian left.")
    person(a, "smith", ["John Smith"])
    person(a, "jones", ["Mary Jones"])
    person(a, "amir", ["Amir Abdollahian"])
    person(a, "abdollahian", ["Abdollahian"])
    extract(a)
    assert "role_conflict" not in kinds(a.record)


def test_flags_figure_disagreement_between_a_speaker_and_the_article(nlp: Any) -> None:
    a = analysis_of(nlp, "The minister said more than 20,000 martyrs had died. The army has killed at least 19,667 "
                         "Palestinians since October.")
    figure(a, "more than 20,000 martyrs", "20,000", 20001, None, "killed", "martyrs", source="Minister")
    figure(a, "at least 19,667 Palestinians", "19,667", 19667, None, "killed", "Palestinians")
    extract(a)
    [flag] = [f for f in a.record.flags if f.kind == "figure_disagreement"]
    assert flag.figures == [0, 1]
    assert "Minister" in flag.why and "the article's own voice" in flag.why


def test_flags_no_disagreement_for_one_source_other_people_or_far_apart_counts(nlp: Any) -> None:
    a = analysis_of(nlp, "Officials said 30 soldiers were killed and 32 soldiers were killed. Medics said 3,000 "
                         "civilians were killed. Police said 28 children were injured.")
    figure(a, "30 soldiers", "30", 30, 30, "killed", "soldiers", source="Officials")
    figure(a, "32 soldiers", "32", 32, 32, "killed", "soldiers", source="Officials")
    figure(a, "3,000 civilians", "3,000", 3000, 3000, "killed", "civilians", source="Medics")
    figure(a, "28 children", "28", 28, 28, "injured", "children", source="Police")
    extract(a)
    assert "figure_disagreement" not in kinds(a.record)


def test_flags_sum_consistent_and_inconsistent(nlp: Any) -> None:
    a = analysis_of(nlp, "They freed 105 hostages, including 81 Israelis and 24 foreigners. "
                         "They held 50 prisoners: 30 men and 25 women.")
    figure(a, "105 hostages", "105", 105, 105, "released", "hostages")
    figure(a, "81 Israelis", "81", 81, 81, "released", "Israelis", part_of=0)
    figure(a, "24 foreigners", "24", 24, 24, "released", "foreigners", part_of=0)
    figure(a, "50 prisoners", "50", 50, 50, "held", "prisoners")
    figure(a, "30 men", "30", 30, 30, "held", "men", part_of=3)
    figure(a, "25 women", "25", 25, 25, "held", "women", part_of=3)
    extract(a)
    consistent = [f for f in a.record.flags if f.kind == "sum_consistent"]
    inconsistent = [f for f in a.record.flags if f.kind == "sum_inconsistent"]
    assert [f.figures for f in consistent] == [[0, 1, 2]]
    assert [f.figures for f in inconsistent] == [[3, 4, 5]]
    assert "81 + 24 = 105" in consistent[0].why and "30 + 25 = 55" in inconsistent[0].why


def test_flags_unattributed_casualty_figures_one_flag_per_sentence(nlp: Any) -> None:
    a = analysis_of(nlp, "The strikes killed 40 people and wounded 90 others. The ministry said 12 were missing. "
                         "The army fired 300 shells.")
    figure(a, "40 people", "40", 40, 40, "killed", "people")
    figure(a, "90 others", "90", 90, 90, "injured", "people")
    figure(a, "12", "12", 12, 12, "missing", None, source="Ministry")
    figure(a, "300 shells", "300", 300, 300, "other", "shells")
    extract(a)
    [flag] = [f for f in a.record.flags if f.kind == "unattributed_figure"]
    assert flag.figures == [0, 1]
    assert flag.text == "40 people"


def test_flags_broken_sentence_name_fragment_with_what_follows(nlp: Any) -> None:
    a = analysis_of(nlp, "New talks in Cairo\n\nThe meeting comes as officials met in Cairo on Monday.\n\n"
                         "Haniyeh. But he said: “There is no way to negotiate.”\n\nBy Chad Bray.")
    extract(a)
    [flag] = [f for f in a.record.flags if f.kind == "broken_sentence"]
    assert flag.text == "Haniyeh. But he said:"
    assert flag.spans[0].text == flag.text


def test_flags_broken_sentence_not_for_headings_abbreviations_or_bylines(nlp: Any) -> None:
    text = ("Ceasefire efforts in Gaza\n\nThe talks were led by Gen. Mark Smith of the army. They ended late. "
            "Reporting was done by the desk. Chad Bray.\n\nCorrection Appended.\n\n"
            "He listed three places: The first town in the north. The second town in the south.")
    a = analysis_of(nlp, text)
    extract(a)
    assert "broken_sentence" not in kinds(a.record)


def test_flags_broken_sentence_verbless_sentence_inside_a_paragraph(nlp: Any) -> None:
    a = analysis_of(nlp, "He said the war must end soon. His strategy in light of the field realities and the "
                         "steadfastness of the people. Talks resume next week.")
    extract(a)
    [flag] = [f for f in a.record.flags if f.kind == "broken_sentence"]
    assert flag.text.startswith("His strategy in light of the field realities")


def test_flags_seed_article_finds_all_five_gold_flags(seed_record: Record) -> None:
    tally = score_record(load_gold(SEED_GOLD), seed_record)["flags"]
    assert tally.counts["recall"] == [5, 5], tally.misses


def test_flags_every_flag_points_at_the_article_text(seed_record: Record) -> None:
    text = seed_record.article.text
    for flag in seed_record.flags:
        assert text[flag.start : flag.end] == flag.text and flag.why.endswith(".")
        assert all(text[s.start : s.end] == s.text for s in flag.spans)
        assert all(0 <= i < len(seed_record.figures) for i in flag.figures)


@given(st.text(alphabet="abcdefgh ABC-’'.,", max_size=40))
def test_flags_normalise_role_ignores_case_and_articles(role: str) -> None:
    normal = normalise_role(role)
    assert normalise_role(role.upper()) == normal.upper().lower() == normal
    assert normalise_role("The " + role) == normalise_role(role)
    assert normalise_role(normal) == normal


@given(st.sampled_from(["Gazans", "gazan", "Palestinians", "the Palestinian people"]), st.booleans())
def test_flags_population_normalises_names_of_one_people(subject: str, upper: bool) -> None:
    assert population(subject.upper() if upper else subject) == "palestinians"
    assert population("martyrs") == population(None) == population("others") == "*"


@given(st.lists(st.sampled_from(["Gaza", "ceasefire", "talks", "New", "in", "of"]), min_size=1, max_size=20))
def test_flags_short_lines_without_final_punctuation_are_headings(words: list[str]) -> None:
    assert is_heading(" ".join(words))
    assert not is_heading("the talks in gaza went on for " + " ".join(words).lower() + " and ended.")

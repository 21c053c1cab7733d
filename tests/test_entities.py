"""The entities extractor: names, surnames, titles, appositions, definite descriptions, aliases, groups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.analyse import entities
from dateline.analyse.base import Analysis
from dateline.analyse.entity_chunks import noun_chunk_bounds
from dateline.analyse.entity_roles import role_key
from dateline.record import Article, Entity, Record


def run(nlp: Any, text: str) -> Record:
    """Only the entities extractor over a short text (other extractors are not involved)."""
    analysis = Analysis(Article(id="test", text=text, published="2023-12-20"), nlp(text))
    entities.extract(analysis)
    return analysis.record


def by_name(record: Record, name: str) -> Entity:
    found = [e for e in record.entities if e.name == name]
    assert found, f"no entity named {name!r} among {[e.name for e in record.entities]}"
    return found[0]


def mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


def description_texts(entity: Entity) -> list[str]:
    return [d.text for d in entity.descriptions]


def test_entities_surname_joins_full_name(nlp: Any) -> None:
    record = run(nlp, "Ismail Haniyeh met the envoy in Doha. Haniyeh said the talks went well.")
    haniyeh = by_name(record, "Ismail Haniyeh")
    assert haniyeh.id == "ismail_haniyeh"
    assert haniyeh.type == "PERSON"
    assert mention_texts(haniyeh) == ["Ismail Haniyeh", "Haniyeh"]


def test_entities_title_before_name_becomes_description(nlp: Any) -> None:
    record = run(nlp, "Israeli President Isaac Herzog told ambassadors that a truce was possible.")
    herzog = by_name(record, "Isaac Herzog")
    assert description_texts(herzog) == ["Israeli President"]
    assert mention_texts(herzog) == ["Isaac Herzog"]


def test_entities_apposition_attaches_role_to_the_named_person(nlp: Any) -> None:
    record = run(nlp, "Ismail Haniyeh, the leader of Hamas, said the group would not give up.")
    haniyeh = by_name(record, "Ismail Haniyeh")
    assert "the leader of Hamas" in description_texts(haniyeh)
    assert "the group" in description_texts(by_name(record, "Hamas"))


def test_entities_same_role_given_to_two_people_stays_with_each(nlp: Any) -> None:
    record = run(
        nlp,
        "The head of the Hamas political bureau said the fight would go on. Ismail Haniyeh said so on Wednesday. "
        "He thanked the head of the Hamas Political Bureau, Amir Abdollahian, for his visits.",
    )
    keys = {e.name: {role_key(d.text) for d in e.descriptions} for e in record.entities if e.type == "PERSON"}
    assert "head of hamas political bureau" in keys["Ismail Haniyeh"]
    assert "head of hamas political bureau" in keys["Amir Abdollahian"]


def test_entities_definite_description_resolves_to_the_earlier_person(nlp: Any) -> None:
    record = run(
        nlp,
        "Iranian Foreign Minister Hossein Amir Abdollahian arrived in Doha. "
        "The Iranian Foreign Minister also condemned the strikes, and the top Iranian diplomat met Qatari officials.",
    )
    minister = by_name(record, "Hossein Amir Abdollahian")
    assert description_texts(minister) == ["Iranian Foreign Minister", "The Iranian Foreign Minister", "the top Iranian diplomat"]


@pytest.mark.parametrize(
    ("text", "alias", "name", "kind"),
    [
        ("He said the Zionist entity had failed.", "the Zionist entity", "Israel", "alias"),
        ("Officials accused the Kyiv regime of shelling the town.", "the Kyiv regime", "Ukraine", "alias"),
        ("The ruscists shelled Kharkiv again on Monday.", "ruscists", "Russian Armed Forces", "alias"),
        ("The minister said Hamas-ISIS would be destroyed.", "Hamas-ISIS", "Hamas", "alias"),
        ("Activists said the Assad regime had bombed the town.", "the Assad regime", "Syria", "alias"),
        ("The Kremlin said it would respond.", "The Kremlin", "Russia", "alias"),
        ("Beijing warned the Taiwan authorities against the visit.", "the Taiwan authorities", "Taiwan", "alias"),
        ("Troops moved into Pakistan-occupied Kashmir, officials said.", "Pakistan-occupied Kashmir", "Pakistan-administered Kashmir", "alias"),
    ],
)
def test_entities_loaded_and_metonymic_names_resolve_for_every_side(
    nlp: Any, text: str, alias: str, name: str, kind: str
) -> None:
    entity = by_name(run(nlp, text), name)
    assert alias in mention_texts(entity)
    assert next(m for m in entity.mentions if m.text == alias).kind == kind


def test_entities_capital_used_as_agent_is_its_state(nlp: Any) -> None:
    record = run(nlp, "The minister urged Washington to stop its support. Washington said it would not.")
    usa = by_name(record, "United States")
    assert mention_texts(usa) == ["Washington", "Washington"]
    assert usa.canonical == "united_states"


def test_entities_capital_used_as_a_place_stays_a_place(nlp: Any) -> None:
    record = run(nlp, "Thousands marched in Moscow on Sunday. Moscow said the march was illegal.")
    assert mention_texts(by_name(record, "Moscow")) == ["Moscow"]
    assert mention_texts(by_name(record, "Russia")) == ["Moscow"]
    assert by_name(record, "Moscow").mentions[0].start < by_name(record, "Russia").mentions[0].start


def test_entities_capital_with_possessive_is_its_state(nlp: Any) -> None:
    record = run(nlp, "He urged them to end their sponsorship of Tel Aviv’s military strategy.")
    assert mention_texts(by_name(record, "Israel")) == ["Tel Aviv"]


def test_entities_place_described_by_apposition(nlp: Any) -> None:
    record = run(nlp, "They met in the Qatari capital, Doha, on Wednesday.")
    assert description_texts(by_name(record, "Doha")) == ["the Qatari capital"]


def test_entities_group_nouns_are_norp(nlp: Any) -> None:
    record = run(nlp, "Israel has killed thousands of Gazans. The Palestinian people stood firm, and Palestinians marched.")
    palestinians = by_name(record, "Palestinians")
    assert palestinians.type == "NORP"
    assert mention_texts(palestinians) == ["Gazans", "The Palestinian people", "Palestinians"]
    assert all(m.kind == "group" for m in palestinians.mentions)


def test_entities_demonym_army_is_an_organisation(nlp: Any) -> None:
    record = run(nlp, "The scale of the Israeli army’s attacks was unprecedented.")
    army = next(e for e in record.entities if "Israeli army" in mention_texts(e))
    assert army.type == "ORG"
    assert army.canonical == "idf"


def test_entities_occupation_of_is_not_an_alias(nlp: Any) -> None:
    record = run(nlp, "The occupation of the city lasted a year, and the occupation said it would continue.")
    israel = by_name(record, "Israel")
    assert mention_texts(israel) == ["the occupation"]
    assert israel.mentions[0].start > 30


def test_entities_adjectival_nationality_is_not_a_mention(nlp: Any) -> None:
    record = run(nlp, "Israeli officials met Iranian diplomats.")
    assert [e.type for e in record.entities if e.type == "NORP"] == []


def test_entities_operation_names_are_events(nlp: Any) -> None:
    record = run(nlp, "Hamas carried out Operation Al-Aqsa Storm on October 7.")
    assert by_name(record, "Operation Al-Aqsa Storm").type == "EVENT"


def test_entities_honorific_is_dropped_and_marks_a_person(nlp: Any) -> None:
    record = run(nlp, "Ms Pugh has received treatment in Cambridge. Mr. Steele said he was sorry.")
    assert by_name(record, "Pugh").type == "PERSON"
    assert mention_texts(by_name(record, "Steele")) == ["Steele"]


def test_entities_items_carry_exact_text_and_provenance(nlp: Any) -> None:
    text = "Iranian Foreign Minister Hossein Amir Abdollahian met Ismail Haniyeh in Doha. Haniyeh thanked Iran."
    record = run(nlp, text)
    ids = [e.id for e in record.entities]
    assert len(ids) == len(set(ids))
    for entity in record.entities:
        assert (entity.start, entity.end, entity.text) == (entity.mentions[0].start, entity.mentions[0].end, entity.mentions[0].text)
        for item in (entity, *entity.mentions, *entity.descriptions):
            assert text[item.start : item.end] == item.text
            assert item.extractor == entities.NAME and item.extractor_version == entities.VERSION
            assert 0 < item.confidence <= 1
            assert record.sentences[item.sentence].start <= item.start < record.sentences[item.sentence].end


def test_entities_seed_article_gold_names_are_found_with_their_types(nlp: Any, seed_article: Article, seed_gold: dict[str, Any]) -> None:
    analysis = Analysis(seed_article, nlp(seed_article.text))
    entities.extract(analysis)
    found = {(n, e.type) for e in analysis.record.entities for n in (e.name, *mention_texts(e))}
    for gold in seed_gold["entities"]:
        assert (gold["name"], gold["type"]) in found, gold["id"]


def test_entities_country_in_a_title_is_the_country_and_longer_place_names_stay_whole(nlp: Any) -> None:
    record = run(nlp, "US President Joe Biden spoke about Latin America. Gaza City was bombed again.")
    assert mention_texts(by_name(record, "United States")) == ["US"]
    assert description_texts(by_name(record, "Joe Biden")) == ["US President"]
    assert "America" not in [m.text for e in record.entities for m in e.mentions]
    assert mention_texts(by_name(record, "Gaza City")) == ["Gaza City"]


def test_entities_name_missed_by_ner_is_found_again(nlp: Any) -> None:
    record = run(nlp, "Russian Foreign Minister Sergei Lavrov said Moscow was ready. Lavrov spoke in Ankara.")
    assert mention_texts(by_name(record, "Sergei Lavrov")) == ["Sergei Lavrov", "Lavrov"]


@pytest.mark.parametrize(
    ("text", "unique"),
    [
        ("Iranian Foreign Minister", True),
        ("The head of the Hamas political bureau", True),
        ("Israeli President", True),
        ("President", False),
        ("the president", False),
        ("a law professor at Temple University", False),
        ("former Prime Minister of Israel", False),
    ],
)
def test_entities_unique_role_tells_posts_held_by_one_person(text: str, unique: bool) -> None:
    from dateline.analyse.entity_roles import is_unique_role

    assert is_unique_role(text) is unique


def test_entities_title_words_are_not_entities_and_given_names_are_kept(nlp: Any) -> None:
    record = run(
        nlp,
        "Ukrainian Defence Minister Rustem Umerov said Kyiv needed air defence. "
        "Kremlin spokesman Dmitry Peskov disagreed.",
    )
    assert description_texts(by_name(record, "Rustem Umerov")) == ["Ukrainian Defence Minister"]
    assert description_texts(by_name(record, "Dmitry Peskov")) == ["Kremlin spokesman"]
    assert mention_texts(by_name(record, "Russia")) == ["Kremlin"]
    assert "Ukrainian" not in [m.text for e in record.entities for m in e.mentions]


def test_entities_speaker_missed_by_ner_is_a_person(nlp: Any) -> None:
    record = run(nlp, "“We will not negotiate under fire,” Modi told reporters after the attacks.")
    assert by_name(record, "Modi").type == "PERSON"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Armenian strikes killed 30 Azerbaijanis on Tuesday, officials said.", "Azerbaijanis"),
        ("Azerbaijani strikes killed 30 Armenians on Tuesday, officials said.", "Armenians"),
    ],
)
def test_entities_mirrored_sentences_give_the_same_structure(nlp: Any, text: str, group: str) -> None:
    record = run(nlp, text)
    assert [(e.name, e.type) for e in record.entities] == [(group, "NORP")]


def test_entities_demonym_regime_names_the_state_for_every_side(nlp: Any) -> None:
    for demonym, state in (("Israeli", "Israel"), ("Palestinian", "Palestine"), ("Russian", "Russia"), ("Ukrainian", "Ukraine")):
        record = run(nlp, f"The {demonym} regime has detained 150 people since January.")
        assert [(e.name, [m.text for m in e.mentions]) for e in record.entities] == [(state, [f"The {demonym} regime"])]


ALLSIDES = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "allsides_baly" / "allsides_baly_sample.jsonl"


@pytest.mark.skipif(not ALLSIDES.exists(), reason="needs ../shared/corpus/allsides_baly")
def test_entities_noun_chunk_bounds_equal_spacys_noun_chunks(nlp: Any, seed_article: Article) -> None:
    texts = [seed_article.text]
    with ALLSIDES.open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line, _ in zip(lines, range(30), strict=False)]
    for doc in nlp.pipe(texts):
        assert noun_chunk_bounds(doc) == [(chunk.start, chunk.end) for chunk in doc.noun_chunks]


def test_entities_noun_chunk_bounds_without_a_parse_raise_like_spacy(nlp: Any) -> None:
    with pytest.raises(ValueError):
        noun_chunk_bounds(nlp.make_doc("The envoy met the minister."))


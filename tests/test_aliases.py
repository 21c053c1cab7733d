"""The alias table (data/aliases.json): well-formed, documented, covering every side of each conflict."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.analyse.entities import entity_id
from dateline.analyse.entity_roles import role_key
from dateline.analyse.entity_tables import REGISTERS, alias_table, parse_alias_table, role_lexicon

ONTONOTES_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}


def test_aliases_every_alias_names_a_known_canonical_with_a_type() -> None:
    table = alias_table()
    assert len(table.aliases) > 250
    for alias in table.aliases:
        canonical = table.canonicals[alias.canonical]
        assert canonical.type in ONTONOTES_TYPES
        assert alias.register in REGISTERS
        assert alias.side and alias.source, alias.text


def test_aliases_texts_are_unique() -> None:
    counts = Counter(a.text for a in alias_table().aliases)
    assert [text for text, n in counts.items() if n > 1] == []


def test_aliases_loaded_names_cover_at_least_two_sides_of_each_conflict() -> None:
    sides: dict[str | None, set[str]] = defaultdict(set)
    for alias in alias_table().aliases:
        if alias.register == "loaded":
            assert alias.conflict, f"loaded alias {alias.text!r} names no conflict"
            sides[alias.conflict].add(alias.side)
    assert {"israel-palestine", "russia-ukraine", "syria", "china-taiwan", "india-pakistan"} <= set(sides)
    assert all(len(parties) >= 2 for parties in sides.values()), sides


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("the Zionist entity", "israel"),
        ("the Tel Aviv regime", "israel"),
        ("Hamas-ISIS", "hamas"),
        ("Judea and Samaria", "west_bank"),
        ("the Kyiv regime", "ukraine"),
        ("ruscists", "russian_armed_forces"),
        ("the Kremlin", "russia"),
        ("the White House", "united_states"),
        ("the Assad regime", "syria"),
        ("the Taiwan authorities", "taiwan"),
        ("Pakistan-occupied Kashmir", "pakistan_administered_kashmir"),
        ("Indian Illegally Occupied Jammu and Kashmir", "indian_administered_kashmir"),
        ("Gazans", "palestinians"),
    ],
)
def test_aliases_resolve_loaded_and_metonymic_names(text: str, canonical: str) -> None:
    assert alias_table().by_text()[text].canonical == canonical


def test_aliases_states_with_demonyms_have_group_nouns_and_capitals() -> None:
    table = alias_table()
    capitals = {a.canonical for a in table.aliases if a.register == "capital"}
    for key in ("israel", "russia", "ukraine", "syria", "united_states", "china", "taiwan", "india", "pakistan"):
        assert key in capitals
        assert table.canonicals[key].demonyms


def test_aliases_unknown_canonical_is_rejected() -> None:
    data: dict[str, Any] = {
        "canonicals": {"x": {"name": "X", "type": "GPE"}},
        "aliases": [{"text": "Y", "canonical": "y", "register": "name", "side": "neutral", "source": "s"}],
    }
    with pytest.raises(ValueError, match="unknown canonical 'y'"):
        parse_alias_table(data)


def test_aliases_role_lexicon_loads() -> None:
    lexicon = role_lexicon()
    assert {"minister", "diplomat", "spokesman"} <= lexicon.person_role_nouns
    assert "Mr." in lexicon.honorifics


@given(st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), max_size=60))
def test_aliases_role_key_is_idempotent_and_drops_articles(text: str) -> None:
    key = role_key(text)
    assert role_key(key) == key
    assert not {"the", "a", "an"} & set(key.split())


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ',.-", max_size=60))
def test_aliases_role_key_ignores_case_and_a_leading_article(text: str) -> None:
    assert role_key("The " + text.upper()) == role_key(text)


@given(st.text(max_size=40))
def test_aliases_entity_id_is_a_stable_slug(name: str) -> None:
    slug = entity_id(name)
    assert slug == entity_id(slug)
    assert slug and slug == slug.lower() and " " not in slug


def test_aliases_role_keys_compare_descriptions() -> None:
    assert role_key("The head of the Hamas political bureau") == role_key("the head of the Hamas Political Bureau")
    assert role_key("Iranian Foreign Minister") == role_key("The Iranian Foreign Minister")
    assert role_key("Israel's ambassador") == "israel ambassador"

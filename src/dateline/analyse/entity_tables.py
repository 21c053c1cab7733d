"""The entities extractor's data: the alias table (data/aliases.json) and role lexicons (data/roles.json)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.data import load_json

REGISTERS = ("name", "metonymy", "capital", "loaded", "group")


@dataclass(frozen=True)
class Canonical:
    """An entity the alias table knows: its key, display name, OntoNotes type and related keys."""

    key: str
    name: str
    type: str
    demonyms: tuple[str, ...] = ()
    military: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Alias:
    """One surface form of a canonical entity, with whose usage it reflects and where that is documented.

    ``register``: name (neutral name or variant), metonymy (seat of government), capital
    (a capital city, resolved only when used as an agent), loaded (partisan name), group (group noun).
    """

    text: str
    canonical: str
    register: str
    side: str
    source: str
    conflict: str | None = None


@dataclass(frozen=True, eq=False)
class AliasTable:
    """The alias table, indexed for matching."""

    canonicals: dict[str, Canonical]
    aliases: tuple[Alias, ...]

    def by_demonym(self) -> dict[str, Canonical]:
        """Canonical states keyed by their demonym ("Israeli" -> Israel); built once per table, read-only."""
        return _by_demonym(self)

    def by_text(self) -> dict[str, Alias]:
        """Aliases keyed by their exact text; built once per table, read-only."""
        return _by_text(self)


@lru_cache(maxsize=8)
def _by_demonym(table: AliasTable) -> dict[str, Canonical]:
    return {d: c for c in table.canonicals.values() for d in c.demonyms}


@lru_cache(maxsize=8)
def _by_text(table: AliasTable) -> dict[str, Alias]:
    return {a.text: a for a in table.aliases}


@dataclass(frozen=True)
class RoleLexicon:
    """Nouns that head role descriptions, organisation and place descriptions; honorifics; event words."""

    person_role_nouns: frozenset[str]
    unique_role_nouns: frozenset[str]
    organisation_head_nouns: frozenset[str]
    place_head_nouns: frozenset[str]
    generic_place_name_words: frozenset[str]
    military_head_nouns: frozenset[str]
    government_head_nouns: frozenset[str]
    honorifics: frozenset[str]
    event_name_first_words: frozenset[str]
    event_name_last_words: frozenset[str]


def _read(name: str) -> Any:
    return load_json(name)


def parse_alias_table(data: dict[str, Any]) -> AliasTable:
    """Build an :class:`AliasTable` from the JSON document; ValueError on an unknown key or register."""
    canonicals = {
        key: Canonical(
            key=key,
            name=value["name"],
            type=value["type"],
            demonyms=tuple(value.get("demonyms", ())),
            military=value.get("military"),
            group=value.get("group"),
        )
        for key, value in data["canonicals"].items()
    }
    aliases = []
    for entry in data["aliases"]:
        if entry["canonical"] not in canonicals:
            raise ValueError(f"alias {entry['text']!r} names unknown canonical {entry['canonical']!r}")
        if entry["register"] not in REGISTERS:
            raise ValueError(f"alias {entry['text']!r} has unknown register {entry['register']!r}")
        aliases.append(
            Alias(
                text=entry["text"],
                canonical=entry["canonical"],
                register=entry["register"],
                side=entry["side"],
                source=entry["source"],
                conflict=entry.get("conflict"),
            )
        )
    return AliasTable(canonicals=canonicals, aliases=tuple(aliases))


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    """The packaged alias table (data/aliases.json)."""
    return parse_alias_table(_read("aliases.json"))


@lru_cache(maxsize=1)
def role_lexicon() -> RoleLexicon:
    """The packaged role lexicons (data/roles.json)."""
    data = _read("roles.json")
    return RoleLexicon(
        **{field: frozenset(data[field]) for field in RoleLexicon.__dataclass_fields__},
    )

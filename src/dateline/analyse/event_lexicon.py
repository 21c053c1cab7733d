"""The event trigger lexicon (data/event_triggers.json) and the CAMEO→PLOVER table (data/cameo_plover.json)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from dateline.data import load_json

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NO_EVENT = "NONE"


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: its CAMEO code, PLOVER type and the words that select it."""

    cameo: str
    type: str
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    requires: str | None = None

    def matches(self, objects: set[str], subjects: set[str], preps: set[str]) -> bool:
        """Whether the trigger's complements select this sense (a sense with no condition always does)."""
        checks = {"objects": (self.objects, objects), "subjects": (self.subjects, subjects), "preps": (self.preps, preps)}
        if self.requires:
            wanted, seen = checks[self.requires]
            return bool(wanted & seen)
        conditions = [(wanted, seen) for wanted, seen in checks.values() if wanted]
        return all(wanted & seen for wanted, seen in conditions)


@dataclass
class Lexicon:
    """Trigger words by lemma, plus the word lists that steer clause analysis."""

    verbs: dict[str, list[Sense]] = field(default_factory=dict)
    nouns: dict[str, list[Sense]] = field(default_factory=dict)
    support_verbs: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    frames: dict[str, frozenset[str]] = field(default_factory=dict)
    modal_verbs: dict[str, str] = field(default_factory=dict)
    modal_adjectives: dict[str, str] = field(default_factory=dict)
    speech_verbs: frozenset[str] = frozenset()
    demand_speech_verbs: frozenset[str] = frozenset()
    obligation_words: frozenset[str] = frozenset()
    embedding_verbs: frozenset[str] = frozenset()
    cooperative: frozenset[str] = frozenset()
    hostile: frozenset[str] = frozenset()
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    reporting_without_object: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()

    @cached_property
    def verb_heads(self) -> frozenset[str]:
        """First words of the verbs with a sense and of the support verbs: a verb whose lemma starts
        with any other word triggers nothing (the lexicon is read once and never changed)."""
        lemmas = [lemma for lemma, senses in self.verbs.items() if senses] + list(self.support_verbs)
        return frozenset(lemma.split()[0] for lemma in lemmas if lemma.split())

    def verb_sense(self, lemma: str, objects: set[str], subjects: set[str], preps: set[str]) -> Sense | None:
        """The first sense of a verb (or phrasal verb) that its complements select."""
        return choose_sense(self.verbs.get(lemma, []), objects, subjects, preps)

    def noun_sense(self, lemma: str, objects: set[str]) -> Sense | None:
        """The first sense of an event noun that its modifiers select."""
        return choose_sense(self.nouns.get(lemma, []), objects, set(), set())


def choose_sense(senses: Iterable[Sense], objects: set[str], subjects: set[str], preps: set[str]) -> Sense | None:
    """The first sense whose conditions hold."""
    return next((s for s in senses if s.matches(objects, subjects, preps)), None)


def _words(value: Any, lists: Mapping[str, frozenset[str]]) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else list(value)
    out: set[str] = set()
    for item in items:
        out |= lists[item[1:]] if item.startswith("@") else {item}
    return frozenset(out)


def _senses(raw: list[dict[str, Any]], lists: Mapping[str, frozenset[str]]) -> list[Sense]:
    return [
        Sense(
            cameo=s["cameo"], type=s["type"], objects=_words(s.get("objects"), lists),
            subjects=_words(s.get("subjects"), lists), preps=_words(s.get("preps"), lists), requires=s.get("requires"),
        )
        for s in raw
    ]


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_json(name)
    return data


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the trigger lexicon once per process."""
    data = _read("event_triggers.json")
    lists = {name: frozenset(words) for name, words in data["words"].items()}
    return Lexicon(
        verbs={lemma: _senses(raw, lists) for lemma, raw in data["verbs"].items()},
        nouns={lemma: _senses(raw, lists) for lemma, raw in data["nouns"].items()},
        support_verbs=frozenset(data["support_verbs"]),
        occurrence_verbs=frozenset(data["occurrence_verbs"]),
        frames={prep: frozenset(nouns) for prep, nouns in data["frames"].items()},
        modal_verbs=dict(data["modal_verbs"]),
        modal_adjectives=dict(data["modal_adjectives"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        demand_speech_verbs=frozenset(data["demand_speech_verbs"]),
        obligation_words=frozenset(data["obligation_words"]),
        embedding_verbs=frozenset(data["embedding_verbs"]),
        cooperative=frozenset(data["intent"]["cooperative"]),
        hostile=frozenset(data["intent"]["hostile"]),
        words=lists,
        lemma_fixes=dict(data["lemma_fixes"]),
        reporting_without_object=frozenset(data["reporting_without_object"]),
        measure_nouns=frozenset(data["measure_nouns"]),
    )


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, list[dict[str, str]]]:
    """CAMEO code → its PLOVER entries (type, mode, context, description), from CAMEO2PLOVER-2021."""
    codes: dict[str, list[dict[str, str]]] = _read("cameo_plover.json")["codes"]
    return codes


def plover_types_for_cameo(code: str) -> set[str]:
    """The PLOVER types the 2021 table gives a CAMEO code, falling back on its shorter prefixes."""
    table = cameo_table()
    for length in range(len(code), 1, -1):
        entries = table.get(code[:length])
        if entries:
            return {entry["type"] for entry in entries}
    return set()

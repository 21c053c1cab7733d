"""Within-article resolution of candidate mentions into entities: alias keys, surnames, short place names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from dateline.analyse.entity_gazetteer import is_place_name
from dateline.analyse.entity_mentions import Candidate
from dateline.analyse.entity_tables import AliasTable, RoleLexicon

LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
MERGEABLE_INTO_PERSON = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})


@dataclass
class Description:
    """A role phrase attached to an entity, with how sure the attachment is."""

    start: int
    end: int
    confidence: float


@dataclass
class Cluster:
    """The mentions of one entity found so far, and the role phrases attached to it."""

    members: list[Candidate]
    canonical: str | None = None
    canonical_name: str | None = None
    canonical_type: str | None = None
    descriptions: list[Description] = field(default_factory=list)

    def surface(self, text: str, candidate: Candidate) -> str:
        """A member's text without a leading article."""
        return LEADING_ARTICLE.sub("", text[candidate.start : candidate.end])

    def name(self, text: str) -> str:
        """The canonical name, or the fullest name among the mentions."""
        if self.canonical_name:
            return self.canonical_name
        names = [self.surface(text, m) for m in self.members if m.kind == "name"] or [
            self.surface(text, m) for m in self.members
        ]
        return max(names, key=lambda n: (len(n.split()), len(n), -names.index(n)))

    def type(self) -> str:
        """The canonical type, or the most frequent type among the mentions (earliest on ties)."""
        if self.canonical_type:
            return self.canonical_type
        counts = Counter(m.type for m in self.members)
        return max(counts, key=lambda t: (counts[t], -next(i for i, m in enumerate(self.members) if m.type == t)))

    @property
    def start(self) -> int:
        """Where the first mention starts."""
        return min(m.start for m in self.members)


def _nearest(clusters: list[Cluster], position: int) -> Cluster:
    """The cluster mentioned last before ``position``, else the first one mentioned after it."""

    def distance(cluster: Cluster) -> tuple[int, int]:
        before = [position - m.end for m in cluster.members if m.end <= position]
        after = [m.start - position for m in cluster.members if m.start >= position]
        return (0, min(before)) if before else (1, min(after, default=10**9))

    return min(clusters, key=distance)


def _is_suffix(short: list[str], full: list[str]) -> bool:
    return 0 < len(short) < len(full) and full[-len(short) :] == short


def resolve(candidates: list[Candidate], text: str, table: AliasTable, lexicon: RoleLexicon) -> list[Cluster]:
    """Group candidates into entities: same alias key, surname of a full name, short form of a place."""
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    names = table.by_text()
    for candidate in candidates:
        alias = names.get(text[candidate.start : candidate.end])
        if not candidate.canonical and alias is not None and alias.register == "name":
            known = table.canonicals[alias.canonical]
            candidate.canonical, candidate.type = known.key, known.type
        if candidate.canonical:
            if candidate.canonical not in by_key:
                known = table.canonicals[candidate.canonical]
                by_key[candidate.canonical] = Cluster([], known.key, known.name, known.type)
                clusters.append(by_key[candidate.canonical])
            by_key[candidate.canonical].members.append(candidate)
    people: list[Cluster] = []
    persons = [c for c in candidates if c.type == "PERSON" and not c.canonical]
    for candidate in sorted(persons, key=lambda c: (-len(text[c.start : c.end].split()), c.start)):
        tokens = text[candidate.start : candidate.end].split()
        surname_ok = not is_place_name(" ".join(tokens))
        matching = [p for p in people if (surname_ok and _is_suffix(tokens, p.name(text).split())) or p.name(text).split() == tokens]
        if matching:
            _nearest(matching, candidate.start).members.append(candidate)
        else:
            people.append(Cluster([candidate]))
    clusters.extend(people)
    by_surface: dict[str, Cluster] = {}
    for candidate in candidates:
        if candidate.canonical or candidate.type == "PERSON":
            continue
        surface = LEADING_ARTICLE.sub("", text[candidate.start : candidate.end])
        tokens = surface.split()
        person_match = [p for p in people if _is_suffix(tokens, p.name(text).split()) and not is_place_name(surface)]
        if person_match and candidate.type in MERGEABLE_INTO_PERSON:
            candidate.type = "PERSON"
            _nearest(person_match, candidate.start).members.append(candidate)
            continue
        place = _longer_place(clusters, tokens, text, lexicon)
        if place is not None and candidate.type in ("GPE", "LOC"):
            place.members.append(candidate)
            continue
        key = surface.lower()
        if key not in by_surface:
            by_surface[key] = Cluster([])
            clusters.append(by_surface[key])
        by_surface[key].members.append(candidate)
    clusters = _merge_same_names([c for c in clusters if c.members], text)
    for cluster in clusters:
        cluster.members.sort(key=lambda m: m.start)
        _retype_places(cluster, text)
    return sorted(clusters, key=lambda c: c.start)


def _merge_same_names(clusters: list[Cluster], text: str) -> list[Cluster]:
    """One entity per name: clusters without an alias key whose names are equal are merged."""
    merged: dict[str, Cluster] = {}
    kept: list[Cluster] = []
    for cluster in clusters:
        if cluster.canonical:
            kept.append(cluster)
            continue
        name = cluster.name(text)
        if name in merged:
            merged[name].members.extend(cluster.members)
            merged[name].descriptions.extend(cluster.descriptions)
        else:
            merged[name] = cluster
            kept.append(cluster)
    return kept


def _longer_place(clusters: list[Cluster], tokens: list[str], text: str, lexicon: RoleLexicon) -> Cluster | None:
    """A place cluster whose name is these tokens plus a generic word ("Gaza" -> "Gaza Strip")."""
    for cluster in clusters:
        if cluster.type() not in ("GPE", "LOC"):
            continue
        name = cluster.name(text).split()
        if len(name) == len(tokens) + 1 and name[: len(tokens)] == tokens and name[-1] in lexicon.generic_place_name_words:
            return cluster
    return None


def _retype_places(cluster: Cluster, text: str) -> None:
    """A person or organisation whose every name is only a gazetteer place name becomes a GPE."""
    if cluster.canonical or cluster.type() not in ("PERSON", "ORG"):
        return
    names = {cluster.surface(text, m) for m in cluster.members}
    if all(is_place_name(n) for n in names) and not any(m.register == "honorific" for m in cluster.members):
        for member in cluster.members:
            member.type = "GPE"


def add_repeated_names(clusters: list[Cluster], text: str) -> None:
    """Occurrences NER missed of a name already recognised in the article (a surname included)."""
    taken = sorted((m.start, m.end) for c in clusters for m in c.members)
    forms: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.canonical:
            continue
        for member in cluster.members:
            surface = cluster.surface(text, member)
            forms.setdefault(surface, cluster)
            if cluster.type() == "PERSON" and len(surface.split()) > 1 and not is_place_name(surface.split()[-1]):
                forms.setdefault(surface.split()[-1], cluster)
    for form in sorted(forms, key=len, reverse=True):
        if len(form) < 3 or not form[0].isupper():
            continue
        for match in re.finditer(r"(?<![\w#@])" + re.escape(form) + r"(?!\w)", text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            cluster = forms[form]
            cluster.members.append(Candidate(match.start(), match.end(), cluster.type(), "name", confidence=0.7))
            taken.append((match.start(), match.end()))
    for cluster in clusters:
        cluster.members.sort(key=lambda m: m.start)

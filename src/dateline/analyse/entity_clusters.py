"""Within-article resolution of candidate mentions into entities: alias keys, surnames, short place names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.analyse.base import coverage_mask
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
        surface = text[candidate.start : candidate.end]
        if surface[:3] in ("the", "The") and surface[3:4].isspace():
            return surface[3:].lstrip()  # as LEADING_ARTICLE.sub("", surface), faster
        return surface

    def name(self, text: str) -> str:
        """The canonical name, or the fullest name among the mentions (the earliest on ties)."""
        if self.canonical_name:
            return self.canonical_name
        names = [self.surface(text, m) for m in self.members if m.kind == "name"] or [
            self.surface(text, m) for m in self.members
        ]
        best, best_key = names[0], (len(names[0].split()), len(names[0]))
        for name in names[1:]:
            key = (len(name.split()), len(name))
            if key > best_key:
                best, best_key = name, key
        return best

    def type(self) -> str:
        """The canonical type, or the most frequent type among the mentions (earliest on ties)."""
        if self.canonical_type:
            return self.canonical_type
        counts: dict[str, int] = {}
        for member in self.members:
            counts[member.type] = counts.get(member.type, 0) + 1
        best, best_count = "", 0
        for member_type, count in counts.items():  # in order of first mention
            if count > best_count:
                best, best_count = member_type, count
        return best

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


class _Summary:
    """Clusters' name words and types, recomputed only after :meth:`changed` (a member was added)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[int, tuple[list[str], str]] = {}
        self.last_words: dict[int, str | None] = {}  # of the tracked clusters: their name's last word

    def track(self, cluster: Cluster) -> None:
        """Keep the last word of the cluster's name in :attr:`last_words` (a cheap pre-test for suffixes)."""
        words = self.words(cluster)
        self.last_words[id(cluster)] = words[-1] if words else None

    def ending_with(self, clusters: list[Cluster], words: list[str]) -> list[Cluster]:
        """The tracked ``clusters`` whose name ends with the last of ``words`` (or is empty, as ``words`` is)."""
        last = words[-1] if words else None
        return [c for c in clusters if self.last_words[id(c)] == last]

    def of(self, cluster: Cluster) -> tuple[list[str], str]:
        """The words of the cluster's name, and its type."""
        found = self.cache.get(id(cluster))
        if found is None:
            found = self.cache[id(cluster)] = (cluster.name(self.text).split(), cluster.type())
        return found

    def words(self, cluster: Cluster) -> list[str]:
        """The words of the cluster's name."""
        return self.of(cluster)[0]

    def changed(self, cluster: Cluster) -> None:
        """Forget what was computed for ``cluster``."""
        self.cache.pop(id(cluster), None)
        if id(cluster) in self.last_words:
            self.track(cluster)


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
    summary = _Summary(text)
    people: list[Cluster] = []
    persons = [c for c in candidates if c.type == "PERSON" and not c.canonical]
    for candidate in sorted(persons, key=lambda c: (-len(text[c.start : c.end].split()), c.start)):
        tokens = text[candidate.start : candidate.end].split()
        surname_ok = not is_place_name(" ".join(tokens))
        # A suffix of a name, or the name itself, ends with the same word.
        matching = [
            p for p in summary.ending_with(people, tokens)
            if (surname_ok and _is_suffix(tokens, summary.words(p))) or summary.words(p) == tokens
        ]
        if matching:
            nearest = _nearest(matching, candidate.start)
            nearest.members.append(candidate)
            summary.changed(nearest)
        else:
            people.append(Cluster([candidate]))
            summary.track(people[-1])
    clusters.extend(people)
    by_surface: dict[str, Cluster] = {}
    for candidate in candidates:
        if candidate.canonical or candidate.type == "PERSON":
            continue
        surface = LEADING_ARTICLE.sub("", text[candidate.start : candidate.end])
        tokens = surface.split()
        mergeable = candidate.type in MERGEABLE_INTO_PERSON and not is_place_name(surface)
        person_match = [p for p in summary.ending_with(people, tokens) if _is_suffix(tokens, summary.words(p))] if mergeable else []
        if person_match:
            candidate.type = "PERSON"
            nearest = _nearest(person_match, candidate.start)
            nearest.members.append(candidate)
            summary.changed(nearest)
            continue
        place = _longer_place(clusters, tokens, summary, lexicon) if candidate.type in ("GPE", "LOC") else None
        if place is not None:
            place.members.append(candidate)
            summary.changed(place)
            continue
        key = surface.lower()
        if key not in by_surface:
            by_surface[key] = Cluster([])
            clusters.append(by_surface[key])
        by_surface[key].members.append(candidate)
        summary.changed(by_surface[key])
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


def _longer_place(clusters: list[Cluster], tokens: list[str], summary: _Summary, lexicon: RoleLexicon) -> Cluster | None:
    """A place cluster whose name is these tokens plus a generic word ("Gaza" -> "Gaza Strip")."""
    for cluster in clusters:
        name, cluster_type = summary.of(cluster)
        if cluster_type not in ("GPE", "LOC"):
            continue
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


def _occurrences(form: str, text: str) -> list[tuple[int, int]]:
    """Where ``form`` occurs as a whole word, not after '#' or '@' (as ``re.finditer`` would find it)."""
    found = []
    size = len(form)
    position = text.find(form)
    while position >= 0:
        before = text[position - 1] if position > 0 else ""
        after = text[position + size : position + size + 1]
        if (before == "" or not (before.isalnum() or before in "_#@")) and (after == "" or not (after.isalnum() or after == "_")):
            found.append((position, position + size))
            position = text.find(form, position + size)
        else:
            position = text.find(form, position + 1)
    return found


def add_repeated_names(clusters: list[Cluster], text: str) -> None:
    """Occurrences NER missed of a name already recognised in the article (a surname included)."""
    taken = coverage_mask(len(text), ((m.start, m.end) for c in clusters for m in c.members))
    empty = [m.start for c in clusters for m in c.members if m.start >= m.end]
    forms: dict[str, Cluster] = {}
    types: dict[int, str] = {}  # a cluster's type; adding members of that type keeps it
    for cluster in clusters:
        if cluster.canonical:
            continue
        cluster_type = types.setdefault(id(cluster), cluster.type())
        for member in cluster.members:
            surface = cluster.surface(text, member)
            forms.setdefault(surface, cluster)
            if cluster_type == "PERSON" and len(surface.split()) > 1 and not is_place_name(surface.split()[-1]):
                forms.setdefault(surface.split()[-1], cluster)
    for form in sorted(forms, key=len, reverse=True):
        if len(form) < 3 or not form[0].isupper():
            continue
        for start, end in _occurrences(form, text):
            if 1 in taken[start:end] or any(start < s < end for s in empty):
                continue
            cluster = forms[form]
            cluster.members.append(Candidate(start, end, types[id(cluster)], "name", confidence=0.7))
            taken[start:end] = b"\x01" * (end - start)
    for cluster in clusters:
        cluster.members.sort(key=lambda m: m.start)

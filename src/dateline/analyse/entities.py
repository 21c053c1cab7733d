"""The entities extractor: names, aliases, role descriptions and group nouns, resolved within the article.

Stages: candidate mentions (spaCy NER cleaned, plus the alias table: data/aliases.json) ->
clusters (alias key, surname of a full name, short place name) -> descriptions (titles,
appositions, definite descriptions) -> :class:`~dateline.record.Entity` items.
"""

from __future__ import annotations

import re

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.entity_clusters import Cluster, add_repeated_names, resolve
from dateline.analyse.entity_definites import attach_definite_descriptions
from dateline.analyse.entity_mentions import candidates, remember_text
from dateline.analyse.entity_roles import attach_titles_and_appositions, role_key
from dateline.analyse.entity_tables import alias_table, role_lexicon
from dateline.record import Entity, Mention

NAME = "entities"
VERSION = "0.1.0"

__all__ = ["EXTRACTOR", "NAME", "VERSION", "entity_id", "extract", "role_key"]


NON_WORD_RUN = re.compile(r"[^\w]+", flags=re.UNICODE)


def entity_id(name: str) -> str:
    """A stable slug of a name: 'Ismail Haniyeh' -> 'ismail_haniyeh'."""
    slug = NON_WORD_RUN.sub("_", name.lower()).strip("_")
    return slug or "entity"


def _mention(analysis: Analysis, start: int, end: int, kind: str, confidence: float) -> Mention:
    return Mention(**analysis.provenance(start, end, NAME, VERSION, confidence), kind=kind)


def _entity(analysis: Analysis, cluster: Cluster, used_ids: set[str]) -> Entity:
    name = cluster.name(analysis.text)
    base = cluster.canonical or entity_id(name)
    identifier, number = base, 1
    while identifier in used_ids:
        number += 1
        identifier = f"{base}_{number}"
    used_ids.add(identifier)
    mentions = [_mention(analysis, m.start, m.end, m.kind, m.confidence) for m in cluster.members]
    seen: set[tuple[int, int]] = set()
    descriptions = []
    for d in sorted(cluster.descriptions, key=lambda d: d.start):
        if (d.start, d.end) not in seen:
            seen.add((d.start, d.end))
            descriptions.append(_mention(analysis, d.start, d.end, "description", d.confidence))
    first = mentions[0]
    return Entity(
        start=first.start,
        end=first.end,
        text=first.text,
        sentence=first.sentence,
        extractor=NAME,
        extractor_version=VERSION,
        confidence=max(m.confidence for m in mentions),
        id=identifier,
        name=name,
        type=cluster.type(),
        mentions=mentions,
        descriptions=descriptions,
        canonical=cluster.canonical,
    )


def extract(analysis: Analysis) -> None:
    """Add the article's entities, with their mentions and descriptions, to ``analysis.record``."""
    table, lexicon = alias_table(), role_lexicon()
    remember_text(analysis.doc, analysis.text)
    clusters = resolve(candidates(analysis.doc), analysis.text, table, lexicon)
    add_repeated_names(clusters, analysis.text)
    attach_titles_and_appositions(analysis.doc, clusters, lexicon)
    clusters = [cluster for cluster in clusters if cluster.members]
    attach_definite_descriptions(analysis.doc, clusters, lexicon)
    used_ids: set[str] = set()
    analysis.record.entities.extend(_entity(analysis, cluster, used_ids) for cluster in clusters)


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=(), writes=("entities",), run=extract)

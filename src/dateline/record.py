"""The Dateline record: typed dataclasses for one analysed article and their `dateline/1` JSON form.

Every extracted item points into ``Article.text`` by character offsets (Unicode code points,
end exclusive), names its sentence (index into ``Record.sentences``), and says which extractor
and version made it and with what confidence.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "dateline/1"


@dataclass(frozen=True)
class Span:
    """A character range of ``Article.text`` and the exact text it covers."""

    start: int
    end: int
    text: str


@dataclass(kw_only=True)
class Item:
    """Fields every extracted item carries: where it is, and who made it how surely."""

    start: int
    end: int
    text: str
    sentence: int
    extractor: str
    extractor_version: str
    confidence: float = 1.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass
class Article:
    """One news article as read: ``text`` is verbatim, the string all offsets index into.

    ``text_offset`` is where ``text`` starts in the file it was read from (a dateline header
    line comes before it), so an offset in ``text`` plus ``text_offset`` points into the file.
    """

    id: str
    text: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    location: str | None = None
    text_offset: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Mention(Item):
    """A reference to an entity: ``kind`` is name, alias (a loaded or metonymic name),
    description (a role phrase), group (a group noun) or pronoun."""

    kind: str = "name"


@dataclass(kw_only=True)
class Entity(Item):
    """A person, organisation, place, group or named event, with every mention in the article.

    The item span is its first mention. ``canonical`` is the alias-table key it resolved to
    (``"israel"``), ``place`` the gazetteer entry the places extractor found.
    """

    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    descriptions: list[Mention] = field(default_factory=list)
    canonical: str | None = None
    place: dict[str, Any] | None = None


@dataclass
class Attribution:
    """Who a quote or a figure belongs to: an entity, or a source named only in words."""

    text: str
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    affiliation: str | None = None
    channel: str | None = None
    resolved_from: Span | None = None  # the pronoun that named the speaker, when resolved to this mention


@dataclass(kw_only=True)
class Cue(Item):
    """The speech verb or phrase that introduces a quote, with its stance class."""

    stance: str = "neutral"


@dataclass(kw_only=True)
class Quote(Item):
    """Direct, indirect or mixed reported speech; ``speaker`` is None only when the text names
    no speaker (``speaker_note`` then says so)."""

    kind: str
    cue: Cue | None = None
    speaker: Attribution | None = None
    speaker_note: str | None = None
    addressee: str | None = None


@dataclass(kw_only=True)
class Figure(Item):
    """A count (or percentage, money, measure) as an attributed claim.

    The item span covers the counted phrase ("at least 19,667 Palestinians"); ``number`` the
    numeric words inside it. ``lower``/``upper`` follow the gold README's conventions; ``None``
    means open. ``part_of`` is the index of the whole in ``Record.figures``.
    """

    number: Span
    lower: int | None
    upper: int | None
    approx: bool = False
    kind: str = "count"
    category: str = "other"
    subject: str | None = None
    source: Attribution | None = None
    modality: str = "asserted"
    part_of: int | None = None
    unit: str | None = None
    conservative: int | None = None
    place: str | None = None
    period: str | None = None
    qualifier: str | None = None
    sum_check: str | None = None  # on a whole with parts: consistent, subset or inconsistent


@dataclass(kw_only=True)
class TimeExpr(Item):
    """A temporal expression normalised to a TIMEX3 type and value against the article date;
    ``interval_start``/``interval_end`` are the calendar days it covers (ISO dates), if any."""

    type: str
    value: str
    interval_start: str | None = None
    interval_end: str | None = None
    anchor: str | None = None


@dataclass(kw_only=True)
class Event(Item):
    """A PLOVER-typed event. The item span is the trigger's sentence clause; ``trigger`` the
    words that name the event. ``figures`` are indices into ``Record.figures``."""

    type: str
    trigger: Span
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    modality: str = "asserted"
    source: Attribution | None = None
    figures: list[int] = field(default_factory=list)
    cameo: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Flag(Item):
    """Something in the article a reader should check, with the items it is about and why."""

    kind: str
    spans: list[Span] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    figures: list[int] = field(default_factory=list)
    why: str = ""


@dataclass(kw_only=True)
class Framing(Item):
    """Loaded or partisan wording, the neutral wording beside it, and whose usage it reflects."""

    neutral: str
    side: str | None = None
    conflict: str | None = None
    voice: str = "article"


@dataclass
class Record:
    """Everything Dateline extracted from one article."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    extractors: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The `dateline/1` document as plain data."""
        from dateline import __version__

        document: dict[str, Any] = {"schema": SCHEMA, "dateline_version": __version__}
        document.update(_plain(self))
        return document

    def to_json(self, indent: int | None = 2) -> str:
        """The `dateline/1` document as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, if any."""
        return next((e for e in self.entities if e.id == entity_id), None)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_LEAF_TYPES = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies: the record's leaves are immutable."""
    kind = type(value)
    if kind in _LEAF_TYPES:  # most values: tested first, as a record has tens of thousands
        return value
    if kind is list:
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value

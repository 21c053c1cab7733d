"""Between record documents (``Record.to_dict()``) and table rows, both ways."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dateline.store.schema import ITEM_TABLES, PROVENANCE, ItemTable

PROVENANCE_KEYS = frozenset(key for key, _column in PROVENANCE)
# Keys kept in their own columns (or rebuilt from other tables), so not repeated in ``data``.
COLUMN_KEYS = {
    "entities": PROVENANCE_KEYS | {"mentions", "descriptions"},
    "mentions": PROVENANCE_KEYS | {"entity_id", "role"},
}


def item_rows(table: ItemTable, document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The items of one table in a record document, as dicts (mentions flattened out of entities)."""
    if table.part != "mentions":
        yield from document.get(table.part) or []
        return
    for entity in document.get("entities") or []:
        for role, key in (("mention", "mentions"), ("description", "descriptions")):
            for mention in entity.get(key) or []:
                yield {**mention, "entity_id": entity.get("id"), "role": role}


@dataclass
class DocumentRows:
    """A record document as the store writes it: its article-level parts as JSON text and its items
    as column values. Workers build these, so the one process that writes the store only inserts."""

    sentences: str = "[]"
    extractors: str = "{}"
    items: dict[str, list[list[Any]]] = field(default_factory=dict)  # table name -> rows, no article_id


def document_rows(document: dict[str, Any] | None) -> DocumentRows:
    """The rows of one record document (``None``: an article stored without analysis)."""
    if not document:
        return DocumentRows()
    return DocumentRows(
        sentences=json.dumps(document.get("sentences") or [], ensure_ascii=False),
        extractors=json.dumps(document.get("extractors") or {}),
        items={table.name: [row_values(table, idx, item) for idx, item in enumerate(item_rows(table, document))]
               for table in ITEM_TABLES},
    )


def row_values(table: ItemTable, idx: int, item: dict[str, Any]) -> list[Any]:
    """The column values of one item row, in :func:`column_names` order after ``article_id``."""
    values: list[Any] = [idx]
    values += [column.get(item) for column in table.columns]
    values += [item.get(key) for key, _column in PROVENANCE]
    skip = COLUMN_KEYS.get(table.part, PROVENANCE_KEYS)
    rest = {key: value for key, value in item.items() if key not in skip}
    values.append(json.dumps(rest, ensure_ascii=False))
    return values


def column_names(table: ItemTable) -> list[str]:
    """The column names an item row fills."""
    return ["article_id", "idx", *(c.name for c in table.columns), *(c for _k, c in PROVENANCE), "data"]


def item_from_row(table: ItemTable, row: dict[str, Any]) -> dict[str, Any]:
    """Rebuild a record item (as in ``to_dict()``) from its stored row."""
    data = row["data"]
    item: dict[str, Any] = dict(json.loads(data) if isinstance(data, str) else data or {})
    for key, column in PROVENANCE:
        item[key] = row[column]
    if table.part == "entities":
        item.setdefault("id", row["entity_id"])
    if table.part == "mentions":
        item["entity_id"] = row["entity_id"]
        item["role"] = row["role"]
    return item


def attach_mentions(entities: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> None:
    """Put each stored mention back into its entity's ``mentions`` or ``descriptions``."""
    by_id = {entity.get("id"): entity for entity in entities}
    for entity in entities:
        entity["mentions"], entity["descriptions"] = [], []
    for mention in mentions:
        owner = by_id.get(mention.pop("entity_id"))
        role = mention.pop("role")
        if owner is not None:
            owner["descriptions" if role == "description" else "mentions"].append(mention)

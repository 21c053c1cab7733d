"""Stream the store's tables a page at a time, with values in plain Python types."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dateline.store.schema import ITEM_TABLES, table_columns
from dateline.store.store import Store

EXPORTED_TABLES = ("sources", "articles", *(table.name for table in ITEM_TABLES))
PAGE = 5000


def table_pages(store: Store, name: str) -> Iterator[list[dict[str, Any]]]:
    """The rows of table ``name`` in id order, ``PAGE`` rows at a time; JSON columns as JSON text."""
    columns = table_columns(name)
    select = ", ".join(column for column, _kind in columns)
    last = 0
    while True:
        _names, rows = store.sql(f"SELECT {select} FROM {name} WHERE id > ? ORDER BY id LIMIT ?", (last, PAGE))
        if not rows:
            return
        page = [{column: _plain(kind, value) for (column, kind), value in zip(columns, row, strict=True)} for row in rows]
        last = int(page[-1]["id"])
        yield page


def _plain(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "json":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return bool(value)
    return value

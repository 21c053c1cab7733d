"""CSV export: one file per table (articles.csv, entities.csv, quotes.csv, ...) in a folder."""

from __future__ import annotations

import csv
from pathlib import Path

from dateline.export.tables import EXPORTED_TABLES, table_pages
from dateline.store.schema import table_columns
from dateline.store.store import Store


def export_csv(store: Store, folder: str | Path) -> dict[str, int]:
    """Write ``<table>.csv`` (UTF-8, header row, JSON columns as JSON text); return rows per table."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for name in EXPORTED_TABLES:
        columns = [column for column, _kind in table_columns(name)]
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            written[name] = 0
            for page in table_pages(store, name):
                writer.writerows(page)
                written[name] += len(page)
    return written

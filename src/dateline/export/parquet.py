"""Parquet export: one file per table, typed columns (JSON columns as strings), written page by page."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.export.tables import EXPORTED_TABLES, table_pages
from dateline.store.schema import table_columns
from dateline.store.store import Store

ARROW_TYPES = {"int": pa.int64(), "real": pa.float64(), "text": pa.string(), "json": pa.string(), "bool": pa.bool_()}


def export_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    """Write ``<table>.parquet`` for every table; return rows per table."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for name in EXPORTED_TABLES:
        schema = pa.schema([(column, ARROW_TYPES[kind]) for column, kind in table_columns(name)])
        written[name] = 0
        with pq.ParquetWriter(folder / f"{name}.parquet", schema) as writer:
            for page in table_pages(store, name):
                writer.write_table(pa.Table.from_pylist(page, schema=schema))
                written[name] += len(page)
    return written

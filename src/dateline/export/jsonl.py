"""Dateline's own JSON Lines export: one `dateline/1` document per article, with every qualifier,
source and bound that GKG cannot hold, plus a ``store`` part (row id, status, duplicate_of)."""

from __future__ import annotations

import json
from typing import TextIO

from dateline.store.store import Store


def export_jsonl(store: Store, stream: TextIO, include_duplicates: bool = False) -> int:
    """Write one document per line; return how many were written."""
    count = 0
    for document in store.documents(include_duplicates):
        stream.write(json.dumps(document, ensure_ascii=False, default=str))
        stream.write("\n")
        count += 1
    return count

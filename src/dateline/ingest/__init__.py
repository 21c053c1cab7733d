"""Readers: bytes in, :class:`dateline.record.Article` out (one module per input format)."""

from dateline.ingest.batch import read_paths
from dateline.ingest.dates import parse_published
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.text import read_dateline_text, read_plain_text

__all__ = [
    "parse_published",
    "read_dateline_text",
    "read_jsonl",
    "read_paths",
    "read_plain_text",
]

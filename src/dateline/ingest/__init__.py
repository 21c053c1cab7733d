"""Readers: bytes in, :class:`dateline.record.Article` out (one module per input format)."""

from dateline.ingest.batch import read_paths
from dateline.ingest.dates import parse_published
from dateline.ingest.feed import read_feed
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.sources import read_source, read_sources
from dateline.ingest.text import read_dateline_text, read_plain_text
from dateline.ingest.warc import read_warc

__all__ = [
    "parse_published",
    "read_dateline_text",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_paths",
    "read_plain_text",
    "read_source",
    "read_sources",
    "read_warc",
]

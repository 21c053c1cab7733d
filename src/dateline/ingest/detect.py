"""Format detection from an input's first bytes: what was found, and whether it is what was asked for."""

from __future__ import annotations

import re
import zlib

from dateline.errors import InputError
from dateline.ingest.text import has_dateline_header

FORMATS = ("auto", "text", "jsonl", "html", "feed", "warc")
DESCRIPTIONS = {
    "text": "dateline or plain text",
    "jsonl": "JSON Lines records",
    "html": "an HTML page",
    "feed": "an RSS/Atom feed",
    "warc": "a WARC archive",
    "xml": "XML that is not an RSS/Atom feed",
    "empty": "an empty input",
    "binary": "binary data",
}
GZIP_MAGIC = b"\x1f\x8b"
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>/]")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|meta|title)[\s>/]")


def gunzip_head(head: bytes, size: int = 65536) -> bytes:
    """Decompress at most ``size`` bytes from the start of a gzip stream (bounded: never more)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
    except zlib.error:
        return b""


def sniff(head: bytes) -> str:
    """The format of an input from its first bytes (decompressed, if it is gzip).

    One of text, jsonl, html, feed, warc, or xml, empty, binary for what no reader takes.
    """
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body:
        return "empty"
    if body.startswith(b"WARC/"):
        return "warc"
    if b"\x00" in body[:4096]:
        return "binary"
    if body.startswith(b"{"):
        return "jsonl"
    lower = body[:8192].lower()
    if body.startswith(b"<"):
        if _FEED_ROOT.search(lower):
            return "feed"
        if _HTML_ROOT.search(lower):
            return "html"
        if lower.startswith(b"<?xml"):
            return "xml"
        return "html"
    try:
        body[:4096].decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(body[:4096]) - 4:
            return "text"  # the text reader names the bad byte
    return "text"


def sniff_input(head: bytes) -> tuple[str, bool]:
    """The format of an input's first bytes and whether it is gzip-compressed."""
    if head.startswith(GZIP_MAGIC):
        return sniff(gunzip_head(head)), True
    return sniff(head), False


def check_format(found: str, wanted: str, location: str) -> str:
    """The format to read with: ``found`` when ``wanted`` is auto or agrees; else raise InputError."""
    if found in ("empty", "binary", "xml"):
        raise InputError(location, f"found {DESCRIPTIONS[found]} (expected {_expected(wanted)})")
    if wanted in ("auto", found):
        return found
    if wanted == "text" and found in ("html", "jsonl"):
        return "text"  # a text file may start with a brace or a tag; the user said it is text
    raise InputError(location, f"--format {wanted}: found {DESCRIPTIONS[found]} (expected {DESCRIPTIONS[wanted]})")


def _expected(wanted: str) -> str:
    if wanted == "auto":
        return "news text, JSON Lines, HTML, an RSS/Atom feed or a WARC archive"
    return DESCRIPTIONS[wanted]


def is_dateline_text(text: str) -> bool:
    """True when the text starts with the dateline header."""
    return has_dateline_header(text)

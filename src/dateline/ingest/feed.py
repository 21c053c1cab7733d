"""RSS and Atom feeds (feedparser over bytes): one Article per entry.

The XML is first checked with defusedxml: a feed declaring entities (billion laughs) or
referring to external entities or DTDs is refused before any parser expands or fetches them.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

from dateline.errors import InputError
from dateline.ingest.dates import parse_published
from dateline.ingest.html import fragment_text
from dateline.ingest.limits import MAX_DOCUMENT_BYTES
from dateline.record import Article

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def check_safe_xml(data: bytes, location: str) -> None:
    """Raise InputError if the XML declares entities or refers to external resources."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        raise InputError(location, "feed declares XML entities (refused: billion-laughs guard; a feed needs none)") from None
    except (ExternalReferenceForbidden, DTDForbidden):
        raise InputError(location, "feed refers to an external entity or DTD (refused: no file or network access)") from None
    except ParseError:
        if _ENTITY_DECLARATION.search(data):
            raise InputError(location, "malformed feed with entity declarations (refused)") from None


def read_feed(data: bytes, location: str, published: str | None = None) -> Iterator[Article | InputError]:
    """Yield one Article per feed entry, or an InputError for the feed or for one bad entry."""
    if len(data) > MAX_DOCUMENT_BYTES:
        yield InputError(location, f"feed of {len(data):,} bytes (the limit is {MAX_DOCUMENT_BYTES:,})")
        return
    try:
        check_safe_xml(data, location)
    except InputError as error:
        yield error
        return
    import feedparser

    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        problem = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield InputError(location, f"no entries in the feed{problem} (expected an RSS or Atom feed)")
        return
    feed_title = parsed.feed.get("title")
    feed_date = _struct_date(parsed.feed.get("updated_parsed") or parsed.feed.get("published_parsed"))
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{location}#entry{number}"
        try:
            yield _entry_article(entry, where, feed_title, published, feed_date)
        except InputError as error:
            yield error


def _entry_article(
    entry: Any, where: str, feed_title: str | None, published: str | None, feed_date: str | None
) -> Article:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = fragment_text(html) if html else ""
    if not text.strip():
        raise InputError(where, "entry has no content or summary text")
    date = published or _struct_date(entry.get("published_parsed") or entry.get("updated_parsed")) or feed_date
    if date is None:
        raise InputError(where, "entry has no date (expected <pubDate>/<published> or --published YYYY-MM-DD)")
    try:
        date = parse_published(date)
    except ValueError as error:
        raise InputError(where, f"date: {error}") from None
    link = entry.get("link")
    return Article(
        id=str(entry.get("id") or link or where),
        text=text,
        published=date,
        source=feed_title,
        url=link,
        title=entry.get("title"),
        location=where,
        extra={key: entry[key] for key in ("author", "tags") if entry.get(key)},
    )


def _struct_date(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except ValueError:
        return None

"""HTML pages: the main text and metadata (title, date, site, author) found by trafilatura."""

from __future__ import annotations

import re
from typing import Any

from dateline.errors import InputError
from dateline.ingest.dates import parse_published
from dateline.ingest.decode import decode_declared_utf8, utf8_declaration
from dateline.ingest.limits import MAX_DOCUMENT_BYTES
from dateline.record import Article

_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def read_html(
    data: bytes,
    location: str,
    url: str | None = None,
    published: str | None = None,
    fallback_published: str | None = None,
    article_id: str | None = None,
    charset: str | None = None,
) -> Article:
    """One Article from an HTML page; raise InputError when no main text or no date is found.

    The date is ``published`` if given, else the page's own metadata, else ``fallback_published``
    (a WARC record's capture date, for example). ``charset`` is the one an HTTP Content-Type
    gave. A page declared UTF-8 is decoded as UTF-8 (see :func:`decode_declared_utf8`: stray
    invalid bytes become U+FFFD and ``extra["invalid_utf8"]`` says so); any other page is left
    to trafilatura, which tries UTF-8 and then guesses.
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(location, f"HTML page of {len(data):,} bytes (the limit is {MAX_DOCUMENT_BYTES:,})")
    if not data.strip():
        raise InputError(location, "empty page (expected an HTML news page)")
    if b"\x00" in data[:65536]:
        raise InputError(location, "binary data (NUL bytes) where an HTML page was expected")
    markup, repair = _declared_markup(data, location, charset)
    import trafilatura

    document = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False)
    if document is None:
        raise InputError(location, "no main text found in the HTML page (expected a news article page)")
    meta: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError(location, "no main text found in the HTML page (expected a news article page)")
    date = _first_date(published, meta.get("date"), fallback_published)
    if date is None:
        raise InputError(location, "no publication date in the page metadata (expected --published YYYY-MM-DD)")
    extra = {key: meta[key] for key in ("author", "hostname", "description", "categories", "tags", "language")
             if meta.get(key)}
    if repair is not None:
        extra["invalid_utf8"] = repair
    return Article(
        id=article_id or url or location,
        text=text,
        published=date,
        source=meta.get("sitename") or meta.get("hostname"),
        url=url or meta.get("url"),
        title=meta.get("title"),
        location=location,
        extra=extra,
    )


def _declared_markup(data: bytes, location: str, charset: str | None) -> tuple[bytes | str, dict[str, Any] | None]:
    """The page as trafilatura should get it: decoded here if it declares UTF-8 but is not valid
    UTF-8 (else trafilatura would guess another encoding and make mojibake), else its bytes."""
    declared_by = utf8_declaration(data, charset)
    if declared_by is None:
        return data, None
    text, repair = decode_declared_utf8(data, location, declared_by)
    return (data, None) if repair is None else (text, repair)  # valid UTF-8: trafilatura decodes the bytes itself


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): tags dropped, blocks on their own lines."""
    import lxml.html

    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", html)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except Exception:  # lxml raises several types on junk; the raw string is the fallback
        return html.strip()
    text = root.text_content()
    return _BLANK_LINES.sub("\n\n", text).strip()


def _first_date(*candidates: object) -> str | None:
    for candidate in candidates:
        if candidate:
            try:
                return parse_published(candidate)
            except ValueError:
                continue
    return None

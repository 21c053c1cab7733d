"""WARC and WARC.gz archives (warcio): one Article per HTML response record.

A record's payload is read through its HTTP decoding (chunked, gzip, deflate) and capped at
:data:`MAX_RECORD_BYTES` on the decompressed side, so a gzip bomb costs at most that much.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from dateline.errors import InputError
from dateline.ingest.html import read_html
from dateline.ingest.limits import MAX_RECORD_BYTES
from dateline.record import Article

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: IO[bytes], location: str, published: str | None = None, max_record_bytes: int = MAX_RECORD_BYTES
) -> Iterator[Article | InputError]:
    """Yield one Article per HTML response record, an InputError per bad record, and one for a
    truncated or corrupt archive (reading stops there; records before it are kept)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    counted = _CountingReader(stream)
    records = ArchiveIterator(counted)
    try:
        for record in records:
            result = _html_response(record, location, published, max_record_bytes)
            where = f"{location}@{records.get_record_offset()}"  # reads the rest of the record
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield InputError(where, "truncated record (the archive ends inside it)")
                return
            if isinstance(result, InputError):
                yield InputError(where, result.message)
            elif result is not None:
                result.location = where
                yield result
        if counted.count > records.offset:
            yield InputError(f"{location}@{records.offset}", "truncated record (the archive ends inside it)")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as error:
        yield InputError(location, f"truncated or corrupt WARC ({type(error).__name__}: {error})")
    except Exception as error:  # warcio fails on broken headers with assorted errors

        yield InputError(location, f"truncated or corrupt WARC ({type(error).__name__}: {error})")


class _CountingReader:
    """A read-only stream that counts the bytes read through it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data


def _html_response(
    record: ArcWarcRecord, location: str, published: str | None, max_record_bytes: int
) -> Article | InputError | None:
    """The article of an HTML response record, an error, or None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(max_record_bytes + 1)
    if len(payload) > max_record_bytes:
        return InputError(location, f"record payload over {max_record_bytes:,} bytes once decompressed (refused: size limit)")
    capture = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    try:
        return read_html(payload, location, url=url, published=published, fallback_published=capture)
    except InputError as error:
        return error

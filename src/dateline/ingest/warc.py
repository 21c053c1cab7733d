"""WARC and WARC.gz archives (warcio): one Article per HTML response record.

Records are framed here (header up to its blank line, ``Content-Length`` bytes of content, then
CRLF CRLF) so that an archive cut anywhere, or a corrupt gzip member, is reported: every whole
record before the cut is read, the broken one yields an InputError naming its record number, and
after corruption (not a cut) reading goes on at the next record. warcio parses each record's
headers and decodes its HTTP payload (chunked, gzip, deflate), which is capped at
:data:`MAX_RECORD_BYTES` on the decompressed side, so a gzip bomb costs at most that much.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from dateline.errors import InputError
from dateline.ingest.html import read_html
from dateline.ingest.limits import MAX_RECORD_BYTES
from dateline.ingest.warc_stream import (
    CHUNK,
    RECORD_MAGIC,
    BrokenArchive,
    PlainSource,
    open_source,
    truncated,
)
from dateline.record import Article

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

HTML_TYPES = ("text/html", "application/xhtml+xml")
RECORD_END = b"\r\n\r\n"
MAX_HEADER_BYTES = 64 * 1024
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length[ \t]*:[ \t]*(\S*)[ \t]*\r?$")
_CHARSET = re.compile(r"(?i)charset\s*=\s*[\"']?([\w.:-]+)")


def read_warc(
    stream: IO[bytes], location: str, published: str | None = None, max_record_bytes: int = MAX_RECORD_BYTES
) -> Iterator[Article | InputError]:
    """Yield one Article per HTML response record, an InputError per bad record, and one for a
    truncated or corrupt stretch of the archive (records before it are kept; after corruption,
    reading goes on at the next record found)."""
    from warcio.recordloader import ArcWarcRecordLoader

    loader = ArcWarcRecordLoader()
    try:
        source = open_source(stream)
    except OSError as error:
        yield InputError(location, f"unreadable archive ({error}) (expected a WARC or WARC.gz file)")
        return
    number = 0
    while True:
        number += 1
        offset: int | None = None
        try:
            if not _skip_blank_lines(source):
                return
            offset = source.begin_record()
            result = _read_record(source, loader, f"{location}@{offset}", published, max_record_bytes)
        except BrokenArchive as broken:
            where = f"{location}@{source.record_offset() if offset is None else offset}"
            yield InputError(where, f"record {number}: {broken.problem} ({broken.expected})")
            if broken.resumable and source.resync():
                continue
            return
        except OSError as error:  # the file itself failed to read: nothing after this point can be read
            where = f"{location}@{source.record_offset() if offset is None else offset}"
            yield InputError(where, f"record {number}: unreadable ({error}) (expected a readable WARC record)")
            return
        if result is not None:
            yield result


def _skip_blank_lines(source: PlainSource) -> bool:
    """Skip the blank lines some writers put between records; False at the end of the archive."""
    while True:
        head = source.peek(1)
        if not head:
            return False
        if head not in (b"\r", b"\n"):
            return True
        source.readline()


def _read_record(
    source: PlainSource, loader: ArcWarcRecordLoader, where: str, published: str | None, max_record_bytes: int
) -> Article | InputError | None:
    """Read one whole record; its article, its error, or None for a record that is not an HTML page.

    Raise BrokenArchive when the record's framing is cut or broken: then nothing of it is kept.
    """
    header = _read_header(source)
    length = _content_length(header)
    content = _Content(header, source, length)
    try:
        record = loader.parse_record_stream(content)
        result = _html_response(record, where, published, max_record_bytes)
    except BrokenArchive:
        raise
    except Exception as error:  # warcio fails on broken HTTP headers or encodings with assorted errors
        result = InputError(where, f"unreadable record ({type(error).__name__}: {error}) (expected an HTTP response)")
    content.drain()
    if content.remaining:
        raise truncated(f"truncated after {length - content.remaining:,} of {length:,} content bytes")
    end = source.read(len(RECORD_END))
    if end != RECORD_END:
        if len(end) < len(RECORD_END) and RECORD_END.startswith(end):
            raise truncated("truncated before the CRLF CRLF that closes it")
        raise BrokenArchive(
            f"no CRLF CRLF after its {length:,} content bytes", "expected a Content-Length that fits the content",
            resumable=True,
        )
    source.settle()
    return result


def _read_header(source: PlainSource) -> bytes:
    """The WARC header lines up to and including the blank line that ends them."""
    first = source.readline(MAX_HEADER_BYTES)
    if not first.endswith(b"\n") and len(first) < MAX_HEADER_BYTES:
        raise truncated("truncated inside the WARC header")
    if not first.startswith(RECORD_MAGIC):
        raise BrokenArchive(
            f"no WARC header, found {first[:24]!r}", "expected a record starting with 'WARC/1.0'", resumable=True
        )
    lines = [first]
    size = len(first)
    while lines[-1].strip():
        line = source.readline(MAX_HEADER_BYTES - size + 1)
        size += len(line)
        if size > MAX_HEADER_BYTES:
            raise BrokenArchive(
                f"WARC header over {MAX_HEADER_BYTES:,} bytes", "expected a header ending with a blank line",
                resumable=True,
            )
        if not line.endswith(b"\n"):
            raise truncated("truncated inside the WARC header")
        lines.append(line)
    return b"".join(lines)


def _content_length(header: bytes) -> int:
    match = _CONTENT_LENGTH.search(header)
    if match is None or not match.group(1).isdigit():
        found = match.group(1).decode("ascii", "replace") if match else "none"
        raise BrokenArchive(
            f"no valid Content-Length in the WARC header, found {found!r}",
            "expected 'Content-Length: <bytes>'", resumable=True,
        )
    return int(match.group(1))


class _Content:
    """What warcio reads a record from: the header bytes, then at most ``length`` bytes of content."""

    def __init__(self, header: bytes, source: PlainSource, length: int) -> None:
        self._header = io.BytesIO(header)
        self._source = source
        self.remaining = length

    def read(self, size: int | None = -1) -> bytes:
        data = self._header.read(size)
        if data:
            return data
        data = self._source.read(self.remaining if size is None or size < 0 else min(size, self.remaining))
        self.remaining -= len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        line = self._header.readline(size)
        if line:
            return line
        line = self._source.readline(self.remaining if size is None or size < 0 else min(size, self.remaining))
        self.remaining -= len(line)
        return line

    def drain(self) -> None:
        """Read what is left of the content (to find its end, or that the archive ends first)."""
        while self.remaining and self.read(CHUNK):
            pass


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
    charset = _CHARSET.search(content_type)
    try:
        return read_html(payload, location, url=url, published=published, fallback_published=capture,
                         charset=charset.group(1) if charset else None)
    except InputError as error:
        return error

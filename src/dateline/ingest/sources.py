"""The dispatcher: a SOURCE (file, folder, or ``-`` for stdin) in, Articles or InputErrors out.

Each file's format is detected from its first bytes (``--format auto``) or checked against the
format asked for. Errors are yielded as values so that a batch counts them and goes on.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dateline.errors import InputError
from dateline.ingest.dates import parse_published
from dateline.ingest.decode import decode_text
from dateline.ingest.detect import check_format, sniff_input
from dateline.ingest.feed import read_feed
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import iter_jsonl_lines
from dateline.ingest.limits import MAX_DOCUMENT_BYTES, SNIFF_BYTES
from dateline.ingest.text import has_dateline_header, parse_dateline_text
from dateline.ingest.warc import read_warc
from dateline.record import Article

# Files in a folder that are documentation, not articles (skipped when walking a folder).
SKIPPED_NAMES = ("readme", "license", "licence", "copying", "attribution", "notice", "changelog")


def read_sources(
    sources: Iterable[str], input_format: str = "auto", published: str | None = None
) -> Iterator[Article | InputError]:
    """Yield the articles of every SOURCE in order (a bad one yields an InputError)."""
    for source in sources:
        yield from read_source(source, input_format, published)


def read_source(source: str, input_format: str = "auto", published: str | None = None) -> Iterator[Article | InputError]:
    """Yield the articles of one SOURCE: ``-`` (stdin), a file, or a folder walked recursively."""
    if source == "-":
        yield from read_stream(sys.stdin.buffer, "<stdin>", input_format, published)
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _skipped(p, path))
        if not files:
            yield InputError(source, "folder holds no article files")
        for file in files:
            yield from read_file(file, input_format, published)
        return
    yield from read_file(path, input_format, published)


def read_file(path: Path, input_format: str = "auto", published: str | None = None) -> Iterator[Article | InputError]:
    """Yield the articles of one file."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield InputError(str(path), "no such file")
        return
    except OSError as error:
        yield InputError(str(path), f"cannot read: {error.strerror or error}")
        return
    with handle:
        yield from read_stream(handle, str(path), input_format, published, article_id=path.stem)


def read_stream(
    stream: IO[bytes], location: str, input_format: str = "auto", published: str | None = None,
    article_id: str | None = None,
) -> Iterator[Article | InputError]:
    """Yield the articles of one binary stream, detecting or checking its format."""
    buffered: io.BufferedReader = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = _peek(buffered)
    found, compressed = sniff_input(head)
    try:
        kind = check_format(found, input_format, location)
    except InputError as error:
        yield error
        return
    if kind == "warc":
        yield from read_warc(buffered, location, published)
        return
    plain: IO[bytes] = gzip.GzipFile(fileobj=buffered) if compressed else buffered  # type: ignore[assignment]
    if kind == "jsonl":
        yield from iter_jsonl_lines(plain, location)
        return
    try:
        data = _read_capped(plain, location)
    except InputError as error:
        yield error
        return
    if kind == "feed":
        yield from read_feed(data, location, published)
        return
    try:
        if kind == "html":
            yield read_html(data, location, published=published, article_id=article_id)
        else:
            yield _text_article(data, location, published, article_id)
    except InputError as error:
        yield error


def _text_article(data: bytes, location: str, published: str | None, article_id: str | None) -> Article:
    text = decode_text(data, location)
    if has_dateline_header(text):
        return parse_dateline_text(text, location, article_id)
    if published is None:
        raise InputError(location, "no publication date (expected --published YYYY-MM-DD or a ' date' header)")
    try:
        date = parse_published(published)
    except ValueError as error:
        raise InputError(location, f"--published: {error}") from None
    return Article(id=article_id or location, text=text, published=date, location=location)


def _peek(stream: io.BufferedReader) -> bytes:
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    return head


def _read_capped(stream: IO[bytes], location: str) -> bytes:
    try:
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError) as error:
        raise InputError(location, f"broken gzip stream ({error})") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(
            location, f"document over {MAX_DOCUMENT_BYTES:,} bytes (refused: size limit; split it or use JSON Lines)"
        )
    return data


def _skipped(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return True
    return path.name.lower().startswith(SKIPPED_NAMES)

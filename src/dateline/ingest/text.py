"""Text files: the dateline format (first line `` date YYYY-MM-DD``) and plain text."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest.dates import parse_published
from dateline.ingest.decode import decode_text
from dateline.record import Article

# The header is " date YYYY-MM-DD" at the start of the first line; the article text may go on
# on the same line after a space, or start on the next line.
DATELINE_HEADER = re.compile(r"^[ \t]*date[ \t]+(\S+)(?:[ \t]+|[ \t]*\r?\n)")


def has_dateline_header(text: str) -> bool:
    """True when ``text`` starts with a `` date ...`` header line."""
    return DATELINE_HEADER.match(text) is not None


def parse_dateline_text(text: str, location: str, article_id: str | None = None) -> Article:
    """Split a dateline-format document into its date and its verbatim text."""
    match = DATELINE_HEADER.match(text)
    if not match:
        raise InputError(location, "no dateline header (expected a first line ' date YYYY-MM-DD')")
    try:
        published = parse_published(match.group(1))
    except ValueError as error:
        raise InputError(location, f"dateline header: {error}") from None
    body = text[match.end() :]
    if not body.strip():
        raise InputError(location, "no article text after the dateline header")
    return Article(
        id=article_id or Path(location).stem,
        text=body,
        published=published,
        location=location,
        text_offset=match.end(),
    )


def read_dateline_text(path: str | Path) -> Article:
    """Read a file in the dateline text format."""
    path = Path(path)
    return parse_dateline_text(decode_text(_read_bytes(path), str(path)), str(path))


def read_plain_text(path: str | Path, published: str | None) -> Article:
    """Read a plain text file; ``published`` (YYYY-MM-DD) is required to resolve relative times."""
    path = Path(path)
    location = str(path)
    text = decode_text(_read_bytes(path), location)
    if has_dateline_header(text):
        return parse_dateline_text(text, location)
    if published is None:
        raise InputError(location, "no publication date (expected --published YYYY-MM-DD or a ' date' header)")
    try:
        published = parse_published(published)
    except ValueError as error:
        raise InputError(location, f"--published: {error}") from None
    return Article(id=path.stem, text=text, published=published, location=location)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory (expected a file)") from None
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None

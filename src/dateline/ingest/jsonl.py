"""JSON Lines records ``{id, source, url, published, title, text}``, optionally gzip-compressed."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from dateline.errors import InputError
from dateline.ingest.dates import parse_published
from dateline.record import Article

# A line longer than this is refused rather than parsed (a 64 MiB article is not news text).
MAX_LINE_BYTES = 64 * 1024 * 1024
RECORD_FIELDS = ("id", "source", "url", "published", "title", "text")


def read_jsonl(path: str | Path) -> Iterator[Article | InputError]:
    """Yield one Article per line, or an InputError naming the file and line for a bad one.

    Errors are yielded, not raised, so that a batch can count them and go on.
    """
    path = Path(path)
    try:
        handle = _open(path)
    except OSError as error:
        yield InputError(str(path), f"cannot read: {error.strerror or error}")
        return
    with handle:
        yield from iter_jsonl_lines(handle, str(path))


def iter_jsonl_lines(handle: IO[bytes], location: str) -> Iterator[Article | InputError]:
    """Parse JSON Lines from an open binary handle."""
    line_number = 0
    try:
        for raw in handle:
            line_number += 1
            if not raw.strip():
                continue
            where = f"{location}:{line_number}"
            if len(raw) > MAX_LINE_BYTES:
                yield InputError(where, f"line of {len(raw)} bytes (expected at most {MAX_LINE_BYTES})")
                continue
            try:
                yield record_to_article(_parse_line(raw, where), where)
            except InputError as error:
                yield error
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield InputError(f"{location}:{line_number + 1}", f"broken gzip stream ({error})")


def record_to_article(data: Any, where: str) -> Article:
    """Validate one JSON object and turn it into an Article."""
    if not isinstance(data, dict):
        raise InputError(where, f"expected a JSON object with {', '.join(RECORD_FIELDS)}")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "missing or empty 'text' (expected the article text as a string)")
    if data.get("published") in (None, ""):
        raise InputError(where, "missing 'published' (expected a date YYYY-MM-DD)")
    try:
        published = parse_published(data["published"])
    except ValueError as error:
        raise InputError(where, f"'published': {error}") from None
    record_id = data.get("id")
    if record_id is None:
        raise InputError(where, "missing 'id' (expected a record id)")
    extra = {key: value for key, value in data.items() if key not in RECORD_FIELDS}
    return Article(
        id=str(record_id),
        text=text,
        published=published,
        source=_optional_str(data.get("source")),
        url=_optional_str(data.get("url")),
        title=_optional_str(data.get("title")),
        location=where,
        extra=extra,
    )


def _parse_line(raw: bytes, where: str) -> Any:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(where, f"invalid UTF-8 at byte {error.start} of the line (expected UTF-8 JSON)") from None
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON ({error.msg} at column {error.colno}); expected one object per line") from None


def _open(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)

"""Turn raw bytes into text, refusing empty, binary and non-UTF-8 input with a clear reason.

Text files must be valid UTF-8. An HTML page that declares UTF-8 but holds invalid bytes is
decoded with U+FFFD for a few stray ones (the article keeps a note of it) and refused when
invalid sequences are the rule rather than the exception (a page in another encoding).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from dateline.errors import InputError
from dateline.ingest.limits import SNIFF_BYTES

BOM = "\ufeff"


def decode_text(data: bytes, location: str) -> str:
    """Decode UTF-8 ``data`` verbatim (a leading byte-order mark is dropped, nothing else)."""
    if not data.strip():
        raise InputError(location, "empty file (expected UTF-8 news text)")
    if b"\x00" in data[:65536]:
        raise InputError(location, "binary data (NUL bytes) where UTF-8 news text was expected")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            location, f"invalid UTF-8 at byte {error.start} (expected UTF-8 text; re-encode the file)"
        ) from None
    return text[1:] if text.startswith(BOM) else text


# A page that declares UTF-8 may hold this many invalid sequences, whatever the rest of it
# holds, before it is refused (beyond it, the valid non-ASCII characters must outnumber them).
MAX_STRAY_SEQUENCES = 3
UTF8_BOM = b"\xef\xbb\xbf"
REPLACEMENT = "\ufffd"
_META_CHARSET = re.compile(rb"""(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""")


def utf8_declaration(data: bytes, http_charset: str | None = None) -> str | None:
    """What declares an HTML page to be UTF-8, by the HTML standard's precedence (byte-order
    mark, then the HTTP Content-Type, then a meta charset), or None if nothing does."""
    if data.startswith(UTF8_BOM):
        return "byte-order mark"
    if http_charset:
        return "HTTP Content-Type" if _is_utf8(http_charset) else None
    meta = _META_CHARSET.search(data[:SNIFF_BYTES])
    if meta is not None and _is_utf8(meta.group(1).decode("ascii", "replace")):
        return "meta charset"
    return None


def decode_declared_utf8(data: bytes, location: str, declared_by: str) -> tuple[str, dict[str, Any] | None]:
    """Decode a page that declares UTF-8: its text, and a note of the repair if stray invalid
    bytes were replaced with U+FFFD; raise InputError when the page is mostly not UTF-8."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode("utf-8", errors="replace")
    genuine = data.count(REPLACEMENT.encode("utf-8"))  # U+FFFD characters the page really holds
    invalid = text.count(REPLACEMENT) - genuine
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - invalid - text.startswith(BOM)
    if invalid > MAX_STRAY_SEQUENCES and invalid >= valid:
        raise InputError(
            location,
            f"invalid UTF-8 at byte {first}: {invalid:,} of {invalid + valid:,} non-ASCII sequences are invalid "
            f"(expected UTF-8, as its {declared_by} declares; re-encode the page or correct the declaration)",
        )
    return text, {"replaced": invalid, "first_byte": first, "declared_by": declared_by}


def _is_utf8(label: str) -> bool:
    try:
        return codecs.lookup(label.strip()).name == "utf-8"
    except LookupError:
        return False

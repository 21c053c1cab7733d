"""Turn raw bytes into text, refusing empty, binary and non-UTF-8 input with a clear reason."""

from __future__ import annotations

from dateline.errors import InputError

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

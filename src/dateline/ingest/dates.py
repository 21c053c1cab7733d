"""Publication dates: accept ISO dates (and ISO datetimes), reject anything impossible."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")


def parse_published(value: object) -> str:
    """Return ``value`` as an ISO date ``YYYY-MM-DD``; raise ValueError saying what was expected.

    A datetime keeps only its date: Dateline resolves relative times against the day.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"expected a date YYYY-MM-DD, got {type(value).__name__}")
    text = value.strip()
    match = _ISO_DATE.match(text)
    if not match:
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"impossible date {value!r} (expected a real calendar date YYYY-MM-DD)") from None

"""One interface over a SQLite file and a PostgreSQL database: run SQL, group it in transactions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Backend(Protocol):
    """A database connection that speaks ``?`` placeholders whatever its dialect."""

    dialect: str
    location: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows (empty for statements without rows)."""

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each parameter row."""

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Stream the rows of a query without loading them all."""

    def columns(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a query and return its column names and rows."""

    def transaction(self) -> AbstractContextManager[None]:
        """A context in which every statement commits together or not at all."""

    def close(self) -> None:
        """Close the connection."""


def is_postgres_url(target: str) -> bool:
    """True when ``target`` names a PostgreSQL database rather than a SQLite file."""
    return target.startswith(("postgresql://", "postgres://"))


def connect(target: str, schema: str | None = None) -> Backend:
    """Open a SQLite file (created if missing) or a ``postgresql://`` URL."""
    if is_postgres_url(target):
        from dateline.store.postgres import PostgresBackend

        return PostgresBackend(target, schema)
    from dateline.store.sqlite import SqliteBackend

    return SqliteBackend(target)

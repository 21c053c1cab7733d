"""The server back end: PostgreSQL through psycopg 3, same schema and SQL as SQLite."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresBackend:
    """A psycopg connection in autocommit mode, optionally inside its own schema."""

    dialect = "postgres"

    def __init__(self, url: str, schema: str | None = None) -> None:
        import psycopg

        self.location = url
        self.connection = psycopg.connect(url, autocommit=True)
        self.schema = schema
        if schema:
            if not _SCHEMA_NAME.match(schema):
                raise ValueError(f"invalid schema name {schema!r} (expected lower-case letters, digits, _)")
            self.connection.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            self.connection.execute(f"SET search_path TO {schema}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows."""
        cursor = self.connection.execute(_placeholders(sql), tuple(params))
        return cursor.fetchall() if cursor.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each parameter row."""
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(_placeholders(sql), rows)

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Stream rows with a server-side cursor (needs its own transaction)."""
        with self.connection.transaction(), self.connection.cursor(name="dateline_iterate") as cursor:
            cursor.execute(_placeholders(sql), tuple(params))
            while batch := cursor.fetchmany(500):
                yield from batch

    def columns(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a query and return its column names and rows."""
        cursor = self.connection.execute(_placeholders(sql), tuple(params))
        names = [d.name for d in cursor.description or ()]
        return names, cursor.fetchall() if cursor.description else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A PostgreSQL transaction (nested calls become savepoints)."""
        with self.connection.transaction():
            yield

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def drop_schema(self) -> None:
        """Drop this connection's schema and everything in it (for tests)."""
        if self.schema:
            self.connection.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")

"""Versioned schema migrations: each runs once, in its own transaction, recorded in schema_migrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dateline.store.backend import Backend
from dateline.store.schema import create_statements


@dataclass(frozen=True)
class Migration:
    """One step of the schema: ``statements(dialect)`` gives its SQL."""

    version: int
    name: str
    statements: Callable[[str], list[str]]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, sources, extraction tables, near-duplicate index, full-text search", create_statements),
)
LATEST = MIGRATIONS[-1].version


def current_version(backend: Backend) -> int:
    """The schema version of the database (0 when it is empty)."""
    backend.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    rows = backend.execute("SELECT max(version) FROM schema_migrations")
    return int(rows[0][0] or 0)


def migrate(backend: Backend) -> list[int]:
    """Apply every migration the database lacks; return the versions applied."""
    applied: list[int] = []
    version = current_version(backend)
    if version > LATEST:
        raise RuntimeError(f"{backend.location}: schema version {version} is newer than this Dateline ({LATEST})")
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        with backend.transaction():
            if backend.dialect == "postgres":
                backend.execute("SELECT pg_advisory_xact_lock(7464131)")
                if current_version(backend) >= migration.version:
                    continue
            for statement in migration.statements(backend.dialect):
                backend.execute(statement)
            backend.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
        applied.append(migration.version)
    return applied

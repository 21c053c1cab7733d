"""The corpus store: schema, migrations, SQLite and PostgreSQL back ends behind one interface."""

from dateline.store.store import Match, Store

__all__ = ["Match", "Store"]

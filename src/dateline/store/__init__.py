"""The corpus store: schema, migrations, SQLite and PostgreSQL back ends behind one interface."""

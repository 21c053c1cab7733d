"""The Store: open a SQLite file or PostgreSQL URL, write analysed articles, read them back, run SQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from datasketch import MinHash

from dateline.record import Article, Record
from dateline.store import dedup
from dateline.store.backend import Backend, connect
from dateline.store.migrations import migrate
from dateline.store.records import record_from_dict
from dateline.store.rows import DocumentRows, attach_mentions, column_names, document_rows, item_from_row
from dateline.store.schema import ARTICLE_COLUMNS, ITEM_TABLES

PAGE = 200
TABLES = ("articles", "sources", *(table.name for table in ITEM_TABLES))


class AlreadyStored(Exception):
    """An article with the same content hash was committed meanwhile (by another ingest)."""


@dataclass(frozen=True)
class Match:
    """A stored article a new one nearly duplicates, with their estimated Jaccard similarity."""

    article_id: int
    similarity: float


class Store:
    """A corpus store; use :meth:`open` (or the context manager) rather than the constructor."""

    def __init__(self, backend: Backend, banding: dedup.Banding | None = None) -> None:
        self.backend = backend
        self.banding = banding or dedup.Banding.for_threshold()
        migrate(backend)

    @classmethod
    def open(cls, target: str, schema: str | None = None, threshold: float = dedup.DEFAULT_THRESHOLD) -> Store:
        """Open (creating and migrating if needed) a SQLite path or a ``postgresql://`` URL."""
        return cls(connect(target, schema), dedup.Banding.for_threshold(threshold))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.backend.close()

    # -- duplicates ---------------------------------------------------------------------------

    def find_hash(self, content_hash: str) -> int | None:
        """The id of the stored article with this content hash, if any."""
        rows = self.backend.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))
        return int(rows[0][0]) if rows else None

    def near_duplicate(self, minhash: MinHash) -> Match | None:
        """The most similar stored first copy whose similarity reaches the threshold, if any."""
        keys = dedup.buckets(minhash, self.banding)
        marks = ", ".join("?" for _ in keys)
        rows = self.backend.execute(
            "SELECT DISTINCT s.article_id, s.signature FROM minhash_buckets b "
            f"JOIN minhash_signatures s ON s.article_id = b.article_id WHERE b.bucket IN ({marks})",
            keys,
        )
        best: Match | None = None
        for article_id, data in rows:
            similarity = minhash.jaccard(dedup.signature_from_bytes(bytes(data)))
            if similarity >= self.banding.threshold and (best is None or similarity > best.similarity):
                best = Match(int(article_id), similarity)
        return best

    # -- writing ------------------------------------------------------------------------------

    def write_article(
        self,
        article: Article,
        content_hash: str,
        minhash: MinHash | None,
        document: dict[str, Any] | DocumentRows | None,
        status: str = "analysed",
        duplicate_of: int | None = None,
        similarity: float | None = None,
        error: str | None = None,
    ) -> int:
        """Store one article and its extractions in one transaction; return its row id.

        ``status`` is 'analysed', 'near_duplicate' (``duplicate_of`` names the first copy; not
        analysed) or 'failed' (``error`` says why). Only first copies enter the LSH index.
        ``document`` is a record document (``Record.to_dict()``) or its rows already built.
        """
        prepared = document if isinstance(document, DocumentRows) else document_rows(document)
        try:
            return self._write(article, content_hash, minhash, prepared, status, duplicate_of, similarity, error)
        except Exception as failure:
            if _is_unique_violation(failure) and self.find_hash(content_hash) is not None:
                raise AlreadyStored(content_hash) from None
            raise

    def _write(
        self, article: Article, content_hash: str, minhash: MinHash | None, prepared: DocumentRows, status: str,
        duplicate_of: int | None, similarity: float | None, error: str | None,
    ) -> int:
        with self.backend.transaction():
            source_id = self._source_id(article.source)
            values = {
                "article_key": article.id, "source_id": source_id, "url": article.url, "title": article.title,
                "published": article.published, "text": article.text, "text_offset": article.text_offset,
                "location": article.location, "word_count": len(article.text.split()),
                "content_hash": content_hash, "status": status, "duplicate_of": duplicate_of,
                "similarity": similarity, "error": error,
                "sentences": prepared.sentences, "extractors": prepared.extractors,
                "extra": json.dumps(article.extra, ensure_ascii=False, default=str),
                "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            }
            names = [name for name, _kind in ARTICLE_COLUMNS]
            rows = self.backend.execute(
                f"INSERT INTO articles ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) RETURNING id",
                [values[name] for name in names],
            )
            article_id = int(rows[0][0])
            if self.backend.dialect == "sqlite":
                self.backend.execute(
                    "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                    (article_id, article.title or "", article.text),
                )
            if minhash is not None and status != "near_duplicate":
                self.backend.execute(
                    "INSERT INTO minhash_signatures (article_id, signature) VALUES (?, ?)",
                    (article_id, dedup.signature_bytes(minhash)),
                )
                self.backend.executemany(
                    "INSERT INTO minhash_buckets (bucket, article_id) VALUES (?, ?)",
                    [(key, article_id) for key in dedup.buckets(minhash, self.banding)],
                )
            for table in ITEM_TABLES:
                items = [[article_id, *values] for values in prepared.items.get(table.name, ())]
                columns = column_names(table)
                self.backend.executemany(
                    f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                    items,
                )
            if self.backend.dialect == "sqlite" and prepared.items.get("quotes"):
                self.backend.execute(
                    "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE article_id = ?",
                    (article_id,),
                )
        return article_id

    def _source_id(self, name: str | None) -> int | None:
        if not name:
            return None
        self.backend.execute("INSERT INTO sources (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,))
        return int(self.backend.execute("SELECT id FROM sources WHERE name = ?", (name,))[0][0])

    # -- reading ------------------------------------------------------------------------------

    def documents(self, include_duplicates: bool = False) -> Iterator[dict[str, Any]]:
        """Every stored article as a `dateline/1` document plus a ``store`` part (row id, status,
        duplicate_of, similarity, content_hash), in ingest order, a page at a time."""
        last = 0
        while True:
            names, rows = self.backend.columns(
                "SELECT a.*, s.name AS source_name FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
                "WHERE a.id > ? ORDER BY a.id LIMIT ?",
                (last, PAGE),
            )
            if not rows:
                return
            articles = [dict(zip(names, row, strict=True)) for row in rows]
            last = int(articles[-1]["id"])
            items = self._items(int(articles[0]["id"]), last)
            for row in articles:
                if row["status"] == "near_duplicate" and not include_duplicates:
                    continue
                yield _document(row, items.get(int(row["id"]), {}))

    def records(self, include_duplicates: bool = False) -> Iterator[Record]:
        """Every stored article as a typed :class:`Record`."""
        for document in self.documents(include_duplicates):
            yield record_from_dict(document)

    def _items(self, first: int, last: int) -> dict[int, dict[str, list[dict[str, Any]]]]:
        found: dict[int, dict[str, list[dict[str, Any]]]] = {}
        for table in ITEM_TABLES:
            names, rows = self.backend.columns(
                f"SELECT * FROM {table.name} WHERE article_id BETWEEN ? AND ? ORDER BY article_id, idx", (first, last)
            )
            for row in rows:
                values = dict(zip(names, row, strict=True))
                found.setdefault(int(values["article_id"]), {}).setdefault(table.part, []).append(
                    item_from_row(table, values)
                )
        for parts in found.values():
            attach_mentions(parts.setdefault("entities", []), parts.pop("mentions", []))
        return found

    def sql(self, query: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run any SQL (``?`` placeholders) and return column names and rows."""
        return self.backend.columns(query, params)

    def counts(self) -> dict[str, int]:
        """Rows per table, and articles per status."""
        result = {table: int(self.backend.execute(f"SELECT count(*) FROM {table}")[0][0]) for table in TABLES}
        for status, count in self.backend.execute("SELECT status, count(*) FROM articles GROUP BY status"):
            result[f"articles.{status}"] = int(count)
        return result

    def search(self, words: str, limit: int = 20) -> list[tuple[int, str | None]]:
        """Ids and titles of articles whose title or text match ``words`` (full-text search)."""
        if self.backend.dialect == "sqlite":
            rows = self.backend.execute(
                "SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (words, limit),
            )
        else:
            rows = self.backend.execute(
                "SELECT id, title FROM articles WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) "
                "@@ plainto_tsquery('english', ?) ORDER BY id LIMIT ?",
                (words, limit),
            )
        return [(int(row[0]), row[1]) for row in rows]


def _is_unique_violation(failure: Exception) -> bool:
    import sqlite3

    if isinstance(failure, sqlite3.IntegrityError):
        return "UNIQUE" in str(failure)
    return getattr(failure, "sqlstate", None) == "23505"


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _document(row: dict[str, Any], parts: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    from dateline import __version__
    from dateline.record import SCHEMA

    article = {
        "id": row["article_key"], "text": row["text"], "published": row["published"], "source": row["source_name"],
        "url": row["url"], "title": row["title"], "location": row["location"], "text_offset": row["text_offset"],
        "extra": _json(row["extra"]) or {},
    }
    document: dict[str, Any] = {"schema": SCHEMA, "dateline_version": __version__, "article": article,
                                "sentences": _json(row["sentences"]) or []}
    for table in ITEM_TABLES:
        if table.part != "mentions":
            document[table.part] = parts.get(table.part, [])
    document["extractors"] = _json(row["extractors"]) or {}
    document["store"] = {
        "article_id": int(row["id"]), "status": row["status"], "duplicate_of": row["duplicate_of"],
        "similarity": row["similarity"], "content_hash": row["content_hash"], "error": row["error"],
    }
    return document

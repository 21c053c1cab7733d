"""The PostgreSQL back end against the real server (127.0.0.1:5432, database test): same schema,
same code paths, same results as SQLite. Each test works in its own schema and drops it."""

from __future__ import annotations

import io
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.export.gkg import export_gkg
from dateline.export.jsonl import export_jsonl
from dateline.record import Article
from dateline.store import Store
from dateline.store.jobs import ingest
from dateline.store.migrations import LATEST

URL = os.environ.get("DATELINE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
pytestmark = pytest.mark.postgres


def _server_answers() -> str | None:
    try:
        import psycopg

        with psycopg.connect(URL, connect_timeout=3):
            return None
    except Exception as error:
        return f"no PostgreSQL server answers at {URL} ({type(error).__name__}); set DATELINE_TEST_POSTGRES"


@pytest.fixture
def pg_store() -> Iterator[Store]:
    reason = _server_answers()
    if reason:
        pytest.skip(reason)
    schema = f"dateline_test_{uuid.uuid4().hex[:12]}"
    store = Store.open(URL, schema=schema)
    try:
        yield store
    finally:
        store.backend.drop_schema()  # type: ignore[attr-defined]
        store.close()


@pytest.fixture
def stub_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_ANALYSIS", "stub")


def _articles() -> list[Article]:
    texts = [
        "Negotiators met in Doha on Wednesday, officials said, and talks will go on next week.",
        "At least 19 people were killed in strikes overnight, the health ministry said on Thursday.",
        "The council voted to rebuild the harbour bridge after the storm destroyed it last winter.",
    ]
    return [Article(id=f"p{i}", text=text, published="2023-12-20", source="Wire", title=f"Story {i}")
            for i, text in enumerate(texts)]


def test_store_postgres_migrates_and_reingest_is_a_no_op(pg_store: Store, stub_analysis: None) -> None:
    assert pg_store.sql("SELECT max(version) FROM schema_migrations")[1] == [(LATEST,)]
    first = ingest(pg_store, _articles())
    second = ingest(pg_store, _articles())
    assert (first.new, second.new, second.duplicate) == (3, 0, 3)
    counts = pg_store.counts()
    assert (counts["articles"], counts["entities"], counts["mentions"], counts["sources"]) == (3, 3, 3, 1)


def test_store_postgres_near_duplicate_and_search(pg_store: Store, stub_analysis: None) -> None:
    articles = _articles()
    copy = Article(id="copy", published="2023-12-21", text=articles[1].text + " Reporting by the wire desk.")
    summary = ingest(pg_store, [*articles, copy])
    assert summary.near_duplicate == 1
    assert pg_store.sql("SELECT duplicate_of FROM articles WHERE article_key = 'copy'")[1] == [
        pg_store.sql("SELECT id FROM articles WHERE article_key = 'p1'")[1][0]
    ]
    assert [title for _id, title in pg_store.search("harbour bridge")] == ["Story 2"]


def test_store_postgres_gives_the_same_documents_as_sqlite(pg_store: Store, tmp_path: Path, nlp: object) -> None:
    lite = Store.open(str(tmp_path / "same.db"))
    for store in (pg_store, lite):
        ingest(store, _articles())
    pg_docs, lite_docs = io.StringIO(), io.StringIO()
    export_jsonl(pg_store, pg_docs)
    export_jsonl(lite, lite_docs)

    def comparable(text: str) -> list[dict[str, object]]:
        documents = [json.loads(line) for line in text.splitlines()]
        for document in documents:
            document.pop("store")
        return documents

    assert comparable(pg_docs.getvalue()) == comparable(lite_docs.getvalue())
    pg_gkg, lite_gkg = io.StringIO(), io.StringIO()
    export_gkg(pg_store, pg_gkg)
    export_gkg(lite, lite_gkg)
    assert pg_gkg.getvalue() == lite_gkg.getvalue()
    lite.close()

"""The SQLite store and the batch job: idempotent re-ingest, near-duplicates, round trips, migrations."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.record import Article
from dateline.store import Store
from dateline.store.jobs import FailFast, Options, ingest
from dateline.store.migrations import LATEST

REPO = Path(__file__).resolve().parents[1]
ALLSIDES = REPO.parent / "shared" / "corpus" / "allsides_baly" / "allsides_baly_sample.jsonl"
# Real syndicated copies found with MinHash (5-word shingles) over the AllSides sample:
# (first copy, later copy): Courier-Journal / USA TODAY, Daily Mail / AP, The Guardian / Fox.
SYNDICATED = [("OwN5m6aTzodMK8Xa", "v9aR4HZQOPviqqr8"), ("RHQbQZCjwWNSwPzV", "j6yJvAL7c9Si7lXb"),
              ("NOBNbN7kmbAqFzrY", "SYPeGeWE4H1uV8ts")]
UNRELATED = ["004Gt3gcsotuiYmz", "hSvdkWfp380aDTo6", "IaKqYjvp2d3MdeNj"]


@pytest.fixture
def stub_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_ANALYSIS", "stub")


def _articles(count: int, prefix: str = "a") -> list[Article]:
    words = ["harbour", "election", "drought", "vaccine", "railway", "orchestra", "glacier", "satellite", "council", "river", "market", "bridge", "school", "court", "ministry", "border", "village", "factory", "festival", "museum", "airport", "stadium"]
    articles = []
    for i in range(count):
        rng = random.Random(f"{prefix}{i}")
        text = " ".join(rng.choice(words) for _ in range(80)) + "."
        articles.append(Article(id=f"{prefix}{i}", published="2023-12-20", source="Test Wire", location=f"test:{i}",
                                text=text))
    return articles


def test_store_reingest_is_a_no_op(tmp_path: Path, stub_analysis: None) -> None:
    db = str(tmp_path / "corpus.db")
    with Store.open(db) as store:
        first = ingest(store, _articles(20))
        counts = store.counts()
        second = ingest(store, _articles(20))
        assert (first.new, first.duplicate) == (20, 0)
        assert (second.read, second.new, second.duplicate, second.near_duplicate) == (20, 0, 20, 0)
        assert store.counts() == counts


def test_store_duplicate_within_one_batch_is_stored_once(tmp_path: Path, stub_analysis: None) -> None:
    articles = _articles(3)
    copy = Article(id="copy", text=articles[0].text.replace("  ", " "), published="2023-12-21")
    with Store.open(str(tmp_path / "c.db")) as store:
        summary = ingest(store, [*articles, copy])
        assert (summary.new, summary.duplicate) == (3, 1)
        assert store.counts()["articles"] == 3


def _allsides(ids: list[str]) -> dict[str, Article]:
    found: dict[str, Article] = {}
    with ALLSIDES.open(encoding="utf-8") as handle:
        for line in handle:
            if any(f'"id": "{article_id}"' in line[:40] for article_id in ids):
                data = json.loads(line)
                found[data["id"]] = Article(id=data["id"], text=data["text"], published=data["published"],
                                            source=data["source"], title=data["title"])
    return found


@pytest.mark.skipif(not ALLSIDES.exists(), reason="needs ../shared/corpus/allsides_baly")
def test_store_near_duplicates_on_real_syndicated_copies(tmp_path: Path, stub_analysis: None) -> None:
    wanted = [article_id for pair in SYNDICATED for article_id in pair] + UNRELATED
    found = _allsides(wanted)
    firsts = [found[first] for first, _ in SYNDICATED] + [found[u] for u in UNRELATED]
    copies = [found[copy] for _, copy in SYNDICATED]
    with Store.open(str(tmp_path / "s.db")) as store:
        ingest(store, firsts)
        summary = ingest(store, copies)
        assert (summary.near_duplicate, summary.new) == (3, 0)
        _names, rows = store.sql(
            "SELECT a.article_key, f.article_key, a.similarity FROM articles a JOIN articles f ON f.id = a.duplicate_of "
            "WHERE a.status = 'near_duplicate' ORDER BY a.id"
        )
        assert [(copy, first) for copy, first, _similarity in rows] == [(c, f) for f, c in SYNDICATED]
        assert all(similarity >= 0.5 for *_ids, similarity in rows)
        assert store.sql("SELECT count(*) FROM articles WHERE status = 'analysed'")[1][0][0] == 6


def test_store_near_duplicate_within_one_batch_links_to_first_copy(tmp_path: Path, stub_analysis: None) -> None:
    original = _articles(1)[0]
    edited = Article(id="edited", published="2023-12-21", text=original.text + " Reporting by the wire desk.")
    with Store.open(str(tmp_path / "n.db")) as store:
        summary = ingest(store, [original, *_articles(4, "b")[1:], edited])
        assert summary.near_duplicate == 1
        _names, rows = store.sql("SELECT duplicate_of FROM articles WHERE article_key = 'edited'")
        assert rows == [(store.sql("SELECT id FROM articles WHERE article_key = 'a0'")[1][0][0],)]


def test_store_bad_records_are_counted_and_fail_fast_stops(tmp_path: Path, stub_analysis: None) -> None:
    errors: list[InputError] = []
    items: list[Article | InputError] = [*_articles(2), InputError("x.jsonl:3", "invalid JSON"), *_articles(2, "z")]
    with Store.open(str(tmp_path / "f.db")) as store:
        summary = ingest(store, items, Options(on_error=errors.append))
        assert (summary.read, summary.new, summary.failed) == (5, 4, 1)
        assert [str(e) for e in errors] == ["x.jsonl:3: invalid JSON"]
        with pytest.raises(FailFast, match="invalid JSON"):
            ingest(store, [InputError("x.jsonl:3", "invalid JSON")], Options(fail_fast=True))


def test_store_refuses_an_article_over_the_analysis_limit(tmp_path: Path, stub_analysis: None) -> None:
    huge = Article(id="huge", text="word " * 300_000, published="2023-12-20", location="huge.jsonl:1")
    errors: list[InputError] = []
    with Store.open(str(tmp_path / "h.db")) as store:
        summary = ingest(store, [huge], Options(on_error=errors.append))
    assert summary.failed == 1 and "the limit is 1,000,000" in errors[0].message


def test_store_round_trips_real_analysis_and_opens_in_plain_sqlite(tmp_path: Path, nlp: Any) -> None:
    from dateline.analyse.pipeline import analyse_article
    from dateline.ingest.sources import read_source

    samples = [item for item in read_source(str(REPO / "samples")) if isinstance(item, Article)][:3]
    db = tmp_path / "real.db"
    with Store.open(str(db)) as store:
        summary = ingest(store, samples)
        assert summary.new == 3
        stored = {record.article.id: record for record in store.records()}
        assert store.search("Haniyeh")
    for article in samples:
        expected = analyse_article(article, nlp).to_dict()
        got = stored[article.id].to_dict()
        for part in ("sentences", "entities", "quotes", "figures", "times", "events", "flags", "framing", "extractors"):
            assert got[part] == expected[part], part
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "sources", "entities", "mentions", "quotes", "figures", "times", "events", "flags",
            "framing", "articles_fts", "quotes_fts", "schema_migrations"} <= tables
    assert connection.execute("SELECT max(version) FROM schema_migrations").fetchone() == (LATEST,)
    columns = {row[1] for row in connection.execute("PRAGMA table_info(quotes)")}
    assert {"char_start", "char_end", "text", "sentence", "extractor", "extractor_version", "confidence",
            "data"} <= columns


def test_store_writes_a_document_and_its_prebuilt_rows_alike(tmp_path: Path, nlp: Any) -> None:
    from dateline.analyse.pipeline import analyse_article
    from dateline.ingest.sources import read_source
    from dateline.store.rows import document_rows

    article = next(item for item in read_source(str(REPO / "samples")) if isinstance(item, Article))
    document = analyse_article(article, nlp).to_dict()
    rows = document_rows(document)
    assert len(rows.items["quotes"]) == len(document["quotes"]) > 0
    tables = ("entities", "mentions", "quotes", "figures", "times", "events", "flags", "framing")
    stored = []
    for name, written in (("document", document), ("rows", rows)):
        with Store.open(str(tmp_path / f"{name}.db")) as store:
            store.write_article(article, "h1", None, written)
            stored.append([store.sql(f"SELECT * FROM {table} ORDER BY id")[1] for table in tables]
                          + [store.sql("SELECT sentences, extractors FROM articles")[1]])
    assert stored[0] == stored[1]
    assert all(stored[0][:3])


def test_store_migrations_run_once(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    Store.open(db).close()
    with Store.open(db) as store:
        assert store.sql("SELECT version FROM schema_migrations")[1] == [(LATEST,)]


def test_store_two_workers_store_the_same_as_one(tmp_path: Path, stub_analysis: None) -> None:
    with Store.open(str(tmp_path / "w1.db")) as one, Store.open(str(tmp_path / "w2.db")) as two:
        ingest(one, _articles(40), Options(workers=1, chunk_size=8))
        summary = ingest(two, _articles(40), Options(workers=2, chunk_size=8))
        assert summary.new == 40 and 1 <= len(summary.peak_rss_bytes) <= 2
        query = "SELECT article_key, content_hash, status FROM articles ORDER BY id"
        assert one.sql(query) == two.sql(query)


def test_store_same_text_committed_meanwhile_counts_as_duplicate(tmp_path: Path) -> None:
    from dateline.store import dedup
    from dateline.store.store import AlreadyStored

    article = _articles(1)[0]
    digest = dedup.content_hash(article.text)
    with Store.open(str(tmp_path / "race.db")) as store:
        store.write_article(article, digest, dedup.signature(article.text), None)
        with pytest.raises(AlreadyStored):
            store.write_article(article, digest, dedup.signature(article.text), None)
        assert store.counts()["articles"] == 1


def test_store_worker_setup_exempts_the_loaded_tables_from_garbage_collection() -> None:
    import gc

    from dateline.store import analysis

    analysis.load_worker()
    assert analysis._NLP is not None
    assert gc.get_freeze_count() > 100_000  # the pipeline, lexicons and gazetteers

"""Exports: GKG 2.1 rows in GDELT's exact format, Dateline JSON Lines, CSV and Parquet per table."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.export.csv import export_csv
from dateline.export.gkg import export_gkg, gkg_fields
from dateline.export.gkg_format import GKG_FIELDS, format_gkg_line, parse_gkg_line
from dateline.export.jsonl import export_jsonl
from dateline.export.parquet import export_parquet
from dateline.record import Article, Attribution, Entity, Figure, Mention, Quote, Record, Span, TimeExpr
from dateline.store import Store
from dateline.store.jobs import ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GKG_SAMPLES = [SHARED / "corpus" / "gdelt" / "20230702153000.gkg.sample300.csv",
               SHARED / "datasets" / "gdelt-gkg21-sample" / "20170701234500.gkg.sample50.tsv"]
TEXT = 'Officials in Doha said at least 19 people were killed. "We will go on," said Ismail Haniyeh.'


def _item(text: str, occurrence: int = 0) -> dict[str, object]:
    start = TEXT.index(text, occurrence)
    return {"start": start, "end": start + len(text), "text": text, "sentence": 0 if start < 54 else 1,
            "extractor": "test", "extractor_version": "1"}


def _record() -> Record:
    article = Article(id="t1", text=TEXT, published="2023-12-20", source="Example Wire",
                      url="https://example.org/t1", title="Talks & truce")
    doha = Entity(**_item("Doha"), id="e1", name="Doha", type="GPE", mentions=[Mention(**_item("Doha"))],  # type: ignore[arg-type]
                  place={"name": "Doha", "country_code": "QA", "feature_class": "P", "feature_code": "PPLC",
                         "geonameid": 290030, "latitude": 25.2855, "longitude": 51.531})
    haniyeh = Entity(**_item("Ismail Haniyeh"), id="e2", name="Ismail Haniyeh", type="PERSON",  # type: ignore[arg-type]
                     mentions=[Mention(**_item("Ismail Haniyeh"))])  # type: ignore[arg-type]
    figure = Figure(**_item("at least 19 people"), number=Span(40, 42, "19"), lower=19, upper=None,  # type: ignore[arg-type]
                    category="killed", subject="people", source=Attribution(text="Officials"), place="e1")
    quote = Quote(**_item("We will go on,"), kind="direct", speaker=Attribution(text="Ismail Haniyeh", entity="e2"))  # type: ignore[arg-type]
    time = TimeExpr(**_item("Doha"), type="DATE", value="2023-12-20")  # type: ignore[arg-type]
    return Record(article=article, sentences=[Span(0, 54, TEXT[:54]), Span(55, len(TEXT), TEXT[55:])],
                  entities=[doha, haniyeh], figures=[figure], quotes=[quote], times=[time])


@pytest.mark.parametrize("path", GKG_SAMPLES, ids=lambda p: p.name)
def test_export_gkg_format_round_trips_real_gdelt_rows(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"needs {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line.rstrip("\r\n") for line in handle]
    assert lines
    for line in lines:
        assert format_gkg_line(parse_gkg_line(line)) == line


def test_export_gkg_row_has_27_fields_in_gdelt_syntax() -> None:
    line = format_gkg_line(gkg_fields(_record(), 7))
    values = line.split("\t")
    assert len(values) == 27
    row = dict(zip(GKG_FIELDS, values, strict=True))
    assert row["GKGRECORDID"] == "20231220000000-7" and row["V2.1DATE"] == "20231220000000"
    assert row["V1COUNTS"] == "KILL#19#people#4#Doha, Qatar#QA#QA#25.2855#51.531#290030"
    assert row["V2.1COUNTS"] == f"KILL#19#people#4#Doha, Qatar#QA#QA#25.2855#51.531#290030#{TEXT.index('at least')}"
    assert row["V2ENHANCEDLOCATIONS"] == f"4#Doha, Qatar#QA#QA##25.2855#51.531#290030#{TEXT.index('Doha')}"
    assert row["V1PERSONS"] == "ismail haniyeh"
    assert row["V2ENHANCEDPERSONS"] == f"Ismail Haniyeh,{TEXT.index('Ismail')}"
    assert row["V2.1QUOTATIONS"] == f"{TEXT.index('We will')}|14||We will go on,"
    assert row["V2.1AMOUNTS"] == f"19,people,{TEXT.index('at least')};"
    assert row["V2.1ENHANCEDDATES"] == f"3#12#20#2023#{TEXT.index('Doha')}"
    assert row["V2EXTRASXML"] == "<PAGE_TITLE>Talks &amp; truce</PAGE_TITLE>"
    assert format_gkg_line(parse_gkg_line(line)) == line


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("DATELINE_ANALYSIS", "stub")
    opened = Store.open(str(tmp_path / "export.db"))
    ingest(opened, [_record().article, Article(id="t2", text="Second story about a harbour.", published="2023-12-21")])
    document = _record().to_dict()
    opened.backend.execute("DELETE FROM articles_fts")
    opened.backend.execute("DELETE FROM mentions")
    opened.backend.execute("DELETE FROM entities")
    opened.backend.execute("DELETE FROM minhash_buckets")
    opened.backend.execute("DELETE FROM minhash_signatures")
    opened.backend.execute("DELETE FROM articles")
    opened.write_article(_record().article, "h1", None, document)
    return opened


def test_export_jsonl_keeps_bounds_sources_and_qualifiers(store: Store) -> None:
    out = io.StringIO()
    assert export_jsonl(store, out) == 1
    (document,) = [json.loads(line) for line in out.getvalue().splitlines()]
    (figure,) = document["figures"]
    assert (figure["lower"], figure["upper"], figure["source"]["text"]) == (19, None, "Officials")
    assert document["quotes"][0]["speaker"]["entity"] == "e2"
    assert document["schema"] == "dateline/1"


def test_export_gkg_from_store_writes_one_row_per_analysed_article(store: Store) -> None:
    out = io.StringIO()
    assert export_gkg(store, out) == 1
    assert out.getvalue().split("\t")[5].startswith("KILL#19#people#4#Doha, Qatar#QA")


def test_export_csv_and_parquet_write_every_table(store: Store, tmp_path: Path) -> None:
    counts = export_csv(store, tmp_path / "csv")
    assert counts["figures"] == 1 and counts["mentions"] == 2
    with (tmp_path / "csv" / "figures.csv").open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["category"], row["lower_bound"], row["char_start"]) == ("killed", "19", str(TEXT.index("at least")))
    export_parquet(store, tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "figures.parquet")
    assert table.column("lower_bound").to_pylist() == [19]
    assert table.column("approx").to_pylist() == [False]
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 1

"""The Python API: analyze() for one text, analyze_many() for a stream, both giving the record."""

from __future__ import annotations

import pytest

import dateline
from dateline.analyse.base import Extractor
from dateline.analyse.pipeline import EXTRACTORS, check_order
from dateline.errors import InputError


def test_api_analyze_returns_a_record_with_offsets_into_the_given_text() -> None:
    text = "Officials in Kyiv said on Monday that 12 people were killed."
    record = dateline.analyze(text, published="2024-01-10", source="Wire", title="Strike")
    assert record.article.text == text
    assert record.article.source == "Wire" and record.article.title == "Strike"
    assert set(record.extractors) == {e.name for e in EXTRACTORS}
    document = record.to_dict()
    assert document["schema"] == "dateline/1"
    for part in ("entities", "quotes", "figures", "times", "events", "flags", "framing"):
        for item in document[part]:
            assert text[item["start"] : item["end"]] == item["text"]


def test_api_analyze_rejects_an_impossible_date() -> None:
    with pytest.raises(InputError, match="impossible date"):
        dateline.analyze("Text.", published="2023-02-29")


def test_api_analyze_many_streams_records_in_order() -> None:
    records = [
        {"id": "a", "published": "2024-01-01", "text": "First article."},
        {"id": "b", "published": "2024-01-02", "text": "Second article."},
    ]
    assert [r.article.id for r in dateline.analyze_many(records)] == ["a", "b"]
    with pytest.raises(InputError, match="record 1: missing 'published'"):
        list(dateline.analyze_many([{"id": "c", "text": "x"}]))


def test_api_pipeline_order_is_checked() -> None:
    check_order(EXTRACTORS)
    late = Extractor(name="late", version="1", needs=("nothing",), writes=(), run=lambda analysis: None)
    with pytest.raises(ValueError, match="extractor 'late' needs nothing written before it"):
        check_order([*EXTRACTORS, late])

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


def test_api_entity_at_prefers_the_largest_overlap_then_the_first_listed(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.analyse.base import Analysis
    from dateline.record import Article, Entity, Mention

    text = "Isaac Herzog met the Israeli President in Jerusalem."
    analysis = Analysis(Article(id="t", text=text, published="2024-01-01"), nlp(text))

    def mention(start: int, end: int, kind: str = "name") -> Mention:
        return Mention(start=start, end=end, text=text[start:end], sentence=0, extractor="t", extractor_version="1", kind=kind)

    def entity(entity_id: str, *mentions: Mention) -> Entity:
        first = mentions[0]
        return Entity(start=first.start, end=first.end, text=first.text, sentence=0, extractor="t",
                      extractor_version="1", id=entity_id, name=first.text, type="PERSON", mentions=list(mentions))

    herzog = entity("herzog", mention(0, 12), mention(17, 38, "description"))
    other = entity("other", mention(29, 41))
    place = entity("jerusalem", mention(42, 51))
    analysis.record.entities = [herzog, other, place]
    assert analysis.entity_at(6, 12) is herzog
    assert analysis.entity_at(29, 38) is herzog  # equal overlap (9): the first listed wins
    assert analysis.entity_at(36, 45) is other  # 5 characters against 2 and 3
    assert analysis.entity_at(12, 17) is None
    analysis.record.entities.append(entity("late", mention(13, 16)))
    assert analysis.entity_at(12, 17).id == "late"  # type: ignore[union-attr]  # the index follows new entities


def test_api_token_ranges_match_a_scan_of_the_whole_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.analyse.base import Analysis
    from dateline.record import Article

    text = 'Hamas said: "We agreed."\n\nThe talks in Doha, officials said, will resume.'
    analysis = Analysis(Article(id="t", text=text, published="2024-01-01"), nlp(text))
    doc = analysis.doc
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            within = [t.i for t in doc if start <= t.idx and t.idx + len(t.text) <= end]
            starting = [t.i for t in doc if start <= t.idx < end]
            assert [t.i for t in analysis.tokens_within(start, end)] == within
            assert [t.i for t in analysis.tokens_starting_within(start, end)] == starting

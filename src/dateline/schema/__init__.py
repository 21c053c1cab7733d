"""The published JSON Schema of the `dateline/1` document, and validation against it."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).with_name("dateline-1.schema.json")


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema as a dict."""
    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def validate_document(document: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if ``document`` is not a valid `dateline/1` document,
    or ValueError if an item's text is not the article text at its offsets."""
    import jsonschema

    jsonschema.validate(document, load_schema())
    text = document["article"]["text"]
    for part in ("sentences", "entities", "quotes", "figures", "times", "events", "flags", "framing"):
        for index, item in enumerate(document[part]):
            if text[item["start"] : item["end"]] != item["text"]:
                raise ValueError(f"{part}[{index}]: text {item['text']!r} is not article.text[{item['start']}:{item['end']}]")

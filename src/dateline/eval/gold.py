"""Reading `dateline-gold/1` files: the article they name and their strings located as spans."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.ingest.decode import decode_text
from dateline.ingest.jsonl import record_to_article
from dateline.ingest.text import has_dateline_header, parse_dateline_text
from dateline.record import Article

GOLD_FORMAT = "dateline-gold/1"


@dataclass
class GoldFile:
    """One gold annotation with its article; ``full_text`` is the text gold strings index into."""

    path: Path
    data: dict[str, Any]
    article: Article
    full_text: str

    def locate(self, text: str, occurrence: int | None = None, within: tuple[int, int] | None = None) -> tuple[int, int]:
        """The span of a gold string: its ``occurrence``-th place (1-based), else its first."""
        start, end = within or (0, len(self.full_text))
        found = [m.start() for m in re.finditer(re.escape(text), self.full_text[start:end])]
        if not found:
            raise InputError(str(self.path), f"gold string not found in the article: {text!r}")
        index = (occurrence or 1) - 1
        if index >= len(found):
            raise InputError(str(self.path), f"gold string {text!r} occurs {len(found)} time(s), not {occurrence}")
        return start + found[index], start + found[index] + len(text)

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """Every whole-word occurrence of ``text`` in the article."""
        pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
        return [(m.start(), m.end()) for m in pattern.finditer(self.full_text)]


def find_gold_files(paths: list[str]) -> list[Path]:
    """Expand folders into their ``*.gold.json`` files, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(path.rglob("*.gold.json")))
        else:
            found.append(path)
    return found


def load_gold(path: Path) -> GoldFile:
    """Read a gold file and the article it names (a path relative to shared/, or {corpus, id})."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"cannot read gold file ({error}); expected {GOLD_FORMAT} JSON") from None
    if not isinstance(data, dict) or data.get("format") != GOLD_FORMAT:
        raise InputError(str(path), f"not a gold file (expected \"format\": \"{GOLD_FORMAT}\")")
    reference = data.get("article")
    if isinstance(reference, str):
        article_path = _resolve(path, reference)
        full_text = decode_text(article_path.read_bytes(), str(article_path))
        if has_dateline_header(full_text):
            article = parse_dateline_text(full_text, str(article_path))
        else:
            article = Article(id=article_path.stem, text=full_text, location=str(article_path))
    elif isinstance(reference, dict) and {"corpus", "id"} <= reference.keys():
        corpus_path = _resolve(path, str(reference["corpus"]))
        article = _article_from_corpus(corpus_path, str(reference["id"]))
        full_text = article.text
    else:
        raise InputError(str(path), "'article' must be a path relative to shared/ or {\"corpus\", \"id\"}")
    if data.get("published"):
        article.published = str(data["published"])
    return GoldFile(path=path, data=data, article=article, full_text=full_text)


def _resolve(gold_path: Path, reference: str) -> Path:
    """Find ``reference`` relative to the nearest folder above the gold file that holds it."""
    for folder in gold_path.resolve().parents:
        candidate = folder / reference
        if candidate.exists():
            return candidate
    raise InputError(str(gold_path), f"article {reference!r} not found relative to any folder above the gold file")


def _article_from_corpus(corpus_path: Path, record_id: str) -> Article:
    opener = __import__("gzip").open if corpus_path.suffix == ".gz" else open
    with opener(corpus_path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if f'"{record_id}"' not in line:
                continue
            data = json.loads(line)
            if str(data.get("id")) == record_id:
                return record_to_article(data, f"{corpus_path}:{number}")
    raise InputError(str(corpus_path), f"no record with id {record_id!r}")

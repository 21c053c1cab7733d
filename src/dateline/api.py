"""The public Python API: analyse one text or a stream of records."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from dateline.analyse.pipeline import analyse_article, analyse_articles
from dateline.errors import InputError
from dateline.ingest.dates import parse_published
from dateline.ingest.jsonl import record_to_article
from dateline.nlp import load_pipeline
from dateline.record import Article, Record


def analyze(
    text: str,
    published: str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> Record:
    """Analyse one article text published on ``published`` (YYYY-MM-DD).

    Without a date, relative times ("on Wednesday") stay unresolved.
    """
    if published is not None:
        try:
            published = parse_published(published)
        except ValueError as error:
            raise InputError("published", str(error)) from None
    article = Article(
        id=id or _text_id(text), text=text, published=published, source=source, title=title, url=url
    )
    return analyse_article(article, load_pipeline())


def analyze_many(records: Iterable[Article | Mapping[str, Any]], batch_size: int = 16) -> Iterator[Record]:
    """Analyse a stream of Articles or ``{id, source, url, published, title, text}`` mappings.

    Mappings are validated as JSON Lines records are; a bad one raises InputError.
    """

    def articles() -> Iterator[Article]:
        for number, item in enumerate(records, 1):
            yield item if isinstance(item, Article) else record_to_article(dict(item), f"record {number}")

    return analyse_articles(articles(), load_pipeline(), batch_size=batch_size)


def _text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

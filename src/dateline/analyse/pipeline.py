"""The per-article analysis, top to bottom: text and date in, record out.

The stages run in this order; each is one module of this package:
  1. entities  — names, aliases, role descriptions, group nouns, resolved within the article
  2. places    — GPE/LOC/FAC entities geocoded offline
  3. times     — temporal expressions normalised against the publication date
  4. quotes    — direct, indirect and mixed speech with speaker and cue
  5. figures   — counts with bounds, category, subject, source and modality
  6. events    — PLOVER-typed events with actors, targets, place and date
  7. flags     — the article's own inconsistencies
  8. framing   — loaded wording with its neutral counterpart
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from dateline.analyse import entities, events, figures, flags, framing, places, quotes, times
from dateline.analyse.base import Analysis, Extractor
from dateline.record import Article, Record

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EXTRACTORS: tuple[Extractor, ...] = (
    entities.EXTRACTOR,
    places.EXTRACTOR,
    times.EXTRACTOR,
    quotes.EXTRACTOR,
    figures.EXTRACTOR,
    events.EXTRACTOR,
    flags.EXTRACTOR,
    framing.EXTRACTOR,
)


def check_order(extractors: Sequence[Extractor]) -> None:
    """Raise ValueError if an extractor needs a part no earlier extractor writes."""
    written: set[str] = set()
    for extractor in extractors:
        missing = [part for part in extractor.needs if part not in written]
        if missing:
            raise ValueError(f"extractor {extractor.name!r} needs {', '.join(missing)} written before it")
        written.update(extractor.writes)


check_order(EXTRACTORS)


def analyse_doc(article: Article, doc: Doc, extractors: Sequence[Extractor] = EXTRACTORS) -> Record:
    """Run the extractors over an already parsed article."""
    analysis = Analysis(article, doc)
    for extractor in extractors:
        extractor.run(analysis)
        analysis.record.extractors[extractor.name] = extractor.version
    return analysis.record


def analyse_article(article: Article, nlp: Language) -> Record:
    """Parse and analyse one article."""
    return analyse_doc(article, nlp(article.text))


def analyse_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 16) -> Iterator[Record]:
    """Analyse a stream of articles, parsing them in batches with ``nlp.pipe``."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analyse_doc(article, doc)

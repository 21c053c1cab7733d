"""What every extractor shares: the analysis state it reads and writes, and its declaration."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDX, LENGTH

from dateline.record import Article, Entity, Quote, Record, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def coverage_mask(length: int, ranges: Iterable[tuple[int, int]]) -> bytearray:
    """One byte per character of a text of ``length`` characters (and one past its end): 1 inside
    any of ``ranges``. Tests "is this character covered?" in constant time."""
    mask = bytearray(length + 1)
    for start, end in ranges:
        start, end = max(0, start), min(length, end)
        if end > start:
            mask[start:end] = b"\x01" * (end - start)
    return mask


@dataclass(frozen=True)
class Extractor:
    """An analysis step: ``needs`` names the record parts it reads, ``writes`` those it fills.

    The pipeline checks that every part an extractor needs was written by an earlier one.
    """

    name: str
    version: str
    needs: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[Analysis], None]


class Analysis:
    """One article under analysis: its spaCy Doc and the record the extractors build."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.text = article.text
        self.record = Record(article=article)
        self.record.sentences = [self.span(s.start_char, s.end_char) for s in doc.sents]
        self._sentence_starts = [s.start for s in self.record.sentences]
        self._index_fingerprint: tuple[int, int] | None = None
        self._index: tuple[list[int], list[tuple[int, int, int, Entity]]] = ([], [])
        self._longest_mention = 0
        self._token_starts: list[int] | None = None
        self._token_ends: list[int] = []
        self._tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        """The Doc's tokens, built once: iterating a Doc builds a new Token object per word each time."""
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    def sentence_index(self, char: int) -> int:
        """Index of the sentence that holds character ``char``."""
        return max(0, bisect.bisect_right(self._sentence_starts, char) - 1)

    def tokens_within(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside ``[start, end)``, in order (a bisection, not a scan)."""
        starts, ends = self._token_index()
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_right(ends, end)
        return list(self.doc[first:last]) if last > first else []

    def tokens_starting_within(self, start: int, end: int) -> list[Token]:
        """The tokens whose first character lies inside ``[start, end)``, in order."""
        starts, _ = self._token_index()
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        return list(self.doc[first:last]) if last > first else []

    def _token_index(self) -> tuple[list[int], list[int]]:
        if self._token_starts is None:
            starts_and_lengths = self.doc.to_array([IDX, LENGTH])
            self._token_starts = starts_and_lengths[:, 0].tolist()
            self._token_ends = (starts_and_lengths[:, 0] + starts_and_lengths[:, 1]).tolist()
        return self._token_starts, self._token_ends

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the article text."""
        return Span(start, end, self.text[start:end])

    def provenance(
        self, start: int, end: int, extractor: str, version: str, confidence: float, sentence_of: int | None = None
    ) -> dict[str, Any]:
        """The fields every item carries, for ``[start, end)`` of the article, to spread into its
        constructor; the sentence is the one holding ``sentence_of`` (default: ``start``)."""
        return {
            "start": start, "end": end, "text": self.text[start:end],
            "sentence": self.sentence_index(start if sentence_of is None else sentence_of),
            "extractor": extractor, "extractor_version": version, "confidence": confidence,
        }

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention or description overlapping ``[start, end)``, best overlap first
        (on a tie, the one listed first)."""
        starts, spans = self._mention_index()
        best: tuple[int, int, Entity] | None = None
        first = bisect.bisect_left(starts, start - self._longest_mention)
        for mention_start, mention_end, order, entity in spans[first : bisect.bisect_left(starts, end)]:
            overlap = min(end, mention_end) - max(start, mention_start)
            if overlap > 0 and (best is None or (overlap, -order) > (best[0], -best[1])):
                best = (overlap, order, entity)
        return best[2] if best else None

    def _mention_index(self) -> tuple[list[int], list[tuple[int, int, int, Entity]]]:
        """Every mention and description sorted by start; rebuilt when the entities change."""
        entities = self.record.entities
        fingerprint = (len(entities), sum(len(e.mentions) + len(e.descriptions) for e in entities))
        if fingerprint != self._index_fingerprint:
            spans: list[tuple[int, int, int, Entity]] = []
            for entity in entities:
                for mention in (*entity.mentions, *entity.descriptions):
                    spans.append((mention.start, mention.end, len(spans), entity))
            spans.sort(key=lambda item: (item[0], item[2]))
            self._index = ([item[0] for item in spans], spans)
            self._longest_mention = max((item[1] - item[0] for item in spans), default=0)
            self._index_fingerprint = fingerprint
        return self._index

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The quote whose content holds ``[start, end)``, if any."""
        return next((q for q in self.record.quotes if q.start <= start and end <= q.end), None)

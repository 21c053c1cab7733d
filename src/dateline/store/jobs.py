"""The batch job: read SOURCES, drop duplicates, analyse the rest in worker processes, store each
article in its own transaction.

Order is kept: articles are analysed in chunks, at most a few chunks in flight, and written in
the order they were read, so memory stays bounded whatever the corpus size. After a crash, a
re-run skips what was committed (content hash) and finishes the rest.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from datasketch import MinHash, MinHashLSH

from dateline.errors import InputError
from dateline.ingest.limits import MAX_ARTICLE_CHARS
from dateline.record import Article
from dateline.store import dedup
from dateline.store.analysis import ChunkResult, analyse_chunk, load_worker, peak_rss_bytes
from dateline.store.store import AlreadyStored, Store


class FailFast(Exception):
    """Raised by :func:`ingest` with ``fail_fast`` at the first bad record."""


@dataclass
class Summary:
    """What a job did: records read, articles new, duplicate, near-duplicate, failed."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    analysis_seconds: float = 0.0
    write_seconds: float = 0.0
    writes: int = 0
    peak_rss_bytes: dict[int, int] = field(default_factory=dict)

    def line(self) -> str:
        """The one-line closing summary."""
        return (
            f"read {self.read}, new {self.new}, duplicate {self.duplicate}, "
            f"near-duplicate {self.near_duplicate}, failed {self.failed} in {self.seconds:.1f} s"
        )


@dataclass
class Options:
    """How a job runs."""

    workers: int = 1
    chunk_size: int = 16
    fail_fast: bool = False
    limit: int | None = None
    on_error: Callable[[InputError], None] | None = None
    on_warning: Callable[[str], None] | None = None
    on_progress: Callable[[Summary], None] | None = None


@dataclass
class _Entry:
    article: Article
    content_hash: str
    minhash: MinHash
    duplicate_of: int | None = None
    duplicate_of_hash: str | None = None
    similarity: float | None = None

    @property
    def needs_analysis(self) -> bool:
        return self.duplicate_of is None and self.duplicate_of_hash is None


@dataclass
class _Chunk:
    entries: list[_Entry]
    pending: AsyncResult[ChunkResult] | None = None


def ingest(store: Store, items: Iterable[Article | InputError], options: Options | None = None) -> Summary:
    """Store and analyse every new article of ``items``; return the summary."""
    return _Job(store, options or Options()).run(items)


class _Job:
    def __init__(self, store: Store, options: Options) -> None:
        self.store = store
        self.options = options
        self.summary = Summary()
        self.in_flight: dict[str, _Entry] = {}
        self.lsh = MinHashLSH(threshold=store.banding.threshold, num_perm=dedup.NUM_PERM)
        self.chunks: deque[_Chunk] = deque()
        self.pool: Pool | None = None

    def run(self, items: Iterable[Article | InputError]) -> Summary:
        started = time.perf_counter()
        if self.options.workers > 1:
            context = multiprocessing.get_context("spawn")
            self.pool = context.Pool(self.options.workers, initializer=load_worker)
        try:
            chunk: list[_Entry] = []
            for item in items:
                if self.options.limit is not None and self.summary.read >= self.options.limit:
                    break
                self.summary.read += 1
                entry = self._classify(item)
                if entry is not None:
                    chunk.append(entry)
                if len(chunk) >= self.options.chunk_size:
                    self._submit(chunk)
                    chunk = []
                self._progress()
            if chunk:
                self._submit(chunk)
            while self.chunks:
                self._drain()
        finally:
            if self.pool is not None:
                self.pool.terminate()
                self.pool.join()
            self.summary.seconds = time.perf_counter() - started
        if self.pool is None:
            self.summary.peak_rss_bytes.setdefault(0, peak_rss_bytes())
        return self.summary

    def _classify(self, item: Article | InputError) -> _Entry | None:
        if isinstance(item, InputError):
            self._fail(item)
            return None
        if len(item.text) > MAX_ARTICLE_CHARS:
            self._fail(InputError(item.location or item.id, f"article of {len(item.text):,} characters "
                                  f"(the limit is {MAX_ARTICLE_CHARS:,}; refused)"))
            return None
        repair = item.extra.get("invalid_utf8") if item.extra else None
        if repair and self.options.on_warning is not None:
            self.options.on_warning(
                f"{item.location or item.id}: {repair.get('replaced')} invalid UTF-8 sequence(s) replaced by U+FFFD "
                f"(first at byte {repair.get('first_byte')}; UTF-8 declared by {repair.get('declared_by')})")
        content_hash = dedup.content_hash(item.text)
        if content_hash in self.in_flight or self.store.find_hash(content_hash) is not None:
            self.summary.duplicate += 1
            return None
        entry = _Entry(item, content_hash, dedup.signature(item.text))
        match = self.store.near_duplicate(entry.minhash)
        if match is not None:
            entry.duplicate_of, entry.similarity = match.article_id, match.similarity
        else:
            best = max(((entry.minhash.jaccard(self.in_flight[key].minhash), key) for key in self.lsh.query(entry.minhash)),
                       default=None)
            if best is not None and best[0] >= self.store.banding.threshold:
                entry.similarity, entry.duplicate_of_hash = best
            else:
                self.lsh.insert(content_hash, entry.minhash)
        self.in_flight[content_hash] = entry
        return entry

    def _submit(self, entries: list[_Entry]) -> None:
        chunk = _Chunk(entries)
        articles = [entry.article for entry in entries if entry.needs_analysis]
        if self.pool is not None and articles:
            chunk.pending = self.pool.apply_async(analyse_chunk, (articles,))
        self.chunks.append(chunk)
        # Three chunks a worker: while the main process waits for the oldest chunk (writes keep the
        # read order), a worker that finished a short one still finds work queued.
        limit = 3 * self.options.workers if self.pool is not None else 0
        while len(self.chunks) > limit:
            self._drain()

    def _drain(self) -> None:
        chunk = self.chunks.popleft()
        articles = [entry.article for entry in chunk.entries if entry.needs_analysis]
        started = time.perf_counter()
        if chunk.pending is not None:
            result = chunk.pending.get()
        else:
            result = analyse_chunk(articles) if articles else ChunkResult([], 0, 0)
        self.summary.analysis_seconds += time.perf_counter() - started
        if result.pid:
            previous = self.summary.peak_rss_bytes.get(result.pid, 0)
            self.summary.peak_rss_bytes[result.pid] = max(previous, result.peak_rss_bytes)
        outcomes = iter(result.outcomes)
        for entry in chunk.entries:
            self._write(entry, next(outcomes) if entry.needs_analysis else None)
            self._progress()

    def _write(self, entry: _Entry, outcome: Any) -> None:
        started = time.perf_counter()
        try:
            self._store(entry, outcome)
        except AlreadyStored:  # another ingest into the same store committed the same text meanwhile
            self.summary.duplicate += 1
            if entry.needs_analysis:
                self.lsh.remove(entry.content_hash)
        del self.in_flight[entry.content_hash]
        self.summary.write_seconds += time.perf_counter() - started
        self.summary.writes += 1

    def _store(self, entry: _Entry, outcome: Any) -> None:
        if entry.needs_analysis:
            status = "analysed" if outcome.rows is not None else "failed"
            self.store.write_article(entry.article, entry.content_hash, entry.minhash, outcome.rows,
                                     status=status, error=outcome.error)
            self.lsh.remove(entry.content_hash)
            if outcome.error:
                self._fail(InputError(entry.article.location or entry.article.id, outcome.error))
            else:
                self.summary.new += 1
                self.summary.words += len(entry.article.text.split())
        else:
            first = entry.duplicate_of
            if first is None and entry.duplicate_of_hash is not None:
                first = self.store.find_hash(entry.duplicate_of_hash)
            self.store.write_article(entry.article, entry.content_hash, entry.minhash, None,
                                     status="near_duplicate", duplicate_of=first, similarity=entry.similarity)
            self.summary.near_duplicate += 1

    def _fail(self, error: InputError) -> None:
        self.summary.failed += 1
        if self.options.on_error is not None:
            self.options.on_error(error)
        if self.options.fail_fast:
            raise FailFast(str(error))

    def _progress(self) -> None:
        if self.options.on_progress is not None:
            self.options.on_progress(self.summary)

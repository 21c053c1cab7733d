"""The analysis side of a batch job: turn a chunk of articles into the rows the store writes.

It runs in the main process (one worker) or in each worker process. Setting the environment
variable ``DATELINE_ANALYSIS=stub`` replaces the spaCy analysis with an instant one-sentence
record (for crash and speed tests of the store alone).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.record import Article, Entity, Mention, Record, Span
from dateline.store.rows import DocumentRows, document_rows

if TYPE_CHECKING:
    from spacy.language import Language

_NLP: Language | None = None
PR_SET_PDEATHSIG = 1


@dataclass
class Outcome:
    """The analysis of one article: its record's rows (the article part aside) or the error."""

    rows: DocumentRows | None
    error: str | None = None


@dataclass
class ChunkResult:
    """What a worker sends back for one chunk: the outcomes in order, its pid and peak RSS."""

    outcomes: list[Outcome]
    pid: int
    peak_rss_bytes: int


def load_worker() -> None:
    """Load the pipeline once per process (the pool initializer); a worker dies with its parent."""
    global _NLP
    _die_with_parent()
    if _NLP is None and os.environ.get("DATELINE_ANALYSIS") != "stub":
        from dateline.nlp import load_pipeline

        _NLP = load_pipeline()
        _settle(_NLP)


def _settle(nlp: Language) -> None:
    """Load every extractor's tables with one small article, then exempt what is loaded from
    garbage collection: a million lexicon and gazetteer objects live as long as the worker, and
    rescanning them made each collection cost a few milliseconds."""
    from dateline.analyse.pipeline import analyse_article

    warm_up = Article(id="warm-up", published="2024-01-01",
                      text="Officials in Gaza City said on Monday that 3 people were killed, the ministry reported.")
    analyse_article(warm_up, nlp)
    gc.collect()
    gc.freeze()


def _die_with_parent() -> None:
    """On Linux, ask for SIGKILL when the parent process dies (so a killed ingest leaves no workers)."""
    parent_process = multiprocessing.parent_process()
    if parent_process is None:
        return
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    # PDEATHSIG follows the thread that started the worker, not the process, and is not seen
    # everywhere: a watchdog that notices being re-parented is the backstop.
    # The parent may already be gone when a slow-starting worker gets here: compare with its pid.
    parent = parent_process.pid or os.getppid()
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True, name="dateline-orphan-watch").start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.25)
    os._exit(1)


def analyse_chunk(articles: list[Article]) -> ChunkResult:
    """Analyse ``articles`` with ``nlp.pipe``; one failing article does not fail the others."""
    if os.environ.get("DATELINE_ANALYSIS") == "stub":
        outcomes = [Outcome(_rows(_stub_record(article))) for article in articles]
    else:
        outcomes = _analyse(articles)
    return ChunkResult(outcomes, os.getpid(), peak_rss_bytes())


def peak_rss_bytes() -> int:
    """This process's peak resident set size so far (VmHWM: unlike ru_maxrss, not inherited from
    the parent across fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _analyse(articles: list[Article]) -> list[Outcome]:
    from dateline.analyse.pipeline import analyse_article, analyse_articles

    load_worker()
    assert _NLP is not None
    outcomes: list[Outcome] = []
    try:
        for record in analyse_articles(iter(articles), _NLP):
            outcomes.append(Outcome(_rows(record)))
    except Exception:  # redo the rest one by one, so that only the failing article fails
        for article in articles[len(outcomes) :]:
            try:
                outcomes.append(Outcome(_rows(analyse_article(article, _NLP))))
            except Exception as error:
                outcomes.append(Outcome(None, f"analysis failed: {type(error).__name__}: {error}"))
    return outcomes


def _rows(record: Record) -> DocumentRows:
    document = record.to_dict()
    document.pop("article", None)
    return document_rows(document)


def _stub_record(article: Article) -> Record:
    """One sentence and one entity for the first word: enough items to check stores are whole."""
    record = Record(article=article, sentences=[Span(0, len(article.text), article.text)])
    word = article.text.split()[0] if article.text.split() else article.text
    start = article.text.find(word)
    end = start + len(word)
    mention = Mention(start=start, end=end, text=word, sentence=0, extractor="stub", extractor_version="0")
    record.entities = [Entity(start=start, end=end, text=word, sentence=0, extractor="stub", extractor_version="0",
                              id="e1", name=word, type="ORG", mentions=[mention])]
    record.extractors = {"stub": "0"}
    return record

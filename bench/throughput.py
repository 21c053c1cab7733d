"""Throughput of the corpus layer on real articles (AllSides, Baly et al.; mean ~956 words).

Measured in one run, over the same texts (the first N distinct articles: exact and near-duplicates
of an earlier one are passed over, since the ingest would not analyse them):
  1. bare spaCy: the complete en_core_web_sm pipeline (``nlp.pipe``) alone, one process;
  2. full analysis with one worker: ``dateline ingest`` (read, dedupe, nlp.pipe, extractors, store);
     1 and 2 alternate in blocks so that load from other users of the machine hits both alike;
  3. full analysis with two workers into a fresh store, in a process of its own (``--two-workers-only``).
Reports articles/s and words/s per core, the ratio of (2) to (1) time (wall clock, and the CPU time
of the one process, which other users of the machine do not disturb), peak RSS per worker,
the store's write rate and size per article, and the speed-up of two workers over one.

Run: .venv/bin/python bench/throughput.py [--limit N] [--block B]   (N defaults to 5000)
Writes bench/results/throughput.json after each phase (so a long run leaves partial figures).
``--stages N`` instead times each spaCy component and each extractor on N articles
(bench/results/throughput_stages.json): where the analysis spends its time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from datasketch import MinHash, MinHashLSH

from dateline.ingest.jsonl import read_jsonl
from dateline.nlp import load_pipeline
from dateline.record import Article
from dateline.store import Store, dedup
from dateline.store.analysis import peak_rss_bytes
from dateline.store.jobs import Options, Summary, ingest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "allsides_baly" / "allsides_baly_sample.jsonl"
RESULTS = REPO / "bench" / "results" / "throughput.json"


def load_articles(limit: int, distinct: bool = False) -> list[Article]:
    """The first ``limit`` dated articles of the AllSides sample (undated records are read errors).

    With ``distinct``, exact and near-duplicates of an earlier article are passed over, so that
    the ingest analyses every text that bare spaCy parses (it skips duplicates by design).
    """
    articles: list[Article] = []
    kept: dict[str, MinHash] = {}
    lsh = MinHashLSH(threshold=dedup.DEFAULT_THRESHOLD, num_perm=dedup.NUM_PERM)
    for item in read_jsonl(CORPUS):
        if not isinstance(item, Article):
            continue
        if distinct:
            key, minhash = dedup.content_hash(item.text), dedup.signature(item.text)
            similar = (minhash.jaccard(kept[other]) >= dedup.DEFAULT_THRESHOLD for other in lsh.query(minhash))
            if key in kept or any(similar):
                continue
            kept[key] = minhash
            lsh.insert(key, minhash)
        articles.append(item)
        if len(articles) >= limit:
            break
    return articles


def cpu_model() -> str:
    """The processor's model name and clock (articles/s depend on the host; the ratios much less)."""
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "unknown"
    fields = {key.strip(): value for key, value in (line.split(":", 1) for line in info if ":" in line)}
    return " ".join(fields.get(key, "").strip() for key in ("model name", "cpu MHz")).strip() or "unknown"


def store_size(path: Path) -> int:
    """Bytes of the SQLite file and its WAL."""
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    """Run the three phases and write the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--block", type=int, default=250)
    parser.add_argument("--two-workers-only", action="store_true",
                        help="Only phase 3 (two workers), written to throughput_two_workers.json.")
    parser.add_argument("--stages", type=int, help="Only time each pipeline stage on this many articles.")
    args = parser.parse_args()
    if args.stages:
        stages = stage_seconds(load_articles(args.stages))
        path = RESULTS.with_name("throughput_stages.json")
        path.write_text(json.dumps({"articles": args.stages, "seconds": stages}, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(stages, indent=2))
        return
    articles = load_articles(args.limit, distinct=True)
    words = sum(len(a.text.split()) for a in articles)
    if args.two_workers_only:
        two_workers_only(articles, words)
        return
    results: dict[str, Any] = {"corpus": "allsides_baly", "articles": len(articles), "words": words,
                               "mean_words": round(words / len(articles), 1), "cpu_count": os.cpu_count(),
                               "cpu_model": cpu_model(),
                               "load_average_start": os.getloadavg()}
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    nlp = load_pipeline(fast=False)  # the bare, complete en_core_web_sm pipeline as shipped
    spacy_seconds, spacy_cpu, ingest_cpu, tokens = 0.0, 0.0, 0.0, 0
    one = Summary()
    db_one = work / "one.db"
    with Store.open(str(db_one)) as store:
        for start in range(0, len(articles), args.block):
            block = articles[start : start + args.block]
            began, began_cpu = time.perf_counter(), time.process_time()
            for doc in nlp.pipe((a.text for a in block), batch_size=16):
                tokens += len(doc)
            spacy_seconds += time.perf_counter() - began
            spacy_cpu += time.process_time() - began_cpu
            began_cpu = time.process_time()
            summary = ingest(store, block, Options(workers=1))
            ingest_cpu += time.process_time() - began_cpu
            for name in ("new", "duplicate", "near_duplicate", "failed", "words", "writes"):
                setattr(one, name, getattr(one, name) + getattr(summary, name))
            one.seconds += summary.seconds
            one.write_seconds += summary.write_seconds
            done = start + len(block)
            print(f"{done}/{len(articles)}: spaCy {done / spacy_seconds:.2f} art/s, "
                  f"analysis {done / one.seconds:.2f} art/s", file=sys.stderr, flush=True)
        store.backend.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    peak_one = peak_rss_bytes()
    results["bare_spacy"] = {"seconds": round(spacy_seconds, 1), "articles_per_s": round(len(articles) / spacy_seconds, 2),
                             "words_per_s": round(words / spacy_seconds), "tokens_per_s": round(tokens / spacy_seconds)}
    results["one_worker"] = _figures(one, len(articles), words, cores=1)
    results["one_worker"]["peak_rss_mb"] = round(peak_one / 2**20)
    results["one_worker"]["store_write_articles_per_s"] = round(one.writes / one.write_seconds, 1)
    results["one_worker"]["store_bytes_per_article"] = round(store_size(db_one) / max(1, one.writes))
    results["ratio_analysis_to_bare_spacy"] = round(one.seconds / spacy_seconds, 3)
    results["ratio_without_store_writes"] = round((one.seconds - one.write_seconds) / spacy_seconds, 3)
    # CPU time of this one process: the same ratio, unaffected by other users of the machine.
    results["cpu_seconds"] = {"bare_spacy": round(spacy_cpu, 1), "one_worker": round(ingest_cpu, 1)}
    results["ratio_cpu_analysis_to_bare_spacy"] = round(ingest_cpu / spacy_cpu, 3)
    _write(results)
    print(json.dumps(results, indent=2), file=sys.stderr, flush=True)
    # Phase 3 in a process of its own, as `dateline ingest --workers 2` runs: this one holds both
    # pipelines and the articles, which would make its collections dearer than a real ingest's.
    subprocess.run([sys.executable, __file__, "--two-workers-only", "--limit", str(args.limit)], check=True)
    two = json.loads(RESULTS.with_name("throughput_two_workers.json").read_text(encoding="utf-8"))
    results["two_workers"] = {**two["two_workers"], "peak_rss_mb_per_worker": two["peak_rss_mb_per_worker"],
                              "cpu_ms_per_article": two["cpu_ms_per_article"]}
    results["speedup_two_over_one"] = round(one.seconds / two["two_workers"]["seconds"], 2)
    results["load_average_end"] = os.getloadavg()
    _write(results)
    print(json.dumps(results, indent=2))


def two_workers_only(articles: list[Article], words: int) -> None:
    """Phase 3 alone: the full ingest with two workers, with store write rate and size per article."""
    db = Path(tempfile.mkdtemp(prefix="dateline-bench-")) / "two.db"
    main_cpu, children = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    with Store.open(str(db)) as store:
        began = time.perf_counter()

        def report(summary: Summary) -> None:
            if summary.writes and summary.writes % 250 == 0 and summary.writes != getattr(report, "last", 0):
                report.last = summary.writes  # type: ignore[attr-defined]
                print(f"{summary.writes} stored, {summary.writes / (time.perf_counter() - began):.2f} art/s",
                      file=sys.stderr, flush=True)

        two = ingest(store, articles, Options(workers=2, on_progress=report))
        store.backend.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    main_cpu = time.process_time() - main_cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    results = {"corpus": "allsides_baly", "articles": len(articles), "words": words,
               "two_workers": _figures(two, len(articles), words, cores=2),
               "peak_rss_mb_per_worker": sorted(round(v / 2**20) for v in two.peak_rss_bytes.values()),
               "peak_rss_mb_main": round(peak_rss_bytes() / 2**20),
               "store_write_articles_per_s": round(two.writes / two.write_seconds, 1),
               "store_bytes_per_article": round(store_size(db) / max(1, two.writes)),
               # Where the CPU went (the workers' pipeline loads included), and how busy both cores were.
               "cpu_ms_per_article": {"main": round(1000 * main_cpu / len(articles), 1),
                                      "workers": round(1000 * workers_cpu / len(articles), 1)},
               "cores_busy": round((main_cpu + workers_cpu) / (2 * two.seconds), 3),
               "load_average_end": os.getloadavg()}
    full = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if full.get("articles") == len(articles) and "one_worker" in full:
        # The one-worker time of the last full run over the same articles, for a speed-up.
        results["speedup_two_over_one_worker_of_last_full_run"] = round(full["one_worker"]["seconds"] / two.seconds, 2)
    path = RESULTS.with_name("throughput_two_workers.json")
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def stage_seconds(articles: list[Article]) -> dict[str, float]:
    """Seconds spent in each spaCy component and each extractor over ``articles``, largest first."""
    from dateline.analyse.base import Analysis
    from dateline.analyse.pipeline import EXTRACTORS

    nlp = load_pipeline()
    seconds: dict[str, float] = {}
    docs = [nlp.make_doc(article.text) for article in articles]
    for name, component in nlp.pipeline:
        began = time.perf_counter()
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs, batch_size=16)) if pipe else [component(doc) for doc in docs]
        seconds[f"spacy:{name}"] = time.perf_counter() - began
    for article, doc in zip(articles, docs, strict=True):
        analysis = Analysis(article, doc)
        for extractor in EXTRACTORS:
            began = time.perf_counter()
            extractor.run(analysis)
            seconds[f"extractor:{extractor.name}"] = seconds.get(f"extractor:{extractor.name}", 0.0) + (
                time.perf_counter() - began)
    return {name: round(value, 2) for name, value in sorted(seconds.items(), key=lambda kv: -kv[1])}


def _figures(summary: Summary, articles: int, words: int, cores: int) -> dict[str, Any]:
    return {"seconds": round(summary.seconds, 1), "new": summary.new, "near_duplicate": summary.near_duplicate,
            "duplicate": summary.duplicate, "failed": summary.failed,
            "articles_per_s_per_core": round(articles / summary.seconds / cores, 2),
            "words_per_s_per_core": round(words / summary.seconds / cores)}


def _write(results: dict[str, Any]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

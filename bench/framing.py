"""Benchmark of the framing extractor on headline corpora of two wars, by outlet.

RUWA (Russia–Ukraine, 2022: ukrinform, censor.net, Reuters, RT, TASS, news-front …) and the Gaza headlines
(2023–24, 756 publishers): how many headlines hold loaded wording, and which side's usage, per outlet.
Every match is written out for reading (false positives are judged by eye).

Run: .venv/bin/python bench/framing.py [N per corpus]   (writes bench/results/framing.json)
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dateline.analyse.base import Analysis
from dateline.analyse.framing import extract
from dateline.nlp import load_pipeline
from dateline.record import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPORA = {
    "ruwa": SHARED / "corpus" / "ruwa" / "ruwa_headlines.jsonl",
    "gaza_headlines": SHARED / "corpus" / "gaza_headlines" / "gaza_headlines.jsonl",
}


def headlines(path: Path, limit: int) -> list[tuple[str, str]]:
    """(outlet, headline + subheading) pairs, the first ``limit`` non-empty ones."""
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            text = ". ".join(part for part in (row.get("title"), row.get("text")) if part)
            if text:
                rows.append((row.get("source") or "?", text))
            if len(rows) >= limit:
                break
    return rows


def run(corpus: str, path: Path, limit: int) -> dict[str, Any]:
    """Framing matches over one corpus, counted by outlet and side."""
    nlp = load_pipeline()
    rows = headlines(path, limit)
    started = time.perf_counter()
    by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    terms: Counter[str] = Counter()
    matches = []
    for row, ((outlet, text), doc) in enumerate(zip(rows, nlp.pipe(text for _, text in rows), strict=True)):
        analysis = Analysis(Article(id="h", text=text), doc)
        extract(analysis)
        by_outlet[outlet]["headlines"] += 1
        for found in analysis.record.framing:
            by_outlet[outlet][found.side or "unresolved"] += 1
            terms[found.text.lower()] += 1
            # The headline's position, not its words: corpus texts stay their publishers' copyright.
            matches.append({"outlet": outlet, "text": found.text, "side": found.side, "headline_row": row})
    outlets = {o: dict(c) for o, c in sorted(by_outlet.items(), key=lambda kv: -kv[1]["headlines"])[:15]}
    return {
        "corpus": corpus, "headlines": len(rows), "with_framing": len({m["headline_row"] for m in matches}),
        "matches": len(matches), "seconds": round(time.perf_counter() - started, 1),
        "top_terms": terms.most_common(25), "by_outlet": outlets, "examples": matches,
    }


def main() -> None:
    """Print the figures and write them to bench/results/framing.json."""
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    results = [run(corpus, path, limit) for corpus, path in CORPORA.items()]
    for result in results:
        print(f"{result['corpus']}: {result['matches']} matches in {result['with_framing']} of "
              f"{result['headlines']} headlines ({result['seconds']} s)")
        print("  top terms:", ", ".join(f"{t} {n}" for t, n in result["top_terms"][:15]))
        for outlet, counts in result["by_outlet"].items():
            print(f"  {outlet}: {counts}")
    out = REPO / "bench" / "results" / "framing.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Benchmark of the flags extractor.

1. The seed article with a perfect upstream (entities, quotes, figures from its gold file): which gold flags
   the flag rules find when everything before them is right.
2. ``broken_sentence`` on real articles (basil, pac, bbc, polnear: first N of each): how many sentences
   are flagged, with every flagged text written out so a reader can judge false positives.
3. ``broken_sentence`` recall on synthetic fragments injected into polnear articles (N/6 articles).

Run: .venv/bin/python bench/flags.py [N]   (writes bench/results/flags.json)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from dateline.analyse.base import Analysis
from dateline.analyse.flag_sentences import broken_sentence_flags
from dateline.analyse.flags import extract as extract_flags
from dateline.eval.from_gold import record_from_gold
from dateline.eval.gold import load_gold
from dateline.eval.matching import overlap, span_match
from dateline.nlp import load_pipeline
from dateline.record import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seed" / "2023-12-20-haniyeh-doha.gold.json"
CORPORA = {
    "basil": SHARED / "corpus" / "basil" / "basil.jsonl",
    "pac": SHARED / "corpus" / "pac" / "pac.jsonl",
    "bbc": SHARED / "corpus" / "bbc" / "bbc.jsonl",
    "polnear": SHARED / "corpus" / "polnear" / "polnear.jsonl",
}


def seed_with_gold_upstream() -> dict[str, Any]:
    """Flags found on the seed article when entities, quotes and figures come from its gold file."""
    gold = load_gold(SEED_GOLD)
    perfect = record_from_gold(gold)
    analysis = Analysis(gold.article, load_pipeline()(gold.article.text))
    for part in ("entities", "quotes", "figures", "times", "events"):
        setattr(analysis.record, part, getattr(perfect, part))
    extract_flags(analysis)
    shift = gold.article.text_offset
    found = []
    for wanted in gold.data["flags"]:
        wanted_figures = [gold.locate(text) for text in wanted.get("figures", [])]
        target = gold.locate(wanted["text"]) if wanted.get("text") else None
        hit = False
        for flag in analysis.record.flags:
            if flag.kind != wanted["kind"]:
                continue
            spans = [(analysis.record.figures[i].start + shift, analysis.record.figures[i].end + shift) for i in flag.figures]
            if wanted_figures and all(any(overlap(w, s) for s in spans) for w in wanted_figures):
                hit = True
            if wanted.get("entities") and set(wanted["entities"]) <= set(flag.entities):
                hit = True
            if target and any(span_match((s.start + shift, s.end + shift), target) for s in flag.spans):
                hit = True
        found.append({"kind": wanted["kind"], "found": hit})
    return {
        "gold_flags": len(found),
        "found": sum(f["found"] for f in found),
        "per_flag": found,
        "system_flags": [{"kind": f.kind, "text": f.text} for f in analysis.record.flags],
    }


def broken_sentences_on(corpus: str, path: Path, limit: int) -> dict[str, Any]:
    """Run the broken-sentence rule over the first ``limit`` articles of a corpus."""
    nlp = load_pipeline()
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("text"):
                articles.append(Article(id=row["id"], text=row["text"], published=row.get("published")))
            if len(articles) >= limit:
                break
    sentences = 0
    flagged = []
    started = time.perf_counter()
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        analysis = Analysis(article, doc)
        sentences += len(analysis.record.sentences)
        for flag in broken_sentence_flags(analysis):
            flagged.append({"article": article.id, "text": flag.spans[1].text if len(flag.spans) > 1 else flag.text})
    return {
        "corpus": corpus,
        "articles": len(articles),
        "sentences": sentences,
        "flagged": len(flagged),
        "flagged_per_1000_sentences": round(1000 * len(flagged) / max(sentences, 1), 2),
        "seconds": round(time.perf_counter() - started, 1),
        "examples": flagged,
    }


def injected_fragments(path: Path, limit: int) -> dict[str, Any]:
    """Recall on synthetic fragments: in each article, one mid-paragraph sentence is cut to its first noun
    phrase ('The senior senator from Ohio.') and one is replaced by a person's name ('Smith.')."""
    nlp = load_pipeline()
    found = {"verbless": 0, "name": 0}
    tried = {"verbless": 0, "name": 0}
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for _, line in zip(range(limit), lines, strict=False)]
    for row in rows:
        doc = nlp(row["text"])
        sentences = [s for s in doc.sents if "\n" not in s.text.strip() and s.text.strip().endswith(".")]
        inner = sentences[1:-1]
        if len(inner) < 4:
            continue
        target = inner[len(inner) // 2]
        chunks = [c for c in target.noun_chunks if len(c) >= 2 and c.root.pos_ == "NOUN"]
        person = next((e for e in doc.ents if e.label_ == "PERSON"), None)
        cases = []
        if chunks:
            phrase = chunks[0].text[0].upper() + chunks[0].text[1:] + " in light of " + " and ".join(c.text for c in chunks[1:3] or chunks[:1])
            cases.append(("verbless", phrase.rstrip() + "."))
        if person is not None:
            cases.append(("name", person.text.split()[-1] + "."))
        for kind, replacement in cases:
            text = row["text"][: target.start_char] + replacement + row["text"][target.end_char :]
            analysis = Analysis(Article(id=row["id"], text=text), nlp(text))
            start = target.start_char
            tried[kind] += 1
            hit = any(f.start <= start < f.end for f in broken_sentence_flags(analysis))
            found[kind] += int(hit)
    return {kind: {"injected": tried[kind], "flagged": found[kind]} for kind in tried}


def main() -> None:
    """Print the figures and write them to bench/results/flags.json."""
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    results: dict[str, Any] = {"seed_gold_upstream": seed_with_gold_upstream(), "broken_sentence": []}
    seed = results["seed_gold_upstream"]
    print(f"seed, gold upstream: {seed['found']}/{seed['gold_flags']} gold flags found")
    for corpus, path in CORPORA.items():
        result = broken_sentences_on(corpus, path, limit)
        results["broken_sentence"].append(result)
        print(f"{corpus}: {result['flagged']} broken_sentence flags in {result['articles']} articles, "
              f"{result['sentences']} sentences ({result['flagged_per_1000_sentences']} per 1000)")
        for example in result["examples"]:
            print(f"    {example['article']}: {example['text'][:110]!r}")
    results["injected_fragments_polnear"] = injected_fragments(CORPORA["polnear"], max(20, limit // 6))
    print("injected fragments (polnear):", results["injected_fragments_polnear"])
    out = REPO / "bench" / "results" / "flags.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""UNER English-PUD benchmark for the entities extractor: conlleval-style exact-match micro P/R/F1.

Run: .venv/bin/python bench/uner.py [--mode document|sentence] [--spacy-only]
Reads ../shared/datasets/uner-en-pud/en_pud-ud-test.iob2, analyses each document (its sentences
joined by spaces) with the entities extractor, maps OntoNotes types to UNER's (PERSON -> PER,
ORG -> ORG, GPE/LOC/FAC -> LOC; NORP and EVENT dropped), drops a leading "the" (UNER spans never
include it), and scores exact token span + type matches. Writes bench/results/uner.json.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dateline.analyse.base import Analysis
from dateline.analyse.entities import extract
from dateline.nlp import load_pipeline
from dateline.record import Article

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "datasets" / "uner-en-pud" / "en_pud-ud-test.iob2"
RESULTS = REPO / "bench" / "results" / "uner.json"
TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
LEADING_ARTICLES = ("the ", "The ")

Mention = tuple[str, int, int, str]  # sentence id, first token, last token + 1, type


@dataclass
class Sentence:
    """One UNER sentence: tokens, gold BIO2 tags, and where each token sits in the joined text."""

    sent_id: str
    doc_id: str
    text: str = ""
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    offsets: list[tuple[int, int]] = field(default_factory=list)


def read_iob2(path: Path) -> list[Sentence]:
    """The sentences of a UNER ``.iob2`` file (5 tab-separated columns, comment lines)."""
    sentences: list[Sentence] = []
    doc_id = ""
    current: Sentence | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id = "):
            current = Sentence(line.split("=", 1)[1].strip(), doc_id)
            sentences.append(current)
        elif line.startswith("# text = ") and current is not None:
            current.text = line.split("=", 1)[1].strip()
        elif line.startswith("#") or not line.strip():
            continue
        elif current is not None:
            columns = line.split("\t")
            current.tokens.append(columns[1])
            current.tags.append(columns[2])
    return sentences


def gold_mentions(sentence: Sentence) -> set[Mention]:
    """BIO2 tags as exact spans."""
    found: set[Mention] = set()
    start: int | None = None
    kind = ""
    for index, tag in enumerate([*sentence.tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            found.add((sentence.sent_id, start, index, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = index, tag[2:]
    return found


def build_text(sentences: list[Sentence]) -> str:
    """Join the sentences' original texts by spaces and find every token in them (in order)."""
    parts: list[str] = []
    base = 0
    for sentence in sentences:
        sentence.offsets = []
        position = 0
        for token in sentence.tokens:
            found = sentence.text.find(token, position)
            if found < 0:  # a token the text spells differently: assume it follows directly
                found = position
            sentence.offsets.append((base + found, base + found + len(token)))
            position = found + len(token)
        parts.append(sentence.text)
        base += len(sentence.text) + 1
    return " ".join(parts)


def to_tokens(sentences: list[Sentence], start: int, end: int, kind: str) -> Mention | None:
    """A character span as a token span of the sentence holding it (None if it crosses sentences)."""
    for sentence in sentences:
        inside = [i for i, (s, e) in enumerate(sentence.offsets) if s < end and start < e]
        if inside:
            last = sentence.offsets[inside[-1]][1]
            if sentence.offsets[inside[0]][0] > start or last < end or inside[-1] - inside[0] + 1 != len(inside):
                return None
            return (sentence.sent_id, inside[0], inside[-1] + 1, kind)
    return None


def system_mentions(text: str, sentences: list[Sentence], nlp: object, spacy_only: bool) -> set[Mention]:
    """The extractor's (or plain spaCy's) name mentions as UNER token spans."""
    doc = nlp(text)  # type: ignore[operator]
    spans: list[tuple[int, int, str]] = []
    if spacy_only:
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    else:
        analysis = Analysis(Article(id="uner", text=text), doc)
        extract(analysis)
        spans = [(m.start, m.end, e.type) for e in analysis.record.entities for m in e.mentions if m.kind in ("name", "alias")]
    found: set[Mention] = set()
    for start, end, label in spans:
        kind = TYPE_MAP.get(label)
        if kind is None:
            continue
        if text[start:end].startswith(LEADING_ARTICLES):
            start += 4
        mention = to_tokens(sentences, start, end, kind)
        if mention:
            found.add(mention)
    return found


def prf(tp: int, gold: int, system: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    precision = tp / system if system else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold": gold, "system": system, "tp": tp}


def score(gold: set[Mention], system: set[Mention], prefix: str = "") -> dict[str, dict[str, float]]:
    """Micro scores overall and per type, over sentences whose id starts with ``prefix``."""
    gold = {g for g in gold if g[0].startswith(prefix)}
    system = {s for s in system if s[0].startswith(prefix)}
    result = {"all": prf(len(gold & system), len(gold), len(system))}
    for kind in ("PER", "ORG", "LOC"):
        g = {m for m in gold if m[3] == kind}
        s = {m for m in system if m[3] == kind}
        result[kind] = prf(len(g & s), len(g), len(s))
    return result


def main() -> None:
    """Run the benchmark, print the figures and write them to bench/results/uner.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("document", "sentence"), default="document")
    parser.add_argument("--spacy-only", action="store_true", help="score spaCy's NER alone (the baseline)")
    args = parser.parse_args()
    sentences = read_iob2(DATA)
    groups: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        key = sentence.doc_id if args.mode == "document" else sentence.sent_id
        groups.setdefault(key, []).append(sentence)
    nlp = load_pipeline()
    gold: set[Mention] = set()
    system: set[Mention] = set()
    began = time.perf_counter()
    for group in groups.values():
        text = build_text(group)
        for sentence in group:
            gold |= gold_mentions(sentence)
        system |= system_mentions(text, group, nlp, args.spacy_only)
    elapsed = time.perf_counter() - began
    result = {
        "benchmark": "UNER v1 English-PUD test (conlleval exact match, micro)",
        "system": "spaCy en_core_web_sm 3.8 NER only" if args.spacy_only else "dateline entities extractor",
        "mode": args.mode,
        "overall": score(gold, system),
        "news": score(gold, system, "n"),
        "wikipedia": score(gold, system, "w"),
        "errors": error_summary(gold, system),
        "seconds": round(elapsed, 1),
    }
    if not args.spacy_only and args.mode == "document":
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    else:
        variant = RESULTS.with_name(f"uner-{'spacy' if args.spacy_only else 'dateline'}-{args.mode}.json")
        variant.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for part in ("overall", "news", "wikipedia"):
        row = result[part]
        print(f"{part:10} F1 {row['all']['f1']:.3f}  P {row['all']['precision']:.3f}  R {row['all']['recall']:.3f}  "
              + "  ".join(f"{k} {row[k]['f1']:.3f}" for k in ("PER", "ORG", "LOC")))
    print(json.dumps(result["errors"], indent=1))


def error_summary(gold: set[Mention], system: set[Mention]) -> dict[str, int]:
    """Counts of error kinds: wrong type on the right span, boundary errors, misses, spurious."""
    gold_spans = {(g[0], g[1], g[2]): g[3] for g in gold}
    counts: Counter[str] = Counter()
    for mention in system - gold:
        key = (mention[0], mention[1], mention[2])
        if key in gold_spans:
            counts[f"type {mention[3]} for {gold_spans[key]}"] += 1
        elif any(g[0] == mention[0] and g[1] < mention[2] and mention[1] < g[2] for g in gold):
            counts["boundary"] += 1
        else:
            counts[f"spurious {mention[3]}"] += 1
    system_spans = {(s[0], s[1], s[2]) for s in system}
    for mention in gold - system:
        if (mention[0], mention[1], mention[2]) not in system_spans and not any(
            s[0] == mention[0] and s[1] < mention[2] and mention[1] < s[2] for s in system
        ):
            counts[f"missed {mention[3]}"] += 1
    return dict(counts.most_common())


if __name__ == "__main__":
    main()

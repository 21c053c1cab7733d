"""PolNeAR benchmark for the quotes extractor: content-span P/R/F1 and source accuracy on a split.

Reads ../shared/corpus/polnear/polnear.jsonl (compartment ``test`` by default; ``--split train``,
840 articles, for error analysis and ``--split dev`` as its check: tune on train, report test; the
first listed annotator of each article), runs the entities extractor and the quote finder over every article and prints:

* speech-only: gold attributions whose cue is a speech or writing cue of data/speech_cues.json
  (said, told, according to, a colon, ...) against the extractor as it runs in the pipeline;
* speech, clausal content: the speech-only gold without contents that hold no verb ("denied the
  charge", "praised Hillary Clinton"), which Dateline, like its own gold, does not count as quotes;
* all attributions: every gold attribution (beliefs, knowledge, evidence as well) against the
  quote finder with every cue kind switched on.

A system quote matches a gold content when at least 60% of the gold content's words fall inside
it and 60% of its words inside the gold content (the gold README rule); matching is one-to-one,
in text order. Quotes sharing one cue form one system relation (as PolNeAR usually annotates
them); where the annotator made a relation of each quote, a gold content may match the quotes of
that relation it overlaps, and the relation is correct when each of its quotes matches a content. Precision counts a system quote as correct when it matches any gold attribution of
the article (so a speech quote that PolNeAR files under a belief cue is not an error). Source
accuracy is over matched pairs with an explicit gold source: correct when the system speaker span
(or the pronoun it was resolved from) overlaps at least half of the gold source.

Run: .venv/bin/python bench/polnear.py [--split test|dev|train] [--limit N] [--misses FILE]; writes
bench/results/polnear.json (test) or bench/results/polnear_<split>.json (dev, train). ``--misses`` writes the
speech-only misses and false alarms of the split to FILE for error analysis.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dateline.analyse import entities  # noqa: E402
from dateline.analyse.base import Analysis  # noqa: E402
from dateline.analyse.quote_candidates import Candidate  # noqa: E402
from dateline.analyse.quote_cues import ALL_KINDS, SPEECH_KINDS, lexicon  # noqa: E402
from dateline.analyse.quote_direct import CONTINUES_NOTE  # noqa: E402
from dateline.analyse.quotes import find_candidates  # noqa: E402
from dateline.nlp import load_pipeline  # noqa: E402
from dateline.record import Article  # noqa: E402

POLNEAR = REPO.parent / "shared" / "corpus" / "polnear" / "polnear.jsonl"
RESULTS_DIR = REPO / "bench" / "results"
WORD = re.compile(r"\w+(?:['’]\w+)*")
SHARE = 0.6


@dataclass
class Gold:
    """One PolNeAR attribution: content words, source ranges and whether its cue is speech."""

    content: set[int]
    sources: list[tuple[int, int]]
    speech: bool
    clausal: bool
    ranges: list[tuple[int, int]] = field(default_factory=list)
    cues: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Tally:
    """Counts for one setting (speech-only or all attributions)."""

    gold: int = 0
    system: int = 0
    system_correct: int = 0
    gold_found: int = 0
    with_source: int = 0
    source_correct: int = 0
    misses: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float | int]:
        """Precision, recall, F1 and source accuracy with their counts."""
        precision = self.system_correct / self.system if self.system else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = self.source_correct / self.with_source if self.with_source else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "source_accuracy": round(accuracy, 3),
            "gold": self.gold,
            "system": self.system,
            "matched_gold": self.gold_found,
            "matched_with_source": self.with_source,
        }


def word_starts(text: str, ranges: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the words inside ``ranges`` (the unit the overlap rule counts)."""
    return {start + match.start() for start, end in ranges for match in WORD.finditer(text[start:end])}


def is_speech_cue(analysis: Analysis, cue_ranges: list[tuple[int, int]]) -> bool:
    """True when a gold cue is a speech or writing cue of the lexicon (by the lemmas of its words)."""
    table = lexicon()
    tokens = [t for t in analysis.doc if any(s <= t.idx < e for s, e in cue_ranges)]
    text = " ".join(analysis.text[s:e] for s, e in cue_ranges).lower()
    if text.strip() in (":", "—", "–") or "according to" in text:
        return True
    for token in tokens:
        lemma = token.lemma_.lower()
        entry = table.verbs.get(lemma) or table.nouns.get(lemma)
        if entry is not None and entry[0] in SPEECH_KINDS:
            return True
    return False


def gold_attributions(analysis: Analysis, article: dict[str, Any]) -> list[Gold]:
    """The article's attributions by its first listed annotator."""
    annotator = article["annotators"][0] if article["annotators"] else None
    found = []
    for attribution in article["attributions"]:
        if annotator is not None and attribution.get("annotator") != annotator:
            continue
        content = [tuple(span) for part in attribution.get("content", []) for span in part["spans"]]
        if not content:
            continue
        sources = [tuple(span) for part in attribution.get("source", []) for span in part["spans"]]
        cues = [tuple(span) for part in attribution.get("cue", []) for span in part["spans"]]
        speech = is_speech_cue(analysis, cues)  # type: ignore[arg-type]
        clausal = any(
            t.pos_ in ("VERB", "AUX") for t in analysis.doc if any(s <= t.idx < e for s, e in content)
        )
        found.append(
            Gold(word_starts(analysis.text, content), sources, speech, clausal, content, cues)  # type: ignore[arg-type]
        )
    return found


def matches(gold: set[int], system: set[int]) -> bool:
    """The 60%-both-ways word overlap rule."""
    shared = len(gold & system)
    return bool(gold and system) and shared / len(gold) >= SHARE and shared / len(system) >= SHARE


def source_correct(gold: Gold, candidate: Candidate) -> bool:
    """True when the system speaker (or its pronoun) covers at least half of the gold source."""
    speaker = candidate.speaker
    if speaker is None or speaker.start is None or speaker.end is None:
        return False
    spans = [(speaker.start, speaker.end)]
    if speaker.resolved_from is not None:
        spans.append((speaker.resolved_from.start, speaker.resolved_from.end))
    length = sum(end - start for start, end in gold.sources)
    for start, end in spans:
        covered = sum(max(0, min(end, g_end) - max(start, g_start)) for g_start, g_end in gold.sources)
        if length and covered / length >= 0.5:
            return True
    return False


@dataclass
class Relation:
    """System quotes as one PolNeAR relation: the first quote, and the words of each quote (its parts)."""

    candidate: Candidate
    parts: list[set[int]]
    used: set[int] = field(default_factory=set)  # parts already matched to a gold content

    @property
    def words(self) -> set[int]:
        return set().union(*self.parts)


def relations(analysis: Analysis, candidates: list[Candidate]) -> list[Relation]:
    """System quotes as PolNeAR relations: quotes that share one cue ("“A,” she said. “B.”"), and a
    paragraph continuing the previous quote, are one relation with a discontinuous content, as
    PolNeAR annotates them."""
    grouped: dict[int, Relation] = {}
    alone: list[Relation] = []
    last: Relation | None = None
    for candidate in candidates:
        words = word_starts(analysis.text, [(candidate.start, candidate.end)])
        if candidate.cue is None and candidate.speaker_note == CONTINUES_NOTE and last is not None:
            last.parts.append(words)
            continue
        if candidate.cue is None:
            last = Relation(candidate, [words])
            alone.append(last)
        elif candidate.cue.start in grouped:
            last = grouped[candidate.cue.start]
            last.parts.append(words)
        else:
            last = grouped[candidate.cue.start] = Relation(candidate, [words])
    return [*grouped.values(), *alone]


def match_parts(gold: Gold, relation: Relation) -> set[int] | None:
    """The parts of ``relation`` that match ``gold``: all of them, or, when the annotator made a
    relation of each quote ("“A,” she said." and "“B.”" apart), the unused parts it overlaps."""
    if not relation.used and matches(gold.content, relation.words):
        return set(range(len(relation.parts)))
    overlapping = {i for i, part in enumerate(relation.parts) if i not in relation.used and part & gold.content}
    if len(relation.parts) > 1 and overlapping and matches(gold.content, set().union(
            *(relation.parts[i] for i in overlapping))):
        return overlapping
    return None


def score(
    analysis: Analysis,
    golds: list[Gold],
    candidates: list[Candidate],
    tally: Tally,
    speech_only: bool,
    clausal_only: bool = False,
) -> None:
    """Add one article's counts to ``tally`` (recall over speech and/or clausal gold only, if asked)."""
    system = relations(analysis, candidates)
    tally.system += len(system)
    for relation in system:
        whole = any(matches(g.content, relation.words) for g in golds)
        if whole or all(any(matches(g.content, part) for g in golds) for part in relation.parts):
            tally.system_correct += 1
        else:
            candidate = relation.candidate
            cue = analysis.text[candidate.cue.start : candidate.cue.end] if candidate.cue else "-"
            tally.misses.append(f"FALSE [{cue}] {analysis.text[candidate.start : candidate.end]!r}")
    for gold in golds:
        if (speech_only and not gold.speech) or (clausal_only and not gold.clausal):
            continue
        tally.gold += 1
        hit = next(((relation, parts) for relation in system
                    if (parts := match_parts(gold, relation)) is not None), None)
        if hit is None:
            cue = " ".join(analysis.text[s:e] for s, e in gold.cues)
            content = " | ".join(analysis.text[s:e] for s, e in gold.ranges)
            near = [analysis.text[r.candidate.start : r.candidate.end] for r in system if r.words & gold.content]
            tally.misses.append(f"MISS [{cue}] clausal={gold.clausal} {content!r}\n    system: {near!r}")
            continue
        relation, parts = hit
        relation.used |= parts
        tally.gold_found += 1
        if gold.sources:
            tally.with_source += 1
            tally.source_correct += source_correct(gold, relation.candidate)


def main() -> None:
    """Run the benchmark and print and save its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "train"), default="test", help="PolNeAR compartment")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--misses", type=Path, default=None, help="write speech-only misses here")
    args = parser.parse_args()
    articles = [json.loads(line) for line in POLNEAR.open(encoding="utf-8")]
    test = [a for a in articles if a["compartment"] == args.split][: args.limit]
    nlp = load_pipeline()
    speech, clausal, everything = Tally(), Tally(), Tally()
    started = time.perf_counter()
    for doc, raw in nlp.pipe(((a["text"], a) for a in test), as_tuples=True, batch_size=8):
        analysis = Analysis(Article(id=raw["id"], text=raw["text"], published=raw["published"]), doc)
        entities.EXTRACTOR.run(analysis)
        golds = gold_attributions(analysis, raw)
        speech_quotes = find_candidates(analysis, SPEECH_KINDS)
        score(analysis, golds, speech_quotes, speech, speech_only=True)
        score(analysis, golds, speech_quotes, clausal, speech_only=True, clausal_only=True)
        score(analysis, golds, find_candidates(analysis, ALL_KINDS), everything, speech_only=False)
    results = {
        "corpus": f"PolNeAR {args.split} split, first listed annotator per article",
        "articles": len(test),
        "seconds": round(time.perf_counter() - started, 1),
        "speech_only": speech.scores(),
        "speech_clausal_content": clausal.scores(),
        "all_attributions": everything.scores(),
    }
    results_file = RESULTS_DIR / ("polnear.json" if args.split == "test" else f"polnear_{args.split}.json")
    results_file.parent.mkdir(parents=True, exist_ok=True)
    if args.misses is not None:
        args.misses.write_text("\n".join(speech.misses) + "\n", encoding="utf-8")
    results_file.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for name in ("speech_only", "speech_clausal_content", "all_attributions"):
        figures = results[name]
        print(
            f"{name:22} P={figures['precision']:.3f} R={figures['recall']:.3f} F1={figures['f1']:.3f} "
            f"source={figures['source_accuracy']:.3f} (gold {figures['gold']}, system {figures['system']})"
        )
    print(f"{len(test)} articles in {results['seconds']} s; written to {results_file.relative_to(REPO)}")


if __name__ == "__main__":
    main()

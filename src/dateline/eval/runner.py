"""Run the analysis on each gold file's article and score it, micro-averaged over files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.analyse.pipeline import analyse_article
from dateline.eval.gold import GoldFile, find_gold_files, load_gold
from dateline.eval.scorers import PARTS, SCORERS, Scoring, Tally
from dateline.nlp import load_pipeline
from dateline.record import Record

# The headline metrics of each part, in the order they are reported.
HEADLINES: dict[str, tuple[str, ...]] = {
    "entities": ("typed_mention_recall", "linking_accuracy", "mention_recall"),
    "quotes": ("precision", "recall", "f1", "attribution_accuracy", "kind_accuracy"),
    "figures": (
        "precision", "recall", "f1", "bounds_accuracy", "category_accuracy", "source_accuracy", "modality_accuracy",
    ),
    "times": ("precision", "recall", "f1", "value_accuracy"),
    "events": ("precision", "recall", "f1"),
    "flags": ("recall",),
    "framing": ("precision", "recall", "f1"),
}


@dataclass
class Evaluation:
    """Scores over a set of gold files: one tally per part, summed over files."""

    files: list[str] = field(default_factory=list)
    parts: dict[str, Tally] = field(default_factory=lambda: {part: Tally() for part in PARTS})

    def metric(self, part: str, name: str) -> float:
        """A metric of a part; ``f1`` is derived from the summed precision and recall."""
        tally = self.parts[part]
        if name == "f1":
            p, r = tally.ratio("precision"), tally.ratio("recall")
            return 2 * p * r / (p + r) if p + r else 0.0
        return tally.ratio(name)

    def scores(self) -> dict[str, dict[str, float]]:
        """Every headline metric, rounded to four places."""
        return {
            part: {name: round(self.metric(part, name), 4) for name in names} for part, names in HEADLINES.items()
        }

    def to_dict(self, misses: bool = False) -> dict[str, Any]:
        """Scores, counts and (optionally) misses as plain data."""
        document: dict[str, Any] = {"files": self.files, "scores": self.scores()}
        document["counts"] = {part: tally.counts for part, tally in self.parts.items()}
        if misses:
            document["misses"] = {part: tally.misses for part, tally in self.parts.items()}
        return document


def score_record(gold: GoldFile, record: Record) -> dict[str, Tally]:
    """Score one system record against its gold file, part by part."""
    scoring = Scoring(gold, record)
    tallies: dict[str, Tally] = {}
    for part in PARTS:
        tally = Tally()
        SCORERS[part](scoring, tally)
        tally.misses = [f"{gold.path.name}: {miss}" for miss in tally.misses]
        tallies[part] = tally
    return tallies


def evaluate(paths: list[str], analyse: Callable[[GoldFile], Record] | None = None) -> Evaluation:
    """Analyse each gold file's article (or use ``analyse``) and score it."""
    evaluation = Evaluation()
    for path in find_gold_files(paths):
        gold = load_gold(Path(path))
        record = analyse(gold) if analyse else analyse_article(gold.article, load_pipeline())
        for part, tally in score_record(gold, record).items():
            evaluation.parts[part].merge(tally)
        evaluation.files.append(str(path))
    return evaluation

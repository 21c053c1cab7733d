"""PLOVER benchmark: event type, extra events and actor/target roles on the PLOVER gold-standard records.

Data: ../shared/datasets/plover-gsr-cameo/PLOVER_GSR_CAMEO.json (322 coded sentences from the CAMEO
manual, PLOVER 0.5b1, CC BY-SA 4.0, Open Event Data Alliance). Each distinct sentence is analysed by
the full Dateline pipeline; its events are matched one-to-one to the sentence's gold events by type.

- type accuracy: gold events matched by a system event of the same type / gold events
- extra events: system events left unmatched / gold events (PETRARCH anchor: 315%)
- actor/target F1 over matched events: a gold actor text is found when it shares a content word with a
  system actor phrase (or the name of the entity it links to); roles compared as given (source→actors,
  target→targets) and role-blind ("participants").

The gold uses PLOVER 0.5b1 names; they are mapped to the 16 current types: FIGHT→ASSAULT,
DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE (as CAMEO2PLOVER-2021 maps CAMEO 09x).
System events are compared by their PLOVER coding (``details["plover_type"]``: an announced or offered
action is AGREE or THREATEN, a refused one REJECT, as PLOVER's coders code intentions); the raw
``Event.type`` accuracy is printed beside it.

Run: .venv/bin/python bench/plover.py [--show N]   (writes bench/results/plover.json)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "datasets" / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.json"
RESULTS = REPO / "bench" / "results" / "plover.json"
OLD_NAMES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
STOPWORDS = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "for", "from", "by", "with",
                       "its", "his", "her", "their", "s"})


def actor_texts(value: Any) -> list[str]:
    """The actorText strings of a gold source/target field (a list, a dict, a string or empty)."""
    if not value:
        return []
    items = [value] if isinstance(value, dict | str) else list(value)
    return [item["actorText"] if isinstance(item, dict) else str(item) for item in items]


def words(text: str) -> set[str]:
    """Lower-cased content words (the '...' of the gold markup dropped)."""
    found = (w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[a-z][a-z\-'’]+", text.lower()))
    return {w for w in found if w not in STOPWORDS and len(w) > 2}


def load_gold() -> dict[str, list[dict[str, Any]]]:
    """Gold events grouped by sentence text (some sentences carry two coded events)."""
    records = json.loads(DATA.read_text(encoding="utf-8"))
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record.get("event") == "DOCUMENT":
            continue
        text = record["text"].strip().strip("{}").strip()
        grouped.setdefault(text, []).append({
            "id": record["id"], "type": OLD_NAMES.get(record["event"], record["event"]),
            "trigger": record.get("eventText", ""),
            "actors": actor_texts(record.get("source")), "targets": actor_texts(record.get("target")),
        })
    return grouped


def system_roles(record: Any, event: Any, role: str) -> list[str]:
    """Phrases naming the event's actors or targets: the parse's phrases, else the linked entities' names."""
    spans = [s["text"] for s in event.details.get(f"{role[:-1]}_spans", [])]
    ids = event.actors if role == "actors" else event.targets
    names = [e.name for e in record.entities if e.id in ids]
    return spans or names


def role_scores(gold: list[str], system: list[str]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives of actor phrases by shared content words."""
    matched_system: set[int] = set()
    tp = 0
    for phrase in gold:
        hit = next((i for i, s in enumerate(system) if i not in matched_system and words(phrase) & words(s)), None)
        if hit is not None:
            matched_system.add(hit)
            tp += 1
    return tp, len(system) - len(matched_system), len(gold) - tp


def f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(score, 3)}


def match(gold: list[dict[str, Any]], events: list[Any], key: str) -> list[tuple[dict[str, Any], Any]]:
    """One-to-one pairs of gold and system events of the same type, trigger word overlap first."""
    pairs: list[tuple[dict[str, Any], Any]] = []
    free = list(events)
    for item in gold:
        same = [e for e in free if (e.details.get("plover_type", e.type) if key == "plover" else e.type) == item["type"]]
        if not same:
            continue
        best = max(same, key=lambda e: len(words(e.trigger.text) & words(item["trigger"])))
        free.remove(best)
        pairs.append((item, best))
    return pairs


def run(show: int) -> dict[str, Any]:
    """Analyse every sentence, score, print and return the figures."""
    sys.path.insert(0, str(REPO / "src"))
    from dateline.analyse.pipeline import analyse_articles
    from dateline.nlp import load_pipeline
    from dateline.record import Article

    gold = load_gold()
    texts = list(gold)
    articles = [Article(id=f"plover-{i}", text=t, published="2000-01-01") for i, t in enumerate(texts)]
    started = time.perf_counter()
    records = list(analyse_articles(articles, load_pipeline()))
    elapsed = time.perf_counter() - started
    n_gold = sum(len(items) for items in gold.values())
    totals = Counter[str]()
    roles = {name: [0, 0, 0] for name in ("actors", "targets", "participants")}
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    extras: list[str] = []
    for text, record in zip(texts, records, strict=True):
        items = gold[text]
        totals["system"] += len(record.events)
        totals["raw_matched"] += len(match(items, record.events, "raw"))
        pairs = match(items, record.events, "plover")
        totals["matched"] += len(pairs)
        for item, event in pairs:
            for role in ("actors", "targets"):
                counts = role_scores(item[role], system_roles(record, event, role))
                roles[role] = [a + b for a, b in zip(roles[role], counts, strict=True)]
            both = role_scores(item["actors"] + item["targets"],
                               system_roles(record, event, "actors") + system_roles(record, event, "targets"))
            roles["participants"] = [a + b for a, b in zip(roles["participants"], both, strict=True)]
        matched_ids = {item["id"] for item, _ in pairs}
        matched_events = [id(event) for _, event in pairs]
        for event in record.events:
            if id(event) not in matched_events:
                extras.append(f"{event.details.get('plover_type', event.type):<9} {event.trigger.text!r} "
                              f"(gold {[i['type'] for i in items]}): {text[:100]}")
        coded = [e.details.get("plover_type", e.type) for e in record.events]
        for item in items:
            if item["id"] not in matched_ids:
                confusion[(item["type"], "+".join(coded) or "none")] += 1
                misses.append(f"{item['type']:<9} got {coded or 'nothing'}: {text[:110]}")
    accuracy = totals["matched"] / n_gold
    extra = (totals["system"] - totals["matched"]) / n_gold
    result = {
        "sentences": len(texts), "gold_events": n_gold, "system_events": totals["system"],
        "type_accuracy": round(accuracy, 3), "extra_events": round(extra, 3),
        "type_accuracy_raw_type": round(totals["raw_matched"] / n_gold, 3),
        "roles": {name: f1(*counts) for name, counts in roles.items()},
        "seconds": round(elapsed, 1),
        "top_confusions": [[g, s, n] for (g, s), n in confusion.most_common(15)],
        "acceptance": {"type_accuracy_min": 0.75, "extra_events_max": 0.20},
        "anchor": "PETRARCH family: 44% correct, 315% extra events on a comparable validation",
    }
    print(f"PLOVER GSR: {len(texts)} sentences, {n_gold} gold events, {totals['system']} system events ({elapsed:.1f} s)")
    print(f"  event-type accuracy   {accuracy:.3f}  (raw Event.type: {result['type_accuracy_raw_type']:.3f}; gate >= 0.75)")
    print(f"  extra events          {extra:.3f}  (gate <= 0.20; PETRARCH anchor 3.15)")
    for name, scores in result["roles"].items():
        print(f"  {name:<13} P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}")
    for line in misses[:show]:
        print("  miss:", line)
    for line in extras[:show]:
        print("  extra:", line)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many missed gold events and extra events")
    run(parser.parse_args().show)


if __name__ == "__main__":
    main()

"""CQE NewsQuant benchmark for the number layer (value and value+change P/R/F1, pooled).

Run: .venv/bin/python bench/cqe.py [--misses dev|test|all]
Reads ../shared/datasets/cqe-newsquant/NewsQuant.json, writes bench/results/cqe.json.

Matching follows the CQE paper: within a sentence a predicted quantity matches a gold one when the
values are equal (ranges: both ends, relative tolerance 1e-5), one to one; value+change also needs
the same change label (=, ~, >, <, up, down). Precision, recall and F1 are pooled over the set.
Vague quantities are scored with the NewsQuant convention ("thousands" = 1,000..10,000); the small
vague words "several", "a few", "a handful of" are not numbers in NewsQuant and are left out.
Sentences with an even index form the first development part and those with index 1 mod 4 the second
(rules were inspected on both); sentences with index 3 mod 4 are held out (never inspected).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "datasets" / "cqe-newsquant" / "NewsQuant.json"
RESULTS = REPO / "bench" / "results" / "cqe.json"
ANCHORS = {"CQE": {"value": 92.0, "value+change": 88.1}, "quantulum3": {"value": 73.0}}
NOT_NUMBERS = ("several", "a")  # first words of vague phrases that are not numbers in NewsQuant ("a few")

sys.path.insert(0, str(REPO / "src"))
from dateline.analyse.numbers import Quantity, find_quantities  # noqa: E402

Value = float | tuple[float, float]


def gold_value(raw: str) -> Value:
    """A NewsQuant value string ("25.0", "1.0-1.5") as a float or a (low, high) pair."""
    if "-" in raw[1:] and "E" not in raw:
        low, high = raw.split("-", 1) if not raw.startswith("-") else raw[1:].split("-", 1)
        return (float(low), float(high))
    return float(raw)


def predicted_value(quantity: Quantity) -> Value:
    """The NewsQuant-style value of one quantity from the number layer."""
    if quantity.vague is not None:
        return (float(quantity.vague.cqe[0]), float(quantity.vague.cqe[1]))
    if quantity.value_to is not None:
        return (quantity.value, quantity.value_to)
    return quantity.value


def same_value(a: Value, b: Value) -> bool:
    """Equal values (both ends for ranges) within the CQE tolerance."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in zip(a, b, strict=True))
    if isinstance(a, tuple) or isinstance(b, tuple):
        return False
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def match_count(gold: list[tuple[Value, str]], predicted: list[tuple[Value, str]], with_change: bool) -> int:
    """One-to-one matches between gold and predicted quantities of one sentence."""
    free = list(predicted)
    matched = 0
    for value, change in gold:
        for index, (p_value, p_change) in enumerate(free):
            if same_value(value, p_value) and (not with_change or p_change == change):
                matched += 1
                del free[index]
                break
    return matched


def scores(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    """Precision, recall and F1 in percent."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f, 1)}


def predict(text: str) -> list[tuple[Value, str]]:
    """The number layer's quantities of every kind, as (value, change) pairs."""
    return [
        (predicted_value(q), q.change)
        for q in find_quantities(text)
        if not (q.vague is not None and (q.vague.phrase[0] in NOT_NUMBERS or q.vague.phrase == ("tens",)))
    ]


def evaluate(items: list[dict[str, Any]], show: bool) -> dict[str, Any]:
    """Score one list of NewsQuant items."""
    totals = {"gold": 0, "pred": 0, "value": 0, "value+change": 0}
    for item in items:
        gold = [(gold_value(q["value"]), q["change"]) for q in item["quantities"]]
        predicted = predict(item["text"])
        value_tp = match_count(gold, predicted, with_change=False)
        change_tp = match_count(gold, predicted, with_change=True)
        totals["gold"] += len(gold)
        totals["pred"] += len(predicted)
        totals["value"] += value_tp
        totals["value+change"] += change_tp
        if show and (value_tp < max(len(gold), len(predicted)) or change_tp < value_tp):
            print(item["text"])
            print("   gold:", sorted(gold, key=str))
            print("   pred:", sorted(predicted, key=str))
    return {
        "sentences": len(items),
        "gold": totals["gold"],
        "predicted": totals["pred"],
        "value": scores(totals["value"], totals["gold"], totals["pred"]),
        "value+change": scores(totals["value+change"], totals["gold"], totals["pred"]),
    }


def main() -> None:
    """Run the benchmark, print the figures and write bench/results/cqe.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=["dev", "dev2"], help="print the sentences with errors")
    args = parser.parse_args()
    items: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))
    started = time.perf_counter()
    halves = {"all": items, "dev": items[0::2], "dev2": items[1::4], "held": items[3::4]}
    result = {name: evaluate(part, show=args.misses == name) for name, part in halves.items()}
    elapsed = time.perf_counter() - started
    for name, part in result.items():
        print(
            f"{name:5} {part['sentences']:4} sentences {part['gold']:4} gold {part['predicted']:4} predicted  "
            f"value P/R/F1 {part['value']['P']}/{part['value']['R']}/{part['value']['F1']}  "
            f"value+change P/R/F1 {part['value+change']['P']}/{part['value+change']['R']}/{part['value+change']['F1']}"
        )
    print(f"anchors: CQE value F1 92.0, value+change F1 88.1; quantulum3 value F1 73.0  ({elapsed:.2f} s)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"dataset": "NewsQuant", "results": result, "anchors": ANCHORS,
                                   "seconds": round(elapsed, 2)}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

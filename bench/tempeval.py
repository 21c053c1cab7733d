"""TempEval-3 platinum (Task A: TIMEX3 extent, type, value) for the times extractor, plus MEANTIME as a dev check.

Run: .venv/bin/python bench/tempeval.py [--misses] [--meantime]
Scoring follows ../shared/datasets/tempeval3-platinum/README.md: relaxed = overlapping extents,
strict = identical extents, value/type accuracy over relaxed matches, value F1 = value accuracy x relaxed F1,
micro-averaged over the files. Writes bench/results/tempeval.json.
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.analyse.times import Timex, tag_times
from dateline.nlp import load_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TE3 = SHARED / "datasets" / "tempeval3-platinum"
MEANTIME = SHARED / "corpus" / "meantime_wikinews" / "meantime_en.jsonl"
TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
SENTENCE_END = re.compile(r'[.!?]"? (?=[A-Z"])')
ANNOTATED_SENTENCES = 4  # MEANTIME annotates TIMEX3 in the first sentences of the body only


@dataclass
class Span:
    """A TIMEX3 extent in the plain text, with its type and value."""

    start: int
    end: int
    type: str
    value: str
    text: str


def plain_text_and_timexes(inline: str) -> tuple[str, list[Span]]:
    """The text of an inline-TimeML fragment with its tags removed, and the TIMEX3 spans in it."""
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    spans: list[Span] = []
    position = 0
    for match in TAG.finditer(inline):
        chunk = html.unescape(inline[position : match.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTR.findall(attributes)))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            spans.append(Span(start, length, attrs.get("type", ""), attrs.get("value", ""), text))
            open_timex = None
    pieces.append(html.unescape(inline[position:]))
    return "".join(pieces), spans


def read_te3(path: Path) -> tuple[str, str, str, list[Span]]:
    """(DOCID, DCT value, TEXT, gold-or-empty TIMEX3 spans) of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    docid = re.search(r"<DOCID>(.*?)</DOCID>", raw, re.S)
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not (docid and dct and body):
        raise ValueError(f"{path}: no DOCID, DCT or TEXT")
    text, spans = plain_text_and_timexes(body.group(1))
    return docid.group(1).strip(), dct.group(1)[:10], text, spans


def system_spans(text: str, dct: str, nlp: Any) -> list[Span]:
    """The extractor's expressions, each interval split into its two ends as TimeML tags them."""
    found: list[Span] = []
    timex: Timex
    for timex in tag_times(text, dct, nlp(text)):
        if timex.type == "INTERVAL" and timex.parts:
            for start, end, value in timex.parts:
                found.append(Span(start, end, "TIME" if "T" in value else "DATE", value, text[start:end]))
        else:
            found.append(Span(timex.start, timex.end, timex.type, timex.value, text[timex.start : timex.end]))
    return found


def score(pairs: list[tuple[str, list[Span], list[Span]]], show_misses: bool) -> dict[str, float]:
    """Micro-averaged relaxed/strict P/R/F1 and value/type accuracy and F1."""
    n_gold = n_system = relaxed = strict = value_ok = type_ok = 0
    for name, gold, system in pairs:
        n_gold, n_system = n_gold + len(gold), n_system + len(system)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end), None)
            if match is None:
                if show_misses:
                    print(f"  MISS  {name}: {g.text!r} {g.type} {g.value}")
                continue
            used.add(match)
            s = system[match]
            relaxed += 1
            strict += (s.start, s.end) == (g.start, g.end)
            value_ok += s.value == g.value
            type_ok += s.type == g.type
            if show_misses and (s.value != g.value or (s.start, s.end) != (g.start, g.end)):
                print(f"  DIFF  {name}: gold {g.text!r} {g.type} {g.value} | system {s.text!r} {s.type} {s.value}")
        if show_misses:
            for i, s in enumerate(system):
                if i not in used:
                    print(f"  EXTRA {name}: {s.text!r} {s.type} {s.value}")

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    precision, recall = relaxed / max(n_system, 1), relaxed / max(n_gold, 1)
    strict_p, strict_r = strict / max(n_system, 1), strict / max(n_gold, 1)
    relaxed_f1 = f1(precision, recall)
    value_accuracy, type_accuracy = value_ok / max(relaxed, 1), type_ok / max(relaxed, 1)
    return {
        "gold": n_gold, "system": n_system, "relaxed_matches": relaxed,
        "relaxed_precision": precision, "relaxed_recall": recall, "relaxed_f1": relaxed_f1,
        "strict_precision": strict_p, "strict_recall": strict_r, "strict_f1": f1(strict_p, strict_r),
        "value_accuracy": value_accuracy, "value_f1": value_accuracy * relaxed_f1,
        "type_accuracy": type_accuracy, "type_f1": type_accuracy * relaxed_f1,
    }


def tempeval_pairs(nlp: Any) -> list[tuple[str, list[Span], list[Span]]]:
    """(file, gold, system) for every TempEval-3 platinum document, matched by DOCID."""
    gold_by_id = {read_te3(p)[0]: read_te3(p) for p in sorted((TE3 / "tml").glob("*.tml"))}
    pairs = []
    for path in sorted((TE3 / "te3input").glob("*.TE3input")):
        docid, dct, text, _ = read_te3(path)
        _, _, gold_text, gold = gold_by_id[docid]
        if gold_text != text:
            raise ValueError(f"{docid}: input text differs from the gold text")
        pairs.append((docid, gold, system_spans(text, dct, nlp)))
    return pairs


def meantime_pairs(nlp: Any) -> list[tuple[str, list[Span], list[Span]]]:
    """(article, gold, system) for the annotated part of MEANTIME's article bodies (title, dateline left out)."""
    return [meantime_pairs_of(json.loads(line), nlp) for line in MEANTIME.read_text(encoding="utf-8").splitlines()]


@functools.lru_cache(maxsize=256)
def _cached_system(text: str, dct: str, nlp: Any) -> tuple[Span, ...]:
    return tuple(system_spans(text, dct, nlp))


def meantime_pairs_of(record: dict[str, Any], nlp: Any) -> tuple[str, list[Span], list[Span]]:
    """(article, gold, system) for one MEANTIME record."""
    text, body_start = record["text"], record["text"].find("\n\n") + 2
    sentence_ends = [m.end() for m in SENTENCE_END.finditer(text, body_start)]
    body_end = sentence_ends[ANNOTATED_SENTENCES - 1] if len(sentence_ends) >= ANNOTATED_SENTENCES else len(text)
    gold = [
        Span(t["span"]["start"], t["span"]["end"], t.get("type", ""), t.get("value", ""), t["span"]["text"])
        for t in record["annotations"]["timex3"]
        if "span" in t and not t["span"].get("in_title") and body_start <= t["span"]["start"] < body_end
    ]
    system = [s for s in _cached_system(text, record["published"], nlp) if body_start <= s.start < body_end]
    return record["id"], gold, system


def compare_dateparser(nlp: Any) -> dict[str, float]:
    """Measure dateparser (not a dependency) against this extractor on TempEval-3: as a normaliser of the
    gold day-level DATE expressions, and ``search_dates`` as a tagger (relaxed P/R/F1)."""
    import datetime as dt

    import dateparser
    from dateparser.search import search_dates

    day_golds = ours_right = theirs_right = meantime_golds = meantime_ours = meantime_theirs = 0
    pairs: list[tuple[str, list[Span], list[Span]]] = []
    began = time.perf_counter()
    for path in sorted((TE3 / "te3input").glob("*.TE3input")):
        docid, dct, text, _ = read_te3(path)
        gold = read_te3(next(p for p in (TE3 / "tml").glob("*.tml") if read_te3(p)[0] == docid))[3]
        base = dt.datetime.fromisoformat(dct)
        ours = {(s.start, s.end): s.value for s in system_spans(text, dct, nlp)}
        for g in gold:
            if g.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", g.value):
                day_golds += 1
                parsed = dateparser.parse(g.text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
                theirs_right += bool(parsed and parsed.date().isoformat() == g.value)
                ours_right += any(s < g.end and g.start < e and v == g.value for (s, e), v in ours.items())
        found = search_dates(text, settings={"RELATIVE_BASE": base}, languages=["en"]) or []
        system, cursor = [], 0
        for phrase, moment in found:
            start = text.find(phrase, cursor)
            if start >= 0:
                cursor = start + len(phrase)
                system.append(Span(start, cursor, "DATE", moment.date().isoformat(), phrase))
        pairs.append((docid, gold, system))
    for line in MEANTIME.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        base = dt.datetime.fromisoformat(record["published"])
        for g in meantime_pairs_of(record, nlp)[1]:
            if g.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", g.value):
                meantime_golds += 1
                parsed = dateparser.parse(g.text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
                meantime_theirs += bool(parsed and parsed.date().isoformat() == g.value)
                meantime_ours += any(s.start < g.end and g.start < s.end and s.value == g.value
                                     for s in meantime_pairs_of(record, nlp)[2])
    tagger = score(pairs, False)
    return {
        "meantime_day_dates": meantime_golds, "meantime_ours_day_value_accuracy": meantime_ours / max(meantime_golds, 1),
        "meantime_dateparser_day_value_accuracy": meantime_theirs / max(meantime_golds, 1),
        "day_dates": day_golds, "ours_day_value_accuracy": ours_right / max(day_golds, 1),
        "dateparser_day_value_accuracy": theirs_right / max(day_golds, 1),
        "search_dates_relaxed_precision": tagger["relaxed_precision"],
        "search_dates_relaxed_recall": tagger["relaxed_recall"], "search_dates_relaxed_f1": tagger["relaxed_f1"],
        "seconds": round(time.perf_counter() - began, 1),
    }


def main() -> None:
    """Score, print and save."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="print every miss, extra and wrong value")
    parser.add_argument("--meantime", action="store_true", help="also score MEANTIME (dev set)")
    parser.add_argument("--dateparser", action="store_true", help="also measure dateparser on the same data")
    args = parser.parse_args()
    nlp = load_pipeline()
    began = time.perf_counter()
    results: dict[str, Any] = {"tempeval3_platinum": score(tempeval_pairs(nlp), args.misses)}
    if args.meantime:
        results["meantime_dev"] = score(meantime_pairs(nlp), args.misses)
    results["seconds"] = round(time.perf_counter() - began, 1)
    if args.dateparser:
        results["dateparser_comparison"] = compare_dateparser(nlp)
    for name, figures in results.items():
        if isinstance(figures, dict):
            print(f"{name}: " + ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()))
    out = REPO / "bench" / "results" / "tempeval.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()

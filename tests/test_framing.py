"""Framing: lexicon matches, neutral wording, the side a usage reflects, article voice vs quote."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dateline.analyse.base import Analysis
from dateline.analyse.framing import extract
from dateline.analyse.framing_lexicon import compile_lexicon, load_lexicon
from dateline.eval.gold import load_gold
from dateline.eval.runner import score_record
from dateline.record import Article, Attribution, Framing, Quote, Record

SEED_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "seed" / "2023-12-20-haniyeh-doha.gold.json"
LEXICON = json.loads(resources.files("dateline").joinpath("data/framing_lexicon.json").read_text(encoding="utf-8"))


def framing_of(nlp: Any, text: str, quoted: str | None = None) -> list[Framing]:
    """Run the framing extractor over ``text``; ``quoted`` marks one quote's content."""
    analysis = Analysis(Article(id="t", text=text, published="2023-12-20"), nlp(text))
    if quoted is not None:
        start = text.index(quoted)
        analysis.record.quotes.append(Quote(
            start=start, end=start + len(quoted), text=quoted, sentence=0, extractor="test",
            extractor_version="0", kind="direct", speaker=Attribution(text="He"),
        ))
    extract(analysis)
    return analysis.record.framing


def by_text(found: list[Framing]) -> dict[str, Framing]:
    return {f.text: f for f in found}


def test_framing_seed_article_recall_at_least_0_85(seed_record: Record) -> None:
    tally = score_record(load_gold(SEED_GOLD), seed_record)["framing"]
    assert tally.ratio("recall") >= 0.85, tally.misses


def test_framing_voice_is_quote_inside_a_quote_and_article_outside(nlp: Any) -> None:
    text = "Israel and Hamas traded fire. “The Zionist entity will fall,” he said. The Zionist entity denied it."
    found = framing_of(nlp, text, quoted="The Zionist entity will fall,")
    assert [(f.text, f.voice) for f in found] == [("The Zionist entity", "quote"), ("The Zionist entity", "article")]
    assert found[0].neutral == "Israel" and found[0].side == "pro-Palestinian/anti-Israel"


def test_framing_lists_loaded_terms_of_every_side(nlp: Any) -> None:
    text = ("Russian officials call the war a special military operation against the Nazi regime in Kyiv, while "
            "Ukrainian soldiers call the invaders orcs and ruscists. Russia and Ukraine both claimed gains.")
    found = by_text(framing_of(nlp, text))
    assert found["special military operation"].side == "pro-Russia"
    assert found["the Nazi regime in Kyiv"].side == "pro-Russia"
    assert found["the Nazi regime in Kyiv"].neutral == "the Ukrainian government"
    assert found["orcs"].side == "pro-Ukraine" and found["ruscists"].side == "pro-Ukraine"


def test_framing_side_follows_the_party_named_for_shared_rhetoric(nlp: Any) -> None:
    israel = by_text(framing_of(nlp, "Hamas terrorists attacked Israeli towns, the Zionist regime said."))
    palestine = by_text(framing_of(nlp, "Israeli terrorists attacked Palestinian towns, the Hamas regime said."))
    assert israel["terrorists"].side == "pro-Israel"
    assert palestine["terrorists"].side == "pro-Palestinian/anti-Israel"
    assert israel["the Zionist regime"].side == "pro-Palestinian/anti-Israel"
    assert palestine["the Hamas regime"].side == "pro-Israel"
    assert palestine["the Hamas regime"].neutral == "the Palestinian government"


def test_framing_target_of_atrocities_takes_the_victims_side(nlp: Any) -> None:
    found = by_text(framing_of(nlp, "Ukraine said Russia committed atrocities against Ukrainian civilians."))
    assert found["atrocities"].side == "pro-Ukraine"


def test_framing_context_bound_terms_only_in_their_conflict(nlp: Any) -> None:
    assert not framing_of(nlp, "The regime cut fuel subsidies again, the central bank said.")
    syria = framing_of(nlp, "Assad gave a speech in Damascus. The regime shelled Idlib on Monday.")
    assert [(f.text, f.side) for f in syria] == [("The regime", "Syrian opposition")]
    assert not framing_of(nlp, "Kyiv said 200 prisoners of war were exchanged with Moscow on Friday.")


def test_framing_lexicon_covers_both_sides_of_every_conflict_with_sources() -> None:
    sides_used: dict[str, set[str]] = {c: set() for c in LEXICON["conflicts"]}
    for entry in LEXICON["entries"]:
        assert entry["neutral"] and entry["source"]
        assert all(source in LEXICON["sources"] for source in entry["source"])
        assert entry["conflict"] == "any" or entry["conflict"] in LEXICON["conflicts"]
        if entry["side_rule"] == "fixed" and entry["conflict"] != "any":
            assert entry["side"] in LEXICON["conflicts"][entry["conflict"]]["sides"]
            sides_used[entry["conflict"]].add(entry["side"])
    for conflict, data in LEXICON["conflicts"].items():
        assert sides_used[conflict] == set(data["sides"]), conflict
    for party in LEXICON["parties"].values():
        assert party["conflict"] in LEXICON["conflicts"] and party["words"]


def test_framing_overlapping_matches_keep_the_longest(nlp: Any) -> None:
    found = framing_of(nlp, "Tehran condemned the criminal Israeli aggression on Gaza. Israel rejected it.")
    assert [f.text for f in found] == ["criminal Israeli aggression"]
    assert found[0].side == "pro-Palestinian/anti-Israel" and found[0].neutral == "Israeli military campaign"


@given(
    st.sampled_from(["the Zionist entity", "special military operation", "Judea and Samaria", "Artsakh"]),
    st.lists(st.sampled_from(["talks", "resumed", "on", "Monday", "in", "the", "city"]), max_size=6),
    st.booleans(),
)
def test_framing_fixed_terms_match_in_any_case_at_their_offsets(term: str, words: list[str], upper: bool) -> None:
    lexicon = compile_lexicon(LEXICON)
    prefix = " ".join(words) + " " if words else ""
    shown = term.upper() if upper else term
    text = prefix + shown + " again."
    hits = [m for entry in lexicon.entries for m in entry.pattern.finditer(text)]
    end = len(prefix) + len(shown)
    assert any(m.end() == end and m.group().endswith(shown) and m.start() >= len(prefix) - 4 for m in hits)
    assert len(load_lexicon().entries) == len(LEXICON["entries"])

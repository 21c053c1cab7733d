"""The scorer itself: a perfect output scores 1.0 everywhere, an empty one 0, and the rules hold."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import SEED_GOLD
from dateline.cli import main
from dateline.eval.from_gold import record_from_gold
from dateline.eval.matching import dates_overlap, span_match, timex_interval, token_match
from dateline.eval.runner import evaluate
from dateline.record import Record


def test_eval_perfect_output_scores_one_everywhere() -> None:
    scores = evaluate([str(SEED_GOLD)], analyse=record_from_gold).scores()
    assert all(value == 1.0 for part in scores.values() for value in part.values()), scores


def test_eval_empty_output_scores_zero_everywhere() -> None:
    scores = evaluate([str(SEED_GOLD)], analyse=lambda gold: Record(article=gold.article)).scores()
    assert all(value == 0.0 for part in scores.values() for value in part.values()), scores


def test_eval_a_wrong_speaker_costs_attribution_not_recall() -> None:
    def one_wrong(gold):  # type: ignore[no-untyped-def]
        record = record_from_gold(gold)
        assert record.quotes[0].speaker is not None
        record.quotes[0].speaker.entity = "abdollahian"
        return record

    evaluation = evaluate([str(SEED_GOLD)], analyse=one_wrong)
    assert evaluation.metric("quotes", "recall") == 1.0
    assert evaluation.parts["quotes"].counts["attribution_accuracy"] == [14, 15]


def test_eval_span_rules() -> None:
    assert span_match((0, 5), (0, 10))
    assert not span_match((0, 4), (0, 10))
    text = "one two three four five"
    assert token_match(text, (0, 13), (0, 18))  # 3 of 4 gold words inside, all system words inside gold
    assert not token_match(text, (0, 7), (0, 18))


def test_eval_timex_intervals_overlap() -> None:
    assert timex_interval("2023-11") == (timex_interval("2023-11-01")[0], timex_interval("2023-11-30")[0])  # type: ignore[index]
    assert dates_overlap("2023-11-24/2023-11-30", "2023-11-26")
    assert dates_overlap("2023-W47", "2023-11-24")
    assert not dates_overlap("2023-10-07", "2023-12-20")
    assert not dates_overlap("2023-10-07", None)


def test_eval_cli_json_and_misses(seed_record: Record) -> None:
    result = CliRunner().invoke(main, ["eval", str(SEED_GOLD), "--json", "--show-misses"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["files"] == [str(SEED_GOLD)]
    assert set(document["scores"]) == {"entities", "quotes", "figures", "times", "events", "flags", "framing"}
    assert "misses" in document


def test_eval_cli_rejects_a_file_that_is_not_gold(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x.gold.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(bad)])
    assert result.exit_code == 1
    assert result.output == f'Error: {bad}: not a gold file (expected "format": "dateline-gold/1")\n'

"""The CLI through click's runner: formats, exit codes and exact error lines."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import SEED_ARTICLE
from dateline.cli import main


def test_cli_analyze_json_is_one_document_per_article() -> None:
    result = CliRunner().invoke(main, ["analyze", str(SEED_ARTICLE)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "dateline/1"
    assert document["article"]["published"] == "2023-12-20"
    assert result.stderr == "analysed 1 article(s), 0 failed\n"


def test_cli_analyze_jsonl_and_bad_inputs_are_counted(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    good = tmp_path / "plain.txt"
    good.write_text("Officials said on Monday that 12 people were killed.", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["analyze", str(good), str(tmp_path / "empty.txt"), "--format", "jsonl", "--published", "2024-01-10"]
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["article"]["published"] == "2024-01-10"
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'empty.txt'}: empty file (expected UTF-8 news text)",
        "analysed 1 article(s), 1 failed",
    ]


def test_cli_analyze_text_report_lists_every_part() -> None:
    result = CliRunner().invoke(main, ["analyze", str(SEED_ARTICLE), "--format", "text"])
    assert result.exit_code == 0
    for title in ("Entities", "Quotes", "Figures", "Times", "Events", "Flags", "Framing"):
        assert title in result.stdout


def test_cli_analyze_plain_text_without_date_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Some text.", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}: no publication date (expected --published YYYY-MM-DD or a ' date' header)" in result.stderr


def test_cli_version_and_usage_errors() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("dateline, version ")
    result = runner.invoke(main, ["analyze", "x.txt", "--format", "xml"])
    assert result.exit_code == 2

"""``dateline ingest`` and ``dateline export`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main


@pytest.fixture(autouse=True)
def stub_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_ANALYSIS", "stub")


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2023-12-20\nNegotiators met in Doha on Wednesday, officials said.", "utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "b1", "published": "2023-12-21", "source": "Wire", "text": "The harbour bridge reopened."})
        + "\n{broken\n", "utf-8")
    return folder


def test_ingest_cli_prints_summary_report_and_exit_code(tmp_path: Path) -> None:
    inputs, db = _inputs(tmp_path / "in"), str(tmp_path / "c.db")
    result = CliRunner().invoke(main, ["ingest", db, str(inputs)])
    assert result.exit_code == 1
    assert "read 3, new 2, duplicate 0, near-duplicate 0, failed 1" in result.stderr
    assert f"skipped {inputs / 'b.jsonl'}:2: invalid JSON" in result.stderr
    assert "2 articles (analysed 2) from 1 source(s)" in result.stdout
    again = CliRunner().invoke(main, ["ingest", "--db", db, str(inputs / "a.txt"), "--quiet"])
    assert again.exit_code == 0
    assert "read 1, new 0, duplicate 1, near-duplicate 0, failed 0" in again.stderr
    assert again.stdout == ""


def test_ingest_cli_fail_fast_and_wrong_format(tmp_path: Path) -> None:
    inputs, db = _inputs(tmp_path / "in"), str(tmp_path / "f.db")
    result = CliRunner().invoke(main, ["ingest", db, str(inputs / "b.jsonl"), "--fail-fast", "-q"])
    assert result.exit_code == 1
    assert "stopped at the first bad record (--fail-fast)" in result.stderr
    wrong = CliRunner().invoke(main, ["ingest", db, str(inputs / "a.txt"), "--format", "warc", "-q"])
    assert wrong.exit_code == 1
    assert f"skipped {inputs / 'a.txt'}: --format warc: found dateline or plain text (expected a WARC archive)" \
        in wrong.stderr


def test_export_cli_writes_jsonl_gkg_csv_and_parquet(tmp_path: Path) -> None:
    inputs, db = _inputs(tmp_path / "in"), str(tmp_path / "e.db")
    CliRunner().invoke(main, ["ingest", db, str(inputs), "-q"])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["export", db, "--to", "jsonl", "-o", str(out)])
    assert result.exit_code == 0 and "exported 2 article(s)" in result.stderr
    assert [json.loads(line)["article"]["id"] for line in out.read_text("utf-8").splitlines()] == ["a", "b1"]
    gkg = CliRunner().invoke(main, ["export", db, "--to", "gkg"])
    assert [len(line.split("\t")) for line in gkg.stdout.splitlines()] == [27, 27]
    for kind in ("csv", "parquet"):
        assert CliRunner().invoke(main, ["export", db, "--to", kind, "-o", str(tmp_path / kind)]).exit_code == 0
        assert (tmp_path / kind / f"articles.{kind}").exists()
    missing = CliRunner().invoke(main, ["export", str(tmp_path / "nope.db"), "--to", "jsonl"])
    assert missing.exit_code == 1 and "no such store" in missing.stderr

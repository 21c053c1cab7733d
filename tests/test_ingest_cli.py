"""``dateline ingest`` and ``dateline export`` from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.cli import main

PAGE = (
    "<html><head><title>Talks resume in Doha</title>"
    '<meta property="article:published_time" content="2023-12-20T10:00:00Z"></head>'
    "<body><article><h1>Talks resume in Doha</h1>"
    "<p>Negotiators met in Doha on Wednesday to discuss a new truce, officials from both delegations said.</p>"
    "<p>Several people were hurt in strikes overnight, according to local health officials in Doha.</p>"
    "</article></body></html>"
)


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


def test_ingest_cli_cut_warc_gz_and_misdeclared_html_are_counted_and_the_batch_goes_on(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    ends = []
    stories = [("The harbour bridge reopened after repairs on Monday, the port authority said.",
                "Ferries will keep their winter timetable until the end of the month."),
               ("Farmers in the north reported the wettest spring in forty years, a survey found.",
                "Wheat prices rose by a tenth at the regional market in response."),
               ("The city council approved a new budget for schools and libraries on Tuesday.",
                "Two members voted against it, citing the cost of the new stadium.")]
    for number, (first, second) in enumerate(stories):
        body = (PAGE.split("<body>")[0] + f"<body><article><h1>Story {number}</h1><p>{first}</p><p>{second}</p>"
                "</article></body></html>").encode("utf-8")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{number}", "response", payload=io.BytesIO(body), http_headers=http))
        ends.append(buffer.tell())
    (inputs / "c.warc.gz").write_bytes(buffer.getvalue()[: ends[1] + 40])
    (inputs / "d.html").write_bytes(PAGE.replace("<head>", '<head><meta charset="utf-8">')
                                    .replace("Doha", "Doh\xe0 caf\xe9 na\xefve r\xf4le").encode("latin-1"))
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "c.db"), str(inputs), "-q"])
    assert result.exit_code == 1
    assert "read 7, new 4, duplicate 0, near-duplicate 0, failed 3" in result.stderr
    assert (f"skipped {inputs / 'c.warc.gz'}@{ends[1]}: record 3: truncated gzip member "
            "(expected a complete WARC record)") in result.stderr
    assert f"skipped {inputs / 'd.html'}: invalid UTF-8 at byte " in result.stderr
    assert "(expected UTF-8, as its meta charset declares; re-encode the page or correct the declaration)" \
        in result.stderr


def test_ingest_cli_warns_of_a_page_whose_stray_bytes_were_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    page = PAGE.replace("<head>", '<head><meta charset="utf-8">').encode("utf-8")
    (folder / "p.html").write_bytes(page.replace(b"Several", b"Sev\xffral"))
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "w.db"), str(folder), "-q"])
    assert result.exit_code == 0, result.stderr
    position = page.index(b"Several") + 3
    assert (f"warning: {folder / 'p.html'}: 1 invalid UTF-8 sequence(s) replaced by U+FFFD "
            f"(first at byte {position}; UTF-8 declared by meta charset)") in result.stderr
    assert "read 1, new 1, duplicate 0, near-duplicate 0, failed 0" in result.stderr


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

"""Readers and the format dispatcher: good input read, hostile input refused or bounded, batch goes on."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import socket
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import InputError
from dateline.ingest.detect import sniff_input
from dateline.ingest.feed import read_feed
from dateline.ingest.limits import MAX_DOCUMENT_BYTES
from dateline.ingest.sources import read_source, read_sources
from dateline.ingest.warc import read_warc
from dateline.record import Article

PAGE = (
    "<html><head><title>Talks resume in Doha</title>"
    '<meta property="article:published_time" content="2023-12-20T10:00:00Z"></head>'
    "<body><nav>Home | World</nav><article><h1>Talks resume in Doha</h1>"
    "<p>Negotiators met in Doha on Wednesday to discuss a new truce, officials from both delegations said.</p>"
    "<p>At least 19 people were killed in strikes overnight, according to local health officials.</p>"
    "</article><footer>Copyright</footer></body></html>"
)
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Truce talks</title><link>https://example.org/1</link><guid>item-1</guid>
<pubDate>Wed, 20 Dec 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators met in Doha on Wednesday.&lt;/p&gt;&lt;p&gt;Officials said talks go on.&lt;/p&gt;</description></item>
<item><title>No date</title><link>https://example.org/2</link><description>Undated item text.</description></item>
</channel></rss>"""
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>Laughs</title><item><title>&lol9;</title>
<pubDate>Wed, 20 Dec 2023 10:00:00 GMT</pubDate><description>&lol9;</description></item></channel></rss>"""


def _warc(records: list[tuple[str, bytes, list[tuple[str, str]]]], compress: bool = False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, body, headers in records:
        http = StatusAndHeaders("200 OK", [*headers, ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


def _html_records(count: int) -> list[tuple[str, bytes, list[tuple[str, str]]]]:
    return [(f"https://example.org/{i}", PAGE.replace("19", str(19 + i)).encode(), [("Content-Type", "text/html")])
            for i in range(count)]


def _errors(items: list[Article | InputError]) -> list[str]:
    return [item.message for item in items if isinstance(item, InputError)]


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def test_ingest_html_reads_main_text_title_and_date(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (article,) = list(read_source(str(page)))
    assert isinstance(article, Article)
    assert article.published == "2023-12-20"
    assert article.title == "Talks resume in Doha"
    assert "At least 19 people were killed" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text


def test_ingest_html_without_date_asks_for_published(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace("2023-12-20T10:00:00Z", ""), encoding="utf-8")
    (error,) = list(read_source(str(page)))
    assert isinstance(error, InputError)
    assert "expected --published" in error.message
    (article,) = list(read_source(str(page), published="2024-01-02"))
    assert isinstance(article, Article) and article.published == "2024-01-02"


def test_ingest_feed_yields_entries_and_an_error_for_an_undated_one() -> None:
    items = list(read_feed(RSS.encode(), "feed.xml"))
    (article,) = _articles(items)
    assert article.published == "2023-12-20" and article.source == "Example Wire"
    assert article.text == "Negotiators met in Doha on Wednesday.\n\nOfficials said talks go on."
    assert _errors(items) == ["entry has no date (expected <pubDate>/<published> or --published YYYY-MM-DD)"]


def test_ingest_feed_billion_laughs_is_refused_quickly() -> None:
    (error,) = list(read_feed(BILLION_LAUGHS.encode(), "laughs.xml"))
    assert isinstance(error, InputError)
    assert "billion-laughs" in error.message


def test_ingest_feed_external_entity_touches_no_file_or_network(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    connections: list[object] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            connections.append(listener.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    feed = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY file SYSTEM "file://{secret}"><!ENTITY web SYSTEM "http://127.0.0.1:{port}/x">]>
<rss version="2.0"><channel><title>X</title><item><title>&file;&web;</title>
<pubDate>Wed, 20 Dec 2023 10:00:00 GMT</pubDate><description>&file; &web;</description></item></channel></rss>"""
    items = list(read_feed(feed.encode(), "xxe.xml"))
    thread.join()
    listener.close()
    assert connections == []
    assert all("TOP-SECRET" not in (getattr(item, "text", "") or "") for item in items)
    (error,) = items
    assert isinstance(error, InputError) and "refused" in error.message


def test_ingest_warc_reads_html_responses_plain_and_gzipped() -> None:
    for compress in (False, True):
        items = list(read_warc(io.BytesIO(_warc(_html_records(3), compress)), "crawl.warc"))
        articles = _articles(items)
        assert [a.url for a in articles] == [f"https://example.org/{i}" for i in range(3)]
        assert articles[0].published == "2023-12-20" and not _errors(items)


def test_ingest_warc_gzip_bomb_is_capped_on_the_decompressed_side() -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024))
    records = _html_records(3)
    records[1] = ("https://example.org/bomb", bomb, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
    items = list(read_warc(io.BytesIO(_warc(records, compress=True)), "bomb.warc.gz", max_record_bytes=1024 * 1024))
    assert len(_articles(items)) == 2
    assert _errors(items) == ["record payload over 1,048,576 bytes once decompressed (refused: size limit)"]


@pytest.mark.parametrize("compress", [False, True])
def test_ingest_warc_truncated_keeps_records_before_and_reports_the_cut(compress: bool) -> None:
    data = _warc(_html_records(3), compress)
    items = list(read_warc(io.BytesIO(data[: len(data) - 60]), "cut.warc"))
    assert len(_articles(items)) == 2
    assert any("truncated" in message for message in _errors(items))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "found an empty input"),
        ("blank.txt", b"  \n\n ", "found an empty input"),
        ("binary.bin", bytes(range(256)) * 64, "found binary data"),
        ("latin1.txt", " date 2023-12-20\nCaf\xe9 owners said on Monday that prices rose.".encode("latin-1"),
         "invalid UTF-8 at byte"),
    ],
)
def test_ingest_hostile_files_give_clear_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = list(read_source(str(path)))
    assert isinstance(error, InputError)
    assert message in error.message
    assert error.location == str(path)


def test_ingest_fifty_megabyte_document_is_refused_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b" date 2023-12-20\n")
        line = b"Officials said the talks would continue in Doha next week. " * 1000 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024
    (error,) = list(read_source(str(path)))
    assert isinstance(error, InputError)
    assert error.message == (
        f"document over {MAX_DOCUMENT_BYTES:,} bytes (refused: size limit; split it or use JSON Lines)"
    )


def test_ingest_wrong_format_says_what_was_found_and_expected(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (error,) = list(read_source(str(page), input_format="feed"))
    assert isinstance(error, InputError)
    assert error.message == "--format feed: found an HTML page (expected an RSS/Atom feed)"


def test_ingest_detects_every_format_including_gzip() -> None:
    assert sniff_input(b"WARC/1.0\r\n") == ("warc", False)
    assert sniff_input(gzip.compress(b'{"id": 1}\n')) == ("jsonl", True)
    assert sniff_input(RSS.encode()) == ("feed", False)
    assert sniff_input(b'<feed xmlns="http://www.w3.org/2005/Atom">') == ("feed", False)
    assert sniff_input(PAGE.encode()) == ("html", False)
    assert sniff_input(b" date 2023-12-20\nText") == ("text", False)


def test_ingest_folder_batch_goes_on_after_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2023-12-20\nOfficials met in Doha on Wednesday.", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "d.xml").write_text(BILLION_LAUGHS, encoding="utf-8")
    records = [{"id": "j1", "published": "2023-12-21", "text": "A wire story about talks in Doha."},
               {"id": "j2", "published": "not a date", "text": "Bad date."}]
    with gzip.open(tmp_path / "e.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(record) for record in records) + "\n")
    (tmp_path / "f.warc").write_bytes(_warc(_html_records(2)))
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    assert [a.id for a in _articles(items)] == ["a", "c", "j1", "https://example.org/0", "https://example.org/1"]
    assert len(_errors(items)) == 3


def test_ingest_stdin_reads_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps({"id": "s1", "published": "2023-12-20", "text": "Text from stdin."}).encode() + b"\n"

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]

    monkeypatch.setattr("sys.stdin", Stdin)
    (article,) = list(read_source("-"))
    assert isinstance(article, Article) and article.id == "s1" and article.location == "<stdin>:1"

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
from dateline.ingest.html import read_html
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


def _warc_with_bounds(count: int, compress: bool) -> tuple[bytes, list[int]]:
    """A WARC of ``count`` HTML response records and the offset where each record ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    ends = []
    for url, body, headers in _html_records(count):
        http = StatusAndHeaders("200 OK", [*headers, ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


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


UTF8_PAGE = PAGE.replace("<head>", '<head><meta charset="utf-8">').replace(
    "Negotiators met in Doha", "Négociateurs met in Doha — “quietly”"
)


def test_ingest_html_declared_utf8_with_stray_bytes_is_decoded_and_the_repair_noted(tmp_path: Path) -> None:
    raw = UTF8_PAGE.encode("utf-8").replace(b"officials from", b"officials\xa0from")
    page = tmp_path / "stray.html"
    page.write_bytes(raw)
    (article,) = list(read_source(str(page)))
    assert isinstance(article, Article)
    assert "Négociateurs met in Doha — “quietly”" in article.text  # no mojibake from a guessed encoding
    assert "officials\ufffdfrom both delegations" in article.text
    assert article.extra["invalid_utf8"] == {
        "replaced": 1, "first_byte": raw.index(b"\xa0from"), "declared_by": "meta charset",
    }


@pytest.mark.parametrize(("stray", "refused"), [(3, False), (4, True)])
def test_ingest_html_declared_utf8_few_stray_bytes_pass_more_are_refused(stray: int, refused: bool) -> None:
    """Without valid non-ASCII text to outweigh them, more than three invalid sequences refuse a page."""
    raw = PAGE.replace("<head>", '<head><meta charset="utf-8">').encode("utf-8")
    raw = raw.replace(b"Wednesday", b"Wednesday" + b" \xe9" * stray)
    first = raw.index(b"\xe9")
    if refused:
        with pytest.raises(InputError) as error:
            read_html(raw, "page.html")
        assert error.value.message == (
            f"invalid UTF-8 at byte {first}: 4 of 4 non-ASCII sequences are invalid (expected UTF-8, as its "
            "meta charset declares; re-encode the page or correct the declaration)"
        )
    else:
        assert read_html(raw, "page.html").extra["invalid_utf8"]["replaced"] == 3


@pytest.mark.parametrize(
    ("prefix", "declared_by"), [(b"", "meta charset"), (b"\xef\xbb\xbf", "byte-order mark")]
)
def test_ingest_html_declared_utf8_but_mostly_latin1_is_refused(
    tmp_path: Path, prefix: bytes, declared_by: str
) -> None:
    text = UTF8_PAGE.replace("—", "-").replace("“", '"').replace("”", '"')
    text = text.replace("local health officials", "les autorités sanitaires, à Doha, déclaré")
    raw = prefix + text.encode("latin-1")
    page = tmp_path / "latin1.html"
    page.write_bytes(raw)
    first = raw.index(b"\xe9")
    (error,) = list(read_source(str(page)))
    assert isinstance(error, InputError)
    assert str(error) == (
        f"{page}: invalid UTF-8 at byte {first}: 5 of 5 non-ASCII sequences are invalid "
        f"(expected UTF-8, as its {declared_by} declares; re-encode the page or correct the declaration)"
    )


def test_ingest_warc_http_charset_declares_utf8_for_its_page() -> None:
    body = PAGE.encode("utf-8").replace(b"officials from", b"officials\xff from")
    records = [("https://example.org/x", body, [("Content-Type", "text/html; charset=UTF-8")])]
    (article,) = list(read_warc(io.BytesIO(_warc(records, compress=True)), "crawl.warc.gz"))
    assert isinstance(article, Article)
    assert article.extra["invalid_utf8"] == {
        "replaced": 1, "first_byte": body.index(b"\xff"), "declared_by": "HTTP Content-Type",
    }


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


@pytest.fixture
def quick_html(monkeypatch: pytest.MonkeyPatch) -> None:
    """WARC framing tests read thousands of archives: a stand-in for trafilatura keeps them fast."""

    def read_html(payload: bytes, location: str, url: str | None = None, **_: object) -> Article:
        return Article(id=url or location, text=payload.decode("utf-8"), url=url, location=location)

    monkeypatch.setattr("dateline.ingest.warc.read_html", read_html)


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.usefixtures("quick_html")
def test_ingest_warc_cut_at_every_byte_keeps_whole_records_and_reports_the_broken_one(compress: bool) -> None:
    data, ends = _warc_with_bounds(4, compress)
    starts = [0, *ends[:-1]]
    urls = [f"https://example.org/{i}" for i in range(4)]
    for cut in range(len(data) + 1):
        items = list(read_warc(io.BytesIO(data[:cut]), "cut.warc"))
        whole = sum(end <= cut for end in ends)
        started = sum(start < cut for start in starts)
        assert [article.url for article in _articles(items)] == urls[:whole], cut
        errors = [item for item in items if isinstance(item, InputError)]
        assert len(errors) == started - whole, cut  # the record the cut falls in, and only it
        for error in errors:
            assert error.location == f"cut.warc@{starts[whole]}", cut
            assert error.message.startswith(f"record {whole + 1}: truncated"), (cut, error.message)
            assert error.message.endswith("(expected a complete WARC record)"), (cut, error.message)


@pytest.mark.usefixtures("quick_html")
def test_ingest_warc_truncation_messages_name_the_record_and_what_was_expected() -> None:
    plain, plain_ends = _warc_with_bounds(3, compress=False)
    gzipped, gzip_ends = _warc_with_bounds(3, compress=True)
    second = plain[plain_ends[0] : plain_ends[1]]
    content_length = len(second) - (second.index(b"\r\n\r\n") + 4) - len(b"\r\n\r\n")
    cases = [
        ("crawl.warc.gz", gzipped[: gzip_ends[1] + 30], gzip_ends[1],
         "record 3: truncated gzip member (expected a complete WARC record)"),
        ("crawl.warc.gz", gzipped[: gzip_ends[2] - 3], gzip_ends[1],  # inside the gzip trailer (checksum)
         "record 3: truncated gzip member (expected a complete WARC record)"),
        ("crawl.warc", plain[: plain_ends[0] + 12], plain_ends[0],
         "record 2: truncated inside the WARC header (expected a complete WARC record)"),
        ("crawl.warc", plain[: plain_ends[1] - 104], plain_ends[0],
         f"record 2: truncated after {content_length - 100:,} of {content_length:,} content bytes "
         "(expected a complete WARC record)"),
        ("crawl.warc", plain[: plain_ends[1] - 2], plain_ends[0],
         "record 2: truncated before the CRLF CRLF that closes it (expected a complete WARC record)"),
    ]
    for name, data, offset, message in cases:
        items = list(read_warc(io.BytesIO(data), name))
        assert len(_articles(items)) == int(message[len("record ")]) - 1
        (error,) = [item for item in items if isinstance(item, InputError)]
        assert str(error) == f"{name}@{offset}: {message}"


@pytest.mark.usefixtures("quick_html")
def test_ingest_warc_corrupt_gzip_member_is_reported_and_reading_goes_on() -> None:
    data, ends = _warc_with_bounds(3, compress=True)
    start, end = ends[0], ends[1]
    urls = [f"https://example.org/{i}" for i in range(3)]
    for position in range(start, end):
        for flip in (0x01, 0x80, 0xFF):
            corrupt = bytearray(data)
            corrupt[position] ^= flip
            items = list(read_warc(io.BytesIO(bytes(corrupt)), "bad.warc.gz"))
            errors = [item for item in items if isinstance(item, InputError)]
            read = [article.url for article in _articles(items)]
            # Records 1 and 3 are always read; record 2 is lost only with an error saying so. (A flipped
            # bit in a gzip header's date or OS byte harms nothing; one near a member's end may leave
            # the record whole but add garbage after it, reported as where record 3 was expected.)
            assert read in (urls, [urls[0], urls[2]]), (position, flip)
            assert len(urls) - len(read) <= len(errors) <= 1, (position, flip, errors)
            assert all(error.location == f"bad.warc.gz@{start}" for error in errors), (position, flip, errors)
    for position, reason in ((start, "incorrect header check"), (end - 8, "incorrect data check")):
        corrupt = bytearray(data)
        corrupt[position] ^= 0xFF
        items = list(read_warc(io.BytesIO(bytes(corrupt)), "bad.warc.gz"))
        assert [article.url for article in _articles(items)] == [urls[0], urls[2]]
        assert _errors(items) == [f"record 2: corrupt gzip member: {reason} (expected a well-formed gzip member)"]


@pytest.mark.usefixtures("quick_html")
def test_ingest_warc_malformed_record_is_reported_and_reading_goes_on() -> None:
    data, ends = _warc_with_bounds(3, compress=False)
    header_end = data.index(b"\r\n\r\n", ends[0])
    length_at = data.index(b"Content-Length: ", ends[0], header_end) + len(b"Content-Length: ")
    broken = data[:length_at] + b"many" + data[data.index(b"\r\n", length_at):]
    items = list(read_warc(io.BytesIO(broken), "bad.warc"))
    assert [article.url for article in _articles(items)] == ["https://example.org/0", "https://example.org/2"]
    assert _errors(items) == [
        "record 2: no valid Content-Length in the WARC header, found 'many' (expected 'Content-Length: <bytes>')"
    ]


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


def _warc_gz_first_record_padded(pad: int) -> tuple[bytes, int]:
    """Three records, the first padded with ``pad`` hex digits; the archive and the first member's end."""
    import random

    digits = random.Random(7).randbytes(pad).hex().encode()[:pad]
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    first_end = 0
    for number, (url, body, headers) in enumerate(_html_records(3)):
        if number == 0:
            body = body.replace(b"</body>", b"<!--" + digits + b"--></body>")
        http = StatusAndHeaders("200 OK", [*headers, ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
        first_end = first_end or buffer.tell()
    return buffer.getvalue(), first_end


@pytest.mark.usefixtures("quick_html")
def test_ingest_warc_gz_record_before_a_corrupt_member_is_kept_when_its_checksum_straddles_a_read() -> None:
    """Reading a member's checksum must not open the next member: a corrupt one would be blamed on
    (and lose) the whole record before it."""
    from dateline.ingest.warc_stream import CHUNK

    low, high = 1000, 4 * CHUNK  # the first member's end grows with the padding: find where it passes 2 CHUNKs
    while low < high:
        middle = (low + high) // 2
        low, high = (middle + 1, high) if _warc_gz_first_record_padded(middle)[1] < 2 * CHUNK + 4 else (low, middle)
    straddling = [pad for pad in range(low - 40, low + 40) if 2 * CHUNK < _warc_gz_first_record_padded(pad)[1] < 2 * CHUNK + 8]
    assert straddling
    for pad in straddling:
        data, first_end = _warc_gz_first_record_padded(pad)
        corrupt = bytearray(data)
        corrupt[first_end + 20] ^= 0xFF  # inside the second member's compressed data
        items = list(read_warc(io.BytesIO(bytes(corrupt)), "bad.warc.gz"))
        assert [article.url for article in _articles(items)] == ["https://example.org/0", "https://example.org/2"], pad
        assert [item.location for item in items if isinstance(item, InputError)] == [f"bad.warc.gz@{first_end}"], pad


def test_ingest_warc_stream_failing_midway_is_reported_not_raised() -> None:
    data, ends = _warc_with_bounds(2, compress=False)

    class Failing(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            if self.tell() >= ends[0]:
                raise OSError("disk read error")
            return super().read(size if size is None or size < 0 else min(size, ends[0] - self.tell()))

        def readline(self, size: int | None = -1) -> bytes:
            if self.tell() >= ends[0]:
                raise OSError("disk read error")
            return super().readline(size)

    items = list(read_warc(Failing(data), "bad.warc"))
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(errors) == 1 and "unreadable (disk read error) (expected a readable WARC record)" in errors[0].message

"""Readers: good and bad inputs, each bad one with a one-line error naming the input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEED_ARTICLE
from dateline.errors import InputError
from dateline.ingest import parse_published, read_dateline_text, read_jsonl, read_paths, read_plain_text


def test_readers_dateline_text_keeps_text_verbatim_with_its_offset() -> None:
    article = read_dateline_text(SEED_ARTICLE)
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    assert article.published == "2023-12-20"
    assert raw[article.text_offset :] == article.text
    assert "“steadfast on the battlefield”" in article.text


def test_readers_dateline_header_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-02-29\nText “as is”  with  spaces.\n", encoding="utf-8")
    article = read_dateline_text(path)
    assert article.published == "2024-02-29"
    assert article.text == "Text “as is”  with  spaces.\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file (expected UTF-8 news text)"),
        (b"   \n", "empty file (expected UTF-8 news text)"),
        (b"\x00\x01binary", "binary data (NUL bytes) where UTF-8 news text was expected"),
        (b" date 2023-12-20 caf\xe9", "invalid UTF-8 at byte 20 (expected UTF-8 text; re-encode the file)"),
        (b" date 2023-02-30 Text.", "dateline header: impossible date '2023-02-30' (expected a real calendar date YYYY-MM-DD)"),
        (b" date yesterday Text.", "dateline header: expected a date YYYY-MM-DD, got 'yesterday'"),
        (b"No header here.", "no dateline header (expected a first line ' date YYYY-MM-DD')"),
    ],
)
def test_readers_dateline_text_bad_input(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_dateline_text(path)
    assert str(error.value) == f"{path}: {message}"


def test_readers_plain_text_needs_a_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Officials said on Monday that talks resumed.", encoding="utf-8")
    assert read_plain_text(path, "2024-01-10").published == "2024-01-10"
    with pytest.raises(InputError) as error:
        read_plain_text(path, None)
    assert str(error.value) == f"{path}: no publication date (expected --published YYYY-MM-DD or a ' date' header)"
    with pytest.raises(InputError, match="impossible date"):
        read_plain_text(path, "2023-13-01")


def test_readers_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_dateline_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match=r"is a directory \(expected a file\)"):
        read_dateline_text(tmp_path)


def _write_jsonl(path: Path, lines: list[str], compress: bool = False) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)


GOOD = json.dumps({"id": "a1", "source": "Wire", "url": None, "published": "2023-10-07", "title": "T", "text": "Body."})


@pytest.mark.parametrize("compress", [False, True])
def test_readers_jsonl_good_and_bad_lines_counted(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("in.jsonl.gz" if compress else "in.jsonl")
    _write_jsonl(
        path,
        [
            GOOD,
            "{not json",
            json.dumps({"id": "a2", "published": "2023-02-30", "text": "x"}),
            json.dumps({"id": "a3", "published": "2023-01-01", "text": ""}),
            json.dumps({"id": "a4", "text": "no date"}),
            json.dumps(["a list"]),
            GOOD.replace('"a1"', '"a5"'),
        ],
        compress,
    )
    items = list(read_jsonl(path))
    articles = [i for i in items if not isinstance(i, InputError)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [a.id for a in articles] == ["a1", "a5"]
    assert articles[0].source == "Wire" and articles[0].published == "2023-10-07"
    assert errors == [
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2); expected one object per line",
        f"{path}:3: 'published': impossible date '2023-02-30' (expected a real calendar date YYYY-MM-DD)",
        f"{path}:4: missing or empty 'text' (expected the article text as a string)",
        f"{path}:5: missing 'published' (expected a date YYYY-MM-DD)",
        f"{path}:6: expected a JSON object with id, source, url, published, title, text",
    ]


def test_readers_jsonl_invalid_utf8_and_broken_gzip(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + b'{"id": "x\xff"}\n')
    errors = [str(i) for i in read_jsonl(path) if isinstance(i, InputError)]
    assert errors == [f"{path}:2: invalid UTF-8 at byte 9 of the line (expected UTF-8 JSON)"]
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(((GOOD + "\n") * 50).encode())[:60])
    items = list(read_jsonl(broken))
    assert isinstance(items[-1], InputError)
    assert "broken gzip stream" in str(items[-1])


def test_readers_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(" date 2023-12-20 Good text.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    _write_jsonl(tmp_path / "records.jsonl", [GOOD, "[]"])
    items = list(read_paths([tmp_path]))
    assert sorted(type(i).__name__ for i in items) == ["Article", "Article", "InputError", "InputError"]


@given(st.dates(min_value=__import__("datetime").date(1, 1, 1)))
def test_readers_parse_published_round_trips_every_real_date(day: object) -> None:
    iso = day.isoformat()  # type: ignore[attr-defined]
    assert parse_published(iso) == iso
    assert parse_published(iso + "T12:30:00Z") == iso


@given(st.text(max_size=12))
def test_readers_parse_published_never_accepts_garbage_silently(text: str) -> None:
    try:
        result = parse_published(text)
    except ValueError as error:
        assert "expected" in str(error) or "impossible" in str(error)
    else:
        assert len(result) == 10 and result[4] == "-"

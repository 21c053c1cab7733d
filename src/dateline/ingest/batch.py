"""Read many inputs at once: files, folders and JSON Lines, yielding errors as values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.text import read_plain_text
from dateline.record import Article

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
TEXT_SUFFIXES = (".txt", ".text")


def read_paths(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Article | InputError]:
    """Yield the articles in ``paths`` in order; a folder yields its text and JSON Lines files.

    A bad input yields an :class:`InputError` and reading goes on with the next one.
    """
    for path in map(Path, paths):
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p))
            if not children:
                yield InputError(str(path), "folder holds no .txt or .jsonl files")
            yield from read_paths(children, published)
        elif _is_jsonl(path):
            yield from read_jsonl(path)
        else:
            try:
                yield read_plain_text(path, published)
            except InputError as error:
                yield error


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def _is_article_file(path: Path) -> bool:
    return _is_jsonl(path) or path.name.lower().endswith(TEXT_SUFFIXES)

"""kill -9 in the middle of an ingest, then a re-run: no article lost, duplicated or half-written."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from dateline.cli import main; main()", "ingest"]


def _corpus(path: Path, count: int) -> None:
    words = ["harbour", "election", "drought", "vaccine", "railway", "orchestra", "glacier", "satellite", "council", "river", "market", "bridge", "school", "court", "ministry", "border", "village", "factory", "festival", "museum", "airport", "stadium"]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            rng = random.Random(i)
            text = f"Report {i}. " + " ".join(rng.choice(words) for _ in range(60)) + "."
            handle.write(json.dumps({"id": f"r{i}", "published": "2023-12-20", "source": "Wire", "text": text}) + "\n")


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _kill_after(command: list[str], db: Path, committed: int, env: dict[str, str]) -> list[int]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _committed(db) < committed:
        assert process.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    workers = [int(pid) for pid in children.read_text().split()] if children.exists() else []
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    return workers


def _check_whole(db: Path, expected_keys: set[str], items_per_article: int | None) -> None:
    connection = sqlite3.connect(db)
    keys = [row[0] for row in connection.execute("SELECT article_key FROM articles")]
    assert len(keys) == len(set(keys)), "an article was stored twice"
    assert set(keys) == expected_keys, "an article was lost"
    count = len(keys)
    assert connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == count
    assert connection.execute("SELECT count(*) FROM minhash_signatures").fetchone()[0] == count
    assert connection.execute("SELECT count(*) FROM articles WHERE sentences = '[]'").fetchone()[0] == 0
    if items_per_article is not None:
        rows = connection.execute(
            "SELECT a.id, count(e.id) FROM articles a LEFT JOIN entities e ON e.article_id = a.id GROUP BY a.id"
        ).fetchall()
        assert {n for _id, n in rows} == {items_per_article}, "an article was half-written"
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_crash_safety_kill_9_then_rerun_with_stub_analysis(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "crash.db"
    _corpus(corpus, 600)
    env = {**os.environ, "DATELINE_ANALYSIS": "stub"}
    command = [*CLI, str(db), str(corpus), "--quiet"]
    _kill_after(command, db, 100, env)
    before = _committed(db)
    assert 100 <= before < 600
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert f"read 600, new {600 - before}, duplicate {before}, near-duplicate 0, failed 0" in finished.stderr
    _check_whole(db, {f"r{i}" for i in range(600)}, items_per_article=1)


def test_crash_safety_kill_9_with_two_workers_leaves_no_worker_behind(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "workers.db"
    _corpus(corpus, 600)
    env = {**os.environ, "DATELINE_ANALYSIS": "stub"}
    command = [*CLI, str(db), str(corpus), "--quiet", "--workers", "2"]
    workers = _kill_after(command, db, 50, env)
    assert len(workers) >= 2
    deadline = time.monotonic() + 10
    while alive := [pid for pid in workers if Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)]:
        assert time.monotonic() < deadline, f"a worker outlived the killed ingest: {[_command(pid) for pid in alive]}"
        time.sleep(0.1)
    subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    _check_whole(db, {f"r{i}" for i in range(600)}, items_per_article=1)


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ") + " " + _state(pid).split("\n")[2]
    except (OSError, IndexError):
        return str(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return "zombie"


@pytest.mark.slow
def test_crash_safety_kill_9_then_rerun_with_real_analysis(tmp_path: Path) -> None:
    db = tmp_path / "real.db"
    command = [*CLI, str(db), str(REPO / "samples"), "--quiet"]
    env = {key: value for key, value in os.environ.items() if key != "DATELINE_ANALYSIS"}
    _kill_after(command, db, 2, env)
    before = _committed(db)
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert f"new {11 - before}, duplicate {before}" in finished.stderr
    _check_whole(db, _sample_ids(), items_per_article=None)


def _sample_ids() -> set[str]:
    from dateline.ingest.sources import read_source
    from dateline.record import Article

    return {item.id for item in read_source(str(REPO / "samples")) if isinstance(item, Article)}

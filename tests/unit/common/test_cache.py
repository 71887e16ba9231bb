"""The SQLite-backed JSON cache: damaged files are replaced, busy ones are never deleted."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from briefings.common.cache import JsonCache


def test_values_round_trip_and_keep_only(tmp_path: Path) -> None:
    cache = JsonCache(tmp_path / "c.sqlite")
    cache.put("a", {"x": [1, "é"]})
    cache.put("b", 2)
    assert cache.get("a") == {"x": [1, "é"]}
    assert cache.get("missing") is None
    cache.keep_only({"b"})
    assert cache.get("a") is None
    assert JsonCache(tmp_path / "c.sqlite").get("b") == 2


def test_a_damaged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = JsonCache(path)
    cache.put("a", 1)
    assert cache.get("a") == 1


def test_a_database_another_process_holds_is_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        other.execute("INSERT INTO entries VALUES ('kept', '1')")
        other.execute("BEGIN EXCLUSIVE")  # as a concurrent build switching it to WAL would
        busy = JsonCache(path, timeout=0.1)
        assert busy.get("kept") is None  # cannot read it now: a miss, not an error
        busy.put("new", 2)  # and writes are skipped
        other.execute("COMMIT")
    assert JsonCache(path).get("kept") == 1  # the other build's data survived

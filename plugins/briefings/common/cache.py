"""A small on-disk cache of per-seed results, keyed by a hash of everything they depend on.

Entries are JSON files named by the SHA-256 of their inputs, so a changed seed, glossary or
plugin version simply misses; nothing is ever invalidated in place. The folder can be
deleted at any time: the output of a build does not depend on it, only its speed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Collection, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``briefings`` package: every room's code shapes cached results."""


def fingerprint(parts: Iterable[str | bytes]) -> str:
    """Return the SHA-256 hex digest of ``parts``, each length-prefixed so joins can't collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def code_fingerprint(package_dir: Path, distributions: tuple[str, ...] = ()) -> str:
    """Return a hash of the Python sources under ``package_dir`` and the versions of
    ``distributions``: results computed by that code with that data stay valid while it holds.

    Computed once per process: the code a process runs does not change under it (code that
    edits the sources calls :func:`forget_code`).
    """
    parts: list[str | bytes] = [_sources_digest(package_dir)]
    for name in sorted(distributions):
        try:
            parts += [name, metadata.version(name)]
        except metadata.PackageNotFoundError:
            parts += [name, "-"]
    return fingerprint(parts)


@functools.lru_cache(maxsize=8)
def _sources_digest(package_dir: Path) -> str:
    """Return a hash of the Python sources under ``package_dir``, read once per process
    however many fingerprints combine it with other versions."""
    parts: list[str | bytes] = []
    for path in sorted(package_dir.rglob("*.py")):
        if path.name.startswith(".") or not path.is_file():
            continue  # an editor's lock or backup file (".#x.py"), not code
        parts += [path.relative_to(package_dir).as_posix(), path.read_bytes()]
    return fingerprint(parts)


def forget_code() -> None:
    """Forget the fingerprints computed so far: the next ones read the sources again."""
    code_fingerprint.cache_clear()
    _sources_digest.cache_clear()


# Connections a forked process inherited from its parent (see JsonCache._connect).
_INHERITED: list[sqlite3.Connection] = []


def _is_damaged(error: sqlite3.DatabaseError) -> bool:
    """Return True if ``error`` says the file is not a database or is corrupt (not, say,
    that another process holds a lock on it)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
    return "not a database" in str(error) or "malformed" in str(error)


class JsonCache:
    """JSON values by key in one SQLite file; anything unreadable is a miss, never an error.

    One file rather than one per entry: a build of thousands of briefings would otherwise
    spend seconds creating and renaming small files. Each process opens its own connection
    (the build forks a helper), and every write is committed at once, so a helper that
    exits abruptly loses nothing. A damaged file is deleted and the cache starts empty.
    """

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self.path = path
        self._timeout = timeout
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._disabled = False
        self.notice = ""  # what went wrong with the file, said once by the build

    def _connect(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        if self._db is not None and self._pid == os.getpid():
            return self._db
        if self._db is not None:
            # A connection inherited through fork must be neither used nor closed here:
            # keep it alive (and unused) for as long as this process lives.
            _INHERITED.append(self._db)
            self._db = None
        for attempt in (1, 2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                )
            except sqlite3.DatabaseError as exc:
                if attempt == 1 and _is_damaged(exc):
                    self._delete_files()  # not a database: start again, empty
                    self.notice = f"{self.path}: damaged ({exc}); started again, empty"
                    continue
                # busy (another build holds it) or unusable: build without the cache
                self.notice = f"{self.path}: cannot be used ({exc}); building without it"
                break
            except OSError as exc:
                self.notice = f"{self.path}: cannot be used ({exc}); building without it"
                break
            self._db, self._pid = db, os.getpid()
            return db
        self._disabled = True  # a cache that cannot be used only costs time
        return None

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")

    def open(self) -> None:
        """Open the file now (a damaged one is reset here): before a helper is forked, so
        that this process, which reports problems, is the one that finds them."""
        self._connect()

    def get(self, key: str) -> Any | None:
        """Return the value stored under ``key``, or None when absent or unreadable."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            return json.loads(row[0]) if row is not None else None
        except (sqlite3.Error, ValueError, TypeError):
            return None

    def has(self, key: str) -> bool:
        """Return whether a value is stored under ``key`` (without reading it)."""
        db = self._connect()
        if db is None:
            return False
        try:
            return db.execute("SELECT 1 FROM entries WHERE key = ?", (key,)).fetchone() is not None
        except sqlite3.Error:
            return False

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key``; a cache that cannot be written is skipped."""
        db = self._connect()
        if db is None:
            return
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(sqlite3.Error):
            db.execute("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", (key, data))

    def keep_only(self, keys: Collection[str]) -> None:
        """Delete every entry but ``keys``: the cache holds what the last build used."""
        db = self._connect()
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            db.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY)")
            db.execute("DELETE FROM kept")
            db.executemany("INSERT OR IGNORE INTO kept (key) VALUES (?)", ((k,) for k in keys))
            db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM kept)")

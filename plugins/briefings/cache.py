"""A small on-disk cache of per-seed results, keyed by a hash of everything they depend on.

Entries are JSON files named by the SHA-256 of their inputs, so a changed seed, glossary or
plugin version simply misses; nothing is ever invalidated in place. The folder can be
deleted at any time: the output of a build does not depend on it, only its speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Collection, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any


def fingerprint(parts: Iterable[str | bytes]) -> str:
    """Return the SHA-256 hex digest of ``parts``, each length-prefixed so joins can't collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(package_dir: Path, distributions: Iterable[str] = ()) -> str:
    """Return a hash of the Python sources under ``package_dir`` and the versions of
    ``distributions``: results computed by that code with that data stay valid while it holds.
    """
    parts: list[str | bytes] = []
    for path in sorted(package_dir.rglob("*.py")):
        parts += [path.relative_to(package_dir).as_posix(), path.read_bytes()]
    for name in sorted(distributions):
        try:
            parts += [name, metadata.version(name)]
        except metadata.PackageNotFoundError:
            parts += [name, "-"]
    return fingerprint(parts)


class JsonCache:
    """JSON values stored under ``folder``, one file per key; unreadable entries are misses."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> Any | None:
        """Return the value stored under ``key``, or None when absent or unreadable."""
        try:
            return json.loads((self.folder / f"{key}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` atomically; a cache that cannot be written is skipped."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(value, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, self.folder / f"{key}.json")
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def keep_only(self, keys: Collection[str]) -> None:
        """Delete every entry but ``keys``: the cache holds what the last build used."""
        try:
            entries = list(self.folder.glob("*.json"))
        except OSError:
            return
        for entry in entries:
            if entry.stem not in keys:
                with contextlib.suppress(OSError):
                    entry.unlink()

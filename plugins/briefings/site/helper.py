"""A helper process that works ahead of the build: results computed in order, picked up later.

The publisher hands :class:`Helper` a function and a number of items; one forked process
computes ``work(0)``, ``work(1)``, … in order while the build process goes on with its own
pages, and :meth:`Helper.result` returns each result when the build reaches it. The work
function and everything it reads are inherited through ``fork`` (nothing but item indices
and results is pickled), so it may be any closure. A helper that fails or dies costs only
time: :meth:`Helper.result` returns None and the caller computes the item itself.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

# Items per task sent to the helper: fewer round trips, and results still arrive in time.
CHUNK = 16
# Tasks queued ahead of the one the build is waiting for.
AHEAD = 8

_work: Callable[[int], Any] | None = None  # set in the build process just before the fork


def helper_processes() -> int:
    """Return how many helper processes may be used here: one when a second CPU is free for
    it and this process can be forked safely, else none (everything runs inline).

    Forking is safe on Linux from a process running one thread: ``mkdocs build``, and the
    first build of ``mkdocs serve``; its rebuilds run beside the server's threads, and a
    forked copy of a lock another thread holds could never be released.
    """
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if threading.active_count() > 1:
        return 0
    return 1 if len(os.sched_getaffinity(0)) > 1 else 0


def _run(first: int, stop: int) -> list[Any]:
    """In the helper: the results of items ``first`` to ``stop - 1``."""
    assert _work is not None
    return [_work(index) for index in range(first, stop)]


class Helper:
    """One forked process computing ``work(index)`` for ``index`` in ``range(count)``.

    At most :data:`AHEAD` chunks are queued at a time, topped up as results are picked up:
    the helper stays ahead of the build, and an interrupted build (Ctrl-C) waits for a few
    chunks at most before it exits, not for all of them.
    """

    def __init__(self, work: Callable[[int], Any], count: int) -> None:
        global _work  # inherited by the forked helper; nothing else reads it
        self._count = count
        self._chunks: dict[int, Future[list[Any]]] = {}
        self._submitted = 0
        _work = work
        try:
            self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("fork")
            )
            self._top_up(0)  # the pool forks its process on the first submit
        finally:
            _work = None

    def _top_up(self, chunk: int) -> None:
        """Queue the chunks up to ``chunk + AHEAD`` that are not queued yet."""
        last = min(chunk + AHEAD, -(-self._count // CHUNK))
        while self._pool is not None and self._submitted < last:
            first = self._submitted * CHUNK
            try:
                future = self._pool.submit(_run, first, min(first + CHUNK, self._count))
            except Exception:  # a broken pool: the caller works inline
                self.close()
                return
            self._chunks[self._submitted] = future
            self._submitted += 1

    def result(self, index: int) -> Any | None:
        """Return ``work(index)`` as the helper computed it, or None if it failed."""
        chunk, offset = divmod(index, CHUNK)
        if self._pool is None or not 0 <= index < self._count:
            return None
        self._top_up(chunk + 1)
        future = self._chunks.get(chunk)
        if future is None:
            return None
        try:
            results = future.result()
        except Exception:  # any failure in the helper: compute inline instead
            return None
        if offset == len(results) - 1:
            del self._chunks[chunk]  # the last item of a chunk: its results are not needed
        return results[offset]

    def close(self) -> None:
        """Stop the helper; results not picked up are dropped."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self._chunks = {}

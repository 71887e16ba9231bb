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
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

# Items per task sent to the helper: fewer round trips, and results still arrive in time.
CHUNK = 16

_work: Callable[[int], Any] | None = None  # set in the build process just before the fork


def helper_processes() -> int:
    """Return how many helper processes may be used here: one when a second CPU is free for
    it and processes can be forked cheaply (Linux), else none (everything runs inline)."""
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return 1 if len(os.sched_getaffinity(0)) > 1 else 0


def _run(first: int, stop: int) -> list[Any]:
    """In the helper: the results of items ``first`` to ``stop - 1``."""
    assert _work is not None
    return [_work(index) for index in range(first, stop)]


class Helper:
    """One forked process computing ``work(index)`` for ``index`` in ``range(count)``."""

    def __init__(self, work: Callable[[int], Any], count: int) -> None:
        global _work  # inherited by the forked helper; nothing else reads it
        _work = work
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("fork")
        )
        self._chunks: list[Future[list[Any]]] = [
            self._pool.submit(_run, first, min(first + CHUNK, count))
            for first in range(0, count, CHUNK)
        ]
        # The pool forks its process on the first submit: the global can go now.
        _work = None

    def result(self, index: int) -> Any | None:
        """Return ``work(index)`` as the helper computed it, or None if it failed."""
        chunk, offset = divmod(index, CHUNK)
        if self._pool is None or chunk >= len(self._chunks):
            return None
        try:
            return self._chunks[chunk].result()[offset]
        except Exception:
            return None

    def close(self) -> None:
        """Stop the helper; results not picked up are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._chunks = []

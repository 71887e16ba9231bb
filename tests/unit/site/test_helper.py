"""The helper process: results in order, computed ahead, and never needed for correctness."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from briefings.site.helper import AHEAD, CHUNK, Helper, helper_processes

pytestmark = pytest.mark.skipif(helper_processes() == 0, reason="needs a second CPU and fork")


def test_results_come_back_in_order_from_another_process() -> None:
    table = {index: f"item {index}" for index in range(CHUNK * 2 + 3)}  # a closure's data
    helper = Helper(lambda index: (table[index], os.getpid()), len(table))
    try:
        results = [helper.result(index) for index in range(len(table))]
    finally:
        helper.close()
    assert [r[0] for r in results] == list(table.values())
    assert {r[1] for r in results} != {os.getpid()}  # computed elsewhere
    assert helper.result(0) is None  # closed: the caller computes it itself


def test_a_failing_or_dead_helper_returns_none() -> None:
    def work(index: int) -> int:
        if index == 1:
            raise ValueError("bad item")
        return index

    helper = Helper(work, CHUNK + 1)
    try:
        assert helper.result(1) is None  # the chunk holding the failure
        assert helper.result(CHUNK) == CHUNK
        assert helper.result(CHUNK + 5) is None  # beyond the items
    finally:
        helper.close()
    dead = Helper(lambda index: index, CHUNK * 50)
    try:
        processes = list(dead._pool._processes.values())  # type: ignore[union-attr]
        assert processes
        for process in processes:
            os.kill(process.pid, signal.SIGKILL)
        assert dead.result(CHUNK * 49) is None
    finally:
        dead.close()


def test_no_helper_is_forked_beside_other_threads() -> None:
    """Under `mkdocs serve` rebuilds run beside the server's threads: no fork there."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert helper_processes() == 0
    finally:
        stop.set()
        other.join()


def test_only_a_few_chunks_are_queued_ahead() -> None:
    """An interrupted build waits for AHEAD chunks at most, not for every item."""
    helper = Helper(lambda index: index, CHUNK * (AHEAD + 10))
    try:
        assert len(helper._chunks) == AHEAD
        assert helper.result(CHUNK * 3) == CHUNK * 3
        assert max(helper._chunks) == 3 + AHEAD
    finally:
        helper.close()

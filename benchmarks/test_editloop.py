"""The editing-loop benchmark's helpers (benchmarks/editloop.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.editloop import EditResult, briefing_url, report, wait_for


def test_briefing_url_comes_from_the_sourcing_data(tmp_path: Path) -> None:
    month = tmp_path / "reports" / "sourcing"
    month.mkdir(parents=True)
    record = {"path": "seeds/00002_ab.txt", "url": "briefings/2024-01-02-x/"}
    (month / "2024-01.json").write_text(json.dumps({"briefings": [record]}), "utf-8")
    assert briefing_url(tmp_path, Path("/s/seeds/00002_ab.txt")) == "briefings/2024-01-02-x/"
    with pytest.raises(RuntimeError, match="no page"):
        briefing_url(tmp_path, Path("/s/seeds/00003_cd.txt"))


def test_wait_for_times_out_and_succeeds() -> None:
    assert wait_for(lambda: False, 0.12) is None
    calls = iter([False, True])
    seconds = wait_for(lambda: next(calls), 5)
    assert seconds is not None and seconds < 1


def test_report_gives_verdicts_against_the_targets() -> None:
    text = report(
        1000,
        5000,
        [EditResult("a seed", 1.5, [], 31.25), EditResult("an entry", None, ["card index"])],
        60,
    )
    assert "| a seed | 1.50 | 2 | **met** | 31.25 | nothing |" in text
    assert "| an entry | > 60 | 5 | **missed** | never | card index |" in text

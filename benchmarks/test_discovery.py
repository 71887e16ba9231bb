"""The discovery cost benchmark (:mod:`benchmarks.discovery`) on a small folder of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefings.entities.discovery import RUNS

from benchmarks import discovery

ARTICLE = (
    "date 2026-03-02 Velmar Shipping said on Monday that its ferry Kestrel Star would "
    "leave Port Albion, according to the Harbour Authority of Velmar.\n\n"
    "Ana Ruiz, a spokesperson for Velmar Shipping, told Reuters the ship was safe.\n"
)


def test_the_report_gives_the_cost_per_700_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Monday", "Friday"), "utf-8")
    assert discovery.main([str(tmp_path), "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    assert f"discovery modules: {RUNS}\n" in out  # which code was timed
    assert "2 articles, 34 words on average" in out
    assert "per 700 words:" in out and "(budget 5 ms:" in out


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    assert discovery.main([str(tmp_path)]) == 1

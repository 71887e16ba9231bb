"""Checks of the benchmark's own measurements that need no build (:mod:`benchmarks.run`).

Run with ``.venv/bin/python -m pytest benchmarks -q`` (``make bench-corpus-check``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from benchmarks.corpus import CorpusStats
from benchmarks.run import (
    _GENERATED_RE,
    MISSED,
    NONE,
    SIZE_BOUND,
    FileSize,
    LargestFiles,
    Measurement,
    Row,
    generated_lines,
    largest_files,
    largest_lines,
    load_json,
)


def _write(site: Path, path: str, size: int) -> None:
    """Write a file of ``size`` bytes at ``path`` under ``site``."""
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"x" * size)


def _site(site: Path) -> None:
    """A small site: pages, entity pages, fetched files and files that are not fetched."""
    _write(site, "index.html", 3_000)
    _write(site, "briefings/2022-09-07-a/index.html", 9_000)
    _write(site, "entities/index.html", 2_000)
    _write(site, "entities/person/ann-bell/index.html", 12_000)
    _write(site, "entities/place/velmora/index.html", 1_000)
    _write(site, "entities/place/velmora/feed.xml", 4_000)
    _write(site, "search/search_index.json", 50_000)
    _write(site, "cards/a.json", 7_000)
    _write(site, "cards/b.json", 8_000)
    _write(site, "reports/sourcing.json", 6_000)
    _write(site, "assets/briefings/cards.js", 5_000)
    _write(site, "sitemap.xml", 30_000)  # Material's instant navigation loads it
    _write(site, "assets/images/big.png", 80_000)  # not a fetched text file
    _write(site, "assets/javascripts/bundle.min.js.map", 70_000)  # developer tools only
    _write(site, "assets/javascripts/lunr/wordcut.js", 60_000)  # Thai search, never loaded


def test_largest_files_of_a_site(tmp_path: Path) -> None:
    _site(tmp_path)
    found = largest_files(tmp_path)
    assert found.html == FileSize("entities/person/ann-bell/index.html", 12_000)
    assert found.other == FileSize("search/search_index.json", 50_000)
    assert found.other_own == FileSize("sitemap.xml", 30_000)
    assert found.search_index == 50_000
    assert found.entity_pages == 3
    assert found.largest_own() == FileSize("sitemap.xml", 30_000)


def test_largest_files_without_search_index_or_pages(tmp_path: Path) -> None:
    _write(tmp_path, "feed.xml", 20)
    found = largest_files(tmp_path)
    assert found == LargestFiles(None, FileSize("feed.xml", 20), FileSize("feed.xml", 20), None, 0)
    assert found.largest_own() == FileSize("feed.xml", 20)


STATS = CorpusStats(1000, 5000, 600.0, 50.0, 8.0, 1.0, 1.5)


def _row(largest: LargestFiles | None) -> Row:
    return Row(1000, 5000, STATS, largest=largest)


def test_report_judges_the_bound_and_leaves_out_the_search_index() -> None:
    big = LargestFiles(
        html=FileSize("entities/x/index.html", SIZE_BOUND + 1),
        other=FileSize("search/search_index.json", 40 * SIZE_BOUND),
        other_own=FileSize("cards/a.json", SIZE_BOUND),
        search_index=40 * SIZE_BOUND,
        entity_pages=7,
    )
    small = dataclasses.replace(big, html=FileSize("index.html", 2048))
    lines = largest_lines([_row(big), _row(small), _row(None)])
    cells = [line.removeprefix("| ").removesuffix(" |").split(" | ") for line in lines[2:]]
    assert cells[0][2:4] == ["`entities/x/index.html`", "1,024"]
    assert cells[0][4:6] == ["`search/search_index.json`", "40,960"]
    assert cells[0][6:8] == ["`cards/a.json`", "1,024"]  # the search index aside
    assert cells[0][8:12] == ["40,960", "7", MISSED, MISSED]  # the page is above 1 MB
    assert cells[1][6:8] == ["`cards/a.json`", "1,024"]
    assert cells[1][10:12] == ["met", "met"]  # exactly 1 MB is within the bound
    assert cells[2][2:] == [NONE] * 10


def test_old_results_without_largest_files_load(tmp_path: Path) -> None:
    stats = dataclasses.asdict(STATS)
    row = {
        "articles": 100,
        "entries": 500,
        "stats": stats,
        "plain": [],
        "plugin": [],
        "counts": None,
    }
    machine = {
        "cpus": 2,
        "cpu_model": "x",
        "memory": "1 kB",
        "load_before": [0, 0, 0],
        "load_after": [0, 0, 0],
        "versions": "v",
        "commit": "c",
    }
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"machine": machine, "meta": {}, "rows": [row]}), "utf-8")
    rows, _host, _meta = load_json(path)
    assert rows[0].largest is None
    assert largest_lines(rows)[2] == f"| 100 | 500 | {' | '.join([NONE] * 10)} |"


def test_entity_pages_and_feeds_are_judged_against_the_budget() -> None:
    logged = (
        "INFO    -  briefings: 8044 entity pages written in 20.45 s; "
        "feeds, cards and report data in 7.67 s"
    )
    found = _GENERATED_RE.search(logged)
    assert found is not None and (found["pages"], found["pages_s"]) == ("8044", "20.45")

    def row(wall: float, generated: tuple[int, float, float] | None) -> Row:
        run = Measurement(wall, wall, 1, 0, (), Path("x.log"), generated)
        return Row(3000, 5000, STATS, plugin=[run])

    lines = generated_lines([row(110.0, (8044, 6.0, 4.0)), row(80.0, (100, 20.0, 8.0))])
    cells = [line.removeprefix("| ").removesuffix(" |").split(" | ") for line in lines[2:]]
    assert cells[0][2:] == ["8,044", "6.00", "4.00", "10.00", "110.00", "10%", "met"]
    assert cells[1][7:] == ["54%", MISSED]
    assert generated_lines([row(50.0, None)])[2].endswith(" | ".join([NONE] * 7) + " |")

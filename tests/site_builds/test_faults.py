"""Faults the caches and the helper process survive (issue 18, item 6).

A project of 81 briefings (the round-2 articles, three copies each, so the helper process
starts) built by ``python -m mkdocs build --strict`` in subprocesses: killed at fixed
points, run twice at once, given a damaged or an unusable cache. Every correct build must
equal a clean build byte for byte (``SOURCE_DATE_EPOCH`` fixes the dates MkDocs writes).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitetools import ROOT

pytestmark = pytest.mark.slow

ARTICLES = sorted((ROOT / "tests" / "eval" / "round2").glob("*/*.txt"))
ENV = {
    **os.environ,
    "SOURCE_DATE_EPOCH": "1700000000",
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


def _project(root: Path) -> Path:
    """Write the project under ``root``; return its config file."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for copy in range(3):
        for article in ARTICLES:
            text = article.read_text("utf-8").rstrip("\n")
            (seeds / f"{copy}_{article.name}").write_text(
                f"{text}\n\nCopy {copy + 1} of the article, for the fault tests.\n", "utf-8"
            )
    shutil.copytree(ROOT / "glossary", root / "glossary")
    shutil.copy(ROOT / "sources.yml", root / "sources.yml")
    (root / "docs").mkdir()
    config = root / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {(ROOT / 'mkdocs.yml').as_posix()}\n"
        "docs_dir: docs\n"
        "nav:\n  - Home: index.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
        "plugins:\n  - search\n  - briefings:\n      cache_dir: .cache/briefings\n",
        "utf-8",
    )
    return config


def _command(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]


def _build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(config, site), env=ENV, capture_output=True, text=True, timeout=600, check=False
    )


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _project(tmp_path_factory.mktemp("faults"))


@pytest.fixture(scope="module")
def clean(project: Path) -> dict[str, bytes]:
    """The output of a build with no cache at all."""
    shutil.rmtree(project.parent / ".cache", ignore_errors=True)
    result = _build(project, project.parent / "clean")
    assert result.returncode == 0, result.stderr[-3000:]
    shutil.rmtree(project.parent / ".cache", ignore_errors=True)
    return _tree(project.parent / "clean")


@pytest.mark.parametrize("seconds", [1.0, 2.5, 4.0])
def test_a_build_killed_midway_leaves_a_cache_the_next_build_can_use(
    project: Path, clean: dict[str, bytes], seconds: float
) -> None:
    """SIGKILL during discovery, rendering or a cache write; then a build as usual."""
    site = project.parent / f"killed-{seconds}"
    process = subprocess.Popen(
        _command(project, site),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the helper process is killed with the build
    )
    time.sleep(seconds)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    result = _build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert _tree(site) == clean


# Every cache file of a build: pages, discovery results, entity pages' HTML.
CACHE_FILES = ("pages.sqlite", "discovery.sqlite", "html.sqlite")


def test_two_builds_at_once_share_one_cache(project: Path, clean: dict[str, bytes]) -> None:
    shutil.rmtree(project.parent / ".cache", ignore_errors=True)
    sites = [project.parent / "at-once-1", project.parent / "at-once-2"]
    processes = [
        subprocess.Popen(
            _command(project, site), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for site in sites
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr[-3000:].decode()
    assert _tree(sites[0]) == clean
    assert _tree(sites[1]) == clean


def test_a_damaged_cache_is_started_again_and_said_once(
    project: Path, clean: dict[str, bytes]
) -> None:
    cache = project.parent / ".cache" / "briefings"
    cache.mkdir(parents=True, exist_ok=True)
    for name in CACHE_FILES:
        (cache / name).write_bytes(b"\x00garbage, not a database\n" * 100)
    site = project.parent / "damaged"
    result = _build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    for name in CACHE_FILES:
        assert result.stderr.count(f"{name}: damaged") == 1, result.stderr[-3000:]
    assert _tree(site) == clean


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    project: Path, clean: dict[str, bytes]
) -> None:
    """A file where the cache folder should be (tests run as root, who ignores modes)."""
    cache = project.parent / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir()
    (cache / "briefings").write_text("not a folder\n", "utf-8")
    site = project.parent / "unwritable"
    try:
        result = _build(project, site)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    for name in CACHE_FILES:
        assert result.stderr.count(f"{name}: cannot be used") == 1, result.stderr[-3000:]
    assert _tree(site) == clean

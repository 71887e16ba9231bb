"""The editors' preview while they work: a broken seed, then fixed, while `mkdocs serve` runs.

The preview builds non-strict with review marks (what ``make serve`` sets), keeps serving
the rest of the site, says each problem once (in the log and on a "Build problems" page),
and publishes the seed once it is fixed.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sitetools import ROOT

pytestmark = pytest.mark.slow

GOOD = "date 2025-03-04 Dock workers at the port of Valtara walked out on Monday, the union said.\n"
BROKEN = "date 2025-13-45 Talks resumed in Morsund on Tuesday, the ministry said.\n"
FIXED = "date 2025-03-05 Talks resumed in Morsund on Tuesday, the ministry said.\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(check: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """Start the preview of a two-seed project, one seed broken; yield the project, the
    URL and the server's log file."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds" / "good.txt").write_text(GOOD, "utf-8")
    (tmp_path / "seeds" / "bad.txt").write_text(BROKEN, "utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "places.yml").write_text(
        "- id: valtara\n  name: Valtara\n  type: place\n  description: A port town.\n", "utf-8"
    )
    (tmp_path / "sources.yml").write_text("[]\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"INHERIT: {(ROOT / 'mkdocs.yml').as_posix()}\ndocs_dir: docs\n"
        "nav:\n  - Home: index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n"
        "plugins:\n  - search\n  - briefings:\n      cache_dir: ''\n      review_marks: true\n",
        "utf-8",
    )
    port = _free_port()
    log = tmp_path / "serve.log"
    temporary = tmp_path / "tmp"  # where serve makes its site folders
    temporary.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(temporary),
        "BRIEFINGS_STRICT": "false",
        "BRIEFINGS_REVIEW_MARKS": "true",
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    with log.open("w") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-f",
                str(tmp_path / "mkdocs.yml"),
                "-a",
                f"127.0.0.1:{port}",
                "--livereload",
            ],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            # A job started in the background (make in CI, nohup) ignores SIGINT, and its
            # children inherit that: give serve Ctrl-C back, as in an editor's terminal.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        try:
            yield tmp_path, f"http://127.0.0.1:{port}/", log
        finally:
            server.send_signal(signal.SIGINT)  # Ctrl-C, as editors stop it
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
                raise
    # Serve removed the site folders it served, the one of each step 2 too (live.py).
    assert list(temporary.iterdir()) == []


def test_a_broken_seed_then_fixed_while_serving(served: tuple[Path, str, Path]) -> None:
    project, url, log = served
    started = _wait_for(lambda: (_fetch(url + "problems/") or "").count("bad.txt") > 0)
    assert started, log.read_text()[-3000:]
    # The rest of the site is served, and the problem is said once, with file and line.
    home = _fetch(url) or ""
    assert "Dock workers at the port of Valtara" in home
    problems = _fetch(url + "problems/") or ""
    assert problems.count("seeds/bad.txt:1") == 1 and "impossible or malformed date" in problems
    text = log.read_text()
    assert text.count("seeds/bad.txt:1: impossible or malformed date") == 1, text[-3000:]
    assert "Aborted" not in text and "Traceback" not in text
    assert "not mentioned by any page" not in text  # no cascade from the unread seed
    # Fixed and saved: the preview rebuilds and publishes it.
    (project / "seeds" / "bad.txt").write_text(FIXED, "utf-8")
    assert _wait_for(lambda: "Talks resumed in Morsund" in (_fetch(url) or ""))
    assert "No problems" in (_fetch(url + "problems/") or "")
    # Entity pages, written after MkDocs' own pages into the theme's shell, are served too,
    # with the preview's reload script like every page.
    entity = _fetch(url + "entities/valtara/") or ""
    assert "<title>Valtara - " in entity and "A port town." in entity
    assert "livereload" in entity


def test_an_edited_seed_is_served_first_then_the_whole_site(
    served: tuple[Path, str, Path],
) -> None:
    project, url, log = served
    assert _wait_for(lambda: "Dock workers" in (_fetch(url) or "")), log.read_text()[-3000:]
    link = re.search(r'href="(?:\./)?(briefings/2025-03-04[^"#]*)"', _fetch(url) or "")
    assert link is not None
    page = url + link[1]
    # Saved with a new paragraph: the page moves nowhere, so serve renders it alone first
    # (live.py), then rebuilds the site, whose search index then holds the new words.
    edited = GOOD + "\nCranes stood idle on Friday.\n"
    (project / "seeds" / "good.txt").write_text(edited, "utf-8")
    assert _wait_for(lambda: "Cranes stood idle" in (_fetch(page) or ""))
    assert _wait_for(
        lambda: "Cranes stood idle" in (_fetch(url + "search/search_index.json") or "")
    )
    text = log.read_text()
    assert f"{link[1]} served in" in text, text[-3000:]
    assert "Traceback" not in text
    # The quick page is the full build's page: the same marks, footnotes and reload script.
    served_page = _fetch(page) or ""
    assert 'data-entity="valtara"' in served_page and "livereload" in served_page
    # An entry's description edited: its entity page and card are made again first.
    glossary = project / "glossary" / "places.yml"
    glossary.write_text(glossary.read_text("utf-8").replace("A port town.", "A quay town."))
    assert _wait_for(lambda: "A quay town." in (_fetch(url + "entities/valtara/") or ""))
    assert _wait_for(lambda: "A quay town." in (_fetch(url + "cards/v.json") or ""))
    assert _wait_for(lambda: "A quay town." in (_fetch(url + "glossary/") or ""))
    assert "entities/valtara/, glossary/ served in" in log.read_text()
    # A new date moves the page: that takes the full build alone, and the page moves.
    assert _wait_for(lambda: log.read_text().count("Reloading browsers") >= 2)
    (project / "seeds" / "good.txt").write_text(edited.replace("03-04", "03-06"), "utf-8")
    assert _wait_for(lambda: "2025-03-06" in (_fetch(url) or ""))
    assert log.read_text().count("served in") == 2

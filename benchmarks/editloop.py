"""The editing loop (issue 18, item 4): how long an editor waits in ``mkdocs serve``.

This writes a benchmark corpus as a plugin site (:mod:`benchmarks.sites`), starts
``python -m mkdocs serve`` on it the way ``make serve`` does (review marks on, not strict),
waits for the first build, then makes two edits an editor makes and polls over HTTP until
the change is served:

1. **a seed**: a word of one seed's text is replaced by a marker; measured until the
   briefing's page shows it, then until the search index holds the marker too (the whole
   site is rebuilt: serve shows an edited seed's page before the rest, see
   ``plugins/briefings/live.py``); then checked: the entity pages of the briefing's
   entities must still be served;
2. **a glossary entry**: the description of an entry that briefings mention gets a marker;
   measured until its entity page shows it, then until the card index and the search
   index (which holds the glossary page) hold it too.

Each time is wall-clock seconds from the file's write to the first response holding the
marker (polled every 50 ms). The targets: 2 s for the seed, 5 s for the glossary entry.
What is still stale when the time limit is reached is reported.

Command line: ``python -m benchmarks.editloop --articles 1000 --glossary 5000`` prints a
Markdown section; ``make bench-edit`` runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.corpus import DEFAULT_SEED, make_corpus
from benchmarks.sites import _dump_yaml, write_plugin_site

REPO = Path(__file__).resolve().parent.parent
DEFAULT_WORKDIR = REPO / "benchmarks" / "out" / "editloop"
SEED_TARGET = 2.0  # seconds, issue 18
GLOSSARY_TARGET = 5.0
POLL = 0.05
_WORD_RE = re.compile(r"\b(?:the|said|on|in)\b")
_ENTITY_LINK_RE = re.compile(r'data-entity="([^"]+)" data-entity-type="[^"]+" data-reviewed="true"')


@dataclass
class EditResult:
    """One edit: what was changed, how long until it was served, and what was stale."""

    what: str
    seconds: float | None  # None: not served before the time limit
    stale: list[str]  # still stale at the end
    whole: float | None = None  # until the rest of the site showed the edit too


def free_port() -> int:
    """Return a TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    """Return the body of ``url``, or None when the server does not answer it (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(check: Callable[[], bool], limit: float) -> float | None:
    """Poll ``check`` every :data:`POLL` seconds; return the seconds it took to hold, or
    None after ``limit`` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if check():
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


def briefing_url(site: Path, seed: Path) -> str:
    """Return the site URL of the briefing of ``seed``, from a build's sourcing data."""
    for data in (site / "reports" / "sourcing").glob("*.json"):
        for record in json.loads(data.read_text("utf-8"))["briefings"]:
            if record["path"].endswith(f"/{seed.name}"):
                return str(record["url"])
    raise RuntimeError(f"no page found for {seed}")


def run(articles: int, glossary: int, workdir: Path, limit: float) -> list[EditResult]:
    """Write the site, serve it, make the two edits; return their results."""
    if workdir.exists():
        shutil.rmtree(workdir)
    corpus = make_corpus(articles, glossary, DEFAULT_SEED)
    config = write_plugin_site(corpus, workdir)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        BRIEFINGS_REVIEW_MARKS="true",
        BRIEFINGS_STRICT="false",
    )
    log = (workdir / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--livereload",
            "-f",
            str(config),
            "-a",
            f"127.0.0.1:{port}",
        ],
        cwd=workdir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        if wait_for(lambda: fetch(base) is not None, 900) is None:
            raise RuntimeError(f"mkdocs serve did not answer; see {workdir / 'serve.log'}")
        # serve builds into a temporary folder; build once more here to find the URLs.
        site = workdir / "urls"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
            cwd=workdir,
            env=env,
            check=True,
            capture_output=True,
        )
        return [edit_seed(workdir, site, base, limit), edit_glossary(workdir, site, base, limit)]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def edit_seed(workdir: Path, site: Path, base: str, limit: float) -> EditResult:
    """Replace a word in the middle seed; time until its page shows it; check freshness."""
    seeds = sorted((workdir / "seeds").glob("*.txt"))
    seed = seeds[len(seeds) // 2]
    url = base + briefing_url(site, seed)
    text = seed.read_text("utf-8")
    marker = f"editmark{int(time.time())}"
    lines = text.split("\n")
    body = next(i for i, line in enumerate(lines) if i > 0 and _WORD_RE.search(line))
    lines[body] = _WORD_RE.sub(marker, lines[body], count=1)
    page = fetch(url) or ""
    entities = sorted(set(_ENTITY_LINK_RE.findall(page)))[:3]
    if not entities:
        raise RuntimeError(f"no reviewed entity mark found on {url}: the check would be empty")
    start = time.perf_counter()
    seed.write_text("\n".join(lines), "utf-8")
    seconds = wait_for(lambda: marker in (fetch(url) or ""), limit)
    stale = []
    whole = None
    if seconds is not None:
        index = base + "search/search_index.json"
        if wait_for(lambda: marker in (fetch(index) or ""), limit) is None:
            stale.append("search index")
        else:
            whole = time.perf_counter() - start
        for entity in entities:
            if fetch(base + f"entities/{entity}/") is None:
                stale.append(f"entities/{entity}/")
    return EditResult(f"one word of `{seed.name}`", seconds, stale, whole)


def edit_glossary(workdir: Path, site: Path, base: str, limit: float) -> EditResult:
    """Add a marker to the description of a mentioned glossary entry; time until its
    entity page shows it; check the card index too."""
    marker = f"glossmark{int(time.time())}"
    path, entries, entry = _mentioned_entry(workdir, site)
    entry["description"] = f"{marker} {entry.get('description', '')}".strip()
    start = time.perf_counter()
    path.write_text(_dump_yaml(entries), "utf-8")
    url = base + f"entities/{entry['id']}/"
    seconds = wait_for(lambda: marker in (fetch(url) or ""), limit)
    stale = []
    whole = None
    if seconds is not None:
        initial = entry["id"][0] if "a" <= entry["id"][0] <= "z" else "0"
        cards = base + f"cards/{initial}.json"
        index = base + "search/search_index.json"
        if wait_for(lambda: marker in (fetch(cards) or ""), limit) is None:
            stale.append("card index")
        if wait_for(lambda: marker in (fetch(index) or ""), limit) is None:
            stale.append("search index")  # the glossary page holding the entry is indexed
        if not stale:
            whole = time.perf_counter() - start
    return EditResult(f"the description of `{entry['id']}`", seconds, stale, whole)


def _mentioned_entry(workdir: Path, site: Path) -> tuple[Path, list[Any], dict[str, Any]]:
    """Return the first glossary entry with an entity page: its file, the file's entries."""
    for path in sorted((workdir / "glossary").glob("*.yml")):
        entries = yaml.safe_load(path.read_text("utf-8")) or []
        for entry in entries:
            if (site / "entities" / entry["id"] / "index.html").is_file():
                return path, entries, entry
    raise RuntimeError("no glossary entry with an entity page found")


def report(articles: int, glossary: int, results: Sequence[EditResult], limit: float) -> str:
    """Return the results as a Markdown section."""
    targets = [SEED_TARGET, GLOSSARY_TARGET]
    rows = [
        "| edit | changed page served after s | target s | verdict "
        "| whole site updated after s | stale at the end |",
        "|---|--:|--:|---|--:|---|",
    ]
    for result, target in zip(results, targets, strict=True):
        served = f"{result.seconds:.2f}" if result.seconds is not None else f"> {limit:.0f}"
        verdict = "met" if result.seconds is not None and result.seconds <= target else "missed"
        whole = f"{result.whole:.2f}" if result.whole is not None else "never"
        stale = ", ".join(result.stale) or "nothing"
        rows.append(
            f"| {result.what} | {served} | {target:.0f} | **{verdict}** | {whole} | {stale} |"
        )
    return (
        f"## Editing loop in `mkdocs serve` (N = {articles:,}, G = {glossary:,})\n\n"
        "Seconds from saving the file to the first HTTP response holding the change, "
        "`mkdocs serve --livereload` as `make serve` runs it (`benchmarks/editloop.py`). "
        "The changed page is the edited briefing, or the edited entry's entity page; the "
        "whole site is updated when the search index (and for the entry, the card index) "
        "holds the change too. Serve shows an edited seed's page or entry's pages at once, "
        "then rebuilds the rest "
        "of the site while the previous one, with that page, stays served "
        "(`plugins/briefings/live.py`).\n\n" + "\n".join(rows) + "\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the editing-loop benchmark and print its Markdown section."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--glossary", type=int, default=5000)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--limit", type=float, default=180.0, help="give up after seconds")
    parser.add_argument("--output", type=Path, help="also append the section to this file")
    args = parser.parse_args(argv)
    results = run(args.articles, args.glossary, args.workdir, args.limit)
    text = report(args.articles, args.glossary, results, args.limit)
    print(text)
    if args.output:
        with args.output.open("a", encoding="utf-8") as out:
            out.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

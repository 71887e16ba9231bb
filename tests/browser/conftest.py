"""Fixtures for the browser tests: one strict build of this repository's site per session,
served on 127.0.0.1, and Debian's Chromium driven by Playwright (pytest-playwright).

Chromium is ``/usr/bin/chromium`` from Debian (``make quality-deps`` installs it); Playwright
never downloads a browser here. Every browser context is fenced to the local server: any
request to another host (Material's web fonts, for one) is aborted and listed at the end of
the run, so the tests neither need nor use the network.
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import (
    AXE_NOTES,
    BLOCKED_HOSTS,
    CHROMIUM,
    ROOT,
    ServedSite,
    find_briefing_url,
    goto,
    open_context,
)
from playwright.sync_api import BrowserContext, Page, expect
from pytest_playwright import CreateContextCallback

# Flags from the issue, plus a host resolver that knows no host at all: a second fence,
# below Playwright's request routing, in case a worker or prefetch slips past it.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
# The sample article every test drives: the one real seed, published on this date.
REAL_SEED_DATE = "2022-09-07"


def pytest_configure(config: pytest.Config) -> None:
    """Keep a screenshot of every failing browser test in its output folder."""
    if config.getoption("--screenshot", default="off") == "off":
        config.option.screenshot = "only-on-failure"
    config.stash[AXE_NOTES] = []
    config.stash[BLOCKED_HOSTS] = set()
    expect.set_options(timeout=5_000)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Print axe's minor findings and the outside hosts pages tried to reach."""
    notes: list[str] = config.stash.get(AXE_NOTES, [])
    if notes:
        terminalreporter.section("axe-core: moderate and minor findings (not failing)")
        for line in sorted(set(notes)):
            terminalreporter.write_line(line)
    blocked: set[str] = config.stash.get(BLOCKED_HOSTS, set())
    if blocked:
        terminalreporter.section("requests to other hosts, blocked during browser tests")
        terminalreporter.write_line(", ".join(sorted(blocked)))


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: pytest shows failures, not access logs."""


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """Build the repository's site strictly into a temporary folder and serve it.

    Yields the served site; the server stops at the end of the session. Fails every
    browser test with MkDocs' output when the strict build fails.
    """
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-6000:]}", pytrace=False)
    with serve(out) as site:
        yield site


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[ServedSite]:
    """Serve the built site in ``folder`` on 127.0.0.1 (a free port) while in the block."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield ServedSite(folder, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(served_site: ServedSite) -> str:
    """The served site's URL, which pytest-playwright gives every browser context.

    Defined here also because pytest-playwright's own fallback ``base_url`` fixture is a
    session-scoped instance method, deprecated by pytest 9 (an error under our
    ``filterwarnings = error``)."""
    return served_site.base_url


@pytest.fixture(scope="session")
def seed_url(served_site: ServedSite) -> str:
    """Return the site-relative URL of the real seed's briefing, found on the home page."""
    return find_briefing_url(served_site, REAL_SEED_DATE)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium, headless unless ``--headed``, with the issue's flags."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run make quality-deps", pytrace=False)
    executable = {"executable_path": str(CHROMIUM), "args": list(CHROMIUM_ARGS)}
    return {**browser_type_launch_args, **executable}


@pytest.fixture
def context(
    new_context: CreateContextCallback, served_site: ServedSite, pytestconfig: pytest.Config
) -> BrowserContext:
    """A desktop-sized, light-scheme browser context fenced to the served site."""
    return open_context(new_context, served_site, pytestconfig)


@pytest.fixture
def seed_page(page: Page, seed_url: str) -> Page:
    """The real seed's briefing, loaded, with Material's scripts running."""
    goto(page, seed_url)
    return page

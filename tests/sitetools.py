"""Helpers for whole-site tests: write a small complete site and build it with the real MkDocs."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

MKDOCS_YML = """\
site_name: Test briefings
site_url: https://example.org/
theme:
  name: material
  features: [content.tooltips, content.footnote.tooltips]
nav:
  - Home: index.md
  - Glossary: glossary.md
  - Sources: sources.md
plugins:
  - search
  - briefings:
{options}
markdown_extensions:
  - footnotes
  - attr_list
  - toc:
      permalink: true
validation:
  nav:
    omitted_files: ignore
"""


@dataclass
class BuiltSite:
    """The outcome of one build: where it went, whether it passed, what was logged."""

    root: Path
    site: Path
    ok: bool
    messages: list[str] = field(default_factory=list)
    error: str = ""

    def page(self, url: str) -> BeautifulSoup:
        path = self.site / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return BeautifulSoup(path.read_text("utf-8"), "html.parser")

    def briefing_urls(self) -> list[str]:
        """Return the URLs of the briefing pages (not the pages listing briefings that share
        a date and a title)."""
        return sorted(
            p.parent.relative_to(self.site).as_posix() + "/"
            for p in (self.site / "briefings").glob("*/index.html")
            if 'class="briefing-list"' not in p.read_text("utf-8")
        )

    def warnings(self) -> list[str]:
        return [m for m in self.messages if m.startswith(("WARNING", "ERROR"))]


SiteFactory = Callable[..., BuiltSite]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def build_site(
    root: Path,
    seeds: Mapping[str, str | bytes] | None = None,
    glossary: str | None = None,
    sources: str | None = None,
    docs: Mapping[str, str] | None = None,
    options: Mapping[str, object] | None = None,
    strict: bool = True,
) -> BuiltSite:
    """Write a complete site under ``root`` and build it with MkDocs; never raises on failure."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "glossary").mkdir(exist_ok=True)
    for name, content in (seeds or {}).items():
        path = root / "seeds" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    if glossary is not None:
        (root / "glossary" / "entries.yml").write_text(textwrap.dedent(glossary), "utf-8")
    if sources is not None:
        (root / "sources.yml").write_text(textwrap.dedent(sources), "utf-8")
    for name, content in (docs or {}).items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(content, "utf-8")
    lines = (
        "\n".join(f"      {k}: {v}" for k, v in (options or {}).items()) or "      enabled: true"
    )
    config_file = root / "mkdocs.yml"
    config_file.write_text(MKDOCS_YML.format(options=lines), "utf-8")
    return run_build(config_file, root / "site", strict)


def run_build(config_file: Path, site: Path, strict: bool = True) -> BuiltSite:
    """Build the site of ``config_file`` into ``site`` with MkDocs, collecting the log."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.INFO)  # the editors' notes are INFO: collect them too
    logger.addHandler(handler)
    built = BuiltSite(config_file.parent, site, ok=False)
    try:
        build(load_config(str(config_file), strict=strict, site_dir=str(site)))
        built.ok = True
    except MkDocsException as exc:
        built.error = str(exc)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    built.messages = handler.messages
    return built


def browser_scheme(value: str) -> str | None:
    """Return the scheme a browser reads in an (already entity-decoded) URL attribute value.

    Browsers drop controls and spaces, tabs and newlines included, before parsing: so does
    this. No scheme (a relative URL) gives None.
    """
    seen = re.sub(r"[\x00-\x20\x7f]", "", value)
    scheme = re.match(r"([a-z][a-z0-9+.\-]*):", seen, re.IGNORECASE)
    return scheme[1].lower() if scheme else None


def cache_entries(root: Path, name: str) -> dict[str, str]:
    """Return the raw entries (key -> JSON text) of the plugin cache ``name`` under ``root``."""
    path = root / ".cache" / "briefings" / f"{name}.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as db:
        return dict(db.execute("SELECT key, value FROM entries").fetchall())


def write_cache_entry(root: Path, name: str, key: str, value: str) -> None:
    """Overwrite one raw entry of the plugin cache ``name`` (to damage or fake it)."""
    path = root / ".cache" / "briefings" / f"{name}.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE entries SET value = ? WHERE key = ?", (value, key))

"""Options of one build: where the inputs are and how to publish them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PublisherOptions:
    """Where the inputs are and how to publish them (see ``config.py`` for each option)."""

    root: Path
    seeds_dir: Path
    glossary_dir: Path
    sources_file: Path
    decisions_file: Path | None = None
    briefings_dir: str = "briefings"
    link_mentions: str = "first"
    home_count: int = 20
    archive_page_size: int = 50
    entity_page_size: int = 50
    site_url: str = ""  # absolute URL of the site; feeds need it
    site_name: str = ""
    feed_id_date: str = "2026"  # the date in every feed id (RFC 4151); never change it
    future_days: int = 7
    today: date | None = None
    discover: bool = True
    max_unreviewed: int = -1
    max_unreviewed_sources: int = -1
    problems_page: bool = False  # the preview lists the build's problems on a page
    glossary_split: int = 300
    cache_dir: Path | None = None
    parallel: bool = True
    parallel_minimum: int = 64  # seeds missing from the cache before a helper is worth it

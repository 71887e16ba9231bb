"""Configuration schema of the ``briefings`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class BriefingsConfig(Config):
    """Options under ``plugins: - briefings:`` in ``mkdocs.yml``; paths are relative to it."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it (e.g. for a plain-Material benchmark)."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of seed articles (``*.txt`` plain text, ``*.md`` Markdown with front matter)."""

    glossary_dir = c.Type(str, default="glossary")
    """Folder of glossary YAML files (``*.yml``); every file is a list of entries."""

    sources_file = c.Type(str, default="sources.yml")
    """The sources registry: a YAML list of sources with id, name, aliases, kind."""

    briefings_dir = c.Type(str, default="briefings")
    """URL folder of briefing pages: ``<briefings_dir>/<date>-<slug>/``."""

    link_mentions = c.Choice(("all", "first"), default="first")
    """Link every mention to the glossary, or only the first per entity in each section.
    Every mention is highlighted either way."""

    home_count = c.Type(int, default=20)
    """How many of the newest briefings the home page lists."""

    archive_page_size = c.Type(int, default=50)
    """Briefings per archive page (each month is one or more pages)."""

    entity_page_size = c.Type(int, default=50)
    """Briefings listed per entity page (an entity in more briefings gets more pages)."""

    feed_id_date = c.Type(str, default="2026")
    """The date part of every feed id (a ``tag:`` URI, RFC 4151, with the host of
    ``site_url``): the year the site first published feeds. Never change it once readers
    subscribe, or every entry reappears as new."""

    future_days = c.Type(int, default=7)
    """Warn about a seed dated more than this many days after the build."""

    discover = c.Type(bool, default=True)
    """Find names the glossary lacks (offline rules and gazetteers) and highlight them as
    unreviewed entities, linked to the 'Unreviewed entities' page."""

    review_marks = c.Type(bool, default=False)
    """The editors' view: frame the entities nobody has reviewed yet (dashed, muted). Off on
    the published site, where they look like reviewed ones; ``make serve`` turns it on."""

    decisions_file = c.Type(str, default="decisions.yml")
    """The editors' decisions (rejected names, names pinned to entries, attributions dropped
    or re-sourced), relative to ``mkdocs.yml``; a missing file means no decisions."""

    max_unreviewed = c.Type(int, default=-1)
    """Warn (failing a strict build) when more unreviewed entities than this are found;
    -1 never warns."""

    max_unreviewed_sources = c.Type(int, default=-1)
    """Warn (failing a strict build) when the briefings cite more sources that are in
    neither the sources registry nor the glossary than this; -1 never warns."""

    glossary_split = c.Type(int, default=300)
    """A glossary with more entries than this is published as one page per initial letter
    (``glossary/a/`` …) under an index at ``glossary/``."""

    cache_dir = c.Type(str, default=".cache/briefings")
    """Folder for per-seed results (entity discovery, rendered briefings) and the prepared
    gazetteers, one SQLite file each, keyed by a hash of everything a result depends on (seed,
    glossary, sources, plugin code). Keeps what the last build used; safe to delete at any
    time; empty string disables it."""

    entities_in_pages = c.Type(bool, default=True)
    """Highlight entities in hand-written pages whose front matter says ``entities: true``."""

    parallel = c.Type(bool, default=True)
    """On Linux with a second CPU and at least 64 plain-text seeds, fork one helper process
    that finds unreviewed entities and renders some briefings ahead of MkDocs. The output is
    identical either way; turn it off where forking a process is not wanted."""

"""Where every generated page goes: briefing pages by date and slug, glossary pages.

The build asks this module for page locations (``src_uri``, Markdown paths relative to
``docs/``) before anything is rendered; the site generator then gives each one its URL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from briefings.common.text import slugify
from briefings.common.urls import relative_url
from briefings.content.seeds import Seed
from briefings.entities.glossary import Glossary
from briefings.site.records import Briefing

GLOSSARY_URI = "glossary.md"
GLOSSARY_DIR = "glossary"
SOURCES_URI = "sources.md"
HOME_URI = "index.md"
ARCHIVE_DIR = "archive"
REPORT_URI = "reports/sourcing.md"
DISCOVERED_URI = "discovered.md"
PROBLEMS_URI = "problems.md"


def place_briefings(seeds: Iterable[Seed], briefings_dir: str) -> list[Briefing]:
    """Give every seed a unique page, newest first; colliding slugs get -2, -3 … in
    seed-path order."""
    taken: set[str] = set()
    placed = []
    for seed in sorted(seeds, key=lambda s: (s.date, s.slug, s.path)):
        stem = f"{seed.date.isoformat()}-{seed.slug}"
        name, suffix = stem, 2
        while name in taken:
            name, suffix = f"{stem}-{suffix}", suffix + 1
        taken.add(name)
        placed.append(Briefing(seed, f"{briefings_dir}/{name}.md"))
    # Newest first everywhere readers see lists.
    placed.sort(key=lambda b: (b.seed.date, b.src_uri), reverse=True)
    return placed


def glossary_page_of(glossary: Glossary, split: int) -> dict[str, str]:
    """Return the glossary page src URI of each entry id.

    Up to ``split`` entries share one page; a larger glossary gets one page per initial
    letter (digits and others on ``0-9``), so no page carries thousands of headings, which
    Material's search indexes in time quadratic in their number.
    """
    if len(glossary) <= split:
        return {entry.id: GLOSSARY_URI for entry in glossary}
    pages_of = {}
    for entry in glossary:
        initial = (slugify(entry.name) or "0")[0]
        bucket = initial if initial.isalpha() else "0-9"
        pages_of[entry.id] = f"{GLOSSARY_DIR}/{bucket}.md"
    return pages_of


def default_url(src_uri: str) -> str:
    """Directory-style URL of a page, used until the site generator gives the real ones."""
    return "" if src_uri == HOME_URI else src_uri.removesuffix(".md") + "/"


def relative_to(url_of: Callable[[str], str], base: str, src_uri: str) -> str:
    """Return the URL of the page at ``src_uri`` relative to the page at URL ``base``."""
    return relative_url(url_of(src_uri), base)

"""Where every generated page goes: briefing pages by date and slug, glossary pages.

The build asks this module for page locations (``src_uri``, Markdown paths relative to
``docs/``) before anything is rendered; the site generator then gives each one its URL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

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
DISCOVERED_URI = "discovered.md"  # the review list's index: one page per initial below
DISCOVERED_DIR = "discovered"
INITIALS = "0abcdefghijklmnopqrstuvwxyz"  # "0": ids that start with anything but a-z
PROBLEMS_URI = "problems.md"


def initial_of(entity_id: str) -> str:
    """Return the initial an entity id is filed under: its first letter, or ``0``."""
    first = entity_id[:1]
    return first if "a" <= first <= "z" else "0"


def discovered_uri_of(entity_id: str) -> str:
    """Return the review-list page of unreviewed entity ``entity_id`` (one per initial, so
    no page grows with the whole site)."""
    return f"{DISCOVERED_DIR}/{initial_of(entity_id)}.md"


def place_briefings(seeds: Iterable[Seed], briefings_dir: str) -> list[Briefing]:
    """Give every seed its page, newest first.

    A page is named by the seed's date and title slug. Seeds that share both are each
    named by their own key as well (the slug of the seed's file name, see
    :func:`seed_key`), so a briefing's URL depends on its own seed only, never on the
    order of files: adding a third seed of the same title and date changes no URL. The
    bare name then leads to a page listing them (:func:`shared_names`), so a link made
    before the second seed arrived still reaches the briefing.
    """
    by_stem: dict[str, list[Seed]] = {}
    for seed in seeds:
        by_stem.setdefault(f"{seed.date.isoformat()}-{seed.slug}", []).append(seed)
    placed = []
    for stem, group in by_stem.items():
        if len(group) == 1:
            placed.append(Briefing(group[0], f"{briefings_dir}/{stem}.md"))
            continue
        keys = [seed_key(seed.path) for seed in group]
        for seed, key in zip(group, keys, strict=True):
            if keys.count(key) > 1:  # the same file name in two folders
                key = f"{key}-{hashlib.sha1(seed.path.encode()).hexdigest()[:6]}"
            placed.append(Briefing(seed, f"{briefings_dir}/{stem}-{key}.md"))
    # Newest first everywhere readers see lists.
    placed.sort(key=lambda b: (b.seed.date, b.src_uri), reverse=True)
    return placed


def seed_key(path: str) -> str:
    """Return the stable key of the seed at ``path``: its file name without suffix, as a
    slug ("seeds/000_59870affd8118fe3.txt" -> "000-59870affd8118fe3")."""
    return slugify(PurePosixPath(path).stem) or hashlib.sha1(path.encode()).hexdigest()[:8]


def shared_names(briefings: Iterable[Briefing], briefings_dir: str) -> dict[str, list[Briefing]]:
    """Return, by the src URI of the bare name, the briefings sharing a date and a title."""
    shared: dict[str, list[Briefing]] = {}
    for briefing in briefings:
        seed = briefing.seed
        bare = f"{briefings_dir}/{seed.date.isoformat()}-{seed.slug}.md"
        if briefing.src_uri != bare:
            shared.setdefault(bare, []).append(briefing)
    return shared


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

"""The feeds of a build: the site's newest briefings, and one feed per entity page.

Once every briefing is rendered, :class:`SiteFeeds` turns the placed briefings and the
build's backlinks into Atom documents (:mod:`briefings.site.feeds`) by output path, and
gives each page the ``<link rel="alternate">`` elements that announce its feeds: the site
feed on every page, an entity's feed on its entity pages. Feeds need absolute links, so a
site without ``site_url`` has none (the build says so once).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from urllib.parse import urljoin

from briefings.common.text import escape_html
from briefings.common.urls import relative_url
from briefings.entities.glossary import Glossary
from briefings.site.feeds import (
    ATOM_MEDIA_TYPE,
    DEFAULT_LIMIT,
    FeedEntry,
    TagAuthority,
    atom_feed,
    briefing_entry_id,
    entity_feed_id,
    site_feed_id,
)
from briefings.site.records import Backlink, Briefing

__all__ = ["SITE_FEED", "SiteFeeds"]

SITE_FEED = "feed.xml"


class SiteFeeds:
    """Where the feeds of one build go and what they hold."""

    def __init__(
        self,
        site_url: str,
        tag_date: str,
        site_name: str,
        seeds_prefix: str,
        entity_uris: Mapping[str, str],
    ) -> None:
        """``seeds_prefix`` is the seeds folder as seed paths start ("seeds/"); a seed's
        path after it is its stable key. ``entity_uris`` gives each entity page's src URI."""
        self.enabled = bool(site_url)
        self._site_url = site_url if site_url.endswith("/") else site_url + "/"
        self._authority = TagAuthority.from_site_url(self._site_url, tag_date) if site_url else None
        self._site_name = site_name or "Briefings"
        self._prefix = seeds_prefix.rstrip("/") + "/"
        self._entity_uris = entity_uris

    def entity_feed_path(self, entity_uri: str) -> str:
        """Return the output path of the feed of the entity whose page is ``entity_uri``."""
        return posixpath.join(entity_uri.removesuffix(".md"), "feed.xml")

    def head_links(self, page_url: str, entity_uri: str | None, entity_name: str) -> str:
        """Return the ``<link rel="alternate">`` elements of the page at ``page_url``."""
        if not self.enabled:
            return ""
        links = [(f"{self._site_name}: newest briefings", SITE_FEED)]
        if entity_uri is not None:
            links.append((f"Briefings on {entity_name}", self.entity_feed_path(entity_uri)))
        return "".join(
            f'<link rel="alternate" type="{ATOM_MEDIA_TYPE}" title="{escape_html(title)}" '
            f'href="{escape_html(relative_url(path, page_url))}">'
            for title, path in links
        )

    def files(
        self,
        briefings: Sequence[Briefing],
        backlinks: Mapping[str, Mapping[str, Backlink]],
        glossary: Glossary,
        url_of: Callable[[str], str],
    ) -> dict[str, bytes]:
        """Return every feed of the build by output path (empty without ``site_url``)."""
        if not self.enabled:
            return {}
        entries = {briefing.url: self._entry(briefing) for briefing in briefings}
        out = {
            SITE_FEED: self._feed(
                site_feed_id(self._require_authority()),
                f"{self._site_name}: newest briefings",
                SITE_FEED,
                "",
                entries.values(),
            )
        }
        for entry_id, uri in self._entity_uris.items():
            entry = glossary.get(entry_id)
            if entry is None:
                continue
            mentioned = (entries[url] for url in backlinks.get(entry_id, {}) if url in entries)
            path = self.entity_feed_path(uri)
            out[path] = self._feed(
                entity_feed_id(self._require_authority(), entry_id),
                f"Briefings on {entry.name}",
                path,
                url_of(uri),
                mentioned,
            )
        return out

    def _require_authority(self) -> TagAuthority:
        assert self._authority is not None, "feeds need site_url"
        return self._authority

    def _entry(self, briefing: Briefing) -> FeedEntry:
        seed = briefing.seed
        key = seed.path.removeprefix(self._prefix)
        return FeedEntry(
            id=briefing_entry_id(self._require_authority(), key),
            title=seed.title,
            url=urljoin(self._site_url, briefing.url),
            published=seed.date,
            summary=seed.summary,
            categories=tuple(seed.tags),
        )

    def _feed(
        self, feed_id: str, title: str, path: str, page_url: str, entries: Iterable[FeedEntry]
    ) -> bytes:
        return atom_feed(
            feed_id=feed_id,
            title=title,
            author=self._site_name,
            site_url=self._site_url,
            self_url=urljoin(self._site_url, path),
            alternate_url=urljoin(self._site_url, page_url),
            entries=entries,
            limit=DEFAULT_LIMIT,
        )

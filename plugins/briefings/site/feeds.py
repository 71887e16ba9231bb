"""Atom feeds (RFC 4287) of briefings, made from plain data with feedgen.

The site feed holds the newest briefings; each entity has a feed of the briefings that
mention it. This module turns :class:`FeedEntry` values into the bytes of one Atom document
and makes the ids those documents carry; writing files and announcing the feeds in pages is
the caller's job.

Two promises hold for every feed:

- **Reproducible.** The same entries give the same bytes. The feed's ``updated`` is the
  newest entry's date, never the clock; entries are ordered newest first with ties broken by
  id; the generator element names no version.
- **Stable ids.** An entry's id is a ``tag:`` URI (RFC 4151) made from a site authority and
  the briefing's own stable key (its seed path relative to ``seeds/``). It depends on
  nothing else (not on the briefing's URL, slug, position or date, nor on other seeds), so
  adding a seed or fixing a title never makes a reader see an entry twice, and neither does
  moving the site to another domain while the authority stays as configured. The same
  briefing has the same id in the site feed and in every entity feed.

Seed text is text: titles, summaries and category terms are written as Atom ``text``
constructs, escaped by the XML serialiser, and never read as HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import pairwise
from typing import Any
from urllib.parse import quote, urlsplit

from feedgen.feed import FeedGenerator

ATOM_MEDIA_TYPE = "application/atom+xml"
"""The ``type`` of a ``<link rel="alternate">`` that announces a feed in a page."""

DEFAULT_LIMIT = 50
"""How many entries a feed holds: the newest 50 briefings."""

EMPTY_FEED_UPDATED = date(1970, 1, 1)
"""The ``updated`` of a feed with no entries: a fixed date, since the clock is not one."""

GENERATOR = "mkdocs-briefings"

# XML 1.0 allows these characters and no others; lxml refuses the rest (a stray form feed or
# NUL pasted into a seed), so they are dropped from text rather than failing the build.
_NOT_XML_CHAR_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TAG_DATE_RE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_DNS_NAME_RE = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
_EMAIL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@" + _DNS_NAME_RE.pattern)
# RFC 4151's "specific" is URI pchars and "/" or "?"; quote() keeps unreserved characters.
_SPECIFIC_SAFE = "/:@!$&'()*+,;=?"


def xml_text(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot carry (controls other than
    tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF)."""
    return _NOT_XML_CHAR_RE.sub("", text)


def _midnight_utc(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _require_absolute_url(name: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{name} must be an absolute http(s) URL, not {url!r}")


# -- Ids ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TagAuthority:
    """Who mints a site's ``tag:`` URIs (RFC 4151): a DNS name or e-mail address the site's
    owner held on ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Every id a site has published starts with these two values, so neither may change once
    feeds are out: keep them in configuration rather than deriving them from ``site_url``
    on each build, and a site that moves to another domain keeps its ids.

    Raises :class:`ValueError` for a name or date RFC 4151 does not allow.
    """

    name: str
    date: str

    def __post_init__(self) -> None:
        if not (_DNS_NAME_RE.fullmatch(self.name) or _EMAIL_RE.fullmatch(self.name)):
            raise ValueError(
                f"tag authority {self.name!r} is not a lower-case DNS name or e-mail address"
            )
        if not _TAG_DATE_RE.fullmatch(self.date):
            raise ValueError(f"tag date {self.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")

    @classmethod
    def from_site_url(cls, site_url: str, date: str) -> TagAuthority:
        """Return the authority named by the host of ``site_url`` on ``date``.

        Raises :class:`ValueError` if ``site_url`` has no host.
        """
        host = urlsplit(site_url).hostname
        if not host:
            raise ValueError(f"site_url {site_url!r} has no host to mint tag: ids with")
        return cls(host, date)

    def tag(self, specific: str) -> str:
        """Return ``tag:<name>,<date>:<specific>``, percent-encoding what the URI grammar
        does not allow in ``specific`` (after NFC normalisation, so the same file name gives
        the same id whichever system wrote it)."""
        normal = unicodedata.normalize("NFC", specific)
        return f"tag:{self.name},{self.date}:{quote(normal, safe=_SPECIFIC_SAFE)}"


def briefing_entry_id(authority: TagAuthority, seed_key: str) -> str:
    """Return the Atom id of a briefing, the same in every feed it appears in.

    ``seed_key`` is the briefing's own stable key: its seed file's path relative to
    ``seeds/``, with forward slashes, as written (``2024/03/kyiv-talks.txt``). It is the one
    thing about a briefing that adding, removing or renaming *other* seeds cannot change,
    unlike its slug (numbered on clashes), URL or position. Renaming the seed file itself
    does change the id: a renamed file is, to the build, another briefing.

    Raises :class:`ValueError` for an empty, absolute or backslashed key.
    """
    if not seed_key or seed_key.startswith("/") or "\\" in seed_key:
        raise ValueError(f"seed key {seed_key!r} is not a path relative to seeds/ with '/'")
    return authority.tag(f"briefing/{seed_key}")


def entity_feed_id(authority: TagAuthority, entity_id: str) -> str:
    """Return the Atom id of an entity's feed, from the entity's id (the glossary id, or the
    id ``make suggest`` proposes, which the entry keeps once reviewed).

    Raises :class:`ValueError` for an empty id.
    """
    if not entity_id:
        raise ValueError("an entity feed needs the entity's id")
    return authority.tag(f"entity/{entity_id}")


def site_feed_id(authority: TagAuthority) -> str:
    """Return the Atom id of the site feed (the newest briefings)."""
    return authority.tag("briefings")


# -- Feeds -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One briefing as a feed shows it.

    ``id`` comes from :func:`briefing_entry_id`; ``url`` is the briefing's absolute URL;
    ``published`` its date. ``updated`` is when it last changed in a way readers should see,
    and defaults to ``published`` (seeds carry one date; a file's modification time would
    make builds irreproducible). ``summary`` is plain text. ``categories`` are Atom category
    terms (for example entity ids), written in the order given, repeats dropped.

    Raises :class:`ValueError` for an empty id or title or a URL that is not absolute.
    """

    id: str
    title: str
    url: str
    published: date
    summary: str = ""
    categories: tuple[str, ...] = ()
    updated: date | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a feed entry needs an id")
        if not xml_text(self.title).strip():
            raise ValueError(f"feed entry {self.id} needs a title")
        _require_absolute_url(f"the URL of feed entry {self.id}", self.url)
        if isinstance(self.published, datetime) or isinstance(self.updated, datetime):
            # A datetime is a date too; its time and zone would leak into the feed.
            raise ValueError(f"feed entry {self.id} takes dates, not datetimes")

    @property
    def last_updated(self) -> date:
        """Return ``updated``, or ``published`` when it was not given."""
        return self.updated or self.published


def newest_entries(entries: Iterable[FeedEntry], limit: int = DEFAULT_LIMIT) -> list[FeedEntry]:
    """Return the ``limit`` newest ``entries`` by ``published`` date, newest first; entries
    of the same date are in id order, so the choice and order never depend on input order.

    Raises :class:`ValueError` for a negative ``limit`` or two entries with the same id.
    """
    if limit < 0:
        raise ValueError(f"a feed's limit cannot be negative ({limit})")
    by_id = sorted(entries, key=lambda entry: entry.id)
    for before, after in pairwise(by_id):
        if before.id == after.id:
            raise ValueError(f"two feed entries have the id {after.id}")
    by_id.sort(key=lambda entry: entry.published, reverse=True)  # stable: ids stay in order
    return by_id[:limit]


class _EntryLinkAttributes:
    """A feedgen entry extension that gives an entry's link its ``rel`` and ``type``.

    feedgen 1.0.0 writes an entry's ``<link>`` with its ``href`` only (python-feedgen issue
    135, open). Readers take a link without ``rel`` as the alternate one, so the feed is valid
    either way, but saying it is plainer; once feedgen writes the attributes, this keeps them.
    """

    def extend_ns(self) -> dict[str, str]:
        return {}

    def extend_rss(self, item: Any) -> Any:
        return item

    def extend_atom(self, entry: Any) -> Any:
        for link in entry.iterfind("link"):
            if link.get("rel") is None:
                link.set("rel", "alternate")
                link.set("type", "text/html")
        return entry


def atom_feed(
    *,
    feed_id: str,
    title: str,
    subtitle: str = "",
    author: str,
    site_url: str,
    self_url: str,
    alternate_url: str,
    entries: Iterable[FeedEntry],
    limit: int = DEFAULT_LIMIT,
    empty_updated: date = EMPTY_FEED_UPDATED,
) -> bytes:
    """Return the UTF-8 bytes of an Atom feed of the ``limit`` newest ``entries``.

    ``feed_id`` comes from :func:`site_feed_id` or :func:`entity_feed_id`. ``author`` names
    who publishes the site (RFC 4287 requires an author; entries carry none), with
    ``site_url`` as its URI. ``self_url`` is the feed's own absolute URL and
    ``alternate_url`` the page it belongs to (the home page, or the entity's page).

    The feed's ``updated`` is the latest ``updated`` of the entries it holds, at midnight UTC;
    a feed with no entries has ``empty_updated``. The same arguments give the same bytes.

    Raises :class:`ValueError` for an empty ``feed_id``, ``title`` or ``author``, a URL that
    is not absolute, a negative ``limit`` or entries sharing an id.
    """
    if not feed_id:
        raise ValueError("a feed needs an id")
    clean_title = xml_text(title)
    clean_author = xml_text(author)
    if not clean_title.strip():
        raise ValueError(f"feed {feed_id} needs a title")
    if not clean_author.strip():
        raise ValueError(f"feed {feed_id} needs an author")
    for name, url in (
        ("site_url", site_url),
        ("self_url", self_url),
        ("alternate_url", alternate_url),
    ):
        _require_absolute_url(name, url)
    chosen = newest_entries(entries, limit)

    feed = FeedGenerator()
    feed.id(feed_id)
    feed.title(clean_title)
    if xml_text(subtitle).strip():
        feed.subtitle(xml_text(subtitle))
    feed.author(name=clean_author, uri=site_url)
    feed.link(href=alternate_url, rel="alternate", type="text/html")
    feed.link(href=self_url, rel="self", type=ATOM_MEDIA_TYPE)
    # feedgen's default names its version and URI; the version would change the bytes on
    # every upgrade for no reader's benefit.
    feed.generator(GENERATOR)
    newest = max((entry.last_updated for entry in chosen), default=empty_updated)
    feed.updated(_midnight_utc(newest))
    for entry in chosen:
        item = feed.add_entry(order="append")
        item.id(entry.id)
        item.title(xml_text(entry.title))
        item.link(href=entry.url, rel="alternate", type="text/html")
        item.register_extension("briefings_link", _EntryLinkAttributes, atom=True, rss=False)
        # type="text" says it outright: markup in a seed is shown as written, never rendered.
        item.summary(xml_text(entry.summary), type="text")
        item.published(_midnight_utc(entry.published))
        item.updated(_midnight_utc(entry.last_updated))
        terms = [xml_text(term) for term in entry.categories]
        for term in dict.fromkeys(term for term in terms if term.strip()):
            item.category(term=term)
    document = feed.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    if not isinstance(document, bytes):  # feedgen is untyped; lxml returns bytes here
        raise TypeError(f"feedgen returned {type(document).__name__}, not bytes")
    return document

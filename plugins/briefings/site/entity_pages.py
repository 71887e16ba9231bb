"""The entity pages of a build: which glossary entries get one, where, and what they show.

A site generator must know every page before it renders any, but which entries the
briefings mention is only certain once they are analysed. :func:`mentioned_entries` runs
the glossary's matcher over every seed's text first (one pass, no analysis): what it finds
is everything analysis can find, so every mark in a briefing has its entity page to link
to. An entry an editor's decision drops everywhere keeps a page that says so.

Each entity gets ``ceil(briefings / page_size)`` pages: ``entities/<id>.md``, then
``entities/<id>/2.md`` and so on. The pages are written once every briefing is rendered,
from the build's :class:`~briefings.site.crosspage.SiteIndex`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from briefings.content.language import ENGLISH
from briefings.entities.glossary import Glossary, GlossaryEntry
from briefings.entities.matcher import Matcher
from briefings.site.crosspage import SiteIndex
from briefings.site.page_shell import SHELL_ID
from briefings.site.pages.entity import (
    Companion,
    EntityPage,
    entity_page_body,
    month_counts,
    section_key,
    sections_markdown,
)
from briefings.site.records import Backlink, Briefing, Discovered
from briefings.site.render import Stash

__all__ = ["EntityPages", "mentioned_entries"]

ENTITIES_DIR = "entities"
COMPANIONS_SHOWN = 12
# Ids whose page would not sit where entity pages do ("index" is the folder's own page).
RESERVED_IDS = frozenset({"index", "README", SHELL_ID})
UNREVIEWED_MINIMUM = 2  # briefings an unreviewed entity needs for a page of its own
STATEMENTS_SHOWN = 20


def mentioned_entries(briefings: Iterable[Briefing], matcher: Matcher) -> Counter[str]:
    """Return, per glossary entry id, how many briefings the matcher finds it in."""
    counts: Counter[str] = Counter()
    for briefing in briefings:
        seed = briefing.seed
        if seed.format == "markdown":
            texts: Iterable[str] = (seed.title, seed.markdown)
        elif seed.language != ENGLISH:
            continue
        else:
            texts = (f"{b.text} {b.credit}" for b in seed.blocks)
        found = {mention.entry_id for text in texts for mention in matcher.find_mentions(text)}
        counts.update(found)
    return counts


class EntityPages:
    """Where each entity's pages are, and their Markdown once the build's facts are in."""

    def __init__(self, glossary: Glossary, counts: Mapping[str, int], page_size: int) -> None:
        self._glossary = glossary
        self._page_size = max(1, page_size)
        self.uris: dict[str, list[str]] = {}
        self._page_of: dict[str, tuple[str, int]] = {}
        self._unreviewed: dict[str, Discovered] = {}
        self._sorted: dict[str, list[Backlink]] = {}
        self._sorted_for: tuple[SiteIndex, int] | None = None  # the index, its version
        for entry in glossary:
            count = counts.get(entry.id, 0)
            if count:
                self._place(entry.id, count)

    def _place(self, entity_id: str, count: int) -> list[str]:
        if entity_id in RESERVED_IDS or entity_id.startswith(SHELL_ID):
            return []
        pages = -(-count // self._page_size)
        uris = [f"{ENTITIES_DIR}/{entity_id}.md"]
        uris += [f"{ENTITIES_DIR}/{entity_id}/{n}.md" for n in range(2, pages + 1)]
        self.uris[entity_id] = uris
        for number, uri in enumerate(uris, start=1):
            self._page_of[uri] = (entity_id, number)
        return uris

    def add_unreviewed(self, discovered: Iterable[Discovered]) -> list[str]:
        """Give a page to every unreviewed entity mentioned in at least
        :data:`UNREVIEWED_MINIMUM` briefings, at the URL its suggested id gives (so the page
        keeps it once an editor moves the entry into the glossary); return their src URIs.

        Known only once every briefing is analysed; an id some glossary entry has is skipped.
        """
        added: list[str] = []
        for record in discovered:
            entity_id = record.candidate.id
            if (
                len(record.mentions) < UNREVIEWED_MINIMUM
                or entity_id in self.uris
                or entity_id in RESERVED_IDS
                or entity_id.startswith(SHELL_ID)
            ):
                continue
            self._unreviewed[entity_id] = record
            added += self._place(entity_id, len(record.mentions))
        return added

    def use_glossary(self, glossary: Glossary) -> None:
        """Take in a glossary that differs from this one in descriptions only (a preview
        shows an edited description at once; the pages stay where they are)."""
        self._glossary = glossary

    def clear_unreviewed(self) -> None:
        """Forget the unreviewed entities' pages (a new render decides them again)."""
        for entity_id in self._unreviewed:
            for uri in self.uris.pop(entity_id):
                del self._page_of[uri]
        self._unreviewed = {}

    @property
    def has_unreviewed(self) -> bool:
        """Whether any unreviewed entity has pages."""
        return bool(self._unreviewed)

    def unreviewed_uri(self, entity_id: str) -> str | None:
        """Return the first page of unreviewed entity ``entity_id``, if it has pages."""
        return self.uris[entity_id][0] if entity_id in self._unreviewed else None

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self._page_of

    def all_uris(self) -> list[str]:
        """Return every entity page's src URI, entities in glossary order."""
        return [uri for uris in self.uris.values() for uri in uris]

    def entry_of(self, src_uri: str) -> str | None:
        """Return the entry id whose page ``src_uri`` is, or None for any other page."""
        page = self._page_of.get(src_uri)
        return page[0] if page is not None else None

    def first_uri(self, entry_id: str) -> str | None:
        """Return the src URI of the entity's first page, or None if it has none."""
        uris = self.uris.get(entry_id)
        return uris[0] if uris else None

    @staticmethod
    def models() -> dict[str, tuple[str, str]]:
        """Return the model pages of the entity pages (:mod:`.page_shell`): by src URI, the
        id in their URL and their sections' Markdown. One per section key a first page
        may have (:func:`~.pages.entity.section_key`), and one for further pages, which
        sit a folder deeper."""
        out: dict[str, tuple[str, str]] = {}
        for shown in itertools.product((True, False), repeat=3):
            key = "".join(k for k, on in zip("tcs", shown, strict=True) if on) + "b"
            model_id = f"{SHELL_ID}-{key}"
            out[f"{ENTITIES_DIR}/{model_id}.md"] = (model_id, sections_markdown(key))
        model_id = f"{SHELL_ID}-later"
        out[f"{ENTITIES_DIR}/{model_id}/2.md"] = (model_id, sections_markdown("b"))
        return out

    def model_uri(self, src_uri: str, key: str) -> str:
        """Return the model page of entity page ``src_uri``, whose section key is ``key``."""
        if self.is_first(src_uri):
            return f"{ENTITIES_DIR}/{SHELL_ID}-{key}.md"
        return f"{ENTITIES_DIR}/{SHELL_ID}-later/2.md"

    def is_first(self, src_uri: str) -> bool:
        """Return whether entity page ``src_uri`` is its entity's first page."""
        return self._page_of[src_uri][1] == 1

    def body(
        self,
        src_uri: str,
        index: SiteIndex,
        link: Callable[[str], str],
        glossary_link: Callable[[str], str],
        page_link: Callable[[str], str],
        href: Callable[[str], str],
        stash: Stash,
        heading: Callable[[str], str] | None = None,
    ) -> tuple[str, str, str]:
        """Return the title, the Markdown body (no front matter) and the section key of
        entity page ``src_uri``.

        ``link(entry_id)`` links an entity (its page, or its glossary entry),
        ``glossary_link(entry_id)`` its glossary entry, ``page_link(src_uri)`` a page and
        ``href(url)`` a site URL, all relative to this page; ``heading`` gives the HTML of
        a section heading (see :func:`~.pages.entity.entity_page_body`).
        """
        page = self._page(src_uri, index, link, glossary_link, page_link)
        title, body = entity_page_body(page, href, stash, heading)
        return title, body, section_key(page)

    def _page(
        self,
        src_uri: str,
        index: SiteIndex,
        link: Callable[[str], str],
        glossary_link: Callable[[str], str],
        page_link: Callable[[str], str],
    ) -> EntityPage:
        entry_id, number = self._page_of[src_uri]
        record = self._unreviewed.get(entry_id)
        if record is None:
            entry = self._glossary.get(entry_id)
            assert entry is not None
            mentions: Iterable[Backlink] = index.backlinks.get(entry_id, {}).values()
            source_id = f"glossary:{entry_id}"
        else:
            c = record.candidate
            entry = GlossaryEntry(c.id, c.name, c.type, tuple(c.aliases), "")
            mentions = record.mentions
            source_id = f"entity:{entry_id}"
        # Sorted once per entity and build: every page of the entity takes its slice.
        if self._sorted_for is None or self._sorted_for != (index, index.version):
            self._sorted, self._sorted_for = {}, (index, index.version)
        backlinks = self._sorted.get(entry_id)
        if backlinks is None:
            backlinks = self._sorted[entry_id] = sorted(mentions, key=_newest_first, reverse=True)
        size = self._page_size
        first = number == 1
        companions: list[Companion] = []
        if first:  # the company, the timeline and what it said are on the first page only
            together = (
                index.companions(entry_id, COMPANIONS_SHOWN)
                if record is None
                else index.companions_of_pages([m.url for m in mentions], COMPANIONS_SHOWN)
            )
            companions = [
                Companion(other.name, other.type, shared, link(other.id))
                for other_id, shared in together
                if (other := self._glossary.get(other_id)) is not None
            ]
        related = [self._glossary.get(i) for i in entry.see_also]
        said = sorted(
            index.statements.get(source_id, ()),
            key=lambda s: (s.date, s.url),
            reverse=True,
        )
        return EntityPage(
            entry=entry,
            number=number,
            page_hrefs=[page_link(uri) for uri in self.uris[entry_id]],
            backlinks=backlinks[(number - 1) * size : number * size],
            total=len(backlinks),
            months=month_counts(backlinks) if first else (),
            companions=companions,
            see_also=[(r.name, link(r.id)) for r in related if r is not None],
            glossary_href=glossary_link(entry_id),
            page_size=size,
            statements=said[:STATEMENTS_SHOWN] if first else (),
            statement_total=len(said),
            reviewed=record is None,
        )


def _newest_first(link: Backlink) -> tuple[str, str]:
    return (link.date.isoformat() if link.date else "", link.url)

"""Where an entity's mentions link to, and which entity a source's name is.

An :class:`EntityLinks` is built once per build from the glossary and the page each entry
is on; it answers for one page at a time, since every link is relative to the page that
carries it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from briefings.common.names import name_key
from briefings.common.urls import relative_url
from briefings.entities.glossary import Glossary
from briefings.entities.matcher import Matcher
from briefings.entities.model import Candidate
from briefings.site.model import EntityTarget
from briefings.sourcing.model import KnownEntity
from briefings.sourcing.resolution import EntityLookup


class EntityLinks:
    """Entity targets and glossary sources of one build, seen from any page."""

    def __init__(
        self,
        glossary: Glossary,
        matcher: Matcher,
        entry_uri: Mapping[str, str],
        url_of: Callable[[str], str],
        entity_uri: Mapping[str, str] | None = None,
    ) -> None:
        """``entry_uri`` gives the glossary page of each entry id, ``entity_uri`` the first
        entity page of the entries that have one, ``url_of`` a page's URL."""
        self._glossary = glossary
        self._matcher = matcher
        self._entry_uri = entry_uri
        self._entity_uri = entity_uri or {}
        self._url_of = url_of

    def entry_link(self, entry_id: str, page_url: str) -> str:
        """Return the link to entry ``entry_id`` from the page at ``page_url``: its entity
        page, or its glossary entry when no briefing mentions it."""
        entity_uri = self._entity_uri.get(entry_id)
        if entity_uri is not None:
            return relative_url(self._url_of(entity_uri), page_url)
        return self.glossary_link(entry_id, page_url)

    def glossary_link(self, entry_id: str, page_url: str) -> str:
        """Return the link to glossary entry ``entry_id`` from the page at ``page_url``."""
        return f"{relative_url(self._url_of(self._entry_uri[entry_id]), page_url)}#{entry_id}"

    def target(self, entry_id: str, page_url: str) -> EntityTarget:
        """Return the target of glossary entry ``entry_id``, linked from ``page_url``."""
        entry = self._glossary.get(entry_id)
        assert entry is not None
        return EntityTarget(
            entry.id,
            entry.type,
            entry.name,
            self.entry_link(entry.id, page_url),
        )

    def target_or_none(self, entry_id: str, page_url: str) -> EntityTarget | None:
        """Return the target of ``entry_id`` if it is a glossary entry, else None."""
        return self.target(entry_id, page_url) if entry_id in self._glossary else None

    def entity_lookup(
        self,
        page_url: str,
        candidates: Mapping[str, Candidate],
        review_link: Callable[[str], str],
    ) -> EntityLookup:
        """Return the lookup a briefing's sources use: the glossary entry, or one of the
        article's unreviewed ``candidates`` (by site id), that a name is exactly."""
        unreviewed: dict[str, Candidate] = {}
        for candidate in candidates.values():
            for surface in (candidate.name, *candidate.aliases):
                unreviewed.setdefault(name_key(surface), candidate)

        def lookup(name: str) -> KnownEntity | None:
            mentions = self._matcher.find_mentions(name)
            if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(name):
                entry = self._glossary.get(mentions[0].entry_id)
                if entry is not None:
                    link = self.entry_link(entry.id, page_url)
                    return KnownEntity(f"glossary:{entry.id}", entry.name, entry.type, link, True)
            candidate = unreviewed.get(name_key(name))
            if candidate is None:
                return None
            return KnownEntity(
                f"entity:{candidate.id}",
                candidate.name,
                candidate.type,
                review_link(candidate.id),
                False,
            )

        return lookup


def candidate_target(candidate: Candidate, link: str) -> EntityTarget:
    """Return the target of an unreviewed entity, linked to ``link`` (its entry on the
    review list)."""
    return EntityTarget(
        candidate.id,
        candidate.type,
        candidate.name,
        link,
        reviewed=False,
    )

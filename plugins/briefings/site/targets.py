"""Where an entity's mentions link to, and which glossary entry a source phrase names.

An :class:`EntityLinks` is built once per build from the glossary and the page each entry
is on; it answers for one page at a time, since every link is relative to the page that
carries it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from briefings.common.urls import relative_url
from briefings.entities.glossary import Glossary
from briefings.entities.matcher import Matcher
from briefings.entities.model import Candidate
from briefings.site.model import EntityTarget
from briefings.sourcing.registry import SourceEntry


class EntityLinks:
    """Entity targets and glossary sources of one build, seen from any page."""

    def __init__(
        self,
        glossary: Glossary,
        matcher: Matcher,
        entry_uri: Mapping[str, str],
        url_of: Callable[[str], str],
    ) -> None:
        """``entry_uri`` gives the glossary page of each entry id, ``url_of`` a page's URL."""
        self._glossary = glossary
        self._matcher = matcher
        self._entry_uri = entry_uri
        self._url_of = url_of
        self._tooltips = {entry.id: entry.plain_description for entry in glossary}

    def _entry_link(self, entry_id: str, page_url: str) -> str:
        return f"{relative_url(self._url_of(self._entry_uri[entry_id]), page_url)}#{entry_id}"

    def target(self, entry_id: str, page_url: str) -> EntityTarget:
        """Return the target of glossary entry ``entry_id``, linked from ``page_url``."""
        entry = self._glossary.get(entry_id)
        assert entry is not None
        return EntityTarget(
            entry.id,
            entry.type,
            entry.name,
            self._tooltips[entry.id],
            self._entry_link(entry.id, page_url),
        )

    def target_or_none(self, entry_id: str, page_url: str) -> EntityTarget | None:
        """Return the target of ``entry_id`` if it is a glossary entry, else None."""
        return self.target(entry_id, page_url) if entry_id in self._glossary else None

    def glossary_source(self, page_url: str, phrase: str) -> SourceEntry | None:
        """Return the glossary entry a source phrase names, as a source linked to its entry.

        "Kremlin spokesman Dmitry Peskov" names two entries; the speaker is the last person
        or organisation named (the head of the phrase), else the last entry named at all.
        """
        mentions = self._matcher.find_mentions(phrase)
        if not mentions:
            return None
        entries = [self._glossary.get(m.entry_id) for m in mentions]
        named = [e for e in entries if e is not None]
        speakers = [e for e in named if e.type in ("person", "organization")] or named
        if not speakers:
            return None
        entry = speakers[-1]
        return SourceEntry(
            entry.id, entry.name, entry.type, url=self._entry_link(entry.id, page_url)
        )


def candidate_target(candidate: Candidate, discovered_base: str) -> EntityTarget:
    """Return the target of an unreviewed entity: its evidence as tooltip, its discovery entry."""
    tooltip = f"Not yet reviewed ({candidate.type}): " + "; ".join(candidate.evidence)
    return EntityTarget(
        candidate.id,
        candidate.type,
        candidate.name,
        tooltip,
        f"{discovered_base}#{candidate.id}",
        reviewed=False,
    )

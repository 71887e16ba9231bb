"""Helpers shared by the discovery tests (tests/unit/entities): what discovery marks in a
text, as {mention text: type}, and assertions on it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from briefings.entities.discovery import EntityDiscoverer


def marked(discoverer: EntityDiscoverer, *paragraphs: str) -> dict[str, str]:
    """Return {mention text: type} for every discovered mention in ``paragraphs``."""
    candidates, mentions = discoverer.discover(list(paragraphs))
    types = {candidate.id: candidate.type for candidate in candidates}
    return {
        paragraph[m.start : m.end]: types[m.entry_id]
        for paragraph, found in zip(paragraphs, mentions, strict=True)
        for m in found
    }


def expect(found: Mapping[str, str], present: Mapping[str, str], absent: Iterable[str]) -> None:
    """Assert ``found`` ({name: type}) has each of ``present`` with its type and none of
    ``absent``."""
    for surface, kind in present.items():
        assert found.get(surface) == kind, (surface, found)
    for surface in absent:
        assert surface not in found, (surface, found)

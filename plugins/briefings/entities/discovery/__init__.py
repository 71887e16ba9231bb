"""Offline entity discovery: names in new articles that the glossary does not know yet.

Build one :class:`EntityDiscoverer` per site build (it loads gazetteers from data
packages, about half a second) and call :meth:`EntityDiscoverer.discover` per article. It
returns :class:`Candidate` entities (id, name, type, aliases, confidence, evidence) and
their mentions, with the same :class:`~briefings.entities.model.Mention` values the
glossary matcher produces. No model, no network: only rules and the data packages listed in
:mod:`.gazetteers`, :mod:`.places` and :mod:`.word_lists`.
"""

from __future__ import annotations

from briefings.entities.discovery.discoverer import EntityDiscoverer
from briefings.entities.discovery.gazetteers import Gazetteers, load_gazetteers
from briefings.entities.model import Candidate

__all__ = ["Candidate", "EntityDiscoverer", "Gazetteers", "load_gazetteers"]

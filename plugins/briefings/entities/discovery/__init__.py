"""Offline entity discovery: names in new articles that the glossary does not know yet.

Build one :class:`EntityDiscoverer` per site build (it loads gazetteers from data
packages, about half a second) and call :meth:`EntityDiscoverer.discover` per article. It
returns :class:`Candidate` entities (id, name, type, aliases, confidence, evidence) and
their mentions, with the same :class:`~briefings.entities.model.Mention` values the
glossary matcher produces. No model, no network: only rules and the data packages listed in
:mod:`.gazetteers`, :mod:`.places` and :mod:`.word_lists`.
"""

from __future__ import annotations

from briefings.common.native import activate, fall_back
from briefings.entities.model import Candidate

# Before any module of this package is imported: the compiled modules, when they were built
# from this very code (``make`` builds them; see :mod:`briefings.common.native`).
RUNS = activate(__name__, __path__)

try:
    from briefings.entities.discovery.discoverer import EntityDiscoverer
    from briefings.entities.discovery.gazetteers import Gazetteers, load_gazetteers
except ImportError as error:  # a damaged compiled build: the sources run instead
    if RUNS != "compiled":
        raise
    RUNS = fall_back(__name__, __path__, error)
    from briefings.entities.discovery.discoverer import EntityDiscoverer
    from briefings.entities.discovery.gazetteers import Gazetteers, load_gazetteers

__all__ = ["RUNS", "Candidate", "EntityDiscoverer", "Gazetteers", "load_gazetteers"]

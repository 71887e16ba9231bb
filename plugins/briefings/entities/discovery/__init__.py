"""Offline entity discovery: names in new articles that the glossary does not know yet.

Build one :class:`EntityDiscoverer` per site build (it loads gazetteers from data
packages, about half a second) and call :meth:`EntityDiscoverer.discover` per article. It
returns :class:`Candidate` entities (id, name, type, aliases, confidence, evidence) and
their mentions, with the same :class:`~briefings.entities.model.Mention` values the
glossary matcher produces. No model, no network: only rules and the data packages listed in
:mod:`.gazetteers`, :mod:`.places` and :mod:`.word_lists`.
"""

from __future__ import annotations

from briefings.common.native import activate

# Before any module of this package is imported: the compiled modules, when they were built
# from these very sources (``make`` builds them; see :mod:`briefings.common.native`).
RUNS = activate(__name__, __path__)

from briefings.entities.discovery.discoverer import EntityDiscoverer  # noqa: E402 (after activate)
from briefings.entities.discovery.gazetteers import Gazetteers, load_gazetteers  # noqa: E402
from briefings.entities.model import Candidate  # noqa: E402

__all__ = ["RUNS", "Candidate", "EntityDiscoverer", "Gazetteers", "load_gazetteers"]

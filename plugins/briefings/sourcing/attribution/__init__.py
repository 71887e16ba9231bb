"""Attributed statements in news prose: who said it, how it reached us, and what is unsourced.

:func:`find_attributions` returns an :class:`Attribution` for each statement a paragraph
attributes to a source; :func:`find_unattributed_claims` lists its hedged claims that name
none. The modules, each importing only from those listed before it:

- :mod:`.words`: closed word lists, cue patterns and cheap pre-tests (plain data).
- :mod:`.text`: a sentence, its quotations and chunks, and word-level tests.
- :mod:`.subject`: the subject left of a speech verb (chunks, appositives, clause cuts).
- :mod:`.source`: the noun phrase right of a cue, document owners, anonymity, and
  :class:`Attribution` itself.
- :mod:`.speaker`: "he said" carries over the paragraph's previous source.
- :mod:`.cues`: one finder per cue (according to, speech verbs, "seen by", channels,
  anonymity), assembled per sentence by :func:`find_attributions`.
- :mod:`.claims`: :func:`find_unattributed_claims`.
"""

from __future__ import annotations

from briefings.sourcing.attribution.claims import find_unattributed_claims
from briefings.sourcing.attribution.cues import find_attributions
from briefings.sourcing.attribution.source import Attribution

__all__ = ["Attribution", "find_attributions", "find_unattributed_claims"]

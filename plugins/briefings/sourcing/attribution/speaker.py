"""Speaker carry-over: "he said" is a statement by the paragraph's previous source.

A pronoun is never a source by itself (``make_attribution`` in :mod:`.source` drops a source
that starts with one). When a pronoun is the whole subject of a speech verb,
the statement takes the source of the previous attribution in the paragraph, with this
sentence's cue, channel and medium; with no previous attribution it is dropped.
"""

from __future__ import annotations

from briefings.sourcing.attribution.source import Attribution
from briefings.sourcing.attribution.text import Sentence, bare
from briefings.sourcing.attribution.words import PRONOUNS


def is_pronoun(subject: str) -> bool:
    """Return whether the subject phrase ``subject`` is a bare pronoun ("he", "They")."""
    return bare(subject) in PRONOUNS


def carry_over(
    previous: Attribution | None,
    sentence: Sentence,
    cue: str,
    cue_start: int,
    channel: str,
    via: str,
    anonymity: bool,
) -> Attribution | None:
    """Return the attribution of a pronoun-subject ``cue`` to ``previous``'s source, or None.

    The source (and whether it is anonymous) comes from ``previous``; the sentence, cue,
    channel and medium are this statement's. None when there is no previous attribution.
    """
    if previous is None:
        return None
    return Attribution(
        sentence.start,
        sentence.end,
        previous.source,
        previous.source_start,
        previous.source_end,
        cue,
        channel,
        previous.anonymous or anonymity,
        via,
        cue_start,
    )

"""Speaker carry-over: "he said" is a statement by the paragraph's previous source.

A pronoun is never a source by itself (``make_attribution`` in :mod:`.source` drops a source
that starts with one). When a pronoun is the whole subject of a speech verb,
the statement takes the source of the previous attribution in the paragraph, with this
sentence's cue, channel and medium. With no previous attribution in the paragraph, the
pronoun itself is the source: the footnote planner looks for the person or body it refers
to earlier in the article, and drops the statement if there is none.
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
    pronoun: tuple[int, int],
) -> Attribution:
    """Return the attribution of a pronoun-subject ``cue``: to ``previous``'s source, or to
    the pronoun itself (at ``pronoun``) when the paragraph has no previous source.

    The source (and whether it is anonymous) comes from ``previous``; the sentence, cue,
    channel and medium are this statement's.
    """
    if previous is None:
        start, end = pronoun
        return Attribution(
            sentence.start,
            sentence.end,
            sentence.text[start:end],
            start,
            end,
            cue,
            channel,
            anonymity,
            via,
            cue_start,
        )
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

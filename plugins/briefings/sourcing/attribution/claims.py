"""Unattributed claims: hedged statements that name no source, for the editors' report.

:func:`find_unattributed_claims` lists the sentences holding a hedge ("experts believe",
"reportedly", "it is understood") that no attribution, or only one to a bare vague source
("sources", "experts"), accounts for.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefings.content.sentences import split_sentences
from briefings.sourcing.attribution.source import Attribution
from briefings.sourcing.attribution.text import bare, in_quotes, quoted_spans
from briefings.sourcing.attribution.words import HEDGE_RE, HEDGE_STEMS, VAGUE_SOURCES


def _is_vague(attribution: Attribution) -> bool:
    """Return whether an attribution names only a bare vague source ("sources", "experts")."""
    words = attribution.source.split()
    return len(words) <= 3 and bare(words[-1]) in VAGUE_SOURCES


def find_unattributed_claims(
    paragraph: str, attributed: Sequence[Attribution]
) -> list[tuple[int, int, str]]:
    """Return ``(sentence_start, sentence_end, cue)`` for each sentence with an unsourced claim.

    A sentence counts when it holds a hedge ("experts believe", "it is understood",
    "reportedly", "is said to", "sources say") outside quotations and none of its
    attributions in ``attributed`` names a source: an attribution to a bare vague source
    ("sources", "experts", "reports") does not. ``cue`` is the hedge as written; one entry
    per sentence, in text order.
    """
    named = {a.sentence_start for a in attributed if not _is_vague(a)}
    quotes: list[tuple[int, int]] | None = None
    claims: list[tuple[int, int, str]] = []
    for start, end in split_sentences(paragraph):
        if start in named:
            continue
        lowered = paragraph[start:end].lower()
        if not any(stem in lowered for stem in HEDGE_STEMS):
            continue
        for match in HEDGE_RE.finditer(paragraph, start, end):
            if quotes is None:
                quotes = quoted_spans(paragraph)
            if in_quotes(quotes, match.start()):
                continue
            claims.append((start, end, match.group()))
            break
    return claims

"""The card index: what a reader's hover card shows for each entity, as small JSON files.

Mentions carry no ``title``: ``assets/briefings/cards.js`` fetches ``cards/<bucket>.json``
for the entity under the pointer or the keyboard focus and shows its name, type, one-line
description, number of briefings, review state and link. The index is split by the first
character of the id (``a`` … ``z``, then ``0`` for the rest), so a page loads one small
file per letter it needs, and no file grows with the number of briefings: each entry holds
one count, whatever the count.

Each file maps an id to ``[name, type, type word, description, briefings, url,
reviewed]``; ``url`` is relative to the site root, the type word is the one entity pages
show (:data:`~briefings.site.render.TYPE_WORDS`), so the script holds no wording of its
own. Text is JSON text: the script writes it with ``textContent``, never as HTML.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping

from briefings.content.sentences import split_sentences
from briefings.entities.glossary import Glossary
from briefings.site.placement import initial_of
from briefings.site.records import Backlink, Discovered
from briefings.site.render import TYPE_WORDS

__all__ = ["CARDS_DIR", "bucket_of", "card_files", "one_line"]

CARDS_DIR = "cards"
DESCRIPTION_MAX = 240


def bucket_of(entity_id: str) -> str:
    """Return the index file an id belongs to: its first letter, or ``0``."""
    return initial_of(entity_id)


def one_line(description: str) -> str:
    """Return the first sentence of a plain-text description, at most 240 characters."""
    text = " ".join(description.split())
    spans = split_sentences(text)
    first = text[: spans[0][1]] if spans else text
    if len(first) > DESCRIPTION_MAX:
        first = first[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0] + "…"
    return first


def card_files(
    glossary: Glossary,
    backlinks: Mapping[str, Mapping[str, Backlink]],
    entity_url: Callable[[str], str],
    discovered: Iterable[Discovered],
    unreviewed_url: Callable[[str], str],
) -> dict[str, bytes]:
    """Return the card index files by output path.

    ``entity_url(entry_id)`` gives the site-relative URL a glossary entry's card links to
    (its entity page, or its glossary entry), ``unreviewed_url(id)`` the one of an
    unreviewed entity (its entity page, or its entry on the review list).
    """
    buckets: dict[str, dict[str, list[object]]] = {}
    for entry in glossary:
        briefings = sum(1 for link in backlinks.get(entry.id, {}).values() if link.date)
        buckets.setdefault(bucket_of(entry.id), {})[entry.id] = [
            entry.name,
            entry.type,
            TYPE_WORDS.get(entry.type, entry.type),
            one_line(entry.plain_description),
            briefings,
            entity_url(entry.id),
            1,
        ]
    for record in discovered:
        candidate = record.candidate
        evidence = "; ".join(candidate.evidence[:2])
        buckets.setdefault(bucket_of(candidate.id), {})[candidate.id] = [
            candidate.name,
            candidate.type,
            TYPE_WORDS.get(candidate.type, candidate.type),
            one_line(f"Found by rules: {evidence}." if evidence else ""),
            len(record.mentions),
            unreviewed_url(candidate.id),
            0,
        ]
    return {
        f"{CARDS_DIR}/{bucket}.json": json.dumps(
            dict(sorted(cards.items())), ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        for bucket, cards in sorted(buckets.items())
    }

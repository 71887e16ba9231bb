"""The render stage of a build: each text briefing analysed and rendered, cached, helped.

A :class:`BriefingRenderer` renders the plain-text briefings in order. For each it finds
the unreviewed entities (discovery, cached per seed) and gives them site-wide ids, then
takes the page from the page cache or analyses (:mod:`briefings.site.analysis`) and
renders (:mod:`briefings.site.briefing_html`) it. On a large cold build a helper process
runs ahead: discovery for every briefing, and one briefing in :data:`HELPER_RENDERS_ONE_IN`
rendered whole, so both CPUs work.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from briefings.common.cache import PACKAGE_DIR, JsonCache, code_fingerprint, fingerprint
from briefings.common.urls import relative_url
from briefings.content.decisions import Decisions
from briefings.content.language import ENGLISH
from briefings.content.seeds import Seed
from briefings.entities.glossary import Glossary
from briefings.entities.matcher import Matcher
from briefings.entities.model import Candidate, Mention
from briefings.entities.unreviewed import CandidateIds, Found, UnreviewedFinder
from briefings.entities.unreviewed import from_json as found_from_json
from briefings.entities.unreviewed import to_json as found_to_json
from briefings.site.analysis import LONG_PARAGRAPH, AnalysisContext, analyse_text_seed
from briefings.site.briefing_html import render_text_seed
from briefings.site.helper import Helper, helper_processes
from briefings.site.model import EntityTarget, RenderedSeed
from briefings.site.options import PublisherOptions
from briefings.site.placement import discovered_uri_of
from briefings.site.records import Briefing
from briefings.site.targets import EntityLinks, candidate_target
from briefings.sourcing.registry import SourceRegistry

# The helper process renders one briefing in this many (besides finding every briefing's
# unreviewed entities); measured on 2 cores, this keeps it just ahead of the build process.
HELPER_RENDERS_ONE_IN = 4


class BriefingRenderer:
    """Renders the text briefings of one build, in order (site-wide ids depend on it)."""

    def __init__(
        self,
        options: PublisherOptions,
        glossary: Glossary,
        sources: SourceRegistry,
        matcher: Matcher,
        links: EntityLinks,
        unreviewed: UnreviewedFinder | None,
        page_cache: JsonCache | None,
        decisions: Decisions,
    ) -> None:
        self._options = options
        self._glossary = glossary
        self._sources = sources
        self._matcher = matcher
        self._links = links
        self._unreviewed = unreviewed
        self._page_cache = page_cache
        self._decisions = decisions
        self._briefings: Sequence[Briefing] = ()
        self._candidate_ids = CandidateIds(entry.id for entry in glossary)
        self._page_keys: set[str] = set()
        self._render_base = ""
        self._discovered_url = ""
        self._url_of: Callable[[str], str] = str
        self._helper: Helper | None = None

    def start(
        self,
        briefings: Sequence[Briefing],
        url_of: Callable[[str], str],
        discovered_uri: str,
        glossary_uris: Iterable[str],
    ) -> None:
        """Start rendering ``briefings`` (placed, with URLs): on a large site, fork a helper.

        A helper pays off when discovery has work to do: on a cold build, or after an edit
        of the glossary (which changes every seed's key), not after an edit of one seed.
        """
        self._briefings = briefings
        self._discovered_url = url_of(discovered_uri)
        self._url_of = url_of
        if self._page_cache is not None:
            self._page_cache.open()
        if self._unreviewed is not None:
            self._unreviewed.open_caches()
        self._render_base = self._render_fingerprint(url_of, glossary_uris)
        unreviewed = self._unreviewed
        if (
            self._options.parallel
            and unreviewed is not None
            and helper_processes()
            and unreviewed.uncached(self.discovery_articles()) >= self._options.parallel_minimum
        ):
            self._helper = Helper(self._in_helper, len(briefings))

    def close(self) -> None:
        """Stop the helper process, if any."""
        if self._helper is not None:
            self._helper.close()
            self._helper = None

    def finish(self) -> None:
        """Once every briefing is rendered: stop the helper and drop unused cache entries."""
        self.close()
        if self._page_cache:
            self._page_cache.keep_only(self._page_keys)
        if self._unreviewed is not None:
            self._unreviewed.keep_only(self.discovery_articles())

    def render(self, index: int) -> tuple[RenderedSeed, dict[str, Candidate]]:
        """Return text briefing ``index``'s page and its unreviewed entities by site id."""
        briefing = self._briefings[index]
        ahead = self._helper.result(index) if self._helper is not None else None
        local = found_from_json(ahead[0]) if ahead is not None else None
        if local is None:
            local = self._local_discovery(briefing.seed)
        candidates, found = self._site_ids(local)
        key = self._page_key(briefing, candidates, found)
        self._page_keys.add(key)
        rendered = None
        if ahead is not None and ahead[1] == key:
            rendered = RenderedSeed.from_json(ahead[2])
        if rendered is None:
            rendered = self._rendered(briefing, key, candidates, found)
        return rendered, candidates

    def _in_helper(self, index: int) -> tuple[Any, str, Any] | None:
        """In the helper process: briefing ``index``'s discovery result, and for some
        briefings their page key and rendered page too, as plain data.

        The helper runs discovery (the costliest step) for every briefing and renders one
        in :data:`HELPER_RENDERS_ONE_IN`, so that it and the build process, which renders
        the rest and converts every page, share the work about evenly. It sees every
        briefing in order, so the site-wide ids it gives unreviewed entities are the ones
        the build process gives; the build process uses a page only if the key it computes
        itself is the same.
        """
        briefing = self._briefings[index]
        if briefing.seed.format != "text":
            return None
        local = self._local_discovery(briefing.seed)
        candidates, found = self._site_ids(local)
        if index % HELPER_RENDERS_ONE_IN != 1:
            return found_to_json(*local), "", None
        key = self._page_key(briefing, candidates, found)
        rendered = self._rendered(briefing, key, candidates, found)
        return found_to_json(*local), key, rendered.to_json()

    def _page_key(
        self,
        briefing: Briefing,
        candidates: Mapping[str, Candidate],
        found: Sequence[Sequence[Mention]],
    ) -> str:
        """Return the cache key of a briefing's page.

        Everything the page depends on is in it: the seed as parsed, where the page and
        its links go, its unreviewed entities with their site-wide ids, and (in the base)
        the plugin code, glossary, sources and options.
        """
        return fingerprint(
            [
                self._render_base,
                briefing.url,
                self._discovered_url,
                repr(briefing.seed),
                repr(sorted(candidates.items())),
                repr(found),
            ]
        )

    def _rendered(
        self,
        briefing: Briefing,
        key: str,
        candidates: Mapping[str, Candidate],
        found: Sequence[Sequence[Mention]],
    ) -> RenderedSeed:
        """Return the page of a text briefing (page key ``key``), from the cache or
        analysed, rendered (and cached)."""
        if self._page_cache:
            cached = RenderedSeed.from_json(self._page_cache.get(key))
            if cached is not None:
                return cached

        def review_link(entity_id: str) -> str:
            url = self._url_of(discovered_uri_of(entity_id))
            return f"{relative_url(url, briefing.url)}#{entity_id}"

        context = AnalysisContext(
            self._matcher,
            self._sources,
            self._links.entity_lookup(briefing.url, candidates, review_link),
            self._glossary.__contains__,
            self._decisions,
        )
        analysed = analyse_text_seed(briefing.seed, context, candidates, found)
        targets: dict[str, EntityTarget] = {
            entry_id: self._links.target(entry_id, briefing.url) for entry_id in analysed.counts
        }
        for candidate_id in analysed.new_counts:
            targets[candidate_id] = candidate_target(
                candidates[candidate_id], review_link(candidate_id)
            )
        rendered = render_text_seed(briefing.seed, analysed, targets, self._options.link_mentions)
        if self._page_cache:
            self._page_cache.put(key, rendered.to_json())
        return rendered

    def discovery_articles(self) -> Iterator[list[str]]:
        """Yield what discovery reads of every plain-text briefing, in briefing order."""
        return (discovery_texts(b.seed) for b in self._briefings if b.seed.format == "text")

    def _local_discovery(self, seed: Seed) -> Found:
        """Return the seed's unreviewed candidates and their mentions per block, with the
        ids discovery gave them in this article alone."""
        if self._unreviewed is None or seed.language != ENGLISH:
            return [], [[] for _ in seed.blocks]
        return self._unreviewed.find(discovery_texts(seed))

    def _site_ids(self, local: Found) -> tuple[dict[str, Candidate], list[list[Mention]]]:
        """Return an article's candidates by site-wide id, and their mentions with those ids.

        Site ids are given in briefing order, so every briefing must pass here in order.
        """
        candidates, found = local
        kept: dict[str, Candidate] = {}
        site_ids: dict[str, str] = {}
        for candidate in candidates:
            site_id = self._candidate_ids.assign(candidate)
            site_ids[candidate.id] = site_id
            kept[site_id] = dataclasses.replace(candidate, id=site_id)
        return kept, [
            [Mention(m.start, m.end, site_ids[m.entry_id]) for m in block if m.entry_id in site_ids]
            for block in found
        ]

    def _render_fingerprint(
        self, url_of: Callable[[str], str], glossary_uris: Iterable[str]
    ) -> str:
        """Return the part of every briefing's cache key that is the same for the whole site:
        plugin code, glossary, sources, link option and where the glossary pages are."""
        return fingerprint(
            [
                # The matcher's library and Python's own text handling shape a page too.
                code_fingerprint(PACKAGE_DIR, ("pyahocorasick",)),
                sys.version,
                self._options.link_mentions,
                repr(self._decisions),
                *(repr(entry) for entry in self._glossary),
                *(repr(source) for source in self._sources),
                *(f"{uri} {url_of(uri)}" for uri in sorted(glossary_uris)),
            ]
        )


def discovery_texts(seed: Seed) -> list[str]:
    """Return the texts discovery reads for ``seed``: one per block, captions with credit."""
    return [
        f"{b.text} {b.credit_label} {b.credit}"
        if b.kind == "caption"
        else ("" if len(b.text) > LONG_PARAGRAPH else b.text)
        for b in seed.blocks
    ]

"""The publishing pipeline, independent of any site generator.

A :class:`Publisher` loads the glossary, the sources registry and every seed once per build,
then renders each briefing to Markdown (entities marked, footnotes planned), collects the
cross-page facts (backlinks, citations, sourcing report) in one pass, and renders the
generated pages (home, archive, glossary, sources, report). The MkDocs adapter only calls it.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from briefings.site import pages
from briefings.site.briefing_page import LONG_PARAGRAPH, PageContext, RenderedSeed, render_text_seed
from briefings.common.cache import PACKAGE_DIR, JsonCache, code_fingerprint, fingerprint
from briefings.entities.discovery import Candidate
from briefings.common.errors import BriefingsError, Problem
from briefings.content.files import display_path
from briefings.entities.glossary import Glossary, GlossaryEntry, load_glossary
from briefings.site.helper import Helper, helper_processes
from briefings.site.markdown_seeds import markdown_with_footnotes
from briefings.entities.matcher import Matcher, Mention, build_matcher
from briefings.site.render import (
    EntityTarget,
    Stash,
    join_blocks,
    meta_line_html,
)
from briefings.content.seeds import Seed, find_seed_files, read_seed
from briefings.sourcing.registry import SourceEntry, SourceRegistry, load_sources
from briefings.common.text import escape_markdown, slugify
from briefings.entities.unreviewed import CandidateIds, Found, UnreviewedFinder
from briefings.entities.unreviewed import from_json as _found_from_json
from briefings.entities.unreviewed import to_json as _found_to_json
from briefings.common.urls import relative_url

GLOSSARY_URI = "glossary.md"
GLOSSARY_DIR = "glossary"
SOURCES_URI = "sources.md"
HOME_URI = "index.md"
ARCHIVE_DIR = "archive"
REPORT_URI = "reports/sourcing.md"
DISCOVERED_URI = "discovered.md"


# The helper process renders one briefing in this many (besides finding every briefing's
# unreviewed entities); measured on 2 cores, this keeps it just ahead of the build process.
HELPER_RENDERS_ONE_IN = 4


@dataclass(frozen=True, slots=True)
class PublisherOptions:
    """Where the inputs are and how to publish them (see ``config.py`` for each option)."""

    root: Path
    seeds_dir: Path
    glossary_dir: Path
    sources_file: Path
    briefings_dir: str = "briefings"
    link_mentions: str = "first"
    home_count: int = 20
    archive_page_size: int = 50
    future_days: int = 7
    today: date | None = None
    discover: bool = True
    max_unreviewed: int = -1
    glossary_split: int = 300
    cache_dir: Path | None = None
    parallel: bool = True
    parallel_minimum: int = 64  # seeds missing from the cache before a helper is worth it


@dataclass(slots=True)
class Briefing:
    """A seed placed on the site: its generated page's ``src_uri`` and, once known, URL."""

    seed: Seed
    src_uri: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Backlink:
    """One page mentioning a glossary entry."""

    url: str
    title: str
    date: date | None
    count: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Citation:
    """One briefing citing a source."""

    url: str
    title: str
    date: date
    count: int


@dataclass(frozen=True, slots=True)
class SourcingRecord:
    """Per briefing: attributed vs unattributed sentences, and the unattributed claims."""

    url: str
    title: str
    path: str
    attributed: int
    sentences: int
    claims: tuple[tuple[str, str], ...]  # (cue, sentence)


@dataclass(slots=True)
class Report:
    """Problems found while publishing: errors fail any build, warnings fail strict ones."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


class Publisher:
    """Loads inputs once and publishes every briefing and generated page of one build."""

    def __init__(self, options: PublisherOptions) -> None:
        self.options = options
        self.glossary = Glossary(())
        self.sources = SourceRegistry(())
        self.matcher: Matcher = build_matcher(self.glossary)
        self.briefings: list[Briefing] = []
        self._backlinks: dict[str, dict[str, Backlink]] = {}
        self._citations: dict[str, dict[str, Citation]] = {}
        self._cited_names: dict[str, str] = {}
        self._sourcing: list[SourcingRecord] = []
        self._sources_by_label: dict[str, dict[str, str]] = {}
        self._tooltips: dict[str, str] = {}
        self._archive = dict(pages.archive_pages([], ARCHIVE_DIR, options.archive_page_size))
        self._briefings_index_uri = f"{options.briefings_dir}/index.md"
        self._index_of: dict[str, int] = {}
        self._glossary_markdown: dict[str, str] | None = None
        self._url_of: Callable[[str], str] = _default_url
        self._entry_uri: dict[str, str] = {}
        self._glossary_uris: set[str] = {GLOSSARY_URI}
        self._unreviewed: UnreviewedFinder | None = None
        self._stashes: dict[str, Stash] = {}
        self._candidate_ids = CandidateIds(())
        cache_dir = options.cache_dir
        self._page_cache = JsonCache(cache_dir / "pages.sqlite") if cache_dir else None
        self._page_keys: set[str] = set()
        self._render_base = ""
        self._discovered_url = ""
        self._markdown: dict[str, str] = {}
        self._rendered_count = 0
        self._finished = False
        self._helper: Helper | None = None
        self._discovered: dict[str, pages.Discovered] = {}

    # -- loading ---------------------------------------------------------------------------

    def load(self) -> Report:
        """Read glossary, sources and seeds; return the problems (a bad file stops nothing else)."""
        report = Report()
        root = self.options.root
        folder = self.options.glossary_dir
        glossary_files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])
        try:
            self.glossary, warnings = load_glossary(glossary_files, root=root)
            report.warnings.extend(warnings)
        except BriefingsError as exc:
            report.errors.append(exc.problem)
        if self.options.sources_file.exists():
            try:
                self.sources, warnings = load_sources(self.options.sources_file, root=root)
                report.warnings.extend(warnings)
            except BriefingsError as exc:
                report.errors.append(exc.problem)
        self.matcher = build_matcher(self.glossary)
        self._unreviewed = None
        if self.options.discover:
            # Names the editors already know: glossary entries, and sources in the registry.
            known = {s for entry in self.glossary for s in entry.surfaces}
            known.update(n for source in self.sources for n in (source.name, *source.aliases))
            self._unreviewed = UnreviewedFinder(known, self.options.cache_dir)
        self._tooltips = {entry.id: entry.plain_description for entry in self.glossary}
        self._entry_uri = _glossary_pages(self.glossary, self.options.glossary_split)
        self._glossary_uris = set(self._entry_uri.values()) | {GLOSSARY_URI}
        seeds: list[Seed] = []
        try:
            paths = find_seed_files(self.options.seeds_dir, root)
        except BriefingsError as exc:
            report.errors.append(exc.problem)
            paths = []
        for path in paths:
            try:
                seed = read_seed(
                    path, root, today=self.options.today, future_days=self.options.future_days
                )
            except BriefingsError as exc:
                report.errors.append(exc.problem)
                continue
            report.warnings.extend(seed.warnings)
            seeds.append(seed)
        self.use_seeds(seeds)
        return report

    def use_seeds(self, seeds: Iterable[Seed]) -> None:
        """Publish exactly ``seeds`` (already parsed), replacing any loaded before."""
        self.briefings = self._place(seeds)
        self._index_of = {b.src_uri: index for index, b in enumerate(self.briefings)}
        # Archive pages by src URI, in order: the index of months first.
        self._archive = dict(
            pages.archive_pages(
                [(b.seed.date, b) for b in self.briefings],
                ARCHIVE_DIR,
                self.options.archive_page_size,
            )
        )

    def _place(self, seeds: Iterable[Seed]) -> list[Briefing]:
        """Give every seed a unique page; colliding slugs get -2, -3 … in seed-path order."""
        taken: set[str] = set()
        placed = []
        for seed in sorted(seeds, key=lambda s: (s.date, s.slug, s.path)):
            stem = f"{seed.date.isoformat()}-{seed.slug}"
            name, suffix = stem, 2
            while name in taken:
                name, suffix = f"{stem}-{suffix}", suffix + 1
            taken.add(name)
            placed.append(Briefing(seed, f"{self.options.briefings_dir}/{name}.md"))
        # Newest first everywhere readers see lists.
        placed.sort(key=lambda b: (b.seed.date, b.src_uri), reverse=True)
        return placed

    # -- generated pages -------------------------------------------------------------------

    def page_uris(self) -> list[str]:
        """Return the src URIs of every page this publisher generates, in reading order."""
        # Pages that list no rendering results come first: a site generator reading pages
        # in this order converts them while the helper process starts up.
        uris = [HOME_URI, GLOSSARY_URI]
        uris += sorted(set(self._entry_uri.values()) - {GLOSSARY_URI})
        uris += list(self._archive)
        uris.append(self._briefings_index_uri)
        uris += [b.src_uri for b in self.briefings]
        uris += [SOURCES_URI, REPORT_URI, DISCOVERED_URI]
        return uris

    def render_pages(self, url_of: Callable[[str], str]) -> tuple[dict[str, str], Report]:
        """Render every generated page to Markdown; ``url_of(src_uri)`` gives its site URL.

        Returns the Markdown by src URI and the problems found (unknown sources…). The same
        as :meth:`prepare` followed by :meth:`page_markdown` for every page, in order.
        """
        report = Report()
        self.prepare(url_of)
        try:
            out = {uri: self.page_markdown(uri, report) for uri in self.page_uris()}
        finally:
            self.close()
        return out, report

    def prepare(self, url_of: Callable[[str], str]) -> None:
        """Start a build whose pages are rendered on demand by :meth:`page_markdown`.

        On a large site a helper process starts at once on the briefings, in the order the
        pages will be asked for: it finds their unreviewed entities and renders some of them,
        while this process renders the others and the site generator converts pages.
        """
        self.close()
        self._url_of = url_of
        self._discovered_url = url_of(DISCOVERED_URI)
        for briefing in self.briefings:
            briefing.url = url_of(briefing.src_uri)
        # Everything collected while rendering starts afresh, so rendering twice (a test,
        # a preview) never mixes in facts from the previous run.
        self._backlinks = {}
        self._citations = {}
        self._cited_names = {}
        self._sourcing = []
        self._sources_by_label = {}
        self._stashes = {}
        self._discovered = {}
        self._candidate_ids = CandidateIds(entry.id for entry in self.glossary)
        self._render_base = self._render_fingerprint(url_of)
        self._page_keys = set()
        self._markdown = {}
        self._glossary_markdown = None
        self._rendered_count = 0
        self._finished = False
        # A helper pays off when discovery has work to do: on a cold build, or after an edit
        # of the glossary (which changes every seed's key), not after an edit of one seed.
        unreviewed = self._unreviewed
        if (
            self.options.parallel
            and unreviewed is not None
            and helper_processes()
            and unreviewed.uncached(self._discovery_articles()) >= self.options.parallel_minimum
        ):
            self._helper = Helper(self._in_helper, len(self.briefings))

    def close(self) -> None:
        """Stop the helper process of the current build, if any."""
        if self._helper is not None:
            self._helper.close()
            self._helper = None

    def page_markdown(self, src_uri: str, report: Report) -> str:
        """Return the Markdown of the generated page ``src_uri``; problems go to ``report``.

        Briefings are rendered in order (asking for one renders those before it); the
        sources, sourcing report and unreviewed-entities pages first render every briefing,
        since they list what rendering found.
        """
        index = self._index_of.get(src_uri)
        if index is not None:
            self._render_briefings(index + 1, report)
            return self._markdown[src_uri]
        url = self._url_of(src_uri)
        archive_index_uri, archive_index = next(iter(self._archive.items()))
        # Home, archive and glossary list seeds and entries, not what rendering found
        # (backlinks are filled in later): they need no briefing rendered first.
        if src_uri == HOME_URI:
            return pages.home_page(
                self.briefings[: self.options.home_count],
                len(self.briefings),
                lambda b: relative_url(b.url, url),
                relative_url(self._url_of(archive_index_uri), url),
            )
        archive = self._archive.get(src_uri)
        if src_uri == self._briefings_index_uri:
            # The folder of the briefings is a page too (a reader may cut a URL back to it):
            # the archive's index of months, under its own title.
            archive = dataclasses.replace(archive_index, title="All briefings")
        if archive is not None:
            return archive.render(functools.partial(_relative_to, self._url_of, url))
        if src_uri in self._glossary_uris:
            if self._glossary_markdown is None:
                self._glossary_markdown = self._glossary_pages()
            return self._glossary_markdown[src_uri]
        self.finish(report)
        if src_uri == DISCOVERED_URI:
            return pages.discovered_page(
                self.discovered(),
                lambda target: relative_url(target, url),
                self._new_stash(DISCOVERED_URI),
            )
        if src_uri == SOURCES_URI:
            return pages.sources_page(
                self.sources,
                self._citations,
                lambda target: relative_url(target, url),
                self._cited_names,
                self._new_stash(SOURCES_URI),
            )
        if src_uri == REPORT_URI:
            return pages.sourcing_page(
                self._sourcing,
                lambda target: relative_url(target, url),
                self._new_stash(REPORT_URI),
            )
        raise KeyError(src_uri)

    def _render_briefings(self, stop: int, report: Report) -> None:
        """Render the briefings not rendered yet, up to index ``stop`` (exclusive)."""
        while self._rendered_count < stop:
            index = self._rendered_count
            briefing = self.briefings[index]
            self._markdown[briefing.src_uri] = self._render_briefing(index, briefing, report)
            self._rendered_count += 1

    def finish(self, report: Report) -> None:
        """Render every briefing not rendered yet and finish the build's cross-page facts
        (as asking for any listing page does). Does nothing the second time."""
        self._render_briefings(len(self.briefings), report)
        if not self._finished:
            self._finish(report)

    def _finish(self, report: Report) -> None:
        """Once every briefing is rendered: stop the helper, trim the cache, check limits."""
        self._finished = True
        self.close()
        if self._page_cache:
            self._page_cache.keep_only(self._page_keys)
        if self._unreviewed is not None:
            self._unreviewed.keep_only(self._discovery_articles())
        limit = self.options.max_unreviewed
        if 0 <= limit < len(self._discovered):
            report.warnings.append(
                Problem(
                    display_path(self.options.seeds_dir, self.options.root),
                    None,
                    f"{len(self._discovered)} unreviewed entities found, more than "
                    f"max_unreviewed ({limit})",
                    "run 'make suggest' and move the reviewed entries into the glossary",
                )
            )

    # -- one briefing ----------------------------------------------------------------------

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
        briefing = self.briefings[index]
        if briefing.seed.format != "text":
            return None
        local = self._local_discovery(briefing.seed)
        candidates, found = self._site_ids(local)
        if index % HELPER_RENDERS_ONE_IN != 1:
            return _found_to_json(*local), "", None
        key = self._page_key(briefing, candidates, found)
        rendered = self._rendered(briefing, key, candidates, found)
        return _found_to_json(*local), key, rendered.to_json()

    def _render_briefing(self, index: int, briefing: Briefing, report: Report) -> str:
        seed = briefing.seed
        if seed.format == "markdown":
            return self._render_markdown_seed(briefing, report)
        ahead = self._helper.result(index) if self._helper is not None else None
        local = _found_from_json(ahead[0]) if ahead is not None else None
        if local is None:
            local = self._local_discovery(seed)
        candidates, found = self._site_ids(local)
        key = self._page_key(briefing, candidates, found)
        self._page_keys.add(key)
        rendered = None
        if ahead is not None and ahead[1] == key:
            rendered = RenderedSeed.from_json(ahead[2])
        if rendered is None:
            rendered = self._rendered(briefing, key, candidates, found)
        self._stashes[briefing.url] = Stash(rendered.fragments)
        report.warnings.extend(self._unknown_sources(seed.path, rendered.unknown_sources))
        for source_id, name, uses in rendered.citations:
            self._cite(source_id, name, briefing, uses)
        self._record_backlinks(
            briefing.url, seed.title, seed.date, rendered.counts, rendered.first_sentence
        )
        for candidate_id, count in rendered.new_counts.items():
            record = self._discovered.setdefault(
                candidate_id, pages.Discovered(candidates[candidate_id])
            )
            record.mentions.append(
                Backlink(
                    briefing.url, seed.title, seed.date, count, rendered.new_first[candidate_id]
                )
            )
            record.paths.append(seed.path)
        self._sourcing.append(
            SourcingRecord(
                briefing.url,
                seed.title,
                seed.path,
                rendered.attributed,
                rendered.sentences,
                tuple(rendered.claims),
            )
        )
        return rendered.markdown

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
        rendered (and cached)."""
        if self._page_cache:
            rendered = RenderedSeed.from_json(self._page_cache.get(key))
            if rendered is not None:
                return rendered
        context = PageContext(
            self.matcher,
            self.sources,
            self.options.link_mentions,
            functools.partial(self._target, page_url=briefing.url),
            functools.partial(self._glossary_source, briefing.url),
            relative_url(self._discovered_url, briefing.url),
        )
        rendered = render_text_seed(briefing.seed, context, candidates, found)
        if self._page_cache:
            self._page_cache.put(key, rendered.to_json())
        return rendered

    def _render_markdown_seed(self, briefing: Briefing, report: Report) -> str:
        seed = briefing.seed
        body, notes, unknown, uses = markdown_with_footnotes(seed.markdown, self.sources, seed.date)
        report.warnings.extend(self._unknown_sources(seed.path, unknown))
        self._sources_by_label[briefing.url] = {n.label: n.source_id for n in notes}
        for note in notes:
            self._cite(note.source_id, note.source_name, briefing, uses[note.label])
        header = [
            pages.front_matter(seed.title, seed.summary, seed.date, seed.tags, entities=True),
            "# " + escape_markdown(seed.title),
            meta_line_html(seed.date, seed.reading_minutes, seed.path),
        ]
        return join_blocks([*header, body])

    def _discovery_articles(self) -> Iterator[list[str]]:
        """Yield what discovery reads of every plain-text briefing, in briefing order."""
        return (_discovery_texts(b.seed) for b in self.briefings if b.seed.format == "text")

    def _local_discovery(self, seed: Seed) -> Found:
        """Return the seed's unreviewed candidates and their mentions per block, with the
        ids discovery gave them in this article alone."""
        if self._unreviewed is None:
            return [], [[] for _ in seed.blocks]
        return self._unreviewed.find(_discovery_texts(seed))

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

    def discovered(self) -> list[pages.Discovered]:
        """Return the unreviewed entities of the last render, most-mentioned first."""
        return sorted(
            self._discovered.values(),
            key=lambda d: (-len(d.mentions), d.candidate.name.casefold(), d.candidate.id),
        )

    def _unknown_sources(self, path: str, names: Iterable[str]) -> list[Problem]:
        """Return a warning per source name that is not in the registry."""
        registry = display_path(self.options.sources_file, self.options.root)
        return [
            Problem(
                path, None, f"unknown source '{name}'", f"add it to {registry} (id, name, kind)"
            )
            for name in names
        ]

    def _render_fingerprint(self, url_of: Callable[[str], str]) -> str:
        """Return the part of every briefing's cache key that is the same for the whole site:
        plugin code, glossary, sources, link option and where the glossary pages are."""
        return fingerprint(
            [
                # The matcher's library and Python's own text handling shape a page too.
                code_fingerprint(PACKAGE_DIR, ("pyahocorasick",)),
                sys.version,
                self.options.link_mentions,
                *(repr(entry) for entry in self.glossary),
                *(repr(source) for source in self.sources),
                *(f"{uri} {url_of(uri)}" for uri in sorted(self._glossary_uris)),
            ]
        )

    def _glossary_pages(self) -> dict[str, str]:
        """Return the glossary page(s) by src URI: one page, or an index and one per letter."""
        uris = sorted(set(self._entry_uri.values()))
        if uris == [GLOSSARY_URI]:
            return {
                GLOSSARY_URI: pages.glossary_page(
                    self.glossary,
                    self.glossary,
                    self._see_also(GLOSSARY_URI),
                    stash=self._new_stash(GLOSSARY_URI),
                )
            }
        by_uri: dict[str, list[GlossaryEntry]] = {uri: [] for uri in uris}
        for entry in self.glossary:
            by_uri[self._entry_uri[entry.id]].append(entry)
        out = {}
        letters = []
        for uri in uris:
            label = uri.removeprefix(f"{GLOSSARY_DIR}/").removesuffix(".md").upper()
            letters.append((label, uri, len(by_uri[uri])))
            out[uri] = pages.glossary_page(
                by_uri[uri],
                self.glossary,
                self._see_also(uri),
                title=f"Glossary: {label}",
                discovered_link="../discovered.md",
                stash=self._new_stash(uri),
            )
        index_url = self._url_of(GLOSSARY_URI)
        out[GLOSSARY_URI] = pages.glossary_index_page(
            letters, lambda uri: relative_url(self._url_of(uri), index_url)
        )
        return out

    def _new_stash(self, src_uri: str) -> Stash:
        """Return a fresh stash for the generated page at ``src_uri`` (see restore_html)."""
        stash = self._stashes[self._url_of(src_uri)] = Stash()
        return stash

    def _see_also(self, page_uri: str) -> Callable[[str], str]:
        """Return the Markdown link target of an entry, seen from glossary page ``page_uri``."""

        def link(entry_id: str) -> str:
            uri = self._entry_uri[entry_id]
            if uri == page_uri:
                return f"#{entry_id}"
            return f"{posixpath.relpath(uri, posixpath.dirname(page_uri) or '.')}#{entry_id}"

        return link

    def is_glossary_page(self, src_uri: str) -> bool:
        """Return whether ``src_uri`` is a glossary page holding entries (with backlinks)."""
        return src_uri in self._glossary_uris

    def _glossary_source(self, page_url: str, phrase: str) -> SourceEntry | None:
        """Return the glossary entry a source phrase names, as a source linked to its entry.

        "Kremlin spokesman Dmitry Peskov" names two entries; the speaker is the last person
        or organisation named (the head of the phrase), else the last entry named at all.
        """
        mentions = self.matcher.find_mentions(phrase)
        if not mentions:
            return None
        entries = [self.glossary.get(m.entry_id) for m in mentions]
        named = [e for e in entries if e is not None]
        speakers = [e for e in named if e.type in ("person", "organization")] or named
        if not speakers:
            return None
        entry = speakers[-1]
        link = relative_url(self._url_of(self._entry_uri[entry.id]), page_url)
        return SourceEntry(entry.id, entry.name, entry.type, url=f"{link}#{entry.id}")

    def _target(self, entry_id: str, page_url: str) -> EntityTarget:
        entry = self.glossary.get(entry_id)
        assert entry is not None
        return EntityTarget(
            entry.id,
            entry.type,
            entry.name,
            self._tooltips[entry.id],
            f"{relative_url(self._url_of(self._entry_uri[entry.id]), page_url)}#{entry.id}",
        )

    def _record_backlinks(
        self,
        url: str,
        title: str,
        published: date | None,
        counts: Mapping[str, int],
        first_sentence: Mapping[str, str],
    ) -> None:
        for entry_id, count in counts.items():
            self._backlinks.setdefault(entry_id, {})[url] = Backlink(
                url, title, published, count, first_sentence.get(entry_id, "")
            )

    def _cite(self, source_id: str, name: str, briefing: Briefing, count: int) -> None:
        self._cited_names.setdefault(source_id, name)
        self._citations.setdefault(source_id, {})[briefing.url] = Citation(
            briefing.url, briefing.seed.title, briefing.seed.date, count
        )

    # -- after Markdown --------------------------------------------------------------------

    def target_factory(self, page_url: str) -> Callable[[str], EntityTarget | None]:
        """Return a function giving the entity target of an entry id, linked from ``page_url``."""

        def target_for(entry_id: str) -> EntityTarget | None:
            return self._target(entry_id, page_url) if entry_id in self.glossary else None

        return target_for

    def page_title(self, src_uri: str) -> str:
        """Return the title of the briefing generated at ``src_uri`` ("" for other pages)."""
        index = self._index_of.get(src_uri)
        return self.briefings[index].seed.title if index is not None else ""

    def page_date(self, src_uri: str) -> date | None:
        """Return the date of the briefing generated at ``src_uri`` (None for other pages)."""
        index = self._index_of.get(src_uri)
        return self.briefings[index].seed.date if index is not None else None

    def restore_html(self, url: str, html: str) -> str:
        """Return the converted HTML of the briefing at ``url`` with its stashed HTML put back.

        Each page's stash is used once and then released.
        """
        stash = self._stashes.pop(url, None)
        return stash.restore(html) if stash is not None else html

    def sources_by_label(self, url: str) -> dict[str, str]:
        """Return the footnote label -> source id map of the briefing at ``url``."""
        return self._sources_by_label.get(url, {})

    def record_html_mentions(
        self,
        url: str,
        title: str,
        published: date | None,
        counts: Counter[str],
        first_sentence: dict[str, str],
    ) -> None:
        """Record mentions found in a page's HTML (Markdown seeds, opted-in pages)."""
        self._record_backlinks(url, title, published, counts, first_sentence)

    def resolve_glossary(self, html: str, page_url: str) -> str:
        """Return a glossary page's HTML with every backlinks placeholder filled in."""
        return pages.fill_backlinks(html, self._backlinks, lambda url: relative_url(url, page_url))

    def unmentioned_entries(self) -> list[Problem]:
        """Return a warning for every glossary entry no page mentions."""
        return [
            Problem(
                entry.path,
                entry.line,
                f"glossary entry '{entry.id}' is not mentioned by any page",
                "check its name and aliases against the articles, or remove the entry",
            )
            for entry in self.glossary
            if entry.id not in self._backlinks
        ]

    def sourcing_data(self) -> dict[str, object]:
        """Return the editors' sourcing report as JSON-ready data."""
        return pages.sourcing_json(self._sourcing)


def _relative_to(url_of: Callable[[str], str], base: str, src_uri: str) -> str:
    """Return the URL of the page at ``src_uri`` relative to the page at URL ``base``."""
    return relative_url(url_of(src_uri), base)


def _default_url(src_uri: str) -> str:
    """Directory-style URL of a page, used until the site generator gives the real ones."""
    return "" if src_uri == HOME_URI else src_uri.removesuffix(".md") + "/"


def _discovery_texts(seed: Seed) -> list[str]:
    """Return the texts discovery reads for ``seed``: one per block, captions with credit."""
    return [
        f"{b.text} {b.credit_label} {b.credit}"
        if b.kind == "caption"
        else ("" if len(b.text) > LONG_PARAGRAPH else b.text)
        for b in seed.blocks
    ]


def _glossary_pages(glossary: Glossary, split: int) -> dict[str, str]:
    """Return the glossary page src URI of each entry id.

    Up to ``split`` entries share one page; a larger glossary gets one page per initial
    letter (digits and others on ``0-9``), so no page carries thousands of headings, which
    Material's search indexes in time quadratic in their number.
    """
    if len(glossary) <= split:
        return {entry.id: GLOSSARY_URI for entry in glossary}
    pages_of = {}
    for entry in glossary:
        initial = (slugify(entry.name) or "0")[0]
        bucket = initial if initial.isalpha() else "0-9"
        pages_of[entry.id] = f"{GLOSSARY_DIR}/{bucket}.md"
    return pages_of

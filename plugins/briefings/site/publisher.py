"""The publishing pipeline, independent of any site generator: the build's stages in order.

A :class:`Publisher` runs one build:

1. **load** (:mod:`.loading`): the glossary, the sources registry and every seed, validated;
2. **place** (:mod:`.placement`): each briefing's page and each glossary entry's page;
3. **render** (:mod:`.rendering`): each briefing analysed and rendered once, in order, from
   the page cache or with a helper process on large sites; Markdown seeds by
   :mod:`.markdown_seeds`;
4. **index** (:mod:`.crosspage`): what every page contributes to the listing pages;
5. **generated pages** (:mod:`.pages`): home, archive, glossary, sources, the sourcing
   report and the unreviewed entities, made from the index.

The MkDocs adapter (``plugin.py``) calls these methods from its hooks and nothing else.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from briefings.common.cache import JsonCache
from briefings.common.errors import BriefingsError, Problem
from briefings.common.urls import relative_url
from briefings.content.decisions import Decision, Decisions
from briefings.content.duplicates import Duplicate, find_duplicates
from briefings.content.files import display_path
from briefings.content.language import ENGLISH
from briefings.content.seeds import Seed, body_text, read_seed
from briefings.entities.glossary import Glossary, GlossaryEntry
from briefings.entities.glossary_files import read_glossary_file
from briefings.entities.matcher import Matcher, build_matcher
from briefings.entities.unreviewed import UnreviewedFinder
from briefings.site.cards import card_files
from briefings.site.crosspage import SiteIndex
from briefings.site.entity_pages import EntityPages, mentioned_entries
from briefings.site.feed_files import SiteFeeds
from briefings.site.listings import Listings
from briefings.site.loading import load_inputs
from briefings.site.markdown_seeds import render_markdown_seed
from briefings.site.model import EntityTarget
from briefings.site.options import PublisherOptions
from briefings.site.page_shell import ShellPage, model_markdown
from briefings.site.pages.discovered import problems_page
from briefings.site.pages.entity import entity_page_markdown
from briefings.site.pages.glossary import fill_backlinks, glossary_pages
from briefings.site.pages.listing import (
    TRENDING_DAYS,
    archive_pages,
    fill_home,
    home_page,
    shared_name_page,
)
from briefings.site.pages.sources import UNMENTIONED_PLACEHOLDER, unmentioned_html
from briefings.site.placement import (
    ARCHIVE_DIR,
    DISCOVERED_URI,
    GLOSSARY_URI,
    HOME_URI,
    PROBLEMS_URI,
    REPORT_URI,
    SOURCES_URI,
    default_url,
    discovered_uri_of,
    glossary_page_of,
    place_briefings,
    relative_to,
    shared_names,
)
from briefings.site.records import Briefing, Discovered, Report
from briefings.site.render import Stash
from briefings.site.rendering import BriefingRenderer
from briefings.site.targets import EntityLinks
from briefings.sourcing.registry import SourceRegistry

__all__ = ["SOURCES_URI", "Publisher", "PublisherOptions", "Report"]

SOURCING_JSON = "reports/sourcing.json"  # the sourcing report's data, next to its page
SOURCING_MONTH_JSON = "reports/sourcing/{month}.json"  # each month's, next to its page
_REVIEW_LINK_RE = re.compile(r'href="([^"#]*#([^"]+))"')
HOME_TOP_ENTITIES = 3  # entities shown under each briefing on the home page
HOME_TRENDING = 10  # entities in the home page's "most mentioned" list


class Publisher:
    """Loads inputs once and publishes every briefing and generated page of one build."""

    def __init__(self, options: PublisherOptions) -> None:
        self.options = options
        self.glossary = Glossary(())
        self.sources = SourceRegistry(())
        self.matcher: Matcher = build_matcher(self.glossary)
        self.briefings: list[Briefing] = []
        self.index = SiteIndex()
        self.renderer: BriefingRenderer | None = None
        self._archive = dict(archive_pages([], ARCHIVE_DIR, options.archive_page_size))
        self._listings = Listings(())
        self._entities = EntityPages(self.glossary, {}, options.entity_page_size)
        self._shared: dict[str, list[Briefing]] = {}
        self._feeds = SiteFeeds("", options.feed_id_date, "", "", {})
        self.decisions = Decisions()
        self.load_problems: list[Problem] = []
        self.duplicates: list[Duplicate] = []
        self.languages: list[tuple[str, str]] = []
        self._briefings_index_uri = f"{options.briefings_dir}/index.md"
        self._index_of: dict[str, int] = {}
        self._glossary_markdown: dict[str, str] | None = None
        self._url_of: Callable[[str], str] = default_url
        self._entry_uri: dict[str, str] = {}
        self._glossary_uris: set[str] = {GLOSSARY_URI}
        self._unreviewed: UnreviewedFinder | None = None
        self._stashes: dict[str, Stash] = {}
        cache_dir = options.cache_dir
        self._page_cache = JsonCache(cache_dir / "pages.sqlite") if cache_dir else None
        # The HTML of entity pages by their Markdown (see PageConverter).
        self.html_cache = JsonCache(cache_dir / "html.sqlite") if cache_dir else None
        self._links = EntityLinks(self.glossary, self.matcher, {}, default_url)
        self._markdown: dict[str, str] = {}
        self._rendered_count = 0
        self._finished = False

    # -- load and place --------------------------------------------------------------------

    def load(self) -> Report:
        """Read glossary, sources and seeds; return the problems (a bad file stops nothing else)."""
        inputs, report = load_inputs(self.options)
        self.load_problems = [*report.errors, *report.warnings]
        self.glossary, self.sources = inputs.glossary, inputs.sources
        self.decisions = inputs.decisions
        self.matcher = build_matcher(self.glossary)
        self._unreviewed = None
        if self.options.discover:
            # Names the editors already know: glossary entries, and sources in the registry.
            known = {s for entry in self.glossary for s in entry.surfaces}
            # A rejected name is never suggested: discovery treats it as known.
            known.update(d.value for d in self.decisions.items if d.kind == "reject")
            known.update(n for source in self.sources for n in (source.name, *source.aliases))
            self._unreviewed = UnreviewedFinder(known, self.options.cache_dir)
        self._entry_uri = glossary_page_of(self.glossary, self.options.glossary_split)
        self._glossary_uris = set(self._entry_uri.values()) | {GLOSSARY_URI}
        self.use_seeds(inputs.seeds)
        report.notes += [
            f"{d.first} and {d.second} look like the same article ({round(d.similarity * 100)}% "
            "of their text is the same); both are published (listed in the sourcing report)"
            for d in self.duplicates
        ]
        report.notes += [
            f"{path} is not in English ({language}): published as written, without entity "
            "marks or source footnotes"
            for path, language in self.languages
        ]
        return report

    def use_seeds(self, seeds: Iterable[Seed]) -> None:
        """Publish exactly ``seeds`` (already parsed), replacing any loaded before."""
        self.briefings = place_briefings(seeds, self.options.briefings_dir)
        self._shared = shared_names(self.briefings, self.options.briefings_dir)
        self.duplicates = find_duplicates((b.seed.path, body_text(b.seed)) for b in self.briefings)
        self.languages = sorted(
            (b.seed.path, b.seed.language) for b in self.briefings if b.seed.language != ENGLISH
        )
        self._listings = Listings(
            (b.seed.date for b in self.briefings), self.duplicates, self.languages
        )
        self._index_of = {b.src_uri: index for index, b in enumerate(self.briefings)}
        self._entities = EntityPages(
            self.glossary,
            mentioned_entries(self.briefings, self.matcher),
            self.options.entity_page_size,
        )
        # Archive pages by src URI, in order: the index of months first.
        self._archive = dict(
            archive_pages(
                [(b.seed.date, b) for b in self.briefings],
                ARCHIVE_DIR,
                self.options.archive_page_size,
            )
        )

    def page_uris(self) -> list[str]:
        """Return the src URIs of every page this publisher generates, in reading order."""
        # Pages that list no rendering results come first: a site generator reading pages
        # in this order converts them while the helper process starts up.
        uris = [HOME_URI, GLOSSARY_URI]
        uris += sorted(set(self._entry_uri.values()) - {GLOSSARY_URI})
        uris += list(self._archive)
        uris.append(self._briefings_index_uri)
        uris += [b.src_uri for b in self.briefings]
        uris += sorted(self._shared)
        uris += self._entities.all_uris()
        uris += self._listings.uris()
        if self.options.problems_page:
            uris.append(PROBLEMS_URI)
        return uris

    def shell_models(self) -> dict[str, tuple[str, str]]:
        """Return the model pages (:mod:`.page_shell`) by src URI: the id in their URL that
        each page's id replaces, and their Markdown. One per folder depth and table of
        contents of the pages :meth:`shell_page` gives."""
        return {
            uri: (model_id, model_markdown(sections))
            for uri, (model_id, sections) in EntityPages.models().items()
        }

    def shell_uris(self) -> list[str]:
        """Return the src URIs of the pages an adapter may write into a model page's shell
        instead of having the site generator build each: the entity pages. Before
        :meth:`finish` they are the glossary entries' pages, all in :meth:`page_uris` too;
        after it, the pages of unreviewed entities seen in several briefings as well."""
        return self._entities.all_uris()

    # -- render ----------------------------------------------------------------------------

    def render_pages(self, url_of: Callable[[str], str]) -> tuple[dict[str, str], Report]:
        """Render every generated page to Markdown; ``url_of(src_uri)`` gives its site URL.

        Returns the Markdown by src URI and the problems found (limits exceeded…). The same
        as :meth:`prepare` followed by :meth:`page_markdown` for every page, in order.
        """
        report = Report()
        self.prepare(url_of)
        try:
            out = {uri: self.page_markdown(uri, report) for uri in self.page_uris()}
            # Pages known once every briefing is analysed (unreviewed entities' pages).
            for uri in self.shell_uris():
                if uri not in out:
                    out[uri] = self.page_markdown(uri, report)
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
        if self.html_cache is not None:
            self.html_cache.open()  # a damaged file is said with the other caches' notes
        self._url_of = url_of
        for briefing in self.briefings:
            briefing.url = url_of(briefing.src_uri)
        # Everything collected while rendering starts afresh, so rendering twice (a test,
        # a preview) never mixes in facts from the previous run.
        self.index = SiteIndex()
        self._stashes = {}
        self._markdown = {}
        self._glossary_markdown = None
        self._rendered_count = 0
        self._finished = False
        self._entities.clear_unreviewed()
        self._links = self._entity_links(url_of)
        self._feeds = SiteFeeds(
            self.options.site_url,
            self.options.feed_id_date,
            self.options.site_name,
            display_path(self.options.seeds_dir, self.options.root),
            {entry_id: uris[0] for entry_id, uris in self._entities.uris.items()},
        )
        self.renderer = BriefingRenderer(
            self.options,
            self.glossary,
            self.sources,
            self.matcher,
            self._links,
            self._unreviewed,
            self._page_cache,
            self.decisions,
        )
        self.renderer.start(self.briefings, url_of, DISCOVERED_URI, self._glossary_uris)

    def _entity_links(self, url_of: Callable[[str], str]) -> EntityLinks:
        """Return the links to this build's entities (glossary entries with pages)."""
        return EntityLinks(
            self.glossary,
            self.matcher,
            self._entry_uri,
            url_of,
            {
                entry_id: uris[0]
                for entry_id, uris in self._entities.uris.items()
                if entry_id in self.glossary
            },
        )

    def close(self) -> None:
        """Stop the helper process of the current build, if any."""
        if self.renderer is not None:
            self.renderer.close()

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
        href = functools.partial(relative_url, base=url)
        archive_index_uri, archive_index = next(iter(self._archive.items()))
        # Home, archive and glossary list seeds and entries, not what rendering found
        # (backlinks are filled in later): they need no briefing rendered first.
        if src_uri == HOME_URI:
            return home_page(
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
            return archive.render(functools.partial(relative_to, self._url_of, url))
        if src_uri in self._glossary_uris:
            if self._glossary_markdown is None:
                self._glossary_markdown = glossary_pages(
                    self.glossary,
                    self._entry_uri,
                    lambda uri, base: relative_url(self._url_of(uri), self._url_of(base)),
                    self._new_stash,
                )
            return self._glossary_markdown[src_uri]
        if src_uri == PROBLEMS_URI and self.options.problems_page:
            return problems_page(self.load_problems)
        if src_uri in self._shared:
            return shared_name_page(self._shared[src_uri], lambda b: relative_url(b.url, url))
        if src_uri in self._entities:
            self.finish(report)
            title, body, _key = self._entity_body(src_uri)
            return entity_page_markdown(title, body)
        if src_uri not in self._listings:
            raise KeyError(src_uri)
        self.finish(report)
        return self._listings.markdown(
            src_uri,
            self.index,
            self.sources,
            functools.partial(self._links.entry_link, page_url=url),
            href,
            lambda uri: relative_url(self._url_of(uri), url),
            self._new_stash(src_uri),
            [f"{d.path}:{d.line}: {d.describe()}" for d in self.stale_decisions()],
            functools.partial(self._unreviewed_page_link, url),
        )

    def shell_page(
        self, src_uri: str, report: Report, heading: Callable[[str], str] | None = None
    ) -> ShellPage:
        """Return page ``src_uri`` of :meth:`shell_uris`, to write into its model's shell.

        Its Markdown is converted by the adapter, then its stashed HTML put back with
        :meth:`restore_html`, as for every generated page. ``heading(text)``, if given,
        returns the HTML of a section heading, so that less Markdown is left to convert.
        """
        self.finish(report)
        url = self._url_of(src_uri)
        title, body, key = self._entity_body(src_uri, heading)
        entry_id = self._entities.entry_of(src_uri)
        assert entry_id is not None
        return ShellPage(
            src_uri=src_uri,
            model_uri=self._entities.model_uri(src_uri, key),
            entity_id=entry_id,
            title=title,
            markdown=body,
            head=self.feed_links(src_uri, url),
        )

    def _entity_body(
        self, src_uri: str, heading: Callable[[str], str] | None = None
    ) -> tuple[str, str, str]:
        """Return the title, Markdown body and section key of entity page ``src_uri``, its
        links relative to its own URL and its HTML in a fresh stash."""
        url = self._url_of(src_uri)
        return self._entities.body(
            src_uri,
            self.index,
            functools.partial(self._links.entry_link, page_url=url),
            functools.partial(self._reference_link, url),
            lambda uri: relative_url(self._url_of(uri), url),
            functools.partial(relative_url, base=url),
            self._new_stash(src_uri),
            heading,
        )

    def _render_briefings(self, stop: int, report: Report) -> None:
        """Render the briefings not rendered yet, up to index ``stop`` (exclusive)."""
        while self._rendered_count < stop:
            index = self._rendered_count
            briefing = self.briefings[index]
            self._markdown[briefing.src_uri] = self._render_briefing(index, briefing, report)
            self._rendered_count += 1

    def _render_briefing(self, index: int, briefing: Briefing, report: Report) -> str:
        self.index.add_outlet(briefing, self.sources)
        seed = briefing.seed
        if seed.format == "markdown":
            return render_markdown_seed(briefing, self.sources, self.index)
        assert self.renderer is not None, "prepare() starts a build"
        rendered, candidates = self.renderer.render(index)
        self._stashes[briefing.url] = Stash(rendered.fragments)
        self.index.add_briefing(briefing, rendered, candidates)
        return rendered.markdown

    def finish(self, report: Report) -> None:
        """Render every briefing not rendered yet and finish the build's cross-page facts
        (as asking for any listing page does). Does nothing the second time."""
        self._render_briefings(len(self.briefings), report)
        if self._finished:
            return
        self._finished = True
        if self.renderer is not None:
            self.renderer.finish()
        self._entities.add_unreviewed(self.index.discovered())
        seeds = display_path(self.options.seeds_dir, self.options.root)
        limit = self.options.max_unreviewed
        found = self.index.discovered_count
        if 0 <= limit < found:
            report.warnings.append(
                Problem(
                    seeds,
                    None,
                    f"{found} unreviewed entities found, more than max_unreviewed ({limit})",
                    "run 'make suggest' and move the reviewed entries into the glossary",
                )
            )
        limit = self.options.max_unreviewed_sources
        found = self.index.sources_to_review_count
        if 0 <= limit < found:
            report.warnings.append(
                Problem(
                    seeds,
                    None,
                    f"{found} unreviewed sources cited, more than max_unreviewed_sources ({limit})",
                    "run 'make suggest' and move the reviewed entries into "
                    + display_path(self.options.sources_file, self.options.root),
                )
            )

    def rerender(self, path: Path) -> tuple[str, str] | None:
        """After :meth:`finish`: read the edited seed file ``path`` and render its page again,
        against this build's glossary, sources and cross-page facts; return the page's src
        URI and Markdown.

        This is the quick half of a preview's rebuild: the edited page at once, then a full
        build for what the edit changes elsewhere (listings, entity pages, search). Return
        None, changing nothing, when the edit moves or adds a page (a new date or title, a
        new file), the seed no longer reads or has warnings to report, or it is not a plain-text
        seed: only a full build shows those.
        """
        options = self.options
        try:
            seed = read_seed(path, options.root, options.today, options.future_days)
        except BriefingsError:
            return None
        if seed.warnings:
            return None
        index = next((i for i, b in enumerate(self.briefings) if b.seed.path == seed.path), None)
        if index is None or not self._finished or self.renderer is None:
            return None
        old = self.briefings[index]
        if (
            (seed.date, seed.slug) != (old.seed.date, old.seed.slug)
            or seed.format != "text"
            or old.seed.format != "text"
            or seed.language != old.seed.language
        ):
            return None
        # The renderer reads this list: the new seed replaces the old one in place.
        self.briefings[index] = Briefing(seed, old.src_uri, old.url)
        rendered, _candidates = self.renderer.render(index)
        self._stashes[old.url] = Stash(rendered.fragments)
        return old.src_uri, rendered.markdown

    def redescribe(self, paths: Sequence[Path]) -> list[str] | None:
        """After :meth:`finish`: read the edited glossary files ``paths``; when the edits
        change nothing but the descriptions of existing entries, take them in and return
        the ids of the entries whose description changed.

        The quick half of a preview's rebuild, as :meth:`rerender` is for a seed: the
        pages showing a description (:meth:`description_pages`) can be made again at once.
        Return None, changing nothing, for any other edit (an entry added, removed or
        renamed, a new alias, type or link, an empty description, an invalid file): only a
        full build reads those.
        """
        if not self._finished:
            return None
        replaced: dict[str, GlossaryEntry] = {}
        described: list[str] = []
        for path in paths:
            try:
                entries = read_glossary_file(path, self.options.root)
            except BriefingsError:
                return None
            shown = display_path(path, self.options.root)
            before = {e.id: e for e in self.glossary if e.path == shown}
            if len(entries) != len(before) or {e.id for e in entries} != before.keys():
                return None
            for entry in entries:
                old = before[entry.id]
                same = dataclasses.replace(entry, description=old.description, line=old.line)
                if same != old or not entry.description:
                    return None
                if entry.description != old.description:
                    described.append(entry.id)
                if entry != old:  # its description, or its line after a longer one
                    replaced[entry.id] = entry
        if not described:
            return None
        self.glossary = Glossary(replaced.get(e.id, e) for e in self.glossary)
        self._entities.use_glossary(self.glossary)
        self._links = self._entity_links(self._url_of)
        self._glossary_markdown = None
        return sorted(described)

    def description_pages(self, entry_id: str) -> tuple[str, list[str]]:
        """Return the pages that show glossary entry ``entry_id``'s description: the
        glossary page holding it, and its entity pages (none if no briefing mentions it)."""
        return self._entry_uri[entry_id], list(self._entities.uris.get(entry_id, []))

    def card_files(self) -> dict[str, bytes]:
        """Return the entity cards' index files by output path (part of :meth:`site_files`)."""
        return card_files(
            self.glossary,
            self.index.backlinks,
            # Seen from the site's root: the link every mention of the entry has.
            functools.partial(self._links.entry_link, page_url=""),
            self.index.discovered(),
            functools.partial(self._unreviewed_link, ""),
        )

    def _new_stash(self, src_uri: str) -> Stash:
        """Return a fresh stash for the generated page at ``src_uri`` (see restore_html)."""
        stash = self._stashes[self._url_of(src_uri)] = Stash()
        return stash

    # -- after Markdown --------------------------------------------------------------------

    def discovered(self) -> list[Discovered]:
        """Return the unreviewed entities of the last render, most-mentioned first."""
        return self.index.discovered()

    def is_glossary_page(self, src_uri: str) -> bool:
        """Return whether ``src_uri`` is a glossary page holding entries (with backlinks)."""
        return src_uri in self._glossary_uris

    def target_factory(self, page_url: str) -> Callable[[str], EntityTarget | None]:
        """Return a function giving the entity target of an entry id, linked from ``page_url``."""
        return functools.partial(self._links.target_or_none, page_url=page_url)

    @property
    def rendered_count(self) -> int:
        """How many briefings this build has rendered so far."""
        return self._rendered_count

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
        return self.index.sources_by_label.get(url, {})

    def record_html_mentions(
        self,
        url: str,
        title: str,
        published: date | None,
        counts: Counter[str],
        first_sentence: dict[str, str],
    ) -> None:
        """Record mentions found in a page's HTML (Markdown seeds, opted-in pages)."""
        self.index.add_mentions(url, title, published, counts, first_sentence)

    def has_late_content(self, src_uri: str) -> bool:
        """Return whether page ``src_uri`` holds placeholders that :meth:`resolve_late`
        fills once every page is built (glossary backlinks, the report's unmentioned list)."""
        if src_uri in self._index_of:
            return self._entities.has_unreviewed
        return src_uri in self._glossary_uris or src_uri in (REPORT_URI, HOME_URI)

    def resolve_late(self, src_uri: str, html: str, page_url: str) -> str:
        """Return the HTML of page ``src_uri`` with its late placeholders filled in."""
        if src_uri in self._index_of:
            return self.link_unreviewed(html, page_url)
        if src_uri == REPORT_URI:
            unmentioned = unmentioned_html(self.unmentioned_entries())
            return html.replace(UNMENTIONED_PLACEHOLDER, unmentioned)
        if src_uri == HOME_URI:
            return self._fill_home(html, page_url)
        return fill_backlinks(
            html, self.index.backlinks, functools.partial(self._entity_href, page_url)
        )

    def _fill_home(self, html: str, page_url: str) -> str:
        """Fill the home page's entities: each listed briefing's top three, and the most
        mentioned in the last days up to the newest briefing's date."""

        def described(ranked: list[tuple[str, int]]) -> list[tuple[str, str, str, int]]:
            out = []
            for entry_id, count in ranked:
                entry = self.glossary.get(entry_id)
                if entry is not None:
                    link = self._links.entry_link(entry_id, page_url)
                    out.append((entry.name, entry.type, link, count))
            return out

        trending: list[tuple[str, int]] = []
        if self.briefings:
            newest = max(b.seed.date for b in self.briefings)
            since = newest - timedelta(days=TRENDING_DAYS - 1)
            trending = self.index.trending(since, newest, HOME_TRENDING)
        return fill_home(
            html,
            lambda url: described(self.index.entities_of(url, HOME_TOP_ENTITIES)),
            described(trending),
        )

    def _reference_link(self, page_url: str, entity_id: str) -> str:
        """Return the link from ``page_url`` to where an entity is described: its glossary
        entry, or for an unreviewed entity its entry on the review list."""
        if entity_id in self.glossary:
            return self._links.glossary_link(entity_id, page_url)
        return self._review_link(page_url, entity_id)

    def _review_link(self, page_url: str, entity_id: str) -> str:
        """Return the link from ``page_url`` to unreviewed entity ``entity_id`` on the
        review list."""
        url = self._url_of(discovered_uri_of(entity_id))
        return f"{relative_url(url, page_url)}#{entity_id}"

    def _unreviewed_page_link(self, page_url: str, entity_id: str) -> str | None:
        """Return the link from ``page_url`` to the page of unreviewed entity
        ``entity_id``, or None when it has none."""
        uri = self._entities.unreviewed_uri(entity_id)
        return relative_url(self._url_of(uri), page_url) if uri is not None else None

    def _unreviewed_link(self, page_url: str, entity_id: str) -> str:
        """Return the link from ``page_url`` to unreviewed entity ``entity_id``: its entity
        page, or its entry on the review list."""
        own = self._unreviewed_page_link(page_url, entity_id)
        return own if own is not None else self._review_link(page_url, entity_id)

    def link_unreviewed(self, html: str, page_url: str) -> str:
        """Return a briefing's ``html`` with the links of unreviewed entities that got a
        page of their own (known only once every briefing is analysed) pointing there
        instead of to the review list."""
        if not self._entities.has_unreviewed:
            return html

        def relink(match: re.Match[str]) -> str:
            entity_id = match[2]
            own = self._unreviewed_page_link(page_url, entity_id)
            if own is None or match[1] != self._review_link(page_url, entity_id):
                return match[0]
            return f'href="{own}"'

        return _REVIEW_LINK_RE.sub(relink, html)

    def _entity_href(self, page_url: str, entry_id: str) -> str | None:
        """Return the link from ``page_url`` to the entity page of ``entry_id``, if any."""
        uri = self._entities.first_uri(entry_id)
        return relative_url(self._url_of(uri), page_url) if uri is not None else None

    def feed_links(self, src_uri: str, page_url: str) -> str:
        """Return the ``<link rel="alternate">`` elements announcing the feeds of a page."""
        entry_id = self._entities.entry_of(src_uri)
        entry = self.glossary.get(entry_id) if entry_id is not None else None
        return self._feeds.head_links(
            page_url,
            self._entities.first_uri(entry.id) if entry is not None else None,
            entry.name if entry is not None else "",
        )

    def feed_files(self) -> dict[str, bytes]:
        """Return the build's Atom feeds by output path (none without ``site_url``)."""
        return self._feeds.files(self.briefings, self.index.backlinks, self.glossary, self._url_of)

    def site_files(self) -> dict[str, bytes]:
        """Return the files the build writes besides its pages, by output path: the
        feeds, the entity cards' index and the editors' sourcing report as JSON."""
        files = self.feed_files()
        files.update(self.card_files())
        report = json.dumps(self.sourcing_data(), indent=2, ensure_ascii=False) + "\n"
        files[SOURCING_JSON] = report.encode("utf-8")
        # Each month's briefings in a file of its own, so no file grows with the site.
        for month, data in self.index.sourcing_months().items():
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
            files[SOURCING_MONTH_JSON.format(month=month)] = text.encode("utf-8")
        return files

    def closing_notes(self) -> list[str]:
        """Return what the editor should hear once the build is done, failing nothing:
        cache troubles the build worked around (the output is the same without a cache),
        decisions that match nothing any more, glossary entries no page mentions yet (an
        entry may be written before its articles arrive)."""
        notes = [f"cache {notice}" for notice in self.cache_notices()]
        if not self._feeds.enabled and self.briefings:
            notes.append("no Atom feeds: feeds need absolute links, so set site_url in mkdocs.yml")
        notes += [
            f"{d.path}:{d.line}: the decision {d.describe()} matches nothing any more "
            "(listed in the sourcing report)"
            for d in self.stale_decisions()
        ]
        unmentioned = self.unmentioned_entries()
        if unmentioned:
            first = unmentioned[0]
            notes.append(
                f"{len(unmentioned)} glossary entries are not mentioned by any page yet, the "
                f"first at {first.path}:{first.line} (all are listed in the sourcing report)"
            )
        return notes

    def cache_notices(self) -> list[str]:
        """Return what went wrong with the build's caches: a damaged file reset, or a cache
        that could not be used (the build then works without it)."""
        caches = (self._page_cache, self.html_cache)
        notices = [cache.notice for cache in caches if cache is not None and cache.notice]
        if self._unreviewed is not None:
            notices += self._unreviewed.cache_notices()
        return notices

    def stale_decisions(self) -> list[Decision]:
        """Return the editors' decisions that matched no briefing in this build."""
        return [d for d in self.decisions.items if d.number not in self.index.decisions_used]

    def unmentioned_entries(self) -> list[GlossaryEntry]:
        """Return the glossary entries no page mentions (no failure: an entry may wait for
        its articles)."""
        return self.index.unmentioned(self.glossary)

    def sourcing_data(self) -> dict[str, object]:
        """Return the index of the editors' sourcing report as JSON-ready data (totals by
        month; each month's briefings are in their own file, see :meth:`site_files`)."""
        prefix = SOURCING_JSON.rsplit("/", 1)[0] + "/"
        return self.index.sourcing_data(SOURCING_MONTH_JSON.removeprefix(prefix))

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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import pages
from .discovery import Candidate
from .errors import BriefingsError, Problem
from .files import display_path
from .footnotes import Footnote, FootnotePlanner, footnote_html
from .glossary import Glossary, GlossaryEntry, load_glossary
from .markdown_seeds import markdown_with_footnotes
from .matcher import Matcher, Mention, build_matcher
from .render import (
    EntityTarget,
    FootnoteHtml,
    LinkPolicy,
    Marker,
    Span,
    Stash,
    annotate_text,
    caption_html,
    entities_box_html,
    join_blocks,
    meta_line_html,
)
from .seeds import Seed, find_seed_files, read_seed
from .sentences import sentence_at, split_sentences
from .sources import SourceEntry, SourceRegistry, load_sources
from .text import escape_html, escape_markdown, slugify
from .unreviewed import (
    CandidateIds,
    UnreviewedFinder,
    candidate_target,
    helper_processes,
    without_overlaps,
)
from .urls import relative_url

GLOSSARY_URI = "glossary.md"
GLOSSARY_DIR = "glossary"
SOURCES_URI = "sources.md"
HOME_URI = "index.md"
ARCHIVE_DIR = "archive"
REPORT_URI = "reports/sourcing.md"
DISCOVERED_URI = "discovered.md"
LONG_PARAGRAPH = 20_000  # characters; see _render_briefing


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
    parallel_minimum: int = 64  # uncached seeds before a helper process is worth starting


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
        self._archive = pages.archive_pages([], ARCHIVE_DIR, options.archive_page_size)
        self._by_uri: dict[str, Briefing] = {}
        self._url_of: Callable[[str], str] = _default_url
        self._entry_uri: dict[str, str] = {}
        self._glossary_uris: set[str] = {GLOSSARY_URI}
        self._unreviewed: UnreviewedFinder | None = None
        self._stashes: dict[str, Stash] = {}
        self._candidate_ids = CandidateIds(())
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
        if self._unreviewed is not None and self.options.parallel:
            self._unreviewed.prefetch(
                [_discovery_texts(b.seed) for b in self.briefings],
                helper_processes(),
                self.options.parallel_minimum,
            )
        return report

    def use_seeds(self, seeds: Iterable[Seed]) -> None:
        """Publish exactly ``seeds`` (already parsed), replacing any loaded before."""
        self.briefings = self._place(seeds)
        self._by_uri = {b.src_uri: b for b in self.briefings}
        self._archive = pages.archive_pages(
            [(b.seed.date, b) for b in self.briefings], ARCHIVE_DIR, self.options.archive_page_size
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
        """Return the src URIs of every page this publisher generates, briefings first."""
        uris = [b.src_uri for b in self.briefings]
        uris += [HOME_URI, GLOSSARY_URI, SOURCES_URI, REPORT_URI, DISCOVERED_URI]
        uris += sorted(set(self._entry_uri.values()) - {GLOSSARY_URI})
        uris += [uri for uri, _ in self._archive]
        return uris

    def render_pages(self, url_of: Callable[[str], str]) -> tuple[dict[str, str], Report]:
        """Render every generated page to Markdown; ``url_of(src_uri)`` gives its site URL.

        Returns the Markdown by src URI and the problems found (unknown sources…).
        """
        report = Report()
        out: dict[str, str] = {}
        self._url_of = url_of
        discovered_url = url_of(DISCOVERED_URI)
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
        try:
            for briefing in self.briefings:
                briefing.url = url_of(briefing.src_uri)
                out[briefing.src_uri] = self._render_briefing(briefing, discovered_url, report)
        finally:
            if self._unreviewed is not None:
                self._unreviewed.close()
        out[DISCOVERED_URI] = pages.discovered_page(
            self.discovered(), lambda url: relative_url(url, discovered_url)
        )
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
        home_url = url_of(HOME_URI)
        archive = self._archive
        archive_root = archive[0][0]
        out[HOME_URI] = pages.home_page(
            self.briefings[: self.options.home_count],
            len(self.briefings),
            lambda b: relative_url(b.url, home_url),
            relative_url(url_of(archive_root), home_url),
        )
        for uri, page in archive:
            page_url = url_of(uri)
            out[uri] = page.render(functools.partial(_relative_to, url_of, page_url))
        out.update(self._glossary_pages())
        sources_url = url_of(SOURCES_URI)
        out[SOURCES_URI] = pages.sources_page(
            self.sources,
            self._citations,
            lambda url: relative_url(url, sources_url),
            self._cited_names,
        )
        report_url = url_of(REPORT_URI)
        out[REPORT_URI] = pages.sourcing_page(
            self._sourcing, lambda url: relative_url(url, report_url)
        )
        return out, report

    # -- one briefing ----------------------------------------------------------------------

    def _render_briefing(self, briefing: Briefing, discovered_url: str, report: Report) -> str:
        seed = briefing.seed
        discovered_base = relative_url(discovered_url, briefing.url)
        if seed.format == "markdown":
            return self._render_markdown_seed(briefing, report)
        policy = LinkPolicy(self.options.link_mentions)
        planner = FootnotePlanner(
            self.sources,
            seed.date,
            fallback=functools.partial(self._glossary_source, briefing.url),
        )
        stash = self._new_stash(briefing.src_uri)
        counts: Counter[str] = Counter()
        first_sentence: dict[str, str] = {}
        new_counts: Counter[str] = Counter()
        new_first: dict[str, str] = {}
        body: list[str] = []
        attributed = sentences = 0
        claims: list[tuple[str, str]] = []
        targets: dict[str, EntityTarget] = {}
        candidates, found = self._discover(seed)
        # The body is HTML written here, not Markdown: only the headings stay Markdown (the
        # table of contents is built from them); every run of paragraphs, captions and the
        # footnotes is one stashed block, so Python-Markdown never reads seed text.
        source_of_label: dict[str, str] = {}
        notes = FootnoteHtml(source_of_label)
        html_run: list[str] = []

        def end_run() -> None:
            if html_run:
                body.append(stash.block("\n".join(html_run)))
                html_run.clear()

        for index, block in enumerate(seed.blocks):
            mentions = self.matcher.find_mentions(block.text)
            for mention in mentions:
                if mention.entry_id not in targets:
                    targets[mention.entry_id] = self._target(mention.entry_id, briefing.url)
            self._count(block.text, mentions, counts, first_sentence)
            extra = without_overlaps(found[index], mentions, len(block.text), candidates)
            if extra:
                for mention in extra:
                    if mention.entry_id not in targets:
                        targets[mention.entry_id] = candidate_target(
                            candidates[mention.entry_id], discovered_base
                        )
                self._count(block.text, extra, new_counts, new_first)
                mentions = sorted([*mentions, *extra])
            spans = [Span(m.start, m.end, m.entry_id) for m in mentions]
            if block.kind == "subheading":
                end_run()
                policy.new_section()
                body.append("## " + annotate_text(block.text, spans, (), targets, policy))
            elif block.kind == "caption":
                caption = annotate_text(block.text, spans, (), targets, policy, escape_html)
                html_run.append(caption_html(caption, block.credit_label, block.credit))
            elif len(block.text) > LONG_PARAGRAPH:
                # Attribution reads sentence by sentence; a paragraph this long is not prose
                # an editor wrote. It gets entity marks, no footnotes.
                html = annotate_text(block.text, spans, (), targets, policy, escape_html)
                html_run.append(f'<p class="briefing-long">{html}</p>')
            else:
                refs = planner.add_paragraph(block.text)
                source_of_label.update((r.label, r.source_id) for r in refs)
                markers = [Marker(r.offset, r.label) for r in refs]
                html = annotate_text(
                    block.text,
                    spans,
                    markers,
                    targets,
                    policy,
                    escape_html,
                    footnote=notes.reference,
                )
                html_run.append(f"<p>{html}</p>")
                sentences += len(split_sentences(block.text))
                attributed += len({r.offset for r in refs})
                claims.extend(planner.unattributed_claims(block.text))
        html_run.append(notes.definitions({n.label: footnote_html(n) for n in planner.footnotes}))
        end_run()
        report.warnings.extend(self._unknown_sources(seed.path, planner.unknown_sources))
        for note in planner.footnotes:
            self._cite(note, briefing, planner.use_count(note.label))
        self._record_backlinks(briefing.url, seed.title, seed.date, counts, first_sentence)
        for candidate_id, count in new_counts.items():
            record = self._discovered.setdefault(
                candidate_id, pages.Discovered(candidates[candidate_id])
            )
            record.mentions.append(
                Backlink(briefing.url, seed.title, seed.date, count, new_first[candidate_id])
            )
            record.paths.append(seed.path)
        self._sourcing.append(
            SourcingRecord(
                briefing.url, seed.title, seed.path, attributed, sentences, tuple(claims)
            )
        )
        header = [
            pages.front_matter(seed.title, seed.summary, seed.date, seed.tags),
            "# " + escape_markdown(seed.title),
            stash.block(meta_line_html(seed.date, seed.reading_minutes, seed.path)),
        ]
        box = entities_box_html(counts + new_counts, targets)
        if box:
            header.append(stash.block(box))
        return join_blocks([*header, *body])

    def _render_markdown_seed(self, briefing: Briefing, report: Report) -> str:
        seed = briefing.seed
        body, notes, unknown, uses = markdown_with_footnotes(seed.markdown, self.sources, seed.date)
        report.warnings.extend(self._unknown_sources(seed.path, unknown))
        self._sources_by_label[briefing.url] = {n.label: n.source_id for n in notes}
        for note in notes:
            self._cite(note, briefing, uses[note.label])
        header = [
            pages.front_matter(seed.title, seed.summary, seed.date, seed.tags, entities=True),
            "# " + escape_markdown(seed.title),
            meta_line_html(seed.date, seed.reading_minutes, seed.path),
        ]
        return join_blocks([*header, body])

    def _discover(self, seed: Seed) -> tuple[dict[str, Candidate], list[list[Mention]]]:
        """Return the seed's unreviewed candidates by id and their mentions per block."""
        if self._unreviewed is None:
            return {}, [[] for _ in seed.blocks]
        candidates, found = self._unreviewed.find(_discovery_texts(seed))
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

    def _count(
        self,
        text: str,
        mentions: Sequence[Mention],
        counts: Counter[str],
        first_sentence: dict[str, str],
    ) -> None:
        for mention in mentions:
            counts[mention.entry_id] += 1
            if mention.entry_id not in first_sentence:
                first_sentence[mention.entry_id] = sentence_at(
                    text, split_sentences(text), mention.start
                )

    def _record_backlinks(
        self,
        url: str,
        title: str,
        published: date | None,
        counts: Counter[str],
        first_sentence: dict[str, str],
    ) -> None:
        for entry_id, count in counts.items():
            self._backlinks.setdefault(entry_id, {})[url] = Backlink(
                url, title, published, count, first_sentence.get(entry_id, "")
            )

    def _cite(self, note: Footnote, briefing: Briefing, count: int) -> None:
        self._cited_names.setdefault(note.source_id, note.source_name)
        self._citations.setdefault(note.source_id, {})[briefing.url] = Citation(
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
        briefing = self._by_uri.get(src_uri)
        return briefing.seed.title if briefing is not None else ""

    def page_date(self, src_uri: str) -> date | None:
        """Return the date of the briefing generated at ``src_uri`` (None for other pages)."""
        briefing = self._by_uri.get(src_uri)
        return briefing.seed.date if briefing is not None else None

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

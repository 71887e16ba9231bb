"""MkDocs adapter: wires :class:`briefings.site.publisher.Publisher` into MkDocs events.

Only this module and ``config.py`` import MkDocs. Every hook returns early when the plugin is
disabled, and hands the work to the core; content problems are logged through the plugin
logger so ``mkdocs build --strict`` fails on them and ``mkdocs serve`` keeps serving.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from briefings.config import BriefingsConfig
from briefings.live import LiveBuilds
from briefings.site.assets import (
    ASSET_DIR,
    REQUIRED_EXTENSIONS,
    SCRIPTS,
    asset_text,
    stylesheets,
)
from briefings.site.loading import is_input_file
from briefings.site.page_html import PageHtml
from briefings.site.page_shell import (
    PageConverter,
    PageShell,
    ShellError,
    model_content,
    remove_models,
)
from briefings.site.publisher import Publisher, PublisherOptions, Report
from briefings.site.render import label_search_dialog, without_marks

log = get_plugin_logger(__name__)

# What Material's search removes from a page once it has read it (its search plugin).
_SEARCH_ATTRIBUTE_RE = re.compile(r'\s?data-search-\w+="[^"]+"')
PROGRESS_MINIMUM = 200  # briefings; smaller builds take seconds and say nothing


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """Publishes ``seeds/`` as annotated briefing pages with a glossary and sources."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.publisher: Publisher | None = None
        self._generated: set[str] = set()
        self._page_html: PageHtml | None = None
        # Entity pages are written into the shell of a model page (site/page_shell.py):
        # their files (never given to MkDocs), the model pages, and the models' HTML.
        self._created: dict[str, File] = {}
        self._files: Files | None = None
        self._models: dict[str, str] = {}  # model page src URI -> the id in its URL
        self._shells: dict[str, PageShell] = {}
        # What a quick preview of an edited seed needs (live.py): this build's parts.
        self._config: MkDocsConfig | None = None
        self._nav: Navigation | None = None
        self._env: Any = None
        self._converter: PageConverter | None = None
        # While search reads a page without its marks: page src URI -> (marked, searched).
        self._marked: dict[str, tuple[str, str]] = {}
        self._swap = False  # whether search alone reads pages between the two halves
        # In `mkdocs serve`, whose builds all use this one instance (it has on_startup).
        self._live: LiveBuilds | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """In ``mkdocs serve``, make an edited seed's page quick to preview (live.py)."""
        if command == "serve":
            self._live = LiveBuilds()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[[], None]) -> Any:
        """Take over serve's rebuilds: an edited seed's page first, then the full build."""
        if self._live is not None and self.config.enabled:
            self._live.attach(server, builder)
        return server

    def on_shutdown(self) -> None:
        """Serve stopped: remove its second site folder."""
        if self._live is not None:
            self._live.close()
        self._live = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load glossary, sources and seeds; enable the Markdown extensions the pages need."""
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path or ".").resolve().parent
        options = PublisherOptions(
            root=root,
            seeds_dir=root / self.config.seeds_dir,
            glossary_dir=root / self.config.glossary_dir,
            sources_file=root / self.config.sources_file,
            decisions_file=root / self.config.decisions_file,
            briefings_dir=self.config.briefings_dir.strip("/"),
            link_mentions=self.config.link_mentions,
            home_count=self.config.home_count,
            archive_page_size=self.config.archive_page_size,
            entity_page_size=self.config.entity_page_size,
            site_url=config.site_url or "",
            site_name=config.site_name or "",
            feed_id_date=self.config.feed_id_date,
            future_days=self.config.future_days,
            discover=self.config.discover,
            max_unreviewed=self.config.max_unreviewed,
            max_unreviewed_sources=self.config.max_unreviewed_sources,
            problems_page=self.config.review_marks,
            glossary_split=self.config.glossary_split,
            cache_dir=root / self.config.cache_dir if self.config.cache_dir else None,
            parallel=self.config.parallel,
        )
        for name in ("home_count", "archive_page_size", "entity_page_size"):
            if self.config[name] < 1:
                raise PluginError(
                    f"briefings: '{name}' must be at least 1, not {self.config[name]}"
                )
        self._config = config
        if not options.seeds_dir.is_dir():
            raise PluginError(
                f"briefings: seeds folder '{self.config.seeds_dir}' does not exist "
                f"(set 'seeds_dir' in {Path(config.config_file_path or 'mkdocs.yml').name})"
            )
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        for asset in self._assets():
            if f"{ASSET_DIR}/{asset}" not in config.extra_css:
                config.extra_css.append(f"{ASSET_DIR}/{asset}")
        for script in SCRIPTS:
            if f"{ASSET_DIR}/{script}" not in config.extra_javascript:
                config.extra_javascript.append(f"{ASSET_DIR}/{script}")
        watched_files = [options.seeds_dir, options.glossary_dir, options.sources_file]
        if options.decisions_file is not None:
            watched_files.append(options.decisions_file)
        for watched in watched_files:
            # Watching a path that does not exist stops `mkdocs serve` (watchdog): the
            # sources and decisions files and the glossary folder are optional.
            if watched.exists() and str(watched) not in config.watch:
                config.watch.append(str(watched))
        builds = self._live
        if builds is not None:
            config.site_dir = builds.site_dir(config.site_dir)
            inputs = [Path(config.docs_dir), *map(Path, config.watch)]
            if config.config_file_path:
                inputs.append(Path(config.config_file_path))
            reads = functools.partial(is_input_file, options)
            builds.build_starting((options.seeds_dir, options.glossary_dir), inputs, reads)
        self._swap = _search_alone(config, self._fill_late, self._marks_back)
        self.publisher = Publisher(options)
        _log_report(self.publisher.load())
        self._page_html = PageHtml(
            self.publisher, self.config.link_mentions, self.config.entities_in_pages
        )
        return config

    def _assets(self) -> tuple[str, ...]:
        """The stylesheets of this build: the editors' view adds the review marks."""
        return stylesheets(self.config.review_marks)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add one generated page per seed, plus home, archive, glossary, sources, report."""
        if not self.config.enabled or self.publisher is None:
            return files
        created = self._created = {}
        self._files = files
        # With on_startup defined, MkDocs keeps this instance for every build of a serve
        # session: what one build found must not leak into the next.
        self._generated = set()
        self._marked = {}
        self._converter = None
        shell = set(self.publisher.shell_uris())
        self._shells = {}
        for uri in self.publisher.page_uris():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                log.info("briefings: keeping docs/%s instead of generating it", uri)
                created[uri] = existing
                continue
            if uri in shell:
                continue  # written in on_post_build into its model's shell; not MkDocs' page
            generated = _LazyPage.generated(config, uri, content="")
            files.append(generated)
            created[uri] = generated
        self._models = {}
        for uri, (model_id, markdown) in self.publisher.shell_models().items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=markdown))
                self._models[uri] = model_id
        # Pages are rendered when MkDocs first reads them, in the order it reads them, so a
        # helper process can work ahead on the briefings while MkDocs converts the others.
        self.publisher.prepare(functools.partial(self._url_of, config))
        for uri, file in created.items():
            if isinstance(file, _LazyPage):
                file.render = functools.partial(self._page_markdown, uri)
                self._generated.add(uri)
        for asset in (*self._assets(), *SCRIPTS):
            files.append(File.generated(config, f"{ASSET_DIR}/{asset}", content=asset_text(asset)))
        return files

    def _url_of(self, config: MkDocsConfig, uri: str) -> str:
        """Return the URL of the page ``uri`` (see :meth:`_file_of`)."""
        return self._file_of(config, uri).url

    def _file_of(self, config: MkDocsConfig, uri: str) -> File:
        """Return the file of the page ``uri``: one MkDocs builds, or one of a page written
        into a shell (made here, once)."""
        file = self._created.get(uri)
        if file is None:
            file = self._created[uri] = File.generated(config, uri, content="")
        return file

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Keep the model pages of the entity pages out of the navigation: a site without
        a ``nav`` setting would list them, and their neighbours would link them."""
        if not self._models:
            return nav
        nav.items = _without(nav.items, set(self._models))
        nav.pages = [p for p in nav.pages if p.file.src_uri not in self._models]
        for index, page in enumerate(nav.pages):
            page.previous_page = nav.pages[index - 1] if index else None
            page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
        for file in files.documentation_pages():
            if file.src_uri in self._models and file.page is not None:
                file.page.previous_page = file.page.next_page = None
        return nav

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Mark footnote references with their source; annotate opted-in HTML pages."""
        if not self.config.enabled or self.publisher is None or self._page_html is None:
            return html
        if page.file.src_uri in self._models:
            return model_content()
        generated = page.file.src_uri in self._generated
        if generated:
            html = self.publisher.restore_html(page.url, html)
        return self._page_html.finish(
            page.file.src_uri,
            page.url,
            html,
            meta=page.meta or {},
            title=page.title or "",
            generated=generated,
        )

    def _page_markdown(self, src_uri: str) -> str:
        """Render the generated page ``src_uri`` and log what rendering it found."""
        assert self.publisher is not None
        report = Report()
        before = self.publisher.rendered_count
        markdown = self.publisher.page_markdown(src_uri, report)
        _log_report(report)
        self._log_progress(before, self.publisher.rendered_count)
        return markdown

    def _log_progress(self, before: int, after: int) -> None:
        """Say every tenth of the briefings rendered, so a long build is never silent."""
        assert self.publisher is not None
        total = len(self.publisher.briefings)
        if total < PROGRESS_MINIMUM:
            return
        step = -(-total // 10)
        if after // step > before // step or (after == total and before < total):
            log.info("%d of %d briefings analysed and rendered", after, total)

    @event_priority(-100)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Once every page is annotated: report the build's problems, and note glossary
        entries no page mentions."""
        self._env = env
        if self.config.enabled and self.publisher is not None:
            report = Report()
            self.publisher.finish(report)  # in case MkDocs read none of the listing pages
            report.notes += self.publisher.closing_notes()
            _log_report(report)
        return env

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the helper process of a failed build."""
        if self.publisher is not None:
            self.publisher.close()
        builds = self._live
        if builds is not None:
            builds.build_failed()

    # Before the search plugin indexes the page in the same event, so that what is filled
    # in late (glossary counts, the home page's entities) is searchable too.
    @event_priority(50)
    def _fill_late(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Fill the late placeholders (glossary counts, the home page's entities, the
        report's unmentioned entries), now that every page's mentions are known; then give
        the page to search (next) without its entity marks, whose text is all it indexes.
        Only when search is the one handler of this event between the two halves
        (:func:`_search_alone`)."""
        self._nav = nav
        if (
            not self.config.enabled
            or self.publisher is None
            or page.file.src_uri not in self._generated
            or page.content is None
        ):
            return context
        if self.publisher.has_late_content(page.file.src_uri):
            page.content = self.publisher.resolve_late(page.file.src_uri, page.content, page.url)
        if self._swap:
            searched = without_marks(page.content)
            if searched != page.content:
                self._marked[page.file.src_uri] = (page.content, searched)
                page.content = searched
        return context

    @event_priority(-50)
    def _marks_back(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """After search: the page with its entity marks again, for the theme's template."""
        swapped = self._marked.pop(page.file.src_uri, None)
        if swapped is None or page.content is None:
            return context
        marked, searched = swapped
        if page.content == searched:
            page.content = marked
        elif page.content == _SEARCH_ATTRIBUTE_RE.sub("", searched):
            # Material's search edits its attributes out of the page it has read
            # (data-search-exclude...): out of the marked page too, the same way.
            page.content = _SEARCH_ATTRIBUTE_RE.sub("", marked)
        else:
            raise PluginError(
                f"briefings: the search plugin changed {page.file.src_uri} while it read the "
                "page without its entity marks, in a way this version of briefings does not "
                "know; use the mkdocs-material version pinned in requirements.lock"
            )
        return context

    on_page_context = CombinedEvent(_fill_late, _marks_back)

    # Last, so that the shell of the entity pages holds what other plugins did to its model.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Announce the page's feeds; give Material's search dialog an accessible name."""
        if not self.config.enabled:
            return output
        if page.file.src_uri in self._models:
            # Each page written into this shell announces its own feeds.
            try:
                uri = page.file.src_uri
                anchor = page.toc.items[0].id if page.toc.items else ""
                output = label_search_dialog(output)
                self._shells[uri] = PageShell(output, anchor, self._models[uri])
            except ShellError as error:
                raise PluginError(f"briefings: {error} ({page.file.src_uri})") from error
            return output
        if self.publisher is not None:
            links = self.publisher.feed_links(page.file.src_uri, page.url)
            if links:
                output = output.replace("</head>", links + "</head>", 1)
        return label_search_dialog(output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds, the entity cards' index and the sourcing report's data."""
        if not self.config.enabled or self.publisher is None:
            return
        self.publisher.close()
        start = time.perf_counter()
        pages = len(self._write_shell_pages(config))
        middle = time.perf_counter()
        self._write_site_files(config, self.publisher.site_files())
        if len(self.publisher.briefings) >= PROGRESS_MINIMUM:
            # What the entity pages and feeds cost a large build (benchmarks read this line).
            log.info(
                "%d entity pages written in %.2f s; feeds, cards and report data in %.2f s",
                pages,
                middle - start,
                time.perf_counter() - middle,
            )
        builds = self._live
        if builds is not None:
            builds.build_done(self._refresh_pages)

    @staticmethod
    def _write_site_files(config: MkDocsConfig, files: dict[str, bytes]) -> None:
        """Write ``files`` (feeds, cards, report data) into the site, by output path."""
        for path, content in files.items():
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

    def _refresh_pages(self, paths: Sequence[Path]) -> list[str] | None:
        """Make the pages showing the edited files ``paths`` (seeds, glossary files) again,
        after this build, and write them into its site; return their URLs, or None (nothing
        written) when an edit needs a full build (see live.py)."""
        config, files, nav, publisher = self._config, self._files, self._nav, self.publisher
        if publisher is None or config is None or files is None or nav is None:
            return None
        glossary_dir = publisher.options.glossary_dir
        entries = [path for path in paths if path.is_relative_to(glossary_dir)]
        seeds = [path for path in paths if not path.is_relative_to(glossary_dir)]
        pages: list[tuple[_LazyPage, str]] = []
        for path in seeds:
            rendered = publisher.rerender(path)
            file = files.get_file_from_path(rendered[0]) if rendered is not None else None
            if rendered is None or not isinstance(file, _LazyPage) or file.page is None:
                return None
            pages.append((file, rendered[1]))
        shell_uris: list[str] = []
        changed = publisher.redescribe(entries) if entries else []
        if changed is None:
            return None
        report = Report()
        for entry_id in changed:
            glossary_uri, entity_uris = publisher.description_pages(entry_id)
            file = files.get_file_from_path(glossary_uri)
            if not isinstance(file, _LazyPage) or file.page is None:
                return None
            if all(file is not other for other, _markdown in pages):
                pages.append((file, publisher.page_markdown(glossary_uri, report)))
            shell_uris += entity_uris
        documents = files.documentation_pages()
        for file, markdown in pages:
            assert file.page is not None
            file.content_string = markdown
            _populate_page(file.page, config, files)
            _build_page(file.page, config, documents, nav, self._env)
        written = self._write_shell_pages(config, shell_uris) if shell_uris else []
        if changed:
            self._write_site_files(config, publisher.card_files())
        _log_report(report)
        return [file.url for file in written] + [file.url or "/" for file, _md in pages]

    def _write_shell_pages(
        self, config: MkDocsConfig, uris: Sequence[str] | None = None
    ) -> list[File]:
        """Write every entity page (or those of ``uris``, after the build) into its model
        page's shell; after the build's own pages, drop the model pages from the site and
        its sitemap (site/page_shell.py says why entity pages stay out of it). Return the
        files of the pages written."""
        assert self.publisher is not None
        site_dir = Path(config.site_dir)
        written: list[File] = []
        report = Report()
        assert self._files is not None
        self.publisher.finish(report)  # done already, unless MkDocs read none of the pages
        if self._converter is None:
            self._converter = PageConverter(
                config.markdown_extensions, config.mdx_configs, self.publisher.html_cache
            )
        converter = self._converter
        for uri in self.publisher.shell_uris() if uris is None else uris:
            file = self._file_of(config, uri)
            if self._files.get_file_from_path(uri) is not None:
                continue  # the editors wrote this page in docs/: MkDocs built theirs
            written.append(file)
            page = self.publisher.shell_page(uri, report, converter.heading)
            shell = self._shells.get(page.model_uri)
            if shell is None:
                raise PluginError(
                    f"briefings: the theme wrote no page for {page.model_uri}, the model of "
                    "the entity pages (does a hook or plugin drop pages?)"
                )
            html = self.publisher.restore_html(file.url, converter.convert(page.markdown))
            target = Path(file.abs_dest_path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(shell.fill(page.entity_id, page.title, html, page.head), "utf-8")
        _log_report(report)
        if uris is None:
            converter.finish()
            models = [
                Path(File.generated(config, uri, content="").abs_dest_path) for uri in self._models
            ]
            remove_models(site_dir, models)
        return written


class _LazyPage(File):
    """A generated page whose Markdown is rendered the first time MkDocs reads it."""

    render: Callable[[], str] | None = None

    @property
    def content_string(self) -> str:
        """The page's Markdown, rendered on first use."""
        if self.render is not None:
            self._content, self.render = self.render(), None
        return File.content_string.fget(self)  # type: ignore[attr-defined,no-any-return]

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.render = None
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_bytes(self) -> bytes:
        """The page's Markdown as UTF-8, rendered on first use."""
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.content_string = value.decode("utf-8")


SEARCH_PLUGINS = ("material.plugins.search.", "mkdocs.contrib.search.")


def _search_alone(
    config: MkDocsConfig, first: Callable[..., Any], last: Callable[..., Any]
) -> bool:
    """Whether the handlers of ``on_page_context`` between ``first`` and ``last`` are a
    search plugin's and nothing else's: only then may search read pages without their
    entity marks (no other plugin should see a page without them, nor change it then)."""
    handlers = config.plugins.events.get("page_context", [])
    try:
        between = handlers[handlers.index(first) + 1 : handlers.index(last)]
    except ValueError:
        return False
    modules = [type(getattr(handler, "__self__", None)).__module__ + "." for handler in between]
    return bool(between) and all(module.startswith(SEARCH_PLUGINS) for module in modules)


def _without(items: list[Any], uris: set[str]) -> list[Any]:
    """Return navigation ``items`` without the pages of ``uris``, in sections too."""
    kept = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in uris:
            continue
        if getattr(item, "children", None):
            item.children = _without(item.children, uris)
        kept.append(item)
    return kept


def _log_report(report: Report) -> None:
    """Log errors and warnings (a strict build fails on either) and notes (INFO)."""
    for problem in report.errors:
        log.error(str(problem))
    for problem in report.warnings:
        log.warning(str(problem))
    for note in report.notes:
        log.info(note)

"""``make export``: the annotated site as plain pages that any Material-compatible engine
builds without this plugin (Zensical, ProperDocs, MkDocs 1.x).

One more adapter over the core, like ``plugin.py``: it reads the plugin's options from
``mkdocs.yml``, runs the :class:`~briefings.site.publisher.Publisher` through the stages the
MkDocs hooks run (load, page URLs, every page's Markdown converted as MkDocs converts it, its
stash restored and its HTML finished by the same core functions, late content once every page
is built) and writes ``export/``: a ``mkdocs.yml`` without the plugin, and a ``docs/`` holding
every page as Markdown whose headings are Markdown and whose other blocks are that HTML as raw
HTML blocks (which Python-Markdown passes through untouched), the plugin's stylesheets, feeds
and sourcing report, and the site's other files. It imports no site generator.

Every page is written as a folder's index page (``about.md`` as ``about/index.md``, the same
URL): MkDocs 1.x reads a relative link in raw HTML from the page's URL, Zensical from its
Markdown file, and only for an index page are both the same folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefings.export.mkdocs_yml import (
    ExportError,
    adapter_option,
    converter_extensions,
    dump_config,
    markdown_extensions,
    plugin_entry,
    publisher_options,
    read_config,
    without_plugin,
)
from briefings.export.pages import (
    MARKDOWN_SUFFIXES,
    Converter,
    docs_files,
    export_path,
    moved_nav,
    nav_titles,
    page_title,
    page_url,
    split_front_matter,
)
from briefings.site.assets import ASSET_DIR, SCRIPTS, asset_text, stylesheets
from briefings.site.page_html import PageHtml
from briefings.site.publisher import SOURCING_JSON, Publisher, Report

__all__ = ["ExportError", "Exported", "export_site"]

MARKER = ".briefings-export"
"""A file in every export folder: only such a folder is ever replaced."""


@dataclass
class Exported:
    """What one export wrote and found."""

    report: Report
    strict: bool
    pages: list[str] = field(default_factory=list)


@dataclass
class _Page:
    """One page of the export: its finished HTML, then its Markdown."""

    text: str
    meta: dict[str, Any]
    title: str


def export_site(config_file: Path, output: Path) -> Exported:
    """Write the export of the site configured by ``config_file`` into ``output``.

    Returns what was written and the problems found (the plugin's messages). Raises
    ExportError when the configuration cannot be exported or ``output`` is a folder that
    no export wrote.
    """
    config_file = config_file.resolve()
    root = config_file.parent
    config = read_config(config_file)
    options = plugin_entry(config)
    if adapter_option(options, "enabled") is not True:
        raise ExportError("plugins: the 'briefings' plugin is disabled: nothing to export")
    publisher = Publisher(publisher_options(options, root, config))
    exported = Exported(publisher.load(), strict=config.get("strict") is True)
    docs_dir = root / str(config.get("docs_dir") or "docs")
    use_directory_urls = config.get("use_directory_urls", True) is not False
    assets = stylesheets(options.get("review_marks") is True)

    hand_written = docs_files(docs_dir) if docs_dir.is_dir() else []
    written_by_hand = set(hand_written)
    generated = [uri for uri in publisher.page_uris() if uri not in written_by_hand]
    extra = [f"{ASSET_DIR}/{name}" for name in (*assets, *SCRIPTS)] + [SOURCING_JSON]
    files = {*hand_written, *generated, *extra}

    def url_of(src_uri: str) -> str:
        return page_url(src_uri, use_directory_urls)

    publisher.prepare(url_of)
    try:
        pages, report = _pages(
            publisher, config, options, docs_dir, hand_written, generated, url_of, files
        )
    finally:
        publisher.close()
    exported.report.errors += report.errors
    exported.report.warnings += report.warnings
    exported.report.notes += report.notes

    def path_of(src_uri: str) -> str:
        return export_path(src_uri, use_directory_urls)

    written = {path_of(uri): page.text for uri, page in pages.items()}
    statics = [uri for uri in hand_written if uri not in pages]
    _write(output, config, docs_dir, statics, written, assets, publisher, path_of)
    exported.pages = sorted(written)
    return exported


def _pages(
    publisher: Publisher,
    config: dict[str, Any],
    options: dict[str, Any],
    docs_dir: Path,
    hand_written: list[str],
    generated: list[str],
    url_of: Callable[[str], str],
    files: set[str],
) -> tuple[dict[str, _Page], Report]:
    """Return every page of the export by src URI and the problems found rendering them,
    in the order MkDocs builds them: hand-written pages, then generated ones, then late
    content once every page is built."""
    report = Report()
    extensions, settings = converter_extensions(config)
    converter = Converter(extensions, settings, url_of, files)
    page_html = PageHtml(
        publisher,
        str(options.get("link_mentions", "first")),
        adapter_option(options, "entities_in_pages") is True,
    )
    titles = nav_titles(config.get("nav"))
    pages: dict[str, _Page] = {}

    def convert(uri: str, is_generated: bool) -> None:
        url = url_of(uri)
        if is_generated:
            source = publisher.page_markdown(uri, report)
        else:
            source = (docs_dir / uri).read_text("utf-8-sig")
        body, meta = split_front_matter(source)
        html = converter.convert(body, uri)
        if is_generated:
            html = publisher.restore_html(url, html)
        title = page_title(None, meta, html, uri)
        html = page_html.finish(
            uri, url, html, meta=meta, title=titles.get(uri) or title, generated=is_generated
        )
        pages[uri] = _Page(html, meta, title)

    # The order MkDocs converts pages in: the docs folder's, then the generated ones.
    written_by_hand = set(hand_written)
    for uri in [u for u in hand_written if u.endswith(MARKDOWN_SUFFIXES)] + generated:
        convert(uri, uri not in written_by_hand)
    publisher.finish(report)
    # Pages known only once every briefing is analysed: unreviewed entities' pages.
    late = [uri for uri in publisher.shell_uris() if uri not in pages]
    for uri in late:
        convert(uri, True)
    made = {*generated, *late}
    for uri, page in pages.items():
        if uri in made and publisher.has_late_content(uri):
            page.text = publisher.resolve_late(uri, page.text, url_of(uri))
        try:
            page.text = converter.as_markdown(page.text, page.meta, page.title)
        except ValueError as exc:
            raise ExportError(f"{uri}: its HTML cannot be written as raw blocks: {exc}") from exc
    report.notes += publisher.closing_notes()
    return pages, report


def _write(
    output: Path,
    config: dict[str, Any],
    docs_dir: Path,
    statics: list[str],
    pages: dict[str, str],
    assets: tuple[str, ...],
    publisher: Publisher,
    path_of: Callable[[str], str],
) -> None:
    """Write the export into a new folder, then put it in place of ``output``."""
    output = output.resolve()
    foreign = output.is_file() or (output.is_dir() and any(output.iterdir()))
    if foreign and not (output / MARKER).is_file():
        raise ExportError(f"{output} exists and holds no export: not replacing it")
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}.partial-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        docs = staging / "docs"
        written: dict[str, str | bytes] = dict(pages)
        for name in (*assets, *SCRIPTS):
            written[f"{ASSET_DIR}/{name}"] = asset_text(name)
        written.update(publisher.site_files())
        for uri in statics:
            target = docs / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(docs_dir / uri, target)
        for path, content in written.items():
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, "utf-8")
        (staging / "mkdocs.yml").write_text(_exported_config(config, assets, path_of), "utf-8")
        (staging / MARKER).write_text("written by `python -m briefings.export`\n", "utf-8")
        if output.exists():
            shutil.rmtree(output)
        staging.rename(output)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


HEADER = (
    "# Written by `make export` (python -m briefings.export) from the site's mkdocs.yml:\n"
    "# the annotated pages are in docs/, so no plugin is needed. Do not edit: run it again.\n"
)


def _exported_config(
    config: dict[str, Any], assets: tuple[str, ...], path_of: Callable[[str], str]
) -> str:
    """Return the exported ``mkdocs.yml``: the site's, without the plugin, with the
    Markdown extensions and stylesheets the plugin adds, docs and site folders at their
    defaults inside the export, and the navigation naming the pages where they now are."""
    exported = {
        key: value
        for key, value in config.items()
        if key not in ("docs_dir", "site_dir", "watch", "plugins", "markdown_extensions")
    }
    plugins = without_plugin(config.get("plugins") or [])
    if plugins:
        exported["plugins"] = plugins
    entries, missing = markdown_extensions(config)
    exported["markdown_extensions"] = [*entries, *missing]
    extra_css = list(config.get("extra_css") or [])
    extra_css += [
        f"{ASSET_DIR}/{name}" for name in assets if f"{ASSET_DIR}/{name}" not in extra_css
    ]
    exported["extra_css"] = extra_css
    scripts = list(config.get("extra_javascript") or [])
    scripts += [f"{ASSET_DIR}/{n}" for n in SCRIPTS if f"{ASSET_DIR}/{n}" not in scripts]
    exported["extra_javascript"] = scripts
    if "nav" in config:
        exported["nav"] = moved_nav(config["nav"], path_of)
    return HEADER + dump_config(exported)

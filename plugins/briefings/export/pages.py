"""Pages as MkDocs 1.x places and converts them, for the export.

Most exported pages are the publisher's Markdown with its stashed HTML written in. A page
whose marks the plugin makes in its HTML (a Markdown seed, a hand-written page that opts in,
footnotes that touch) is converted here as MkDocs converts it (the same Python-Markdown
extensions, relative links to pages rewritten to their URLs), finished by the core, and
written back as raw HTML blocks: headings as Markdown where that gives back the same heading,
so the engine still builds the table of contents from them.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
import yaml
from bs4 import BeautifulSoup
from markdown.treeprocessors import Treeprocessor

from briefings.common.urls import relative_url
from briefings.site.html_markdown import heading_markdown, split_blocks

MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
# MkDocs' front matter: YAML between "---" lines at the very start.
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_FIRST_H1_RE = re.compile(r"\s*<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """Return the URL MkDocs 1.x gives the file ``src_uri`` (a page or any other file)."""
    if not src_uri.endswith(MARKDOWN_SUFFIXES):
        return quote(src_uri)
    parent, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    name = "index" if stem == "README" else stem
    if not use_directory_urls or name == "index":
        dest = posixpath.join(parent, name + ".html")
    else:
        dest = posixpath.join(parent, name, "index.html")
    dirname, dest_name = posixpath.split(dest)
    if use_directory_urls and dest_name == "index.html":
        dest = (dirname or ".") + "/"
    return quote(dest)


def export_path(src_uri: str, use_directory_urls: bool) -> str:
    """Return where the export writes page ``src_uri``: a folder's index page when the page
    is published as a folder (``about.md`` -> ``about/index.md``, the same URL ``about/``).

    Engines read a relative link in raw HTML differently: MkDocs 1.x as relative to the
    page's URL, Zensical as relative to its Markdown file, like a Markdown link. For a
    folder's index page both are the same folder, so every link means the same page.
    """
    if not src_uri.endswith(MARKDOWN_SUFFIXES):
        return src_uri
    parent, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    if stem in ("index", "README"):
        return posixpath.join(parent, "index.md")
    return posixpath.join(parent, stem, "index.md") if use_directory_urls else src_uri


def moved_nav(nav: Any, path_of: Callable[[str], str]) -> Any:
    """Return the ``nav`` setting with each page named by its path in the export."""
    if isinstance(nav, list):
        return [moved_nav(item, path_of) for item in nav]
    if isinstance(nav, dict):
        return {title: moved_nav(value, path_of) for title, value in nav.items()}
    if isinstance(nav, str) and nav.endswith(MARKDOWN_SUFFIXES) and "://" not in nav:
        return path_of(posixpath.normpath(nav))
    return nav


def docs_files(docs_dir: Path) -> list[str]:
    """Return the files of ``docs_dir`` in MkDocs' order (index first in each folder),
    without hidden files and folders, which MkDocs leaves out."""
    found: list[str] = []
    for folder, dirnames, filenames in os.walk(docs_dir, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        names = sorted(
            (f for f in filenames if not f.startswith(".")),
            key=lambda f: (os.path.splitext(f)[0] not in ("index", "README"), f),
        )
        relative = Path(folder).relative_to(docs_dir)
        found += [(relative / name).as_posix() for name in names]
    return found


def split_front_matter(text: str) -> tuple[str, dict[str, Any]]:
    """Return a page's Markdown without its YAML front matter, and the front matter
    (MkDocs' rules: a mapping, else none)."""
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        return text, {}
    try:
        meta = yaml.safe_load(match[1])
    except yaml.YAMLError:
        return text, {}
    if not isinstance(meta, dict):
        return text, {}
    return text[match.end() :].lstrip("\n"), meta


class Converter:
    """Converts pages' Markdown to HTML as MkDocs 1.x does with this configuration."""

    def __init__(
        self,
        extensions: list[str],
        settings: Mapping[str, Any],
        url_of: Callable[[str], str],
        files: set[str],
    ) -> None:
        self._extensions = extensions
        self._settings = settings
        self._url_of = url_of
        self._files = files

    def markdown(self, src_uri: str | None = None) -> markdown.Markdown:
        """Return a Markdown instance for page ``src_uri`` (its links resolved when given)."""
        md = markdown.Markdown(extensions=self._extensions, extension_configs=dict(self._settings))
        if src_uri is not None:
            links = _RelativeLinks(md, src_uri, self._url_of, self._files)
            md.treeprocessors.register(links, "briefings_export_relpath", 0)
        return md

    def convert(self, text: str, src_uri: str) -> str:
        """Return the HTML of the Markdown ``text`` of page ``src_uri``."""
        return str(self.markdown(src_uri).convert(text))

    def as_markdown(self, html: str, meta: Mapping[str, Any], title: str) -> str:
        """Return a converted and finished page as Markdown: front matter, then each
        top-level element as a raw HTML block, headings as Markdown when they convert back
        to the same element. A page whose title no engine could find in it again (its
        level-1 heading, its file name) gets ``title`` in its front matter. Raises
        ValueError for HTML a raw block cannot carry."""
        md = self.markdown()
        escaped = re.compile("|".join(re.escape(c) for c in md.ESCAPED_CHARS))

        def escape_text(text: str) -> str:
            return escaped.sub(lambda m: "\\" + m[0], text)

        blocks: list[str] = []
        for block in split_blocks(html):
            heading = heading_markdown(block, escape_text)
            if heading is not None and _same_html(self.markdown().convert(heading), block):
                blocks.append(heading)
            else:
                blocks.append(block)
        matter = {k: v for k, v in meta.items() if k != "entities"}
        if "title" not in matter and not (blocks and blocks[0].startswith("# ")):
            matter["title"] = title
        return "\n\n".join([front_matter(matter), *blocks]) + "\n"


def front_matter(meta: Mapping[str, Any]) -> str:
    """Return ``meta`` as a page's YAML front matter ("" when there is none)."""
    if not meta:
        return ""
    return "---\n" + yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False) + "---"


def nav_titles(nav: Any) -> dict[str, str]:
    """Return the titles that the ``nav`` setting gives pages, by src URI."""
    titles: dict[str, str] = {}

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            for title, value in item.items():
                if isinstance(value, str) and value.endswith(MARKDOWN_SUFFIXES):
                    titles.setdefault(posixpath.normpath(value), str(title))
                else:
                    walk(value)

    walk(nav)
    return titles


def page_title(nav_title: str | None, meta: Mapping[str, Any], html: str, src_uri: str) -> str:
    """Return the title MkDocs 1.x gives a page: the ``nav`` setting's, its front matter's,
    its first element's when that is a level-1 heading (tags and permalink left out), "Home"
    for the home page, else its file name in words."""
    if nav_title:
        return nav_title
    if meta.get("title"):
        return str(meta["title"])
    heading = _FIRST_H1_RE.match(html)
    if heading is not None:
        inner = _HEADERLINK_RE.sub("", heading[1])
        text = " ".join(_TAG_RE.sub("", inner).split())
        if text:
            return text
    if src_uri in ("index.md", "README.md"):
        return "Home"
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    title = ("index" if stem == "README" else stem).replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _same_html(first: str, second: str) -> bool:
    """Return whether two fragments are the same HTML once parsed (BeautifulSoup writes
    references such as ``&para;`` as characters)."""
    return str(BeautifulSoup(first, "html.parser")) == str(BeautifulSoup(second, "html.parser"))


class _RelativeLinks(Treeprocessor):  # type: ignore[misc]  # Python-Markdown is untyped
    """Rewrites links to files of the site to their URLs, as MkDocs 1.x does."""

    def __init__(
        self,
        md: markdown.Markdown,
        src_uri: str,
        url_of: Callable[[str], str],
        files: set[str],
    ) -> None:
        super().__init__(md)
        self._src_uri = src_uri
        self._url_of = url_of
        self._files = files

    def run(self, root: Element) -> None:
        for element, key in _links(root):
            url = element.get(key)
            if url is not None:
                element.set(key, self._rewrite(url))

    def _rewrite(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return url
        target = posixpath.normpath(
            posixpath.join(posixpath.dirname(self._src_uri), unquote(parts.path))
        )
        if target not in self._files:
            return url
        rewritten = relative_url(self._url_of(target), self._url_of(self._src_uri))
        if parts.query:
            rewritten += "?" + parts.query
        return rewritten + ("#" + parts.fragment if parts.fragment else "")


def _links(root: Element) -> Iterator[tuple[Element, str]]:
    for element in root.iter():
        if element.tag == "a":
            yield element, "href"
        elif element.tag == "img":
            yield element, "src"

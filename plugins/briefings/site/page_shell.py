"""Pages written into a copy of one page the site generator rendered: the entity pages.

A site generator spends about 2 ms on every page it builds (a new Markdown converter with all
its extensions, then the theme's templates), whatever the page holds. An entity page is a
small page, and a large site has thousands of them, so they would cost more than all the
briefings. Instead the generator builds one *model* page per folder depth, whose title and
content are marks (:data:`TITLE_MARK`, :data:`CONTENT_MARK`) and whose URL holds
:data:`SHELL_ID`. :class:`PageShell` cuts the model's finished HTML at those marks once, and
each entity page is then the model with its own title, content, URL and ``<head>`` additions
put in: the theme's header, navigation, scripts and footer are the same on every page of
that depth, since all their links are relative. The content is converted by one
:class:`PageConverter`, with the site's own Markdown extensions, reused page after page.

Pages made this way are left out of the generator's search index (as entity pages always
were) and out of its sitemap (:func:`sitemap_without_models`): Material's instant navigation
loads ``sitemap.xml`` on every first visit, and thousands of entity pages would make it the
largest file a page loads (1.4 MB at 3,000 briefings); a link to an entity page that is not
in the sitemap simply loads the page.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

from briefings.common.cache import PACKAGE_DIR, JsonCache, code_fingerprint, fingerprint
from briefings.common.text import escape_html
from briefings.site.pages.common import _simple_front_matter

# What converting a page's Markdown depends on besides its text and the site's settings.
CONVERSION_CODE = ("markdown",)
_ADDRESS_RE = re.compile(r" at 0x[0-9a-fA-F]+")

__all__ = [
    "CONTENT_MARK",
    "SHELL_ID",
    "TITLE_MARK",
    "PageConverter",
    "PageShell",
    "ShellError",
    "ShellPage",
    "model_content",
    "model_markdown",
    "remove_models",
    "sitemap_without_models",
]

SHELL_ID = "briefings-page-shell"
"""The entity id in the model pages' URLs: replaced by each page's own id."""
TITLE_MARK = "BriefingsShellTitle"
"""The model pages' title: replaced by each page's own (HTML-escaped) title."""
CONTENT_MARK = "BriefingsShellContent"
"""The model page's content, a heading holding this word: replaced by each page's content.
A word, not a comment, so that a minifying plugin keeps it."""
_HEAD_END = "</head>"
_H1_ID_RE = re.compile(r'<h1\b[^>]*?\bid="([^"]*)"')
_CONTENT_RE = re.compile(rf"<h1\b[^>]*>\s*{CONTENT_MARK}\s*</h1>")
_URL_BLOCK_RE = re.compile(r"\s*<url>(?:(?!</url>).)*?</url>", re.DOTALL)


class ShellError(ValueError):
    """The model page came back from the theme without one of its marks."""


@dataclass(frozen=True, slots=True)
class ShellPage:
    """One page to write into the shell of ``model_uri``: its Markdown body (no front
    matter), title and ``<head>`` additions, all relative to its own URL."""

    src_uri: str
    model_uri: str
    entity_id: str
    title: str
    markdown: str
    head: str = ""


def model_markdown(sections: str = "") -> str:
    """Return the Markdown of a model page: its title mark and the ``sections`` (Markdown
    headings) the pages written into it have, from which the theme makes the table of
    contents they share; out of the search index, as those pages are."""
    front = _simple_front_matter(TITLE_MARK, search={"exclude": True})
    return f"{front}\n\n# {TITLE_MARK}\n\n{sections}\n"


def model_content() -> str:
    """Return the HTML a model page's content is replaced with before the theme renders it.

    It is an ``<h1>`` with an id, as a page's title is, so that the theme adds no title of
    its own and makes the table of contents of the sections under it.
    """
    return f'<h1 id="{SHELL_ID}-title">{CONTENT_MARK}</h1>'


class PageShell:
    """One model page's finished HTML, cut at its marks once and filled in page after page."""

    def __init__(self, output: str, anchor: str = "", model_id: str = SHELL_ID) -> None:
        """Cut ``output``, the model page as the theme wrote it; ``anchor`` is the id the
        site's Markdown gave the model's title (the theme links it, "Skip to content"),
        ``model_id`` the id in the model's URL that each page's id replaces."""
        found = _CONTENT_RE.findall(output)
        if len(found) != 1 or _HEAD_END not in output:
            raise ShellError(
                "the theme changed the model entity page beyond recognition: its content "
                "mark is missing or doubled"
            )
        before, after = output.split(found[0])
        head, body = before.split(_HEAD_END, 1)
        marks = {TITLE_MARK: "title", model_id: "id"}
        if anchor:
            marks = {f'"#{anchor}"': "anchor", **marks}  # the longest, most precise first
        split = re.compile("(" + "|".join(re.escape(mark) for mark in marks) + ")").split
        # The page as a list of literal text and slot names (tuples), in order.
        self._parts: list[str | tuple[str]] = []
        for text in (head, ("head",), _HEAD_END + body, ("content",), after):
            if isinstance(text, tuple):
                self._parts.append(text)
                continue
            for index, piece in enumerate(split(text)):
                if index % 2:
                    self._parts.append((marks[piece],))
                elif piece:
                    self._parts.append(piece)

    def fill(self, entity_id: str, title: str, content: str, head: str = "") -> str:
        """Return the page of ``entity_id`` (its URL is the model's with the id in place of
        :data:`SHELL_ID`) with ``title`` (plain text), converted ``content`` and ``head``
        (elements added to ``<head>``, such as feed links)."""
        anchor = _H1_ID_RE.search(content)
        values = {
            "title": escape_html(title),
            "id": entity_id,
            "head": head,
            "content": content,
            "anchor": f'"#{anchor[1]}"' if anchor else '"#"',
        }
        return "".join(part if isinstance(part, str) else values[part[0]] for part in self._parts)


class PageConverter:
    """Converts page Markdown to HTML with one Python-Markdown instance, reset per page.

    ``extensions`` and ``configs`` are the site's (``markdown_extensions`` and
    ``mdx_configs`` in ``mkdocs.yml``), so headings, permalinks and attribute lists come out
    as they do on the generator's own pages.

    With a ``cache``, each text's HTML is kept between builds, under a key made of the
    text, the extensions and their settings, and the code: a rebuild converts only the
    pages whose Markdown changed. :meth:`finish` then keeps only what this build used.
    """

    def __init__(
        self,
        extensions: Iterable[Any],
        configs: Mapping[str, Mapping[str, Any]],
        cache: JsonCache | None = None,
    ) -> None:
        self._headings: dict[str, str] = {}
        extensions = list(extensions)
        settings = {k: dict(v) for k, v in configs.items()}
        self._markdown = markdown.Markdown(extensions=extensions, extension_configs=settings)
        self._cache = cache
        self._used: set[str] = set()
        # Settings may hold functions (a slugify): their repr without the address.
        described = _ADDRESS_RE.sub("", repr((extensions, sorted(settings.items()))))
        self._base = fingerprint([code_fingerprint(PACKAGE_DIR, CONVERSION_CODE), described])

    def heading(self, text: str) -> str:
        """Return the HTML of a second-level heading of ``text`` (Markdown, a heading the
        build writes) as this site's Markdown writes it (id, permalink), converted once."""
        html = self._headings.get(text)
        if html is None:
            html = self._headings[text] = self.convert("## " + text).strip()
        return html

    def convert(self, text: str) -> str:
        """Return ``text`` (Markdown, no front matter) as HTML."""
        if self._cache is None:
            return self._convert(text)
        key = fingerprint([self._base, text])
        self._used.add(key)
        html = self._cache.get(key)
        if not isinstance(html, str):
            html = self._convert(text)
            self._cache.put(key, html)
        return html

    def _convert(self, text: str) -> str:
        html: str = self._markdown.reset().convert(text)
        return html

    def finish(self) -> None:
        """Drop from the cache every text this converter did not convert."""
        if self._cache is not None:
            self._cache.keep_only(self._used)


def remove_models(site_dir: Path, models: Iterable[Path]) -> None:
    """Delete the model pages' files from the built site in ``site_dir`` (and the folders
    they leave empty) and drop them from its sitemap, gzipped copy included (which keeps
    the time stamp the site generator gave it)."""
    models = list(models)
    for target in models:
        target.unlink(missing_ok=True)
        for folder in target.parents:
            if folder == site_dir or not folder.is_dir() or any(folder.iterdir()):
                break
            folder.rmdir()
    sitemap = site_dir / "sitemap.xml"
    if models and sitemap.is_file():
        xml = sitemap_without_models(sitemap.read_text("utf-8")).encode("utf-8")
        sitemap.write_bytes(xml)
        packed = sitemap.with_name("sitemap.xml.gz")
        old = packed.read_bytes() if packed.is_file() else b""
        mtime = int.from_bytes(old[4:8], "little") if len(old) >= 8 else 0
        packed.write_bytes(gzip.compress(xml, mtime=mtime))


def sitemap_without_models(xml: str) -> str:
    """Return the sitemap ``xml`` without the model pages."""
    return _URL_BLOCK_RE.sub(lambda m: "" if SHELL_ID in m[0] else m[0], xml)

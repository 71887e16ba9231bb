"""MkDocs hooks of the floor build (see :mod:`benchmarks.floor`): every page is final HTML.

Each page file holds front matter (title, description, table of contents...) and the HTML a
plugin build produced for ``page.content``. The Markdown converter gets an empty string;
the page's content and table of contents are put back afterwards, so the theme, its
templates and Material's search do their real work on these pages, and nothing else does.
Where the plugin changes a page after search has read it (the glossary's backlinks), the
file holds both versions: search reads the first, the templates get the second.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.toc import get_toc

SEARCH_SPLIT = "\n<!--floor: the page as the theme shows it-->\n"  # as in benchmarks.floor
_html: dict[str, str] = {}
_final: dict[str, str] = {}


def on_page_markdown(markdown: str, *, page: Any, **_: Any) -> str:
    """Keep the page's HTML for :func:`on_page_content`; convert nothing."""
    for_search, split, final = markdown.partition(SEARCH_SPLIT)
    _html[page.file.src_uri] = for_search
    if split:
        _final[page.file.src_uri] = final
    return ""


def on_page_content(html: str, *, page: Any, **_: Any) -> str:
    """Return the saved HTML of the page, with the table of contents it had."""
    page.toc = get_toc(page.meta.pop("toc", None) or [])
    return _html.pop(page.file.src_uri)


def on_page_context(context: Any, *, page: Any, **_: Any) -> Any:
    """After search has read the page (hooks run after plugins): its final content."""
    final = _final.pop(page.file.src_uri, None)
    if final is not None:
        page.content = final
    return context

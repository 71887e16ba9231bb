"""A page's HTML once Markdown has converted it: what the build adds, for every adapter.

The MkDocs adapter calls :meth:`PageHtml.finish` from ``on_page_content`` on every page; the
export (``briefings.export``) calls it on the pages whose marks only HTML can carry (Markdown
seeds, hand-written pages that opt in), so both publish the same markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from briefings.common.sanitize import neutralize_unsafe_urls
from briefings.site.footnote_html import add_source_attributes, separate_adjacent_references
from briefings.site.html_annotate import HtmlAnnotator
from briefings.site.placement import SOURCES_URI
from briefings.site.publisher import Publisher


class PageHtml:
    """Finishes the converted HTML of the pages of one build (after :meth:`Publisher.load`)."""

    def __init__(self, publisher: Publisher, link_mentions: str, entities_in_pages: bool) -> None:
        self._publisher = publisher
        self._annotator = HtmlAnnotator(publisher.matcher, link_mentions)
        self._entities_in_pages = entities_in_pages

    def annotates(self, meta: Mapping[str, Any], *, generated: bool) -> bool:
        """Return whether a page's entities are marked in its HTML: a Markdown seed, or a
        hand-written page whose front matter says ``entities: true`` (when allowed)."""
        return meta.get("entities") is True and (generated or self._entities_in_pages)

    def finish(
        self,
        src_uri: str,
        url: str,
        html: str,
        *,
        meta: Mapping[str, Any],
        title: str,
        generated: bool,
    ) -> str:
        """Return the converted HTML of page ``src_uri`` (at ``url``) as published.

        ``html`` has its stashed HTML back already (:meth:`Publisher.restore_html`);
        ``generated`` says the publisher made the page, ``title`` is the engine's title of it.
        Footnote references get their sources and separators; pages that :meth:`annotates`
        get their entity marks, and their mentions are recorded for the cross-page index.
        """
        publisher = self._publisher
        if publisher.is_glossary_page(src_uri) or src_uri == SOURCES_URI:
            # Descriptions are editor-written Markdown: no link there may carry a script URL.
            html = neutralize_unsafe_urls(html)
        labels = publisher.sources_by_label(url)
        if labels:
            html = add_source_attributes(html, labels)
        html = separate_adjacent_references(html)
        if not self.annotates(meta, generated=generated):
            return html
        result = self._annotator.annotate(
            html,
            publisher.target_factory(url),
            sanitize=generated,
            summary_box=generated,
        )
        publisher.record_html_mentions(
            url,
            publisher.page_title(src_uri) or title or src_uri,
            publisher.page_date(src_uri),
            result.counts,
            result.first_sentences,
        )
        return result.html

"""Entity annotation of rendered HTML: Markdown seeds and hand-written pages that opt in.

This is the only module that imports BeautifulSoup. Each page is parsed once; text nodes are
matched with the build's single :class:`~briefings.entities.matcher.Matcher`, never inside code,
links, headings' permalinks, footnotes or existing annotations. Markdown seeds are first passed
through the allowlist sanitiser (:mod:`briefings.common.sanitize`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, PageElement, Tag

from briefings.common.sanitize import sanitize_html
from briefings.entities.matcher import Matcher, count_mentions
from briefings.site.model import EntityTarget
from briefings.site.render import LinkPolicy, entities_box_html

_SKIP_TAGS = frozenset(
    {"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math", "sup", "h1"}
)
_SKIP_CLASSES = frozenset(
    {"entity", "footnote", "headerlink", "briefing-entities", "briefing-meta", "glossary-meta"}
)
_SECTION_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


@dataclass(slots=True)
class AnnotatedHtml:
    """The annotated HTML, with per-entity mention counts and first sentences."""

    html: str
    counts: Counter[str] = field(default_factory=Counter)
    first_sentences: dict[str, str] = field(default_factory=dict)


class HtmlAnnotator:
    """Highlights glossary entities in a page's HTML, one parse per page."""

    def __init__(self, matcher: Matcher, link_mode: str) -> None:
        self._matcher = matcher
        self._link_mode = link_mode

    def annotate(
        self,
        html: str,
        target_for: Callable[[str], EntityTarget | None],
        *,
        sanitize: bool = False,
        summary_box: bool = False,
    ) -> AnnotatedHtml:
        """Return ``html`` with entity mentions wrapped per the markup contract.

        ``target_for(entry_id)`` gives the tooltip and link of an entry (None: leave it).
        With ``sanitize``, dangerous elements, event handlers and script URLs are removed.
        With ``summary_box``, the 'in this briefing' box goes after the page's meta line.
        """
        soup = BeautifulSoup(sanitize_html(html) if sanitize else html, "html.parser")
        result = AnnotatedHtml("")
        policy = LinkPolicy(self._link_mode)
        targets: dict[str, EntityTarget] = {}
        for node in list(soup.descendants):
            if isinstance(node, Tag):
                if node.name in _SECTION_TAGS:
                    policy.new_section()
                continue
            if not isinstance(node, NavigableString) or isinstance(node, Comment):
                continue
            if type(node) is not NavigableString or _excluded(node):
                continue
            text = str(node)
            mentions = self._matcher.find_mentions(text)
            if not mentions:
                continue
            pieces: list[PageElement] = []
            position = 0
            for mention in mentions:
                target = targets.get(mention.entry_id)
                if target is None:
                    found = target_for(mention.entry_id)
                    if found is None:
                        continue
                    target = targets[mention.entry_id] = found
                if mention.start > position:
                    pieces.append(NavigableString(text[position : mention.start]))
                pieces.append(_entity_tag(soup, target, text[mention.start : mention.end], policy))
                position = mention.end
                count_mentions(text, (mention,), result.counts, result.first_sentences)
            if not pieces:
                continue
            if position < len(text):
                pieces.append(NavigableString(text[position:]))
            node.replace_with(*pieces)
        if summary_box and result.counts:
            box = BeautifulSoup(entities_box_html(result.counts, targets), "html.parser")
            meta = soup.find(class_="briefing-meta")
            if isinstance(meta, Tag):
                meta.insert_after(box)
            else:
                soup.insert(0, box)
        result.html = str(soup)
        return result


def _entity_tag(soup: BeautifulSoup, target: EntityTarget, text: str, policy: LinkPolicy) -> Tag:
    linked = policy(target.id)
    tag = soup.new_tag("a" if linked else "span", attrs=target.attributes(linked))
    tag.string = text
    return tag


def _excluded(node: NavigableString) -> bool:
    for parent in node.parents:
        if parent.name in _SKIP_TAGS:
            return True
        classes = parent.get("class")
        if classes and not _SKIP_CLASSES.isdisjoint(classes):
            return True
    return False

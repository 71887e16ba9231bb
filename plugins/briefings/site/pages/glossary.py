"""The glossary pages: the index of entries, with descriptions, see-also links and, once
every page is built, each entry's count of briefings and the link to its entity page."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from briefings.common.text import escape_html, escape_markdown
from briefings.entities.glossary import Glossary, GlossaryEntry
from briefings.site.pages.common import (
    _raw,
    _simple_front_matter,
    links_markdown,
    safe_markdown,
)
from briefings.site.placement import GLOSSARY_DIR, GLOSSARY_URI
from briefings.site.records import Backlink
from briefings.site.render import TYPE_LABELS, Stash

BACKLINKS_PLACEHOLDER = "<!--briefings:backlinks:{id}-->"
_BACKLINKS_RE = re.compile(r"<!--briefings:backlinks:([a-z0-9-]+)-->")


GLOSSARY_INTRO = (
    "People, organisations, places, equipment and events mentioned in the briefings. "
    "Names found automatically but not yet reviewed are listed on the "
    "[unreviewed entities]({discovered}) page."
)


def glossary_page(
    entries: Iterable[GlossaryEntry],
    glossary: Glossary,
    see_also_link: Callable[[str], str],
    title: str = "Glossary",
    discovered_link: str = "discovered.md",
    stash: Stash | None = None,
) -> str:
    """Return a glossary page: ``entries`` grouped by type, each an anchored section.

    ``see_also_link(entry_id)`` gives the Markdown link target of a related entry (``#id``
    on the same page). Each entry ends with a backlinks placeholder filled by
    :func:`fill_backlinks` once every page of the site has been annotated. With ``stash``,
    the raw HTML of each entry (meta line, backlinks placeholder) is kept out of the
    Markdown: a glossary of thousands of entries is then much cheaper to convert.
    """
    parts = [
        _simple_front_matter(title),
        "# " + escape_markdown(title),
        GLOSSARY_INTRO.format(discovered=discovered_link),
    ]
    by_type: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        by_type.setdefault(entry.type, []).append(entry)
    for entity_type, label in TYPE_LABELS.items():
        entries = sorted(by_type.get(entity_type, ()), key=lambda e: (e.name.casefold(), e.id))
        if not entries:
            continue
        parts.append(f"## {label} {{#type-{entity_type}}}")
        for entry in entries:
            parts.append(_glossary_entry(entry, glossary, see_also_link, stash))
    return "\n\n".join(parts) + "\n"


def glossary_index_page(letters: Sequence[tuple[str, str, int]], href: Callable[[str], str]) -> str:
    """Return the index of a glossary split into pages: ``(label, src_uri, count)`` each."""
    rows = [
        f'<li><a href="{escape_html(href(uri))}">{escape_html(label)}</a> ({count})</li>'
        for label, uri, count in letters
    ]
    return (
        "\n\n".join(
            [
                _simple_front_matter("Glossary"),
                "# Glossary",
                GLOSSARY_INTRO.format(discovered="discovered.md"),
                '<ul class="glossary-letters">\n' + "\n".join(rows) + "\n</ul>",
            ]
        )
        + "\n"
    )


def _glossary_entry(
    entry: GlossaryEntry,
    glossary: Glossary,
    see_also_link: Callable[[str], str],
    stash: Stash | None,
) -> str:
    meta = (
        f'<p class="glossary-meta"><span class="entity entity--{entry.type}" '
        f'data-entity="{entry.id}" data-entity-type="{entry.type}">{entry.type}</span>'
        + (" · also: " + ", ".join(escape_html(a) for a in entry.aliases) if entry.aliases else "")
        + "</p>"
    )
    lines = [
        f"### {escape_markdown(entry.name)} {{#{entry.id} .glossary-entry "
        f'data-entity="{entry.id}" data-entity-type="{entry.type}"}}',
        "",
        _raw(meta, stash),
        "",
        safe_markdown(entry.description) if entry.description else "*No description yet.*",
    ]
    related = [glossary.get(i) for i in entry.see_also]
    links = [
        f"[{escape_markdown(r.name)}]({see_also_link(r.id)})" for r in related if r is not None
    ]
    if links:
        lines += ["", "See also: " + ", ".join(links)]
    if entry.links:
        lines += ["", "Links: " + links_markdown(entry.links)]
    lines += ["", _raw(BACKLINKS_PLACEHOLDER.format(id=entry.id), stash)]
    return "\n".join(lines)


def fill_backlinks(
    html: str,
    backlinks: Mapping[str, Mapping[str, Backlink]],
    entity_href: Callable[[str], str | None],
) -> str:
    """Return ``html`` with each entry's placeholder replaced by its count of briefings and
    the link to its entity page (``entity_href(entry_id)``, None when it has none).

    The glossary is the index: the briefings themselves are listed on the entity pages, so
    this page stays small however many briefings there are. One regular-expression pass.
    """

    def render(match: re.Match[str]) -> str:
        links = backlinks.get(match[1], {})
        briefings = sum(1 for link in links.values() if link.date is not None)
        target = entity_href(match[1])
        if not links or target is None:
            return '<p class="glossary-backlinks glossary-backlinks--empty">Not mentioned yet.</p>'
        pages = len(links) - briefings
        counted = []
        if briefings:
            counted.append(f"{briefings} {'briefing' if briefings == 1 else 'briefings'}")
        if pages:
            counted.append(f"{pages} other {'page' if pages == 1 else 'pages'}")
        return (
            f'<p class="glossary-backlinks">Mentioned in {" and ".join(counted)}: '
            f'<a href="{escape_html(target)}">timeline, company and every mention</a></p>'
        )

    return _BACKLINKS_RE.sub(render, html)


def glossary_pages(
    glossary: Glossary,
    entry_uri: Mapping[str, str],
    href: Callable[[str, str], str],
    new_stash: Callable[[str], Stash],
) -> dict[str, str]:
    """Return the glossary page(s) by src URI: one page, or an index and one per letter.

    ``entry_uri`` gives each entry's page, ``href(uri, base_uri)`` the link from page
    ``base_uri`` to page ``uri`` and ``new_stash(uri)`` the stash of page ``uri``.
    """
    uris = sorted(set(entry_uri.values()))
    if uris == [GLOSSARY_URI]:
        return {
            GLOSSARY_URI: glossary_page(
                glossary,
                glossary,
                _see_also(entry_uri, GLOSSARY_URI),
                stash=new_stash(GLOSSARY_URI),
            )
        }
    by_uri: dict[str, list[GlossaryEntry]] = {uri: [] for uri in uris}
    for entry in glossary:
        by_uri[entry_uri[entry.id]].append(entry)
    out = {}
    letters = []
    for uri in uris:
        label = uri.removeprefix(f"{GLOSSARY_DIR}/").removesuffix(".md").upper()
        letters.append((label, uri, len(by_uri[uri])))
        out[uri] = glossary_page(
            by_uri[uri],
            glossary,
            _see_also(entry_uri, uri),
            title=f"Glossary: {label}",
            discovered_link="../discovered.md",
            stash=new_stash(uri),
        )
    out[GLOSSARY_URI] = glossary_index_page(letters, lambda uri: href(uri, GLOSSARY_URI))
    return out


def _see_also(entry_uri: Mapping[str, str], page_uri: str) -> Callable[[str], str]:
    """Return the Markdown link target of an entry, seen from glossary page ``page_uri``."""

    def link(entry_id: str) -> str:
        uri = entry_uri[entry_id]
        if uri == page_uri:
            return f"#{entry_id}"
        return f"{posixpath.relpath(uri, posixpath.dirname(page_uri) or '.')}#{entry_id}"

    return link

"""Entity pages: one page (or a few, paginated) per glossary entry that briefings mention.

Page 1 shows what the glossary knows (type, aliases, description, see-also, links), a
timeline of mentions per month (an SVG made here, with a table for screen readers and for
print), the entities it appears with most often, and the newest briefings mentioning it.
Further pages continue the list of briefings. Everything is plain data in, Markdown out;
the HTML pieces go through the page's stash, so Python-Markdown never parses them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from briefings.common.text import escape_html, escape_markdown
from briefings.entities.glossary import GlossaryEntry
from briefings.site.pages.common import _raw, _simple_front_matter, links_markdown, safe_markdown
from briefings.site.records import Backlink, Statement
from briefings.site.render import TYPE_WORDS, Stash, human_date

__all__ = [
    "Companion",
    "EntityPage",
    "entity_page_body",
    "entity_page_markdown",
    "month_counts",
    "section_key",
    "sections_markdown",
    "timeline_svg",
]

_SVG_HEIGHT = 60
_BAR_WIDTH = 10
_BAR_GAP = 2


@dataclass(frozen=True, slots=True)
class Companion:
    """An entity that appears in the same briefings: its name, type, count and link."""

    name: str
    type: str
    briefings: int
    href: str


@dataclass(frozen=True, slots=True)
class EntityPage:
    """Everything one page of an entity shows, already resolved to names and links.

    ``backlinks`` are this page's briefings (newest first), ``total`` the number of
    briefings over all pages, ``page_hrefs`` the link to every page of the entity (the
    current one included), ``months`` the mentions per month over all briefings.
    """

    entry: GlossaryEntry
    number: int
    page_hrefs: Sequence[str]
    backlinks: Sequence[Backlink]
    total: int
    months: Sequence[tuple[str, int]]
    companions: Sequence[Companion]
    see_also: Sequence[tuple[str, str]]  # (name, href)
    glossary_href: str
    page_size: int
    statements: Sequence[Statement] = ()  # what it said, newest first (page 1 only)
    statement_total: int = 0
    reviewed: bool = True  # False: an unreviewed entity; glossary_href is its review entry


def month_counts(backlinks: Sequence[Backlink]) -> list[tuple[str, int]]:
    """Return mentions per month ("2023-05", count), every month from the first to the
    last mentioned one, so gaps show as empty months."""
    totals: dict[tuple[int, int], int] = {}
    for link in backlinks:
        if link.date is not None:
            key = (link.date.year, link.date.month)
            totals[key] = totals.get(key, 0) + link.count
    if not totals:
        return []
    (year, month), last = min(totals), max(totals)
    months = []
    while (year, month) <= last:
        months.append((f"{year:04d}-{month:02d}", totals.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@functools.lru_cache(maxsize=4096)
def _month_label(key: str) -> str:
    year, month = key.split("-")
    return date(int(year), int(month), 1).strftime("%B %Y")


def timeline_svg(months: Sequence[tuple[str, int]], name: str) -> str:
    """Return the timeline: an SVG bar per month, then the same figures as a table.

    The SVG is decorative for assistive technology (its summary is its label); the table
    in a ``<details>`` element carries every figure as text.
    """
    if not months:
        return ""
    peak = max(count for _month, count in months) or 1
    width = len(months) * (_BAR_WIDTH + _BAR_GAP)
    bars = []
    for index, (month, count) in enumerate(months):
        height = round(count / peak * (_SVG_HEIGHT - 4)) if count else 0
        x = index * (_BAR_WIDTH + _BAR_GAP)
        label = f"{_month_label(month)}: {count} {'mention' if count == 1 else 'mentions'}"
        bars.append(
            f'<rect x="{x}" y="{_SVG_HEIGHT - height}" width="{_BAR_WIDTH}" '
            f'height="{max(height, 1) if count else 0}"><title>{label}</title></rect>'
        )
    top = max(months, key=lambda item: item[1])
    summary = (
        f"Mentions of {name} per month, {_month_label(months[0][0])} to "
        f"{_month_label(months[-1][0])}; most in {_month_label(top[0])} ({top[1]})."
    )
    rows = "\n".join(
        f'<tr><th scope="row">{_month_label(month)}</th><td>{count}</td></tr>'
        for month, count in months
        if count
    )
    return (
        f'<figure class="entity-timeline"><svg role="img" aria-label="{escape_html(summary)}" '
        f'viewBox="0 0 {width} {_SVG_HEIGHT}" preserveAspectRatio="none" '
        f'width="{min(width * 2, 720)}" height="{_SVG_HEIGHT}">' + "".join(bars) + "</svg>"
        f"<figcaption>{escape_html(summary)}</figcaption></figure>\n"
        '<details class="entity-timeline-table"><summary>Mentions by month, as a table'
        '</summary>\n<table><thead><tr><th scope="col">Month</th>'
        '<th scope="col">Mentions</th></tr></thead><tbody>\n'
        + rows
        + "\n</tbody></table></details>"
    )


def _meta(entry: GlossaryEntry, reviewed: bool) -> str:
    aliases = ", ".join(escape_html(alias) for alias in entry.aliases)
    unreviewed = "" if reviewed else " entity--unreviewed"
    return (
        f'<p class="entity-meta"><span class="entity entity--{entry.type}{unreviewed}" '
        f'data-entity="{entry.id}" data-entity-type="{entry.type}" '
        f'data-reviewed="{"true" if reviewed else "false"}">'
        f"{TYPE_WORDS.get(entry.type, entry.type)}</span>"
        + ("" if reviewed else " · not yet reviewed")
        + (f" · also written {aliases}" if aliases else "")
        + "</p>"
    )


def _briefing_list(page: EntityPage, href: Callable[[str], str]) -> str:
    rows = []
    for link in page.backlinks:
        when = (
            f'<time datetime="{link.date.isoformat()}">{human_date(link.date)}</time> · '
            if link.date
            else ""
        )
        times = "mention" if link.count == 1 else "mentions"
        rows.append(
            f'<li>{when}<a href="{escape_html(href(link.url))}">{escape_html(link.title)}</a>'
            f' <span class="entity-briefing-count">({link.count} {times})</span>'
            f"<blockquote>{escape_html(link.sentence)}</blockquote></li>"
        )
    start = (page.number - 1) * page.page_size + 1
    return f'<ol class="entity-briefings" start="{start}">\n' + "\n".join(rows) + "\n</ol>"


def _pagination(page: EntityPage) -> str:
    count = len(page.page_hrefs)
    if count <= 1:
        return ""
    links = []
    if page.number > 1:
        links.append(
            f'<a rel="prev" href="{escape_html(page.page_hrefs[page.number - 2])}">Newer</a>'
        )
    for number, target in enumerate(page.page_hrefs, start=1):
        if number == page.number:
            links.append(f'<span aria-current="page">{number}</span>')
        else:
            links.append(f'<a href="{escape_html(target)}">{number}</a>')
    if page.number < count:
        links.append(f'<a rel="next" href="{escape_html(page.page_hrefs[page.number])}">Older</a>')
    return (
        '<nav class="entity-pages" aria-label="Pages of briefings">'
        + " ".join(links)
        + f" <span>(page {page.number} of {count})</span></nav>"
    )


def _statements(page: EntityPage, href: Callable[[str], str]) -> str:
    rows = [
        f'<li><time datetime="{s.date.isoformat()}">{human_date(s.date)}</time> · '
        f'<a href="{escape_html(href(s.url))}">{escape_html(s.title)}</a>'
        f"<blockquote>{escape_html(s.sentence)}</blockquote></li>"
        for s in page.statements
    ]
    more = page.statement_total - len(page.statements)
    tail = (
        f'<p class="entity-statements-more">and {more} earlier '
        f"{'statement' if more == 1 else 'statements'} in the briefings below.</p>"
        if more > 0
        else ""
    )
    return '<ul class="entity-statements">\n' + "\n".join(rows) + "\n</ul>" + tail


def _companions(companions: Sequence[Companion]) -> str:
    rows = [
        f'<li><a class="entity entity--{c.type}" href="{escape_html(c.href)}">'
        f"{escape_html(c.name)}</a> ({c.briefings} "
        f"{'briefing' if c.briefings == 1 else 'briefings'})</li>"
        for c in companions
    ]
    return '<ul class="entity-companions">\n' + "\n".join(rows) + "\n</ul>"


def entity_page_markdown(title: str, body: str) -> str:
    """Return the Markdown of one page of an entity, front matter first, from its title
    and body (:func:`entity_page_body`)."""
    # Out of the search index: the glossary lists every entity with its link, and indexing
    # thousands of entity pages would cost more than all the briefings.
    return _simple_front_matter(title, search={"exclude": True}) + "\n\n" + body


def entity_page_title(page: EntityPage) -> str:
    """Return the title of one page of an entity."""
    if page.number > 1:
        return f"{page.entry.name}: briefings, page {page.number}"
    return page.entry.name


# The sections an entity page may have: (key letter, heading, id). A page's section key
# (:func:`section_key`) names the model page whose table of contents it shares.
SECTIONS = (
    ("t", "Timeline", "timeline"),
    ("c", "Appears with", "appears-with"),
    ("s", "What it said", "what-it-said"),
    ("b", "Briefings", "briefings"),
)
_SECTION = {key: (label, anchor) for key, label, anchor in SECTIONS}


def section_key(page: EntityPage) -> str:
    """Return the letters of the sections ``page`` shows, in order ("tcb", "b"...)."""
    shown = {"t": bool(page.months), "c": bool(page.companions), "s": bool(page.statements)}
    return "".join(key for key, _label, _id in SECTIONS if shown.get(key, True))


def sections_markdown(key: str) -> str:
    """Return the section headings of a page whose section key is ``key`` (for a model
    page: the theme makes its table of contents from them)."""
    return "\n\n".join(f"## {_SECTION[k][0]} {{#{_SECTION[k][1]}}}" for k in key)


def _heading(key: str, label: str = "") -> _Heading:
    default, anchor = _SECTION[key]
    return _Heading(f"{label or default} {{#{anchor}}}")


class _Html(str):
    """A piece of an entity page that is HTML already."""


class _Heading(str):
    """A section heading of an entity page: its Markdown text, written by the build."""


def entity_page_body(
    page: EntityPage,
    href: Callable[[str], str],
    stash: Stash,
    heading: Callable[[str], str] | None = None,
) -> tuple[str, str]:
    """Return the title and the Markdown (no front matter) of one page of an entity.

    Its HTML goes into ``stash``, consecutive pieces as one block. With ``heading``, which
    gives the HTML of a section heading from its text, section headings are HTML too, so
    the Markdown left to convert is the title, the meta line and the description.
    """
    entry = page.entry
    title = entity_page_title(page)
    briefings = f"{page.total} {'briefing' if page.total == 1 else 'briefings'}"
    # The title's id is the entity's, so it never repeats a section's ("Timeline"...): the
    # sections' headings may be converted apart from it (see ``heading``).
    parts: list[str] = [f"# {escape_markdown(title)} {{#entity-{entry.id}}}"]
    if page.number > 1:
        parts.append(
            _Html(
                f'<p><a href="{escape_html(page.page_hrefs[0])}">About '
                f"{escape_html(entry.name)}</a> · mentioned in {briefings}.</p>"
            )
        )
    else:
        parts.append(_Html(_meta(entry, page.reviewed)))
        if not page.reviewed:
            parts.append(
                "*Found automatically in the briefings; no editor has reviewed this name "
                "yet, so its type may be wrong.*"
            )
        elif entry.description:
            parts.append(safe_markdown(entry.description))
        else:
            parts.append("*No description yet.*")
        if page.see_also:
            related = ", ".join(
                f'<a href="{escape_html(target)}">{escape_html(name)}</a>'
                for name, target in page.see_also
            )
            parts.append(_Html(f'<p class="entity-see-also">See also: {related}</p>'))
        if entry.links:
            parts.append("Links: " + links_markdown(entry.links))
        where = "in the glossary" if page.reviewed else "on the list of unreviewed entities"
        parts.append(
            _Html(
                f'<p class="entity-glossary"><a href="{escape_html(page.glossary_href)}">'
                f"{escape_html(entry.name)} {where}</a></p>"
            )
        )
        if page.months:
            parts += [_heading("t"), _Html(timeline_svg(page.months, entry.name))]
        if page.companions:
            parts += [_heading("c"), _Html(_companions(page.companions))]
        if page.statements:
            parts += [_heading("s"), _Html(_statements(page, href))]
    parts.append(_heading("b", f"Briefings ({page.total})"))
    if page.backlinks:
        parts.append(_Html(_briefing_list(page, href)))
    else:
        parts.append("No briefing mentions this entry now.")
    pagination = _pagination(page)
    if pagination:
        parts.append(_Html(pagination))
    return title, _assemble(parts, stash, heading)


def _assemble(parts: Sequence[str], stash: Stash, heading: Callable[[str], str] | None) -> str:
    """Return the page's Markdown: Markdown parts as they are, runs of HTML as one block."""
    blocks: list[str] = []
    run: list[str] = []
    for part in parts:
        if isinstance(part, _Heading) and heading is not None:
            run.append(heading(part))
            continue
        if isinstance(part, _Html):
            run.append(part)
            continue
        if run:
            blocks.append(_raw("\n".join(run), stash))
            run = []
        blocks.append("## " + part if isinstance(part, _Heading) else part)
    if run:
        blocks.append(_raw("\n".join(run), stash))
    return "\n\n".join(blocks) + "\n"

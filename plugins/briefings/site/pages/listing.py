"""Pages that list briefings by date: the home page and the archive (one page per month)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from briefings.common.text import escape_html, escape_markdown
from briefings.site.pages.common import (
    Dated,
    _simple_front_matter,
)
from briefings.site.render import human_date


def briefing_list(
    items: Sequence[Dated],
    href: Callable[[Dated], str],
    after: Callable[[Dated], str] | None = None,
) -> str:
    """Return an HTML list of briefings: date, linked title, summary (then ``after(item)``)."""
    rows = []
    for item in items:
        seed = item.seed
        rows.append(
            '<li class="briefing-list__item">'
            f'<time datetime="{seed.date.isoformat()}">{human_date(seed.date)}</time> '
            f'<a href="{escape_html(href(item))}">{escape_html(seed.title)}</a>'
            f'<p class="briefing-list__summary">{escape_html(seed.summary)}</p>'
            + (after(item) if after is not None else "")
            + "</li>"
        )
    return '<ul class="briefing-list">\n' + "\n".join(rows) + "\n</ul>"


def shared_name_page(items: Sequence[Dated], href: Callable[[Dated], str]) -> str:
    """Return the page at a name several briefings share (same date and title): a list of
    them, so that a link made when there was one still leads to it."""
    first = items[0].seed
    count = len(items)
    return (
        "\n\n".join(
            [
                _simple_front_matter(escape_html(first.title), search={"exclude": True}),
                "# " + escape_markdown(first.title),
                f"{count} briefings of {human_date(first.date)} have this title:",
                briefing_list(items, href),
            ]
        )
        + "\n"
    )


TOP_ENTITIES_PLACEHOLDER = "<!--briefings:top:{url}-->"
TRENDING_PLACEHOLDER = "<!--briefings:trending-->"
TRENDING_DAYS = 30


def home_page(
    latest: Sequence[Dated], total: int, href: Callable[[Dated], str], archive_href: str
) -> str:
    """Return the home page: the newest briefings and a link to the full archive."""
    parts = [
        _simple_front_matter("Briefings", hide=["navigation"]),
        "# Briefings",
    ]
    if not latest:
        parts.append("No briefings have been published yet: add articles to `seeds/`.")
    else:
        # The entities of each briefing and of the last 30 days are known once every
        # briefing is rendered: placeholders, filled then (see fill_home).
        listed = briefing_list(
            latest, href, lambda item: TOP_ENTITIES_PLACEHOLDER.format(url=item.url)
        )
        parts.append(
            '<div class="home-grid"><div class="home-latest">\n'
            + listed
            + '\n</div><aside class="home-trending" aria-labelledby="home-trending-title">'
            + f'<h2 id="home-trending-title">Most mentioned in the last {TRENDING_DAYS} days</h2>'
            + TRENDING_PLACEHOLDER
            + "</aside></div>"
        )
    parts.append(
        f'<p class="briefing-archive-link"><a href="{escape_html(archive_href)}">'
        + ("The archive: 1 briefing" if total == 1 else f"The archive: {total} briefings by month")
        + "</a></p>"
    )
    return "\n\n".join(parts) + "\n"


@dataclass(frozen=True, slots=True)
class ArchivePage:
    """One archive page: the index of months, or one month's briefings (one page of them)."""

    title: str
    items: tuple[Dated, ...] = ()
    months: tuple[tuple[str, str, int], ...] = ()  # (label, src_uri, count) for the index
    prev_uri: str = ""
    next_uri: str = ""

    def render(self, href: Callable[[str], str]) -> str:
        """Return the page Markdown; ``href(src_uri)`` gives a link relative to this page."""
        parts = [_simple_front_matter(self.title), "# " + escape_markdown(self.title)]
        if self.months:
            year = ""
            rows: list[str] = []
            for label, uri, count in self.months:
                if label[-4:] != year:
                    year = label[-4:]
                    rows.append(f'</ul>\n<h2>{year}</h2>\n<ul class="briefing-months">')
                rows.append(f'<li><a href="{escape_html(href(uri))}">{label}</a> ({count})</li>')
            listing = "\n".join(rows).removeprefix("</ul>\n") + "\n</ul>"
            parts.append(f'<div class="briefing-archive">\n{listing}\n</div>')
        elif not self.items:
            parts.append("No briefings yet.")
        if self.items:
            parts.append(briefing_list(self.items, lambda b: href(b.src_uri)))
        nav = []
        if self.prev_uri:
            nav.append(f'<a rel="prev" href="{escape_html(href(self.prev_uri))}">← Newer</a>')
        if self.next_uri:
            nav.append(f'<a rel="next" href="{escape_html(href(self.next_uri))}">Older →</a>')
        if nav:
            parts.append('<nav class="briefing-pagination">' + " · ".join(nav) + "</nav>")
        return "\n\n".join(parts) + "\n"


def archive_pages(
    dated: Sequence[tuple[date, Dated]], folder: str, page_size: int
) -> list[tuple[str, ArchivePage]]:
    """Return the archive: an index of months, then each month's pages of ``page_size``.

    ``dated`` must be newest first; the first returned page is always the index.
    """
    by_month: dict[tuple[int, int], list[Dated]] = {}
    for published, item in dated:
        by_month.setdefault((published.year, published.month), []).append(item)
    out: list[tuple[str, ArchivePage]] = []
    months = []
    for (year, month), items in by_month.items():
        label = f"{date(year, month, 1).strftime('%B')} {year}"
        base = f"{folder}/{year:04d}/{month:02d}"
        chunks = [items[i : i + page_size] for i in range(0, len(items), page_size)]
        uris = [f"{base}/index.md"] + [f"{base}/{n}.md" for n in range(2, len(chunks) + 1)]
        months.append((label, uris[0], len(items)))
        for n, chunk in enumerate(chunks):
            title = label if n == 0 else f"{label} (page {n + 1})"
            out.append(
                (
                    uris[n],
                    ArchivePage(
                        title,
                        items=tuple(chunk),
                        prev_uri=uris[n - 1] if n else "",
                        next_uri=uris[n + 1] if n + 1 < len(uris) else "",
                    ),
                )
            )
    index = (f"{folder}/index.md", ArchivePage("Archive", months=tuple(months)))
    return [index, *out]


def fill_home(
    html: str,
    top: Callable[[str], Sequence[tuple[str, str, str, int]]],
    trending: Sequence[tuple[str, str, str, int]],
) -> str:
    """Return the home page ``html`` with its placeholders filled.

    ``top(url)`` gives a briefing's most mentioned entities and ``trending`` those of the
    last days, each as (name, type, link, mentions). One regular-expression pass.
    """

    def chips(entities: Sequence[tuple[str, str, str, int]], with_counts: bool) -> str:
        items = []
        for name, kind, link, count in entities:
            label = escape_html(name)
            if with_counts:
                label += (
                    f' <span class="home-count">({count} '
                    f"{'mention' if count == 1 else 'mentions'})</span>"
                )
            items.append(
                f'<li><a class="entity entity--{kind}" href="{escape_html(link)}">{label}</a></li>'
            )
        return "\n".join(items)

    def render(match: re.Match[str]) -> str:
        if match[0] == TRENDING_PLACEHOLDER:
            if not trending:
                return '<p class="home-trending--empty">No entity mentioned yet.</p>'
            return '<ol class="home-trending__list">\n' + chips(trending, True) + "\n</ol>"
        entities = top(match[1])
        if not entities:
            return ""
        return (
            '<ul class="briefing-list__entities" aria-label="Most mentioned">'
            + chips(entities, False)
            + "</ul>"
        )

    return _HOME_RE.sub(render, html)


_HOME_RE = re.compile(r"<!--briefings:top:([^>]*?)-->|<!--briefings:trending-->")

"""Generated pages: home, archive, glossary, sources and the editors' sourcing report.

Every function returns Markdown (or fills placeholders in HTML) from plain data. Text that
comes from seeds or YAML is escaped with :func:`briefings.text.escape_markdown`; the
glossary descriptions, which editors write in Markdown, go through :func:`safe_markdown`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from briefings.site.render import TYPE_LABELS, Stash, human_date
from briefings.common.sanitize import is_safe_url
from briefings.common.text import escape_html, escape_markdown, escape_placeholders

if TYPE_CHECKING:
    from briefings.entities.discovery import Candidate
    from briefings.entities.glossary import Glossary, GlossaryEntry
    from briefings.site.publisher import Backlink, Citation, SourcingRecord
    from briefings.sourcing.registry import SourceRegistry

BACKLINKS_PLACEHOLDER = "<!--briefings:backlinks:{id}-->"
_BACKLINKS_RE = re.compile(r"<!--briefings:backlinks:([a-z0-9-]+)-->")
_SAFE_URL_RE = re.compile(r"(?:https?://|mailto:|#|/|\.{0,2}/)", re.IGNORECASE)
# A link target runs to the closing parenthesis: "java\nscript:" must be judged whole.
_UNSAFE_LINK_RE = re.compile(r"(\]\s*\(\s*<?)([^)>]*)")
_REF_DEF_RE = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+)", re.MULTILINE)


class Dated(Protocol):
    """Anything listed by date: a briefing placed on the site."""

    src_uri: str
    url: str

    @property
    def seed(self) -> Any: ...


def front_matter(
    title: str,
    summary: str,
    published: date,
    tags: Sequence[str] = (),
    *,
    entities: bool = False,
) -> str:
    """Return the YAML front matter of a generated briefing page.

    ``title`` and ``description`` are HTML-escaped because themes insert them unescaped.
    """
    meta: dict[str, object] = {
        "title": escape_html(title),
        "description": escape_html(summary),
        "date": published.isoformat(),
        "briefing": True,
    }
    if tags:
        meta["tags"] = list(tags)
    if entities:
        meta["entities"] = True
    return _yaml_block(meta)


def _simple_front_matter(title: str, **extra: object) -> str:
    return _yaml_block({"title": title, **extra})


def _yaml_block(meta: Mapping[str, object]) -> str:
    """Return ``meta`` as a front-matter block, one ``key: <JSON value>`` line per key.

    JSON scalars, arrays and objects are valid YAML flow values, and ``json.dumps`` is
    many times faster than ``yaml.safe_dump`` — this runs once per generated page.
    """
    lines = [
        f"{key}: {_YAML_UNSAFE_RE.sub(_yaml_escape, json.dumps(value, ensure_ascii=False))}"
        for key, value in sorted(meta.items())
    ]
    return "---\n" + "\n".join(lines) + "\n---"


# Characters JSON leaves raw but YAML reads as line breaks (U+0085, U+2028, U+2029) or
# refuses as non-printable (DEL, C1 controls, U+FFFE, U+FFFF): written as YAML escapes.
_YAML_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _yaml_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def briefing_list(items: Sequence[Dated], href: Callable[[Dated], str]) -> str:
    """Return an HTML list of briefings: date, linked title, summary."""
    rows = []
    for item in items:
        seed = item.seed
        rows.append(
            '<li class="briefing-list__item">'
            f'<time datetime="{seed.date.isoformat()}">{human_date(seed.date)}</time> '
            f'<a href="{escape_html(href(item))}">{escape_html(seed.title)}</a>'
            f'<p class="briefing-list__summary">{escape_html(seed.summary)}</p></li>'
        )
    return '<ul class="briefing-list">\n' + "\n".join(rows) + "\n</ul>"


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
        parts.append(briefing_list(latest, href))
    parts.append(
        f'<p class="briefing-archive-link"><a href="{escape_html(archive_href)}">'
        f"All {total} briefings by month</a></p>"
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


def _raw(html: str, stash: Stash | None) -> str:
    """Return a raw HTML block for a generated page's Markdown: its placeholder when the
    page has a stash (Python-Markdown then never parses the HTML), else the HTML itself."""
    return stash.block(html) if stash is not None else html


def safe_markdown(text: str) -> str:
    """Return editor-written Markdown with raw HTML escaped and unsafe link targets removed.

    Markdown emphasis, code and links stay; ``<``/``>``/``&`` become entities so no tag or
    script can appear; link targets that are not http(s), mailto, or relative become ``#``.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # The renderer's placeholder characters are written as references, so editor text can
    # never stand for a stashed fragment.
    escaped = escape_placeholders(escaped)

    def fix(match: re.Match[str]) -> str:
        target = match[2]
        # Relative targets (no scheme) and http(s)/mailto stay; any other scheme is dropped.
        return match[1] + (target if is_safe_url(target) else "#")

    escaped = _UNSAFE_LINK_RE.sub(fix, escaped)
    return _REF_DEF_RE.sub(fix, escaped)


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
        lines += [
            "",
            "Links: "
            + ", ".join(
                f'<a href="{escape_html(url)}">{escape_html(url)}</a>'
                if _SAFE_URL_RE.match(url) and is_safe_url(url) and url.isascii()
                else escape_markdown(url)
                for url in entry.links
            ),
        ]
    lines += ["", _raw(BACKLINKS_PLACEHOLDER.format(id=entry.id), stash)]
    return "\n".join(lines)


def fill_backlinks(
    html: str, backlinks: Mapping[str, Mapping[str, Backlink]], href: Callable[[str], str]
) -> str:
    """Return ``html`` with each backlinks placeholder replaced by that entry's list.

    Briefings are listed newest first with date, title, mention count and the first sentence
    mentioning the entry. One regular-expression pass over the page.
    """

    def render(match: re.Match[str]) -> str:
        links = backlinks.get(match[1], {})
        if not links:
            return '<p class="glossary-backlinks glossary-backlinks--empty">Not mentioned yet.</p>'
        ordered = sorted(links.values(), key=lambda b: (b.date or date.min, b.url), reverse=True)
        rows = []
        for link in ordered:
            when = (
                f'<time datetime="{link.date.isoformat()}">{human_date(link.date)}</time> '
                if link.date
                else ""
            )
            times = "mention" if link.count == 1 else "mentions"
            rows.append(
                f'<li>{when}<a href="{escape_html(href(link.url))}">{escape_html(link.title)}</a>'
                f" ({link.count} {times})"
                f"<blockquote>{escape_html(link.sentence)}</blockquote></li>"
            )
        return (
            f'<div class="glossary-backlinks"><p>Mentioned in {len(rows)} '
            f"{'page' if len(rows) == 1 else 'pages'}:</p>\n<ul>\n"
            + "\n".join(rows)
            + "\n</ul></div>"
        )

    return _BACKLINKS_RE.sub(render, html)


def sources_page(
    registry: SourceRegistry,
    citations: Mapping[str, Mapping[str, Citation]],
    href: Callable[[str], str],
    names: Mapping[str, str] | None = None,
    stash: Stash | None = None,
) -> str:
    """Return the sources page: every source with its kind and the briefings citing it.

    Cited sources missing from the registry (glossary entries, unknown or anonymous
    sources) follow under their ``names`` as cited. With ``stash``, the citation lists
    (thousands of links on a large site) stay out of the Markdown.
    """
    parts = [
        _simple_front_matter("Sources"),
        "# Sources",
        "Who the briefings cite, and where.",
    ]
    known = {source.id for source in registry}
    for source in sorted(registry, key=lambda s: (s.name.casefold(), s.id)):
        name = escape_markdown(source.name)
        title = (
            f"[{name}](<{source.url}>)"
            if source.url and _SAFE_URL_RE.match(source.url) and source.url.isascii()
            else name
        )
        lines = [
            f"## {escape_markdown(source.name)} {{#{source.id} .source-entry "
            f'data-source="{source.id}"}}',
            "",
            _raw(f'<p class="source-kind">{escape_html(source.kind)}</p>', stash),
            "",
            (safe_markdown(source.description) + " " if source.description else "") + title,
            "",
            _raw(_citation_list(citations.get(source.id, {}), href), stash),
        ]
        parts.append("\n".join(lines))
    unregistered = sorted(set(citations) - known)
    if unregistered:
        parts.append("## Not in the registry {#unregistered}")
        for source_id in unregistered:
            name = escape_markdown((names or {}).get(source_id, source_id))
            parts.append(
                f"### {name} {{#{source_id}}}\n\n"
                + _raw(_citation_list(citations[source_id], href), stash)
            )
    return "\n\n".join(parts) + "\n"


def _citation_list(citations: Mapping[str, Citation], href: Callable[[str], str]) -> str:
    if not citations:
        return '<p class="source-citations source-citations--empty">Not cited yet.</p>'
    ordered = sorted(citations.values(), key=lambda c: (c.date, c.url), reverse=True)
    rows = [
        f'<li><time datetime="{c.date.isoformat()}">{human_date(c.date)}</time> '
        f'<a href="{escape_html(href(c.url))}">{escape_html(c.title)}</a> '
        f"({c.count} {'citation' if c.count == 1 else 'citations'})</li>"
        for c in ordered
    ]
    return '<ul class="source-citations">\n' + "\n".join(rows) + "\n</ul>"


def sourcing_page(
    records: Sequence[SourcingRecord], href: Callable[[str], str], stash: Stash | None = None
) -> str:
    """Return the editors' sourcing report page (not in the nav); with ``stash``, its HTML
    sections stay out of the Markdown."""
    parts = [
        _simple_front_matter("Sourcing report", search={"exclude": True}),
        "# Sourcing report",
        "Attributed and unattributed sentences per briefing, and the claims that carry no "
        "source. The same data is in `sourcing.json` next to this page.",
    ]
    for record in sorted(records, key=lambda r: r.path):
        rows = [
            f"<li><strong>{escape_html(cue)}</strong>: {escape_html(sentence)}</li>"
            for cue, sentence in record.claims
        ]
        section = (
            f'<section class="sourcing-record">\n<h2><a href="{escape_html(href(record.url))}">'
            f"{escape_html(record.title)}</a></h2>\n"
            f"<p>{record.attributed} of {record.sentences} sentences attributed; "
            f"{len(record.claims)} unattributed claims. Source file: "
            f"<code>{escape_html(record.path)}</code></p>\n"
            + ("<ul>\n" + "\n".join(rows) + "\n</ul>\n" if rows else "")
            + "</section>"
        )
        parts.append(_raw(section, stash))
    return "\n\n".join(parts) + "\n"


def sourcing_json(records: Sequence[SourcingRecord]) -> dict[str, object]:
    """Return the sourcing report as JSON-ready data, sorted by seed path."""
    return {
        "briefings": [
            {
                "path": r.path,
                "url": r.url,
                "title": r.title,
                "sentences": r.sentences,
                "attributed": r.attributed,
                "unattributed_claims": [{"cue": c, "sentence": s} for c, s in r.claims],
            }
            for r in sorted(records, key=lambda r: r.path)
        ]
    }


@dataclass(slots=True)
class Discovered:
    """An unreviewed entity across the site: the candidate and the briefings mentioning it."""

    candidate: Candidate
    mentions: list[Backlink] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


def discovered_page(
    entities: Sequence[Discovered], href: Callable[[str], str], stash: Stash | None = None
) -> str:
    """Return the page of unreviewed entities: name, type, evidence, where they appear.

    With ``stash``, each entity's HTML (meta line, evidence, mentions) stays out of the
    Markdown."""
    parts = [
        _simple_front_matter("Unreviewed entities"),
        "# Unreviewed entities",
        "Names found automatically in the briefings that the glossary does not know yet. "
        "They are highlighted with a dashed frame until an editor reviews them "
        "(`make suggest` writes them in the glossary's format).",
    ]
    if not entities:
        parts.append("None: every highlighted name is in the glossary.")
    for entity in entities:
        c = entity.candidate
        rows = [
            f'<li><a href="{escape_html(href(m.url))}">{escape_html(m.title)}</a> '
            f"({m.count} {'mention' if m.count == 1 else 'mentions'})"
            f"<blockquote>{escape_html(m.sentence)}</blockquote></li>"
            for m in sorted(
                entity.mentions, key=lambda m: (m.date or date.min, m.url), reverse=True
            )
        ]
        aliases = ", ".join(escape_html(a) for a in c.aliases)
        html = (
            f'<p class="glossary-meta"><span class="entity entity--{c.type} entity--unreviewed" '
            f'data-entity="{c.id}" data-entity-type="{c.type}">{c.type}</span>'
            f" · confidence {c.confidence:.2f}"
            + (f" · also: {aliases}" if aliases else "")
            + "</p>\n"
            + '<ul class="discovered-evidence">'
            + "".join(f"<li>{escape_html(e)}</li>" for e in c.evidence)
            + "</ul>\n"
            + '<div class="glossary-backlinks"><ul>\n'
            + "\n".join(rows)
            + "\n</ul></div>"
        )
        parts.append(
            f"## {escape_markdown(c.name)} {{#{c.id} .glossary-entry "
            f'data-entity="{c.id}" data-entity-type="{c.type}"}}\n\n' + _raw(html, stash)
        )
    return "\n\n".join(parts) + "\n"

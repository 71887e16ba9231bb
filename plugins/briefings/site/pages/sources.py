"""The sources pages and the editors' sourcing report, each split by month.

- ``sources.md``: the registered sources (kind, description, the newest briefings citing
  them), the glossary entries cited as sources, and links to the sources still to review;
- ``sources/review/<yyyy-mm>.md``: the sources first cited that month that no editor has
  reviewed (in neither the sources registry nor the glossary), with the sentence citing
  them; ``make suggest`` proposes them for ``sources.yml``;
- ``reports/sourcing.md`` and ``reports/sourcing/<yyyy-mm>.md``: attributed and
  unattributed sentences, sources by kind and unsourced claims per briefing.

No page lists every citation of the site: a source shows its newest
:data:`NEWEST_CITATIONS` briefings and a count, and the per-briefing lists are split by
month, so pages stay small however many briefings there are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from briefings.common.text import escape_html, escape_markdown
from briefings.content.duplicates import Duplicate
from briefings.entities.glossary import GlossaryEntry
from briefings.site.pages.common import (
    SAFE_URL_RE,
    _raw,
    _simple_front_matter,
    safe_markdown,
)
from briefings.site.records import Citation, SourceToReview, SourcingRecord
from briefings.site.render import Stash, human_date
from briefings.sourcing.registry import SourceRegistry

NEWEST_CITATIONS = 10
"""Briefings listed under a source; the rest are counted."""

UNMENTIONED_PLACEHOLDER = "<!--briefings:unmentioned-->"
"""Filled in once every page is built: glossary entries that no page mentions."""


def month_key(day: date) -> str:
    """Return the month ``day`` falls in, as "2022-09"."""
    return f"{day.year:04d}-{day.month:02d}"


def month_label(key: str) -> str:
    """Return "September 2022" for "2022-09"."""
    year, month = key.split("-")
    return f"{date(int(year), int(month), 1).strftime('%B')} {year}"


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def sources_page(
    registry: SourceRegistry,
    citations: Mapping[str, Mapping[str, Citation]],
    href: Callable[[str], str],
    page_href: Callable[[str], str],
    cited_entities: Sequence[tuple[str, str, str]],
    review_months: Sequence[tuple[str, str, int]],
    anonymous: int,
    stash: Stash | None = None,
) -> str:
    """Return the sources page.

    ``cited_entities`` are ``(source id, name, link)`` of glossary entries cited as sources;
    ``review_months`` are ``(month key, src URI, count)`` of the pages of sources to review
    (linked with ``page_href``);
    ``anonymous`` counts the anonymous sources cited.
    """
    parts = [
        _simple_front_matter("Sources"),
        "# Sources",
        "Who the briefings cite, and where.",
    ]
    for source in sorted(registry, key=lambda s: (s.name.casefold(), s.id)):
        name = escape_markdown(source.name)
        title = (
            f"[{name}](<{source.url}>)"
            if source.url and SAFE_URL_RE.match(source.url) and source.url.isascii()
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
    if cited_entities:
        rows = [
            f'<li data-source="{escape_html(source_id)}"><a href="{escape_html(link)}">'
            f"{escape_html(name)}</a> ({_plural(len(citations.get(source_id, {})), 'briefing')})"
            "</li>"
            for source_id, name, link in cited_entities
        ]
        parts.append("## Glossary entries cited as sources {#glossary-sources}")
        parts.append(_raw('<ul class="source-entities">\n' + "\n".join(rows) + "\n</ul>", stash))
    total = sum(count for _key, _uri, count in review_months)
    parts.append("## Not yet reviewed {#unreviewed}")
    if not total:
        parts.append("Every named source the briefings cite is in the registry or the glossary.")
    else:
        rows = [
            f'<li><a href="{escape_html(page_href(uri))}">{month_label(key)}</a> ({count})</li>'
            for key, uri, count in review_months
            if count
        ]
        parts.append(
            f"{_plural(total, 'source')} cited in the briefings "
            f"{'is' if total == 1 else 'are'} in neither the sources registry nor the "
            "glossary. By the month they were first cited:"
        )
        parts.append(_raw('<ul class="source-months">\n' + "\n".join(rows) + "\n</ul>", stash))
    if anonymous:
        parts.append(
            f"The briefings also cite {_plural(anonymous, 'anonymous source')} (officials, "
            "people familiar with a matter…), each named in its footnote as the text describes it."
        )
    return "\n\n".join(parts) + "\n"


def review_page(
    key: str,
    sources: Sequence[SourceToReview],
    citations: Mapping[str, Mapping[str, Citation]],
    href: Callable[[str], str],
    stash: Stash | None = None,
) -> str:
    """Return the page of the sources to review that were first cited in month ``key``."""
    title = f"Sources to review: {month_label(key)}"
    parts = [
        _simple_front_matter(title, search={"exclude": True}),
        "# " + escape_markdown(title),
        "Named sources the briefings cite that are in neither the sources registry nor the "
        "glossary. `make suggest` writes them to `review/sources-candidates.yml` in the "
        "format of `sources.yml`.",
    ]
    if not sources:
        parts.append("No new sources were first cited this month.")
    for source in sources:
        anchor = source.source_id.replace(":", "-")
        section = (
            f'<section class="source-review" id="{escape_html(anchor)}" '
            f'data-source="{escape_html(source.source_id)}">\n'
            f"<h2>{escape_html(source.name)}</h2>\n"
            f'<p class="source-kind">{escape_html(source.kind)} · cited in '
            f"{_plural(len(source.paths), 'briefing')}</p>\n"
            f"<blockquote>{escape_html(source.sentences[0])}</blockquote>\n"
            + _citation_list(citations.get(source.source_id, {}), href)
            + "\n</section>"
        )
        parts.append(_raw(section, stash))
    return "\n\n".join(parts) + "\n"


def _citation_list(citations: Mapping[str, Citation], href: Callable[[str], str]) -> str:
    if not citations:
        return '<p class="source-citations source-citations--empty">Not cited yet.</p>'
    ordered = sorted(citations.values(), key=lambda c: (c.date, c.url), reverse=True)
    rows = [
        f'<li><time datetime="{c.date.isoformat()}">{human_date(c.date)}</time> '
        f'<a href="{escape_html(href(c.url))}">{escape_html(c.title)}</a> '
        f"({_plural(c.count, 'citation')})</li>"
        for c in ordered[:NEWEST_CITATIONS]
    ]
    more = len(ordered) - NEWEST_CITATIONS
    if more > 0:
        rows.append(f'<li class="source-citations__more">and {_plural(more, "more briefing")}</li>')
    return '<ul class="source-citations">\n' + "\n".join(rows) + "\n</ul>"


def sourcing_index_page(
    months: Sequence[tuple[str, str, Sequence[SourcingRecord]]],
    href: Callable[[str], str],
    duplicates: Sequence[Duplicate] = (),
    languages: Sequence[tuple[str, str]] = (),
    stale: Sequence[str] = (),
    stash: Stash | None = None,
) -> str:
    """Return the sourcing report's index: totals per month, and a slot for the glossary
    entries no page mentions (see :data:`UNMENTIONED_PLACEHOLDER`)."""
    parts = [
        _simple_front_matter("Sourcing report", search={"exclude": True}),
        "# Sourcing report",
        "Attributed and unattributed sentences per briefing, the sources they cite by kind, "
        "and the claims that carry no source, by month. The same data is in `sourcing.json` "
        "next to this page (totals by month) and `sourcing/<month>.json` (each month's "
        "briefings).",
    ]
    rows = []
    for key, uri, records in months:
        attributed = sum(r.attributed for r in records)
        sentences = sum(r.sentences for r in records)
        claims = sum(len(r.claims) for r in records)
        rows.append(
            f'<tr><td><a href="{escape_html(href(uri))}">{month_label(key)}</a></td>'
            f"<td>{len(records)}</td><td>{attributed} of {sentences}</td><td>{claims}</td></tr>"
        )
    if rows:
        parts.append(
            _raw(
                '<table class="sourcing-months">\n<thead><tr><th>Month</th><th>Briefings</th>'
                "<th>Sentences attributed</th><th>Unattributed claims</th></tr></thead>\n"
                "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>",
                stash,
            )
        )
    parts.append("## Possible duplicates {#duplicates}")
    if duplicates:
        rows = [
            f"<li><code>{escape_html(d.first)}</code> and <code>{escape_html(d.second)}</code>: "
            f"{round(d.similarity * 100)}% of their word sequences are the same</li>"
            for d in duplicates
        ]
        parts.append("Both are published; delete one of the files if it is the same story twice.")
        parts.append(
            _raw('<ul class="sourcing-duplicates">\n' + "\n".join(rows) + "\n</ul>", stash)
        )
    else:
        parts.append("No two seeds are near-identical.")
    parts.append("## Seeds not in English {#languages}")
    if languages:
        rows = [
            f"<li><code>{escape_html(path)}</code>: {escape_html(language)}</li>"
            for path, language in languages
        ]
        parts.append(
            "Published with their text as written and no entity marks or source footnotes: "
            "the annotation rules are English ones."
        )
        listing = '<ul class="sourcing-languages">\n' + "\n".join(rows) + "\n</ul>"
        parts.append(_raw(listing, stash))
    else:
        parts.append("Every seed is in English.")
    parts.append("## Decisions that match nothing {#stale-decisions}")
    if stale:
        rows = [f"<li><code>{escape_html(line)}</code></li>" for line in stale]
        parts.append("Check them against the seeds, or remove them from the decisions file.")
        listing = '<ul class="sourcing-stale">\n' + "\n".join(rows) + "\n</ul>"
        parts.append(_raw(listing, stash))
    else:
        parts.append("Every editor's decision applies to some briefing.")
    parts.append("## Glossary entries no page mentions {#unmentioned}")
    parts.append(_raw(UNMENTIONED_PLACEHOLDER, stash))
    return "\n\n".join(parts) + "\n"


def sourcing_month_page(
    key: str,
    records: Sequence[SourcingRecord],
    href: Callable[[str], str],
    stash: Stash | None = None,
) -> str:
    """Return one month of the sourcing report (not in the nav)."""
    title = f"Sourcing report: {month_label(key)}"
    parts = [_simple_front_matter(title, search={"exclude": True}), "# " + escape_markdown(title)]
    if not records:
        parts.append("No briefings this month.")
    for record in sorted(records, key=lambda r: r.path):
        rows = [
            f"<li><strong>{escape_html(cue)}</strong>: {escape_html(sentence)}</li>"
            for cue, sentence in record.claims
        ]
        kinds = ", ".join(f"{count} {escape_html(kind)}" for kind, count in record.sources_by_kind)
        section = (
            f'<section class="sourcing-record">\n<h2><a href="{escape_html(href(record.url))}">'
            f"{escape_html(record.title)}</a></h2>\n"
            f"<p>{record.attributed} of {record.sentences} sentences attributed; "
            f"{_plural(len(record.claims), 'unattributed claim')}. "
            f"Sources by kind: {kinds or 'none'}. "
            f"Source file: <code>{escape_html(record.path)}</code></p>\n"
            + ("<ul>\n" + "\n".join(rows) + "\n</ul>\n" if rows else "")
            + "</section>"
        )
        parts.append(_raw(section, stash))
    return "\n\n".join(parts) + "\n"


def unmentioned_html(entries: Sequence[GlossaryEntry]) -> str:
    """Return the list of glossary entries no page mentions."""
    if not entries:
        return '<p class="glossary-unmentioned">Every glossary entry is mentioned.</p>'
    rows = [
        f"<li><code>{escape_html(entry.id)}</code> ({escape_html(entry.name)}), "
        f"<code>{escape_html(entry.path)}{f':{entry.line}' if entry.line else ''}</code></li>"
        for entry in entries
    ]
    return (
        f'<p class="glossary-unmentioned">{_plural(len(rows), "entry", "entries")} of the glossary '
        "no page mentions yet: check their names and aliases against the articles, or keep "
        'them for articles to come.</p>\n<ul class="glossary-unmentioned">\n'
        + "\n".join(rows)
        + "\n</ul>"
    )


def sourcing_json(records: Sequence[SourcingRecord], month_file: str) -> dict[str, object]:
    """Return the sourcing report's index as JSON-ready data: per month, newest first, the
    totals and the file holding its briefings (``month_file`` with ``{month}`` in it,
    relative to the index); :func:`sourcing_month_json` writes those files."""
    by_month = _records_by_month(records)
    return {
        "months": [
            {
                "month": month,
                "briefings": len(rows),
                "sentences": sum(r.sentences for r in rows),
                "attributed": sum(r.attributed for r in rows),
                "unattributed_claims": sum(len(r.claims) for r in rows),
                "data": month_file.format(month=month),
            }
            for month, rows in sorted(by_month.items(), reverse=True)
        ]
    }


def sourcing_month_json(records: Sequence[SourcingRecord]) -> dict[str, dict[str, object]]:
    """Return the sourcing report's data by month: each month's briefings, by seed path."""
    return {
        month: {
            "month": month,
            "briefings": [
                {
                    "path": r.path,
                    "url": r.url,
                    "title": r.title,
                    "sentences": r.sentences,
                    "attributed": r.attributed,
                    "sources_by_kind": dict(r.sources_by_kind),
                    "unattributed_claims": [{"cue": c, "sentence": s} for c, s in r.claims],
                }
                for r in sorted(rows, key=lambda r: r.path)
            ],
        }
        for month, rows in _records_by_month(records).items()
    }


def _records_by_month(records: Sequence[SourcingRecord]) -> dict[str, list[SourcingRecord]]:
    by_month: dict[str, list[SourcingRecord]] = {}
    for record in records:
        by_month.setdefault(record.month, []).append(record)
    return by_month

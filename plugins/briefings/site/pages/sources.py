"""The sources page (registered sources and who cites them) and the editors' sourcing report."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from briefings.common.text import escape_html, escape_markdown
from briefings.site.pages.common import (
    SAFE_URL_RE,
    _raw,
    _simple_front_matter,
    safe_markdown,
)
from briefings.site.records import Citation, SourcingRecord
from briefings.site.render import Stash, human_date
from briefings.sourcing.registry import SourceRegistry


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

"""The editors' pages: the unreviewed entities (names discovery found that the glossary does
not know yet) and, in the preview only, the build's problems."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from briefings.common.errors import Problem
from briefings.common.text import escape_html, escape_markdown
from briefings.site.pages.common import (
    _raw,
    _simple_front_matter,
)
from briefings.site.records import Discovered
from briefings.site.render import Stash

MENTIONS_SHOWN = 5


def discovered_page(
    entities: Sequence[Discovered],
    href: Callable[[str], str],
    stash: Stash | None = None,
    page_href: Callable[[str], str | None] = lambda _id: None,
) -> str:
    """Return the page of unreviewed entities: name, type, evidence, where they appear.

    With ``stash``, each entity's HTML (meta line, evidence, mentions) stays out of the
    Markdown. An entity with a page of its own (``page_href(id)``, seen in several
    briefings) links to it, which lists them all; any other lists its newest
    :data:`MENTIONS_SHOWN` briefings and counts the rest (``make suggest`` writes every
    sentence for the editors)."""
    parts = [
        _simple_front_matter("Unreviewed entities"),
        "# Unreviewed entities",
        "Names found automatically in the briefings that the glossary does not know yet. "
        "The editors' preview (`make serve`) frames them until an editor reviews them "
        "(`make suggest` writes them in the glossary's format).",
    ]
    if not entities:
        parts.append("None: every highlighted name is in the glossary.")
    for entity in entities:
        c = entity.candidate
        own_page = page_href(c.id)
        newest = sorted(entity.mentions, key=lambda m: (m.date or date.min, m.url), reverse=True)
        if own_page is not None:
            count = len(newest)
            newest = newest[:1]
        rows = [
            f'<li><a href="{escape_html(href(m.url))}">{escape_html(m.title)}</a> '
            f"({m.count} {'mention' if m.count == 1 else 'mentions'})"
            f"<blockquote>{escape_html(m.sentence)}</blockquote></li>"
            for m in newest[:MENTIONS_SHOWN]
        ]
        more = len(newest) - MENTIONS_SHOWN
        if own_page is not None:
            rows.append(
                f'<li class="discovered-more"><a href="{escape_html(own_page)}">All {count} '
                f"briefings on {escape_html(c.name)}</a></li>"
            )
        elif more > 0:
            rows.append(
                f'<li class="discovered-more">and {more} earlier '
                f"{'briefing' if more == 1 else 'briefings'}</li>"
            )
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


def problems_page(problems: Sequence[Problem]) -> str:
    """Return the preview's "Build problems" page: each problem once, with its file, line
    and fix, so a broken seed is seen in the browser as well as in the terminal."""
    parts = [_simple_front_matter("Build problems", search={"exclude": True}), "# Build problems"]
    if not problems:
        parts.append("No problems: every seed, the glossary and the sources were read.")
        return "\n\n".join(parts) + "\n"
    parts.append(
        "Fix these and save: the preview rebuilds. A seed that cannot be read is left out "
        "until it is fixed; everything else is published."
    )
    rows = [
        f'<li class="build-problem"><code>{escape_html(p.path)}'
        f"{f':{p.line}' if p.line else ''}</code>: {escape_html(p.reason)}"
        + (f" <em>({escape_html(p.hint)})</em>" if p.hint else "")
        + "</li>"
        for p in problems
    ]
    parts.append('<ul class="build-problems">\n' + "\n".join(rows) + "\n</ul>")
    return "\n\n".join(parts) + "\n"

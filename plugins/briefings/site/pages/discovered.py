"""The unreviewed-entities page: names discovery found that the glossary does not know yet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from briefings.common.text import escape_html, escape_markdown
from briefings.site.pages.common import (
    _raw,
    _simple_front_matter,
)
from briefings.site.records import Discovered
from briefings.site.render import Stash


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

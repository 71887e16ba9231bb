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


_INTRO = (
    "Names found automatically in the briefings that the glossary does not know yet. "
    "The editors' preview (`make serve`) frames them until an editor reviews them "
    "(`make suggest` writes them in the glossary's format)."
)


def _initial_name(initial: str) -> str:
    return initial.upper() if initial != "0" else "0–9 and others"


def discovered_index_page(
    initials: Sequence[tuple[str, str, int]], total: int, stash: Stash | None = None
) -> str:
    """Return the index of the review list: ``initials`` are (initial, link to its page,
    how many unreviewed entities it holds); ``total`` how many there are in all."""
    parts = [_simple_front_matter("Unreviewed entities"), "# Unreviewed entities", _INTRO]
    if not total:
        parts.append("None: every highlighted name is in the glossary.")
        return "\n\n".join(parts) + "\n"
    noun = "entity" if total == 1 else "entities"
    parts.append(f"{total} unreviewed {noun}, by the initial of their id:")
    rows = [
        f'<li><a href="{escape_html(target)}">{escape_html(_initial_name(initial))}</a> '
        f"({count})</li>"
        for initial, target, count in initials
        if count
    ]
    parts.append(_raw('<ul class="discovered-initials">\n' + "\n".join(rows) + "\n</ul>", stash))
    return "\n\n".join(parts) + "\n"


def discovered_page(
    entities: Sequence[Discovered],
    href: Callable[[str], str],
    stash: Stash | None = None,
    page_href: Callable[[str], str | None] = lambda _id: None,
    initial: str = "",
) -> str:
    """Return a page of unreviewed entities (those under ``initial``, or all): name, type,
    evidence, where they appear.

    With ``stash``, each entity's HTML (meta line, evidence, mentions) stays out of the
    Markdown. An entity with a page of its own (``page_href(id)``, seen in several
    briefings) links to it, which lists them all; any other lists its newest
    :data:`MENTIONS_SHOWN` briefings and counts the rest (``make suggest`` writes every
    sentence for the editors)."""
    title = "Unreviewed entities" + (f": {_initial_name(initial)}" if initial else "")
    # An empty page of an initial stays out of the search index (27 alike would be found).
    hidden = {"search": {"exclude": True}} if initial and not entities else {}
    parts = [_simple_front_matter(title, **hidden), "# " + escape_markdown(title), _INTRO]
    if not entities:
        parts.append(
            "None under this initial."
            if initial
            else "None: every highlighted name is in the glossary."
        )
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

"""Rendering primitives: entity marks, the page stash, the meta line, box and figures.

Rendering turns plain data (character spans, footnote markers, entity targets) into markup
in which every character of seed text is escaped (:mod:`briefings.common.text`), and entity
mentions are one element each, following the markup contract: text as written,
``class="entity entity--<type>"``, ``data-entity="<id>"`` and ``data-entity-type="<type>"``.
Footnote markup is in :mod:`briefings.site.footnote_html`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from briefings.common.text import escape_html, escape_markdown
from briefings.content.seed_model import Provenance
from briefings.site.model import EntityTarget, Marker, Span

TYPE_LABELS: Mapping[str, str] = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "equipment": "Weapons and equipment",
    "event": "Events",
    "other": "Other",
}
# One entity's type in a word: entity pages and cards.
TYPE_WORDS: Mapping[str, str] = {
    "person": "Person",
    "organization": "Organisation",
    "place": "Place",
    "equipment": "Weapon or equipment",
    "event": "Event",
    "other": "Other",
}


# How the box's summary counts each type: "1 person, 12 people".
COUNT_NOUNS: Mapping[str, tuple[str, str]] = {
    "person": ("person", "people"),
    "organization": ("organisation", "organisations"),
    "place": ("place", "places"),
    "equipment": ("weapon or piece of equipment", "weapons and equipment"),
    "event": ("event", "events"),
    "other": ("other name", "other names"),
}
Escape = Callable[[str], str]

# Placeholders for HTML kept out of the Markdown source: private-use characters around a
# number. Seed text never contains them (escape_markdown writes them as references).
_INLINE_OPEN, _INLINE_CLOSE, _BLOCK_OPEN, _BLOCK_CLOSE = "\ue000", "\ue001", "\ue002", "\ue003"
_PLACEHOLDER_RE = re.compile(
    f"<p>{_BLOCK_OPEN}(\\d+){_BLOCK_CLOSE}</p>|{_BLOCK_OPEN}(\\d+){_BLOCK_CLOSE}"
    f"|{_INLINE_OPEN}(\\d+){_INLINE_CLOSE}"
)


class Stash:
    """HTML fragments of one page, written into its Markdown as placeholders.

    Raw HTML in Markdown is expensive: Python-Markdown and MkDocs each parse every tag of
    it again. A briefing's entity marks, meta line, entities box and figures are HTML the
    renderer already made, so the Markdown carries only placeholders and :meth:`restore`
    puts the HTML back into the converted page in one regular-expression pass.
    """

    def __init__(self, fragments: Sequence[str] = ()) -> None:
        """Start empty, or with the ``fragments`` of a page rendered before (cached)."""
        self._fragments: list[str] = list(fragments)

    @property
    def fragments(self) -> list[str]:
        """The stashed HTML, in placeholder order."""
        return list(self._fragments)

    def inline(self, html: str) -> str:
        """Return the placeholder of inline ``html`` (inside a paragraph)."""
        self._fragments.append(html)
        return f"{_INLINE_OPEN}{len(self._fragments) - 1}{_INLINE_CLOSE}"

    def block(self, html: str) -> str:
        """Return the placeholder of block ``html``: a Markdown block of its own."""
        self._fragments.append(html)
        return f"{_BLOCK_OPEN}{len(self._fragments) - 1}{_BLOCK_CLOSE}"

    def __len__(self) -> int:
        return len(self._fragments)

    def restore(self, html: str) -> str:
        """Return the converted page ``html`` with every placeholder replaced by its HTML.

        A block placeholder's paragraph wrapper (``<p>…</p>``) is dropped with it.
        """
        fragments = self._fragments

        def put_back(match: re.Match[str]) -> str:
            index = int(match[1] or match[2] or match[3])
            return fragments[index] if index < len(fragments) else match[0]

        return _PLACEHOLDER_RE.sub(put_back, html)


@functools.lru_cache(maxsize=8192)  # a page repeats the same few tags; escaping them is costly
def entity_open_tag(target: EntityTarget, linked: bool, escape: Escape = escape_html) -> str:
    """Return the opening tag of an entity mention (``<a>`` when linked, else ``<span>``)."""
    attrs = " ".join(
        f'{name}="{escape(value)}"' for name, value in target.attributes(linked).items()
    )
    return f"<a {attrs}>" if linked else f"<span {attrs}>"


def _markdown_footnote(label: str) -> str:
    return f"[^{label}]"


def annotate_text(
    text: str,
    spans: Sequence[Span],
    markers: Sequence[Marker],
    targets: Mapping[str, EntityTarget],
    should_link: Callable[[str], bool],
    escape: Escape = escape_markdown,
    stash: Stash | None = None,
    footnote: Callable[[str], str] = _markdown_footnote,
) -> str:
    """Return ``text`` escaped with ``escape``, mentions wrapped and footnote markers inserted.

    ``spans`` must not overlap; spans whose entry has no target are left as plain text.
    ``should_link(entry_id)`` decides per mention, in reading order, whether it is a link.
    A marker that falls inside a mention is moved to the mention's end; ``footnote(label)``
    writes it (Markdown ``[^label]`` by default). With ``stash``, each mention's HTML goes
    into it and only its placeholder into the returned text.
    """
    out: list[str] = []
    position = 0
    pending = sorted(markers, key=lambda m: m.offset)
    marker_index = 0

    def flush_markers(upto: int) -> None:
        nonlocal marker_index
        while marker_index < len(pending) and pending[marker_index].offset <= upto:
            out.append(footnote(pending[marker_index].label))
            marker_index += 1

    def emit_plain(end: int) -> None:
        nonlocal position
        while marker_index < len(pending) and pending[marker_index].offset <= end:
            offset = max(pending[marker_index].offset, position)
            out.append(escape(text[position:offset]))
            position = offset
            flush_markers(offset)
        out.append(escape(text[position:end]))
        position = end

    for span in spans:
        target = targets.get(span.entry_id)
        if target is None or span.start < position:
            continue
        emit_plain(span.start)
        linked = should_link(span.entry_id)
        close = "</a>" if linked else "</span>"
        if stash is not None:
            mention = text[span.start : span.end]
            out.append(stash.inline(entity_open_tag(target, linked) + escape_html(mention) + close))
        else:
            out.append(entity_open_tag(target, linked, escape))
            out.append(escape(text[span.start : span.end]))
            out.append(close)
        position = span.end
    emit_plain(len(text))
    flush_markers(len(text))
    return "".join(out)


class LinkPolicy:
    """Decides which mentions are links: every one, or the first per entity in each section."""

    def __init__(self, mode: str) -> None:
        self._first_only = mode == "first"
        self._seen: set[str] = set()

    def new_section(self) -> None:
        """Start a new section: the next mention of every entity is linked again."""
        self._seen.clear()

    def __call__(self, entry_id: str) -> bool:
        if not self._first_only:
            return True
        if entry_id in self._seen:
            return False
        self._seen.add(entry_id)
        return True


def human_date(value: date) -> str:
    """Return ``value`` as '7 September 2022'."""
    return f"{value.day} {value.strftime('%B')} {value.year}"


def meta_line_html(
    published: date, minutes: int, path: str, provenance: Provenance | None = None
) -> str:
    """Return the briefing's date/reading-time line as a raw HTML block, and where the
    article came from (outlet, byline, original article, date retrieved) when recorded."""
    line = (
        '<p class="briefing-meta">'
        f'<time datetime="{published.isoformat()}">{human_date(published)}</time>'
        f' · <span class="briefing-reading-time">{minutes} min read</span>'
        f' · <span class="briefing-source-file">{escape_html(path)}</span></p>'
    )
    if not provenance:
        return line
    parts = []
    if provenance.outlet:
        parts.append(f'<span class="briefing-outlet">{escape_html(provenance.outlet)}</span>')
    if provenance.byline:
        parts.append(f'<span class="briefing-byline">By {escape_html(provenance.byline)}</span>')
    if provenance.url:
        href = escape_html(provenance.url)
        parts.append(f'<a class="briefing-original" href="{href}">original article</a>')
    if provenance.retrieved:
        when = provenance.retrieved
        parts.append(f'retrieved <time datetime="{when.isoformat()}">{human_date(when)}</time>')
    return line + '\n<p class="briefing-provenance">' + " · ".join(parts) + "</p>"


def entities_box_html(
    counts: Mapping[str, int], targets: Mapping[str, EntityTarget], escape: Escape = escape_html
) -> str:
    """Return the 'in this briefing' box: mentioned entities grouped by type, each linked.

    Types appear in glossary order; entities by name. The box is a ``<details>`` element,
    closed: its summary counts the entities by type in one line, so on a phone it takes a
    line or two above the first paragraph; a click, a tap or Enter opens the full list.
    Returns "" when nothing is mentioned.
    """
    by_type: dict[str, list[EntityTarget]] = {}
    for entry_id in counts:
        target = targets.get(entry_id)
        if target is not None:
            by_type.setdefault(target.type, []).append(target)
    if not by_type:
        return ""
    rows = []
    tally = []
    for entity_type, label in TYPE_LABELS.items():
        members = sorted(by_type.get(entity_type, ()), key=lambda t: (t.name.casefold(), t.id))
        if not members:
            continue
        singular, plural = COUNT_NOUNS[entity_type]
        tally.append(f"{len(members)} {singular if len(members) == 1 else plural}")
        links = ", ".join(
            entity_open_tag(t, linked=True, escape=escape) + f"{escape(t.name)}</a>"
            for t in members
        )
        rows.append(
            f'<div class="briefing-entities__group" data-entity-type="{entity_type}">'
            f'<span class="briefing-entities__type">{label}:</span> {links}</div>'
        )
    return (
        # Not indexed for search: every name in it is in the text, which is.
        '<aside class="briefing-entities" aria-label="Entities in this briefing" '
        'data-search-exclude>\n<details class="briefing-entities__details">\n'
        '<summary class="briefing-entities__title">In this briefing: '
        + ", ".join(tally)
        + "</summary>\n"
        + "\n".join(rows)
        + "\n</details>\n</aside>"
    )


def caption_html(caption: str, credit_label: str, credit: str) -> str:
    """Return a figure whose caption is the (already annotated) ``caption`` and its credit."""
    return (
        '<figure class="briefing-figure">\n'
        '<div class="briefing-figure__placeholder" aria-hidden="true"></div>\n'
        f"<figcaption>{caption} "
        f'<span class="briefing-credit">{escape_html(credit_label)} '
        f"{escape_html(credit)}</span></figcaption>\n"
        "</figure>"
    )


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def label_search_dialog(html: str) -> str:
    """Return ``html`` with an accessible name on Material's search dialog (axe rule
    aria-dialog-name); Material's template gives the dialog none."""
    return html.replace(
        _SEARCH_DIALOG,
        _SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Search"'),
        1,
    )


# An entity mark of the markup contract holding text only, as the renderer writes them.
_TEXT_MARK_RE = re.compile(r'<(a|span) class="entity entity--[^"]*"[^>]*>([^<]*)</\1>')


def without_marks(html: str) -> str:
    """Return ``html`` with every entity mark that holds only text replaced by that text.

    What a search index makes of a page is its text: given the page without its marks
    (about a hundred elements in a briefing at real density), Material's search parser
    does a third of the work for the same index.
    """
    return _TEXT_MARK_RE.sub(r"\2", html)


def join_blocks(blocks: Iterable[str]) -> str:
    """Join Markdown blocks with blank lines, ending with a newline."""
    return "\n\n".join(b for b in blocks if b) + "\n"

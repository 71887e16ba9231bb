"""Source footnotes written as HTML or Markdown: references, definitions and their text.

The footnote plan (:mod:`briefings.sourcing.model`) says which source each footnote names,
how and when its statements reached us; this module writes it the way Python-Markdown's
``footnotes`` extension does, plus ``data-source`` on every reference (the markup
contract), and escapes every piece of seed or registry text it writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from briefings.common.text import escape_html, escape_markdown
from briefings.sourcing.model import Footnote, ResolvedDate

_QUANTIFIER_RE = re.compile(
    r"^(?:two|three|four|five|six|several|some|many|multiple|\d+)\b", re.IGNORECASE
)
# URLs written into link syntax as they are: http(s), nothing that could end the link early.
_SAFE_URL_RE = re.compile(r"https?://[^\s<>()\[\]\"'`\\]+")
# A link to a glossary entry on another page of the site: "../glossary.md#vladimir-putin".
_PAGE_LINK_RE = re.compile(r"(?:\.\./)*(?:[\w-]+/)*[\w-]+\.md#[a-z0-9]+(?:-[a-z0-9]+)*")
# The same link once the site's URLs are known: "../../glossary/#vladimir-putin", or a page
# of the site: "../../entities/vladimir-putin/" ("...vladimir-putin.html" without directory URLs).
_SITE_LINK_RE = re.compile(
    r"(?:\./|(?:\.\./)+)?(?:[\w-]+/)*"
    r"(?:(?:[\w-]+\.html)?#[a-z0-9]+(?:-[a-z0-9]+)*|[\w-]+/|[\w-]+\.html)"
)


def _backref_html(label: str, number: int, use: int, lettered: bool) -> str:
    """Return the link from footnote ``number`` back to its ``use``-th reference."""
    href = escape_html(_footnote_ref_id(label, use))
    if not lettered:
        title = f"Jump back to footnote {number} in the text"
        return f'<a class="footnote-backref" href="#{href}" title="{title}">&#8617;</a>'
    letter = _letter(use)
    title = f"Jump back to citation {letter} of footnote {number} in the text"
    return (
        f'<a class="footnote-backref" href="#{href}" title="{title}">&#8617;<sup>{letter}</sup></a>'
    )


def _letter(use: int) -> str:
    """Return the letter of the ``use``-th citation: a … z, then aa, ab …"""
    letters = ""
    while use > 0:
        use, rest = divmod(use - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _footnote_ref_id(label: str, use: int) -> str:
    """Python-Markdown's id of the ``use``-th reference to footnote ``label``."""
    return f"fnref:{label}" if use == 1 else f"fnref{use}:{label}"


class FootnoteHtml:
    """Source footnotes of one page written as HTML, exactly as Python-Markdown's
    ``footnotes`` extension writes them (so Material's footnote styles and tooltips, and
    every tool reading the markup contract, see no difference), plus ``data-source``.

    Numbers follow the order of first reference; the n-th reference to a footnote gets the
    id ``fnref<n>:<label>`` (``fnref:<label>`` for the first) and its own back-reference.
    """

    def __init__(self, sources_by_label: Mapping[str, str]) -> None:
        self._sources = sources_by_label
        self._numbers: dict[str, int] = {}
        self._uses: dict[str, int] = {}

    def reference(self, label: str) -> str:
        """Return the HTML of the next reference to footnote ``label``."""
        number = self._numbers.setdefault(label, len(self._numbers) + 1)
        use = self._uses[label] = self._uses.get(label, 0) + 1
        ref_id = _footnote_ref_id(label, use)
        source = escape_html(self._sources.get(label, ""))
        return (
            f'<sup id="{escape_html(ref_id)}" data-source="{source}">'
            f'<a class="footnote-ref" data-source="{source}" href="#fn:{escape_html(label)}">'
            f"{number}</a></sup>"
        )

    def definitions(self, texts: Mapping[str, str]) -> str:
        """Return the footnotes block for the referenced labels; ``texts`` holds their HTML."""
        if not self._numbers:
            return ""
        items = []
        for label, number in sorted(self._numbers.items(), key=lambda item: item[1]):
            uses = self._uses[label]
            # A source cited several times gets one lettered link back to each citation.
            backrefs = "".join(
                _backref_html(label, number, use, uses > 1) for use in range(1, uses + 1)
            )
            items.append(
                f'<li id="fn:{escape_html(label)}">\n<p>{texts[label]}&#160;{backrefs}</p>\n</li>'
            )
        return '<div class="footnote">\n<hr />\n<ol>\n' + "\n".join(items) + "\n</ol>\n</div>"


_FOOTNOTE_REF_RE = re.compile(r'<sup id="(fnref\d*:([^"]+))"><a class="footnote-ref" href="#fn:')


def add_source_attributes(html: str, sources_by_label: Mapping[str, str]) -> str:
    """Return ``html`` with ``data-source`` on the footnote references of generated footnotes.

    ``sources_by_label`` maps footnote labels to source ids; other footnotes are untouched.
    Works on Python-Markdown's footnote output without parsing the page.
    """
    if not sources_by_label:
        return html

    def add(match: re.Match[str]) -> str:
        source_id = sources_by_label.get(match[2])
        if source_id is None:
            return match[0]
        value = escape_html(source_id)
        return (
            f'<sup id="{match[1]}" data-source="{value}">'
            f'<a class="footnote-ref" data-source="{value}" href="#fn:'
        )

    return _FOOTNOTE_REF_RE.sub(add, html)


def _dates_text(dates: tuple[ResolvedDate | None, ...]) -> str:
    """Return the distinct dates of the uses, in order, joined by "; "."""
    shown: list[str] = []
    for resolved in dates:
        if resolved is not None and resolved.display() not in shown:
            shown.append(resolved.display())
    return "; ".join(shown)


def footnote_markdown(note: Footnote) -> str:
    """Return the definition text of ``note`` as Markdown, every text fragment escaped.

    "[US intelligence](https://…) (government) — declassified US intelligence report,
    accessed by the Associated Press — 6 September 2022". The source name links to its URL
    when the registry gives one; an anonymous source reads "Anonymous defence official".
    The result is one line, with no raw HTML. A URL that is not a plain http(s) URL (or a
    link to a glossary page of the site) is left out rather than escaped.
    """
    linkable = bool(_SAFE_URL_RE.fullmatch(note.url) or _PAGE_LINK_RE.fullmatch(note.url))
    return _footnote_text(
        note,
        escape_markdown,
        (lambda text: f"[{text}]({note.url})") if linkable else None,
        ("&#40;", "&#41;"),
    )


def footnote_html(note: Footnote) -> str:
    """Return the definition text of ``note`` as HTML: :func:`footnote_markdown`'s words.

    A source URL is linked when it is a plain http(s) URL or a site-relative link to a
    glossary entry ("../../glossary/#vladimir-putin"); anything else is left out.
    """
    linkable = bool(_SAFE_URL_RE.fullmatch(note.url) or _SITE_LINK_RE.fullmatch(note.url))
    return _footnote_text(
        note,
        escape_html,
        (lambda text: f'<a href="{escape_html(note.url)}">{text}</a>') if linkable else None,
        ("(", ")"),
    )


def _footnote_text(
    note: Footnote,
    escape: Callable[[str], str],
    link: Callable[[str], str] | None,
    parentheses: tuple[str, str],
) -> str:
    """Compose a footnote's text: source (linked by ``link``), kind, channel, dates."""
    name = " ".join(note.source_name.split())
    if note.anonymous and note.kind == "unnamed":
        head = escape(f"Unnamed {name}")  # "the court said", no court named before
    elif note.anonymous:
        if _QUANTIFIER_RE.match(name):
            head = "Anonymous sources: " + escape(name)
        else:
            head = escape(f"Anonymous {name}")
    elif link is not None:
        head = link(escape(name))
    else:
        head = escape(name[:1].upper() + name[1:])
    if not note.anonymous:
        # "Dmitry Peskov (person; spokesman, Kremlin)", "World Food Programme (WFP; organisation)"
        about = ", ".join(" ".join(part.split()) for part in (note.role, note.affiliation) if part)
        details = "; ".join(part for part in (note.short, note.kind, about) if part)
        if details:
            head += f" {parentheses[0]}{escape(details)}{parentheses[1]}"
    parts = [head]
    channel = " ".join(note.channel.split())
    if channel:
        parts.append(escape(channel))
    dates = _dates_text(note.dates)
    if dates:
        parts.append(escape(dates))
    return " — ".join(parts)


_ADJACENT_REFS_RE = re.compile(r'(?<=</a></sup>)(?=<sup id="fnref)')
FOOTNOTE_SEPARATOR = '<sup class="footnote-sep">,</sup>'
"""Written between two footnote references that touch, so "said.⁵⁶" reads "said.⁵,⁶"."""


def separate_adjacent_references(html: str) -> str:
    """Return ``html`` with a separator between footnote references that touch.

    Python-Markdown writes two references in a row as two adjacent ``<sup>`` elements, which
    read (and are indexed for search) as one number: "56" for footnotes 5 and 6.
    """
    return _ADJACENT_REFS_RE.sub(FOOTNOTE_SEPARATOR, html)

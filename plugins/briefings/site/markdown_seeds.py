"""Markdown seeds: source footnote markers go into prose blocks of the author's Markdown.

Author-written footnotes (``[^1]``, ``[^note]``) are kept; generated labels never collide
with them, and Python-Markdown numbers both kinds together in order of first reference.
"""

from __future__ import annotations

import re
from datetime import date

from briefings.common.text import escape_markdown
from briefings.content.language import ENGLISH
from briefings.site.crosspage import SiteIndex
from briefings.site.footnote_html import footnote_markdown
from briefings.site.pages.common import front_matter
from briefings.site.records import Briefing
from briefings.site.render import join_blocks, meta_line_html
from briefings.sourcing.footnotes import FootnotePlanner
from briefings.sourcing.model import Footnote, UnreviewedSource
from briefings.sourcing.registry import SourceRegistry

_LABEL_RE = re.compile(r"\[\^([^\]\s]+)\]")
_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# Blocks that are not prose: headings, indented code, quotes, tables, HTML, lists,
# footnote definitions, admonitions, attribute lists.
_NOT_PROSE_RE = re.compile(r"\s{0,3}(#|>|\||<|[-*+] |\d+[.)] |\[\^|!!!|\?\?\?|\{:)|\s{4}|\t")


# Inline constructs whose inside is not prose: code spans, links and images (the URL part),
# autolinks and raw HTML tags, author footnote references.
_INLINE_SYNTAX_RE = re.compile(
    r"(?P<code>`+)(?:.|\n)*?(?P=code)"
    r"|!?\[(?P<text>[^\]\n]*)\]\([^)\n]*\)"
    r"|<[^>\n]*>"
    r"|\[\^[^\]\s]+\]"
)


def prose_view(block: str) -> tuple[str, list[tuple[int, int]]]:
    """Return ``block`` with Markdown inline syntax blanked out (same length, same offsets),
    and the spans a footnote marker must not fall inside.

    Link text stays readable, so "the agency said" inside ``[…](url)`` still counts; code,
    URLs and tags become spaces, so "`Reuters said`" in code is no attribution.
    """
    chars = list(block)
    protected: list[tuple[int, int]] = []
    for match in _INLINE_SYNTAX_RE.finditer(block):
        start, end = match.span()
        keep = match.span("text") if match["text"] is not None else (end, end)
        for index in range(start, end):
            if not keep[0] <= index < keep[1]:
                chars[index] = " " if chars[index] != "\n" else "\n"
        protected.append((start, end))
    return "".join(chars), protected


def _marker_offset(offset: int, protected: list[tuple[int, int]]) -> int:
    """Return ``offset``, moved past any inline construct it falls inside."""
    for start, end in protected:
        if start < offset < end:
            return end
    return offset


def markdown_with_footnotes(
    body: str, registry: SourceRegistry, reference_date: date
) -> tuple[str, list[Footnote], list[UnreviewedSource], dict[str, int]]:
    """Return the Markdown body with source footnote markers and definitions added.

    Also returns the footnotes (in order of first use), the sources nobody reviewed, and
    how many markers cite each footnote label.
    """
    planner = FootnotePlanner(
        registry, reference_date, reserved_labels=set(_LABEL_RE.findall(body))
    )
    out: list[str] = []
    in_fence = ""
    for block in re.split(r"(\n\s*\n)", body):
        fence = _FENCE_RE.match(block)
        if in_fence or fence or not block.strip() or _NOT_PROSE_RE.match(block):
            out.append(block)
            for line in block.split("\n"):
                marker = _FENCE_RE.match(line)
                if marker and (not in_fence or marker[1].startswith(in_fence)):
                    in_fence = "" if in_fence else marker[1][:3]
            continue
        prose, protected = prose_view(block)
        offsets = [
            (_marker_offset(ref.offset, protected), ref.label)
            for ref in planner.add_paragraph(prose)
        ]
        position = 0
        pieces = []
        for offset, label in sorted(offsets):
            pieces.append(block[position:offset])
            pieces.append(f"[^{label}]")
            position = offset
        pieces.append(block[position:])
        out.append("".join(pieces))
    notes = planner.footnotes
    text = "".join(out).rstrip("\n")
    if notes:
        text += "\n\n" + "\n".join(f"[^{n.label}]: {footnote_markdown(n)}" for n in notes)
    uses = {note.label: planner.use_count(note.label) for note in notes}
    return text + "\n", notes, planner.unreviewed_sources, uses


def render_markdown_seed(briefing: Briefing, registry: SourceRegistry, index: SiteIndex) -> str:
    """Return the page Markdown of a Markdown seed, recording its citations in ``index``.

    Its source footnotes are added to the author's Markdown; entity marks come later, from
    the converted HTML (:mod:`briefings.site.html_annotate`). A seed in another language
    gets neither.
    """
    seed = briefing.seed
    english = seed.language == ENGLISH
    body, notes, unreviewed, uses = (
        markdown_with_footnotes(seed.markdown, registry, seed.date)
        if english
        else (seed.markdown, [], [], {})
    )
    for source in unreviewed:
        index.add_source_to_review(briefing, source)
    index.sources_by_label[briefing.url] = {n.label: n.source_id for n in notes}
    for note in notes:
        index.cite(note.source_id, note.source_name, briefing, uses[note.label])
    header = [
        front_matter(seed.title, seed.summary, seed.date, seed.tags, entities=english),
        "# " + escape_markdown(seed.title),
        meta_line_html(seed.date, seed.reading_minutes, seed.path, seed.provenance),
    ]
    return join_blocks([*header, body])

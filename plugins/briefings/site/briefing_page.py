"""One plain-text briefing rendered: its page Markdown, stashed HTML and the facts it adds.

:func:`render_text_seed` marks the entities of a seed (glossary mentions, then unreviewed
ones that overlap none), plans its source footnotes and writes the page. It changes no
shared state: the cross-page facts (mention counts for backlinks, citations, the sourcing
record) come back in the :class:`RenderedSeed`, which the publisher records, and which is
plain data so it can be cached between builds (:meth:`RenderedSeed.to_json`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefings.site import pages
from briefings.entities.discovery import Candidate
from briefings.sourcing.footnotes import FootnotePlanner, footnote_html
from briefings.entities.matcher import Matcher, Mention, count_mentions
from briefings.site.render import (
    EntityTarget,
    FootnoteHtml,
    LinkPolicy,
    Marker,
    Span,
    Stash,
    annotate_text,
    caption_html,
    entities_box_html,
    join_blocks,
    meta_line_html,
)
from briefings.content.seeds import Seed
from briefings.content.sentences import split_sentences
from briefings.sourcing.registry import SourceEntry, SourceRegistry
from briefings.common.text import escape_html, escape_markdown
from briefings.entities.unreviewed import candidate_target, without_overlaps

LONG_PARAGRAPH = 20_000  # characters; such a paragraph gets entity marks but no footnotes


@dataclass(slots=True)
class RenderedSeed:
    """A rendered briefing and what it contributes to the site's cross-page pages."""

    markdown: str
    fragments: list[str]
    unknown_sources: list[str] = field(default_factory=list)
    citations: list[tuple[str, str, int]] = field(default_factory=list)  # id, name, uses
    counts: dict[str, int] = field(default_factory=dict)  # glossary id -> mentions
    first_sentence: dict[str, str] = field(default_factory=dict)
    new_counts: dict[str, int] = field(default_factory=dict)  # unreviewed id -> mentions
    new_first: dict[str, str] = field(default_factory=dict)
    attributed: int = 0
    sentences: int = 0
    claims: list[tuple[str, str]] = field(default_factory=list)  # (cue, sentence)

    def to_json(self) -> dict[str, Any]:
        """Return the result as JSON-ready data (see :meth:`from_json`)."""
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def from_json(cls, data: Any) -> RenderedSeed | None:
        """Return the result stored by :meth:`to_json`; None if ``data`` has another shape
        (a damaged cache entry is a miss, never an error)."""
        try:
            return cls(
                _str(data["markdown"]),
                [_str(f) for f in data["fragments"]],
                [_str(n) for n in data["unknown_sources"]],
                [(_str(i), _str(n), _int(c)) for i, n, c in data["citations"]],
                {_str(k): _int(v) for k, v in data["counts"].items()},
                {_str(k): _str(v) for k, v in data["first_sentence"].items()},
                {_str(k): _int(v) for k, v in data["new_counts"].items()},
                {_str(k): _str(v) for k, v in data["new_first"].items()},
                _int(data["attributed"]),
                _int(data["sentences"]),
                [(_str(cue), _str(sentence)) for cue, sentence in data["claims"]],
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(value)
    return value


@dataclass(frozen=True, slots=True)
class PageContext:
    """What rendering one briefing needs from the site: shared, read-only."""

    matcher: Matcher
    sources: SourceRegistry
    link_mentions: str
    target: Callable[[str], EntityTarget]  # glossary id -> target linked from this page
    glossary_source: Callable[[str], SourceEntry | None]  # source phrase -> glossary entry
    discovered_base: str  # URL of the unreviewed-entities page, relative to this page


def render_text_seed(
    seed: Seed,
    context: PageContext,
    candidates: Mapping[str, Candidate],
    found: Sequence[Sequence[Mention]],
) -> RenderedSeed:
    """Render a plain-text seed with its unreviewed ``candidates`` (site-wide ids) and their
    mentions per block (``found``)."""
    policy = LinkPolicy(context.link_mentions)
    planner = FootnotePlanner(context.sources, seed.date, fallback=context.glossary_source)
    stash = Stash()
    counts: Counter[str] = Counter()
    first_sentence: dict[str, str] = {}
    new_counts: Counter[str] = Counter()
    new_first: dict[str, str] = {}
    body: list[str] = []
    attributed = sentences = 0
    claims: list[tuple[str, str]] = []
    targets: dict[str, EntityTarget] = {}
    # The body is HTML written here, not Markdown: only the headings stay Markdown (the
    # table of contents is built from them); every run of paragraphs, captions and the
    # footnotes is one stashed block, so Python-Markdown never reads seed text.
    source_of_label: dict[str, str] = {}
    notes = FootnoteHtml(source_of_label)
    html_run: list[str] = []

    def end_run() -> None:
        if html_run:
            body.append(stash.block("\n".join(html_run)))
            html_run.clear()

    for index, block in enumerate(seed.blocks):
        mentions = context.matcher.find_mentions(block.text)
        for mention in mentions:
            if mention.entry_id not in targets:
                targets[mention.entry_id] = context.target(mention.entry_id)
        count_mentions(block.text, mentions, counts, first_sentence)
        extra = without_overlaps(found[index], mentions, len(block.text), candidates)
        if extra:
            for mention in extra:
                if mention.entry_id not in targets:
                    targets[mention.entry_id] = candidate_target(
                        candidates[mention.entry_id], context.discovered_base
                    )
            count_mentions(block.text, extra, new_counts, new_first)
            mentions = sorted([*mentions, *extra])
        spans = [Span(m.start, m.end, m.entry_id) for m in mentions]
        if block.kind == "subheading":
            end_run()
            policy.new_section()
            body.append("## " + annotate_text(block.text, spans, (), targets, policy))
        elif block.kind == "caption":
            caption = annotate_text(block.text, spans, (), targets, policy, escape_html)
            html_run.append(caption_html(caption, block.credit_label, block.credit))
        elif len(block.text) > LONG_PARAGRAPH:
            # Attribution reads sentence by sentence; a paragraph this long is not prose
            # an editor wrote. It gets entity marks, no footnotes.
            html = annotate_text(block.text, spans, (), targets, policy, escape_html)
            html_run.append(f'<p class="briefing-long">{html}</p>')
        else:
            refs = planner.add_paragraph(block.text)
            source_of_label.update((r.label, r.source_id) for r in refs)
            markers = [Marker(r.offset, r.label) for r in refs]
            html = annotate_text(
                block.text, spans, markers, targets, policy, escape_html, footnote=notes.reference
            )
            html_run.append(f"<p>{html}</p>")
            sentences += len(split_sentences(block.text))
            attributed += len({r.offset for r in refs})
            claims.extend(planner.unattributed_claims(block.text))
    footnotes = planner.footnotes
    html_run.append(notes.definitions({n.label: footnote_html(n) for n in footnotes}))
    end_run()
    header = [
        pages.front_matter(seed.title, seed.summary, seed.date, seed.tags),
        "# " + escape_markdown(seed.title),
        stash.block(meta_line_html(seed.date, seed.reading_minutes, seed.path)),
    ]
    box = entities_box_html(counts + new_counts, targets)
    if box:
        header.append(stash.block(box))
    return RenderedSeed(
        join_blocks([*header, *body]),
        stash.fragments,
        planner.unknown_sources,
        [(n.source_id, n.source_name, planner.use_count(n.label)) for n in footnotes],
        dict(counts),
        first_sentence,
        dict(new_counts),
        new_first,
        attributed,
        sentences,
        claims,
    )

"""The renderer of a plain-text briefing: analysed data -> page Markdown and stashed HTML.

:func:`render_text_seed` writes a briefing from its :class:`~briefings.site.model.AnalysedSeed`
in one pass over the blocks, escaping every piece of seed text it writes, and calls no
analysis: what to mark, which footnotes to write and what they say were decided before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from briefings.common.text import escape_html, escape_markdown
from briefings.content.seeds import Seed
from briefings.site.footnote_html import FootnoteHtml, footnote_html
from briefings.site.model import AnalysedSeed, EntityTarget, RenderedSeed
from briefings.site.pages.common import front_matter
from briefings.site.render import (
    LinkPolicy,
    Stash,
    annotate_text,
    caption_html,
    entities_box_html,
    join_blocks,
    meta_line_html,
)


def render_text_seed(
    seed: Seed,
    analysed: AnalysedSeed,
    targets: Mapping[str, EntityTarget],
    link_mentions: str,
) -> RenderedSeed:
    """Return the page of ``seed`` as analysed; ``targets`` has every entity it mentions.

    The body is HTML written here, not Markdown: only the headings stay Markdown (the table
    of contents is built from them); every run of paragraphs, captions and the footnotes is
    one stashed block, so Python-Markdown never reads seed text.
    """
    policy = LinkPolicy(link_mentions)
    # A seed in another language says so, for screen readers and hyphenation.
    lang = "" if seed.language == "en" else f' lang="{escape_html(seed.language)}"'

    stash = Stash()
    body: list[str] = []
    source_of_label = {note.label: note.source_id for note in analysed.footnotes}
    notes = FootnoteHtml(source_of_label)
    html_run: list[str] = []

    def end_run() -> None:
        if html_run:
            body.append(stash.block("\n".join(html_run)))
            html_run.clear()

    for block in analysed.blocks:
        if block.kind == "subheading":
            end_run()
            policy.new_section()
            body.append("## " + annotate_text(block.text, block.spans, (), targets, policy))
        elif block.kind == "caption":
            caption = annotate_text(block.text, block.spans, (), targets, policy, escape_html)
            html_run.append(caption_html(caption, block.credit_label, block.credit))
        elif block.kind == "long":
            html = annotate_text(block.text, block.spans, (), targets, policy, escape_html)
            html_run.append(f'<p class="briefing-long">{html}</p>')
        else:
            html = annotate_text(
                block.text,
                block.spans,
                block.markers,
                targets,
                policy,
                escape_html,
                footnote=notes.reference,
            )
            html_run.append(f"<p{lang}>{html}</p>")
    html_run.append(notes.definitions({n.label: footnote_html(n) for n in analysed.footnotes}))
    end_run()
    header = [
        front_matter(seed.title, seed.summary, seed.date, seed.tags),
        "# " + escape_markdown(seed.title),
        stash.block(meta_line_html(seed.date, seed.reading_minutes, seed.path, seed.provenance)),
    ]
    box = entities_box_html(Counter(analysed.counts) + Counter(analysed.new_counts), targets)
    if box:
        header.append(stash.block(box))
    return RenderedSeed(
        join_blocks([*header, *body]),
        stash.fragments,
        [[s.source_id, s.name, s.kind, s.sentence] for s in analysed.unreviewed_sources],
        [(n.source_id, n.source_name, analysed.uses[n.label], n.kind) for n in analysed.footnotes],
        dict(analysed.counts),
        dict(analysed.first_sentence),
        dict(analysed.new_counts),
        dict(analysed.new_first),
        analysed.attributed,
        analysed.sentences,
        list(analysed.claims),
        list(analysed.decisions),
        list(analysed.statements),
    )

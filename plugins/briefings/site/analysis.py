"""A plain-text briefing analysed once: entity mentions, attributions and the footnote plan.

:func:`analyse_text_seed` reads a seed block by block: glossary mentions (the matcher), the
unreviewed entities discovery found that overlap none of them, and, in paragraphs, the
attributions the footnote planner turns into markers. It returns an
:class:`~briefings.site.model.AnalysedSeed` and writes no markup; the renderer
(:mod:`briefings.site.briefing_html`) does that, once, from the data.

Entities and sourcing are independent rooms; this module is where their results meet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from briefings.common.names import name_key
from briefings.content.decisions import Decisions
from briefings.content.language import ENGLISH
from briefings.content.seeds import Seed
from briefings.content.sentences import split_sentences
from briefings.entities.matcher import Matcher, Mention, count_mentions
from briefings.entities.unreviewed import without_overlaps
from briefings.site.model import AnalysedBlock, AnalysedSeed, Marker, Span
from briefings.sourcing.footnotes import FootnotePlanner
from briefings.sourcing.registry import SourceRegistry
from briefings.sourcing.resolution import EntityLookup

LONG_PARAGRAPH = 20_000  # characters; such a paragraph gets entity marks but no footnotes


@dataclass(frozen=True, slots=True)
class AnalysisContext:
    """What analysing one briefing needs from the site: shared, read-only."""

    matcher: Matcher
    sources: SourceRegistry
    entities: EntityLookup  # the glossary entry or unreviewed entity a name is exactly
    is_glossary_id: Callable[[str], bool]
    decisions: Decisions


def analyse_text_seed(
    seed: Seed,
    context: AnalysisContext,
    candidates: Collection[str],
    found: Sequence[Sequence[Mention]],
) -> AnalysedSeed:
    """Return the analysis of a plain-text seed.

    ``candidates`` are the site-wide ids of its unreviewed entities and ``found`` their
    mentions per block; a mention of one that cuts across a glossary mention is dropped, and
    one that holds glossary mentions whole replaces them (see ``without_overlaps``).
    """
    if seed.language != ENGLISH:
        return _unannotated(seed)
    overrides = [
        (d.number, d.value, "" if d.kind == "drop" else d.target)
        for d in (
            *context.decisions.of_kind("drop", seed.path),
            *context.decisions.of_kind("source", seed.path),
        )
    ]
    planner = FootnotePlanner(
        context.sources, seed.date, entities=context.entities, overrides=overrides
    )
    editor = _EntityDecisions(seed.path, context, candidates)
    counts: Counter[str] = Counter()
    first_sentence: dict[str, str] = {}
    new_counts: Counter[str] = Counter()
    new_first: dict[str, str] = {}
    blocks: list[AnalysedBlock] = []
    attributed = sentences = 0
    claims: list[tuple[str, str]] = []
    statements: list[tuple[str, str]] = []
    for index, block in enumerate(seed.blocks):
        mentions = context.matcher.find_mentions(block.text)
        mentions, extra = without_overlaps(found[index], mentions, len(block.text), candidates)
        mentions, extra = editor.apply(block.text, mentions, extra)
        count_mentions(block.text, mentions, counts, first_sentence)
        if extra:
            count_mentions(block.text, extra, new_counts, new_first)
            mentions = sorted([*mentions, *extra])
        spans = tuple(Span(m.start, m.end, m.entry_id) for m in mentions)
        if block.kind == "subheading":
            blocks.append(AnalysedBlock("subheading", block.text, spans))
        elif block.kind == "caption":
            blocks.append(
                AnalysedBlock("caption", block.text, spans, (), block.credit_label, block.credit)
            )
        elif len(block.text) > LONG_PARAGRAPH:
            # Attribution reads sentence by sentence; a paragraph this long is not prose
            # an editor wrote. It gets entity marks, no footnotes.
            blocks.append(AnalysedBlock("long", block.text, spans))
        else:
            refs = planner.add_paragraph(block.text, [(m.start, m.end) for m in mentions])
            markers = tuple(Marker(r.offset, r.label) for r in refs)
            statements.extend((r.source_id, r.sentence) for r in refs)
            blocks.append(AnalysedBlock("paragraph", block.text, spans, markers))
            sentences += len(split_sentences(block.text))
            attributed += len({r.offset for r in refs})
            claims.extend(planner.unattributed_claims(block.text))
    footnotes = tuple(planner.footnotes)
    return AnalysedSeed(
        tuple(blocks),
        footnotes,
        {n.label: planner.use_count(n.label) for n in footnotes},
        dict(counts),
        first_sentence,
        dict(new_counts),
        new_first,
        attributed,
        sentences,
        tuple(claims),
        tuple(planner.unreviewed_sources),
        tuple(sorted(editor.used | planner.used_overrides)),
        tuple(statements),
    )


class _EntityDecisions:
    """Applies the editors' entity decisions to one seed's mentions, noting which matched:
    a rejected name is never marked; a mapped name is marked as the entity it names."""

    def __init__(
        self, seed_path: str, context: AnalysisContext, candidates: Collection[str]
    ) -> None:
        rejects = context.decisions.of_kind("reject", seed_path)
        self._rejects = {name_key(d.value): d.number for d in rejects}
        self._reject_patterns = [
            (d.number, re.compile(rf"(?<!\w){re.escape(d.value)}(?!\w)", re.IGNORECASE))
            for d in rejects
        ]
        self._maps = context.decisions.of_kind("map", seed_path)
        self._is_glossary_id = context.is_glossary_id
        self._candidates = candidates
        self.used: set[int] = set()

    def apply(
        self, text: str, mentions: Sequence[Mention], extra: Sequence[Mention]
    ) -> tuple[list[Mention], list[Mention]]:
        """Return the glossary mentions and the unreviewed ones, as decided."""
        if not self._rejects and not self._maps:
            return list(mentions), list(extra)
        for number, rejected in self._reject_patterns:
            if rejected.search(text):  # discovery never offers it: the decision is at work
                self.used.add(number)
        kept: list[Mention] = []
        for mention in sorted([*mentions, *extra]):
            found = self._rejects.get(name_key(text[mention.start : mention.end]))
            if found is None:
                kept.append(mention)
            else:
                self.used.add(found)
        for decision in self._maps:
            if not (self._is_glossary_id(decision.target) or decision.target in self._candidates):
                continue  # an id nobody knows here: reported as a stale decision
            pattern = rf"(?<!\w){re.escape(decision.value)}(?!\w)"
            for match in re.finditer(pattern, text):
                kept = [m for m in kept if m.end <= match.start() or m.start >= match.end()]
                kept.append(Mention(match.start(), match.end(), decision.target))
                self.used.add(decision.number)
        kept.sort()
        glossary = [m for m in kept if self._is_glossary_id(m.entry_id)]
        unreviewed = [m for m in kept if not self._is_glossary_id(m.entry_id)]
        return glossary, unreviewed


def _unannotated(seed: Seed) -> AnalysedSeed:
    """Return a seed in another language as plain blocks: the annotation rules are English
    ones, so its text is published as written, with no marks and no footnotes."""
    blocks = tuple(
        AnalysedBlock(b.kind, b.text, (), (), b.credit_label, b.credit) for b in seed.blocks
    )
    return AnalysedSeed(blocks, (), {}, {}, {}, {}, {}, 0, 0, (), (), ())

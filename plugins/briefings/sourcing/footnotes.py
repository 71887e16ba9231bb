"""Source footnotes planned from attributions: labels, markers and what each footnote says.

A :class:`FootnotePlanner` reads a briefing paragraph by paragraph. Each attributed sentence
gets one ``[^label]`` marker per distinct source, placed after its closing punctuation and
quotes; each source gets one footnote, shared by all its uses, in order of first appearance.
It returns plain data (:mod:`briefings.sourcing.model`); the renderer writes the markers
and definitions (:mod:`briefings.site.footnote_html`).

Which source an attribution names is decided by :mod:`.resolution` (one source per person
or body in the article, references resolved). Labels: ``src-<registry id>`` for a
registered source, ``src-<id>`` for a glossary entry or unreviewed entity, ``src-<slug>``
for a source nobody has reviewed yet (also listed in
:attr:`FootnotePlanner.unreviewed_sources`), ``src-anon-<slug>`` for an anonymous one ("a
defence official"). A label that an author already uses, or that another source took,
gets a numeric suffix.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from briefings.common.lexicon import word_set
from briefings.common.names import ROLE_WORDS, source_key, strip_determiner
from briefings.common.text import slugify
from briefings.content.sentences import split_sentences
from briefings.sourcing.attribution import Attribution, find_attributions, find_unattributed_claims
from briefings.sourcing.dates import find_date_phrase
from briefings.sourcing.kinds import ANONYMOUS
from briefings.sourcing.model import Footnote, FootnoteRef, ResolvedDate, UnreviewedSource
from briefings.sourcing.registry import SourceRegistry
from briefings.sourcing.resolution import ArticleSources, CitedSource, EntityLookup

# How far (in characters) a date phrase may sit from the attribution's cue and still date
# the statement: "revealed on Tuesday", "On Monday, the ministry said".
DATE_DISTANCE = 48

# Who a source may tell something without being a medium: "told reporters outside".
_AUDIENCE_RE = re.compile(
    r"(?:the\s+)?(?:reporters|journalists|the\s+press|supporters|lawmakers|parliament|"
    r"members|delegates|students|crowds?|listeners|viewers|a\s+news\s+conference)\b",
    re.IGNORECASE,
)
# An appositive right after a mention: ", the Perth-based lithium miner," or ", Colombia's
# second-largest airline,".
_APPOSITIVE_RE = re.compile(
    r",\s+(?:the|a|an|[A-Z][\w-]*['’]s)\s+(?P<words>(?:[\w-]+\s+){0,4}?[a-z][\w-]*)\s*[,.;]"
)
# An opening phrase before a sentence's subject: "Under the rules of the panel, ", "On Monday, ".
_OPENING_PHRASE_RE = re.compile(
    r"(?:In|Under|After|On|At|For|With|Since|During|Despite|Before|By)\s[^,.;:“”\"]{1,80},\s+"
)
# A sentence opening with a place: "In Antigua Guatemala, ", "At Santa Rosa Hospital, ".
_PLACE_OPENING_RE = re.compile(
    r"(?P<prep>In|At)\s+(?P<place>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,4}),"
)
# Words opening a source that refers back ("the company", "its report", "he"): no place.
_REFERRING = word_set("the this that these those its his her their he she it they we")
# An anonymous source that already says where it is from: "officials in Kyiv".
_LOCATED_RE = re.compile(r"\b(?:in|at|of|for|from|with|close\s+to|familiar)\b")
# A sentence opening with a description of a body and its verb: "The miner spent ...".
_DESCRIBED_SUBJECT_RE = re.compile(
    r"(?P<subject>The\s+[a-z][\w-]+)\s+(?!(?:of|for|in|at|and|with|to|on|by)\b)[a-z]+\b"
)
# A body's own document mentioned in passing: "in its 2022 report", "their annual audit".
_OWN_DOCUMENT_RE = re.compile(
    r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:report|audit|review|study|survey|assessment|"
    r"investigation|analysis|findings|statement|bulletin|notice|filing)\b"
)
_VIA_VERB_RE = re.compile(r",?\s+(accessed|obtained|seen|reviewed|viewed)\s+by\s+")


@dataclass
class _Note:
    """A footnote being built; frozen into a :class:`Footnote` on request."""

    label: str
    source: CitedSource
    channels: list[str] = field(default_factory=list)
    dates: list[ResolvedDate | None] = field(default_factory=list)
    sentence: str = ""  # the first sentence citing the source

    def freeze(self) -> Footnote:
        """Return the finished :class:`Footnote`."""
        source = self.source
        return Footnote(
            self.label,
            source.source_id,
            source.name,
            source.kind,
            source.url,
            "; ".join(self.channels),
            tuple(self.dates),
            source.identity == ANONYMOUS,
            source.known,
            source.role,
            source.affiliation,
            source.short,
        )


def _channel_text(attribution: Attribution, source: CitedSource) -> str:
    """Return how the statement reached us, for the footnote text.

    "declassified US intelligence report, accessed by the Associated Press"; "via Reuters"
    for "told Reuters". When the source as written says more than its registry names
    ("Lim Soo-ho, a senior analyst at the Institute ..."), it leads the text.
    """
    channel = _VIA_VERB_RE.sub(lambda m: f", {m.group(1)} by ", attribution.channel.strip())
    if not channel and attribution.via and not _AUDIENCE_RE.match(attribution.via):
        channel = f"via {attribution.via}"  # "told Reuters"; not "told reporters"
    written = attribution.source
    if (
        source.registered
        and source_key(written) not in source.names
        and written not in attribution.channel
        and not source.role
    ):
        if not channel:
            return written
        if channel != strip_determiner(channel):
            return f"{written}, in {channel}"  # "..., in an interview with Associated Press"
        return f"{written}, {channel}"
    return strip_determiner(channel)


class FootnotePlanner:
    """Plans the source footnotes of one briefing, paragraph by paragraph."""

    def __init__(
        self,
        registry: SourceRegistry,
        reference_date: date,
        reserved_labels: Collection[str] = (),
        entities: EntityLookup | None = None,
        overrides: Sequence[tuple[int, str, str]] = (),
    ) -> None:
        """Plan against ``registry``, resolving relative dates against ``reference_date``.

        ``reserved_labels`` are footnote labels the author already uses; generated labels
        never equal one of them. ``entities`` gives the glossary entry or unreviewed entity
        a name is exactly, for sources the registry does not know. ``overrides`` are editors'
        decisions ``(number, phrase, source)``: an attribution whose sentence holds the
        phrase cites ``source`` (a registry id or a name) instead, or none if it is "".
        """
        self._overrides = tuple(overrides)
        self._registry = registry
        self.used_overrides: set[int] = set()
        self._sources = ArticleSources(registry, entities)
        self._reference = reference_date
        self._reserved = frozenset(reserved_labels)
        self._notes: dict[str, _Note] = {}  # source key -> note, in order of first use
        self._labels: set[str] = set()
        self._uses: dict[str, int] = {}
        self._last: tuple[str, list[Attribution]] | None = None
        self._paragraph = ""  # the paragraph being read

    def _attributions(self, paragraph: str) -> list[Attribution]:
        """Return the attributions of ``paragraph`` (the last result is reused)."""
        if self._last is not None and self._last[0] == paragraph:
            return self._last[1]
        attributions = find_attributions(paragraph)
        self._last = (paragraph, attributions)
        return attributions

    def _unique_label(self, base: str) -> str:
        """Return ``base``, or ``base-2``, ``base-3``... if taken or reserved."""
        label, suffix = base, 2
        while label in self._reserved or label in self._labels:
            label = f"{base}-{suffix}"
            suffix += 1
        self._labels.add(label)
        return label

    def _notes_for(self, attribution: Attribution, sentence: str, subject: str) -> list[_Note]:
        """Return the notes of the attribution's sources (each created on first use): one,
        several for "the two companies said", none for a reference to nobody ("he said"
        opening an article). ``subject`` is the entity that opens the sentence, if any."""
        notes = []
        phrase = _placed(attribution.source, self._paragraph, attribution.sentence_start)
        found = self._sources.resolve_all(phrase, attribution.anonymous, subject)
        for source in found:
            if source.key not in self._notes:
                local = source.source_id.partition(":")[2] or source.source_id
                prefix = "src-anon-" if source.identity == ANONYMOUS else "src-"
                label = self._unique_label(prefix + (slugify(local) or "source"))
                self._notes[source.key] = _Note(label, source, sentence=sentence)
            notes.append(self._notes[source.key])
        return notes

    def _date_of(self, paragraph: str, attribution: Attribution) -> ResolvedDate | None:
        """Return the date phrase nearest the cue of ``attribution``, resolved."""
        sentence = paragraph[attribution.sentence_start : attribution.sentence_end]
        near = max(0, attribution.cue_start - attribution.sentence_start)
        return find_date_phrase(sentence, self._reference, near=near, max_distance=DATE_DISTANCE)

    def add_paragraph(
        self, paragraph: str, mentions: Sequence[tuple[int, int]] = ()
    ) -> list[FootnoteRef]:
        """Return the footnote markers for ``paragraph``, in text order.

        Finds its attributions, resolves their sources and dates, and records each use
        on its source's footnote. One marker per attributed sentence and distinct source.
        ``mentions`` are the paragraph's entity mentions (start, end), in order: "the
        company said" may refer to a company named there.
        """
        refs: list[FootnoteRef] = []
        seen: set[tuple[int, str]] = set()
        self._paragraph = paragraph
        pending = list(mentions)
        documents = [m.start() for m in _OWN_DOCUMENT_RE.finditer(paragraph)]
        for found in self._attributions(paragraph):
            attribution = self._override(paragraph, found)
            if attribution is None:
                continue
            self._see_up_to(
                paragraph, pending, documents, attribution.source_start, attribution.sentence_start
            )
            sentence = " ".join(
                paragraph[attribution.sentence_start : attribution.sentence_end].split()
            )
            start = attribution.sentence_start
            if attribution.source_start <= start + 4:
                # "The company said ..." opening a sentence: the previous sentence's subject
                before = [s for s, _ in split_sentences(paragraph) if s < start]
                subject = _sentence_subject(paragraph, before[-1], mentions) if before else ""
            else:
                subject = _sentence_subject(paragraph, start, mentions)
            for note in self._notes_for(attribution, sentence, subject):
                if (attribution.sentence_end, note.label) in seen:
                    continue
                seen.add((attribution.sentence_end, note.label))
                channel = _channel_text(attribution, note.source)
                if channel and channel not in note.channels:
                    note.channels.append(channel)
                note.dates.append(self._date_of(paragraph, attribution))
                self._uses[note.label] = self._uses.get(note.label, 0) + 1
                refs.append(
                    FootnoteRef(
                        attribution.sentence_end, note.label, note.source.source_id, sentence
                    )
                )
        self._see_up_to(paragraph, pending, documents, len(paragraph) + 1, len(paragraph) + 1)
        self._sources.end_paragraph()
        return refs

    def _see_up_to(
        self,
        paragraph: str,
        mentions: list[tuple[int, int]],
        documents: list[int],
        end: int,
        sentence_start: int,
    ) -> None:
        """Note, in text order, the entity ``mentions`` and the mentions of a body's own
        document (their offsets, ``documents``) that start before ``end``; both lists lose
        what is noted. A document in the sentence of the attribution (from
        ``sentence_start``) is that attribution's ("according to its report"): skipped."""
        while (mentions and mentions[0][0] < end) or (documents and documents[0] < end):
            if documents and documents[0] < end and (not mentions or documents[0] < mentions[0][0]):
                if documents.pop(0) < sentence_start:
                    self._sources.see_document()
                continue
            start, stop = mentions.pop(0)
            self._sources.see(paragraph[start:stop], _descriptor(paragraph, start, stop))

    def _override(self, paragraph: str, attribution: Attribution) -> Attribution | None:
        """Return ``attribution`` as the editors' decisions have it: dropped (None), with
        another source, or unchanged."""
        sentence = paragraph[attribution.sentence_start : attribution.sentence_end]
        for number, phrase, source in self._overrides:
            if phrase in sentence:
                self.used_overrides.add(number)
                if not source:
                    return None
                entry = self._registry.get(source)
                name = entry.name if entry is not None else source
                return dataclasses.replace(attribution, source=name, anonymous=False)
        return attribution

    def unattributed_claims(self, paragraph: str) -> list[tuple[str, str]]:
        """Return ``(cue, sentence)`` for each sentence of ``paragraph`` with an unsourced claim."""
        claims = find_unattributed_claims(paragraph, self._attributions(paragraph))
        return [(cue, paragraph[start:end]) for start, end, cue in claims]

    def use_count(self, label: str) -> int:
        """Return how many markers point at the footnote ``label`` (0 if there is none)."""
        return self._uses.get(label, 0)

    @property
    def footnotes(self) -> list[Footnote]:
        """The footnotes, in order of first appearance, one per source."""
        return [note.freeze() for note in self._notes.values()]

    @property
    def unreviewed_sources(self) -> list[UnreviewedSource]:
        """The named sources no editor has reviewed (not in the registry nor the glossary),
        in order of first use; never anonymous ones."""
        return [
            UnreviewedSource(
                note.source.source_id, note.source.name, note.source.kind, note.sentence
            )
            for note in self._notes.values()
            if not note.source.known and note.source.identity != ANONYMOUS
        ]


def _placed(source: str, paragraph: str, sentence_start: int) -> str:
    """Return an anonymous source with the place the sentence gives it: "hotel owners" in
    "In Antigua, hotel owners told ..." is "hotel owners in Antigua"; "a nurse there" after
    "At Santa Rosa Hospital, ..." is "a nurse at Santa Rosa Hospital"."""
    if source.endswith(" there"):
        before = [s for s, _ in split_sentences(paragraph) if s < sentence_start]
        place = _PLACE_OPENING_RE.match(paragraph, before[-1]) if before else None
        if place is not None:
            return f"{source.removesuffix(' there')} {place['prep'].lower()} {place['place']}"
        return source
    first = source.split(" ", 1)[0]
    if source.islower() and first not in _REFERRING and not _LOCATED_RE.search(source):
        place = _PLACE_OPENING_RE.match(paragraph, sentence_start)
        if place is not None and place["prep"] == "In":
            return f"{source} in {place['place']}"
    return source


def _sentence_subject(
    paragraph: str, sentence_start: int, mentions: Sequence[tuple[int, int]]
) -> str:
    """Return the subject that opens the sentence, after an opening phrase: an entity
    mention ("Lessard & Hume Inc, the monitor, has recovered ..."; "Under the rules, Tarn
    Mining has ..."), or a description ("The miner spent ..."); or ""."""
    opening = _OPENING_PHRASE_RE.match(paragraph, sentence_start)
    if opening is not None:
        sentence_start = opening.end()
    for start, end in mentions:
        if start > sentence_start + 4:
            break
        before = paragraph[sentence_start:start]
        if start >= sentence_start and before.strip() in ("", "The", "the"):
            return paragraph[start:end]
    description = _DESCRIBED_SUBJECT_RE.match(paragraph, sentence_start)
    return description["subject"] if description is not None else ""


def _descriptor(paragraph: str, start: int, end: int) -> str:
    """Return the lower-case words, or title words, just before a mention, and an appositive
    right after it: "the pension fund ATP" gives "pension fund", "Judge Ana Ruiz" "Judge",
    "Corella Mining, the Perth-based lithium miner," "Perth-based lithium miner"."""
    appositive = _APPOSITIVE_RE.match(paragraph, end)
    after = appositive["words"] if appositive is not None else ""
    words = paragraph[max(0, start - 60) : start].split()
    kept: list[str] = []
    for word in reversed(words):
        if not word.isalpha() or word in {"the", "a", "an", "of", "and"}:
            break
        if not word.islower() and word.casefold() not in ROLE_WORDS:
            break
        kept.insert(0, word)
    return " ".join([*kept[-3:], *after.split()])

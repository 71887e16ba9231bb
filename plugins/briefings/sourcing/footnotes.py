"""Source footnotes planned from attributions: labels, markers and what each footnote says.

A :class:`FootnotePlanner` reads a briefing paragraph by paragraph. Each attributed sentence
gets one ``[^label]`` marker per distinct source, placed after its closing punctuation and
quotes; each source gets one footnote, shared by all its uses, in order of first appearance.
It returns plain data (:mod:`briefings.sourcing.model`); the renderer writes the markers
and definitions (:mod:`briefings.site.footnote_html`).

Labels: ``src-<registry id>`` for a registered source, ``src-<slug>`` for an unknown one
(which is also reported in :attr:`FootnotePlanner.unknown_sources`, so the build can warn),
``src-anon-<slug>`` for an anonymous one ("a defence official"), which is not looked up
in the registry and is never "unknown". A label that an author already uses, or that
another source took, gets a numeric suffix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date

from briefings.common.names import source_key, strip_determiner
from briefings.common.text import slugify
from briefings.sourcing.attribution import Attribution, find_attributions, find_unattributed_claims
from briefings.sourcing.dates import find_date_phrase
from briefings.sourcing.model import Footnote, FootnoteRef, ResolvedDate
from briefings.sourcing.registry import SourceEntry, SourceRegistry

# How far (in characters) a date phrase may sit from the attribution's cue and still date
# the statement: "revealed on Tuesday", "On Monday, the ministry said".
DATE_DISTANCE = 48

_VIA_VERB_RE = re.compile(r",?\s+(accessed|obtained|seen|reviewed|viewed)\s+by\s+")
_ANONYMOUS_KIND = "anonymous"


@dataclass
class _Note:
    """A footnote being built; frozen into a :class:`Footnote` on request."""

    label: str
    source_id: str
    source_name: str
    kind: str
    url: str
    anonymous: bool
    known: bool
    names: frozenset[str] = frozenset()  # normalised registry name and aliases
    channels: list[str] = field(default_factory=list)
    dates: list[ResolvedDate | None] = field(default_factory=list)

    def freeze(self) -> Footnote:
        """Return the finished :class:`Footnote`."""
        return Footnote(
            self.label,
            self.source_id,
            self.source_name,
            self.kind,
            self.url,
            "; ".join(self.channels),
            tuple(self.dates),
            self.anonymous,
            self.known,
        )


def _channel_text(attribution: Attribution, registered_names: frozenset[str]) -> str:
    """Return how the statement reached us, for the footnote text.

    "declassified US intelligence report, accessed by the Associated Press"; "via Reuters"
    for "told Reuters". When the source as written says more than its registry names
    ("Lim Soo-ho, a senior analyst at the Institute ..."), it leads the text.
    """
    channel = _VIA_VERB_RE.sub(lambda m: f", {m.group(1)} by ", attribution.channel.strip())
    if not channel and attribution.via:
        channel = f"via {attribution.via}"
    source = attribution.source
    if (
        registered_names
        and source_key(source) not in registered_names
        and source not in attribution.channel
    ):
        if not channel:
            return source
        if channel != strip_determiner(channel):
            return f"{source}, in {channel}"  # "..., in an interview with Associated Press"
        return f"{source}, {channel}"
    return strip_determiner(channel)


class FootnotePlanner:
    """Plans the source footnotes of one briefing, paragraph by paragraph."""

    def __init__(
        self,
        registry: SourceRegistry,
        reference_date: date,
        reserved_labels: Collection[str] = (),
        fallback: Callable[[str], SourceEntry | None] | None = None,
    ) -> None:
        """Plan against ``registry``, resolving relative dates against ``reference_date``.

        ``reserved_labels`` are footnote labels the author already uses; generated labels
        never equal one of them. ``fallback`` resolves a source the registry does not know
        (e.g. a person in the glossary); only what neither knows is an unknown source.
        """
        self._registry = registry
        self._fallback = fallback
        self._reference = reference_date
        self._reserved = frozenset(reserved_labels)
        self._notes: dict[str, _Note] = {}  # source key -> note, in order of first use
        self._labels: set[str] = set()
        self._uses: dict[str, int] = {}
        self._unknown: dict[str, str] = {}  # normalised name -> name as first written
        self._last: tuple[str, list[Attribution]] | None = None

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

    def _note_for(self, attribution: Attribution) -> _Note:
        """Return the note of the attribution's source, creating it on first use."""
        # An "anonymous" source that is exactly a registered name ("Analysts" as a think
        # tank's name, say) is that source; otherwise anonymous sources are never looked up.
        entry = self._registry.lookup(attribution.source) if attribution.anonymous else None
        if attribution.anonymous and entry is None:
            described = strip_determiner(attribution.source)
            key = "anon:" + source_key(described)
            if key not in self._notes:
                slug = slugify(described) or f"source-{len(self._notes) + 1}"
                label = self._unique_label(f"src-anon-{slug}")
                self._notes[key] = _Note(
                    label, label[4:], described, _ANONYMOUS_KIND, "", True, False
                )
            return self._notes[key]
        entry = entry or self._registry.resolve(attribution.source)
        if entry is None and self._fallback is not None:
            entry = self._fallback(attribution.source)
        if entry is not None:
            key = "id:" + entry.id
            if key not in self._notes:
                label = self._unique_label(f"src-{entry.id}")
                names = frozenset(source_key(n) for n in (entry.name, *entry.aliases))
                self._notes[key] = _Note(
                    label, entry.id, entry.name, entry.kind, entry.url, False, True, names
                )
            return self._notes[key]
        name = attribution.source
        normalised = source_key(name)
        key = "name:" + normalised
        if key not in self._notes:
            slug = slugify(strip_determiner(name)) or f"source-{len(self._notes) + 1}"
            label = self._unique_label(f"src-{slug}")
            self._notes[key] = _Note(label, label[4:], name, "", "", False, False)
            self._unknown.setdefault(normalised, name)
        return self._notes[key]

    def _date_of(self, paragraph: str, attribution: Attribution) -> ResolvedDate | None:
        """Return the date phrase nearest the cue of ``attribution``, resolved."""
        sentence = paragraph[attribution.sentence_start : attribution.sentence_end]
        near = max(0, attribution.cue_start - attribution.sentence_start)
        return find_date_phrase(sentence, self._reference, near=near, max_distance=DATE_DISTANCE)

    def add_paragraph(self, paragraph: str) -> list[FootnoteRef]:
        """Return the footnote markers for ``paragraph``, in text order.

        Finds its attributions, resolves their sources and dates, and records each use
        on its source's footnote. One marker per attributed sentence and distinct source.
        """
        refs: list[FootnoteRef] = []
        seen: set[tuple[int, str]] = set()
        for attribution in self._attributions(paragraph):
            note = self._note_for(attribution)
            if (attribution.sentence_end, note.label) in seen:
                continue
            seen.add((attribution.sentence_end, note.label))
            channel = _channel_text(attribution, note.names)
            if channel and channel not in note.channels:
                note.channels.append(channel)
            note.dates.append(self._date_of(paragraph, attribution))
            self._uses[note.label] = self._uses.get(note.label, 0) + 1
            refs.append(FootnoteRef(attribution.sentence_end, note.label, note.source_id))
        return refs

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
    def unknown_sources(self) -> list[str]:
        """Source names, as first written, that matched no registry entry (never anonymous ones)."""
        return list(self._unknown.values())

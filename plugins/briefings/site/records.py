"""Plain data the build collects across pages: placed briefings, backlinks, citations.

The cross-page index (:mod:`briefings.site.crosspage`) fills these while briefings render;
the generated pages (:mod:`briefings.site.pages`) list them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from briefings.common.errors import Problem
from briefings.content.seeds import Seed
from briefings.entities.model import Candidate


@dataclass(slots=True)
class Briefing:
    """A seed placed on the site: its generated page's ``src_uri`` and, once known, URL."""

    seed: Seed
    src_uri: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Backlink:
    """One page mentioning a glossary entry."""

    url: str
    title: str
    date: date | None
    count: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence a briefing attributes to a source."""

    url: str
    title: str
    date: date
    sentence: str


@dataclass(frozen=True, slots=True)
class Citation:
    """One briefing citing a source."""

    url: str
    title: str
    date: date
    count: int


@dataclass(frozen=True, slots=True)
class SourcingRecord:
    """Per briefing: attributed vs unattributed sentences, and the unattributed claims."""

    url: str
    title: str
    path: str
    attributed: int
    sentences: int
    claims: tuple[tuple[str, str], ...]  # (cue, sentence)
    sources_by_kind: tuple[tuple[str, int], ...] = ()  # (kind, distinct sources), by kind
    month: str = ""  # the briefing's month, "2022-09"


@dataclass(slots=True)
class SourceToReview:
    """A source cited across the site that no editor has reviewed: not in the sources
    registry nor the glossary. ``make suggest`` proposes it for ``sources.yml``."""

    source_id: str
    name: str
    kind: str
    sentences: list[str] = field(default_factory=list)  # one per citing briefing
    paths: list[str] = field(default_factory=list)
    first: date = date.max  # the date of the oldest briefing citing it


@dataclass(slots=True)
class Report:
    """Problems found while publishing: errors fail any build, warnings fail strict ones;
    notes are worth telling the editor but fail nothing (the build has dealt with them)."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Discovered:
    """An unreviewed entity across the site: the candidate and the briefings mentioning it."""

    candidate: Candidate
    mentions: list[Backlink] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

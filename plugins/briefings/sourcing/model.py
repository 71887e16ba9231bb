"""Plain data that sourcing analysis hands to the renderer: resolved dates and footnotes.

Nothing here analyses text; the renderer may import this module (and only this one of the
sourcing room), so the footnote plan reaches HTML without rendering calling analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date phrase resolved to a span of days with a precision."""

    start: date
    end: date
    precision: str  # one of PRECISIONS
    phrase: str  # the text as written, e.g. "on Tuesday"

    def display(self) -> str:
        """Return a reader-facing form.

        "6 September 2022", "week of 29 August 2022", "August 2022" or "2022".
        """
        if self.precision == "day":
            return f"{self.start.day} {MONTHS[self.start.month - 1]} {self.start.year}"
        if self.precision == "week":
            return f"week of {self.start.day} {MONTHS[self.start.month - 1]} {self.start.year}"
        if self.precision == "month":
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        return str(self.start.year)

    def iso(self) -> str:
        """Return an ISO 8601 form at this precision: "2022-09-06", "2022-W35", "2022-08"..."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return str(self.start.year)


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A marker: insert ``[^label]`` at ``offset`` of the paragraph; ``sentence`` is the
    attributed sentence, whitespace normalised."""

    offset: int
    label: str
    source_id: str
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class Footnote:
    """One footnote definition: a source and how and when the briefing's statements reached us."""

    label: str
    source_id: str
    source_name: str
    kind: str  # a registry kind, "anonymous", or "" for an unknown source
    url: str
    channel: str  # how the statements reached us, as written; several uses joined by "; "
    dates: tuple[ResolvedDate | None, ...]  # one per use, in order; None when undated
    anonymous: bool
    known: bool  # in the sources registry or the glossary: reviewed by an editor
    role: str = ""  # a person's role and affiliation as the text gives them
    affiliation: str = ""
    short: str = ""  # an organisation's short form ("WFP")


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """An entity the site knows that a source may name exactly: a glossary entry or one of
    the article's unreviewed entities, with the ``data-source`` id and link to use."""

    source_id: str  # "glossary:<id>" or "entity:<id>"
    name: str
    type: str  # an entity type: "person", "organization", "place"...
    url: str  # link from the briefing's page ("" for none)
    reviewed: bool


@dataclass(frozen=True, slots=True)
class UnreviewedSource:
    """A source an article cites that no editor has reviewed: not in the sources registry
    nor in the glossary. Listed on the Sources page and proposed by ``make suggest``."""

    source_id: str  # "new:<slug>" or "entity:<id>"
    name: str
    kind: str  # a sources registry kind: "person", "government", "company"…
    sentence: str  # the first sentence citing it

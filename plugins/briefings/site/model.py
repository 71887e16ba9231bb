"""Plain data that a briefing's analysis hands to its renderer, and what rendering returns.

Analysis (:mod:`briefings.site.analysis`) reads a seed once and returns an
:class:`AnalysedSeed`: its blocks with their entity spans and footnote markers, the
footnote plan, and the counts the cross-page index needs. The renderer turns it into HTML
with the :class:`EntityTarget` of every entity; the result is a :class:`RenderedSeed`,
which is JSON-ready so it can be cached between builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefings.sourcing.model import Footnote, UnreviewedSource


@dataclass(frozen=True, slots=True)
class EntityTarget:
    """What a mention needs to know about its entity: id, type, name and link.

    What a reader sees on hover is the entity's card (:mod:`briefings.site.cards`), loaded
    by a script, so mentions carry no ``title``.
    """

    id: str
    type: str
    name: str
    href: str
    reviewed: bool = True

    def attributes(self, linked: bool) -> dict[str, str]:
        """Return the mention's attributes per the markup contract, unescaped, in order.

        ``linked`` adds the ``href``.
        """
        classes = f"entity entity--{self.type}" + ("" if self.reviewed else " entity--unreviewed")
        attrs = {
            "class": classes,
            "data-entity": self.id,
            "data-entity-type": self.type,
            "data-reviewed": "true" if self.reviewed else "false",
        }
        if linked:
            attrs["href"] = self.href
        return attrs


@dataclass(frozen=True, slots=True)
class Span:
    """A mention to wrap: ``text[start:end]`` belongs to entity ``entry_id``."""

    start: int
    end: int
    entry_id: str


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote reference ``[^label]`` to insert at ``offset``."""

    offset: int
    label: str


@dataclass(frozen=True, slots=True)
class AnalysedBlock:
    """One block of a seed as analysed: what to mark in its text, and where."""

    kind: str  # "paragraph", "subheading", "caption" or "long" (a paragraph with no footnotes)
    text: str
    spans: tuple[Span, ...]  # entity mentions, in order, not overlapping
    markers: tuple[Marker, ...] = ()  # footnote references (paragraphs only)
    credit_label: str = ""
    credit: str = ""


@dataclass(frozen=True, slots=True)
class AnalysedSeed:
    """Everything a briefing's analysis found, as plain data, for the renderer and the index."""

    blocks: tuple[AnalysedBlock, ...]
    footnotes: tuple[Footnote, ...]  # in order of first reference
    uses: dict[str, int]  # footnote label -> number of references
    counts: dict[str, int]  # glossary id -> mentions, in order of first mention
    first_sentence: dict[str, str]
    new_counts: dict[str, int]  # unreviewed entity id -> mentions
    new_first: dict[str, str]
    attributed: int
    sentences: int
    claims: tuple[tuple[str, str], ...]  # (cue, sentence)
    unreviewed_sources: tuple[UnreviewedSource, ...]  # named sources nobody reviewed
    decisions: tuple[int, ...] = ()  # the editors' decisions that matched this seed
    statements: tuple[tuple[str, str], ...] = ()  # (source id, attributed sentence)


@dataclass(slots=True)
class RenderedSeed:
    """A rendered briefing and what it contributes to the site's cross-page pages."""

    markdown: str
    fragments: list[str]
    unreviewed_sources: list[list[str]] = field(default_factory=list)  # id, name, kind, sentence
    citations: list[tuple[str, str, int, str]] = field(default_factory=list)  # id, name, uses, kind
    counts: dict[str, int] = field(default_factory=dict)  # glossary id -> mentions
    first_sentence: dict[str, str] = field(default_factory=dict)
    new_counts: dict[str, int] = field(default_factory=dict)  # unreviewed id -> mentions
    new_first: dict[str, str] = field(default_factory=dict)
    attributed: int = 0
    sentences: int = 0
    claims: list[tuple[str, str]] = field(default_factory=list)  # (cue, sentence)
    decisions: list[int] = field(default_factory=list)  # the editors' decisions applied
    statements: list[tuple[str, str]] = field(default_factory=list)  # (source id, sentence)

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
                [_strings(s, 4) for s in data["unreviewed_sources"]],
                [(_str(i), _str(n), _int(c), _str(k)) for i, n, c, k in data["citations"]],
                {_str(k): _int(v) for k, v in data["counts"].items()},
                {_str(k): _str(v) for k, v in data["first_sentence"].items()},
                {_str(k): _int(v) for k, v in data["new_counts"].items()},
                {_str(k): _str(v) for k, v in data["new_first"].items()},
                _int(data["attributed"]),
                _int(data["sentences"]),
                [(_str(cue), _str(sentence)) for cue, sentence in data["claims"]],
                [_int(number) for number in data["decisions"]],
                [(_str(source), _str(sentence)) for source, sentence in data["statements"]],
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


def _strings(value: Any, length: int) -> list[str]:
    if not isinstance(value, list) or len(value) != length:
        raise TypeError(value)
    return [_str(v) for v in value]

"""Scoring names and merging the forms of one entity within an article.

A :class:`NameRecord` gathers everything the article says about one surface form. Its
confidence for a type combines that type's evidence as independent chances (1 - product
of (1 - score)), joined by a name-shape prior (several capitalised words, a word that is
not common English); a competing type lowers it (see :func:`score`).

:func:`group_names` then puts together the forms of one entity: an acronym and its long
form, a surname after a full name ("Peskov" after "Dmitry Peskov", "Lai" before "Lai
Ching-te"), an organisation's or a storm's short form ("Wagner" for "Wagner Group",
"Otis" for "Hurricane Otis", "Volta Crest" for "Volta Crest Mining", "Skarv" for "Skarv
Air" rather than "Skarv Pilots Association"), an undefined acronym of a long name ("UN" for "United
Nations"), singular and plural ("Houthi", "Houthis"), two names of one country ("US",
"United States").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from briefings.common.lexicon import (
    COMPANY_HEAD_FORMS,
    CONNECTORS,
    EVENT_HEADS,
    EVENT_PREFIXES,
    ORG_HEADS,
    ORG_PREFIXES,
    OTHER_HEADS,
    OTHER_PREFIXES,
    PLACE_HEADS,
    PLACE_INITIAL_HEADS,
)
from briefings.entities.discovery.aliases import initials_match
from briefings.entities.discovery.gazetteers import Gazetteers, PlaceHit
from briefings.entities.discovery.segment import Evidence

__all__ = ["NameRecord", "UnionFind", "group_names", "score"]

COMPETITION_WEIGHT = 0.3
# A place this sure is never merged into a person as a surname ("Jordan" the country).
SURE_PLACE = 0.9
# A name typed a place this surely is not the short form of a longer name of another type.
PLACE_SHORT_FORM = 0.6
# A place a gazetteer lists this surely is not the short form of an organisation named
# after it ("Vilnius", "Vilnius University"); a small town may be ("Halden Infrastructure").
CITY_NOT_SHORT_FORM = 0.8
# Place cues this weak ("sold to X") do not keep a company's short form a place.
WEAK_PLACE_CUE = 0.5
_HEADS = ORG_HEADS | PLACE_HEADS | EVENT_HEADS | OTHER_HEADS
_PREFIXES = EVENT_PREFIXES | OTHER_PREFIXES


@dataclass(slots=True)
class NameRecord:
    """Everything the article says about one surface form."""

    surface: str
    words: tuple[str, ...]
    order: tuple[int, int]
    place: PlaceHit | None
    evidence: dict[tuple[str, str], float] = field(default_factory=dict)
    mid_sentence: int = 0
    prior: float = 0.0
    known_company: bool = False  # a company of known_names.yml ("Amazon")
    type: str = "other"
    confidence: float = 0.0

    def add(self, items: Iterable[Evidence]) -> None:
        """Record evidence, keeping the highest score of each distinct reason."""
        for item in items:
            key = (item.type, item.reason)
            if self.evidence.get(key, -1.0) < item.score:
                self.evidence[key] = item.score

    def rescore(self) -> None:
        """Recompute ``type`` and ``confidence`` from the evidence and the prior."""
        self.type, self.confidence = score(self.evidence, self.prior)


def combine(scores: Iterable[float]) -> float:
    """Return the chance that at least one of independent pieces of evidence is right."""
    remaining = 1.0
    for value in scores:
        remaining *= 1.0 - value
    return 1.0 - remaining


def score(evidence: Mapping[tuple[str, str], float], prior: float) -> tuple[str, float]:
    """Return (type, confidence in 0..1) from evidence scores and the name-shape prior.

    With no typed evidence the type is "other" and the confidence the prior alone.
    """
    by_type: dict[str, list[float]] = {}
    for (kind, _reason), value in evidence.items():
        by_type.setdefault(kind, []).append(value)
    if not by_type:
        return "other", prior
    ranked = sorted(((combine(values), kind) for kind, values in by_type.items()), reverse=True)
    best, kind = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    confidence = combine((best, prior)) - COMPETITION_WEIGHT * second
    return kind, max(0.0, min(1.0, confidence))


class UnionFind:
    """Disjoint sets of surfaces; each set is one entity."""

    __slots__ = ("parent",)

    def __init__(self) -> None:
        """Start with every surface in a set of its own."""
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        """Return the representative of ``item``'s set."""
        root = self.parent.setdefault(item, item)
        if root != item:
            root = self.parent[item] = self.find(root)
        return root

    def union(self, child: str, root: str) -> None:
        """Attach ``child``'s set to ``root``'s set."""
        child_root, new_root = self.find(child), self.find(root)
        if child_root != new_root:
            self.parent[child_root] = new_root


def _only(records: list[NameRecord]) -> NameRecord | None:
    """Return the single record of ``records``, or None if there are none or several."""
    return records[0] if len(records) == 1 else None


def _shortest(records: list[NameRecord]) -> NameRecord | None:
    """Return the one record of ``records`` with the fewest words, or None (none, or a tie)."""
    if not records:
        return None
    fewest = min(len(record.words) for record in records)
    return _only([record for record in records if len(record.words) == fewest])


def _latest_before(name: NameRecord, records: list[NameRecord]) -> NameRecord | None:
    """Return the one record of ``records``, or of several the last one written before
    ``name`` ("Garza Leal said" after "Eugenio Garza Leal" and "Mariana Garza Leal")."""
    if len(records) < 2:
        return _only(records)
    earlier = [record for record in records if record.order < name.order]
    return max(earlier, key=lambda record: record.order) if earlier else None


def _joins(word: str, gazetteers: Gazetteers) -> bool:
    """Return True for a small word inside a place's name ("de" in "Volcán de Fuego")."""
    return word in CONNECTORS or word in gazetteers.name_particles


def _descriptor(word: str, gazetteers: Gazetteers) -> bool:
    """Return True for a word that describes what a named thing is ("Mining", "Air", "AG")."""
    return word in _HEADS or gazetteers.is_ordinary(word) or gazetteers.is_company_suffix(word)


def _without_particle(word: str, gazetteers: Gazetteers) -> str:
    """Return a surname without a leading hyphenated particle ("al-Hiyari" -> "Hiyari")."""
    if "-" not in word and "'" not in word:
        return word  # every particle ends with one (word_lists.load_name_particles)
    for particle in gazetteers.hyphen_particles:
        if word.startswith(particle) and word[len(particle) : len(particle) + 1].isupper():
            return word[len(particle) :]
    return word


@dataclass(frozen=True, slots=True)
class _LongNames:
    """An article's names of several words that may own a short form, sorted for
    :func:`_owner`, which looks for one for every name of the article."""

    all: list[NameRecord]
    people: list[NameRecord]
    by_size: dict[int, list[NameRecord]]
    companies: list[NameRecord]  # those that end with a company's legal form

    @classmethod
    def of(cls, names: list[NameRecord], gazetteers: Gazetteers) -> _LongNames:
        by_size: dict[int, list[NameRecord]] = {}
        for name in names:
            by_size.setdefault(len(name.words), []).append(name)
        return cls(
            names,
            [name for name in names if name.type == "person"],
            by_size,
            [n for n in names if n.type == "organization" and _is_company(n.words, gazetteers)],
        )


def _owner(name: NameRecord, long: _LongNames, gazetteers: Gazetteers) -> NameRecord | None:
    """Return the longer name ``name`` is a short form of, if exactly one fits."""
    words = name.words
    size = len(words)
    long_names, companies = long.all, long.companies
    longer_by_one = long.by_size.get(size + 1, [])
    people = [other for other in long.people if len(other.words) > size]
    owner = _latest_before(name, [other for other in people if other.words[-size:] == words])
    if owner is not None:
        return owner
    if size == 1:
        # "Hiyari" for "Faisal al-Hiyari": a surname is also written without its particle.
        owner = _latest_before(
            name,
            [
                other
                for other in people
                if _without_particle(other.words[-1], gazetteers) == words[0]
            ],
        )
        if owner is not None:
            return owner
    if size == 1:
        # Surname first ("Lai" for "Lai Ching-te", "Lim" for "Lim Boon Keat"): when a
        # hyphenated given name follows, or the word is not a given name, or two words
        # that are not given names follow.
        owner = _only(
            [
                other
                for other in people
                if other.words[0] == words[0]
                and (
                    "-" in other.words[1]
                    or not gazetteers.is_first_name(words[0])
                    or (
                        len(other.words) == 3
                        and not any(gazetteers.is_first_name(w) for w in other.words[1:])
                    )
                )
            ]
        )
        if owner is not None:
            return owner
    owner = _company_of_short_form(name, companies) if companies else None
    if owner is not None:
        return owner
    if name.place is not None and name.place.confidence >= CITY_NOT_SHORT_FORM:
        return None  # "Vilnius" is the city, not short for "Vilnius University"
    owner = _only(
        [
            other
            for other in longer_by_one
            if (
                (other.words[-1] in _HEADS and other.words[:-1] == words)
                or (other.words[0] in _PREFIXES and other.words[1:] == words)
            )
        ]
    )
    if owner is not None:
        return owner
    owner = _only(
        [
            other
            for other in long_names
            if other.type == "place"
            and other.words[0] in PLACE_INITIAL_HEADS
            and other.words[-size:] == words
            and all(_joins(word, gazetteers) for word in other.words[1:-size])
        ]
    )
    if owner is not None:
        return owner  # "Etna" for "Mount Etna", "Fuego" for "Volcán de Fuego"
    owner = _only(
        [
            other
            for other in longer_by_one
            if other.type == "organization"
            and other.words[0] in ORG_PREFIXES
            and other.words[1:] == words
        ]
    )
    if owner is not None:
        return owner  # "Sierra Alta" for "Grupo Sierra Alta"
    owner = _shortest(
        [
            other
            for other in long_names
            if other.type in ("organization", "place", "event", "equipment")
            and len(other.words) > size
            and other.words[:size] == words
            and all(_descriptor(word, gazetteers) for word in other.words[size:])
            # "in Lombardy" is a place of its own, not short for "Lombardy ... Agency";
            # "Corrigan chairman" is the company's, whatever "in Corrigan" suggests.
            and (
                name.type in ("other", other.type)
                or name.confidence < PLACE_SHORT_FORM - 0.1
                or any(kind == other.type for kind, _reason in name.evidence)
            )
        ]
    )
    if owner is not None:
        return owner
    if size == 1 and words[0].isupper() and len(words[0]) > 1:
        return _only(
            [
                other
                for other in long_names
                if other.type in ("organization", "place", "event")
                and initials_match(other.words, words[0])
            ]
        )
    return None


def _is_company(words: tuple[str, ...], gazetteers: Gazetteers) -> bool:
    """Return True if a name ends with a company's legal form ("... SA", "... Corp")."""
    return len(words) > 1 and (
        gazetteers.is_company_suffix(words[-1]) or words[-1] in COMPANY_HEAD_FORMS
    )


def _company_of_short_form(name: NameRecord, companies: list[NameRecord]) -> NameRecord | None:
    """Return the one company whose name opens with ``name``, when nothing in the text
    makes ``name`` a place of its own.

    A company with a legal form is named after its brand: "Alvorada" after "Alvorada
    Alimentos SA" is the company although a town has that name, and "Bukid" after "Bukid
    Agri-Processing Corp" although "sold to Bukid" reads like a place. A place preposition
    ("in Alvorada"), a sure place ("Brazil") or another type keep the name apart.
    """
    if name.type not in ("place", "other", "organization") or (
        name.place is not None and name.place.confidence >= SURE_PLACE
    ):
        return None
    gazetteer = name.place.evidence if name.place is not None else ""
    if any(
        kind == "place" and reason != gazetteer and value > WEAK_PLACE_CUE
        for (kind, reason), value in name.evidence.items()
    ):
        return None
    size = len(name.words)
    return _only(
        [
            other
            for other in companies
            if len(other.words) > size and other.words[:size] == name.words
        ]
    )


def group_names(
    names: Mapping[str, NameRecord],
    aliases: Mapping[str, str],
    threshold: float,
    gazetteers: Gazetteers,
) -> UnionFind:
    """Return the sets of surfaces that name the same entity in this article.

    ``aliases`` maps short forms the article defined to their long forms.
    """
    groups = UnionFind()
    for short, long_form in aliases.items():
        groups.union(short, long_form)
    long = _LongNames.of(
        [n for n in names.values() if len(n.words) > 1 and n.confidence >= threshold], gazetteers
    )
    for name in names.values():
        if name.place is not None and name.place.confidence >= SURE_PLACE:
            continue
        owner = _owner(name, long, gazetteers)
        if owner is not None and owner.surface != name.surface:
            groups.union(name.surface, owner.surface)
            continue
        plural = names.get(name.surface + "s")
        if plural is not None and len(name.words) == 1:
            groups.union(name.surface, plural.surface)
    by_place: dict[str, str] = {}
    for name in names.values():
        if name.place is not None and name.place.confidence >= SURE_PLACE:
            first = by_place.setdefault(name.place.canonical, name.surface)
            if first != name.surface:
                groups.union(name.surface, first)
    return groups

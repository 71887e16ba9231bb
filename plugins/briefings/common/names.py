"""Name normalisation shared by entity matching, discovery and source identity.

Two kinds of help live here:

- **comparison keys**: :func:`normalise_text` and :func:`normalise_surface` map the
  whitespace, apostrophe and hyphen variants of news copy to one each (keeping offsets);
  :func:`fold_case` lower-cases without changing the length; :func:`name_key` is the
  glossary's lookup key and :func:`source_key` the sources registry's;
- **the parts of a written name**: a leading determiner ("the", "a"), a possessive owner
  ("Taiwan's Ministry of National Defense"), an acronym in parentheses ("World Food
  Programme (WFP)") and a title or role before a person's name ("Kremlin spokesman Dmitry
  Peskov"). :func:`parse_name` splits a phrase into a :class:`NameParts`.

Everything works on plain strings, with small closed word classes (determiners, role words),
and never guesses an entity type.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from nameparser.config import CONSTANTS

from briefings.common.lexicon import EXTRA_ROLES, NOT_ROLES, ORG_HEADS

__all__ = [
    "APOSTROPHES",
    "DETERMINERS",
    "HYPHENS",
    "ROLE_WORDS",
    "WHITESPACE",
    "NameParts",
    "defined_name_start",
    "fold_case",
    "is_acronym",
    "is_short_form",
    "is_word_char",
    "name_key",
    "normalise_surface",
    "normalise_text",
    "parse_name",
    "source_key",
    "spells_acronym",
    "split_parenthesised_acronym",
    "split_possessive",
    "split_role",
    "strip_determiner",
]

APOSTROPHES = "'\u2018\u2019\u201b\u02bc\u2032\uff07"
"""Characters read as an apostrophe: U+0027, U+2018, U+2019, U+201B, U+02BC, U+2032, U+FF07."""

HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
"""Characters read as a hyphen: U+002D, U+2010 to U+2015, U+2212, U+FE58, U+FE63, U+FF0D."""

WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
"""Every character for which ``str.isspace`` is true (checked by a unit test)."""

DETERMINERS = frozenset(("the", "a", "an"))
"""Words a name may be written after ("the Kremlin") that are no part of it."""

_ROLE_NOUNS = """
    spokesman spokeswoman spokesperson spokespeople minister president secretary adviser
    advisor chief head director director-general secretary-general leader envoy ambassador
    commander governor senator mayor premier chancellor chairman chairwoman chair prosecutor
    attorney judge analyst researcher professor correspondent editor founder co-founder
    co-author ceo cfo coo executive officer representative lawmaker lieutenant colonel admiral
    captain
    sergeant commissioner inspector superintendent justice king queen prince princess sheikh
    emir pope archbishop bishop dr mr mrs ms prof sir dame lord lady rep sen gen col maj capt
    lt councillor councilor commodore president-elect master principal constable ombudsman
    solicitor barrister lawyer coroner auditor registrar
"""
_ROLE_MODIFIERS = """
    vice deputy prime foreign defence defense interior finance cabinet executive general
    former acting senior junior state affairs home treasury health commerce trade energy
    economy transport labour labor education culture environment regional emergency lead
    managing justice security development agriculture industry science technology
    infrastructure housing fisheries tourism sport works war assistant associate principal
"""
ROLE_NOUNS = (
    frozenset(_ROLE_NOUNS.split())
    | EXTRA_ROLES
    | frozenset(
        title
        for title in CONSTANTS.titles
        if title.isascii() and title.replace("-", "").isalpha() and title not in NOT_ROLES
    )
)
"""Lower-cased titles and roles that may stand right before a person's name ("spokesman",
"Minister", "Councillor"): this list, the discoverer's extra roles and nameparser's titles
(those that are roles on their own)."""

ROLE_WORDS = ROLE_NOUNS | frozenset(_ROLE_MODIFIERS.split())
"""Words a title may be made of ("Deputy Prime Minister", "Chief Cabinet Secretary"):
role nouns and the modifiers and department names that go with them."""

# Department words that follow "of"/"for" inside a title: "Secretary of State".
_DEPARTMENTS = frozenset(_ROLE_MODIFIERS.split()) - {"vice", "deputy", "former", "acting"}


# (variant, canonical) pairs. A chain of str.replace calls, each skipped when its variant
# is absent, is twenty times faster than str.translate on non-ASCII text.
_VARIANTS: tuple[tuple[str, str], ...] = tuple(
    (variant, canonical)
    for variants, canonical in ((WHITESPACE, " "), (APOSTROPHES, "'"), (HYPHENS, "-"))
    for variant in variants
    if variant != canonical
)
# Any one of the variants: most text holds none, and one search says so.
_VARIANT_RE = re.compile("[" + re.escape("".join(variant for variant, _ in _VARIANTS)) + "]")
# Characters whose str.lower() is not one context-free character: U+0130 (capital I with
# dot) lower-cases to two characters, and capital sigma to final or small sigma depending
# on what follows it.
_CASE_FOLD: Mapping[int, str] = MappingProxyType(
    {ord("\u0130"): "i", ord("\u03a3"): "\u03c3", ord("\u03c2"): "\u03c3"}
)
# The sources registry's keys fold fewer apostrophes (its keys are stored in caches).
_SOURCE_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACE_RE = re.compile(r"\s+")
_DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PARENTHESISED_RE = re.compile(r"^(?P<name>.*\S)\s*\((?P<short>[^()]*)\)\s*$", re.DOTALL)
_POSSESSIVE_RE = re.compile(rf"^(?P<owner>[^\s{APOSTROPHES}][^{APOSTROPHES}]*?)[{APOSTROPHES}]s\s+")
_WORD_RE = re.compile(r"\S+")
_NAME_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "dos",
        "das",
    ]
)
_ROLE_JOINERS = frozenset(("of", "for"))


def is_word_char(char: str) -> bool:
    """Return True if ``char`` is a Unicode letter, digit or combining mark."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def is_acronym(surface: str) -> bool:
    """Return True if ``surface`` has at least two upper-case letters and no lower-case one."""
    upper = 0
    for char in surface:
        if char.islower():
            return False
        if char.isupper():
            upper += 1
    return upper >= 2


def normalise_text(text: str) -> str:
    """Return ``text`` with whitespace, apostrophe and hyphen variants mapped to one each.

    The result has the same length as ``text``, character for character.
    """
    if _VARIANT_RE.search(text) is None:
        return text
    for variant, canonical in _VARIANTS:
        if variant in text:
            text = text.replace(variant, canonical)
    return text


def normalise_surface(surface: str) -> str:
    """Return the normalised form of a glossary name or alias, as matched against text.

    Like :func:`normalise_text`, then leading and trailing whitespace removed and every
    whitespace run collapsed to one space. Returns "" for a blank surface.
    """
    return " ".join(part for part in normalise_text(surface).split(" ") if part)


def fold_case(text: str) -> str:
    """Return a lower-case copy of ``text`` with the same length, character for character.

    ``str.lower`` is used after folding U+0130 to "i" and every sigma to U+03C3; should some
    other character ever lower-case to several, it is left as it is.
    """
    folded = text.translate(_CASE_FOLD).lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def name_key(name: str) -> str:
    """Return the glossary's lookup key of a name or alias: whitespace, apostrophes,
    hyphens and case folded."""
    return fold_case(normalise_surface(name))


def source_key(name: str) -> str:
    """Return the comparison key of a source name.

    Case-folded, curly apostrophes made straight, whitespace collapsed, surrounding
    punctuation and a leading "the " removed: "The  Associated Press" and
    "the associated press," have the same key.
    """
    text = unicodedata.normalize("NFKC", name).translate(_SOURCE_APOSTROPHES).casefold()
    text = _SPACE_RE.sub(" ", text).strip(" \t\n.,;:!?\"“”'")
    if text.startswith("the "):
        text = text[4:]
    return text


def strip_determiner(text: str) -> str:
    """Return ``text`` without surrounding whitespace and a leading "the", "a" or "an"."""
    return _DETERMINER_RE.sub("", text.strip(), count=1)


def split_parenthesised_acronym(text: str) -> tuple[str, str]:
    """Return ``(name, short form)`` of "World Food Programme (WFP)"; ``(text, "")`` when
    ``text`` does not end in a parenthesised short form of the name.

    The short form must be one word with two or more capitals ("WFP", "Africa CDC" is two
    words and stays in the name) and no lower-case-only word: "(pictured)" is not one.
    """
    match = _PARENTHESISED_RE.match(text)
    if match is None:
        return text, ""
    short = match["short"].strip()
    words = short.split()
    if not words or len(words) > 2 or not any(is_short_form(w) for w in words):
        return text, ""
    return match["name"], short


_LIST_WORD_RE = re.compile(r"[^\s,]+")
_SPELLING_CONNECTORS = frozenset({"and", "of", "for", "the", "&"})
_DEFINED_REACH = 160  # characters before a name where the rest of a defined name may stand


def spells_acronym(words: list[str], letters: str) -> bool:
    """Return True if the initials of ``words`` spell ``letters``: every capitalised word
    gives its initial, a connector ("and", "of") its initial or nothing ("Commercial,
    Catering and Allied Workers Union" spells "CCAWU")."""
    reachable = {0}
    for word in words:
        following: set[int] = set()
        for index in reachable:
            if word in _SPELLING_CONNECTORS:
                following.add(index)
            if index < len(letters) and word[:1].upper() == letters[index]:
                following.add(index + 1)
        reachable = following
        if not reachable:
            return False
    return len(letters) in reachable


def defined_name_start(text: str, start: int, end: int) -> int:
    """Return where a name ending in a parenthesised acronym at ``text[start:end]`` really
    starts: before a comma when the words there complete the acronym ("... the Union of
    Food, Drink and Allied Workers (UFDAW) said": the phrase found may begin after the
    comma). ``start`` itself when the phrase already spells it, nothing before does, or
    the name does not end with an organisation's head word."""
    name, short = split_parenthesised_acronym(text[start:end])
    letters = "".join(char for char in short if char.isupper())
    if len(letters) < 3 or " " in short:
        return start
    words = _LIST_WORD_RE.findall(name)
    if not words or words[-1] not in ORG_HEADS or spells_acronym(words, letters):
        return start  # a body's name only: "Porto, Braga and Coimbra (PBC)" is a list
    window = max(0, start - _DEFINED_REACH)
    before = list(_LIST_WORD_RE.finditer(text, window, start))
    best = start
    crossed = False
    for index in range(len(before) - 1, -1, -1):
        match = before[index]
        gap = text[match.end() : before[index + 1].start() if index + 1 < len(before) else start]
        if gap.strip(" ") not in ("", ","):
            break
        crossed = crossed or "," in gap
        word = match.group()
        if word not in _SPELLING_CONNECTORS and not word[:1].isupper():
            break
        if crossed and word[:1].isupper():
            tail = [m.group() for m in before[index:]]
            if spells_acronym([*tail, *words], letters):
                best = match.start()
    return best


def is_short_form(word: str) -> bool:
    """Return whether ``word`` reads as an acronym: "WFP", "U.S.G.S.", "CBvS" (two capitals
    or more, ten characters at most)."""
    bare = word.replace(".", "")
    return is_acronym(bare) or (
        len(bare) <= 10 and sum(c.isupper() for c in bare) >= 2 and bare[:1].isupper()
    )


def split_possessive(text: str) -> tuple[str, str]:
    """Return ``(owner, rest)`` of "Taiwan's Ministry of National Defense"; ``("", text)``
    without a possessive owner.

    Only a capitalised owner with "'s" counts: a plural possessive is part of the name
    ("Doctors' Union of Kenya"), and "its ministry" has no owner. The rest must start with a
    capital: "Taiwan's defence ministry" is a description, not a name, and stays whole.
    """
    match = _POSSESSIVE_RE.match(text)
    if match is None:
        return "", text
    owner, rest = match["owner"].strip(), text[match.end() :]
    if not owner[:1].isupper() or not rest[:1].isupper():
        return "", text
    return owner, rest


def split_role(text: str) -> tuple[str, str, str]:
    """Return ``(affiliation, role, name)`` of a titled person's name.

    "Kremlin spokesman Dmitry Peskov" gives ``("Kremlin", "spokesman", "Dmitry Peskov")``;
    "US Secretary of State Antony Blinken" ``("US", "Secretary of State", "Antony
    Blinken")``. The name is the run of capitalised words (and particles such as "von der")
    that ends the phrase; right before it stands a role noun (:data:`ROLE_NOUNS`), or "of"
    and a department after one ("Secretary of State"); the role runs left over role words
    (:data:`ROLE_WORDS`), and up to four words before it are the affiliation. Otherwise, or
    when the name ends in an organisation's head word ("General Motors"), returns
    ``("", "", text)``.
    """
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    raw = [text[s:e] for s, e in words]
    low = [w.casefold().strip(".,") for w in raw]
    first = len(words)
    while first > 0 and low[first - 1] not in ROLE_NOUNS:
        if not (
            raw[first - 1][:1].isupper()
            or (low[first - 1] in _NAME_PARTICLES and first < len(words))
        ):
            break
        first -= 1
    titled = False  # "Secretary of State Antony Blinken": "of State" is the title's
    if 1 < first < len(words) and low[first - 1] in _ROLE_JOINERS and low[first - 2] in ROLE_NOUNS:
        while first < len(words) - 1 and low[first] in _DEPARTMENTS:
            first, titled = first + 1, True
    role_start = -1  # where a title with "of"/"for" and a department name starts
    if not titled and 1 < first < len(words) and low[first - 1] in _ROLE_JOINERS:
        # "Minister of State for Digital Affairs Aoife Byrne": the name follows the last
        # department word, at least two words before the end
        role_start = _title_start(low, first)
        last = max((i for i in range(first, len(words) - 2) if low[i] in _DEPARTMENTS), default=-1)
        if role_start >= 0 and last >= 0:
            first, titled = last + 1, True
        else:
            role_start = -1
    if titled and all(low[i] in _DEPARTMENTS for i in range(first, len(words))):
        return "", "", text  # "Minister for Foreign Affairs": a title, nobody named
    while first < len(words) and low[first] in _NAME_PARTICLES:
        first += 1
    if first in (0, len(words)) or low[first - 1] in _ROLE_JOINERS:
        return "", "", text
    if low[first - 1] not in ROLE_NOUNS and not titled:
        return "", "", text
    if raw[-1].strip(".,") in ORG_HEADS or len(words) - first > 5:
        return "", "", text
    start = first - 1 if role_start < 0 else role_start
    while start > 0 and (
        low[start - 1] in ROLE_WORDS
        or (low[start - 1] in _ROLE_JOINERS and start > 1 and low[start - 2] in ROLE_WORDS)
    ):
        start -= 1
    affiliation = text[: words[start][0]].strip()
    if len(affiliation.split()) > 4:
        return "", "", text
    if affiliation.islower():  # "federation chairman Tomas Reinholt": all of it is the role
        start, affiliation = 0, ""
    return affiliation, text[words[start][0] : words[first - 1][1]], text[words[first][0] :]


def _title_start(low: list[str], name: int) -> int:
    """Return the index of the role noun that leads the chain of "of"/"for" and department
    words ending right before ``name`` ("Minister of State for"), or -1."""
    index = name - 2
    while index >= 0 and (low[index] in _DEPARTMENTS or low[index] in _ROLE_JOINERS):
        index -= 1
    return index if index >= 0 and low[index] in ROLE_NOUNS and name - index <= 5 else -1


@dataclass(frozen=True, slots=True)
class NameParts:
    """What a written name says: the name itself and the parts that are not the name."""

    name: str  # "Dmitry Peskov", "Ministry of National Defense", "World Food Programme"
    short: str = ""  # a parenthesised acronym: "WFP"
    owner: str = ""  # a possessive owner: "Taiwan"
    role: str = ""  # "spokesman", "Defence Minister"
    affiliation: str = ""  # what comes before the role: "Kremlin", "Turkish"


def parse_name(text: str) -> NameParts:
    """Return the parts of a written name: determiner dropped, then acronym, possessive
    owner and title split off ("The World Food Programme (WFP)" is the name "World Food
    Programme" with the short form "WFP")."""
    rest = " ".join(strip_determiner(text).split())
    rest, short = split_parenthesised_acronym(rest)
    owner, rest = split_possessive(rest)
    affiliation, role, rest = split_role(rest)
    return NameParts(rest, short, owner, role, affiliation)

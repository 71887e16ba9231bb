"""Word lists for typing discovered names, read from data packages, and :func:`fold`, the key
every lookup uses.

Sources (all offline, shipped inside the packages):

- English words: english-words' copy of Webster's Second (``web2``), which keeps proper
  nouns capitalised, so "grain" is an ordinary word and "Moscow" is not;
- first names: gender-guesser's name dictionary (about 48,000 names from many countries);
- personal titles and name particles: nameparser's constants, with the corrections of
  :mod:`briefings.common.lexicon`;
- companies' legal forms written after the name ("AG", "Oyj", "GmbH"): cleanco's term lists;
- well-known names that no pattern types ("Reuters", "Storting", "Eurostat"):
  ``known_names.yml`` next to this module, which says where its entries come from and how
  to add to it.

Every word is stored folded (:func:`fold`), so "Kahramanmaras" finds "Kahramanmaraş".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from importlib import resources

import yaml
from cleanco import termdata  # type: ignore[import-untyped,unused-ignore]
from english_words import get_english_words_set  # type: ignore[import-untyped,unused-ignore]
from nameparser.config import CONSTANTS

from briefings.common.lexicon import EXTRA_COMPANY_FORMS, EXTRA_ROLES, NOT_ROLES

__all__ = [
    "KNOWN_COMPANY",
    "KNOWN_NAME_TYPES",
    "fold",
    "load_company_suffixes",
    "load_first_names",
    "load_known_names",
    "load_name_particles",
    "load_roles",
    "load_web2",
]

KNOWN_NAME_TYPES = frozenset({"person", "organization", "place", "equipment", "event", "other"})
# The section of ``known_names.yml`` for companies: organisations whose name an article may
# use for something else ("the Amazon" is the river).
KNOWN_COMPANY = "company"

# Letters that Unicode decomposition leaves alone but ASCII spellings replace.
_FOLD_TABLE = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th"})
_FOLD_TABLE.update({ord("æ"): "ae", ord("œ"): "oe", ord("ß"): "ss", ord("’"): "'"})

# In nam_dict.txt, per-country frequencies start at column 30 (see the file's header).
_NAM_DICT_FREQUENCIES = 30
_HEX_DIGITS = frozenset("123456789ABCDEFabcdef")


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, with "ı", "ł", "ø"... spelt in ASCII."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD_TABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def load_web2() -> tuple[frozenset[str], frozenset[str]]:
    """Return (ordinary lower-case words, words Webster's capitalises), both folded."""
    words: Iterable[str] = get_english_words_set(["web2"], lower=False, alpha=True)
    ordinary: set[str] = set()
    proper: set[str] = set()
    for word in words:
        (proper if word[:1].isupper() else ordinary).add(fold(word))
    return frozenset(ordinary), frozenset(proper - ordinary)


def load_first_names() -> frozenset[str]:
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


def load_roles() -> frozenset[str]:
    """Return the folded words that name a person's role or title ("minister", "spokesman")."""
    roles = frozenset(
        fold(title)
        for title in CONSTANTS.titles
        if title.isascii() and title.replace("-", "").isalpha() and title not in NOT_ROLES
    )
    return roles | EXTRA_ROLES


def load_name_particles() -> tuple[frozenset[str], tuple[str, ...]]:
    """Return the particles inside names ("da", "bin") and those joined by a hyphen or an
    apostrophe ("al-", "d'")."""
    particles = frozenset(p for p in CONSTANTS.prefixes if p.isascii() and p.isalpha())
    hyphen_particles = tuple(
        sorted(p for p in CONSTANTS.prefixes if p.isascii() and p[-1:] in "-'" and len(p) > 1)
    )
    return particles, hyphen_particles


def load_company_suffixes() -> frozenset[str]:
    """Return cleanco's legal forms of companies written as one word, folded.

    Dotted forms count without their dots ("B.V." is also written "BV"); forms of several
    words are left out; the few forms cleanco lacks come from the lexicon. The caller
    decides which are too common to trust (English words, "UK").
    """
    terms: set[str] = set()
    for table in (termdata.terms_by_type, termdata.terms_by_country):
        for values in table.values():
            for term in values:
                word = term.replace(".", "")
                if word.isalpha() and len(word) > 1:
                    terms.add(fold(word))
    return frozenset(terms | {fold(form) for form in EXTRA_COMPANY_FORMS})


def load_known_names() -> dict[str, str]:
    """Return ``known_names.yml`` as folded name -> entity type, or :data:`KNOWN_COMPANY`.

    Raises ValueError naming the entry when the file is not a mapping of known types to
    lists of names (a broken data file is a bug to fix in the package, not an input error).
    """
    data = resources.files("briefings.entities.discovery").joinpath("known_names.yml")
    loaded = yaml.safe_load(data.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError("known_names.yml: expected a mapping of entity types to name lists")
    names: dict[str, str] = {}
    for kind, values in loaded.items():
        if (kind not in KNOWN_NAME_TYPES and kind != KNOWN_COMPANY) or not isinstance(values, list):
            raise ValueError(f"known_names.yml: {kind!r} is not an entity type with a name list")
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"known_names.yml: {value!r} under {kind!r} is not a name")
            names[fold(value)] = kind
    return names

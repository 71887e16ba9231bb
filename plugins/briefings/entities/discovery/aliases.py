"""Short forms an article defines for a name: acronyms in brackets and "known as" phrases.

"World Food Programme (WFP)" makes "WFP" an alias of "World Food Programme"; "unmanned
aerial vehicles (UAVs)" makes "UAVs" a generic abbreviation that is no name at all;
"Mohamed Hamdan Dagalo, widely known as Hemedti" makes "Hemedti" an alias.

An acronym is read off the long form's initials (:func:`initials_match`); a one-word long
form may also hold the acronym's letters in order, starting with its first letter
("Kuomintang (KMT)"), as in Schwartz and Hearst's abbreviation algorithm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.common.lexicon import CONNECTORS
from briefings.entities.discovery.spans import Token
from briefings.entities.discovery.word_lists import fold

__all__ = [
    "acronym_after",
    "bracketed_after",
    "definition_start",
    "initials_match",
    "is_alias_gap",
    "is_generic_definition",
]

# ", known as ", "(also known as ", ", known in Norwegian as " (a language's name between).
_ALIAS_GAP_RE = re.compile(
    r",? \(?(?:(?:also|widely|better|commonly|popularly|locally) )?"
    r"(?:known(?: (?:locally )?in [A-Z][a-z]+)? as|nicknamed) "
)
_HYPHEN_RE = re.compile(r"[-‐‑]")


def is_alias_gap(gap: str) -> bool:
    """Return True if the text between two names makes the second an alias (", known as ")."""
    return _ALIAS_GAP_RE.fullmatch(gap) is not None


def acronym_letters(text: str) -> str:
    """Return the capital letters of an acronym ("UAVs" -> "UAV", "S&P" -> "SP")."""
    return "".join(char for char in text if char.isupper())


def bracketed_after(paragraph: str, tokens: Sequence[Token], last: int) -> Token | None:
    """Return the one word written in brackets right after ``tokens[last]`` ("X (Y)"),
    or None."""
    index = last + 1
    if index >= len(tokens):
        return None
    token = tokens[index]
    if (
        paragraph[tokens[last].end : token.start] != " ("
        or paragraph[token.end : token.end + 1] != ")"
    ):
        return None
    return token


def acronym_after(paragraph: str, tokens: Sequence[Token], last: int) -> str | None:
    """Return the acronym written in brackets right after ``tokens[last]``, or None."""
    token = bracketed_after(paragraph, tokens, last)
    if token is None or not (token.acronym or _mixed_case_acronym(token.text)):
        return None
    return token.text


def _mixed_case_acronym(text: str) -> bool:
    """Return True for an acronym with a few small letters: "CBvS" (Centrale Bank van
    Suriname), "KfW", "MoD": more capitals than small letters, and at least two."""
    upper = sum(char.isupper() for char in text)
    lower = sum(char.islower() for char in text)
    return text.isalpha() and upper >= 2 and upper > lower


def initials_match(words: Sequence[str], letters: str) -> bool:
    """Return True if ``letters`` (an acronym's capitals) can be read off ``words``' initials.

    Every capitalised word gives its initial (or the initials of its first hyphenated
    parts), an all-capital word gives all its letters, a connector or lower-case word gives
    its initial or nothing: "Alliance of Small Island States" -> "AOSIS", "US Agency for
    International Development" -> "USAID".
    """

    def match(word_index: int, letter_index: int) -> bool:
        """Return True if words from ``word_index`` spell letters from ``letter_index``."""
        if word_index == len(words):
            return letter_index == len(letters)
        word = words[word_index]
        rest = letters[letter_index:]
        if word in CONNECTORS or word.islower():
            if match(word_index + 1, letter_index):
                return True
            return (
                bool(rest)
                and rest[0] == word[0].upper()
                and match(word_index + 1, letter_index + 1)
            )
        if word.isupper():
            core = acronym_letters(word)
            return rest.startswith(core) and match(word_index + 1, letter_index + len(core))
        parts = [part for part in _HYPHEN_RE.split(word) if part]
        part_initials = "".join(fold(part[0]).upper() for part in parts)  # "Évora": E
        return any(
            rest.startswith(part_initials[:count]) and match(word_index + 1, letter_index + count)
            for count in range(1, len(parts) + 1)
        )

    return bool(letters) and match(0, 0)


def _letters_in_word(word: str, letters: str) -> bool:
    """Return True if ``word`` starts with the first letter and holds the others in order."""
    lowered = word.lower()
    if not letters or not lowered.startswith(letters[0].lower()):
        return False
    position = 1
    for letter in letters[1:].lower():
        position = lowered.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def definition_start(words: Sequence[str], acronym: str) -> int | None:
    """Return where the long form of ``acronym`` starts among ``words`` (the name before it).

    The longest tail of ``words`` whose initials spell the acronym wins ("Shares of
    Advanced Micro Devices (AMD)" -> "Advanced Micro Devices"); failing that, a last word
    holding the acronym's letters in order ("Kuomintang (KMT)"). None if nothing fits.
    """
    letters = acronym_letters(acronym)
    for start, word in enumerate(words):
        if word not in CONNECTORS and initials_match(words[start:], letters):
            return start
    if len(letters) > 1 and _letters_in_word(words[-1], letters):
        return len(words) - 1
    return None


def is_generic_definition(tokens: Sequence[Token], index: int) -> bool:
    """Return True if the acronym at ``index`` abbreviates lower-case words ("UAVs").

    Such an acronym names a kind of thing, not an entity.
    """
    letters = acronym_letters(tokens[index].text)
    before = [token.text for token in tokens[max(0, index - len(letters)) : index]]
    return (
        bool(before) and all(word.islower() for word in before) and initials_match(before, letters)
    )

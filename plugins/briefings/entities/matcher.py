"""Find glossary mentions in plain text: one Aho-Corasick pass per text, whole words only.

The matcher is built once per site build from every (surface, entry id, case-sensitive)
triple of the glossary, then asked for the mentions of thousands of text fragments.

Text and surfaces are compared after a *same-length* character mapping, so offsets into
the normalised text are offsets into the original text:

- every whitespace character (space, tab, newline, NBSP, thin space...) becomes " ";
- every apostrophe variant (straight, curly left and right, modifier letter, prime...)
  becomes "'" (see :data:`APOSTROPHES`);
- every hyphen or dash variant (hyphen-minus, hyphen, non-breaking hyphen, en and em
  dashes, minus...) becomes "-" (see :data:`HYPHENS`). Only a surface that has a hyphen
  can match one, since surfaces go through the same mapping.

Surfaces have their whitespace runs collapsed to one space; the text does not (collapsing
would change offsets), so a mention written with two spaces in a row is not found.

Case: a surface matches exactly (up to the mapping above) unless its entry says
``case_sensitive: false``; an acronym (two or more upper-case letters, no lower-case) is
always case-sensitive. Case-insensitive comparison lower-cases both sides with
``str.lower`` after folding the few characters whose lower-case form is not one fixed
character (capital I with dot becomes "i", final and capital sigma become small sigma).

Words: a mention starts and ends on a word boundary, where word characters are Unicode
letters, digits and combining marks. A possessive ("'s" with any apostrophe, or a bare
apostrophe after *s*) is left out of the mention by that rule alone, since apostrophes are not word
characters. A mention does not start right after a letter and an apostrophe either, so
"Brien" is not found inside "O'Brien".

Overlaps: the leftmost candidate wins, then the longest at that position; on an exact tie
a case-sensitive term beats a case-insensitive one, then the earlier term wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import ahocorasick

from briefings.common.names import (
    fold_case,
    is_acronym,
    is_word_char,
    normalise_surface,
    normalise_text,
)
from briefings.content.sentences import sentence_at, split_sentences
from briefings.entities.model import Mention

if TYPE_CHECKING:
    from briefings.entities.glossary import Glossary

__all__ = [
    "Matcher",
    "Mention",
    "build_matcher",
    "count_mentions",
]

_FINAL_SIGMA = "\u03c2"
_SMALL_SIGMA = "\u03c3"

_EXACT = 0
_FOLDED = 1


class Matcher:
    """Finds every mention of a fixed set of terms in a text, in one pass per automaton.

    Build it once; :meth:`find_mentions` only reads it and costs one pass per automaton.
    """

    __slots__ = ("_exact", "_folded")

    def __init__(self, terms: Iterable[tuple[str, str, bool]]) -> None:
        """Compile ``(surface, entry_id, case_sensitive)`` triples into two automatons.

        Blank surfaces are ignored. When two terms have the same normalised surface (and
        the same case rule), the first one given wins.
        """
        exact = ahocorasick.Automaton()
        folded = ahocorasick.Automaton()
        for index, (surface, entry_id, case_sensitive) in enumerate(terms):
            key = normalise_surface(surface)
            if not key:
                continue
            if case_sensitive or is_acronym(surface):
                automaton, kind = exact, _EXACT
            else:
                automaton, kind, key = folded, _FOLDED, fold_case(key)
            if not automaton.exists(key):
                automaton.add_word(key, (len(key), kind, index, entry_id))
        self._exact = exact if len(exact) else None
        self._folded = folded if len(folded) else None
        for automaton in (self._exact, self._folded):
            if automaton is not None:
                automaton.make_automaton()

    def find_mentions(self, text: str) -> list[Mention]:
        """Return the non-overlapping mentions in ``text``, sorted by start offset."""
        if not text or (self._exact is None and self._folded is None):
            return []
        normalised = normalise_text(text)
        candidates: list[tuple[int, int, int, int, str]] = []
        if self._exact is not None:
            for end, (length, kind, index, entry_id) in self._exact.iter(normalised):
                candidates.append((end + 1 - length, -length, kind, index, entry_id))
        if self._folded is not None:
            folded = normalised.lower()
            if len(folded) != len(normalised):
                folded = fold_case(normalised)
            elif _FINAL_SIGMA in folded:
                folded = folded.replace(_FINAL_SIGMA, _SMALL_SIGMA)
            for end, (length, kind, index, entry_id) in self._folded.iter(folded):
                candidates.append((end + 1 - length, -length, kind, index, entry_id))
        candidates.sort()
        mentions: list[Mention] = []
        covered = 0
        for start, negative_length, _kind, _index, entry_id in candidates:
            end = start - negative_length
            if start >= covered and _on_word_boundaries(normalised, start, end):
                mentions.append(Mention(start, end, entry_id))
                covered = end
        return mentions


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    """Return True if ``text[start:end]`` neither starts nor ends inside a word.

    Also False right after a letter and an apostrophe ("Brien" in "O'Brien"). ``text`` is
    normalised, so every apostrophe variant is "'".
    """
    if start > 0 and is_word_char(text[start]):
        before = text[start - 1]
        if is_word_char(before):
            return False
        if before == "'" and start > 1 and is_word_char(text[start - 2]):
            return False
    return not (end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1]))


def build_matcher(glossary: Glossary) -> Matcher:
    """Return a :class:`Matcher` for every name and alias of every entry of ``glossary``."""
    return Matcher(
        (surface, entry.id, entry.case_sensitive)
        for entry in glossary
        for surface in entry.surfaces
    )


def count_mentions(
    text: str,
    mentions: Iterable[Mention],
    counts: Counter[str],
    first_sentence: dict[str, str],
) -> None:
    """Count ``mentions`` of ``text`` per entry, and note the sentence of each entry's first."""
    for mention in mentions:
        counts[mention.entry_id] += 1
        if mention.entry_id not in first_sentence:
            first_sentence[mention.entry_id] = sentence_at(
                text, split_sentences(text), mention.start
            )

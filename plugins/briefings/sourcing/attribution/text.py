"""The text being read: a sentence of the paragraph and the word-level helpers on it.

:class:`Sentence` wraps one sentence with its paragraph's quotation spans (see
:func:`quoted_spans`) and date lookups; :func:`split_chunks` cuts a region at commas, quotes,
colons and dashes. The rest are tests on single words and spans: bare form, capitals, and
whether a span looks like a name ("Lim Soo-ho", "Kremlin spokesman Dmitry Peskov").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from briefings.sourcing.attribution.words import (
    LEADING_JUNK,
    LEGAL_FORMS,
    NAME_CONNECTORS,
    NOT_SUBJECTS,
    PREPOSITIONS,
    QUOTE_CHARS_RE,
    SEPARATOR_RE,
    TITLE_WORDS,
    TRAILING_PUNCT,
    WORD_RE,
)
from briefings.sourcing.dates import date_phrase_at, date_phrase_ending_at


class Sentence:
    """One sentence of a paragraph, with the lookups the rules share."""

    def __init__(self, text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> None:
        """Wrap ``text[start:end]``; ``quotes`` are the paragraph's quotation spans."""
        self.text = text
        self.start = start
        self.end = end
        body_end = end
        while body_end > start and text[body_end - 1] in TRAILING_PUNCT:
            body_end -= 1
        self.body_end = body_end  # the end without final punctuation and closing quotes
        self.quotes = quotes

    def in_quote(self, pos: int) -> bool:
        """Return whether ``pos`` is inside a quotation."""
        return in_quotes(self.quotes, pos)

    def date_ending_at(self, pos: int) -> int | None:
        """Return the start of a date phrase of this sentence ending at ``pos``, or None."""
        start = date_phrase_ending_at(self.text, pos)
        return start if start is not None and start >= self.start else None

    def date_starting_at(self, pos: int) -> int | None:
        """Return the end of a date phrase of this sentence starting at ``pos``, or None."""
        end = date_phrase_at(self.text, pos)
        return end if end is not None and end <= self.end else None


@dataclass(frozen=True, slots=True)
class Chunk:
    """A stretch of a sentence between separators (commas, quotes, dashes)."""

    start: int
    end: int
    sep_before: str  # the separator text before the chunk ("" at the region start)


def in_quotes(quotes: list[tuple[int, int]], pos: int) -> bool:
    """Return whether ``pos`` falls strictly inside one of the sorted spans ``quotes``."""
    index = bisect.bisect_right(quotes, (pos, pos)) - 1
    return index >= 0 and quotes[index][0] < pos < quotes[index][1]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of closed quotations (“...”, "...", ‘...’) in ``text``, in order.

    Curly and straight double quotes pair with each other (seed text mixes them); a quote
    never closed is ignored, so an unclosed quote hides no attribution.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    single: int | None = None
    for match in QUOTE_CHARS_RE.finditer(text):
        char, pos = match.group(), match.start()
        if char == "‘":
            if opened is None and single is None:
                single = pos
        elif char == "’":
            # A closing single quote, not an apostrophe ("Russia’s"), when no letter follows.
            if single is not None and not text[pos + 1 : pos + 2].isalnum():
                spans.append((single, pos + 1))
                single = None
        elif opened is None:
            if char != "”":
                opened = pos
        elif char == "“":
            opened = pos
        else:
            spans.append((opened, pos + 1))
            opened = None
    spans.sort()
    return spans


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of the words of ``text[start:end]``."""
    return [match.span() for match in WORD_RE.finditer(text, start, end)]


def bare(word: str) -> str:
    """Return ``word`` lower-cased, without surrounding punctuation or a possessive "'s"."""
    word = word.strip("().,;:&").lower()
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word


def word_at(text: str, span: tuple[int, int]) -> str:
    """Return the bare form (see :func:`bare`) of the word at ``span``."""
    return bare(text[span[0] : span[1]])


def is_acronym_at(text: str, span: tuple[int, int]) -> bool:
    """Return whether the word at ``span`` is written in capitals ("WHO", "(AS)"): an
    acronym, never the function word it spells."""
    letters = [c for c in text[span[0] : span[1]] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_capitalised(word: str) -> bool:
    """Return whether ``word`` starts with a capital or a digit."""
    stripped = word.lstrip("(")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``[start, end)`` without surrounding whitespace and clause punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end


# -- chunks and names ----------------------------------------------------------------------


def split_chunks(text: str, start: int, end: int) -> tuple[list[Chunk], bool]:
    """Return the chunks of ``text[start:end]`` and whether the region ends with a separator."""
    chunks: list[Chunk] = []
    previous_end = start
    position = start
    for match in SEPARATOR_RE.finditer(text, start, end):
        dash = match.start()
        if text[dash] == "-" and not (
            text[dash - 1 : dash].isspace() and text[dash + 1 : dash + 2].isspace()
        ):
            continue  # a hyphen inside a word ("US-led"), not a dash
        chunk_start, chunk_end = _strip_space(text, position, match.start())
        if chunk_start < chunk_end and _joins_previous(text, chunks, chunk_start, chunk_end):
            chunks[-1] = Chunk(chunks[-1].start, chunk_end, chunks[-1].sep_before)
            previous_end = chunk_end
        elif chunk_start < chunk_end:
            chunks.append(Chunk(chunk_start, chunk_end, text[previous_end:chunk_start]))
            previous_end = chunk_end
        position = match.end()
    chunk_start, chunk_end = _strip_space(text, position, end)
    if chunk_start < chunk_end and _joins_previous(text, chunks, chunk_start, chunk_end):
        chunks[-1] = Chunk(chunks[-1].start, chunk_end, chunks[-1].sep_before)
        return chunks, False
    if chunk_start < chunk_end:
        chunks.append(Chunk(chunk_start, chunk_end, text[previous_end:chunk_start]))
        return chunks, False
    return chunks, bool(chunks)


def _joins_previous(text: str, chunks: list[Chunk], start: int, end: int) -> bool:
    """Return whether the chunk ``text[start:end]`` is a legal form that ends the name
    before its comma ("Tarn Mobility Co., Ltd."), not a chunk of its own."""
    return (
        bool(chunks)
        and text[chunks[-1].end : start].strip() == ","
        and text[start:end].strip(".").casefold() in LEGAL_FORMS
    )


def _strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``[start, end)`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_name_like(text: str, start: int, end: int) -> bool:
    """Return whether ``text[start:end]`` looks like a name: "Lim Soo-ho", "Kremlin spokesman X"."""
    words = [text[s:e] for s, e in word_spans(text, start, end)]
    if not words or len(words) > 9:
        return False
    if not (is_capitalised(words[0]) and is_capitalised(words[-1])):
        return False
    first = bare(words[0])
    if first in PREPOSITIONS or first in LEADING_JUNK or first in NOT_SUBJECTS:
        return False  # "According to Reuters", "In Moscow", "But Putin"
    return all(
        is_capitalised(word) or bare(word) in NAME_CONNECTORS or bare(word) in TITLE_WORDS
        for word in words
    )

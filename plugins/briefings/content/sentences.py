"""Sentence boundaries in news prose, as character spans.

A rule-based splitter written for speed (tens of microseconds per article) and for the
cases news copy is full of: titles ("Dr.", "Gen."), dotted acronyms ("U.S."), initials
("J. R. R. Tolkien"), abbreviated months before a day ("Sept. 5"), decimals ("3.5"),
ellipses and closing quotes after the final punctuation ("...merits." and "...Ukraine”.").

A candidate boundary is a run of ".", "!", "?" or "…" (with any closing quotes or brackets
after it) followed by whitespace and then a capital letter or a digit, possibly behind an
opening quote or bracket; a lower-case continuation never starts a sentence. A full stop
after an abbreviation is then judged by the abbreviation's class (see ``_ends_sentence``).
A blank line is always a boundary.

Why not a library (measured on the 3.5 KB seed article and a 30-case truth table like the
one in tests/unit/test_sentences.py, on this project's 2-core machine): pysbd 6.4 ms per
article; syntok 1.9 ms; blingfire 0.10 ms but needs numpy and splits "St. Petersburg" and
'"Really?" she asked'; nupunkt 0.09 ms, one miss, a trained model plus module-level caches;
sentencex 0.04 ms but keeps "in May. Prices fell." as one sentence. This module: about 0.07 ms
per article, spans directly, no dependency.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence


def _word_set(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``words`` as a set (for readable word lists)."""
    return frozenset(words.split())


# Abbreviations that, before a capitalised word, never end a sentence: titles and ranks
# that precede a name, and Latin/editorial shorthands. Lower case, without the last dot.
_TITLES = _word_set(
    """
    mr mrs ms mx dr prof gen col lt sgt capt cpt maj adm cmdr cdr brig cpl pvt pte sen rep
    gov pres rev hon st ste mt ft fr messrs mme mlle amb insp det supt gov atty sec treas
    lieut comdr vs v cf approx ca viz e.g i.e al dept univ assn
    """
)
# Abbreviated given names written before the rest of a name, compared case-sensitively:
# "Md." and "Mohd." (Muhammad) and "Mst." (Mosammat) in Bangladeshi and Malaysian names
# ("Md. Abdur Rahim"); "MD." in capitals is the medical degree and may end a sentence.
_NAME_ABBREVIATIONS = _word_set("Md Mst Mohd Muhd")
# Shorthands that end a sentence only when no number follows ("No. 10", "Jan. 5", "p. 12").
_BEFORE_NUMBERS = _word_set(
    """
    no nos vol vols pp p fig figs art ch para jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
# Abbreviations that are as likely to end a sentence as not ("Acme Inc. The company ...",
# "the U.S. Army"): they end one only when a typical sentence opener follows.
_AMBIGUOUS = _word_set("inc ltd co corp plc llc bros jr sr etc esq")
# Capitalised words that open sentences but rarely follow an abbreviation inside one.
_SENTENCE_OPENERS = _word_set(
    """
    a an the this that these those it its he she they we i you his her their our my there
    here but and or so yet however meanwhile moreover nevertheless instead still then now
    also in on at for after before when while if as although though since because despite
    during last earlier later some many most several such one two three no not what why how
    who where which both each every all other others another only even
    """
)

# A run of sentence-final punctuation plus the closing quotes/brackets after it, followed by
# whitespace or the end of the text. Decimals and "U.S.Army" never match (no space follows).
_CANDIDATE_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|\Z)")
_WORD_BEFORE_RE = re.compile(r"[\w.'’-]*\w\Z")
_DOTTED_ACRONYM_RE = re.compile(r"(?:\w\.)+\w\Z")
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_OPENERS = "\"'“‘«([¿¡"
_NEXT_WORD_RE = re.compile(r"[\w’'-]+")


def _next_start(text: str, pos: int) -> int:
    """Return the index of the first character after whitespace and opening quotes at ``pos``."""
    length = len(text)
    while pos < length and text[pos].isspace():
        pos += 1
    while pos < length and text[pos] in _OPENERS:
        pos += 1
    return pos


def _ends_sentence(text: str, run_start: int, run: str, next_pos: int) -> bool:
    """Return whether the punctuation ``run`` at ``run_start`` ends a sentence.

    ``next_pos`` indexes the first letter or digit of what follows (after whitespace and
    opening quotes); the caller has checked that it exists.
    """
    first_next = text[next_pos]
    if not (first_next.isupper() or first_next.isdigit()):
        return False
    if run[0] != "." or run.startswith(".."):
        return True  # "?", "!", "…" and "..." end a sentence before a capital.
    match = _WORD_BEFORE_RE.search(text, max(0, run_start - 40), run_start)
    if match is None:
        return True
    token = match.group().lstrip(".'’-")
    lower = token.lower()
    if lower in _TITLES or token in _NAME_ABBREVIATIONS:
        return False
    if lower in _BEFORE_NUMBERS:
        return not first_next.isdigit()
    is_initial = len(token) == 1 and token.isalpha()
    if lower in _AMBIGUOUS or is_initial or _DOTTED_ACRONYM_RE.match(token):
        word = _NEXT_WORD_RE.match(text, next_pos)
        return word is not None and word.group().lower() in _SENTENCE_OPENERS
    return True


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append to ``spans`` the sentences of ``text[start:end]``, a block without blank lines."""
    sentence_start = _next_start_plain(text, start, end)
    if sentence_start >= end:
        return
    for match in _CANDIDATE_RE.finditer(text, sentence_start, end):
        boundary = match.end()
        next_pos = _next_start(text, boundary)
        if next_pos < end and not _ends_sentence(text, match.start(), match.group(), next_pos):
            continue
        if boundary <= sentence_start:
            continue
        spans.append((sentence_start, boundary))
        sentence_start = _next_start_plain(text, boundary, end)
        if sentence_start >= end:
            return
    last = end
    while last > sentence_start and text[last - 1].isspace():
        last -= 1
    if last > sentence_start:
        spans.append((sentence_start, last))


def _next_start_plain(text: str, pos: int, end: int) -> int:
    """Return the index of the first non-whitespace character at or after ``pos`` (max ``end``)."""
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


@functools.lru_cache(maxsize=256)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return the ``(start, end)`` character spans of the sentences of ``text``, in order.

    Memoised: a paragraph is split once although the publisher, the attribution finder,
    the unattributed-claims report and entity discovery all ask for its sentences.

    Every span starts at a non-space character and ends right after the sentence's last
    punctuation and any closing quotes or brackets (or at its last non-space character when
    it has no final punctuation); the whitespace between sentences belongs to no span.
    Spans never overlap and together cover every non-space character. Never raises.
    """
    spans: list[tuple[int, int]] = []
    block_start = 0
    for blank in _BLANK_LINE_RE.finditer(text):
        _split_block(text, block_start, blank.start(), spans)
        block_start = blank.end()
    _split_block(text, block_start, len(text), spans)
    return tuple(spans)


def sentence_at(text: str, spans: Sequence[tuple[int, int]], offset: int) -> str:
    """Return the sentence of ``text`` (split into ``spans``) that holds ``offset``.

    Falls back to the whole text when ``offset`` lies between sentences.
    """
    return next((text[start:end] for start, end in spans if start <= offset < end), text)

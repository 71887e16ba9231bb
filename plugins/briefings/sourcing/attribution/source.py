"""The source phrase and the :class:`Attribution` built from it.

:func:`np_right` reads the noun phrase to the right of a cue ("according to X", "told Y",
'"...," said X'); :func:`refine_source` finds the owner inside a document phrase ("a report by
the Financial Times", "RUSI's analysis") and keeps the phrase as the channel;
:func:`make_attribution` trims a source span, rejects a pronoun and decides whether the source
is anonymous ("a defence official", "senior officials").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.sourcing.attribution.text import (
    Sentence,
    bare,
    is_acronym_at,
    is_capitalised,
    is_name_like,
    strip_span,
    word_at,
    word_spans,
)
from briefings.sourcing.attribution.words import (
    BREAKS,
    DEFINITE,
    DETERMINERS,
    DOC_ACCESS_RE,
    DOC_ANY_RE,
    DOC_BY_RE,
    DOC_END_RE,
    DOC_NAMED_RE,
    DOC_ONLY_RE,
    DOC_POSSESSIVE_RE,
    NAME_CONNECTORS,
    PRONOUNS,
    RIGHT_STOP_WORDS,
    ROLE_NOUNS,
    TRAILING_PUNCT,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement in a paragraph; all offsets index the paragraph text."""

    sentence_start: int
    sentence_end: int  # the footnote marker goes here, after closing punctuation and quotes
    source: str  # as written, cleaned: "the White House", "a defence official"
    source_start: int
    source_end: int
    cue: str  # "according to", "said", "revealed", "in an interview with", "seen by", ...
    channel: str  # how it reached us, as written: "an interview with Associated Press", or ""
    anonymous: bool  # an unnamed source, or one speaking on condition of anonymity
    via: str  # the medium for "accessed/obtained/seen by X", "interview with X", "told X"
    cue_start: int = -1  # offset of the cue in the paragraph (-1 when unknown)


@dataclass(frozen=True, slots=True)
class Source:
    """A source span in the paragraph, with the channel and medium found with it."""

    start: int
    end: int
    channel: str = ""
    via: str = ""


def np_right(sentence: Sentence, pos: int, single: bool = False) -> tuple[int, int] | None:
    """Return the span of the noun phrase at ``pos`` (up to a comma, clause word, date) or None.

    With ``single``, the phrase is one name or one noun phrase: it also ends before a second
    determiner or a pronoun ("told Reuters the summit ...") and, once it has a capitalised
    word, before a lower-case word other than a connector ("the Guardian show ...").
    """
    text = sentence.text
    stop = sentence.body_end
    while pos < stop and text[pos].isspace():
        pos += 1
    end = pos
    capitalised = False
    for count, (word_start, word_end) in enumerate(word_spans(text, pos, stop)):
        if any(char in BREAKS for char in text[end:word_start]):
            break
        if sentence.date_starting_at(word_start) is not None:
            break
        raw = text[word_start:word_end]
        word = bare(raw)
        if (
            word in RIGHT_STOP_WORDS
            and not is_acronym_at(text, (word_start, word_end))
            and not (
                word == "to"
                and end > pos
                and (
                    bare(text[pos:end].split()[-1]) in ("close", "closer")
                    or (
                        DOC_END_RE.search(text[pos:end].lower()) is not None
                        and re.match(r"\s+(?:the\s+)?[A-Z]", text[word_end : word_end + 6])
                        is not None
                    )
                )
            )
        ):  # "a person close to the board", "a filing to the exchange" are one phrase
            break
        if word == "in" and count > 0 and re.match(r"in\s+an?\s", text[word_start : word_end + 4]):
            break  # "... in a statement"
        if single and count > 0:
            if word in DETERMINERS or word in PRONOUNS:
                break
            if capitalised and not is_capitalised(raw) and word not in NAME_CONNECTORS:
                break
        capitalised = capitalised or is_capitalised(raw)
        if count >= 14:
            break
        end = word_end
    words = word_spans(text, pos, end)
    while words and word_at(text, words[-1]) in (DETERMINERS | NAME_CONNECTORS):
        words.pop()
    if not words:
        return None
    return words[0][0], words[-1][1]


def verbless(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return ``span`` cut before its first lower-case word that looks like a verb ("-ed")."""
    words = word_spans(text, *span)
    for index, (word_start, word_end) in enumerate(words):
        word = text[word_start:word_end]
        if index > 0 and word.islower() and word.endswith("ed"):
            return span[0], words[index - 1][1]
    return span


def refine_source(text: str, start: int, end: int) -> Source:
    """Return the source inside a subject or object phrase, with the document as channel.

    "a report by the Financial Times" -> the Financial Times (channel: the phrase);
    "a declassified US intelligence report accessed by the Associated Press" -> the report,
    via the Associated Press; "RUSI's analysis" -> RUSI; "the Royal United Services
    Institute (RUSI) analysis" -> Royal United Services Institute (RUSI).
    """
    phrase = text[start:end]
    if DOC_ANY_RE.search(phrase) is None:
        return Source(start, end)
    match = DOC_ACCESS_RE.match(phrase)
    if match:
        return Source(start, start + match.end("doc"), phrase, match.group("x"))
    match = DOC_BY_RE.match(phrase) or DOC_POSSESSIVE_RE.match(phrase)
    if match:
        return Source(start + match.start("x"), start + match.end("x"), phrase)
    match = DOC_NAMED_RE.match(phrase)
    if match:
        owner_start, owner_end = start + match.start("x"), start + match.end("x")
        if text[owner_start:owner_end].lower().startswith("the "):
            owner_start += 4
        if is_name_like(text, owner_start, owner_end):
            return Source(owner_start, owner_end, phrase)
    return Source(start, end)


def _head_noun(source: str) -> str:
    """Return the head noun of a source phrase: its last word before a preposition or comma."""
    head = re.split(r",|\s(?:at|of|in|from|with|for|close|familiar|on|who|to)\s", source)[0]
    words = head.split()
    return bare(words[-1]) if words else ""


def _is_anonymous(source: str) -> bool:
    """Return whether ``source`` names nobody: "a defence official", "senior officials", "sources".

    The head noun must be a role ("official", "sources", "people"), or the phrase a bare
    plural ("scientists", "local residents") or a document without an owner ("documents").
    A definite phrase ("the official", "the researchers") refers back to someone the
    article has named, so it is not anonymous.
    """
    words = source.split()
    if not words or bare(words[0]) in DEFINITE:
        return False
    head = _head_noun(source)
    if head in ROLE_NOUNS:
        return True
    if any(is_capitalised(word) for word in words[1:]):
        return False
    if DOC_ONLY_RE.match(" ".join(bare(word) for word in words)):
        return True
    # A lower-case bare plural ("..., forecasters said"); a capitalised one may be a name
    # ("Reuters reported"), so it is not guessed at.
    return (
        len(words) <= 3
        and words[0].islower()
        and head.endswith("s")
        and head.isalpha()
        and len(head) > 3
    )


def make_attribution(
    sentence: Sentence,
    source: Source,
    cue: str,
    cue_start: int,
    channel: str = "",
    via: str = "",
    anonymity: bool = False,
) -> Attribution | None:
    """Return the attribution of ``source`` in ``sentence``, or None if the source is empty."""
    text = sentence.text
    start, end = strip_span(text, source.start, source.end)
    while end > start and text[end - 1] in TRAILING_PUNCT and text[end - 1] != ")":
        end -= 1
    if end <= start:
        return None
    written = text[start:end]
    if bare(written.split()[0]) in PRONOUNS:
        return None
    return Attribution(
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        source=written,
        source_start=start,
        source_end=end,
        cue=cue,
        channel=source.channel or channel,
        anonymous=anonymity or _is_anonymous(written),
        via=source.via or via,
        cue_start=cue_start,
    )

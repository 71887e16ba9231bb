"""Attributed statements in news prose: who said it, how it reached us, and where.

:func:`find_attributions` reads one paragraph, sentence by sentence, and reports each
statement that the text attributes to a source: "according to X"; "X said / announced /
revealed ..."; '"...," said X'; "X told Y"; "in an interview with Y"; "a report accessed by
Y"; "In a statement, X ..."; "X, speaking on condition of anonymity, ...". The rules work on
characters, punctuation, capitals and small closed word lists (no tagger, no model), and
prefer missing an attribution to inventing one.

How the subject of a speech verb is found: the text from the sentence start to the verb is
cut into chunks at commas, quotes, colons and dashes; adverbs ("also"), auxiliaries ("has")
and date phrases ("on Tuesday") just before the verb are skipped, and a negated or passive
verb ("has not confirmed", "was told") is no attribution. The last chunk, cut after its last
clause word ("that", "as", "although" ...), is the subject. A chunk "a role at X" after a name
chunk is an appositive ("Lim Soo-ho, a senior analyst at X, said"): the subject starts at
the name. A verb right after a comma needs such an appositive or a relative clause between
it and its subject (", a defence official, who ..., said"); otherwise it is a participle
("The plan, announced last week, ...").

:func:`find_unattributed_claims` lists hedged claims that name no source ("experts believe",
"reportedly", "it is understood") for the editors' report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefings.content.sentences import split_sentences
from briefings.sourcing.dates import date_phrase_at, date_phrase_ending_at


def _word_set(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``words`` as a set (for readable word lists)."""
    return frozenset(words.split())


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


# -- word lists ------------------------------------------------------------------------------

# Speech verbs. "Strict" ones are also common non-speech verbs ("added 200 jobs", "maintained
# control"), so they count only before "that", a quote, a comma, a colon or the sentence end.
_FREE_CUES = _word_set(
    """
    said says say told tells tell announced announces revealed reveals reported claimed
    confirmed confirms confirm warned warns warn acknowledged acknowledges acknowledge admitted
    admits admit denied denies deny alleged alleges disclosed discloses tweeted insisted
    insists insist declared declares described describes
    """
)
_STRICT_CUES = _word_set(
    """
    stated states maintained maintains assessed assesses added adds noted notes note argued
    argues argue wrote writes explained explains estimated estimates claims reports concluded
    concludes stressed stresses reiterated reiterates cautioned cautions predicted predicts
    conceded concedes asserted asserts
    """
)
_TELL_CUES = frozenset(("told", "tells", "tell"))
_DESCRIBE_CUES = frozenset(("described", "describes"))
_PRONOUNS = _word_set("he she they it we i you him her them this these those")
_TAIL_WORDS = _word_set(
    """
    also later earlier previously repeatedly publicly separately again recently first initially
    officially then now once has have had already subsequently formally explicitly privately
    openly quickly
    """
)
_NEGATIONS = _word_set("not never neither nor")
_BE_FORMS = _word_set("is are was were be been being")
_MODALS = _word_set("will would can could may might must shall should do does did to")
_CLAUSE_WORDS = _word_set(
    """
    that which who whom whose as because while when whereas although though since after before
    if where but so yet however meanwhile
    """
)
_PREPOSITIONS = _word_set(
    """
    by from to with for at on in into about against under over between through toward towards
    among across within without upon via
    """
)
_RELATIVE_PRONOUNS = frozenset(("who", "whom", "whose"))
_DETERMINERS = _word_set("the a an his her its their our my your this that these those")
_ARTICLES = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your"))
_DEFINITE = _word_set("the this that these those his her its their our my your")
_LEADING_JUNK = _word_set(
    """
    but and however meanwhile also although though yet so still separately earlier later now
    then indeed moreover finally instead thus therefore nonetheless nevertheless
    """
)
_NOT_SUBJECTS = _word_set("according what whatever whether how why")
_APPOSITIVE_OPENERS = _word_set(
    "a an the his her its their one two three former then now also another"
)
_RELATIVE_OPENERS = _word_set(
    "who whom whose which speaking citing writing referring quoting asked adding"
)
_NAME_CONNECTORS = _word_set(
    "of the for and de del der da di du al el la le bin ibn van von on to in at &"
)
# Nouns for people who speak for others; a source whose head is one of these is unnamed
# ("a defence official", "senior officials", "two people familiar with the talks").
_ROLE_NOUNS = _word_set(
    """
    official officials source sources diplomat diplomats aide aides insider insiders person
    people spokesman spokeswoman spokesperson spokespeople officer officers expert experts
    analyst analysts employee employees staffer staffers member members resident residents
    witness witnesses observer observers adviser advisers advisor advisors lawmaker lawmakers
    legislator legislators minister ministers commander commanders soldier soldiers negotiator
    negotiators executive executives researcher researchers critic critics economist
    economists activist activists colleague colleagues figure figures representative
    representatives envoy envoys leader leaders workers scientists doctors farmers protesters
    villagers passengers survivors relatives neighbours neighbors students teachers volunteers
    campaigners forecasters investigators prosecutors
    """
)
# Lower-case words allowed inside a name with a title ("Kremlin spokesman Dmitry Peskov").
_TITLE_WORDS = _word_set(
    """
    spokesman spokeswoman spokesperson minister president secretary adviser advisor chief head
    director leader envoy ambassador commander general governor senator mayor deputy prime
    foreign defence defense interior finance chancellor premier chairman chairwoman chair
    prosecutor judge analyst researcher professor correspondent editor founder ceo
    """
)
# Bare vague sources: an attribution to one of these still leaves the claim unsourced.
_VAGUE_SOURCES = _word_set(
    "sources experts analysts observers critics officials reports some many others people"
)
# Nouns for documents: "a report by X" is X's statement; "a report seen by Y" reached us via Y.
_DOC_NOUNS = (
    r"(?:report|reports|analysis|analyses|study|studies|survey|assessment|assessments|"
    r"statement|statements|document|documents|memo|letter|intelligence|data|figures|"
    r"estimate|estimates|research|review|findings|investigation|poll|briefing|readout|"
    r"transcript|cable|cables|filing|paper|audit|dossier|release|records|footage)"
)

# -- patterns --------------------------------------------------------------------------------

_ACCORDING_RE = re.compile(r"according\s+to\s+", re.IGNORECASE)
_ACCESS_RE = re.compile(r"\b(accessed|obtained|seen|reviewed|viewed)\s+by\s+")
_INTERVIEW_RE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring)\s+(an?\s+(?:[\w-]+\s+){0,2}?interview)(?:\s+(?:with|to|on)\s+)?"
)
_STATEMENT_RE = re.compile(
    r"\b(?:[Ii]n|[Vv]ia)\s+(an?\s+(?:[\w-]+\s+)?"
    r"(?:statement|press\s+release|post|tweet|video|speech|briefing|letter|memo|broadcast|"
    r"address|op-ed|column|news\s+conference|press\s+conference))\b"
    r"(?:\s+(?:posted|published|released|issued|carried)?\s*(?:on|by|in)\s+)?"
)
# "In a statement, the ministry ...": the phrase opens the sentence and a comma closes it.
_OPENING_CHANNEL_RE = re.compile(
    r"(?:[Ii]n|[Dd]uring|[Vv]ia)\s+an?\s+[^,;:“”\"]*?\b(?:statement|interview|post|tweet|"
    r"video|speech|briefing|letter|broadcast|address|news\s+conference|press\s+conference|"
    r"press\s+release)\b[^,;:“”\"]*,\s*"
)
_ANONYMITY_RE = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|speaking\s+anonymously|"
    r"(?:declined|asked|requested)\s+not\s+to\s+be\s+(?:named|identified)|"
    r"declined\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|"
    r"(?:did\s+not|didn't|does\s+not|doesn't)\s+want\s+to\s+be\s+(?:named|identified)|"
    r"not\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)|unnamed)\b",
    re.IGNORECASE,
)
_DOC_ACCESS_RE = re.compile(
    rf"^(?P<doc>.*?\b{_DOC_NOUNS})\s+(?:accessed|obtained|seen|reviewed|viewed|leaked\s+to|"
    rf"shared\s+with|provided\s+to|given\s+to)\s+(?:by\s+)?(?P<x>\S.*)$"
)
_DOC_BY_RE = re.compile(
    rf"^.*?\b{_DOC_NOUNS}\s+(?:(?:published|released|issued|compiled|prepared|produced|"
    rf"commissioned|written|made|shared|provided)\s+)?(?:by|from)\s+(?P<x>\S.*)$"
)
_DOC_POSSESSIVE_RE = re.compile(rf"^(?P<x>.+?)['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_DOC_NOUNS}$")
_DOC_NAMED_RE = re.compile(rf"^(?P<x>.+?)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_DOC_NOUNS}$")
_DOC_ONLY_RE = re.compile(rf"^(?:\S+\s+){{0,4}}?{_DOC_NOUNS}$")
_DOC_END_RE = re.compile(rf"\b{_DOC_NOUNS}$")
_DOC_ANY_RE = re.compile(rf"\b{_DOC_NOUNS}\b")
_HEDGE_RE = re.compile(
    r"\b(?:(?:experts?|analysts?|observers?|critics|some|many|officials|diplomats|insiders)\s+"
    r"(?:believe|believes|think|thinks|fear|fears|suggest|suggests|expect|expects|say|says|"
    r"said|claim|claims|warn|warns|agree|argue|argues)|"
    r"it\s+is\s+(?:widely\s+|generally\s+)?(?:understood|believed|thought|reported|claimed|"
    r"alleged|said|expected|feared|rumou?red|known)|"
    r"(?:is|are|was|were)\s+(?:widely\s+)?(?:said|believed|thought|understood|reported|"
    r"rumou?red|alleged|expected)\s+to|"
    r"reportedly|allegedly|purportedly|supposedly|"
    r"sources?\s+(?:say|says|said|claim|claimed|suggest)|"
    r"(?:there\s+are|according\s+to)\s+(?:unconfirmed\s+|media\s+)?reports|"
    r"(?:media\s+|unconfirmed\s+)?reports\s+(?:say|said|suggest|suggested|claim|claimed|"
    r"indicate))\b",
    re.IGNORECASE,
)
_THAT_RE = re.compile(r"\bthat\b")
_QUOTE_CHARS_RE = re.compile(r"[“”\"‘’]")
_WORD_RE = re.compile(r"[\w(][\w’'().&/-]*")
_SEPARATOR_RE = re.compile(r"[,;:—–“”\"-]")
_TRAILING_PUNCT = ".!?…\"'”’)]"
_BREAKS = ',;:—–“”"!?'

# Cheap substring tests that decide whether a rule's regex needs to run on a paragraph.
_STATEMENT_HINTS = _word_set(
    """
    statement release post tweet video speech briefing letter memo broadcast address op-ed
    column conference
    """
)
_ANONYMITY_HINTS = ("anonym", "named", "identified", "authori")
_ACCESS_HINTS = ("accessed by", "obtained by", "seen by", "reviewed by", "viewed by")
# Every speech verb; ``_CUE_WORDS.isdisjoint(_LOWER_WORD_RE.findall(text))`` rules out most
# sentences several times faster than a regex of 80 alternatives would.
_CUE_WORDS = _FREE_CUES | _STRICT_CUES
_LOWER_WORD_RE = re.compile(r"[a-z]+")
# Stems of the hedges in _HEDGE_RE: a sentence without any skips the hedge regex.
_HEDGE_STEMS = _word_set(
    """
    believ think thought fear suggest expect say said claim warn agree argu understood report
    alleg known rumo purport suppos
    """
)


# -- the text being read ---------------------------------------------------------------------


class _Sentence:
    """One sentence of a paragraph, with the lookups the rules share."""

    def __init__(self, text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> None:
        """Wrap ``text[start:end]``; ``quotes`` are the paragraph's quotation spans."""
        self.text = text
        self.start = start
        self.end = end
        body_end = end
        while body_end > start and text[body_end - 1] in _TRAILING_PUNCT:
            body_end -= 1
        self.body_end = body_end  # the end without final punctuation and closing quotes
        self.quotes = quotes

    def in_quote(self, pos: int) -> bool:
        """Return whether ``pos`` is inside a quotation."""
        return _in_quote(self.quotes, pos)

    def date_ending_at(self, pos: int) -> int | None:
        """Return the start of a date phrase of this sentence ending at ``pos``, or None."""
        start = date_phrase_ending_at(self.text, pos)
        return start if start is not None and start >= self.start else None

    def date_starting_at(self, pos: int) -> int | None:
        """Return the end of a date phrase of this sentence starting at ``pos``, or None."""
        end = date_phrase_at(self.text, pos)
        return end if end is not None and end <= self.end else None


@dataclass(frozen=True, slots=True)
class _Chunk:
    """A stretch of a sentence between separators (commas, quotes, dashes)."""

    start: int
    end: int
    sep_before: str  # the separator text before the chunk ("" at the region start)


@dataclass(frozen=True, slots=True)
class _Source:
    """A source span in the paragraph, with the channel and medium found with it."""

    start: int
    end: int
    channel: str = ""
    via: str = ""


def _in_quote(quotes: list[tuple[int, int]], pos: int) -> bool:
    """Return whether ``pos`` falls strictly inside one of the sorted spans ``quotes``."""
    index = bisect.bisect_right(quotes, (pos, pos)) - 1
    return index >= 0 and quotes[index][0] < pos < quotes[index][1]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of closed quotations (“...”, "...", ‘...’) in ``text``, in order.

    Curly and straight double quotes pair with each other (seed text mixes them); a quote
    never closed is ignored, so an unclosed quote hides no attribution.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    single: int | None = None
    for match in _QUOTE_CHARS_RE.finditer(text):
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


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of the words of ``text[start:end]``."""
    return [match.span() for match in _WORD_RE.finditer(text, start, end)]


def _bare(word: str) -> str:
    """Return ``word`` lower-cased, without surrounding punctuation or a possessive "'s"."""
    word = word.strip("().,;:&").lower()
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word


def _word_at(text: str, span: tuple[int, int]) -> str:
    """Return the bare form (see :func:`_bare`) of the word at ``span``."""
    return _bare(text[span[0] : span[1]])


def _is_capitalised(word: str) -> bool:
    """Return whether ``word`` starts with a capital or a digit."""
    stripped = word.lstrip("(")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``[start, end)`` without surrounding whitespace and clause punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end


# -- chunks, names and appositives -------------------------------------------------------------


def _chunks(text: str, start: int, end: int) -> tuple[list[_Chunk], bool]:
    """Return the chunks of ``text[start:end]`` and whether the region ends with a separator."""
    chunks: list[_Chunk] = []
    previous_end = start
    position = start
    for match in _SEPARATOR_RE.finditer(text, start, end):
        dash = match.start()
        if text[dash] == "-" and not (
            text[dash - 1 : dash].isspace() and text[dash + 1 : dash + 2].isspace()
        ):
            continue  # a hyphen inside a word ("US-led"), not a dash
        chunk_start, chunk_end = _strip_space(text, position, match.start())
        if chunk_start < chunk_end:
            chunks.append(_Chunk(chunk_start, chunk_end, text[previous_end:chunk_start]))
            previous_end = chunk_end
        position = match.end()
    chunk_start, chunk_end = _strip_space(text, position, end)
    if chunk_start < chunk_end:
        chunks.append(_Chunk(chunk_start, chunk_end, text[previous_end:chunk_start]))
        return chunks, False
    return chunks, bool(chunks)


def _strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``[start, end)`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_name_like(text: str, start: int, end: int) -> bool:
    """Return whether ``text[start:end]`` looks like a name: "Lim Soo-ho", "Kremlin spokesman X"."""
    words = [text[s:e] for s, e in _words(text, start, end)]
    if not words or len(words) > 9:
        return False
    if not (_is_capitalised(words[0]) and _is_capitalised(words[-1])):
        return False
    first = _bare(words[0])
    if first in _PREPOSITIONS or first in _LEADING_JUNK or first in _NOT_SUBJECTS:
        return False  # "According to Reuters", "In Moscow", "But Putin"
    return all(
        _is_capitalised(word) or _bare(word) in _NAME_CONNECTORS or _bare(word) in _TITLE_WORDS
        for word in words
    )


def _is_appositive_like(text: str, chunk: _Chunk) -> bool:
    """Return whether ``chunk`` reads like an appositive: "a senior analyst at X", "54"."""
    words = _words(text, chunk.start, chunk.end)
    if not words or len(words) > 16:
        return False
    first = _word_at(text, words[0])
    if len(words) == 1 and first.isdigit() and len(first) <= 3:
        return True  # an age: "Ms. Chen, 54, said"
    return first in _APPOSITIVE_OPENERS or first in _TITLE_WORDS or first in _ROLE_NOUNS


def _is_relative_like(text: str, chunk: _Chunk) -> bool:
    """Return whether ``chunk`` is a relative or participial clause: "who spoke", "speaking"."""
    words = _words(text, chunk.start, chunk.end)
    return bool(words) and _word_at(text, words[0]) in _RELATIVE_OPENERS


def _appositive_head(text: str, chunks: list[_Chunk], index: int) -> int | None:
    """Return the index of the name chunk the appositive ``chunks[index]`` describes, or None."""
    current = index
    for _ in range(3):
        if current == 0 or chunks[current].sep_before.strip() != ",":
            return None
        previous = chunks[current - 1]
        if _is_name_like(text, previous.start, previous.end):
            return current - 1
        if not _is_appositive_like(text, previous):
            return None
        current -= 1
    return None


def _cut_after_clause_word(text: str, start: int, end: int) -> int:
    """Return where the last clause of ``text[start:end]`` starts (after "that", "as", ...).

    "and"/"or" cut only before an article ("... and the union"), so that "officials and
    diplomats" stays whole.
    """
    words = _words(text, start, end)
    cut = start
    for index, span in enumerate(words):
        word = _word_at(text, span)
        before_article = (
            word in ("and", "or")
            and index + 1 < len(words)
            and _word_at(text, words[index + 1]) in _ARTICLES
        )
        if word in _CLAUSE_WORDS or before_article:
            cut = span[1]
    return cut


def _trailing_noun_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the noun phrase ending ``text[start:end]`` ("by senior officials"), or None."""
    taken: list[tuple[int, int]] = []
    for span in reversed(_words(text, start, end)):
        word = _word_at(text, span)
        if len(taken) >= 8 or (
            word not in ("of", "and", "the", "a", "an")
            and (word in _PREPOSITIONS or word in _CLAUSE_WORDS or word in _BE_FORMS)
        ):
            break
        if word.endswith("ed") and not _is_capitalised(text[span[0] : span[1]]):
            break  # a verb: "endorsed", "obtained"
        taken.append(span)
    while taken and _word_at(text, taken[-1]) in ("of", "and"):
        taken.pop()
    if not taken:
        return None
    return taken[-1][0], taken[0][1]


# -- subjects and objects ------------------------------------------------------------------------


def _clean_subject(sentence: _Sentence, start: int, end: int) -> tuple[int, int] | None:
    """Return ``[start, end)`` without leading conjunctions and dates, or None if no subject."""
    text = sentence.text
    while True:
        start, end = _strip_span(text, start, end)
        if start >= end:
            return None
        date_end = sentence.date_starting_at(start)
        if date_end is not None and date_end <= end:
            start = date_end
            continue
        words = _words(text, start, end)
        if not words:
            return None
        first = _word_at(text, words[0])
        if first in _NOT_SUBJECTS:
            return None
        if first in _LEADING_JUNK and len(words) > 1:
            start = words[0][1]
            continue
        break
    if len(words) > 18:
        return None
    last = _word_at(text, words[-1])
    if (
        last in _DETERMINERS
        or last in _NAME_CONNECTORS
        or last in _CLAUSE_WORDS
        or last in _MODALS
        or last in _FREE_CUES
        or last in _STRICT_CUES
        or (last.isdigit() and not text[: words[-1][0]].rstrip().endswith(","))
    ):
        return None
    return words[0][0], words[-1][1]


def _skip_tail(sentence: _Sentence, end: int) -> tuple[int, bool]:
    """Return where the subject region ends before a verb at ``end``, and whether the verb counts.

    Skips adverbs, auxiliaries and date phrases; a negated or passive verb does not count.
    """
    text = sentence.text
    while True:
        while end > sentence.start and text[end - 1].isspace():
            end -= 1
        date_start = sentence.date_ending_at(end)
        if date_start is not None:
            end = date_start
            continue
        words = _words(text, max(sentence.start, end - 30), end)
        if not words or words[-1][1] != end:
            return end, True
        word = _word_at(text, words[-1])
        if word in _NEGATIONS or word.endswith(("n't", "n’t")) or word in _BE_FORMS:
            return end, False
        if word not in _TAIL_WORDS:
            return end, True
        end = words[-1][0]


def _find_subject(sentence: _Sentence, cue_start: int) -> tuple[int, int] | None:
    """Return the span of the subject before the speech verb at ``cue_start``, or None."""
    text = sentence.text
    end, counts = _skip_tail(sentence, cue_start)
    if not counts or end <= sentence.start:
        return None
    chunks, ends_with_separator = _chunks(text, sentence.start, end)
    if not chunks:
        return None
    last_index = len(chunks) - 1
    last = chunks[last_index]
    if ends_with_separator:
        return _subject_before_comma(sentence, chunks, end)
    words = _words(text, last.start, last.end)
    if words and _word_at(text, words[-1]) in ("who", "which", "that"):
        # "..., endorsed by senior officials and diplomats, who maintained that ..."
        if words[-1][0] == last.start and last_index > 0 and "," in last.sep_before:
            previous = chunks[last_index - 1]
            phrase = _trailing_noun_phrase(text, previous.start, previous.end)
            return _clean_subject(sentence, *phrase) if phrase else None
        return None
    relative = next(
        (span for span in reversed(words[1:-1]) if _word_at(text, span) in _RELATIVE_PRONOUNS),
        None,
    )
    if relative is not None:
        # "Officials who spoke on condition of anonymity said": the subject is "Officials".
        start = _cut_after_clause_word(text, last.start, relative[0])
        return _clean_subject(sentence, start, relative[0])
    start = _cut_after_clause_word(text, last.start, last.end)
    if start == last.start and _is_appositive_like(text, last):
        head = _appositive_head(text, chunks, last_index)
        if head is not None:
            return _clean_subject(sentence, chunks[head].start, chunks[head + 1].end)
    return _clean_subject(sentence, start, last.end)


def _subject_before_comma(
    sentence: _Sentence, chunks: list[_Chunk], end: int
) -> tuple[int, int] | None:
    """Return the subject when the verb follows a comma: ", a defence official, who ..., said"."""
    text = sentence.text
    last_index = len(chunks) - 1
    last = chunks[last_index]
    trailing = text[last.end : end]
    if "," not in trailing or any(quote in trailing for quote in '“”"'):
        return None  # '"...," said X' has its subject after the verb
    if _is_relative_like(text, last):
        if last_index == 0 or "," not in last.sep_before:
            return None
        subject_index = last_index - 1
        subject = chunks[subject_index]
        if _is_appositive_like(text, subject):
            head = _appositive_head(text, chunks, subject_index)
            if head is not None:
                return _clean_subject(sentence, chunks[head].start, chunks[head + 1].end)
        start = _cut_after_clause_word(text, subject.start, subject.end)
        return _clean_subject(sentence, start, subject.end)
    if _is_appositive_like(text, last):
        head = _appositive_head(text, chunks, last_index)
        if head is not None:
            return _clean_subject(sentence, chunks[head].start, chunks[head + 1].end)
    if (
        last_index > 0
        and _is_name_like(text, last.start, last.end)
        and last.sep_before.strip() == ","
        and _is_appositive_like(text, chunks[last_index - 1])
    ):
        # "The team's coach, Carlo Ancelotti, said": a role, then the name as appositive.
        start = _cut_after_clause_word(text, chunks[last_index - 1].start, last.start)
        return _clean_subject(sentence, start, last.end)
    return None


_RIGHT_STOP_WORDS = _word_set(
    """
    that which who whom whose when while where as because after before if saying adding said
    says told is are was were has have had will would can could may might should did does do
    not but to than
    """
)


def _np_right(sentence: _Sentence, pos: int, single: bool = False) -> tuple[int, int] | None:
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
    for count, (word_start, word_end) in enumerate(_words(text, pos, stop)):
        if any(char in _BREAKS for char in text[end:word_start]):
            break
        if sentence.date_starting_at(word_start) is not None:
            break
        raw = text[word_start:word_end]
        word = _bare(raw)
        if word in _RIGHT_STOP_WORDS:
            break
        if word == "in" and count > 0 and re.match(r"in\s+an?\s", text[word_start : word_end + 4]):
            break  # "... in a statement"
        if single and count > 0:
            if word in _DETERMINERS or word in _PRONOUNS:
                break
            if capitalised and not _is_capitalised(raw) and word not in _NAME_CONNECTORS:
                break
        capitalised = capitalised or _is_capitalised(raw)
        if count >= 14:
            break
        end = word_end
    words = _words(text, pos, end)
    while words and _word_at(text, words[-1]) in (_DETERMINERS | _NAME_CONNECTORS):
        words.pop()
    if not words:
        return None
    return words[0][0], words[-1][1]


def _verbless(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return ``span`` cut before its first lower-case word that looks like a verb ("-ed")."""
    words = _words(text, *span)
    for index, (word_start, word_end) in enumerate(words):
        word = text[word_start:word_end]
        if index > 0 and word.islower() and word.endswith("ed"):
            return span[0], words[index - 1][1]
    return span


def _refine_source(text: str, start: int, end: int) -> _Source:
    """Return the source inside a subject or object phrase, with the document as channel.

    "a report by the Financial Times" -> the Financial Times (channel: the phrase);
    "a declassified US intelligence report accessed by the Associated Press" -> the report,
    via the Associated Press; "RUSI's analysis" -> RUSI; "the Royal United Services
    Institute (RUSI) analysis" -> Royal United Services Institute (RUSI).
    """
    phrase = text[start:end]
    if _DOC_ANY_RE.search(phrase) is None:
        return _Source(start, end)
    match = _DOC_ACCESS_RE.match(phrase)
    if match:
        return _Source(start, start + match.end("doc"), phrase, match.group("x"))
    match = _DOC_BY_RE.match(phrase) or _DOC_POSSESSIVE_RE.match(phrase)
    if match:
        return _Source(start + match.start("x"), start + match.end("x"), phrase)
    match = _DOC_NAMED_RE.match(phrase)
    if match:
        owner_start, owner_end = start + match.start("x"), start + match.end("x")
        if text[owner_start:owner_end].lower().startswith("the "):
            owner_start += 4
        if _is_name_like(text, owner_start, owner_end):
            return _Source(owner_start, owner_end, phrase)
    return _Source(start, end)


def _head_noun(source: str) -> str:
    """Return the head noun of a source phrase: its last word before a preposition or comma."""
    head = re.split(r",|\s(?:at|of|in|from|with|for|close|familiar|on|who|to)\s", source)[0]
    words = head.split()
    return _bare(words[-1]) if words else ""


def _is_anonymous(source: str) -> bool:
    """Return whether ``source`` names nobody: "a defence official", "senior officials", "sources".

    The head noun must be a role ("official", "sources", "people"), or the phrase a bare
    plural ("scientists", "local residents") or a document without an owner ("documents").
    A definite phrase ("the official", "the researchers") refers back to someone the
    article has named, so it is not anonymous.
    """
    words = source.split()
    if not words or _bare(words[0]) in _DEFINITE:
        return False
    head = _head_noun(source)
    if head in _ROLE_NOUNS:
        return True
    if any(_is_capitalised(word) for word in words[1:]):
        return False
    if _DOC_ONLY_RE.match(" ".join(_bare(word) for word in words)):
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


def _has_complement(sentence: _Sentence, cue_end: int) -> bool:
    """Return whether a strict cue ending at ``cue_end`` introduces speech (that, quote, colon)."""
    text = sentence.text
    pos = cue_end
    while pos < sentence.end and text[pos].isspace():
        pos += 1
    date_end = sentence.date_starting_at(pos)
    if date_end is not None:
        pos = date_end
        while pos < sentence.end and text[pos].isspace():
            pos += 1
    if pos >= sentence.body_end or text[pos] in ',:;“"‘—–':
        return True
    return _THAT_RE.search(text, pos, min(sentence.end, pos + 100)) is not None


# -- rules ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hints:
    """Which of the rarer rules can apply to a text at all, from cheap substring tests."""

    according: bool
    access: bool
    interview: bool
    statement: bool
    anonymity: bool

    @classmethod
    def of(cls, text: str) -> _Hints:
        """Return the hints for ``text`` (a sentence or a paragraph)."""
        lowered = text.lower()
        return cls(
            according="according" in lowered,
            access=any(hint in lowered for hint in _ACCESS_HINTS),
            interview="interview" in lowered,
            statement=("in a" in lowered or "via a" in lowered)
            and any(hint in lowered for hint in _STATEMENT_HINTS),
            anonymity=any(hint in lowered for hint in _ANONYMITY_HINTS),
        )

    def any(self) -> bool:
        """Return whether any of the rarer rules can apply."""
        return self.according or self.access or self.interview or self.statement or self.anonymity


_NO_HINTS = _Hints(False, False, False, False, False)


def _channel_near(sentence: _Sentence, hints: _Hints, near: int) -> tuple[str, str, str]:
    """Return (channel, via, cue) of the interview/statement phrase nearest to ``near``.

    ("", "", "") when the sentence has none.
    """
    text = sentence.text
    best: tuple[str, str, str] = ("", "", "")
    best_distance = len(text) + 1
    rules = (
        (_INTERVIEW_RE, "in an interview with", hints.interview),
        (_STATEMENT_RE, "in a statement", hints.statement),
    )
    for pattern, cue, possible in rules:
        if not possible:
            continue
        for match in pattern.finditer(text, sentence.start, sentence.body_end):
            if sentence.in_quote(match.start()):
                continue
            channel_end = match.end(1)
            via = ""
            if match.end() > match.end(1):
                phrase = _np_right(sentence, match.end(), single=pattern is _INTERVIEW_RE)
                if phrase is not None:
                    channel_end = phrase[1]
                    if pattern is _INTERVIEW_RE:
                        via = text[phrase[0] : phrase[1]]
            distance = abs(match.start() - near)
            if distance < best_distance:
                label = "in an interview" if pattern is _INTERVIEW_RE and not via else cue
                best = (text[match.start(1) : channel_end], via, label)
                best_distance = distance
    return best


def _make(
    sentence: _Sentence,
    source: _Source,
    cue: str,
    cue_start: int,
    channel: str = "",
    via: str = "",
    anonymity: bool = False,
) -> Attribution | None:
    """Return the attribution of ``source`` in ``sentence``, or None if the source is empty."""
    text = sentence.text
    start, end = _strip_span(text, source.start, source.end)
    while end > start and text[end - 1] in _TRAILING_PUNCT and text[end - 1] != ")":
        end -= 1
    if end <= start:
        return None
    written = text[start:end]
    if _bare(written.split()[0]) in _PRONOUNS:
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


def _inverted_subject(sentence: _Sentence, cue_start: int, cue_end: int) -> _Source | None:
    """Return the subject after the verb in '"...," said X' or '..., says X.', or None."""
    text = sentence.text
    before = text[sentence.start : cue_start].rstrip()
    if before and before[-1] not in ',“”"’':
        return None
    phrase = _np_right(sentence, cue_end)
    if phrase is None:
        return None
    start, end = phrase
    first = text[start:end].split()[0]
    if not (_is_capitalised(first) or _bare(first) in _APPOSITIVE_OPENERS):
        return None
    rest = text[end : sentence.body_end]
    appositive = re.match(r",\s+((?:a|an|the)\b[^,;:]*)$", rest)
    if appositive:
        end += appositive.end(1)
    elif rest.strip() and not rest.lstrip().startswith((",", "in ", "on ")):
        return None
    return _refine_source(text, start, end)


def _according_to(sentence: _Sentence, anonymity: bool) -> list[Attribution]:
    """Return the "according to X" attributions of ``sentence``."""
    text = sentence.text
    found: list[Attribution] = []
    for match in _ACCORDING_RE.finditer(text, sentence.start, sentence.body_end):
        if sentence.in_quote(match.start()):
            continue
        phrase = _np_right(sentence, match.end())
        if phrase is None:
            continue
        source = _refine_source(text, *phrase)
        attribution = _make(sentence, source, "according to", match.start(), anonymity=anonymity)
        if attribution is not None:
            found.append(attribution)
    return found


def _verb_attributions(
    sentence: _Sentence,
    cues: list[tuple[int, int]],
    hints: _Hints,
    anonymity: bool,
    previous: Attribution | None,
) -> list[Attribution]:
    """Return the attributions built around the speech verbs ``cues`` of ``sentence``."""
    text = sentence.text
    found: list[Attribution] = []
    complement_start: int | None = None  # text after "X said that" is X's, not a new source
    for cue_start, cue_end in cues:
        cue = text[cue_start:cue_end]
        if sentence.in_quote(cue_start):
            continue
        if complement_start is not None and cue_start > complement_start:
            break
        if cue in _STRICT_CUES and not _has_complement(sentence, cue_end):
            continue
        following = text[cue_end : cue_end + 40]
        if re.match(r"\s+by\b", following):
            continue  # a passive participle: "the plan announced by ..."
        if cue in _DESCRIBE_CUES and not re.search(r"\bas\b", following):
            continue  # "the situation described in the report"
        via = ""
        if cue in _TELL_CUES:
            listener = _np_right(sentence, cue_end, single=True)
            if listener is None:
                continue
            if re.match(r"\s*to\s+(?!the\b|an?\b)[a-z]", text[listener[1] : listener[1] + 30]):
                continue  # "told the players to stay calm" is an order, not a statement
            via = text[listener[0] : listener[1]]
        channel, channel_via, _ = _channel_near(sentence, hints, cue_start)
        subject = _find_subject(sentence, cue_start)
        attribution: Attribution | None = None
        if subject is not None and _bare(text[subject[0] : subject[1]]) in _PRONOUNS:
            # "he said": the source of the previous attribution in the paragraph, if any.
            if previous is None:
                continue
            attribution = Attribution(
                sentence.start,
                sentence.end,
                previous.source,
                previous.source_start,
                previous.source_end,
                cue,
                channel,
                previous.anonymous or anonymity,
                via or channel_via,
                cue_start,
            )
        else:
            source = (
                _refine_source(text, *subject)
                if subject is not None
                else _inverted_subject(sentence, cue_start, cue_end)
            )
            if source is None:
                continue
            attribution = _make(
                sentence, source, cue, cue_start, channel, via or channel_via, anonymity
            )
        if attribution is not None:
            found.append(attribution)
            previous = attribution
            that = _THAT_RE.search(text, cue_end, sentence.end)
            complement_start = that.start() if that else None
    return found


def _access_attributions(
    sentence: _Sentence, claimed: list[tuple[int, int]], anonymity: bool
) -> list[Attribution]:
    """Return "documents seen by X" attributions not already part of another attribution."""
    text = sentence.text
    found: list[Attribution] = []
    for match in _ACCESS_RE.finditer(text, sentence.start, sentence.body_end):
        if sentence.in_quote(match.start()):
            continue
        if any(start <= match.start() < end for start, end in claimed):
            continue
        medium = _np_right(sentence, match.end(), single=True)
        holder = _trailing_noun_phrase(
            text, max(sentence.start, match.start() - 120), match.start()
        )
        if medium is None or holder is None:
            continue
        if not _DOC_END_RE.search(text[holder[0] : holder[1]].lower()):
            continue  # "weapons obtained by the rebels" is not a source
        holder = _clean_subject(sentence, *holder) or holder
        attribution = _make(
            sentence,
            _Source(holder[0], holder[1]),
            f"{match.group(1)} by",
            match.start(),
            text[holder[0] : medium[1]],
            text[medium[0] : medium[1]],
            anonymity,
        )
        if attribution is not None:
            found.append(attribution)
    return found


def _opening_channel_attribution(sentence: _Sentence, hints: _Hints) -> Attribution | None:
    """Return the attribution of "In a statement, the ministry apologised.", or None."""
    text = sentence.text
    opening = _OPENING_CHANNEL_RE.match(text, sentence.start, sentence.body_end)
    if opening is None:
        return None
    channel, via, cue = _channel_near(sentence, hints, sentence.start)
    subject = _np_right(sentence, opening.end())
    if not channel or subject is None:
        return None
    return _make(sentence, _Source(*_verbless(text, subject)), cue, sentence.start, channel, via)


def _anonymity_attribution(sentence: _Sentence) -> Attribution | None:
    """Return the attribution of "Officials, speaking on condition of anonymity, ...", or None."""
    text = sentence.text
    phrase = _ANONYMITY_RE.search(text, sentence.start, sentence.body_end)
    if phrase is None or sentence.in_quote(phrase.start()):
        return None
    chunks, _ = _chunks(text, sentence.start, phrase.start())
    if not chunks:
        return None
    last = chunks[-1]
    opener = re.match(r".*?(?=\b(?:speaking|who|talking)\b)", text[last.start : last.end])
    if opener and opener.group().strip():
        span = (last.start, last.start + len(opener.group()))
    elif len(chunks) > 1 and "," in last.sep_before:
        span = (chunks[-2].start, chunks[-2].end)
    else:
        span = (last.start, last.end)
    cleaned = _clean_subject(sentence, *span)
    if cleaned is None:
        return None
    return _make(
        sentence, _Source(*cleaned), "on condition of anonymity", phrase.start(), anonymity=True
    )


def _sentence_attributions(
    sentence: _Sentence,
    cues: list[tuple[int, int]],
    hints: _Hints,
    previous: Attribution | None,
) -> list[Attribution]:
    """Return the attributions of one sentence, ordered by cue."""
    text = sentence.text
    anonymity = hints.anonymity and bool(_ANONYMITY_RE.search(text, sentence.start, sentence.end))
    found = _according_to(sentence, anonymity) if hints.according else []
    for attribution in _verb_attributions(sentence, cues, hints, anonymity, previous):
        if not any(a.source_start == attribution.source_start for a in found):
            found.append(attribution)
    if hints.access:
        claimed = [(a.source_start, max(a.cue_start, a.source_end) + 1) for a in found]
        claimed += [(a.cue_start, a.sentence_end) for a in found if a.cue == "according to"]
        found.extend(_access_attributions(sentence, claimed, anonymity))
    if not found and (hints.statement or hints.interview):
        opening = _opening_channel_attribution(sentence, hints)
        if opening is not None:
            found.append(opening)
    if not found and anonymity:
        anonymous = _anonymity_attribution(sentence)
        if anonymous is not None:
            found.append(anonymous)
    found.sort(key=lambda a: (a.cue_start, a.source_start))
    return found


def _find_cues(paragraph: str, start: int, sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the speech verbs in ``sentence`` (which starts at ``start``), in order.

    A cheap word scan finds which verbs occur at all; each is then located by substring
    search with a word-boundary check.
    """
    present = _CUE_WORDS.intersection(_LOWER_WORD_RE.findall(sentence))
    if not present:
        return []
    spans: list[tuple[int, int]] = []
    for cue in present:
        position = sentence.find(cue)
        while position >= 0:
            after = position + len(cue)
            if (position == 0 or not sentence[position - 1].isalnum()) and (
                after == len(sentence) or not sentence[after].isalnum()
            ):
                spans.append((start + position, start + after))
            position = sentence.find(cue, after)
    spans.sort()
    return spans


def find_attributions(paragraph: str) -> list[Attribution]:
    """Return the attributed statements of ``paragraph``, in text order.

    A sentence may carry several attributions (one per cue); sentences without one are
    not reported. Pronoun subjects ("he said") take the source of the previous attribution
    in the paragraph, and are dropped when there is none. Never raises.
    """
    any_cue = not _CUE_WORDS.isdisjoint(_LOWER_WORD_RE.findall(paragraph))
    rare = _Hints.of(paragraph).any()
    if not any_cue and not rare:
        return []
    quotes = _quoted_spans(paragraph)
    found: list[Attribution] = []
    for start, end in split_sentences(paragraph):
        text = paragraph[start:end]
        cues = _find_cues(paragraph, start, text) if any_cue else []
        hints = _Hints.of(text) if rare else _NO_HINTS
        if not cues and not hints.any():
            continue
        sentence = _Sentence(paragraph, start, end, quotes)
        previous = found[-1] if found else None
        found.extend(_sentence_attributions(sentence, cues, hints, previous))
    return found


def _is_vague(attribution: Attribution) -> bool:
    """Return whether an attribution names only a bare vague source ("sources", "experts")."""
    words = attribution.source.split()
    return len(words) <= 3 and _bare(words[-1]) in _VAGUE_SOURCES


def find_unattributed_claims(
    paragraph: str, attributed: Sequence[Attribution]
) -> list[tuple[int, int, str]]:
    """Return ``(sentence_start, sentence_end, cue)`` for each sentence with an unsourced claim.

    A sentence counts when it holds a hedge ("experts believe", "it is understood",
    "reportedly", "is said to", "sources say") outside quotations and none of its
    attributions in ``attributed`` names a source: an attribution to a bare vague source
    ("sources", "experts", "reports") does not. ``cue`` is the hedge as written; one entry
    per sentence, in text order.
    """
    named = {a.sentence_start for a in attributed if not _is_vague(a)}
    quotes: list[tuple[int, int]] | None = None
    claims: list[tuple[int, int, str]] = []
    for start, end in split_sentences(paragraph):
        if start in named:
            continue
        lowered = paragraph[start:end].lower()
        if not any(stem in lowered for stem in _HEDGE_STEMS):
            continue
        for match in _HEDGE_RE.finditer(paragraph, start, end):
            if quotes is None:
                quotes = _quoted_spans(paragraph)
            if _in_quote(quotes, match.start()):
                continue
            claims.append((start, end, match.group()))
            break
    return claims

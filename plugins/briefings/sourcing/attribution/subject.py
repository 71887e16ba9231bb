"""The subject of a speech verb: the source phrase to the left of "said", "announced" ...

How it is found: the text from the sentence start to the verb is cut into chunks at commas,
quotes, colons and dashes; adverbs ("also"), auxiliaries ("has") and date phrases ("on
Tuesday") just before the verb are skipped, and a negated or passive verb ("has not
confirmed", "was told") is no attribution. The last chunk, cut after its last clause word
("that", "as", "although" ...), is the subject. A chunk "a role at X" after a name chunk is an
appositive ("Lim Soo-ho, a senior analyst at X, said"): the subject starts at the name. A
verb right after a comma needs such an appositive or a relative clause between it and its
subject (", a defence official, who ..., said"); otherwise it is a participle ("The plan,
announced last week, ..."). :func:`clean_subject` and :func:`trailing_noun_phrase` also serve
the rules that find a source left of another cue.
"""

from __future__ import annotations

import re

from briefings.common.names import ROLE_NOUNS as PERSONAL_ROLES
from briefings.common.names import defined_name_start
from briefings.sourcing.attribution.text import (
    Chunk,
    Sentence,
    is_acronym_at,
    is_capitalised,
    is_name_like,
    split_chunks,
    strip_span,
    word_at,
    word_spans,
)
from briefings.sourcing.attribution.words import (
    APPOSITIVE_OPENERS,
    ARTICLES,
    BE_FORMS,
    CLAUSE_WORDS,
    COORDINATORS,
    DETERMINERS,
    FREE_CUES,
    LEADING_JUNK,
    MODALS,
    NAME_CONNECTORS,
    NEGATIONS,
    NOT_SUBJECTS,
    PARTICIPLE_OPENERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_OPENERS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    STRICT_CUES,
    TAIL_WORDS,
    TITLE_WORDS,
)

_CHANNEL_CHUNK_RE = re.compile(
    r"(?:in|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:interview|statement|letter|post|email|e-mail|video|briefing|speech|address)\b",
    re.IGNORECASE,
)

# -- appositives and clause cuts -----------------------------------------------------------


def _is_appositive_like(text: str, chunk: Chunk) -> bool:
    """Return whether ``chunk`` reads like an appositive: "a senior analyst at X", "54"."""
    words = word_spans(text, chunk.start, chunk.end)
    if not words or len(words) > 24:
        return False
    first = word_at(text, words[0])
    if len(words) == 1 and first.isdigit() and len(first) <= 3:
        return True  # an age: "Ms. Chen, 54, said"
    if first in APPOSITIVE_OPENERS or first in TITLE_WORDS or first in ROLE_NOUNS:
        return True
    if len(words) > 2 and word_at(text, words[1]) == "of" and text[words[0][0]].islower():
        return True  # "part of the Ministry of X", "owner of the Kestrel chain"
    raw = [text[s:e] for s, e in words[:3]]
    # "Nordvik's chief executive", "South Korea's largest carrier", "principal of X"
    for index, word in enumerate(raw):
        if not is_capitalised(word):
            break
        if word.endswith(("'s", "’s")) and index + 1 < len(words):
            return True
    return first in PERSONAL_ROLES


def _is_relative_like(text: str, chunk: Chunk) -> bool:
    """Return whether ``chunk`` is a relative or participial clause ("who spoke",
    "speaking", "known as X") or the channel of the statement ("in an interview with X")."""
    words = word_spans(text, chunk.start, chunk.end)
    if not words:
        return False
    if _CHANNEL_CHUNK_RE.match(text, chunk.start, chunk.end):
        return True
    first = text[words[0][0] : words[0][1]]
    # "who spoke", "known as X", or a participle: "arguing for the insurer", "representing"
    second = word_at(text, words[1]) if len(words) > 1 else ""
    return word_at(text, words[0]) in RELATIVE_OPENERS or (
        first.islower()
        and (
            (first.endswith("ing") and len(first) > 5)
            or (first.endswith("ed") and (second == "by" or first in PARTICIPLE_OPENERS))
        )
    )


def _is_titled_name(text: str, chunk: Chunk) -> bool:
    """Return whether ``chunk`` is a name after lower-case title words, right after a quote:
    '"...," lead author Ana Ruiz, a geologist, told'."""
    words = word_spans(text, chunk.start, chunk.end)
    lower = 0
    while lower < len(words) and text[words[lower][0]].islower():
        lower += 1
    return (
        0 < lower <= 3
        and len(words) - lower >= 2
        and any(q in chunk.sep_before for q in '"”')
        and is_name_like(text, words[lower][0], chunk.end)
    )


def _appositive_head(text: str, chunks: list[Chunk], index: int) -> int | None:
    """Return the index of the name chunk the appositive ``chunks[index]`` describes, or None."""
    current = index
    for _ in range(3):
        if current == 0 or chunks[current].sep_before.strip() != ",":
            return None
        previous = chunks[current - 1]
        if is_name_like(text, previous.start, previous.end) or _is_titled_name(text, previous):
            return current - 1
        if not _is_appositive_like(text, previous):
            return None
        current -= 1
    return None


_MODAL_VERBS = frozenset(
    ("will", "would", "can", "could", "may", "might", "must", "shall", "should")
)
# Words after which "the" starts no new clause: "head of the union", "said the union".
_NOT_NOUNS = PREPOSITIONS | NAME_CONNECTORS | CLAUSE_WORDS | ARTICLES | FREE_CUES | STRICT_CUES


def _cut_after_clause_word(text: str, start: int, end: int) -> int:
    """Return where the last clause of ``text[start:end]`` starts (after "that", "as", ...).

    "and"/"or" cut only before an article ("... and the union"), so that "officials and
    diplomats" stays whole.
    """
    words = word_spans(text, start, end)
    cut = start
    for index, span in enumerate(words):
        word = word_at(text, span)
        before_article = (
            word in ("and", "or")
            and index + 1 < len(words)
            and word_at(text, words[index + 1]) in ARTICLES
        )
        inner_what = word == "what" and index > 0  # "for what the operator said"
        if (word in CLAUSE_WORDS and not is_acronym_at(text, span)) or before_article or inner_what:
            cut = span[1]
        elif word == "the" and index > 0 and text[span[0]] == "t":
            previous = text[words[index - 1][0] : words[index - 1][1]]
            if previous.isalpha() and previous.islower() and previous not in _NOT_NOUNS:
                cut = span[0]  # a relative clause without "that": "a ceiling the union says"
    return cut


def trailing_noun_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the noun phrase ending ``text[start:end]`` ("by senior officials"), or None."""
    taken: list[tuple[int, int]] = []
    for span in reversed(word_spans(text, start, end)):
        word = word_at(text, span)
        if len(taken) >= 8 or (
            word not in ("of", "and", "the", "a", "an")
            and (word in PREPOSITIONS or word in CLAUSE_WORDS or word in BE_FORMS)
            and not is_acronym_at(text, span)
        ):
            break
        if word.endswith("ed") and not is_capitalised(text[span[0] : span[1]]):
            break  # a verb: "endorsed", "obtained"
        taken.append(span)
    while taken and word_at(text, taken[-1]) in ("of", "and"):
        taken.pop()
    if not taken:
        return None
    return taken[-1][0], taken[0][1]


# -- the subject of a speech verb ----------------------------------------------------------


def clean_subject(sentence: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """Return ``[start, end)`` without leading conjunctions and dates, or None if no subject."""
    text = sentence.text
    while True:
        start, end = strip_span(text, start, end)
        if start >= end:
            return None
        date_end = sentence.date_starting_at(start)
        if date_end is not None and date_end <= end:
            start = date_end
            continue
        words = word_spans(text, start, end)
        if not words:
            return None
        first = word_at(text, words[0])
        if first in NOT_SUBJECTS or first in _MODAL_VERBS:
            return None  # "rules that will require reports": "will require" is no subject
        if first in LEADING_JUNK and len(words) > 1:
            start = words[0][1]
            continue
        break
    if len(words) > 28:
        return None
    last = "" if is_acronym_at(text, words[-1]) else word_at(text, words[-1])
    if (
        last in DETERMINERS
        or last in NAME_CONNECTORS
        or last in CLAUSE_WORDS
        or last in MODALS
        or last in FREE_CUES
        or last in STRICT_CUES
        or (last.isdigit() and not text[: words[-1][0]].rstrip().endswith(","))
    ):
        return None
    # "the Union of Food, Drink and Allied Workers (UFDAW)": a comma inside a defined name
    start = defined_name_start(text, words[0][0], words[-1][1])
    return start, words[-1][1]


def _skip_tail(sentence: Sentence, end: int) -> tuple[int, bool]:
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
        words = word_spans(text, max(sentence.start, end - 30), end)
        if not words or words[-1][1] != end:
            return end, True
        word = word_at(text, words[-1])
        if word in NEGATIONS or word.endswith(("n't", "n’t")) or word in BE_FORMS:
            return end, False
        if word not in TAIL_WORDS:
            return end, True
        end = words[-1][0]


def find_subject(sentence: Sentence, cue_start: int) -> tuple[int, int] | None:
    """Return the span of the subject before the speech verb at ``cue_start``, or None."""
    text = sentence.text
    end, counts = _skip_tail(sentence, cue_start)
    if not counts or end <= sentence.start:
        return None
    chunks, ends_with_separator = split_chunks(text, sentence.start, end)
    if not chunks:
        return None
    if not ends_with_separator:
        tail = word_spans(text, chunks[-1].start, chunks[-1].end)
        if tail and word_at(text, tail[-1]) in COORDINATORS:
            # "Health Minister Jo Park welcomed the deal and said ...": the first verb's subject
            return _coordinated_subject(sentence, chunks)
    last_index = len(chunks) - 1
    last = chunks[last_index]
    if ends_with_separator:
        return _subject_before_comma(sentence, chunks, end)
    words = word_spans(text, last.start, last.end)
    if (
        words
        and word_at(text, words[-1]) in ("who", "which", "that")
        and not is_acronym_at(text, words[-1])
    ):
        # "..., endorsed by senior officials and diplomats, who maintained that ..."
        if words[-1][0] == last.start and last_index > 0 and "," in last.sep_before:
            previous = chunks[last_index - 1]
            phrase = trailing_noun_phrase(text, previous.start, previous.end)
            return clean_subject(sentence, *phrase) if phrase else None
        return None
    relative = next(
        (
            span
            for span in reversed(words[1:-1])
            if word_at(text, span) in RELATIVE_PRONOUNS and not is_acronym_at(text, span)
        ),
        None,
    )
    if relative is not None:
        # "Officials who spoke on condition of anonymity said": the subject is "Officials".
        start = _cut_after_clause_word(text, last.start, relative[0])
        return clean_subject(sentence, start, relative[0])
    start = _cut_after_clause_word(text, last.start, last.end)
    if start == last.start and _is_appositive_like(text, last):
        head = _appositive_head(text, chunks, last_index)
        # An appositive not closed by a comma belongs to a name that opens the sentence:
        # "Fjordline, the carrier said" does, "... flights to Oslo and Bergen, the carrier
        # said" does not (the carrier is the subject there).
        if head is not None and (head == 0 or _opening_then(sentence, chunks, head)):
            return clean_subject(sentence, chunks[head].start, chunks[head + 1].end)
    return clean_subject(sentence, start, last.end)


def clause_subject(sentence: Sentence, end: int) -> tuple[int, int] | None:
    """Return the subject of the clause that opens the sentence and runs to ``end``: "Nordhavn
    Lines, the ferry operator, on Monday rejected the bid" gives "Nordhavn Lines"; "He
    apologised" gives "He". None when the clause opens with no such name."""
    chunks, _ = split_chunks(sentence.text, sentence.start, end)
    if not chunks:
        return None
    opening = len(chunks) > 1 and _is_opening_phrase(sentence, chunks[0])
    first = chunks[1] if opening else chunks[0]
    text = sentence.text
    words = word_spans(text, first.start, first.end)
    if len(words) >= 2 and word_at(text, words[0]) in PRONOUNS:
        return words[0]  # "She apologised, saying ..."
    if first is not chunks[-1] and is_name_like(text, first.start, first.end):
        return clean_subject(sentence, first.start, first.end)  # "Nordhavn Lines, the ..., "
    return _coordinated_subject(sentence, chunks)


def _coordinated_subject(sentence: Sentence, chunks: list[Chunk]) -> tuple[int, int] | None:
    """Return the subject of a clause whose speech verb follows another verb: "The AMDP
    called for an inquiry and said", "Minister Jo Park met them, but said".

    The subject opens the sentence (or follows an opening date or place phrase, "On
    Monday, ..."): a name, possibly titled ("Health Minister Jo Park"), or "the" and up
    to three lower-case words ("The regulator"), right before a lower-case verb.
    """
    text = sentence.text
    opening = len(chunks) > 1 and _is_opening_phrase(sentence, chunks[0])
    first = 1 if opening else 0
    if (
        len(chunks) > first + 2
        and is_name_like(text, chunks[first].start, chunks[first].end)
        and all(
            chunk.sep_before.strip() == "," and _is_appositive_like(text, chunk)
            for chunk in chunks[first + 1 : -1]
        )
        and chunks[-1].sep_before.strip() == ","
        and text[chunks[-1].start].islower()
    ):
        # "The Tarn Union, a farmers' group, welcomed the deal but said": the name
        return clean_subject(sentence, chunks[first].start, chunks[first].end)
    for chunk in chunks[1:2] if opening else chunks[:1]:
        words = word_spans(text, chunk.start, chunk.end)
        while words and word_at(text, words[0]) in LEADING_JUNK:
            words = words[1:]
        if len(words) < 2 or sentence.in_quote(words[0][0]):
            return None
        run = 0
        if word_at(text, words[0]) in ("the", "a", "an"):
            run = 1
        named = False
        while run < len(words) - 1:
            raw = text[words[run][0] : words[run][1]]
            word = word_at(text, words[run])
            if is_capitalised(raw):
                named = True
            elif not (
                (named and word in NAME_CONNECTORS) or word in TITLE_WORDS or word in PERSONAL_ROLES
            ):
                break
            run += 1
        if not named and run == 1:  # "The regulator fined them and said"
            while run < min(len(words) - 1, 4) and text[words[run][0]].islower():
                at = run + 1
                auxiliary = word_at(text, words[at]) in ("has", "have", "had")
                while at < min(len(words) - 1, run + 3) and (
                    word_at(text, words[at]) in ("has", "have", "had")
                    or word_at(text, words[at]).endswith("ly")
                ):
                    at += 1  # "An independent ombudsman has partly upheld ..."
                if word_at(text, words[at]).endswith("ed") or (
                    auxiliary and text[words[at][0]].islower()
                ):
                    return words[0][0], words[run][1]
                run += 1
            return None
        verb = text[words[run][0] : words[run][1]] if run < len(words) else ""
        if named and verb.islower() and word_at(text, words[run]) not in NAME_CONNECTORS:
            return clean_subject(sentence, words[0][0], words[run - 1][1])
        return None
    return None


def _opening_then(sentence: Sentence, chunks: list[Chunk], index: int) -> bool:
    """Return whether ``chunks[index]`` follows only an opening phrase ("On Monday, X")."""
    return index == 1 and _is_opening_phrase(sentence, chunks[0])


def _is_name_with_employer(text: str, chunk: Chunk) -> bool:
    """Return whether ``chunk`` is a name and its employer: "Ivo Sand of the firm Sand &
    Berg" (two to four capitalised words, then "of", "at" or "from")."""
    words = word_spans(text, chunk.start, chunk.end)
    for index in range(2, min(5, len(words))):
        if word_at(text, words[index]) in ("of", "at", "from"):
            return is_name_like(text, chunk.start, words[index - 1][1])
    return False


def _is_region(text: str, chunk: Chunk) -> bool:
    """Return whether ``chunk`` is a short name alone, as a region after a town: "Guanajuato"."""
    return len(word_spans(text, chunk.start, chunk.end)) <= 3 and is_name_like(
        text, chunk.start, chunk.end
    )


def _is_opening_phrase(sentence: Sentence, chunk: Chunk) -> bool:
    """Return whether ``chunk`` is an opening adverbial: a date ("On Monday") or a phrase
    starting with a preposition ("In Lagos", "After the vote")."""
    text = sentence.text
    if sentence.date_starting_at(chunk.start) is not None:
        return True
    words = word_spans(text, chunk.start, chunk.end)
    return bool(words) and len(words) <= 6 and word_at(text, words[0]) in PREPOSITIONS


def _body_in_town(sentence: Sentence, chunks: list[Chunk], index: int) -> tuple[int, int] | None:
    """Return the body of "Santa Ana Clinic in Leon, Guanajuato, said" (or "..., which ...,
    said") when ``chunks[index]`` is the region after a body in a town, or None."""
    text = sentence.text
    region = chunks[index]
    if index == 0 or region.sep_before.strip() != "," or not _is_region(text, region):
        return None
    previous = chunks[index - 1]
    left, found, _place = text[previous.start : previous.end].rpartition(" in ")
    if found and left and is_name_like(text, previous.start, previous.start + len(left)):
        start = _cut_after_clause_word(text, previous.start, previous.end)
        if start == previous.start:
            return clean_subject(sentence, previous.start, previous.end)
    return None


_PLACE_PREPOSITIONS = frozenset(("in", "near", "outside", "from"))
_INDEFINITE = frozenset(("a", "an", "one", "two", "three", "several"))


def _speaker_before_relative(text: str, chunk: Chunk) -> tuple[int, int] | None:
    """Return the unnamed speaker of "An official at the drug maker that supplies X" (an
    indefinite role noun, its employer, then "that" or "which" opening a relative clause),
    or None: a "that" after a speech verb opens a clause of its own."""
    words = word_spans(text, chunk.start, chunk.end)
    if len(words) < 4 or word_at(text, words[0]) not in _INDEFINITE:
        return None
    for index, span in enumerate(words[1:], 1):
        word = word_at(text, span)
        if word in FREE_CUES or word in STRICT_CUES:
            return None
        if word in ("that", "which") and index > 2:
            head = {word_at(text, w) for w in words[1:index]}
            return (chunk.start, words[index - 1][1]) if head & ROLE_NOUNS else None
    return None


def _is_place_phrase(text: str, chunk: Chunk) -> bool:
    """Return whether ``chunk`` is a short phrase of place: "in the Nile Delta"."""
    words = word_spans(text, chunk.start, chunk.end)
    return (
        1 < len(words) <= 6
        and word_at(text, words[0]) in _PLACE_PREPOSITIONS
        and is_capitalised(text[words[-1][0] : words[-1][1]])
    )


def _is_described_name(text: str, chunk: Chunk) -> bool:
    """Return whether ``chunk`` is a name after lower-case words that describe it:
    "grid operator Vestnett AS", "regional carrier Fjordfly" (one to four of each)."""
    words = word_spans(text, chunk.start, chunk.end)
    lower = 0
    while lower < len(words) and text[words[lower][0]].islower():
        lower += 1
    return (
        0 < lower <= 3
        and 1 <= len(words) - lower <= 5
        and word_at(text, words[lower - 1]) not in PREPOSITIONS | NAME_CONNECTORS | CLAUSE_WORDS
        and is_name_like(text, words[lower][0], chunk.end)
    )


def _subject_before_comma(
    sentence: Sentence, chunks: list[Chunk], end: int
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
        body = _body_in_town(sentence, chunks, subject_index)
        if body is not None:
            return body
        speaker = _speaker_before_relative(text, subject)
        if speaker is not None:
            return clean_subject(sentence, *speaker)
        if _is_appositive_like(text, subject):
            head = _appositive_head(text, chunks, subject_index)
            if head is not None:
                return clean_subject(sentence, chunks[head].start, chunks[head + 1].end)
        start = _cut_after_clause_word(text, subject.start, subject.end)
        return clean_subject(sentence, start, subject.end)
    if _is_appositive_like(text, last):
        head = _appositive_head(text, chunks, last_index)
        if head is not None:
            return clean_subject(sentence, chunks[head].start, chunks[head + 1].end)
    if (
        last_index > 1
        and _is_place_phrase(text, last)
        and last.sep_before.strip() == ","
        and _is_appositive_like(text, chunks[last_index - 1])
    ):
        # "Ivo Sand, a farmer from Ribe in Jutland, in the west, said": where the
        # appositive's person lives, after it
        head = _appositive_head(text, chunks, last_index - 1)
        if head is not None:
            return clean_subject(sentence, chunks[head].start, chunks[head + 1].end)
    if (
        last_index > 0
        and _is_described_name(text, last)
        and last.sep_before.strip() == ","
        and _is_appositive_like(text, chunks[last_index - 1])
    ):
        # "Tarn's largest client, grid operator Vestnett AS, said": the name with its
        # description, not the role before it
        return clean_subject(sentence, last.start, last.end)
    if (
        last_index > 0
        and (is_name_like(text, last.start, last.end) or _is_name_with_employer(text, last))
        and last.sep_before.strip() == ","
        and _is_appositive_like(text, chunks[last_index - 1])
    ):
        head = _appositive_head(text, chunks, last_index - 1)
        if head is not None and _is_region(text, last):
            # "Jo Lind, a co-author at the University of Oslo, Norway, said": the name, its
            # appositive, and the appositive's country
            return clean_subject(sentence, chunks[head].start, chunks[last_index - 1].end)
        # "The team's coach, Carlo Ancelotti, said": a role, then the name as appositive.
        start = _cut_after_clause_word(text, chunks[last_index - 1].start, last.start)
        return clean_subject(sentence, start, last.end)
    body = _body_in_town(sentence, chunks, last_index)
    if body is not None:
        return body
    for index in range(last_index - 1, max(0, last_index - 4), -1):
        # A relative clause holding a list: "The SSL, whose members include A, B and C, said".
        if _is_relative_like(text, chunks[index]) and "," in chunks[index].sep_before:
            subject = chunks[index - 1]
            start = _cut_after_clause_word(text, subject.start, subject.end)
            return clean_subject(sentence, start, subject.end)
    return None

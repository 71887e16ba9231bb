"""Cut a run of capitalised words into the names it holds.

A run such as "Russian Deputy Prime Minister Marat Khusnullin" holds one name, a title and
a demonym; "Former US President Donald Trump" holds a sentence-initial ordinary word, a
place, a title and a name. :func:`segment_run` applies, in order:

1. connectors, months and weekdays at the edges go; a month or weekday inside splits;
2. "and" splits two names ("Russia and China") unless it joins two common words before a
   head word ("Peace and Security Council");
3. a title inside the run splits it ("US Secretary of State Antony Blinken"): what
   follows is a person's name, with the title as evidence; what precedes is the employer;
   "of"/"for" after a proper word splits too ("Hou Yu-ih of the Kuomintang"), but not
   after a head, a role or a common word ("Bank of England", "Call of Duty");
4. a head word inside the run ends a name ("Royal Air Force" + "Typhoon"); a country
   abbreviation before an organisation is a name of its own ("US" + "Federal Reserve");
5. an ordinary word opening a sentence goes ("Experts", "The") unless the article also
   capitalises it mid-sentence;
6. a leading demonym goes ("Iranian", "North Korean") unless the rest of the run is a
   name with a head word ("Russian Agricultural Bank").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from briefings.common.lexicon import (
    CLASS_NOUNS,
    CONNECTORS,
    DOTTED_NAME_PREFIXES,
    EVENT_HEADS,
    EVENT_PREFIXES,
    FUNCTION_WORDS,
    MONTHS,
    ORG_HEADS,
    ORG_INITIAL_HEADS,
    ORG_TWO_WORD_HEADS,
    OTHER_HEADS,
    PLACE_HEADS,
    PLACE_INITIAL_HEADS,
    PLACE_TWO_WORD_HEADS,
    PUBLIC_BODY_HEADS,
    TWO_WORD_TITLES,
    WEEKDAYS,
)
from briefings.entities.discovery.gazetteers import Gazetteers, fold
from briefings.entities.discovery.spans import Token

__all__ = ["Evidence", "Segment", "segment_run"]

_HEADS = ORG_HEADS | PLACE_HEADS | EVENT_HEADS | OTHER_HEADS
_SPLIT_HEADS = ORG_HEADS | PLACE_HEADS
# Words that may stand before "of"/"for" inside one name: "Bank of", "Cape of".
_OF_HEADS = _HEADS | ORG_INITIAL_HEADS | PLACE_INITIAL_HEADS
_CALENDAR = MONTHS | WEEKDAYS
# Heads of the bodies of a state, which a country abbreviation qualifies ("US Federal
# Reserve", "UK Takeover Panel").
_STATE_BODY_HEADS = PUBLIC_BODY_HEADS | {"Center", "Centre", "Panel", "Reserve"}
_SURE_PLACE = 0.9
# A regnal numeral after a monarch's or pope's name, II to XXIII ("Abdullah II").
_REGNAL_RE = re.compile(r"X{0,2}(?:IX|IV|V?I{1,3}|V)")
# A run a gazetteer lists as a place this surely is not a title and a name.
_TITLED_PLACE = 0.75
TITLE_SCORE = 0.85
EMPLOYER_SCORE = 0.7


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason to believe a name is of ``type``, with a score in 0..1."""

    type: str
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A name found in a run: tokens ``first`` to ``last`` (inclusive) and in-run evidence."""

    first: int
    last: int
    evidence: tuple[Evidence, ...] = ()


def _is_connector(token: Token, gazetteers: Gazetteers) -> bool:
    """Return True for a word that may join name words ("of", "da", "bin")."""
    return token.text in CONNECTORS or token.text in gazetteers.name_particles


def _trim(
    tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> tuple[int, int]:
    """Return ``(first, last)`` without connectors, months, weekdays, numbers at the edges."""
    while first <= last and (
        _is_connector(tokens[first], gazetteers)
        or tokens[first].text in _CALENDAR
        or not tokens[first].name_word
    ):
        first += 1
    while last >= first and (
        _is_connector(tokens[last], gazetteers) or tokens[last].text in _CALENDAR
    ):
        last -= 1
    return first, last


def _looks_like_personal_name(
    tokens: Sequence[Token], gazetteers: Gazetteers, courtesy: bool = False
) -> bool:
    """Return True if ``tokens`` could be a person's name: no head word, not all common words.

    After a courtesy title (``courtesy``: "Mr. Kim", "Dr. Long") common words are names too.
    """
    if not tokens or any(token.text in CONNECTORS for token in tokens):
        return False
    words = [token for token in tokens if token.capitalised]
    if len(words) > 1 and _REGNAL_RE.fullmatch(words[-1].text):
        words = words[:-1]  # "Abdullah II", "Charles III": a monarch's numeral
    if not words or words[-1].text in _HEADS or words[-1].text.isupper():
        return False
    return courtesy or not all(gazetteers.is_ordinary(token.text) for token in words)


def _is_title_word(token: Token, gazetteers: Gazetteers) -> bool:
    """Return True for a capitalised role or modifier that can be part of a title."""
    return token.capitalised and (
        gazetteers.is_role(token.text) or gazetteers.is_ordinary(token.text)
    )


def _title_end_role(
    tokens: Sequence[Token], first: int, title_end: int, gazetteers: Gazetteers
) -> int | None:
    """Return the index of the role a title ending at ``title_end`` is built on, or None.

    The title ends with the role ("... Minister") or with an "of"/"for" phrase after it
    ("Secretary of State", "Minister for Foreign Affairs").
    """
    token = tokens[title_end]
    if token.capitalised and gazetteers.is_role(token.text):
        return title_end
    if title_end > first and f"{tokens[title_end - 1].text} {token.text}" in TWO_WORD_TITLES:
        return title_end  # "Chief Executive Katrin Wollenberg"
    index = title_end
    while (
        index > first and tokens[index].capitalised and gazetteers.is_ordinary(tokens[index].text)
    ):
        index -= 1
    if index == title_end:
        return None  # "Officers of the Guardia Nacional": no title ends in "of the"
    if index > first and tokens[index].text == "the":
        index -= 1
    if index > first and index < title_end and tokens[index].text in ("of", "for"):
        role = tokens[index - 1]
        if role.capitalised and gazetteers.is_role(role.text):
            return index - 1
    return None


def _title_split(
    tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> tuple[int, int, int] | None:
    """Find a title inside the run: return (title start, title end, name start) or None.

    The name is the longest tail of the run that looks like a person's name and follows a
    title; the title start walks back over modifiers and other roles ("Deputy Prime"). A
    role opening the run that is also a common given name ("Sultan") is not split on.
    """
    for name_start in range(first + 1, last + 1):
        title_end = name_start - 1
        role = _title_end_role(tokens, first, title_end, gazetteers)
        if role is None:
            continue
        whole = gazetteers.place(" ".join(token.text for token in tokens[first : last + 1]))
        if whole is not None and whole.confidence >= _TITLED_PLACE:
            return None  # "General Santos" is a city, "President Roxas" a town
        if (
            role == first
            and role == title_end
            and not tokens[role].initial
            and gazetteers.is_first_name(tokens[role].text)
        ):
            continue
        courtesy = tokens[title_end].text in DOTTED_NAME_PREFIXES
        if not _looks_like_personal_name(tokens[name_start : last + 1], gazetteers, courtesy):
            continue
        if name_start < last and (
            (tokens[name_start].capitalised and gazetteers.is_role(tokens[name_start].text))
            or f"{tokens[title_end].text} {tokens[name_start].text}" in TWO_WORD_TITLES
        ):
            continue  # the title goes on: "Secretary General Jens Stoltenberg"
        title_start = role
        while title_start > first and _is_title_word(tokens[title_start - 1], gazetteers):
            title_start -= 1
        return title_start, title_end, name_start
    return None


def _and_split(
    tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> int | None:
    """Return the index of an "and" that separates two names, or None.

    Kept inside one name: "and" between two common words before a head word ("Peace and
    Security Council"), inside an "X of ..." organisation ("Bureau of Industry and
    Security"), and in a place's name ("Bosnia and Herzegovina").
    """
    for index in range(first + 1, last):
        if tokens[index].text != "and":
            continue
        left, right = tokens[index - 1], tokens[index + 1]
        if (
            tokens[last].text in _HEADS
            and left.text not in _HEADS  # "Brightwing Airways and Norland Air" are two
            and gazetteers.is_ordinary(left.text)
            and gazetteers.is_ordinary(right.text)
        ):
            continue
        if _has_inner_of_head(tokens, first, index - 1, ("of", "for")) and not (
            last - index >= 2 and gazetteers.is_company_suffix(tokens[last].text)
        ):  # "Vestas Wind Systems of Denmark and Nordwind Energie GmbH" are two
            continue
        if gazetteers.place(" ".join(token.text for token in tokens[first : last + 1])):
            continue
        return index
    return None


def _of_split(tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers) -> int | None:
    """Return the index of an "of"/"for" that follows a complete name, or None.

    "Hou Yu-ih of the Kuomintang" is two names: a proper word before "of" ends a name. A
    head word, a role or a common word before it belongs to the name ("Bank of England",
    "Secretary of State", "Call of Duty"), unless a company of two or more words is "of"
    a known place: "Kvistad Systems of Stavanger", "Azimut Launch of Seville".
    """
    company = None
    for index in range(first + 1, last):
        if tokens[index].text == "on" and (
            not gazetteers.is_ordinary(tokens[index + 1].text)
            or gazetteers.place(" ".join(t.text for t in tokens[index + 1 : last + 1]))
        ):
            return index  # "Teide Observatory on Tenerife", not "Council on Foreign Relations"
        if tokens[index].text not in ("of", "for"):
            continue
        if company is None:
            company = gazetteers.is_company_suffix(tokens[last].text)
        if company:
            return None  # "Sanabel for Digital Investment S.A.E.": a company's legal name
        left = tokens[index - 1]
        if (
            left.name_word  # "Faisal al-Hiyari of the Amman Court": a particle's surname too
            and left.text not in _OF_HEADS
            and not gazetteers.is_role(left.text)
            and not gazetteers.is_ordinary(left.text)
        ):
            return index
        if index - first < 2:
            continue
        rest = tokens[index + 1 : last + 1]
        if rest[0].text == "the":
            rest = rest[1:]
        rest_name = " ".join(t.text for t in rest)
        if (
            tokens[index].text == "of"
            and left.text not in ORG_INITIAL_HEADS
            and left.text not in PLACE_INITIAL_HEADS
            and not gazetteers.is_role(left.text)
        ):
            place = gazetteers.place(rest_name) if rest else None
            if place is not None and not (
                place.kind == "country"
                and any(t.text in PUBLIC_BODY_HEADS for t in tokens[first:index])
            ):  # "Court of Appeal of Tanzania" is one name
                return index
        if (
            left.text in _OF_HEADS
            and rest
            and (
                (len(rest) > 1 and rest[-1].text in ORG_HEADS)
                or gazetteers.known_name(rest_name) == "organization"
            )
            and sum(t.text.lower() not in FUNCTION_WORDS for t in tokens[first:index]) >= 2
        ):
            # Two bodies: "Human Rights Committee of the United Nations", "Disaster
            # Research Institute of Kyoto University" (not "Council of the European Union")
            return index
    return None


def _inner_head(
    tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> int | None:
    """Return the index of an organisation or place head word that ends a name mid-run.

    "Royal Air Force Typhoon" is "Royal Air Force" then "Typhoon": English names end with
    their head word. Not split: a head word opening the run ("Bank Leumi"), a rest that
    has its own head word ("Times Square", "Black Sea Grain Initiative"), a run with a
    connector ("US Army Corps of Engineers", "Alliance of Small Island States").
    """
    if (
        tokens[last].text in _HEADS
        or f"{tokens[last - 1].text} {tokens[last].text}" in PLACE_TWO_WORD_HEADS
        or f"{tokens[last - 1].text} {tokens[last].text}" in ORG_TWO_WORD_HEADS
        or gazetteers.is_company_suffix(tokens[last].text)
        or any(_is_connector(token, gazetteers) for token in tokens[first : last + 1])
    ):
        return None  # nor a company's legal form after its head: "... Terminals BV"
    for index in range(last - 1, first, -1):
        if tokens[index].text in _SPLIT_HEADS:
            if index + 1 == last and _is_country(tokens[last].text, gazetteers):
                return None  # a national body's name: "Cloud Infrastructure Ireland"
            return index
    return None


def _is_country(word: str, gazetteers: Gazetteers) -> bool:
    """Return True if ``word`` names a country."""
    place = gazetteers.place(word)
    return place is not None and place.kind == "country"


def _place_abbreviation_prefix(
    tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> bool:
    """Return True if the run is a country abbreviation then a public body ("US Navy").

    A company keeps it: "UK Power Networks", "UK P&I Club".
    """
    head = tokens[first]
    return (
        first < last
        and head.text.isupper()
        and gazetteers.place(head.text) is not None
        and tokens[last].text in _STATE_BODY_HEADS
    )


def _drop_initial_word(
    tokens: Sequence[Token],
    first: int,
    last: int,
    gazetteers: Gazetteers,
    capitalised_mid_sentence: frozenset[str],
) -> bool:
    """Return True if the run's first word is an ordinary word capitalised by position.

    It must open a sentence or quotation, be a common English word the article does not
    capitalise elsewhere, and not be a place. A function word ("The", "In") always goes; a
    given name that is also a word ("Mark Rutte") stays when a surname-like word follows,
    and so do a storm or operation prefix ("Hurricane Otis") and the first of several
    words before a head word ("Royal Air Force").
    """
    head = tokens[first]
    if not head.initial:
        return False
    if head.text.lower() in FUNCTION_WORDS:
        return True
    if first == last and gazetteers.known_name(head.text) is not None:
        return False  # "Kremlin spokesman ...": a well-known name, although "kremlin" is a word
    if not gazetteers.is_ordinary(head.text):
        return False
    if first == last and _before_lower_class_noun(tokens, last, gazetteers):
        return True  # "Security firm Jadeshield Labs": the word qualifies the noun
    if fold(head.text) in capitalised_mid_sentence:
        return False
    if gazetteers.place(head.text) is not None:
        return False
    whole = gazetteers.place(" ".join(token.text for token in tokens[first : last + 1]))
    if first < last and whole is not None and whole.confidence >= _SURE_PLACE:
        return False  # "Hong Kong", although "hong" is a word
    if head.text in EVENT_PREFIXES and first < last:
        return False
    if (
        last == first + 1
        and gazetteers.is_ordinary(tokens[last].text)
        and not gazetteers.is_role(tokens[last].text)
        and not tokens[last].text.isupper()
    ):
        # "Micron Technology said": two common words capitalised together are a name;
        # dropping the first would leave a common word alone.
        return False
    if last - first >= 2 and tokens[last].text in _HEADS:
        # "Royal Air Force", "National Security Council": a head word's modifiers.
        return False
    if (
        last - first >= 2
        and tokens[last - 1].text in _HEADS
        and _is_country(tokens[last].text, gazetteers)
    ):
        return False  # "Cloud Infrastructure Ireland": the same, in a national body's name
    rest = tokens[first + 1 : last + 1]
    return not (
        rest
        and len(rest) <= 2
        and gazetteers.is_first_name(head.text)
        and _looks_like_personal_name(rest, gazetteers)
        and gazetteers.place(" ".join(token.text for token in rest)) is None
    )


def _before_lower_class_noun(tokens: Sequence[Token], last: int, gazetteers: Gazetteers) -> bool:
    """Return True if a lower-case class noun or role follows ``tokens[last]``."""
    if last + 1 >= len(tokens) or tokens[last].possessive:
        return False
    after = tokens[last + 1]
    return (
        after.start == tokens[last].end + 1
        and not after.capitalised
        and (after.text in CLASS_NOUNS or gazetteers.is_role(after.text))
    )


def _possessive_split(tokens: Sequence[Token], first: int, last: int) -> int | None:
    """Return the index of a possessive between two bodies' names, or None.

    "House of Representatives' Economic Affairs Committee" is the House and its
    committee: the name before the possessive has its head word ("House of ..."), the
    name after it has its own. "People's Party", "Doctors' Union of Kenya" stay one name.
    """
    for index in range(first + 1, last - 1):
        if not tokens[index].possessive:
            continue
        words = [token.text for token in tokens[first : index + 1]]
        if tokens[last].text in ORG_HEADS and (
            words[-1] in ORG_HEADS
            or any(
                word in ORG_INITIAL_HEADS and following == "of"
                for word, following in itertools.pairwise(words)
            )
        ):
            return index
    return None


def _has_inner_of_head(
    tokens: Sequence[Token], first: int, last: int, joins: tuple[str, ...] = ("of", "on", "for")
) -> bool:
    """Return True if a head word stands before one of ``joins`` ("Council on Foreign ...")."""
    return any(
        tokens[index].text in _OF_HEADS and tokens[index + 1].text in joins
        for index in range(first, last)
    )


def _demonym_length(tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers) -> int:
    """Return how many words at the start of the run form a demonym (0, 1 or 2)."""
    if first < last and gazetteers.is_demonym(f"{tokens[first].text} {tokens[first + 1].text}"):
        return 2
    return 1 if gazetteers.is_demonym(tokens[first].text) else 0


def segment_run(
    tokens: Sequence[Token],
    first: int,
    last: int,
    gazetteers: Gazetteers,
    capitalised_mid_sentence: frozenset[str],
) -> Iterator[Segment]:
    """Yield the names in the run ``tokens[first..last]`` (see the module docstring).

    ``capitalised_mid_sentence`` holds the folded words the article capitalises somewhere
    other than at a sentence start: those are never dropped as sentence-initial words.
    """
    split = (gazetteers, capitalised_mid_sentence)
    first, last = _trim(tokens, first, last, gazetteers)
    if first > last:
        return

    def halves(left_last: int, right_first: int) -> Iterator[Segment]:
        """Yield the names of ``tokens[first..left_last]`` then ``tokens[right_first..last]``."""
        yield from segment_run(tokens, first, left_last, *split)
        yield from segment_run(tokens, right_first, last, *split)

    # Most runs are one word: the splitting steps need two or more.
    if first < last:
        for middle in range(first + 1, last):
            if tokens[middle].text in _CALENDAR:
                yield from halves(middle - 1, middle + 1)
                return

        index = _and_split(tokens, first, last, gazetteers)
        if index is not None:
            yield from halves(index - 1, index + 1)
            return
        index = _possessive_split(tokens, first, last)
        if index is not None:
            yield from halves(index, index + 1)
            return
        titled = _title_split(tokens, first, last, gazetteers)
        if titled is not None:
            title_start, title_end, name_start = titled
            title = " ".join(token.text for token in tokens[title_start : title_end + 1])
            reason = f"title '{title}' before the name"
            yield Segment(name_start, last, (Evidence("person", TITLE_SCORE, reason),))
            if title_start > first:
                for segment in segment_run(tokens, first, title_start - 1, *split):
                    yield _with_employer(segment, tokens, title, gazetteers)
            return
    if all(
        gazetteers.is_role(token.text) or _is_connector(token, gazetteers)
        for token in tokens[first : last + 1]
    ):
        return
    if first < last:
        index = _of_split(tokens, first, last, gazetteers)
        if index is not None:
            yield from halves(index - 1, index + 1)
            return
        head = _inner_head(tokens, first, last, gazetteers)
        if head is not None:
            yield from halves(head, head + 1)
            return
        if _place_abbreviation_prefix(tokens, first, last, gazetteers):
            yield from halves(first, first + 1)
            return
        if tokens[first].text == "The" and _not_known_with_article(tokens, first, last, gazetteers):
            # "told The Daily Courier": a name is marked without its article ("The Economist",
            # "The Hague" are known with it)
            yield from segment_run(tokens, first + 1, last, *split)
            return
    if _drop_initial_word(tokens, first, last, gazetteers, capitalised_mid_sentence):
        yield from segment_run(tokens, first + 1, last, *split)
        return
    whole = gazetteers.place(" ".join(token.text for token in tokens[first : last + 1]))
    demonym = _demonym_length(tokens, first, last, gazetteers)
    if demonym and not (whole is not None and whole.confidence >= _SURE_PLACE):
        # "Czech Republic" is a country, not the demonym "Czech" before "Republic".
        if first + demonym > last:
            return
        rest = " ".join(token.text for token in tokens[first + demonym : last + 1])
        if (
            tokens[last].text not in _HEADS
            and not _has_inner_of_head(tokens, first + demonym, last)
            # "Mexican Red Cross": a national society of a known body keeps its demonym
            and not (first + demonym < last and gazetteers.known_name(rest) == "organization")
        ):
            yield from segment_run(tokens, first + demonym, last, *split)
            return
    yield Segment(first, last)


def _not_known_with_article(
    tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> bool:
    """Return True unless the run, "The" included, is a known name or place ("The Hague")."""
    name = " ".join(token.text for token in tokens[first : last + 1])
    return gazetteers.known_name(name) is None and gazetteers.place(name) is None


def _with_employer(
    segment: Segment, tokens: Sequence[Token], title: str, gazetteers: Gazetteers
) -> Segment:
    """Return ``segment`` with evidence that it employs the titled person after it.

    A single ordinary word ("Economy Minister", "Commerce Secretary") is a portfolio, not
    an employer, and gets no evidence.
    """
    words = tokens[segment.first : segment.last + 1]
    if len(words) == 1 and (
        gazetteers.is_ordinary(words[0].text) or gazetteers.is_demonym(words[0].text)
    ):
        return segment
    reason = f"employer of a person titled '{title}'"
    evidence = (*segment.evidence, Evidence("organization", EMPLOYER_SCORE, reason))
    return Segment(segment.first, segment.last, evidence)

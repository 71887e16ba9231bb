"""Words and capitalised runs of one paragraph: the raw material of name discovery.

:func:`tokenize` cuts a paragraph into :class:`Token` values (words with their offsets,
whether a possessive "'s" followed, whether they open a sentence or a quotation).
:func:`find_runs` groups them into runs of capitalised words, with connectors such as
"of", "for the" or "da" allowed between two capitalised words ("Bank of England", "Lula da
Silva"). Deciding which part of a run is a name is left to :mod:`.segment`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from briefings.common.lexicon import (
    CLASS_NOUNS,
    COMPANY_FORM_PAIRS,
    CONNECTORS,
    DOTTED_NAME_PREFIXES,
    FUNCTION_WORDS,
    OPENING_QUOTES,
    ORG_HEADS,
    ORG_INITIAL_HEADS,
    OTHER_HEADS,
)
from briefings.content.sentences import split_sentences

__all__ = ["Token", "find_runs", "tokenize"]

# A word: dotted initials ("U.S.", "D."), a decimal number ("4.2"), or letters/digits joined
# by hyphens, apostrophes, "&" or a colon ("Rostov-on-Don", "O'Brien", "AT&T",
# "NXT:1980Di"); or a lone "&".
_WORD_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|\d+\.\d+(?![^\W_])|[^\W_]+(?:[-‐‑'’:&][^\W_]+)*|&",
)
# A number that may end a product's or a law's name: "PlayStation 5", "NimbraStore 4.2".
_MODEL_NUMBER_RE = re.compile(r"\d{1,4}(?:\.\d{1,3}|-\d{1,4})?")
# Nouns after a number that make it a model's: "an Atlântico 220 unit", "ATR 72-600 turboprops".
_MODEL_NOUNS = frozenset({"unit", "units", "model", "models", "series", "variant"})
_POSSESSIVE_RE = re.compile(r"['’]s?(?![^\W_])")
_HYPHENS = "-‐‑"
_APOSTROPHES = ("'", "’")
_CLOSING_QUOTE_RE = re.compile(r"[\"”’'»](?![^\W_])")
_QUOTED_TITLE_MAX_WORDS = 8
_POSSESSIVE_GAPS = frozenset({"'s ", "’s ", "' ", "’ "})
_WORDS_AFTER_ON = ORG_HEADS | OTHER_HEADS | {"Convention", "Conference"}
_OF_LIST_HEADS = ORG_HEADS | ORG_INITIAL_HEADS


class Token(NamedTuple):
    """A word of a paragraph: ``text`` is ``paragraph[start:end]``.

    A named tuple rather than a dataclass: an article has hundreds of words and this is
    the cheapest immutable record to build.
    """

    start: int
    end: int
    text: str
    possessive: bool
    initial: bool
    compound: bool
    capitalised: bool
    name_word: bool

    @property
    def acronym(self) -> bool:
        """Return True for an abbreviation: two or more capitals and no lower-case letter.

        A plural "s" is allowed ("UAVs"); digits are allowed ("G20").
        """
        core = self.text[:-1] if self.text.endswith("s") else self.text
        return sum(char.isupper() for char in core) >= 2 and not any(c.islower() for c in core)


def _sentence_starts(paragraph: str) -> set[int]:
    """Return the offsets where a sentence's first word may start (after opening quotes)."""
    starts: set[int] = set()
    for start, _end in split_sentences(paragraph):
        while start < len(paragraph) and not (
            paragraph[start].isalnum() or paragraph[start] == "&"
        ):
            start += 1
        starts.add(start)
    return starts


def _opens_quotation(paragraph: str, start: int) -> bool:
    """Return True if the word at ``start`` opens a quotation, or follows a colon.

    A quoted title ("the book \u201cChip War\u201d": every word capitalised up to the closing
    quote) is not a quotation: its capitals are a name's.
    """
    before = paragraph[max(0, start - 2) : start]
    if not before:
        return False
    if before[-1] in OPENING_QUOTES:
        if not (len(before) == 1 or before[0].isspace() or before[0] in "([:"):
            return False
        close = _CLOSING_QUOTE_RE.search(paragraph, start)
        quoted = paragraph[start : close.start() if close else len(paragraph)].split()
        return not (
            0 < len(quoted) <= _QUOTED_TITLE_MAX_WORDS
            and all(word[:1].isupper() or word in CONNECTORS for word in quoted)
        )
    return before == ": "


# An opening quotation mark or ": ": the word right after may open a quotation.
_OPENER_RE = re.compile("[" + re.escape("".join(sorted(OPENING_QUOTES))) + "]|: ")


def tokenize(
    paragraph: str,
    is_modifier_suffix: Callable[[str], bool],
    hyphen_particles: Sequence[str] = (),
) -> list[Token]:
    """Return the words of ``paragraph`` in order.

    A possessive ending ("'s", or a bare apostrophe after "s") is cut off and recorded. A
    capitalised word ending in a hyphenated modifier ("Iran-backed", "US-led") keeps only
    its name part and is marked ``compound``; ``is_modifier_suffix`` decides what is a
    modifier (an English word such as "backed") rather than part of a name ("Soo-ho").
    A word is a ``name_word`` if it is capitalised, has a capital after a lower-case
    start ("iPhone"), or starts with one of ``hyphen_particles`` ("al-Houthi").
    """
    # Where a word is a sentence's first or opens a quotation (or follows ": ").
    initials = _sentence_starts(paragraph)
    initials.update(
        match.end()
        for match in _OPENER_RE.finditer(paragraph)
        if _opens_quotation(paragraph, match.end())
    )
    tokens: list[Token] = []
    append = tokens.append
    new_token = tuple.__new__  # Token(...) goes through a Python-level __new__: 4x slower
    for match in _WORD_RE.finditer(paragraph):
        text = match.group()
        start, end = match.span()
        possessive = False
        if text[-1] == "s":
            if text[-2:] in ("'s", "’s") and len(text) > 2:
                text, end, possessive = text[:-2], end - 2, True
            elif paragraph[end : end + 1] in _APOSTROPHES:
                possessive = _POSSESSIVE_RE.match(paragraph, end) is not None
        if text.islower():
            # Most words of prose: not a name's word, no hyphenated modifier to cut off.
            append(
                new_token(
                    Token, (start, end, text, possessive, start in initials, False, False, False)
                )
            )
            continue
        compound = False
        capitalised = text[0].isupper()
        if capitalised and ("-" in text or "‐" in text or "‑" in text):
            parts = re.split(f"[{_HYPHENS}]", text)
            cut = next(
                (
                    i
                    for i in range(1, len(parts))
                    if parts[i].islower() and is_modifier_suffix(parts[i])
                ),
                None,
            )
            if cut is not None and not any(part[:1].isupper() for part in parts[cut:]):
                text = text[: len("-".join(parts[:cut]))]
                end = start + len(text)
                compound = True
        initial = start in initials
        name_word = capitalised or (
            not text.islower() and _is_lower_name_word(text, hyphen_particles)
        )
        append(
            new_token(
                Token, (start, end, text, possessive, initial, compound, capitalised, name_word)
            )
        )
    return tokens


def _is_lower_name_word(text: str, hyphen_particles: Sequence[str]) -> bool:
    """Return True for a name word that starts in lower case: "iPhone", "al-Houthi"."""
    if not text[:1].islower():
        return False
    if text[1:2].isupper() or text[2:3].isupper():
        return True
    if "-" not in text[:6] and "'" not in text[:6] and "’" not in text[:6]:
        return False
    return any(
        text.startswith(particle) and text[len(particle) : len(particle) + 1].isupper()
        for particle in hyphen_particles
    )


def _connector_allowed(word: str, run: Sequence[Token]) -> bool:
    """Return True if connector ``word`` may continue ``run`` (the name words so far).

    "the" only after "of"/"for" ("Union for the Homeland"); "on" only after a head word
    ("Convention on Climate Change"). "and" may join any two name words: whether they are
    one name is for :mod:`.segment` to decide.
    """
    last = run[-1].text
    if word == "the":
        # "Union for the Homeland", "Convention on the Law of the Sea"
        return last in ("of", "for") or (
            last == "on" and len(run) > 1 and run[-2].text in _WORDS_AFTER_ON
        )
    if word in ("on", "upon"):
        return last in _WORDS_AFTER_ON
    return True


def _single_space(paragraph: str, left: Token, right: Token) -> bool:
    """Return True if one space (after a possessive ending, if any) separates two words."""
    gap = paragraph[left.end : right.start]
    return gap == " " or (left.possessive and gap in _POSSESSIVE_GAPS)


def _after_dotted_prefix(paragraph: str, left: Token, right: Token) -> bool:
    """Return True if ``left`` is an abbreviation with its full stop that opens a name
    going on with ``right``: "Dr. Farhana Kabir", "Md. Abdur Rahim", "St. Petersburg".

    Not before a function word: "on Main St. The next day" ends a sentence.
    """
    return (
        left.text in DOTTED_NAME_PREFIXES
        and paragraph[left.end : right.start] == ". "
        and right.capitalised
        and right.text.lower() not in FUNCTION_WORDS
    )


def _is_camel_case(word: str) -> bool:
    """Return True for a brand written with an inner capital: "NeoCare", "PlayStation"."""
    return (
        len(word) > 3
        and word[0].isupper()
        and any(char.islower() for char in word)
        and any(char.isupper() for char in word[1:])
        and word.isalpha()
    )


def _number_continues(tokens: Sequence[Token], index: int, paragraph: str) -> bool:
    """Return True if the number at ``index`` is part of a product name ("PlayStation 5").

    It must follow a capitalised word and come before a capitalised word or a noun naming
    a product ("Boeing 737 jets"); "attacked Kyiv 40 times" keeps the number out. After a
    brand with an inner capital ("NeoCare 300") or a law ("Defamation Act 1957") it ends
    the name whatever follows.
    """
    token = tokens[index]
    previous = tokens[index - 1].text
    if not (_MODEL_NUMBER_RE.fullmatch(token.text) and tokens[index - 1].capitalised):
        return False
    if _is_camel_case(previous):
        return True  # "NeoCare 300", "NimbraStore 4.2": a brand's model number
    if previous in OTHER_HEADS and token.text.isdigit():
        return True  # "Defamation Act 1957": a law's year; "Convention 169": its number
    if not token.text.replace("-", "").isdigit():
        return False
    if index + 1 >= len(tokens) or paragraph[token.end : tokens[index + 1].start] != " ":
        return False
    after = tokens[index + 1]
    return (
        after.capitalised
        or CLASS_NOUNS.get(after.text) in ("equipment", "other")
        or after.text in _MODEL_NOUNS
    )


def _inside_place(
    paragraph: str, tokens: Sequence[Token], index: int, is_place: Callable[[str], bool]
) -> bool:
    """Return True if the lower-case word at ``index`` is inside a known place's name:
    "Dar es Salaam", "Bandar Seri Begawan" keep their small words."""
    if not (0 < index < len(tokens) - 1) or tokens[index].capitalised:
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    if not (after.capitalised and _single_space(paragraph, tokens[index], after)):
        return False
    return is_place(f"{before.text} {tokens[index].text} {after.text}")


def find_runs(
    paragraph: str,
    tokens: Sequence[Token],
    particles: frozenset[str],
    possessive_joins: Callable[[str], bool],
    company_suffix: Callable[[str], bool] = lambda word: False,
    is_place: Callable[[str], bool] = lambda name: False,
    is_common_word: Callable[[str], bool] = lambda word: False,
) -> list[tuple[int, int]]:
    """Return runs of name words as inclusive ``(first, last)`` token index pairs.

    Words of a run are separated by single spaces. A possessive ends the run after its
    word, unless ``possessive_joins`` says the word is a common noun inside a name
    ("Taiwan People's Party"); a compound modifier ("Iran-backed") always ends it. Connectors
    (:data:`~.lexicon.CONNECTORS` and name particles such as "da", "van", "bin") join two
    name words; a run never starts or ends with one. A number joins a product name. A
    company's legal form ends the run, and joins it even in lower case ("Corrigan
    Packaging plc", "Tarrant Systems Inc of Austin" ends at "Inc").
    """
    runs: list[tuple[int, int]] = []
    index = 0
    count = len(tokens)
    while index < count:
        if (
            not tokens[index].name_word
            or paragraph[tokens[index].end : tokens[index].end + 1] == "$"
        ):
            index += 1  # "NT$31 million", "HK$": a currency's prefix
            continue
        first = last = index
        while (
            not tokens[last].compound
            and (
                not tokens[last].possessive
                or (last > first and possessive_joins(tokens[last].text))
            )
            and not (last > first and company_suffix(tokens[last].text))
        ):
            probe = last + 1
            while (
                probe < count
                and _single_space(paragraph, tokens[probe - 1], tokens[probe])
                and (
                    (
                        (tokens[probe].text in CONNECTORS or tokens[probe].text in particles)
                        and _connector_allowed(tokens[probe].text, tokens[first:probe])
                    )
                    or _inside_place(paragraph, tokens, probe, is_place)
                )
            ):
                probe += 1
            if probe < count and (
                (
                    _single_space(paragraph, tokens[probe - 1], tokens[probe])
                    and not tokens[probe].initial
                    and (
                        tokens[probe].name_word
                        or (probe == last + 1 and _number_continues(tokens, probe, paragraph))
                    )
                )
                or (
                    probe == last + 1
                    and tokens[last].text in DOTTED_NAME_PREFIXES
                    and _after_dotted_prefix(paragraph, tokens[last], tokens[probe])
                )
            ):
                last = probe
            elif (
                probe == last + 1
                and probe < count
                and _single_space(paragraph, tokens[last], tokens[probe])
                and not tokens[probe].name_word
                and company_suffix(tokens[probe].text)
            ):
                last = probe
                break
            else:
                break
        last = _legal_form_end(paragraph, tokens, last, company_suffix)
        last = _listed_fields(paragraph, tokens, first, last, is_common_word)
        runs.append((first, last))
        index = last + 1
    return runs


def _is_form_pair(left: str, right: str) -> bool:
    """Return True if two words make a legal form of two words ("Co", "Ltd")."""
    return f"{left.lower().rstrip('.')} {right.lower().rstrip('.')}" in COMPANY_FORM_PAIRS


def _legal_form_end(
    paragraph: str, tokens: Sequence[Token], last: int, company_suffix: Callable[[str], bool]
) -> int:
    """Return where a company's name ends when a legal form of two words follows it.

    "Lanyang Mobility Co., Ltd.", "Kestrel Foods Pte. Ltd." and "Zarnab Pharmaceuticals
    (Pvt) Ltd" hold punctuation the run stopped at; a pair of forms that is no legal form
    ("Siemens AG, SA Water") is not joined.
    """
    index = last + 1
    if index >= len(tokens):
        return last
    gap = paragraph[tokens[last].end : tokens[index].start]
    if (
        gap in (" ", ", ", "., ", ". ")  # "Co Ltd" as well as "Co., Ltd."
        and _is_form_pair(tokens[last].text, tokens[index].text)
        and company_suffix(tokens[index].text)
    ):
        return index  # "Co., Ltd.", "Pte. Ltd."
    if (
        gap == " ("
        and index + 1 < len(tokens)
        and paragraph[tokens[index].end : tokens[index + 1].start] == ") "
        and _is_form_pair(tokens[index].text, tokens[index + 1].text)
        and company_suffix(tokens[index + 1].text)
    ):
        return index + 1  # "(Pvt) Ltd"
    return last


def _listed_fields(
    paragraph: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    is_common_word: Callable[[str], bool],
) -> int:
    """Return where a body's name ends when its "of" takes a list of fields.

    "Ministry of the Environment, Conservation and Parks", "Institute of Seismology,
    Volcanology and Hydrology": after "<head> of", capitalised common words separated by
    commas, the last after "and", are one name. Anything else in the list ("Bank of
    England, Barclays and HSBC") leaves the run as it was.
    """
    if not any(
        tokens[i].text in _OF_LIST_HEADS and tokens[i + 1].text in ("of", "for")
        for i in range(first, last)
    ):
        return last
    if not (tokens[last].capitalised and is_common_word(tokens[last].text)):
        return last
    probe = last
    while probe + 2 < len(tokens):
        gap = paragraph[tokens[probe].end : tokens[probe + 1].start]
        word = tokens[probe + 1]
        if gap == ", " and word.capitalised and not word.initial and is_common_word(word.text):
            probe += 1
            continue
        if gap in (" ", ", ") and word.text == "and":
            field = tokens[probe + 2]
            if (
                probe > last
                and paragraph[word.end : field.start] == " "
                and field.capitalised
                and is_common_word(field.text)
            ):
                return probe + 2
        return last
    return last

"""Evidence for the type of a name: from the name itself, and from the words around it.

:func:`name_evidence` looks at the name alone: gazetteers (countries, cities...), head words
("... Bank", "... Strait"), model-number shapes ("Su-35", "A800"), ship prefixes ("USS"),
abbreviations, and a known given name as first word. :func:`context_evidence` looks at one
occurrence: a role before or after it ("spokesman Dmitry Peskov", "Lim Soo-ho, a senior
analyst"), a role after it that makes it an employer ("Kremlin spokesman"), a classifying
noun ("the consultancy SovEcon", "Hatay province"), "the" before a plural ("the Houthis").

Every :class:`~.segment.Evidence` carries a score in 0..1 and a reason an editor can read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefings.common.lexicon import (
    APPOSITION_OPENERS,
    CLASS_NOUNS,
    CLASS_NOUNS_AFTER_ONLY,
    CLASS_NOUNS_BEFORE_ONLY,
    COMMON_ACRONYMS,
    COMPASS_WORDS,
    EMPLOYER_PREPOSITIONS,
    EQUIPMENT_HEADS,
    EQUIPMENT_OF_NOUNS,
    EVENT_HEADS,
    EVENT_PREFIXES,
    FUNCTION_WORDS,
    INVERTED_STATEMENT_VERBS,
    MOTION_PREPOSITIONS,
    OPENING_QUOTES,
    ORG_CONTEXT_BEFORE,
    ORG_HEADS,
    ORG_INITIAL_HEADS,
    ORG_PREFIXES,
    ORG_TWO_WORD_HEADS,
    OTHER_HEADS,
    OTHER_PREFIXES,
    PLACE_HEADS,
    PLACE_INITIAL_HEADS,
    PLACE_OF_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_TWO_WORD_HEADS,
    PRODUCT_DETERMINERS,
    PRODUCT_TIERS,
    PRODUCT_VERBS,
    SHIP_PREFIXES,
    STATEMENT_VERBS,
    STREET_SUFFIXES,
    TWO_WORD_CLASS_NOUNS,
    WEATHER_PREFIXES,
)
from briefings.entities.discovery.gazetteers import Gazetteers, PlaceHit
from briefings.entities.discovery.segment import Evidence
from briefings.entities.discovery.spans import Token

__all__ = ["context_evidence", "is_speech_reason", "name_evidence"]

# "Su-35", "S-400", "Mohajer-6", "Il-22"; not "COVID-19" (four or more capitals).
_MODEL_HYPHEN_RE = re.compile(r"(?:[A-Z][a-z]{0,9}|[A-Z]{1,3}[a-z]?)-\d{1,4}[A-Za-z]{0,3}\Z")
# "A800", "M777", "A320neo": one or two capitals then three or four digits.
_MODEL_NUMBER_RE = re.compile(r"[A-Z]{1,2}\d{3,4}[A-Za-z]{0,3}\Z")
# "Kestrel K3", "Halo H3", "Terrax D90": a model code of one or two capitals and one to
# three digits after a brand's name (three or four digits stand alone: "A800").
_MODEL_CODE_RE = re.compile(r"[A-Z]{1,2}\d{1,3}[a-z]?\Z")
# "Kufnil-DX", "Lipitor-XR": a brand and a variant's capitals.
_VARIANT_SUFFIX_RE = re.compile(r"([A-Z][a-z]{2,})-([A-Z]{2,3})\Z")
# "NXT:1980Di".
_MODEL_COLON_RE = re.compile(r"[A-Z]{2,}:\d+[A-Za-z]*\Z")
# "COP28", "UNGA78": an abbreviation and an edition number.
_NUMBERED_ACRONYM_RE = re.compile(r"[A-Z]{3,}\d{1,3}\Z")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z&]*[A-Z]\Z")
# A person's age: "a 20-year-old student", "20-year-old Owain Brett", "Owain Brett, 20, said".
_AGE = r"(?:\d{1,2}|1[01]\d)"
_AGE_WORD_RE = re.compile(rf"{_AGE}-year-old\Z")
_AGE_AFTER_RE = re.compile(rf", ({_AGE}),")

# Words after a head word inside a name: "Bank of ...", "University in Cairo" (a name an
# acronym joins across "in", see the discoverer).
_HEAD_CONNECTORS = frozenset({"of", "for", "on", "in", "at"})
# Lower-case nouns after a region's name: "in Telemark county", "in Hatay province".
_REGION_NOUNS = frozenset({"county", "province", "region", "state", "district", "governorate"})
# Prepositions that locate a place by another: "Skalvik near Tromsø".
_NEAR_WORDS = frozenset({"near", "outside"})

HEAD_SCORES = {
    "organization": 0.85,
    "place": 0.8,
    "event": 0.75,
    "other": 0.75,
    "equipment": 0.8,
}
SHIP_SCORE = 0.9
WEAK_PREFIX_SCORE = 0.6
MODEL_SCORE = 0.85
MODEL_NUMBER_SCORE = 0.6
# A number after a name of words: "NeoCare 300", more telling than one word's shape.
TRAILING_NUMBER_SCORE = 0.7
ACRONYM_SCORE = 0.6
FIRST_NAME_SCORE = 0.7
AMBIGUOUS_FIRST_NAME_SCORE = 0.45
ROLE_SCORE = 0.8
EMPLOYER_SCORE = 0.7
# A classifying noun next to the name says outright what it is: it outweighs a head word.
CLASS_NOUN_SCORE = 0.8
# Right before the name, the noun outweighs the name's own head word: "the bulk carrier
# Orion Bay" is a ship, whatever "Bay" says.
CLASS_NOUN_BEFORE_SCORE = 0.85
FAR_CLASS_NOUN_SCORE = 0.6
PLURAL_GROUP_SCORE = 0.65
CREDIT_SCORE = 0.85
COMPANY_SUFFIX_SCORE = 0.9
KNOWN_NAME_SCORE = 0.9
# Weak cues: each is right more often than not, and decides only when nothing else speaks.
STATEMENT_SCORE = 0.6
PLACE_PREPOSITION_SCORE = 0.55
MOTION_PREPOSITION_SCORE = 0.5
ORG_CONTEXT_SCORE = 0.7
PRODUCT_DETERMINER_SCORE = 0.6
# A gazetteer hit this sure beats any head word inside the name ("Russian Federation").
_SURE_PLACE = 0.9
# A place this likely, before a noun, qualifies it: "Lisbon firm" says nothing of Lisbon.
_PLACE_MODIFIER = 0.6


def _head_type(words: Sequence[str]) -> tuple[str, str] | None:
    """Return (type, head word) from the name's head word, or None."""
    connector = next((i for i, word in enumerate(words) if word in _HEAD_CONNECTORS), None)
    if connector is not None and connector > 0:
        before = words[connector - 1]
        if before in ORG_INITIAL_HEADS or before in ORG_HEADS:
            return "organization", before
        if before in OTHER_HEADS:
            return "other", before  # "Convention on the Law of the Sea", "Treaty of Rome"
        if before in PLACE_INITIAL_HEADS and words[-1] not in ORG_HEADS:
            return "place", before  # "Gulf of Aden", but "Port of Rotterdam Authority"
    last = words[-1]
    if len(words) > 1 and f"{words[-2]} {last}" in PLACE_TWO_WORD_HEADS:
        return "place", f"{words[-2]} {last}"
    if len(words) > 1 and f"{words[-2]} {last}" in ORG_TWO_WORD_HEADS:
        return "organization", f"{words[-2]} {last}"
    for heads, kind in (
        (ORG_HEADS, "organization"),
        (PLACE_HEADS, "place"),
        (EVENT_HEADS, "event"),
        (OTHER_HEADS, "other"),
        (EQUIPMENT_HEADS, "equipment"),
    ):
        if last in heads:
            return kind, last
    if words[0] in PLACE_INITIAL_HEADS and words[0] != "Port":
        return "place", words[0]
    return None


def _model_evidence(words: Sequence[str], gazetteers: Gazetteers) -> Evidence | None:
    """Return equipment evidence if a word has a model-number shape, else None."""
    for word in words:
        if word.isalpha():
            continue  # every shape below has a hyphen, a colon or a digit
        variant = _VARIANT_SUFFIX_RE.match(word)
        if variant is not None and not any(
            gazetteers.place(part) is not None for part in variant.groups()
        ):  # "Kufnil-DX", not "Japan-US"
            return Evidence("equipment", MODEL_SCORE, f"product variant shape '{word}'")
        if _MODEL_HYPHEN_RE.match(word):
            return Evidence("equipment", MODEL_SCORE, f"model-number shape '{word}'")
        if _MODEL_COLON_RE.match(word):
            return Evidence("equipment", MODEL_SCORE, f"model-number shape '{word}'")
        if _MODEL_NUMBER_RE.match(word):
            return Evidence("equipment", MODEL_NUMBER_SCORE, f"model-number shape '{word}'")
    return None


def _given_name_and_surname(words: Sequence[str], gazetteers: Gazetteers) -> bool:
    """Return True for a given name then a word in title case: "Daniel Teo" is a person,
    although "Teo" is also a legal form in cleanco's lists ("Acme AG" stays a company)."""
    return (
        len(words) == 2
        and words[1][1:].islower()
        and gazetteers.is_first_name(words[0])
        and not gazetteers.is_ordinary(words[0])
    )


def is_common_acronym(word: str) -> bool:
    """Return True for an abbreviation of a common noun ("CEO", "UAVs")."""
    return word in COMMON_ACRONYMS or (
        word.endswith("s") and _ACRONYM_RE.match(word[:-1]) is not None
    )


def name_evidence(
    words: Sequence[str], gazetteers: Gazetteers
) -> tuple[list[Evidence], PlaceHit | None]:
    """Return the evidence that the name made of ``words`` gives by itself, and its place hit."""
    evidence: list[Evidence] = []
    surface = " ".join(words)
    hit = gazetteers.place(surface)
    if hit is not None:
        evidence.append(Evidence("place", hit.confidence, hit.evidence))
    known = gazetteers.known_name(surface)
    if known is not None and not gazetteers.is_known_company(surface):
        evidence.append(Evidence(known, KNOWN_NAME_SCORE, "listed in known_names.yml"))
    elif len(words) > 2 and gazetteers.is_demonym(words[0]):
        known = gazetteers.known_name(" ".join(words[1:]))
        if known == "organization":  # "Chilean Red Cross": a national society
            reason = f"'{' '.join(words[1:])}' listed in known_names.yml"
            evidence.append(Evidence(known, KNOWN_NAME_SCORE, reason))
    if (
        len(words) > 1
        and gazetteers.is_company_suffix(words[-1])
        and not _given_name_and_surname(words, gazetteers)
    ):
        evidence.append(
            Evidence(
                "organization", COMPANY_SUFFIX_SCORE, f"company suffix '{words[-1]}' (cleanco)"
            )
        )
    sure_place = hit is not None and hit.confidence >= _SURE_PLACE
    numbered = len(words) > 1 and words[-1].replace(".", "", 1).isdigit()
    named = words[:-1] if numbered else words  # "Defamation Act 1957", "NeoCare 300"
    if len(words) == 2 and hit is None and words[0] in COMPASS_WORDS:
        part = gazetteers.place(words[1])
        if part is not None and part.confidence >= _PLACE_MODIFIER:
            # "South Canterbury", "Northern Luzon": part of a place is a place
            reason = f"'{words[0]}' before the place '{words[1]}'"
            evidence.append(Evidence("place", HEAD_SCORES["place"], reason))
    if len(words) > 1 and not sure_place:
        head = _head_type(named)
        if numbered and head is None:
            evidence.append(
                Evidence("equipment", TRAILING_NUMBER_SCORE, f"model number '{words[-1]}'")
            )
        if words[0] in ORG_PREFIXES and head is None:
            evidence.append(
                Evidence(
                    "organization", HEAD_SCORES["organization"], f"'{words[0]}' opens the name"
                )
            )
        if head is not None:
            kind, word = head
            evidence.append(Evidence(kind, HEAD_SCORES[kind], f"head word '{word}'"))
        if words[0] in SHIP_PREFIXES:
            evidence.append(Evidence("equipment", SHIP_SCORE, f"ship prefix '{words[0]}'"))
        if words[0] in EVENT_PREFIXES:
            # "Storm Babet" is a storm; "Storm Lantern", of common words, may be anything
            common = words[0] in WEATHER_PREFIXES and all(
                gazetteers.is_ordinary(word) for word in words[1:]
            )
            score = WEAK_PREFIX_SCORE if common else SHIP_SCORE
            evidence.append(Evidence("event", score, f"named like a storm: '{words[0]}'"))
        if words[0] in OTHER_PREFIXES:
            evidence.append(Evidence("other", SHIP_SCORE, f"'{words[0]}' opens the name"))
        if head is None and _MODEL_CODE_RE.match(words[-1]) and not words[0].isupper():
            reason = f"model code '{words[-1]}' after a name"
            evidence.append(Evidence("equipment", TRAILING_NUMBER_SCORE, reason))
    model = _model_evidence(words, gazetteers)
    if model is not None:
        evidence.append(model)
    if len(words) == 1 and hit is None and words[0].lower().endswith(STREET_SUFFIXES):
        evidence.append(Evidence("place", HEAD_SCORES["place"], "named like a street"))
    if len(words) == 1 and hit is None:
        word = words[0]
        if _NUMBERED_ACRONYM_RE.match(word):
            evidence.append(
                Evidence("event", ACRONYM_SCORE, f"abbreviation with an edition number '{word}'")
            )
        elif _ACRONYM_RE.match(word) and not is_common_acronym(word):
            evidence.append(Evidence("organization", ACRONYM_SCORE, "all-capital abbreviation"))
    tier = len(words) > 1 and words[-1] in PRODUCT_TIERS and not sure_place
    if tier:
        evidence.append(Evidence("equipment", MODEL_SCORE, f"product tier '{words[-1]}'"))
    if (
        len(words) > 1
        and not sure_place
        and not tier
        and words[0].lower() not in FUNCTION_WORDS
        and gazetteers.is_first_name(words[0])
        and _head_type(words) is None
        and any(word[:1].isupper() for word in words[1:])
    ):
        # "Chris Miller" is a person although "miller" is a word; "Chip War" is not, since
        # "chip" is a word too.
        if not gazetteers.is_ordinary(words[0]):
            score = FIRST_NAME_SCORE
        elif not all(gazetteers.is_ordinary(word) for word in words[1:] if word[:1].isupper()):
            score = AMBIGUOUS_FIRST_NAME_SCORE
        else:
            score = 0.0
        if score:
            evidence.append(Evidence("person", score, f"given name '{words[0]}' (gender-guesser)"))
    return evidence, hit


_NAMING_WORDS = (("known", "as"), ("called",), ("named",), ("dubbed",))
_NAMING_LAST_WORDS = frozenset(phrase[-1] for phrase in _NAMING_WORDS)
# Verbs that name a thing right before its name, or before "as" a few words on.
_NAMING_VERBS = frozenset({"named", "dubbed", "called", "designated", "christened"})
_AS_NAMING_VERBS = frozenset({"known", "tracked", "identified", "classified"})
_NAMING_REACH = 6  # words between the class noun and the naming verb
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were"})


def _class_noun_named(
    paragraph: str, tokens: Sequence[Token], first: int
) -> tuple[str, str] | None:
    """Return (type, noun) for "<class noun> known as / called / named NAME", or None:
    "malware known as GhostVine", "a drone called Skyhook", and with a clause between
    them: "a strain of spyware the agency has named SilkThread", "a group tracked by
    researchers as Storm Lantern"."""
    if first < 2 or tokens[first - 1].text not in _NAMING_LAST_WORDS:
        return None
    for phrase in _NAMING_WORDS:
        start = first - len(phrase)
        if start < 1 or tuple(t.text for t in tokens[start:first]) != phrase:
            continue
        noun = tokens[start - 1]
        if paragraph[noun.end : tokens[first].start] != " " + " ".join(phrase) + " ":
            return None
        kind = _class_noun(noun.text, "after") or _class_noun(noun.text, "before")
        if kind is not None:
            return kind, noun.text
        break
    return _class_noun_before_naming(paragraph, tokens, first)


def _class_noun_before_naming(
    paragraph: str, tokens: Sequence[Token], first: int
) -> tuple[str, str] | None:
    """Return (type, noun) for a class noun a few words before "named NAME", "dubbed
    NAME", "tracked ... as NAME", or None ("a backdoor that the Cyber Centre has named
    X"). Punctuation on the way ends the search: the noun must be in the same clause."""
    verb = first - 1
    if tokens[verb].text == "as":
        verb = next(
            (
                index
                for index in range(first - 2, max(-1, first - 2 - _NAMING_REACH), -1)
                if tokens[index].text in _AS_NAMING_VERBS
            ),
            -1,
        )
        if verb < 0:
            return None
    elif tokens[verb].text not in _NAMING_VERBS:
        return None
    for index in range(verb - 1, max(-1, verb - 1 - _NAMING_REACH), -1):
        token = tokens[index]
        if _gap(paragraph, token, tokens[index + 1]) != " ":
            return None
        kind = _class_noun(token.text, "before")
        if kind is not None and kind != "place" and not _subject_of(tokens, index, verb):
            return kind, token.text
    return None


def _subject_of(tokens: Sequence[Token], index: int, verb: int) -> bool:
    """Return True if the noun at ``index`` is the subject of the naming verb ("spyware the
    agency has named X": the agency names, the spyware is named)."""
    return index + 1 < verb and tokens[index + 1].text in _AUXILIARIES


def _such_as(paragraph: str, tokens: Sequence[Token], first: int) -> tuple[str, str] | None:
    """Return (type, noun) for "<plural class noun> such as [the] NAME", or None:
    "makers such as Orvane", "islands such as Skarø"."""
    index = first - 1
    if index >= 0 and tokens[index].text == "the":
        index -= 1
    if index < 2 or tokens[index].text != "as" or tokens[index - 1].text != "such":
        return None
    noun = tokens[index - 2]
    if paragraph[noun.end : tokens[first].start].strip(" the") != "such as":
        return None
    word = noun.text[:-1] if noun.text.endswith("s") else noun.text
    kind = _class_noun(word, "before") or _class_noun(noun.text, "before")
    return (kind, noun.text) if kind is not None else None


def _given_name_first(
    tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> bool:
    """Return True if the name opens with a given name that is no English word ("Rui ...")."""
    word = tokens[first].text
    return last > first and gazetteers.is_first_name(word) and not gazetteers.is_ordinary(word)


def _gap(paragraph: str, left: Token, right: Token) -> str:
    """Return the text between two words."""
    return paragraph[left.end : right.start]


def _class_noun(word: str, position: str) -> str | None:
    """Return the type a class noun gives a name ``position`` ("before"/"after") it, or None."""
    kind = CLASS_NOUNS.get(word)
    if kind is None:
        return None
    if position == "before" and word in CLASS_NOUNS_AFTER_ONLY:
        return None
    if position == "after" and word in CLASS_NOUNS_BEFORE_ONLY:
        return None
    return kind


def _apposition(
    paragraph: str, tokens: Sequence[Token], last: int, gazetteers: Gazetteers
) -> tuple[str, str] | None:
    """Return (type, noun) from an apposition after the name, or None.

    "Lim Soo-ho, a senior analyst" gives ("person", "analyst"); "The White Helmets, a
    civil defence group" gives ("organization", "group"). The noun must come within two
    words of the comma, or four after an article or possessive ("the WHO's regional
    emergency director"); another name or punctuation on the way ends the search.
    """
    if paragraph[tokens[last].end : tokens[last].end + 2] != ", " or last + 1 >= len(tokens):
        return None
    index = last + 1
    reach = 2
    if tokens[index].text.lower() in APPOSITION_OPENERS:
        index += 1
        reach = 4
    elif tokens[index].capitalised and tokens[index].possessive:
        index += 1  # "Kavya Raman, Northvault's former chief technology officer"
        reach = 4
    probe = index
    while probe < min(index + reach, len(tokens)):
        token = tokens[probe]
        gap = _gap(paragraph, tokens[probe - 1], token) if probe > last + 1 else ""
        if (
            gap.strip()
            and not (gap in (",", ".") and token.text[:1].isdigit())
            and not (tokens[probe - 1].possessive and gap.strip() in ("'s", "’s", "'", "’"))
        ):
            # A comma or point inside a number goes on ("a 1,400-tonne ship"), and so does
            # an owner's possessive ("Northvault's former chief technology officer").
            return None
        if token.text[:1].isdigit():
            reach += 1
            probe += 1
            continue
        if (
            token.capitalised
            and not token.possessive
            and probe > index
            and probe + 1 < len(tokens)
            and not tokens[probe + 1].capitalised
            and (gazetteers.is_demonym(token.text) or gazetteers.place(token.text) is not None)
        ):
            reach += 1  # "the only large US maker", "a South African retailer"
            probe += 1
            continue
        if token.capitalised and not token.possessive:
            return None
        if token.capitalised or token.possessive:
            probe += 1  # "the union's chair" is a chair, not a union
            continue
        two_words = f"{token.text} {tokens[probe + 1].text}" if probe + 1 < len(tokens) else ""
        if two_words in TWO_WORD_CLASS_NOUNS:  # "a low-cost carrier" is an airline
            return TWO_WORD_CLASS_NOUNS[two_words], two_words
        if (
            probe + 1 < len(tokens)
            and tokens[probe + 1].text in STATEMENT_VERBS
            and _gap(paragraph, token, tokens[probe + 1]) == " "
        ):
            return None  # "Castilla-La Mancha, the agency said": a new clause's subject
        if gazetteers.is_role(token.text):
            return "person", token.text
        kind = _class_noun(token.text, "before")
        if (
            kind is not None
            and probe + 2 < len(tokens)
            and tokens[probe + 1].text in ("and", "or")
            and _gap(paragraph, token, tokens[probe + 1]) == " "
            and not tokens[probe + 2].capitalised
        ):
            reach += 2  # "the port and rail operator" is an operator, not a port
            probe += 2
            continue
        if kind is not None:
            return kind, token.text
        probe += 1
    return None


def _age(paragraph: str, tokens: Sequence[Token], first: int, last: int) -> str | None:
    """Return the age the text gives the name, as written, or None: "20-year-old Owain
    Brett", "Owain Brett, a 20-year-old student", "Owain Brett, 20, said".

    Only a person's age is written this way; an apposition with a class noun ("the Orion, a
    30-year-old bulk carrier") is read by :func:`_apposition` first.
    """
    end = tokens[last].end
    after_name = _AGE_AFTER_RE.match(paragraph, end)
    if after_name is not None:
        return after_name.group(1)
    if (
        first > 0
        and _AGE_WORD_RE.match(tokens[first - 1].text)
        and _gap(paragraph, tokens[first - 1], tokens[first]) == " "
    ):
        return tokens[first - 1].text
    after = last + 2
    if (
        after < len(tokens)
        and paragraph[end : end + 2] == ", "
        and tokens[last + 1].text in ("a", "an")
        and _AGE_WORD_RE.match(tokens[after].text)
        and _gap(paragraph, tokens[last + 1], tokens[after]) == " "
    ):
        return tokens[after].text
    return None


def _employer_role_before(
    paragraph: str, tokens: Sequence[Token], first: int, gazetteers: Gazetteers
) -> str | None:
    """Return the role in "<role> at/of/with [the] NAME" ("a fellow at Chatham House"), or None."""
    index = first - 1
    if index >= 0 and tokens[index].text == "the":
        index -= 1
    if index < 1 or tokens[index].text not in EMPLOYER_PREPOSITIONS:
        return None
    for probe in range(index - 1, max(-1, index - 5), -1):
        token = tokens[probe]
        if _gap(paragraph, token, tokens[probe + 1]).strip():
            return None
        if token.capitalised:
            return None
        if gazetteers.is_role(token.text):
            return token.text
    return None


def _words_before(paragraph: str, tokens: Sequence[Token], first: int) -> tuple[str, str]:
    """Return the one and the two lower-case words right before ``tokens[first]``.

    Each is "" unless its words are lower case and single spaces join them to the name.
    """
    one = two = ""
    if first >= 1:
        previous = tokens[first - 1]
        if not previous.capitalised and _gap(paragraph, previous, tokens[first]) == " ":
            one = previous.text
            if first >= 2:
                earlier = tokens[first - 2]
                if not earlier.capitalised and _gap(paragraph, earlier, previous) == " ":
                    two = f"{earlier.text} {one}"
    return one, two


def _weak_context(
    paragraph: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    gazetteers: Gazetteers,
    place_hit: PlaceHit | None,
) -> list[Evidence]:
    """Return the weak cues around a name no gazetteer knows.

    - a verb of speech after it: a single word that is not a given name is an organisation
      ("Baltamed said"), two or more words that are not English words are a person ("Owain
      Brett said"), and a name ending in an English word is an organisation ("Azimut
      Launch said");
    - a possessive before a role: "Norvind's chief executive" is an organisation;
    - a phrase before it that only an organisation takes: "shares in", "joined";
    - a preposition of place before it: "near Ely", "off Hanstholm", "in Finnmark".

    Only the last applies to a name a gazetteer lists as a place ("Lithuania said" stays a
    place).
    """
    evidence: list[Evidence] = []
    before, two_before = _words_before(paragraph, tokens, first)
    if (
        before == "the"
        and two_before.partition(" ")[0] in PLACE_PREPOSITIONS
        and first == last
        and not tokens[first].acronym
        and _ends_noun_phrase(paragraph, tokens, last)
    ):
        reason = f"'{two_before}' before the name"
        evidence.append(Evidence("place", PLACE_PREPOSITION_SCORE, reason))
    if (
        (before in PLACE_PREPOSITIONS or before in MOTION_PREPOSITIONS)
        and place_hit is None
        and tokens[first].acronym
    ):
        before = ""  # "data sent to JAMSTEC": an abbreviation no gazetteer lists is no place
    if before in PLACE_PREPOSITIONS and first == last:
        reason = f"'{before}' before the name"
        evidence.append(Evidence("place", PLACE_PREPOSITION_SCORE, reason))
    elif before in MOTION_PREPOSITIONS and first == last and two_before != "according to":
        reason = f"'{before}' before the name"
        evidence.append(Evidence("place", MOTION_PREPOSITION_SCORE, reason))
    if (evidence or before == "at") and place_hit is None:
        region = _region_after(paragraph, tokens, last, gazetteers)
        if region is not None:
            # "from Vandenberg in California", "at Skalvik, in Finnmark": a place within a place
            reason = f"'in {region}' after the name"
            # "at" alone says nothing ("at Equinor", "at Velto in Spain"); a region within a
            # country locates: "at Clonee in County Meath".
            within = gazetteers.place(region)
            located = (
                before == "at"
                and not evidence
                and first == last
                and (within is None or within.kind != "country")
            )
            score = PLACE_PREPOSITION_SCORE if located else MOTION_PREPOSITION_SCORE
            evidence.append(Evidence("place", score, reason))
    if place_hit is None and not tokens[last].possessive:
        near = _place_near(paragraph, tokens, last, gazetteers)
        if near is not None:
            reason = f"'{near}' after the name"
            evidence.append(Evidence("place", PLACE_PREPOSITION_SCORE, reason))
    if _based_modifier(paragraph, tokens[last]) and first == last:
        evidence.append(Evidence("place", ORG_CONTEXT_SCORE, "'-based' after the name"))
    if place_hit is not None:
        return evidence
    words = [token.text for token in tokens[first : last + 1]]
    name_end = tokens[last]
    if last + 1 < len(tokens):
        after = tokens[last + 1]
        gap = _gap(paragraph, name_end, after)
        if after.text in STATEMENT_VERBS and gap == " " and not name_end.possessive:
            kind = _speaker_kind(words, gazetteers)
            if kind is not None:
                evidence.append(Evidence(kind, STATEMENT_SCORE, _speech_reason(after.text)))
        if name_end.possessive and gap == " " and gazetteers.is_role(after.text):
            reason = f"its '{after.text}'"
            evidence.append(Evidence("organization", EMPLOYER_SCORE, reason))
    if (
        before in INVERTED_STATEMENT_VERBS
        and len(words) > 1
        and _speaker_kind(words, gazetteers) == "person"
    ):
        evidence.append(Evidence("person", STATEMENT_SCORE, f"'{before}' before the name"))
    if first > 0 and _based_modifier(paragraph, tokens[first - 1]):
        # "Lisbon-based Kestrel Orbital": a firm is based somewhere
        reason = f"'{tokens[first - 1].text}-based' before the name"
        evidence.append(Evidence("organization", ORG_CONTEXT_SCORE, reason))
    told = _listener_kind(paragraph, tokens, first, last, gazetteers)
    if told is not None:
        evidence.append(Evidence("organization", ORG_CONTEXT_SCORE, told))
    if (before in PRODUCT_DETERMINERS or before in PRODUCT_VERBS) and _ends_noun_phrase(
        paragraph, tokens, last
    ):
        # "recalled its Velora Mini", "a Kestrel at the gate": a name counted like a thing
        reason = f"'{before}' before the name"
        evidence.append(Evidence("equipment", PRODUCT_DETERMINER_SCORE, reason))
    for phrase in (two_before, before):
        if phrase in ORG_CONTEXT_BEFORE:
            evidence.append(Evidence("organization", ORG_CONTEXT_SCORE, f"'{phrase}' before it"))
            # "shares in Norvind": the organisation cue replaces the place one.
            return [item for item in evidence if item.type != "place"]
    return evidence


def _region_after(
    paragraph: str, tokens: Sequence[Token], last: int, gazetteers: Gazetteers
) -> str | None:
    """Return the country, state or province named in ", in X" / " in X" right after the
    name, or None."""
    index = last + 1
    if index + 1 >= len(tokens) or tokens[index].text != "in":
        return None
    if paragraph[tokens[last].end : tokens[index].start] not in (" ", ", "):
        return None
    region = tokens[index + 1]
    if (
        region.capitalised
        and index + 2 < len(tokens)
        and tokens[index + 2].text in _REGION_NOUNS
        and _gap(paragraph, region, tokens[index + 2]) == " "
    ):
        return f"{region.text} {tokens[index + 2].text}"  # "in Telemark county"
    if (
        region.text == "County"
        and index + 2 < len(tokens)
        and tokens[index + 2].capitalised
        and _gap(paragraph, region, tokens[index + 2]) == " "
    ):
        return f"County {tokens[index + 2].text}"  # "in County Meath"
    hit = gazetteers.place(region.text) if region.capitalised else None
    if hit is None or hit.kind not in ("country", "US state", "subdivision"):
        return None
    return region.text


def _place_near(
    paragraph: str, tokens: Sequence[Token], last: int, gazetteers: Gazetteers
) -> str | None:
    """Return "near X" when the name is placed near or outside a known place ("Skalvik near
    Tromsø", "Lindholm, outside Aalborg"), or None. Only places are located that way."""
    index = last + 1
    if index + 1 >= len(tokens) or tokens[index].text not in _NEAR_WORDS:
        return None
    if paragraph[tokens[last].end : tokens[index].start] not in (" ", ", "):
        return None
    place = tokens[index + 1]
    if paragraph[tokens[index].end : place.start] != " " or not place.capitalised:
        return None
    hit = gazetteers.place(place.text)
    if hit is None or hit.confidence < _PLACE_MODIFIER:
        return None
    return f"{tokens[index].text} {place.text}"


def _based_modifier(paragraph: str, token: Token) -> bool:
    """Return True if ``token`` is the place of an "X-based" modifier ("Lisbon-based")."""
    return token.compound and paragraph[token.end : token.end + 7] in ("-based ", "‑based ")


def _listener_kind(
    paragraph: str, tokens: Sequence[Token], first: int, last: int, gazetteers: Gazetteers
) -> str | None:
    """Return the reason "told X" makes X an organisation, or None.

    A person is told things too ("told Macron"): only "told the X" (people take no
    article) and a name ending in an English word ("told Caracol Radio") count.
    """
    index = first - 1
    article = index >= 0 and tokens[index].text.lower() == "the"
    if article:
        index -= 1
    if index < 0 or tokens[index].text != "told":
        return None
    if paragraph[tokens[index].end : tokens[first].start] not in (" ", " the ", " The "):
        return None
    if article or (last > first and gazetteers.is_ordinary(tokens[last].text)):
        return "'told' before the name"
    return None


def _ends_noun_phrase(paragraph: str, tokens: Sequence[Token], last: int) -> bool:
    """Return True if nothing that could be a noun follows the name: punctuation, the end,
    or a function word ("in the Kattegat, ...", "in the Kattegat has"), not "in the X
    case"."""
    if last + 1 >= len(tokens) or _gap(paragraph, tokens[last], tokens[last + 1]) != " ":
        return not tokens[last].possessive
    after = tokens[last + 1].text
    return (
        after in FUNCTION_WORDS or after in STATEMENT_VERBS or after in ("has", "had", "is", "was")
    )


def _speech_reason(verb: str) -> str:
    """Return the reason a verb of speech after a name gives: "'said' after the name"."""
    return f"'{verb}' after the name"


def is_speech_reason(reason: str) -> bool:
    """Return True if ``reason`` is one a verb of speech gave (:func:`_speech_reason`): a
    class noun after the name gives reasons of the same shape ("'club' after the name")."""
    verb, _, rest = reason.removeprefix("'").partition("'")
    return rest == " after the name" and verb in STATEMENT_VERBS


def _speaker_kind(words: Sequence[str], gazetteers: Gazetteers) -> str | None:
    """Return the type a verb of speech after the name suggests, or None."""
    if len(words) == 1:
        word = words[0]
        if gazetteers.is_first_name(word) or gazetteers.is_ordinary(word):
            return None
        return "organization"
    if gazetteers.is_ordinary(words[-1]) or any(word in ORG_HEADS for word in words[1:-1]):
        return "organization"  # "... Airlines Colombia added"
    if all(word[:1].isupper() and not gazetteers.is_ordinary(word) for word in words):
        return "person"
    return None


def context_evidence(
    paragraph: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    gazetteers: Gazetteers,
    *,
    single_ordinary: bool,
    place_hit: PlaceHit | None,
    known_company: bool = False,
) -> list[Evidence]:
    """Return the evidence the words around ``tokens[first..last]`` give about its type.

    ``single_ordinary`` says the name is one common word ("Economy"): such a word before a
    role is a portfolio, not an employer. ``place_hit`` is the name's gazetteer entry;
    ``known_company`` says it is a company of ``known_names.yml``.
    """
    evidence: list[Evidence] = []
    name_end = tokens[last]
    if first > 0:
        before = tokens[first - 1]
        gap = _gap(paragraph, before, tokens[first])
        two_words = f"{tokens[first - 2].text} {before.text}" if first > 1 else ""
        if (
            (gap == " " or (gap == ", " and _apposition_closes(paragraph, tokens, last)))
            and not before.capitalised
            and gazetteers.is_role(before.text)
            and two_words not in TWO_WORD_CLASS_NOUNS  # "fund manager X" is a company
        ):
            evidence.append(Evidence("person", ROLE_SCORE, f"role '{before.text}' before the name"))
        kind = _class_noun(before.text, "before")
        if two_words in TWO_WORD_CLASS_NOUNS:
            kind = TWO_WORD_CLASS_NOUNS[two_words]
            if (
                kind == "organization"
                and gazetteers.is_role(before.text)
                and _given_name_first(tokens, first, last, gazetteers)
            ):
                kind = "person"  # "fund manager Rui Valadares" is a person, not a fund
        if kind is not None and (
            gap in (" ", ", ") or (gap[:1] == " " and gap.strip() in OPENING_QUOTES)
        ):  # "the film 'Tarka'", not '... termination system," Duarte Mesquita':
            score = CLASS_NOUN_BEFORE_SCORE if gap == " " else CLASS_NOUN_SCORE
            evidence.append(Evidence(kind, score, f"'{before.text}' before the name"))
        if (
            first > 1
            and before.text == "of"
            and (
                _class_noun(tokens[first - 2].text, "before") == "place"
                or tokens[first - 2].text in PLACE_OF_NOUNS
            )
        ):
            noun = tokens[first - 2].text
            evidence.append(Evidence("place", CLASS_NOUN_SCORE, f"'{noun} of' before the name"))
        if first > 1 and before.text == "of" and tokens[first - 2].text in EQUIPMENT_OF_NOUNS:
            noun = tokens[first - 2].text
            reason = f"'{noun} of' before the name"
            evidence.append(Evidence("equipment", CLASS_NOUN_SCORE, reason))
        named = _class_noun_named(paragraph, tokens, first) or _such_as(paragraph, tokens, first)
        if named is not None:
            kind, noun = named
            reason = f"'{noun}' named before it"
            evidence.append(Evidence(kind, CLASS_NOUN_SCORE, reason))
        if (
            before.text.lower() == "the"
            and first == last
            and name_end.text.endswith("s")
            and (first < 2 or tokens[first - 2].text not in PLACE_PREPOSITIONS)  # "in the Azores"
            and place_hit is None
            and not single_ordinary
            and not gazetteers.is_demonym(name_end.text)
        ):
            evidence.append(Evidence("organization", PLURAL_GROUP_SCORE, "plural name after 'the'"))
    apposition = _apposition(paragraph, tokens, last, gazetteers)
    if apposition is None:
        age = _age(paragraph, tokens, first, last)
        if age is not None:
            evidence.append(Evidence("person", ROLE_SCORE, f"age '{age}' given"))
    else:
        kind, noun = apposition
        score = ROLE_SCORE if kind == "person" else CLASS_NOUN_SCORE
        evidence.append(Evidence(kind, score, f"described as '{noun}'"))
    role = _employer_role_before(paragraph, tokens, first, gazetteers)
    if role is not None and not single_ordinary:
        evidence.append(Evidence("organization", EMPLOYER_SCORE, f"a '{role}' works there"))
    if not single_ordinary or place_hit is not None:
        # A common word that is also a place takes a place's prepositions: "in Geneva".
        evidence.extend(_weak_context(paragraph, tokens, first, last, gazetteers, place_hit))
    modifier_place = place_hit is not None and place_hit.confidence >= _PLACE_MODIFIER
    if (
        last + 1 < len(tokens)
        and not name_end.possessive
        and not name_end.compound
        and not modifier_place  # "his Lisbon firm", "a Lisbon court": the place qualifies
    ):
        after = tokens[last + 1]
        if _gap(paragraph, name_end, after) == " " and not after.capitalised:
            if gazetteers.is_role(after.text) and not single_ordinary:
                reason = f"followed by the role '{after.text}'"
                evidence.append(Evidence("organization", EMPLOYER_SCORE, reason))
            kind = _class_noun(after.text, "after")
            if first > 0 and tokens[first - 1].text.lower() in ("a", "an"):
                kind = None  # "a Bristol company": the noun classifies the phrase, not Bristol
            if kind is not None:
                evidence.append(Evidence(kind, CLASS_NOUN_SCORE, f"'{after.text}' after the name"))
            elif last + 2 < len(tokens) and _gap(paragraph, after, tokens[last + 2]) == " ":
                noun = tokens[last + 2].text
                kind = _class_noun(noun, "after")
                score = FAR_CLASS_NOUN_SCORE
                if f"{after.text} {noun}" in TWO_WORD_CLASS_NOUNS:
                    # "the X trade show": one class noun of two words, right after the name
                    kind = TWO_WORD_CLASS_NOUNS[f"{after.text} {noun}"]
                    score = CLASS_NOUN_SCORE
                if kind in ("event", "equipment", "place"):
                    reason = f"'{after.text} {noun}' after the name"
                    evidence.append(Evidence(kind, score, reason))
    if known_company and _reads_as_company(tokens, first, evidence):
        evidence.append(Evidence("organization", KNOWN_NAME_SCORE, "company in known_names.yml"))
    return evidence


def _apposition_closes(paragraph: str, tokens: Sequence[Token], last: int) -> bool:
    """Return True if a name after "<role>, " can be that role's holder: the apposition
    closes after it ("its chief executive, Ana Ruiz, said"; "... executive, Ana Ruiz.").

    A verb right after the name means the comma closed a clause before it: in "Founded by
    Serik Tulegenov, the chief executive's father, Dala Agro handles ...", the father is
    Tulegenov and "Dala Agro" the subject of "handles".
    """
    if last + 1 >= len(tokens):
        return True
    after = tokens[last + 1]
    return (
        paragraph[tokens[last].end : after.start] != " "
        or after.capitalised
        or after.text in FUNCTION_WORDS
    )


def _reads_as_company(tokens: Sequence[Token], first: int, evidence: Sequence[Evidence]) -> bool:
    """Return True if this occurrence of a company of ``known_names.yml`` means the company.

    A company's bare name takes no article, and a class noun of another type next to it
    says what it is: "in the Amazon", "the Amazon basin" are the river's.
    """
    if first > 0 and tokens[first - 1].text.lower() == "the":
        return False
    return not any(
        item.type != "organization" and item.score >= CLASS_NOUN_SCORE for item in evidence
    )

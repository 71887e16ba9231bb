"""Who a source phrase names: one canonical source with a kind, a role and an affiliation.

The attribution finder returns the source as written: "Kremlin spokesman Dmitry Peskov",
"The World Food Programme (WFP)", "Lim Soo-ho, a senior analyst at the Institute for
National Security Strategy", "a senior US official", "the ministry", "he". :func:`identify`
reads such a phrase, with no context but the type of any entity that the phrase names
exactly, and returns a :class:`SourceIdentity`:

- a **person** ("Dmitry Peskov", role "spokesman", affiliation "Kremlin");
- an **organization** ("World Food Programme", short form "WFP"; "Ministry of National
  Defense", country "Taiwan");
- a **place** that speaks for its government ("Washington said");
- an **anonymous** source ("senior US official": head noun "official", affiliation "US");
- or a **reference** back to a source named before: a pronoun ("he"), a definite
  description ("the ministry", "the official") or a surname alone ("Peskov"), which the
  footnote planner resolves within the article (:mod:`briefings.sourcing.footnotes`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefings.common.lexicon import ORG_HEADS, word_set
from briefings.common.names import (
    ROLE_NOUNS,
    defined_name_start,
    is_acronym,
    is_short_form,
    split_parenthesised_acronym,
    split_possessive,
    split_role,
)
from briefings.sourcing.kinds import (
    ANONYMOUS,
    COMPANY_SUFFIXES,
    ORG_HEAD_WORDS,
    ORGANIZATION,
    PERSON,
    PLACE,
    REFERENCE,
    is_company_noun,
    is_organisation_name,
)

EntityType = Callable[[str], "str | None"]
"""The entity type ("person", "organization", "place"…) of a name that is exactly an entity
the site knows (glossary or unreviewed), or None."""

_PRONOUNS = word_set("he she they it we his her their its")
_DEFINITE = word_set("the this that these those its his her their")
_INDEFINITE = word_set("a an another one two three four several some many")
_PREPOSITIONS = ("at", "of", "with", "for", "from", "in", "on")
_DESCRIPTION_HEADS = ORG_HEAD_WORDS | word_set(
    """
    government administration military army navy police ministry department agency company
    firm group court council union commission authority regulator federation committee board
    bank operator maker mission office service club league party spokesman spokeswoman
    spokesperson official source diplomat person people
    """
)
DOCUMENT_NOUNS = word_set(
    """
    report reports analysis study survey assessment statement document memo letter data
    figures estimate estimates research review findings investigation poll briefing readout
    transcript cable filing paper audit dossier release records list lists list register
    ruling judgment judgement verdict minutes accounts results complaint petition lawsuit
    submission draft alert notice summary timeline log bulletin circular prospectus
    presentation calculations
    """
)
"""Nouns for documents: "a report by X", "X's annual report", "the PCG incident report"."""
DOCUMENT_ISSUERS = {
    "ruling": "court",
    "judgment": "court",
    "judgement": "court",
    "verdict": "court",
}
"""Documents only one kind of body issues: "the ruling said" cites the court."""
_TITLED_EMPLOYER = (" of ", " from ", " at ")
_RECIPIENT_PREPOSITIONS = word_set("to with")  # "a filing to the exchange" names its recipient
_DOC_PARTICIPLES = word_set(
    "published released issued compiled prepared written sent drawn filed submitted"
)
SPEAKER_HEADS = word_set(
    """
    official source diplomat aide insider person spokesman spokeswoman spokesperson officer
    expert analyst employee staffer member resident witness observer adviser advisor lawmaker
    negotiator executive researcher critic economist activist colleague figure representative
    envoy leader worker scientist doctor investigator prosecutor forecaster delegate blogger
    family farmer villager protester survivor relative neighbour neighbor student teacher
    """
)
"""Heads of an unnamed speaker rather than of an organisation: "officials", "people"."""
_UNCLOSED_SHORT_RE = re.compile(r"^(?P<name>.*\S)\s*\((?P<short>[A-Z][\w.&-]*)\s*$")
_SPACE_RE = re.compile(r"\s+")
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
_TRAILING = " \t\n.,;:!?\"'“”‘’)"
# Words after which a description's head noun is settled: "people familiar with the talks",
# "an official involved in the inquiry".
_TITLE_NOT_ROLE = word_set("of for and the by from with")  # a name after these is an object
_HEAD_STOPS = word_set("who familiar close briefed and involved aware knowledgeable privy based")
NATIONALITY_ENDINGS = ("ese", "ian", "an", "ish", "ch", "i", "ic")
"""How nationality adjectives end: "Vietnamese", "Chilean", "German", "Swedish", "Dutch",
"Iraqi", "Icelandic"."""
_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}  # "the two companies"
_PLURALS = {"people": "person", "staff": "staff", "police": "police"}


@dataclass(frozen=True, slots=True)
class SourceIdentity:
    """One source as the text names it; :attr:`kind` says which fields mean something."""

    name: str  # canonical: no title, role, determiner or possessive; "" for a pronoun
    kind: str  # PERSON, ORGANIZATION, PLACE, ANONYMOUS or REFERENCE
    role: str = ""  # "spokesman", "senior analyst"
    affiliation: str = ""  # "Kremlin", "Institute for National Security Strategy", "US"
    country: str = ""  # the possessive owner: "Taiwan" of "Taiwan's Ministry of …"
    short: str = ""  # a parenthesised short form: "WFP"
    head: str = ""  # anonymous and references: the head noun, singular ("official")
    definite: bool = False  # anonymous: "the official" refers back; "a senior official" not
    document: bool = False  # named by a document it issued: "the PCG incident report"
    count: int = 1  # references: how many bodies "the two companies" names


def identify(
    phrase: str, anonymous: bool = False, entity_type: EntityType | None = None
) -> SourceIdentity:
    """Return the identity of the source ``phrase`` names.

    ``anonymous`` is the attribution finder's view (an unnamed source, or one speaking on
    condition of anonymity); ``entity_type`` gives the type of a name that is exactly a
    known entity, which decides between a person and an organisation when the words alone
    cannot.
    """
    types: EntityType = entity_type or (lambda _name: None)
    text = _SPACE_RE.sub(" ", phrase).strip(_TRAILING + "(")
    if text.count("(") > text.count(")") and phrase.rstrip().endswith(")"):
        text += ")"  # the strip took the parenthesis that closes a short form
    if types(text) is None:
        document = _document_owner(text)
        if document is not None:
            if not document:  # "its annual report": the body named before
                return SourceIdentity("", REFERENCE, head="it", document=True)
            return dataclasses.replace(identify(document, False, types), document=True)
    words = text.split(" ")
    first = words[0].casefold() if words and words[0] else ""
    definite = first in _DEFINITE
    if first in _DEFINITE or first in {"a", "an"}:
        text = text.split(" ", 1)[1] if " " in text else ""
    if not text:  # "The" left of a document noun the finder dropped: "The report said"
        return SourceIdentity("", REFERENCE, head="the", document=True)
    if definite and text.casefold() in DOCUMENT_NOUNS:  # "the notice said": cited before
        issuer = DOCUMENT_ISSUERS.get(text.casefold())
        if issuer:  # "the ruling said": the court named before
            return SourceIdentity(issuer, REFERENCE, head=issuer, definite=True, document=True)
        return SourceIdentity("", REFERENCE, head="the", document=True)
    if text.casefold() in _PRONOUNS:
        return SourceIdentity("", REFERENCE, head=text.casefold())
    known = types(text)
    if known is not None:
        return _named(text, known)
    main, description = _split_appositive(text)
    employer = ""
    if description and _is_description(main):
        if _looks_like_name(description):
            main, description = description, main
        else:  # "His solicitor, Ivo Sand of Sand & Berg in Split": the name, then its employer
            person, joint, rest = _split_employer(description)
            if joint:
                main, description, employer = person, main, _employer(rest.split(" "))
    role, affiliation = _role_and_affiliation(description)
    affiliation = affiliation or employer
    main, short = _short_form(main)
    owner = _governing_owner(main)
    if owner:  # "Tessera's board said": the company speaks
        return dataclasses.replace(identify(owner, False, types), role=main.split(" ")[-1])
    country, rest = split_possessive(main)
    if country and rest:
        main = rest
    main = _LOCATED_PREFIX_RE.sub("", main)  # "Bergen-based Tarn AS" is Tarn AS
    national = _COUNTRY_CODE_RE.match(main)
    if national is not None and not country and types(main) is None:
        rest = main[national.end() :]
        if len(rest.split(" ")) >= 3 and rest.split(" ")[-1] in ORG_HEADS:
            # "the US Federal Trade Commission": the commission, of the US ("US State
            # Department", "US Coast Guard": short names that keep their country)
            country, main = national["code"], rest
    described = _possessive_description(main)
    if described is not None:  # "Norway's aviation agency": the country's agency
        owner, words = described
        head = _described_body(words)
        if head:
            return SourceIdentity(
                " ".join(words), REFERENCE, head=head, definite=True, country=owner
            )
    named = None if split_role(main)[1] else _descriptor_name(main)
    if named is not None:
        descriptor, main = named
        role = role or descriptor
    identity = _classify(main, anonymous, definite, types)
    if identity.kind == PERSON and not identity.role and _is_body_noun(role):
        # "the Harbour Register, the agency that licenses pilots": a body, not a person
        identity = dataclasses.replace(identity, kind=ORGANIZATION)
    if identity.kind == ANONYMOUS and country and not identity.affiliation:
        identity = dataclasses.replace(identity, affiliation=country)
        country = ""
    if identity.kind == PERSON and short and not identity.role:
        identity = dataclasses.replace(identity, kind=ORGANIZATION)  # people have no acronym
    return dataclasses.replace(
        identity,
        role=identity.role or role,
        affiliation=identity.affiliation or affiliation,
        country=country,
        short=identity.short or short,
    )


_LOCATED_PREFIX_RE = re.compile(
    r"^[A-Z][\w'’.-]*-(?:based|headquartered|registered|listed)\s+(?=[A-Z])"
)
_COUNTRY_CODE_RE = re.compile(r"^(?P<code>US|UK|U\.S\.|U\.K\.)\s+(?=[A-Z])")
_POSSESSIVE_OWNER_RE = re.compile(r"^(?P<owner>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s+")


def _possessive_description(text: str) -> tuple[str, list[str]] | None:
    """Return ``(owner, words)`` of "Norway's aviation agency" (a capitalised owner, then
    lower-case words only), or None."""
    match = _POSSESSIVE_OWNER_RE.match(text)
    if match is None:
        return None
    words = text[match.end() :].split(" ")
    if not words or not all(word.islower() for word in words):
        return None
    return match["owner"], words


def _named(name: str, entity_type: str) -> SourceIdentity:
    """Return the identity of a name that is exactly a known entity of ``entity_type``."""
    name, short = _short_form(name)
    if entity_type == PERSON:
        return SourceIdentity(name, PERSON, short=short)
    if entity_type == PLACE:
        return SourceIdentity(name, PLACE, short=short)
    return SourceIdentity(name, ORGANIZATION, short=short)


def _split_appositive(text: str) -> tuple[str, str]:
    """Return ``(name part, description)`` of "X, a role at Y" (no comma: ``(text, "")``).

    A comma inside a name its acronym spells is no apposition: "Union of Food, Drink and
    Allied Workers (UFDAW)"."""
    bracket = text.rfind(" (")
    last_comma = text.rfind(", ", 0, bracket) if bracket > 0 else -1
    if last_comma > 0 and defined_name_start(text, last_comma + 2, len(text)) == 0:
        return text, ""
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            rest = text[index + 1 :].strip(_TRAILING)
            if rest.casefold() in COMPANY_SUFFIXES or f"{rest.casefold()}." in COMPANY_SUFFIXES:
                continue  # "Tarn Mobility Co., Ltd.": one name
            return text[:index].strip(), rest
    return text, ""


def _split_employer(text: str) -> tuple[str, str, str]:
    """Return ``(name, joint, employer)`` of "Ivo Sand of Sand & Berg in Split" (a name of
    two to four capitalised words, then "of", "at" or "from"), or ``(text, "", "")``."""
    words = text.split(" ")
    for index in range(2, min(5, len(words))):
        if words[index] in ("of", "at", "from") and _looks_like_name(" ".join(words[:index])):
            return " ".join(words[:index]), words[index], " ".join(words[index + 1 :])
    return text, "", ""


def _is_description(part: str) -> bool:
    """Return whether ``part`` describes rather than names: "A Houthi spokesman", "the UN
    peacekeeping mission" (its last word is a lower-case noun)."""
    last = part.split(" ")[-1] if part else ""
    return (
        bool(last)
        and last.islower()
        and (
            last in _DESCRIPTION_HEADS
            or last in ROLE_NOUNS
            or last in SPEAKER_HEADS
            or last.rpartition("-")[2] in ROLE_NOUNS  # "vice-chancellor"
        )
    )


GOVERNING_NOUNS = word_set("board management directors leadership")
"""Who decides for an organisation and speaks as it: "Tessera's board said"."""


def _governing_owner(text: str) -> str:
    """Return the owner of "Tessera's board" or "the Tessera board", or ""."""
    words = text.split(" ")
    if len(words) < 2 or words[-1] not in GOVERNING_NOUNS:
        return ""
    owner = " ".join(words[:-1])
    if _POSSESSIVE_END_RE.search(owner):
        owner = _POSSESSIVE_END_RE.sub("", owner)  # "Tessera's board"
    elif words[0].casefold() in _DEFINITE:
        owner = " ".join(words[1:-1])  # "the Tessera board"
    return owner if owner and _looks_like_name(owner) else ""


def _is_body_noun(role: str) -> bool:
    """Return whether an appositive's role is an organisation noun ("agency", "state
    broadcaster", "regulator"), not a person's ("analyst", "spokesman")."""
    last = role.split(" ")[-1].casefold() if role else ""
    return (
        last in _DESCRIPTION_HEADS and last not in SPEAKER_HEADS and last not in ROLE_NOUNS
    ) or is_company_noun(last)


def _looks_like_name(part: str) -> bool:
    """Return whether ``part`` is written like a name: every word capitalised, 1-6 words."""
    words = part.split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _role_and_affiliation(description: str) -> tuple[str, str]:
    """Return the role and employer of an appositive: "a senior analyst at Banorte in
    Monterrey" gives ``("senior analyst", "Banorte")``; "the WHO's regional emergency
    director" ``("regional emergency director", "WHO")``."""
    if not description:
        return "", ""
    words = description.split(" ")
    if words[0].casefold() in _DEFINITE | _INDEFINITE:
        words = words[1:]
    owner, rest = split_possessive(" ".join(words))
    if owner:
        return " ".join(rest.split(" ")[:4]), owner
    role_words: list[str] = []
    for index, word in enumerate(words):
        if word.casefold() in _PREPOSITIONS and role_words:
            employer = _employer(words[index + 1 :])
            return " ".join(role_words), employer
        if word.casefold() in {"who", "which", "that", "now"}:
            break
        role_words.append(word)
    return " ".join(role_words[:4]), ""


def _employer(words: list[str]) -> str:
    """Return the capitalised name at the start of ``words`` ("the Institute for X in Y")."""
    if words and words[0].casefold() in _DEFINITE:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        bare = word.strip(_TRAILING)
        if word.casefold() in {"in", "on", "who", "which", "and", "now"}:
            break
        if not (bare[:1].isupper() or bare.casefold() in {"of", "for", "the", "and", "&"}):
            break
        kept.append(bare)
        if word != bare:
            break
    while kept and kept[-1].casefold() in {"of", "for", "the", "and", "&"}:
        kept.pop()
    return " ".join(kept)


def _short_form(name: str) -> tuple[str, str]:
    """Return ``name`` without a parenthesised short form, and the short form."""
    long_form, short = split_parenthesised_acronym(name)
    if short:
        return long_form, short
    match = _UNCLOSED_SHORT_RE.match(name)  # a quote or a sentence cut it: "the IMF (IMF"
    if match is not None and is_short_form(match["short"]):
        return match["name"], match["short"]
    return name, ""


def _descriptor_name(text: str) -> tuple[str, str] | None:
    """Return ``(descriptor, name)`` of "the national statistics agency INDEC" or "polling
    firm GBAO Strategies": lower-case words ending in an organisation noun, then a name."""
    words = text.split(" ")
    for index in range(len(words) - 1, 0, -1):
        word = words[index - 1]
        if (
            word.islower()
            and word in _DESCRIPTION_HEADS
            and _looks_like_name(" ".join(words[index:]))
        ):
            return " ".join(words[:index]), " ".join(words[index:])
        if word in _PREPOSITIONS or word in ("in", "near", "outside"):
            return None  # "traders in Lima": people somewhere, not a description of Lima
        if word.islower() and word not in _DESCRIPTION_HEADS:
            rest = " ".join(words[index:])
            lower = words[:index]
            if index > 1 and (  # "Irish software firm X", "Chilean payroll provider X"
                words[index - 1] in _DESCRIPTION_HEADS or is_company_noun(words[index - 1])
            ):
                lower = words[1:index]
            if all(w.islower() for w in lower) and _looks_like_name(rest):
                return " ".join(words[:index]), rest  # "the opposition United Progress Movement"
            return None
    return None


def _classify(name: str, anonymous: bool, definite: bool, types: EntityType) -> SourceIdentity:
    """Return the identity of ``name`` (no determiner, appositive or short form left)."""
    known = types(name)
    if known is not None:
        return _named(name, known)
    affiliation, role, person = split_role(name)
    if role and not is_acronym(person):
        return SourceIdentity(person, PERSON, role=role, affiliation=affiliation)
    words = name.split(" ")
    for size in (2, 3):  # "Minister of State for Digital Affairs Aoife Byrne", a known person
        if len(words) > size + 1 and words[-size - 1].casefold() not in _TITLE_NOT_ROLE:
            person = " ".join(words[-size:])
            if types(person) == PERSON:
                return SourceIdentity(person, PERSON, role=" ".join(words[:-size]))
    for joint in _TITLED_EMPLOYER:  # "Councillor Siobhán Nagle of Fine Gael"
        for left, found, right in (name.partition(joint), name.rpartition(joint)):
            if found and _looks_like_name(
                " ".join(w for w in right.split(" ") if w not in ("of", "for", "the", "and"))
            ):
                # "Judge Ana Ruiz of the High Court of Chile": the first "of" ends the name
                affiliation, role, person = split_role(left)
                if role and not is_acronym(person):
                    employer = right[4:] if right.startswith("the ") else right
                    return SourceIdentity(person, PERSON, role=role, affiliation=employer)
    words = name.split(" ")
    body = _described_body(words) if definite else ""
    if body:  # "the Lisbon-based carrier", "the Dutch brewer": a body named before
        count = 1
        if _singular(words[-1]) != words[-1]:  # "the companies", "the three banks"
            count = _NUMBERS.get(words[0].casefold(), 2)
        return SourceIdentity(name, REFERENCE, head=body, definite=True, count=count)
    capitalised = [w for w in words if w[:1].isupper()]
    head = _head_noun(words)
    described = words[0][:1].islower() and head in SPEAKER_HEADS
    if (
        not capitalised
        or described
        or _is_group(words)
        or (anonymous and not _looks_like_name(name))
    ):
        if definite and len(words) <= 2 and head:
            return SourceIdentity(name, REFERENCE, head=head, definite=True)
        return SourceIdentity(
            name,
            ANONYMOUS,
            head=head or words[-1].casefold(),
            affiliation=_anonymous_affiliation(name),
            definite=definite,
        )
    if len(words) == 1 and not is_acronym(name) and name.casefold() not in ORG_HEAD_WORDS:
        return SourceIdentity(name, REFERENCE, head=name)  # a surname, or a one-word body
    left, found, place = name.rpartition(" in ")
    left, short = _short_form(left)
    if found and _looks_like_name(place) and len(place.split()) <= 3 and _looks_like_name(left):
        # "the Joint Rescue Coordination Centre in Karup": the body, and where it is
        inner = _classify(left, anonymous, definite, types)
        if inner.kind == ORGANIZATION:
            return dataclasses.replace(
                inner, affiliation=inner.affiliation or place, short=inner.short or short
            )
    left, found, place = name.rpartition(" of ")
    if found and types(place) == PLACE and types(left) == ORGANIZATION:
        # "Fenwick Agronomy of Norwich": a known body, and the known place it is from
        return SourceIdentity(left, ORGANIZATION, affiliation=place)
    if is_organisation_name(words) or any(
        types(" ".join(words[i:])) == "organization" for i in range(1, len(words))
    ):  # "Mexican Red Cross": a demonym before an organisation's name
        return SourceIdentity(name, ORGANIZATION)
    return SourceIdentity(name, PERSON)


def _described_body(words: list[str]) -> str:
    """Return the head noun of a description of an organisation, or "": "Oslo-based
    shipowner" gives "shipowner", "Dutch brewer" "brewer", "two companies" "company".

    The last word is a lower-case noun for a body (:data:`_DESCRIPTION_HEADS` that is no
    speaker's, or a company noun); every word before it is a modifier: lower-case, a
    hyphenated compound ("Oslo-based") or a nationality adjective ("Dutch", "Chilean").
    """
    if len(words) > 5:
        return ""
    last = words[-1].strip(_TRAILING)
    head = _singular(last)
    if not last.islower() or not (
        is_company_noun(head) or (head in _DESCRIPTION_HEADS and head not in SPEAKER_HEADS)
    ):
        return ""
    for index, word in enumerate(words[:-1]):
        # a place before the noun too, alone: "the Mendoza museum", "the Oslo office"
        place = index == 0 and len(words) == 2 and word[:1].isupper() and word[1:].islower()
        if not (word.islower() or "-" in word or _is_nationality(word) or place):
            return ""
    return head


def _is_nationality(word: str) -> bool:
    """Return whether a capitalised word reads as a nationality adjective ("Dutch",
    "Vietnamese", "Chilean", "Swedish", "Iraqi")."""
    return word[:1].isupper() and word[1:].islower() and word.endswith(NATIONALITY_ENDINGS)


def _is_group(words: list[str]) -> bool:
    """Return whether capitalised-looking words are a group of people, not a name:
    "Analysts", "Russian military bloggers", "Families sheltering in their homes" (a plural
    common noun ends the phrase, and no word but the first, or a demonym, is capitalised)."""
    last = words[-1].strip(_TRAILING)
    if len(words) == 1:
        low = last.casefold()
        return low.endswith("s") and (low[:-1] in SPEAKER_HEADS or low in {"people", "residents"})
    if not (last.islower() and last.endswith("s") and not last.endswith("ss")):
        return False
    return all(w.islower() or i == 0 for i, w in enumerate(words)) or (
        words[0][:1].isupper() and all(w.islower() for w in words[1:])
    )


def _singular(word: str) -> str:
    """Return the singular of a lower-case noun: "officials" gives "official"."""
    if word in _PLURALS:
        return _PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # "companies"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _head_noun(words: list[str]) -> str:
    """Return the singular head noun of a description: "senior Russian officials and
    diplomats" gives "official"; "people familiar with the talks" "person"."""
    head = ""
    for index, word in enumerate(words):
        low = word.casefold().strip(_TRAILING)
        if index == 0 and word[:1].isupper() and _singular(low) in SPEAKER_HEADS:
            head = low  # "Analysts at ..." opening a sentence
            continue
        if low in _PREPOSITIONS or low in _HEAD_STOPS:
            if head:
                break
            continue
        if word[:1].islower():
            head = low
    return _singular(head)


def _anonymous_affiliation(text: str) -> str:
    """Return what an anonymous source is said to belong to: "a senior US official" gives
    "US"; "officials in Kyiv" "Kyiv"; "a spokeswoman for the fund" "the fund"."""
    words = text.split(" ")
    for index, word in enumerate(words):
        if word.casefold() in {"for", "at", "of", "from", "in"} and index + 1 < len(words):
            rest = []
            for after in words[index + 1 :]:
                if after in {"who", "which", "that", "said", "and"}:  # not "WHO"
                    break
                rest.append(after.strip(_TRAILING) + (")" if after.endswith(")") else ""))
            return " ".join(rest)
    capitalised = [w.strip(_TRAILING) for w in words if w[:1].isupper()]
    return " ".join(capitalised[:3])


def _participle_after_name(words: list[str]) -> int:
    """Return how many capitalised words open ``words`` when a document participle follows
    them ("Ostara published", "Tarn Foods filed with ..."), else 0."""
    count = 0
    while count < len(words) and count < 5 and words[count][:1].isupper():
        count += 1
    if count < len(words) and words[count].casefold().strip(_TRAILING) in _DOC_PARTICIPLES:
        return count
    return 0


def _document_owner(text: str) -> str | None:
    """Return who issued a document the phrase names, "" for "its report", or None when the
    phrase names no document: "AIU's public list of sanctions" gives "AIU", "the PCG incident
    report" "PCG", "a report by the Ifo Institute" "Ifo Institute"."""
    words = _split_appositive(text)[0].split(" ")  # "X, a research fellow" names X
    nouns = [
        i
        for i, w in enumerate(words)
        if w.casefold().strip(_TRAILING) in DOCUMENT_NOUNS
        # written in lower case: "Vietnam Register" and "World Report" are names (a
        # capital opening the phrase is the sentence's: "Minutes of a board meeting")
        and (w.strip(_TRAILING).islower() or (i == 0 and w[1:].islower()))
        # not what a speaker is involved in: "an official involved in the investigation"
        and not any(_singular(b.casefold()) in SPEAKER_HEADS for b in words[:i])
        # the document is the phrase's head: "the annual report (published)", "a report by"
        and (
            i == len(words) - 1
            or words[i + 1].casefold() in {"by", "from", "of"}
            or (  # "a summary the STU circulated", "a bulletin the agency published"
                words[i + 1].casefold() in _DEFINITE
                and i + 2 < len(words)
                and (words[i + 2][:1].isupper() or words[i + 2] in _DESCRIPTION_HEADS)
            )
            or (i == len(words) - 2 and words[i + 1].endswith("ed"))
            # "an EACC report tabled in parliament", "a filing with the stock exchange"
            or (words[i + 1].islower() and words[i + 1].endswith("ed") and len(words[i + 1]) > 4)
            or words[i + 1].casefold() in _RECIPIENT_PREPOSITIONS
            or (  # "trial results Ostara published", "a presentation Tarn filed with X"
                i + 2 < len(words)
                and words[i + 1][:1].isupper()
                and _participle_after_name(words[i + 1 :]) > 0
            )
            or (  # "a briefing sent by Carelink Systems", "a notice published on its website"
                i + 1 < len(words) and words[i + 1].casefold() in _DOC_PARTICIPLES
            )
        )
    ]
    if not nouns:
        return None
    index = nouns[-1]  # "a draft of the CBvS policy statement": the statement is the head
    after = [w.strip(_TRAILING) for w in words[index + 1 :]]
    if after and after[0].casefold() in _DOC_PARTICIPLES:
        after = after[1:]
        if not (after and after[0].casefold() in {"by", "from"}) and any(
            w.casefold() in {"its", "their"} for w in after
        ):
            return ""  # "a notice published on its website": the body named before
    if len(after) > 1 and after[0].casefold() in _DEFINITE and after[1][:1].isupper():
        return after[1]  # "a summary the STU circulated"
    named_before = _participle_after_name(after) if after and after[0][:1].isupper() else 0
    if named_before:
        return " ".join(after[:named_before])  # "trial results Ostara published"
    if len(after) > 1 and after[0].casefold() == "the" and after[1] in _DESCRIPTION_HEADS:
        return f"the {after[1]}"  # "a technical bulletin the agency published"
    if len(after) > 1 and after[0].casefold() in {"by", "from"}:
        issuer = after[1:]
        while issuer and not issuer[0][:1].isupper():  # "by (the) consultancy Alder & Finch"
            issuer = issuer[1:]
        named: list[str] = []
        for word in issuer:  # "by Carelink Systems to its customers": the name only
            if not (word[:1].isupper() or word in {"of", "for", "&", "and"}):
                break
            named.append(word)
        while named and named[-1] in {"of", "for", "&", "and"}:
            named.pop()  # "compiled by the Guardia Civil and obtained by El País"
        return " ".join(named) if named else None
    before = words[:index]
    if before and before[0].casefold() in {"its", "their", "his", "her"}:
        return ""
    if before and before[0].casefold() in _DEFINITE | _INDEFINITE:
        before = before[1:]
    run: list[str] = []
    for word in before:
        if word[:1].isupper() or (run and word in {"of", "for", "&"}):
            run.append(word)
            if _POSSESSIVE_END_RE.search(word):
                return _POSSESSIVE_END_RE.sub("", " ".join(run))  # "the AIU's public list"
        elif run:
            break
    if run:
        return " ".join(run)
    body = next((w for w in reversed(before) if w.casefold() in _DESCRIPTION_HEADS), None)
    if body is not None:
        return f"the {body.casefold()}"  # "an internal ministry memo": the ministry's
    if after and after[0].casefold() in _RECIPIENT_PREPOSITIONS:
        return ""  # "a filing with the stock exchange": the body named before filed it
    if after and after[0].casefold() == "of":  # "Minutes of a 2022 KIMM management meeting"
        named = [w for w in after[1:] if w[:1].isupper()]
        if named:
            return named[0]
    return None

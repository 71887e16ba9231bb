"""The sources of one article: each attribution resolved to one source, in reading order.

:class:`ArticleSources` reads the attributions of an article in order. Each source phrase
is identified (:func:`~briefings.sourcing.identity.identify`), then:

- a **reference** takes the most recent compatible source named before it in the article:
  "he said" a person, "it said" an organisation, "the ministry" an organisation whose name
  or description has that noun (or its kind: "the court" a tribunal), "the official" the
  last anonymous official, "Peskov" the last person so named; a pronoun with nobody
  before it is no source at all;
- a **named** source is linked, in this order, to the sources registry, to a glossary
  entry, to one of the article's unreviewed entities (of a compatible type only: an
  organisation never to a place), or else becomes a new, not yet reviewed source;
- an **anonymous** source merges with an earlier one only when their head noun and
  affiliation match ("a senior US official" and "the official" merge; "officials in Kyiv"
  and "a Russian official" do not).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from briefings.common.lexicon import word_set
from briefings.common.names import ROLE_NOUNS, ROLE_WORDS, source_key, split_role
from briefings.common.text import slugify
from briefings.sourcing.identity import SPEAKER_HEADS, SourceIdentity, identify
from briefings.sourcing.kinds import (
    ANONYMOUS,
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    ORGANIZATION,
    PERSON,
    PLACE,
    REFERENCE,
    is_company_noun,
    registry_kind,
)
from briefings.sourcing.model import KnownEntity
from briefings.sourcing.registry import SourceEntry, SourceRegistry

EntityLookup = Callable[[str], "KnownEntity | None"]
"""The entity a name is exactly (glossary or the article's unreviewed entities), or None."""

_PERSON_PRONOUNS = word_set("he she his her him")
_THING_PRONOUNS = frozenset(("it", "its"))
_COMPANY_NOUNS = tuple(COMPANY_NOUNS)
# Company nouns a text uses for any company, whatever it called the company before.
_GENERIC_COMPANY_NOUNS = word_set("company firm group business")
_SPOKESPEOPLE = word_set("spokesman spokeswoman spokesperson representative")
# Staff whose published work speaks for their employer when the text names no one: "Analysts
# at Fjordbank said" is Fjordbank's research note.
_STAFF = word_set("analyst economist strategist researcher scientist")
# Nouns a definite description may use for an organisation named before with another noun.
_SAME_KIND = {
    "court": ("court", "tribunal", "judge"),
    "tribunal": ("court", "tribunal"),
    "ministry": ("ministry", "department", "government"),
    "department": ("department", "ministry"),
    "company": _COMPANY_NOUNS,
    "firm": _COMPANY_NOUNS,
    "group": ("group", "company", "firm", "movement", "organisation", "organization"),
    "union": ("union", "federation", "association"),
    "federation": ("federation", "union", "association"),
    "council": ("council", "authority", "assembly"),
    "agency": ("agency", "authority", "service", "office", "administration"),
    "fund": ("fund", "pension"),
    "bank": ("bank",),
    "utility": ("utility", "water", "power", "energy", "electricity", "gas", "corporation"),
    "university": ("university", "college"),
    "regulator": ("regulator", "authority", "agency", "commission"),
    "authority": ("authority", "agency", "administration", "regulator", "council"),
    "government": ("government", "ministry", "administration", "cabinet"),
}
# Titles a definite description may use for a person named before with another title:
# "the judge said" after "Justice Ana Ruiz".
_SAME_ROLE = {
    "judge": ("judge", "justice", "magistrate"),
    "lawyer": ("lawyer", "attorney", "solicitor", "barrister", "counsel"),
    "minister": ("minister", "secretary"),
}
# A body is described before it is named only in a lede: "the country's regulator said" in
# the first paragraphs; later, "the court said" refers back to "a court in Milan".
LEDE_PARAGRAPHS = 2
_ENTITY_KIND = {PERSON: "person", ORGANIZATION: "organization", PLACE: "place"}


@dataclass(frozen=True, slots=True)
class _Seen:
    """An entity the text named: a later reference may point to it."""

    entity: KnownEntity
    words: frozenset[str]  # its name's words and the description before it


@dataclass
class CitedSource:
    """One source of the article; the footnote planner gives it one footnote."""

    key: str
    source_id: str  # data-source: a registry id, "glossary:<id>", "entity:<id>", "new:<slug>"…
    name: str
    kind: str  # what the footnote says: a registry kind, "person", "organisation", …
    identity: str  # PERSON, ORGANIZATION, PLACE or ANONYMOUS
    url: str = ""
    known: bool = False  # reviewed: in the registry or the glossary
    registered: bool = False  # in the sources registry
    role: str = ""
    affiliation: str = ""
    short: str = ""
    head: str = ""
    names: frozenset[str] = field(default_factory=frozenset)  # registry name and aliases


class ArticleSources:
    """Resolves the attributions of one article to its sources, in reading order."""

    def __init__(self, registry: SourceRegistry, entities: EntityLookup | None = None) -> None:
        self._registry = registry
        self._entities: EntityLookup = entities or (lambda _name: None)
        self._by_key: dict[str, CitedSource] = {}
        self._seen: list[CitedSource | _Seen] = []  # sources and entities, latest last
        self._last_document: CitedSource | None = None  # the source of the last document
        self._slugs: set[str] = set()
        # Bodies described before they are named ("the country's telecoms regulator said" in
        # a lede, the regulator named later): (source, head noun, description).
        self._unnamed: list[tuple[CitedSource, str, str]] = []
        self._paragraphs = 0  # paragraphs read so far
        # People described in a lede before they are named ("An independent ombudsman has
        # upheld ..."): (source, title).
        self._unnamed_people: list[tuple[CitedSource, str]] = []

    def end_paragraph(self) -> None:
        """Note that a paragraph of the article has been read."""
        self._paragraphs += 1

    @property
    def sources(self) -> list[CitedSource]:
        """The sources resolved so far, in order of first use."""
        return list(self._by_key.values())

    def see(self, surface: str, descriptor: str = "") -> None:
        """Note that the text names an entity here ("the pension fund ATP": surface "ATP",
        descriptor "pension fund"), so a later "the fund said" or "its report" can refer
        to it even if it was never cited before."""
        known = self._entities(surface)
        name_words = known.name.split() if known is not None else []
        if (
            known is not None
            and known.type == "organization"
            and self._unnamed
            and len(name_words) >= 2
            and name_words[-1][:1].isupper()  # a whole name, not a fragment ("Postes et")
        ):
            words = _words(known.name, descriptor)
            if any(_describes(head, text, words, None) for _s, head, text in self._unnamed):
                # a body described before it is named: "the country's volcano agency said",
                # then "a team at the National Institute of Volcanology"
                self._named(SourceIdentity(known.name, ORGANIZATION), known.name)
        if known is not None and known.type in ("organization", "place", "person"):
            # A person too: "Judge Ana Ruiz ruled ... 'No,' the judge said" and "she said"
            # after a paragraph about her refer to the person named, quoted or not.
            self._seen.append(_Seen(known, frozenset(_words(known.name, descriptor))))

    def see_document(self) -> None:
        """Note that the text mentions a body's own document here ("the agency flagged the
        payments in its annual report"): a later "the report said" or "according to that
        report" cites the last body named before it."""
        owner = self._latest(lambda kind, _w, _s: kind == ORGANIZATION)
        if owner is not None:
            self._last_document = owner

    def resolve_all(
        self, phrase: str, anonymous: bool = False, subject: str = ""
    ) -> list[CitedSource]:
        """Return the sources a source phrase names here: one as :meth:`resolve` finds it,
        or several for a plural reference ("the two companies said": the last two companies
        named), or none.

        ``subject`` is the entity that opens the sentence: "its latest report" in "Lessard
        Inc, the monitor of Northvault, has recovered X, according to its latest report" is
        Lessard's, not the body named last."""
        identity = identify(phrase, anonymous, self._entity_type)
        if (
            identity.kind == REFERENCE
            and subject
            and (
                (identity.document and identity.head == "it")
                or (identity.definite and identity.count == 1 and identity.head)
            )
        ):
            # "according to its report" and "..., the company said" in a sentence that opens
            # with a body: that body
            known = self._entities(subject)
            if known is None and not subject.casefold().startswith(phrase.casefold()):
                known = self._described(subject)  # "The miner spent ..., according to its"
            if (
                known is not None
                and known.type == "organization"
                and _fits_subject(identity, known)
            ):
                body = self._named(SourceIdentity(known.name, ORGANIZATION), known.name)
                self._seen.append(body)
                self._last_document = body
                return [body]
        if identity.kind == REFERENCE and identity.count > 1:
            found: list[CitedSource] = []
            for _ in range(identity.count):
                source = self._referent(identity, exclude=frozenset(s.key for s in found))
                if source is None:
                    break
                found.append(source)
            if len(found) > 1:
                self._seen.extend(found)
                return found
        source = self.resolve(phrase, anonymous)
        return [source] if source is not None else []

    def resolve(self, phrase: str, anonymous: bool = False) -> CitedSource | None:
        """Return the source a source phrase names here, or None (a pronoun, say, with no
        source before it)."""
        identity = identify(phrase, anonymous, self._entity_type)
        if identity.kind == REFERENCE and identity.document and identity.head == "the":
            # "The report said": the report cited last, else the body named last.
            source = self._last_document or self._referent(dataclasses.replace(identity, head="it"))
        elif identity.kind == REFERENCE:
            source = self._referent(identity)
            if source is None and identity.name and not identity.definite:
                # A surname or a one-word name no earlier source has: a source of its own.
                known = self._entities(identity.name)
                kind = _kind_of(known.type) if known else _one_word_kind(identity.name)
                source = self._named(SourceIdentity(identity.name, kind), phrase)
            elif source is None and identity.name:
                # "the mediators said" after "the National Mediation Office": a body whose
                # name shares the noun's stem; else "the court said" with no court named
                # before: an unnamed body, until the text names it.
                source = self._by_stem(identity.head) or self._anonymous(
                    SourceIdentity(identity.head, ANONYMOUS, head=identity.head), "unnamed"
                )
                if source.identity == ANONYMOUS and self._paragraphs < LEDE_PARAGRAPHS:
                    self._unnamed.append((source, identity.head, identity.name))
        elif identity.kind == ANONYMOUS:
            source = self._speaker_for(identity)
            if source is None:
                source = self._anonymous(identity)
                if (
                    self._paragraphs < LEDE_PARAGRAPHS
                    and not identity.definite
                    and identity.head in ROLE_NOUNS
                    and identity.head not in SPEAKER_HEADS
                    and " " not in identity.head
                    and not identity.affiliation
                ):
                    # "An independent ombudsman has upheld ..." in a lede: the person the
                    # text names with that title later ("the ombudsman, Ana Ruiz, said")
                    self._unnamed_people.append((source, identity.head))
        else:
            source = self._named(identity, phrase)
        if source is not None:
            self._seen.append(source)
            if identity.document:
                self._last_document = source
        return source

    def _entity_type(self, name: str) -> str | None:
        known = self._entities(name)
        return known.type if known is not None else None

    def _speaker_for(self, identity: SourceIdentity) -> CitedSource | None:
        """Return the organisation an unnamed spokesperson speaks for ("a spokeswoman for
        the fund" is the fund), or None."""
        staff = identity.head in _STAFF and identity.name.split(" ")[0].casefold().endswith("s")
        if identity.head not in _SPOKESPEOPLE and not staff:
            return None
        affiliation = identity.affiliation
        if staff:  # "Analysts at Fjordbank said": the bank's research speaks
            if " at " not in f" {identity.name} ":
                return None
            body = identify(affiliation, False, self._entity_type)
            if body.kind == PERSON and self._entity_type(body.name) is None:
                body = dataclasses.replace(body, kind=ORGANIZATION)  # an employer, by the "at"
            return self._named(body, affiliation) if body.kind == ORGANIZATION else None
        words = identity.name.split()
        named = _named_modifier(words, identity.head)
        if named and (not affiliation or f" in {affiliation}" in f" {identity.name}"):
            affiliation = named  # "a WHO spokesperson in Geneva": the WHO, not Geneva
        if not affiliation and len(words) > 1 and words[-2].islower():
            affiliation = f"the {words[-2]}"  # "a university spokesperson": the university
        if not affiliation:
            return None
        body = identify(affiliation, False, self._entity_type)
        if body.kind == REFERENCE and body.definite:
            return self._referent(body)
        if body.kind in (ORGANIZATION, PLACE):
            return self._named(body, affiliation)
        return None

    def _referent(
        self, identity: SourceIdentity, exclude: frozenset[str] = frozenset()
    ) -> CitedSource | None:
        """Return the earlier source, or entity named before, that a reference points to
        (not one of the sources keyed ``exclude``)."""
        if exclude:
            return self._latest_except(identity, exclude)
        head = identity.head.casefold()
        if not identity.name:  # a pronoun, or a document: "its report"
            if head in _PERSON_PRONOUNS:
                wanted: tuple[str, ...] = (PERSON,)
            elif head in _THING_PRONOUNS:
                wanted = (ORGANIZATION,)  # "it said": a body; a place rarely speaks so
            else:
                wanted = (PERSON, ORGANIZATION, PLACE, ANONYMOUS)
            return self._latest(lambda kind, words, _s: kind in wanted)
        if identity.definite:
            if head in ROLE_NOUNS:  # "the minister said": the last minister cited
                titles = _SAME_ROLE.get(head, (head,))
                person = self._latest(
                    lambda kind, words, s: (
                        kind == PERSON
                        and any(t in (words if s is None else _words(s.role)) for t in titles)
                    )
                )
                if person is not None:
                    return person
            if head in SPEAKER_HEADS:
                return self._latest(
                    lambda kind, _w, s: (
                        kind in (ANONYMOUS, PERSON) and s is not None and s.head == head
                    )
                )
            nouns = _SAME_KIND.get(head, (head,))
            if is_company_noun(head):
                return self._company(head)
            # A body cited before wins over one only named: "the university said" is the
            # university quoted earlier, not the last one the text mentions.
            found = self._latest(
                lambda kind, words, s: (
                    s is not None and kind == ORGANIZATION and any(n in words for n in nouns)
                )
            ) or self._latest(
                lambda kind, words, _s: kind == ORGANIZATION and any(n in words for n in nouns)
            )
            return found
        word = identity.name.casefold()
        for seen in reversed(self._seen):
            if isinstance(seen, CitedSource):
                names = seen.name.casefold().split()
                if (seen.identity == PERSON and _surname_of(word, seen.name)) or (
                    seen.identity != PERSON
                    and (
                        word in (seen.short.casefold(), _initials(seen.name)) or _opens(names, word)
                    )
                ):
                    return seen
            elif seen.entity.type == "person" and _surname_of(word, seen.entity.name):
                entity = seen.entity  # "Ruiz said" after "Judge Ana Ruiz ruled"
                return self._named(SourceIdentity(entity.name, PERSON), entity.name)
            elif seen.entity.type == "organization" and _opens(
                seen.entity.name.casefold().split(), word
            ):
                # "Tessera's board" after "Tessera Capital" was named: the company
                entity = seen.entity
                return self._named(SourceIdentity(entity.name, ORGANIZATION), entity.name)
        return None

    def _described(self, description: str) -> KnownEntity | None:
        """Return the body a description opening a sentence refers to ("The miner"), as an
        entity, or None."""
        identity = identify(description, False, self._entity_type)
        if identity.kind != REFERENCE or not identity.definite:
            return None
        source = self._referent(identity)
        if source is None or source.identity != ORGANIZATION:
            return None
        return KnownEntity(source.source_id, source.name, "organization", source.url, source.known)

    def _company(self, head: str) -> CitedSource | None:
        """Return the company a description ("the miner", "the company") refers to: a body
        the text called by that noun ("Corella, the lithium miner"), unless the noun is one
        used for any company; else the last company cited; else the last body named that is
        called a company or may be one (no government, medium or institute)."""
        if head not in _GENERIC_COMPANY_NOUNS:
            exact = self._latest(lambda kind, words, _s: kind == ORGANIZATION and head in words)
            if exact is not None:
                return exact
        nouns = (head, *_COMPANY_NOUNS, *COMPANY_SUFFIXES)
        return (
            self._latest(
                lambda kind, words, s: (
                    s is not None and kind == ORGANIZATION and _may_be_company(words, s)
                )
            )
            or self._latest(
                lambda kind, words, _s: kind == ORGANIZATION and any(n in words for n in nouns)
            )
            or self._latest(
                lambda kind, words, s: kind == ORGANIZATION and _may_be_company(words, s)
            )
        )

    def _latest_except(
        self, identity: SourceIdentity, exclude: frozenset[str]
    ) -> CitedSource | None:
        """Return the most recent body that a plural description fits, other than those
        keyed ``exclude``: a body with a noun of the description, or any that may be a
        company for a company noun."""
        head = identity.head
        nouns = _SAME_KIND.get(head, (head,))
        company = is_company_noun(head)
        for seen in reversed(self._seen):
            if isinstance(seen, CitedSource):
                kind, words, source = seen.identity, frozenset(_words(seen.name, seen.role)), seen
            else:
                kind, words, source = _kind_of(seen.entity.type), seen.words, None
            if kind != ORGANIZATION:
                continue
            if any(n in words for n in nouns) or (company and _may_be_company(words, source)):
                if isinstance(seen, _Seen):
                    name = seen.entity.name
                    source = self._named(SourceIdentity(name, ORGANIZATION), name)
                if source is not None and source.key not in exclude:
                    return source
        return None

    def _latest(
        self, fits: Callable[[str, frozenset[str], CitedSource | None], bool]
    ) -> CitedSource | None:
        """Return the most recent source or entity named before that ``fits(kind, words,
        source)``, as a source."""
        for seen in reversed(self._seen):
            if isinstance(seen, CitedSource):
                if fits(seen.identity, frozenset(_words(seen.name, seen.role)), seen):
                    return seen
            elif fits(_kind_of(seen.entity.type), seen.words, None):
                entity = seen.entity
                return self._named(SourceIdentity(entity.name, _kind_of(entity.type)), entity.name)
        return None

    def _anonymous(self, identity: SourceIdentity, kind: str = "anonymous") -> CitedSource:
        """Return the anonymous source of ``identity``: an earlier one with the same head
        noun and affiliation ("the official" takes the last official), or a new one."""
        head = identity.head
        if identity.definite and not identity.affiliation:
            for seen in reversed(self._seen):
                if (
                    isinstance(seen, CitedSource)
                    and seen.identity == ANONYMOUS
                    and seen.head == head
                ):
                    return seen
        key = f"anonymous:{head}:{source_key(identity.affiliation)}"
        if key not in self._by_key:
            description = identity.name or head
            slug = self._unique_slug(slugify(description) or "source")
            self._by_key[key] = CitedSource(
                key, f"anonymous:{slug}", description, kind, ANONYMOUS, head=head
            )
        return self._by_key[key]

    def _named(self, identity: SourceIdentity, phrase: str) -> CitedSource:
        """Return the source of a named person, organisation or place: registry first,
        then the glossary and the article's unreviewed entities, else a new source."""
        entry = self._registry_entry(identity, phrase)
        if entry is not None:
            key = f"registry:{entry.id}"
            if key not in self._by_key:
                names = frozenset(source_key(n) for n in (entry.name, *entry.aliases))
                # A source that is also a glossary entry links to the entity.
                entity = self._compatible_entity(dataclasses.replace(identity, name=entry.name))
                self._by_key[key] = self._named_before(
                    CitedSource(
                        key,
                        entry.id,
                        entry.name,
                        entry.kind,
                        identity.kind,
                        entity.url if entity is not None and entity.url else entry.url,
                        known=True,
                        registered=True,
                        role=identity.role,
                        affiliation=identity.affiliation or identity.country,
                        names=names,
                    )
                )
            return self._by_key[key]
        known = self._compatible_entity(identity)
        longer = None if known is not None else self._longer_person(identity)
        if longer is not None:
            # "Md. Ana Ruiz" named, then "Ana Ruiz said" (a sentence cut after "Md."): the
            # person named, by the full name unless the word before is a title
            known = longer
            key = known.source_id
            name, url, reviewed = known.name, known.url, known.reviewed
            extra = known.name[: -len(identity.name)].split()
            if any(word.strip(".").casefold() in ROLE_WORDS for word in extra):
                name = identity.name
            source_id = known.source_id
        elif known is not None:
            key = known.source_id
            name, url, reviewed = known.name, known.url, known.reviewed
            if identity.kind == PERSON and (
                split_role(name)[2] == identity.name
                or (not reviewed and " " in identity.name and name.endswith(" " + identity.name))
            ):
                # an entity named with its title: "Professor Ana Ruiz", "Geologist Ana Ruiz"
                name = identity.name
            elif (
                not reviewed and identity.name.endswith(" " + name) and identity.name[:1].isupper()
            ):
                # an unreviewed entity found by its short form, whose name the discoverer cut:
                # "Central Office of Fraud (COF)" is not "Office of Fraud"
                name = identity.name
            source_id = known.source_id
        else:
            key = f"{identity.kind}:{source_key(identity.name)}"
            name, url, reviewed, source_id = identity.name, "", False, ""
        for source in self._by_key.values():
            if source.key == key or (source_id and source.source_id == source_id):
                return source  # the key, or a described source since named as this entity
            if (
                identity.kind == PERSON
                and not source.known
                and source.identity in (PERSON, ORGANIZATION)
                and " " not in source.name
                and source.name.casefold() in identity.name.casefold().split()[1:]
            ):
                # "Novak said" first, "Interior Minister Jana Novak" later: one person,
                # named in full from now on.
                source.name, source.identity, source.kind = name, PERSON, "person"
                source.role = source.role or identity.role
                source.affiliation = source.affiliation or identity.affiliation
                source.url, source.known = url, reviewed
                return source
            if (
                identity.kind == ORGANIZATION
                and source.identity == ORGANIZATION
                and (identity.name == source.short or _is_short_name(identity.name, source.name))
            ):
                # "NCDC" after "the Nigeria Centre for Disease Control (NCDC)"; "the Cyber
                # Centre" after "the Canadian Centre for Cyber Security"
                return source
        if not source_id:
            source_id = f"new:{self._unique_slug(slugify(name) or 'source')}"
        self._by_key[key] = self._named_before(
            CitedSource(
                key,
                source_id,
                name,
                registry_kind(identity.kind, identity.name, identity.role),
                identity.kind,
                url,
                known=reviewed,
                role=identity.role,
                affiliation=identity.affiliation or identity.country,
                short=identity.short,
            ),
            identity.name,
        )
        return self._by_key[key]

    def _by_stem(self, head: str) -> CitedSource | None:
        """Return the last body named whose name has a word with the first five letters of
        ``head`` ("mediator" and "Mediation"), or None."""
        if len(head) < 5:
            return None
        stem = _stem(head)
        return self._latest(
            lambda kind, words, _s: kind == ORGANIZATION and any(_stem(w) == stem for w in words)
        )

    def _named_before(self, source: CitedSource, written: str = "") -> CitedSource:
        """Return ``source``, a body cited for the first time by name; or, when the text
        described it before naming it ("the country's telecoms regulator said", then "the
        Telecoms Regulation Authority said"), the unnamed source of that description, now
        named, so that both share a footnote."""
        if source.identity == PERSON:
            titles = _words(source.role)
            for index, (unnamed, head) in enumerate(self._unnamed_people):
                if head in titles:
                    del self._unnamed_people[index]
                    key = unnamed.key
                    for field_ in dataclasses.fields(CitedSource):
                        setattr(unnamed, field_.name, getattr(source, field_.name))
                    unnamed.key = key
                    return unnamed
            return source
        if source.identity != ORGANIZATION:
            return source
        words = _words(source.name, source.role, source.short, written)
        for index, (unnamed, head, description) in enumerate(self._unnamed):
            if _describes(head, description, words, source):
                del self._unnamed[index]
                key = unnamed.key  # the footnote planner knows the source by this key
                for field_ in dataclasses.fields(CitedSource):
                    setattr(unnamed, field_.name, getattr(source, field_.name))
                unnamed.key = key
                return unnamed
        return source

    def _registry_entry(self, identity: SourceIdentity, phrase: str) -> SourceEntry | None:
        """Return the registry entry a named source is, if any."""
        for name in (identity.name, identity.short, phrase):
            if name:
                entry = self._registry.lookup(name)
                if entry is not None:
                    return entry
        if identity.kind == PERSON:
            return None  # "Kremlin spokesman Dmitry Peskov" is no statement of the Kremlin
        entry = self._registry.resolve(identity.name) if identity.name else None
        if entry is None:
            # A registered name inside the phrase must hold the name: "a declassified US
            # intelligence report" is US intelligence, but "PAHO in Washington" is not the
            # government that "Washington" stands for.
            entry = self._registry.resolve(phrase)
            key = f" {source_key(identity.name)} "
            if entry is not None and not any(
                key in f" {source_key(name)} " for name in (entry.name, *entry.aliases)
            ):
                return None
        return entry

    def _longer_person(self, identity: SourceIdentity) -> KnownEntity | None:
        """Return the person the text named last whose name is ``identity``'s name (two
        words or more) with a word before it ("Md. Ana Ruiz" for "Ana Ruiz"), or None."""
        if identity.kind != PERSON or " " not in identity.name:
            return None
        ending = " " + identity.name
        for seen in reversed(self._seen):
            if (
                isinstance(seen, _Seen)
                and seen.entity.type == "person"
                and seen.entity.name.endswith(ending)
            ):
                return seen.entity
        return None

    def _compatible_entity(self, identity: SourceIdentity) -> KnownEntity | None:
        """Return the entity the source is, if its type fits the source's kind."""
        for name in (identity.name, identity.short):
            known = self._entities(name) if name else None
            if known is not None and known.type == _ENTITY_KIND.get(identity.kind):
                return known
        return None

    def _unique_slug(self, slug: str) -> str:
        unique, suffix = slug, 2
        while unique in self._slugs:
            unique, suffix = f"{slug}-{suffix}", suffix + 1
        self._slugs.add(unique)
        return unique


def _named_modifier(words: list[str], head: str) -> str:
    """Return the capitalised words right before the head noun of "WHO spokesperson in
    Geneva" or "Tarn Bank spokeswoman" ("WHO", "Tarn Bank"), or ""."""
    if head not in words:
        return ""
    before = words[: words.index(head)]
    if not before or not all(word[:1].isupper() for word in before):
        return ""
    return " ".join(before)


def _surname_first(name: str) -> bool:
    """Return whether a person's name is written family name first: its last word is a
    given name with a lower-case syllable after a hyphen ("Lin Wei-ting", "Park Soo-ho")."""
    last = name.split()[-1] if " " in name else ""
    first, hyphen, second = last.partition("-")
    return bool(hyphen) and first[:1].isupper() and second[:1].islower()


def _surname_of(word: str, name: str) -> bool:
    """Return whether the one-word reference ``word`` (case-folded) is the family name of
    the person ``name``: a word after the first, or the first of a name written family
    name first."""
    names = name.casefold().split()
    return word in names[1:] or (bool(names) and word == names[0] and _surname_first(name))


def _words(*texts: str) -> set[str]:
    return {word.strip(".,").casefold() for text in texts for word in text.split()}


def _is_short_name(short: str, name: str) -> bool:
    """Return whether ``short`` is a shorter form of the body ``name``: two or more of its
    words, in order, ending in the same head word as a word of the name ("Cyber Centre" of
    "Canadian Centre for Cyber Security"; not "Security Council" of "National Security
    Council", whose words are the name's last ones and would be another body)."""
    small = short.casefold().split()
    large = name.casefold().split()
    if len(small) < 2 or len(small) >= len(large) or large[-len(small) :] == small:
        return False
    if not all(word[:1].isupper() for word in short.split()):
        return False
    return set(small) <= set(large) and small[-1] in large


def _opens(words: list[str], word: str) -> bool:
    """Return whether ``word`` is the first of several words of a body's name: "Tessera"
    of "Tessera Capital"."""
    return len(words) > 1 and words[0] == word


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).casefold()


def _describes(head: str, description: str, words: set[str], source: CitedSource | None) -> bool:
    """Return whether a description with ``head`` ("volcano monitoring agency") fits a body
    named later (its name's ``words``): a noun of the head's kind in the name, a company for
    a company noun, or a word of the description sharing its first five letters with a word
    of the name ("volcano" and "Volcanology", "regulator" and "Regulation")."""
    if any(n in words for n in _SAME_KIND.get(head, (head,))):
        return True
    if is_company_noun(head):
        return head in _GENERIC_COMPANY_NOUNS and _may_be_company(frozenset(words), source)
    stems = {_stem(w) for w in words if len(w) >= 5}
    return any(_stem(w) in stems for w in _words(description) if len(w) >= 5)


def _stem(word: str) -> str:
    """Return the first five letters of a word without accents: "Régulation" gives "regul"."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))[:5]


def _fits_subject(identity: SourceIdentity, subject: KnownEntity) -> bool:
    """Return whether a reference may be the body that opens its sentence: "its report"
    any body; "the company" one that may be a company; "the observatory" or "the miner" one
    whose name has that noun or a noun of the same kind ("the ministry" a "Department of
    ...")."""
    if identity.document and identity.head == "it":
        return True
    words = frozenset(_words(subject.name))
    if identity.head in _GENERIC_COMPANY_NOUNS:  # "the company": any company
        return _may_be_company(words, None)
    return any(n in words for n in _SAME_KIND.get(identity.head, (identity.head,)))


def _may_be_company(words: frozenset[str], source: CitedSource | None) -> bool:
    """Return whether a body may be a company: its registry kind, or the kind its name
    suggests, is "company" or says nothing ("organisation")."""
    kind = source.kind if source is not None else registry_kind(ORGANIZATION, " ".join(words))
    return kind in ("company", "organisation")


def _kind_of(entity_type: str) -> str:
    return {"person": PERSON, "place": PLACE}.get(entity_type, ORGANIZATION)


def _one_word_kind(name: str) -> str:
    """A one-word name nobody introduced ("Nvidia said", "the Pentagon said"): a body. A
    person's surname alone follows their full name, which makes it a reference instead."""
    return ORGANIZATION

"""Synthetic corpus for the build benchmark: seed articles, a glossary and a sources registry.

Everything comes from one ``random.Random(seed)``, so a given (articles, entries, seed)
always writes the same bytes. Articles look like wire copy on everyday policy topics
(energy, water, trade, transport...): about 700 words, a lede on the ``date`` line,
paragraphs of three or four sentences, one or two subheadings, one or two photo captions
ending in ``Credit: NAME``, about 25 glossary mentions and about 5 attributions
("according to X", "X said", "told X", "in an interview with X", an anonymous official).

Glossary names are coined from syllables so that they never collide with the English of
the templates; which entries an article mentions follows a Zipf law over the glossary, as
a few entities dominate real news. The same articles are written twice: as seeds for a
site with the plugin (:func:`write_plugin_site`) and as plain Markdown pages for a site
with the plugin disabled (:func:`write_plain_site`). Both sites inherit the theme and
Markdown extensions of the project's ``mkdocs.yml`` and have a small nav.

Command line: ``python -m benchmarks.corpus --articles 100 --glossary 500 --out DIR``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

DEFAULT_SEED = 20220907
"""The fixed random seed of every benchmark corpus."""

PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
"""The project's MkDocs configuration, inherited (theme, extensions) by both sites."""

# Same tuple as briefings.glossary.ENTITY_TYPES; not imported so the generator works
# even while the plugin does not.
_TYPE_CYCLE = (
    "person",
    "organization",
    "place",
    "person",
    "organization",
    "place",
    "person",
    "equipment",
    "place",
    "person",
    "organization",
    "event",
    "person",
    "place",
    "organization",
    "person",
    "other",
    "place",
    "person",
    "organization",
)
_THING_TYPES = ("equipment", "event", "other")
_ZIPF_EXPONENT = 0.9
_RIGHT_QUOTE = "\u2019"  # the typographic apostrophe most seeds use
_WORD_RE = re.compile(r"\w+(?:[-'\u2019]\w+)*")
_SLOT_RE = re.compile(r"\{(\w+)\}")
_ENTITY_SLOTS = frozenset({"person", "person2", "org", "org2", "place", "place2", "thing"})

_SYLLABLES = (
    "ka",
    "ve",
    "lo",
    "ran",
    "mir",
    "to",
    "sa",
    "del",
    "ni",
    "vor",
    "ta",
    "len",
    "ri",
    "os",
    "mar",
    "zan",
    "bel",
    "cor",
    "du",
    "fen",
    "gal",
    "hal",
    "is",
    "jor",
    "kel",
    "lin",
    "mo",
    "nor",
    "pel",
    "quin",
    "ros",
    "sol",
    "tam",
    "ul",
    "var",
    "wen",
    "yar",
    "zel",
    "ba",
    "che",
    "dra",
    "eth",
    "fi",
    "gor",
)
_FIRST_NAMES = (
    "Amara",
    "Bilal",
    "Carmen",
    "Dmitri",
    "Elif",
    "Farah",
    "Goran",
    "Hana",
    "Ismail",
    "Jana",
    "Kofi",
    "Leila",
    "Mateo",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rania",
    "Sipho",
    "Tomas",
    "Ulla",
    "Viktor",
    "Wanjiru",
    "Xavier",
    "Yusuf",
    "Zofia",
    "Aleksei",
    "Beatriz",
    "Chen",
    "Daria",
    "Emeka",
    "Fatima",
    "Gustav",
    "Hiroshi",
    "Ines",
    "Javier",
    "Katya",
    "Luis",
    "Mei",
    "Nikolai",
    "Olga",
    "Pedro",
    "Rashid",
    "Sofia",
    "Tariq",
    "Uma",
    "Valentina",
    "Wei",
    "Yara",
    "Zainab",
    "Anders",
    "Bogdan",
    "Camila",
    "Diego",
    "Esther",
    "Felix",
    "Greta",
    "Hassan",
    "Irina",
    "Jonas",
    "Kamala",
    "Lars",
    "Marta",
    "Nuno",
    "Omar",
    "Paulina",
    "Rafael",
    "Sana",
)
_ORG_KINDS = (
    "Grain Council",
    "Energy Authority",
    "Port Authority",
    "Development Bank",
    "Workers' Union",
    "Water Board",
    "Rail Company",
    "Trade Federation",
    "Health Agency",
    "Security Council",
    "Fisheries Commission",
    "Housing Trust",
    "Mining Corporation",
    "Broadband Alliance",
    "Farmers' Association",
)
_PLACE_FORMS = ("{w}", "{w}", "{w}", "Port {w}", "{w} Province", "North {w}", "{w} Valley")
_EQUIPMENT_FORMS = ("{w}-{n} turbine", "{w}-{n} drone", "{w} {n} reactor", "{w}-{n} locomotive")
_EVENT_FORMS = ("{w} Summit", "{w} Accord", "{w} Energy Forum", "{w} Talks")
_OTHER_FORMS = ("{w} Initiative", "{w} Plan", "{w} Fund", "{w} Corridor")
_ROLES = (
    "negotiator",
    "regional governor",
    "finance minister",
    "trade envoy",
    "union leader",
    "opposition politician",
    "economist",
    "engineer",
    "mayor",
    "energy minister",
)

_SOURCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Northwind Press Agency", "news agency", ("NPA",)),
    ("Meridian News Service", "news agency", ("MNS",)),
    ("Continental Wire", "news agency", ()),
    ("Harbour Herald", "media", ()),
    ("Evening Ledger", "media", ()),
    ("Coastal Broadcasting Corporation", "media", ("CBC News",)),
    ("Institute for Regional Security Studies", "think tank", ("IRSS",)),
    ("Centre for Energy Transition Research", "think tank", ("CETR",)),
    ("Harbour Policy Centre", "think tank", ()),
    ("Foundation for Open Markets", "think tank", ("FOM",)),
    ("Ministry of Finance", "government", ()),
    ("Ministry of Transport", "government", ()),
    ("Ministry of Water Resources", "government", ()),
    ("National Statistics Office", "government", ("NSO",)),
    ("Joint Coastal Command", "military", ()),
    ("Office of the Prime Minister", "official", ()),
    ("Federal Audit Chamber", "official", ()),
    ("Council of Regional Mayors", "other", ()),
)
_MEDIA_KINDS = ("news agency", "media")
_CREDITS = ("AP", "Reuters", "AFP", "Northwind Press Agency", "Staff photographer")

_SECTORS = (
    "energy",
    "water",
    "grain",
    "rail",
    "port",
    "housing",
    "broadband",
    "fisheries",
    "steel",
    "health",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WHEN = ("on Monday", "on Tuesday", "on Thursday", "last week", "earlier this month", "")

# Sentences without a cue verb: no said/told/according/announced/revealed/reported...
_PLAIN_WITH_ENTITIES = (
    "{place} has spent the past {n} months negotiating with {org} over the future of its "
    "{sector} sector.",
    "{person} has pushed for a faster timetable, arguing that delays would leave {place} "
    "exposed to higher {sector} prices next winter.",
    "The dispute centres on a {n}-kilometre stretch of {sector} infrastructure that links "
    "{place} with {place2}.",
    "Officials in {place} expect the first phase to cost roughly {n} million dollars, a "
    "figure that has doubled since {year}.",
    "{org} has spent much of the year reviewing its commitments in the region, and its board "
    "is due to meet again in {month}.",
    "Supporters of the plan, including {person}, argue that it would create thousands of "
    "jobs in {place} and the surrounding districts.",
    "Critics point out that similar schemes in {place} ran years behind schedule and far "
    "over budget.",
    "The {thing} has become a symbol of the wider debate about how quickly the region can "
    "modernise its {sector} network.",
    "{person} and {person2} met in {place} in {month} to discuss the next steps, their first "
    "meeting since the talks began.",
    "Trade between {place} and {place2} fell by {n} per cent in the first half of the year, "
    "the steepest drop in a decade.",
    "{org} and {org2} have both set aside funds for the project, though neither has "
    "committed to a firm date.",
    "The next round of talks is scheduled for {month} in {place}, where {person} is expected "
    "to present a revised proposal.",
    "For residents of {place}, the most visible change so far has been a steady rise in "
    "{sector} bills.",
    "The {thing} was first proposed in {year} but stalled amid disagreements over funding "
    "and oversight.",
    "Several members of {org} have questioned whether the timetable is realistic given the "
    "shortage of skilled workers.",
    "{person} has made the issue a central part of the campaign, visiting {place} {n} times "
    "since the spring.",
    "{place}'s own {sector} regulator is due to publish a review of the plan before the end "
    "of the year.",
    "Negotiators from {org} spent most of the week in {place}, working through a list of "
    "more than {n} technical questions.",
    "The government of {place} has offered to cover part of the cost if {org} agrees to "
    "extend the deadline.",
    "Engineers working on the {thing} had to redesign parts of it after flooding damaged a "
    "key section in {month}.",
    "{person}'s office has asked {org} for a detailed breakdown of the costs.",
    "Whether the plan survives will depend largely on the outcome of the vote in {place} "
    "later this year.",
    "{org} first floated the idea in {year}, when {sector} demand in {place} began to "
    "outstrip supply.",
    "Farmers near {place} have long complained that the {sector} network serves the cities "
    "first and the countryside last.",
    "{person} spent two days touring the {thing} site, the first such visit by a senior "
    "figure this year.",
    "The {thing} is due to be completed in {month}, about {n} months later than planned.",
    "Talks between {org} and the authorities in {place2} stalled in {month} over who should "
    "pay for the upgrade.",
    "{person} is expected to travel to {place} next month to meet members of {org}.",
    "Companies from {place} have won most of the early contracts, a point of friction with "
    "neighbouring {place2}.",
    "A second phase, covering {place} and the coast, would roughly double the total cost.",
    "{org2} has set up a working group of {n} engineers and lawyers to study the proposal.",
    "The partnership between {org} and {place} dates back to a {year} agreement on "
    "{sector} supplies.",
)
_PLAIN_WITHOUT_ENTITIES = (
    "Prices for {sector} contracts have risen for {n} consecutive months, putting pressure "
    "on households and small firms.",
    "Local businesses have been hit hard by the uncertainty, with some postponing investment "
    "until the talks conclude.",
    "The first contracts are expected to cover maintenance, training and the purchase of "
    "new equipment.",
    "Much of the existing {sector} network was built more than {n} years ago and has not "
    "been upgraded since.",
    "Economists caution that the benefits will take years to appear in official figures.",
    "A parliamentary committee is due to examine the proposal in detail after the summer recess.",
    "The scheme would be financed through a mix of public loans, private investment and "
    "higher user charges.",
    "Demand for {sector} services has grown by about {n} per cent a year over the past decade.",
    "Experts believe the delays could cost the region as much as {n} million dollars in "
    "lost trade.",
    "Opposition parties have called for an independent review before any money is spent.",
    "Ratings agencies have so far kept their outlook for the region unchanged.",
    "The last comparable project took almost {n} years from approval to completion.",
    "Consumer groups want a cap on the charges passed on to households.",
    "Several of the largest contracts have yet to be put out to tender.",
    "Insurance costs for the sector have climbed sharply since the floods of {year}.",
    "Unions are pressing for guarantees that existing jobs will be protected.",
    "The plan also includes money for training about {n} hundred apprentices.",
    "Preliminary surveys of the route were completed in {month}.",
)
_ATTRIBUTED = (
    "The cost of the scheme has risen by {n} per cent since the first estimates, according "
    "to {source}.",
    "According to {source}, at least {n} companies have applied for permits in {place} "
    "since {month}.",
    "{Source} said {when} that the first contracts would be signed before the end of {month}.",
    "A spokesperson for {source} said {when} that talks with {org} would continue.",
    "{person}, who leads the negotiating team, told {media} {when} that a compromise was "
    "within reach.",
    "{person} said in an interview with {media} that the plan had broad support in {place}.",
    "A senior official, who spoke on condition of anonymity, said the timetable was likely "
    "to slip by {n} months.",
    "“We will not walk away from these talks,” a spokesperson for {source} said {when}.",
)
_SUBHEADINGS = (
    "Funding gap widens",
    "Pressure builds on {org}",
    "What comes next for {place}",
    "A long road to an agreement",
    "{Sector} prices keep climbing",
    "Doubts over the timetable",
)
_HEADLINES = (
    "{Sector} plan under pressure",
    "Talks on {sector} deal drag on",
    "Cost of {sector} upgrade keeps rising",
    "New doubts over {sector} timetable",
)
_CAPTIONS = (
    "{person} speaks to reporters in {place} after talks with {org} officials.",
    "Workers inspect a section of the {thing} near {place}.",
    "{person}, left, and {person2} shake hands during their meeting in {place}.",
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A glossary entry of the corpus."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class Source:
    """A sources-registry entry of the corpus."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    url: str
    description: str


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article: ``paragraph``, ``subheading`` or ``caption`` (with credit)."""

    kind: str
    text: str
    credit: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One synthetic article and what the generator put into it."""

    number: int
    date: date
    headline: str
    blocks: tuple[Block, ...]
    mentions: int
    attributions: int

    @property
    def words(self) -> int:
        """Return the number of words of every block, credits included."""
        return sum(count_words(b.text) + count_words(b.credit) for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Articles, glossary entries and sources generated from one random seed."""

    seed: int
    entities: tuple[Entity, ...]
    sources: tuple[Source, ...]
    articles: tuple[Article, ...]


def count_words(text: str) -> int:
    """Return the number of words in ``text``, counted as the plugin counts them."""
    return len(_WORD_RE.findall(text))


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug of ``text`` (letters, digits, single hyphens)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- glossary and sources --------------------------------------------------------------


def _template_words() -> frozenset[str]:
    """Return every lower-cased word of the templates, so coined names never equal one."""
    texts: list[str] = []
    for group in (
        _PLAIN_WITH_ENTITIES,
        _PLAIN_WITHOUT_ENTITIES,
        _ATTRIBUTED,
        _SUBHEADINGS,
        _CAPTIONS,
        _HEADLINES,
        _SECTORS,
        _MONTHS,
        _WHEN,
        _ORG_KINDS,
        _ROLES,
        _CREDITS,
    ):
        texts.extend(group)
    texts.extend(name for name, _kind, _aliases in _SOURCES)
    return frozenset(w.lower() for text in texts for w in _WORD_RE.findall(text))


def _coin_word(rng: random.Random) -> str:
    """Return a capitalised made-up word of two or three syllables."""
    count = 2 if rng.random() < 0.6 else 3
    return "".join(rng.choice(_SYLLABLES) for _ in range(count)).capitalize()


def _candidate(
    entity_type: str, rng: random.Random, places: Sequence[str]
) -> tuple[str, tuple[str, ...], str]:
    """Return a (name, aliases, description) proposal for an entry of ``entity_type``."""
    word = _coin_word(rng)
    where = rng.choice(places) if places else "the region"
    if entity_type == "person":
        last = word
        name = f"{rng.choice(_FIRST_NAMES)} {last}"
        return name, (last,), f"{rng.choice(_ROLES).capitalize()} based in {where}."
    if entity_type == "organization":
        name = f"{word} {rng.choice(_ORG_KINDS)}"
        acronym = "".join(part[0] for part in name.split() if part[0].isupper())
        aliases = (acronym,) if rng.random() < 0.5 else ()
        return name, aliases, f"Public body in {where} that appears in the benchmark corpus."
    if entity_type == "place":
        name = rng.choice(_PLACE_FORMS).format(w=word)
        return name, (), f"Region of about {rng.randint(2, 90) * 10000:,} inhabitants."
    forms = {"equipment": _EQUIPMENT_FORMS, "event": _EVENT_FORMS, "other": _OTHER_FORMS}
    name = rng.choice(forms[entity_type]).format(w=word, n=rng.randint(2, 900))
    return name, (), f"{entity_type.capitalize()} associated with {where}."


def make_entities(count: int, rng: random.Random, reserved: Iterable[str] = ()) -> list[Entity]:
    """Return ``count`` glossary entries whose names and aliases are all distinct.

    No surface (name or alias, case-folded) repeats, equals a word of the article
    templates, or equals one of ``reserved`` (source names and aliases).
    """
    taken = set(_template_words()) | {r.lower() for r in reserved}
    ids: set[str] = set()
    places: list[str] = []
    entities: list[Entity] = []
    while len(entities) < count:
        entity_type = _TYPE_CYCLE[len(entities) % len(_TYPE_CYCLE)]
        name, aliases, description = _candidate(entity_type, rng, places)
        surfaces = [name, *aliases]
        keys = {s.lower() for s in surfaces}
        if keys & taken or len(keys) < len(surfaces) or any(len(s) < 3 for s in surfaces):
            continue
        entry_id = slugify(name)
        if entry_id in ids:
            continue
        taken |= keys
        ids.add(entry_id)
        if entity_type == "place":
            places.append(name)
        entities.append(Entity(entry_id, name, entity_type, aliases, description))
    return entities


def make_sources() -> list[Source]:
    """Return the sources registry of the corpus (the same for every corpus)."""
    return [
        Source(
            slugify(name),
            name,
            kind,
            aliases,
            f"https://{slugify(name)}.example.org/",
            f"Synthetic {kind} cited by the benchmark corpus.",
        )
        for name, kind, aliases in _SOURCES
    ]


# --- articles --------------------------------------------------------------------------


class _Picker:
    """Zipf-weighted choice of entities by type: a few entries are mentioned very often."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_kind: dict[str, list[Entity]] = {"person": [], "org": [], "place": [], "thing": []}
        for entity in entities:
            self.by_kind[_slot_kind(entity.type)].append(entity)
        self.weights: dict[str, list[float]] = {}
        for kind, members in self.by_kind.items():
            total = 0.0
            cumulative: list[float] = []
            for rank in range(len(members)):
                total += 1.0 / (rank + 1) ** _ZIPF_EXPONENT
                cumulative.append(total)
            self.weights[kind] = cumulative

    def cast(self, rng: random.Random, kind: str, size: int) -> list[Entity]:
        """Return up to ``size`` distinct entities of slot kind ``kind``."""
        members = self.by_kind[kind]
        chosen: dict[str, Entity] = {}
        for _ in range(size * 4):
            if len(chosen) >= min(size, len(members)):
                break
            entity = rng.choices(members, cum_weights=self.weights[kind], k=1)[0]
            chosen.setdefault(entity.id, entity)
        return list(chosen.values())


def _slot_kind(entity_type: str) -> str:
    if entity_type == "organization":
        return "org"
    if entity_type in _THING_TYPES:
        return "thing"
    return entity_type


class _ArticleWriter:
    """Fills templates for one article, keeping count of mentions and attributions."""

    def __init__(
        self, rng: random.Random, cast: dict[str, list[Entity]], sources: Sequence[Source]
    ) -> None:
        self.rng = rng
        self.cast = cast
        self.sources = sources
        self.media = [s for s in sources if s.kind in _MEDIA_KINDS]
        self.seen: set[str] = set()
        self.mentions = 0
        self.attributions = 0
        self.decks: dict[tuple[str, ...], list[str]] = {}
        # Real copy mixes straight and typographic apostrophes; the matcher must not care.
        self.apostrophe = _RIGHT_QUOTE if rng.random() < 0.7 else "'"

    def mention(self, kind: str, avoid: str = "") -> tuple[str, str]:
        """Return (surface, entity id) of a cast member: full name first, then often its alias."""
        members = [e for e in self.cast[kind] if e.id != avoid] or self.cast[kind]
        entity = self.rng.choice(members)
        self.mentions += 1
        if entity.id in self.seen and entity.aliases and self.rng.random() < 0.7:
            return self.rng.choice(entity.aliases), entity.id
        self.seen.add(entity.id)
        return entity.name, entity.id

    def cite(self, source: Source) -> str:
        """Return how a sentence names ``source``: its name after 'the', or an alias."""
        if source.aliases and self.rng.random() < 0.3:
            return self.rng.choice(source.aliases)
        return f"the {source.name}"

    def fill(self, template: str) -> str:
        """Return ``template`` with every ``{slot}`` filled."""
        used: dict[str, str] = {}

        def value(match: re.Match[str]) -> str:
            slot = match.group(1)
            if slot in _ENTITY_SLOTS:
                kind = slot.rstrip("2")
                surface, entity_id = self.mention(kind, avoid=used.get(kind, ""))
                used[kind] = entity_id
                return surface
            return self._filler(slot)

        return _SLOT_RE.sub(value, template).replace("'", self.apostrophe)

    def _filler(self, slot: str) -> str:
        rng = self.rng
        fillers: dict[str, Callable[[], str]] = {
            "n": lambda: str(rng.randint(2, 90)),
            "year": lambda: str(rng.randint(2009, 2017)),
            "month": lambda: rng.choice(_MONTHS),
            "sector": lambda: rng.choice(_SECTORS),
            "Sector": lambda: rng.choice(_SECTORS).capitalize(),
            "when": lambda: rng.choice(_WHEN),
            "source": lambda: self.cite(rng.choice(self.sources)),
            "Source": lambda: _capitalise(self.cite(rng.choice(self.sources))),
            "media": lambda: self.cite(rng.choice(self.media)),
        }
        return fillers[slot]()

    def draw(self, pool: tuple[str, ...]) -> str:
        """Return a template of ``pool``, not repeating one until the pool is used up."""
        deck = self.decks.get(pool)
        if not deck:
            deck = list(pool)
            self.rng.shuffle(deck)
            self.decks[pool] = deck
        return deck.pop()

    def sentence(self, with_entities: bool) -> str:
        """Return one filled sentence without attribution."""
        pool = _PLAIN_WITH_ENTITIES if with_entities else _PLAIN_WITHOUT_ENTITIES
        return _tidy(self.fill(self.draw(pool)))

    def attributed(self) -> str:
        """Return one filled sentence with an attribution."""
        self.attributions += 1
        return _tidy(self.fill(self.draw(_ATTRIBUTED)))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tidy(sentence: str) -> str:
    """Return ``sentence`` without the double space an empty ``{when}`` leaves."""
    return " ".join(sentence.split()).replace(" .", ".").replace(" ,", ",")


def make_article(
    number: int,
    rng: random.Random,
    picker: _Picker,
    sources: Sequence[Source],
    start: date,
    days: int,
) -> Article:
    """Return one article of about 700 words, 25 mentions and 5 attributions."""
    cast = {
        "person": picker.cast(rng, "person", 4),
        "org": picker.cast(rng, "org", 3),
        "place": picker.cast(rng, "place", 3),
        "thing": picker.cast(rng, "thing", 2),
    }
    writer = _ArticleWriter(rng, cast, sources)
    target_words = rng.randint(650, 750)
    target_mentions = rng.randint(22, 28)
    target_attributions = rng.randint(4, 6)
    blocks: list[Block] = [Block("paragraph", f"{writer.sentence(True)} {writer.attributed()}")]
    headline = writer.fill(rng.choice(_HEADLINES))
    words = count_words(blocks[0].text)
    subheading_at = {3, 6} if rng.random() < 0.5 else {4}
    caption_at = {2, 5} if rng.random() < 0.5 else {3}
    index = 1
    while words < target_words:
        if index in subheading_at:
            blocks.append(Block("subheading", _capitalise(writer.fill(writer.draw(_SUBHEADINGS)))))
        sentences: list[str] = []
        attribute_here = index % 2 == 1 and writer.attributions < target_attributions
        for position in range(rng.randint(3, 4)):
            if attribute_here and position == 1:
                sentences.append(writer.attributed())
                continue
            due = target_mentions * min(1.0, words / target_words) + 2
            sentences.append(writer.sentence(writer.mentions < due))
            words += count_words(sentences[-1])
        blocks.append(Block("paragraph", " ".join(sentences)))
        if index in caption_at:
            caption = _tidy(writer.fill(writer.draw(_CAPTIONS)))
            blocks.append(Block("caption", caption, rng.choice(_CREDITS)))
        words = sum(count_words(b.text) for b in blocks)
        index += 1
    published = start + timedelta(days=rng.randrange(days))
    return Article(number, published, headline, tuple(blocks), writer.mentions, writer.attributions)


def make_corpus(articles: int, entries: int, seed: int = DEFAULT_SEED) -> Corpus:
    """Return a corpus of ``articles`` articles and a glossary of ``entries`` entries.

    The same arguments always give the same corpus.
    """
    rng = random.Random(seed)
    sources = make_sources()
    reserved = [s for source in sources for s in (source.name, *source.aliases)]
    entities = make_entities(entries, rng, reserved)
    picker = _Picker(entities)
    start, days = date(2018, 1, 1), 6 * 365
    written = [make_article(n, rng, picker, sources, start, days) for n in range(articles)]
    return Corpus(seed, tuple(entities), tuple(sources), tuple(written))


# --- writing sites ---------------------------------------------------------------------


def seed_text(article: Article) -> str:
    """Return ``article`` in the seed format: ``date`` line with the lede, blank-line blocks."""
    parts: list[str] = []
    for block in article.blocks:
        if block.kind == "caption":
            parts.append(f"{block.text} Credit: {block.credit}")
        else:
            parts.append(block.text)
    return f"date {article.date.isoformat()} " + "\n\n".join(parts) + "\n"


def markdown_page(article: Article) -> str:
    """Return ``article`` as a plain Markdown page: a title, then each block as text."""
    parts = [f"# {article.headline}"]
    for block in article.blocks:
        if block.kind == "subheading":
            parts.append(f"## {block.text}")
        elif block.kind == "caption":
            parts.append(f"{block.text} Credit: {block.credit}")
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


def _dump_yaml(data: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def glossary_files(entities: Iterable[Entity]) -> dict[str, str]:
    """Return the glossary as YAML text by file name, one file per entity type."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for entity in entities:
        by_type.setdefault(entity.type, []).append(
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "description": entity.description,
            }
        )
    return {f"{kind}.yml": _dump_yaml(items) for kind, items in sorted(by_type.items())}


def sources_file(sources: Iterable[Source]) -> str:
    """Return the sources registry as YAML text."""
    return _dump_yaml(
        [
            {
                "id": s.id,
                "name": s.name,
                "aliases": list(s.aliases),
                "kind": s.kind,
                "url": s.url,
                "description": s.description,
            }
            for s in sources
        ]
    )


def _config(base_config: Path, nav: Sequence[tuple[str, str]], plugin_options: str) -> str:
    nav_lines = "\n".join(f"  - {title}: {uri}" for title, uri in nav)
    return (
        "# Written by benchmarks/corpus.py: the project's theme and Markdown extensions,\n"
        "# a small nav (Material renders the nav into every page) and a non-strict build\n"
        "# (a small corpus cannot mention every entry of a large glossary).\n"
        f"INHERIT: {base_config.resolve().as_posix()}\n"
        "docs_dir: docs\n"
        "strict: false\n"
        f"nav:\n{nav_lines}\n"
        "plugins:\n"
        "  - search\n"
        f"  - briefings:\n{plugin_options}"
    )


_ABOUT = "# About\n\nA synthetic site written by the briefings build benchmark.\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_plugin_site(corpus: Corpus, root: Path, base_config: Path = PROJECT_CONFIG) -> Path:
    """Write a site whose briefings come from seeds through the plugin; return its config path."""
    for article in corpus.articles:
        text = seed_text(article)
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
        _write(root / "seeds" / f"{article.number:05d}_{digest}.txt", text)
    for name, text in glossary_files(corpus.entities).items():
        _write(root / "glossary" / name, text)
    _write(root / "sources.yml", sources_file(corpus.sources))
    _write(root / "docs" / "about.md", _ABOUT)
    nav = (
        ("Home", "index.md"),
        ("Archive", "archive/index.md"),
        ("Glossary", "glossary.md"),
        ("Sources", "sources.md"),
        ("About", "about.md"),
    )
    options = (
        "      enabled: true\n"
        "      seeds_dir: seeds\n"
        "      glossary_dir: glossary\n"
        "      sources_file: sources.yml\n"
    )
    config = root / "mkdocs.yml"
    _write(config, _config(base_config, nav, options))
    return config


def plain_page_uri(article: Article) -> str:
    """Return the docs-relative path of ``article``'s page in the plain site."""
    return f"briefings/{article.date.isoformat()}-{article.number:05d}.md"


def write_plain_site(corpus: Corpus, root: Path, base_config: Path = PROJECT_CONFIG) -> Path:
    """Write the same articles as plain Markdown pages, plugin disabled; return the config path."""
    for article in corpus.articles:
        _write(root / "docs" / plain_page_uri(article), markdown_page(article))
    _write(root / "docs" / "index.md", "# Briefings\n\nThe newest briefings, in plain Markdown.\n")
    _write(root / "docs" / "about.md", _ABOUT)
    config = root / "mkdocs.yml"
    _write(config, _config(base_config, (("Home", "index.md"), ("About", "about.md")), ""))
    config.write_text(config.read_text(encoding="utf-8") + "      enabled: false\n", "utf-8")
    return config


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """Means per article of what the generator wrote."""

    articles: int
    entries: int
    words: float
    mentions: float
    attributions: float
    subheadings: float
    captions: float


def corpus_stats(corpus: Corpus) -> CorpusStats:
    """Return the per-article means of words, mentions, attributions, subheadings, captions."""
    count = max(1, len(corpus.articles))

    def mean(values: Iterable[int]) -> float:
        return sum(values) / count

    articles = corpus.articles
    return CorpusStats(
        len(articles),
        len(corpus.entities),
        mean(a.words for a in articles),
        mean(a.mentions for a in articles),
        mean(a.attributions for a in articles),
        mean(sum(b.kind == "subheading" for b in a.blocks) for a in articles),
        mean(sum(b.kind == "caption" for b in a.blocks) for a in articles),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write a plugin site and a plain site under ``--out``; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=100, help="number of articles (N)")
    parser.add_argument("--glossary", type=int, default=500, help="glossary entries (G)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (new)")
    parser.add_argument("--base-config", type=Path, default=PROJECT_CONFIG)
    args = parser.parse_args(argv)
    corpus = make_corpus(args.articles, args.glossary, args.seed)
    plugin = write_plugin_site(corpus, args.out / "plugin", args.base_config)
    plain = write_plain_site(corpus, args.out / "plain", args.base_config)
    print(f"plugin site: {plugin}\nplain site:  {plain}\n{corpus_stats(corpus)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

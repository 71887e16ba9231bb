"""Synthetic corpus for the build benchmark: seed articles, a glossary and a sources registry.

Everything comes from one ``random.Random(seed)``, so a given (articles, entries, seed,
density) always gives the same corpus. Articles look like wire copy on everyday policy
topics (energy, water, trade, transport...) with a lede on the ``date`` line. Two densities:

- ``realistic`` (the default, the one the targets apply to) matches real articles: about
  600 words, 10 to 12 entity mentions per 100 words of which about a third repeat a name
  the article already used (the surname after the full name, the same name again), about
  30 % of the names used per article missing from the glossary (coined "unreviewed" names
  of people, organisations, places and equipment, written with the cues the plugin's
  discovery reads: "Defence Minister Anatoli Brovko", "the port of Velmora", "the
  Karsk Shipping Group"), 6 to 10 attributions ("according to X", "X said on Tuesday",
  '"...," said X', "a report seen by X"...), one subheading and one or two photo captions
  ending in ``Credit: NAME``;
- ``low`` is the corpus of issue 9: about 700 words, 25 glossary mentions (3.7 per 100
  words), no unreviewed names, about 5 attributions, one or two subheadings.

Glossary and unreviewed names are coined from syllables so that they never collide with the
English of the templates or with each other; which entries an article mentions follows a
Zipf law, as a few entities dominate real news. Word lists and templates live in
:mod:`benchmarks.vocabulary`; :mod:`benchmarks.sites` writes a corpus out as sites.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from benchmarks import vocabulary

DEFAULT_SEED = 20220907
"""The fixed random seed of every benchmark corpus."""

DENSITIES = ("realistic", "low")
"""The kinds of corpus: ``realistic`` (real articles' density, the default) and ``low``."""

UNREVIEWED_POOL = 2000
"""How many distinct names outside the glossary a realistic corpus draws from (Zipf)."""

_ZIPF_EXPONENT = 0.9
_RIGHT_QUOTE = "\u2019"  # the typographic apostrophe most seeds use
_WORD_RE = re.compile(r"\w+(?:[-'\u2019]\w+)*")
_SLOT_RE = re.compile(r"\{(\w+)\}")
_ENTITY_SLOTS = frozenset({"person", "person2", "org", "org2", "place", "place2", "thing"})
_DENSE_SLOTS = frozenset({*_ENTITY_SLOTS, "place3", "speaker", "body"})
_SPEAKER_SLOTS = {"speaker": "person", "body": "org"}  # glossary entries only


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
    mentions: int  # glossary mentions written
    attributions: int
    new_mentions: int = 0  # mentions of names the glossary lacks (unreviewed)
    repeats: int = 0  # mentions of a name the article used before
    names: int = 0  # distinct entities mentioned, glossary or not (0: not recorded)
    new_ids: tuple[str, ...] = ()  # the unreviewed entities mentioned, in order

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
    unreviewed: tuple[Unreviewed, ...] = ()
    density: str = "low"


@dataclass(frozen=True, slots=True)
class Unreviewed:
    """A name the glossary lacks, for the plugin's discovery to find.

    ``cue`` writes it the first time, with the words that tell its type ("Governor {name}",
    "the port of {name}", "{name} drone"); ``aliases`` are its shorter forms (a surname).
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    cue: str


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
        vocabulary.PLAIN_WITH_ENTITIES,
        vocabulary.PLAIN_WITHOUT_ENTITIES,
        vocabulary.ATTRIBUTED,
        vocabulary.SUBHEADINGS,
        vocabulary.CAPTIONS,
        vocabulary.HEADLINES,
        vocabulary.SECTORS,
        vocabulary.MONTHS,
        vocabulary.WHEN,
        vocabulary.ORG_KINDS,
        vocabulary.ROLES,
        vocabulary.CREDITS,
        vocabulary.DENSE_WITH_ENTITIES,
        vocabulary.LIGHT_WITH_ENTITIES,
        vocabulary.ATTRIBUTED_DENSE,
        vocabulary.CAPTIONS_DENSE,
        vocabulary.NEW_TITLES,
        vocabulary.NEW_ORG_FORMS,
        vocabulary.NEW_PLACE_CUES,
        vocabulary.NEW_EQUIPMENT_NOUNS,
        vocabulary.NEW_EVENT_FORMS,
        vocabulary.NEW_OTHER_FORMS,
    ):
        texts.extend(group)
    texts.extend(name for name, _kind, _aliases in vocabulary.SOURCES)
    return frozenset(w.lower() for text in texts for w in _WORD_RE.findall(text))


def _coin_word(rng: random.Random) -> str:
    """Return a capitalised made-up word of two or three syllables."""
    count = 2 if rng.random() < 0.6 else 3
    return "".join(rng.choice(vocabulary.SYLLABLES) for _ in range(count)).capitalize()


def _candidate(
    entity_type: str, rng: random.Random, places: Sequence[str]
) -> tuple[str, tuple[str, ...], str]:
    """Return a (name, aliases, description) proposal for an entry of ``entity_type``."""
    word = _coin_word(rng)
    where = rng.choice(places) if places else "the region"
    if entity_type == "person":
        last = word
        name = f"{rng.choice(vocabulary.FIRST_NAMES)} {last}"
        return name, (last,), f"{rng.choice(vocabulary.ROLES).capitalize()} based in {where}."
    if entity_type == "organization":
        name = f"{word} {rng.choice(vocabulary.ORG_KINDS)}"
        acronym = "".join(part[0] for part in name.split() if part[0].isupper())
        aliases = (acronym,) if rng.random() < 0.5 else ()
        return name, aliases, f"Public body in {where} that appears in the benchmark corpus."
    if entity_type == "place":
        name = rng.choice(vocabulary.PLACE_FORMS).format(w=word)
        return name, (), f"Region of about {rng.randint(2, 90) * 10000:,} inhabitants."
    forms = {
        "equipment": vocabulary.EQUIPMENT_FORMS,
        "event": vocabulary.EVENT_FORMS,
        "other": vocabulary.OTHER_FORMS,
    }
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
        entity_type = vocabulary.TYPE_CYCLE[len(entities) % len(vocabulary.TYPE_CYCLE)]
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
        for name, kind, aliases in vocabulary.SOURCES
    ]


# --- articles --------------------------------------------------------------------------


def _draw(
    decks: dict[tuple[str, ...], list[str]], rng: random.Random, pool: tuple[str, ...]
) -> str:
    """Return a template of ``pool`` from its shuffled deck in ``decks``, dealing a new deck
    when the last one is used up."""
    deck = decks.get(pool)
    if not deck:
        deck = list(pool)
        rng.shuffle(deck)
        decks[pool] = deck
    return deck.pop()


def _zipf_weights(size: int) -> list[float]:
    """Return the cumulative Zipf weights of ``size`` ranked members."""
    total = 0.0
    cumulative: list[float] = []
    for rank in range(size):
        total += 1.0 / (rank + 1) ** _ZIPF_EXPONENT
        cumulative.append(total)
    return cumulative


class _Picker:
    """Zipf-weighted choice of entities by type: a few entries are mentioned very often."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_kind: dict[str, list[Entity]] = {"person": [], "org": [], "place": [], "thing": []}
        for entity in entities:
            self.by_kind[_slot_kind(entity.type)].append(entity)
        self.weights = {kind: _zipf_weights(len(m)) for kind, m in self.by_kind.items()}

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
    if entity_type in vocabulary.THING_TYPES:
        return "thing"
    return entity_type


def _fill_slot(
    slot: str,
    rng: random.Random,
    cite: Callable[[Source], str],
    sources: Sequence[Source],
    media: Sequence[Source],
) -> str:
    """Return the text of a template slot that is not an entity: a number, a month, a source."""
    fillers: dict[str, Callable[[], str]] = {
        "n": lambda: str(rng.randint(2, 90)),
        "year": lambda: str(rng.randint(2009, 2017)),
        "month": lambda: rng.choice(vocabulary.MONTHS),
        "sector": lambda: rng.choice(vocabulary.SECTORS),
        "Sector": lambda: rng.choice(vocabulary.SECTORS).capitalize(),
        "when": lambda: rng.choice(vocabulary.WHEN),
        "source": lambda: cite(rng.choice(sources)),
        "Source": lambda: _capitalise(cite(rng.choice(sources))),
        "media": lambda: cite(rng.choice(media)),
    }
    return fillers[slot]()


class _ArticleWriter:
    """Fills templates for one article, keeping count of mentions and attributions."""

    def __init__(
        self, rng: random.Random, cast: dict[str, list[Entity]], sources: Sequence[Source]
    ) -> None:
        self.rng = rng
        self.cast = cast
        self.sources = sources
        self.media = [s for s in sources if s.kind in vocabulary.MEDIA_KINDS]
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
        return _fill_slot(slot, self.rng, self.cite, self.sources, self.media)

    def draw(self, pool: tuple[str, ...]) -> str:
        """Return a template of ``pool``, not repeating one until the pool is used up."""
        return _draw(self.decks, self.rng, pool)

    def sentence(self, with_entities: bool) -> str:
        """Return one filled sentence without attribution."""
        pool = (
            vocabulary.PLAIN_WITH_ENTITIES if with_entities else vocabulary.PLAIN_WITHOUT_ENTITIES
        )
        return _tidy(self.fill(self.draw(pool)))

    def attributed(self) -> str:
        """Return one filled sentence with an attribution."""
        self.attributions += 1
        return _tidy(self.fill(self.draw(vocabulary.ATTRIBUTED)))


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
    headline = writer.fill(rng.choice(vocabulary.HEADLINES))
    words = count_words(blocks[0].text)
    subheading_at = {3, 6} if rng.random() < 0.5 else {4}
    caption_at = {2, 5} if rng.random() < 0.5 else {3}
    index = 1
    while words < target_words:
        if index in subheading_at:
            blocks.append(
                Block("subheading", _capitalise(writer.fill(writer.draw(vocabulary.SUBHEADINGS))))
            )
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
            caption = _tidy(writer.fill(writer.draw(vocabulary.CAPTIONS)))
            blocks.append(Block("caption", caption, rng.choice(vocabulary.CREDITS)))
        words = sum(count_words(b.text) for b in blocks)
        index += 1
    published = start + timedelta(days=rng.randrange(days))
    return Article(number, published, headline, tuple(blocks), writer.mentions, writer.attributions)


# --- names the glossary lacks (realistic corpus) ---------------------------------------


def _coin_new_word(rng: random.Random) -> str:
    """Return a capitalised made-up word from the syllables of unreviewed names."""
    count = 1 if rng.random() < 0.6 else 2
    stem = "".join(rng.choice(vocabulary.NEW_SYLLABLES) for _ in range(count))
    return (stem + rng.choice(vocabulary.NEW_ENDINGS)).capitalize()


def _new_candidate(
    entity_type: str, rng: random.Random, word: str
) -> tuple[str, tuple[str, ...], str]:
    """Return (name, aliases, cue) of an unreviewed ``entity_type`` named after ``word``."""
    if entity_type == "person":
        name = f"{rng.choice(vocabulary.NEW_FIRST_NAMES)} {word}"
        cue = f"{rng.choice(vocabulary.NEW_TITLES)} {{name}}" if rng.random() < 0.6 else "{name}"
        return name, (word,), cue
    if entity_type == "organization":
        return rng.choice(vocabulary.NEW_ORG_FORMS).format(w=word), (), "{name}"
    if entity_type == "place":
        return word, (), rng.choice(vocabulary.NEW_PLACE_CUES)
    if entity_type == "equipment":
        name = f"{word}-{rng.randint(2, 90)}"
        return name, (), f"{{name}} {rng.choice(vocabulary.NEW_EQUIPMENT_NOUNS)}"
    forms = vocabulary.NEW_EVENT_FORMS if entity_type == "event" else vocabulary.NEW_OTHER_FORMS
    return rng.choice(forms).format(w=word), (), "{name}"


def make_unreviewed(
    count: int, rng: random.Random, entities: Iterable[Entity], reserved: Iterable[str] = ()
) -> list[Unreviewed]:
    """Return ``count`` names that are not in the glossary, each with its own coined word.

    No coined word equals a word of the templates, of a glossary surface, of ``reserved``
    (source names) or of another unreviewed name, so neither the glossary's matcher nor the
    merging of discovery can tie two different entities together.
    """
    taken = set(_template_words()) | {
        w.lower()
        for text in (*reserved, *(s for e in entities for s in (e.name, *e.aliases)))
        for w in _WORD_RE.findall(text)
    }
    taken |= {name.lower() for name in vocabulary.NEW_FIRST_NAMES}
    ids: set[str] = set()
    found: list[Unreviewed] = []
    while len(found) < count:
        entity_type = vocabulary.TYPE_CYCLE[len(found) % len(vocabulary.TYPE_CYCLE)]
        word = _coin_new_word(rng)
        if word.lower() in taken or len(word) < 4:
            continue
        name, aliases, cue = _new_candidate(entity_type, rng, word)
        entry_id = slugify(name)
        if entry_id in ids:
            continue
        taken.add(word.lower())
        ids.add(entry_id)
        found.append(Unreviewed(entry_id, name, entity_type, aliases, cue))
    return found


class _ZipfPool:
    """Zipf-weighted draws by slot kind from any sequence of typed names."""

    def __init__(self, members: Sequence[Entity | Unreviewed]) -> None:
        self.by_kind: dict[str, list[Entity | Unreviewed]] = {
            "person": [],
            "org": [],
            "place": [],
            "thing": [],
        }
        for member in members:
            self.by_kind[_slot_kind(member.type)].append(member)
        self.weights = {kind: _zipf_weights(len(g)) for kind, g in self.by_kind.items()}

    def draw(
        self, rng: random.Random, kind: str, avoid: Collection[str]
    ) -> Entity | Unreviewed | None:
        """Return a member of ``kind`` whose id is not in ``avoid``, or None after a few tries."""
        group = self.by_kind[kind]
        if not group:
            return None
        for _ in range(8):
            member = rng.choices(group, cum_weights=self.weights[kind], k=1)[0]
            if member.id not in avoid:
                return member
        return None


class _DenseWriter:
    """Fills the templates of one realistic article and records what it wrote.

    Each entity slot is a mention: a repeat of a name already used (its short form, mostly)
    with a probability steered towards ``repeat_share``, else a new name, from outside the
    glossary with a probability steered towards ``new_share`` of the distinct names.
    """

    def __init__(
        self,
        rng: random.Random,
        glossary: _ZipfPool,
        unreviewed: _ZipfPool,
        sources: Sequence[Source],
    ) -> None:
        self.rng = rng
        self.glossary = glossary
        self.unreviewed = unreviewed
        self.sources = sources
        self.media = [s for s in sources if s.kind in vocabulary.MEDIA_KINDS]
        self.repeat_share = rng.uniform(0.30, 0.37)
        self.new_share = rng.uniform(0.27, 0.33)
        self.used: dict[str, Entity | Unreviewed] = {}  # id -> entity, in order of first use
        self.mentions = self.new_mentions = self.repeats = self.attributions = 0
        self.decks: dict[tuple[str, ...], list[str]] = {}
        self.apostrophe = _RIGHT_QUOTE if rng.random() < 0.7 else "'"

    @property
    def total(self) -> int:
        """Return every entity mention written so far."""
        return self.mentions + self.new_mentions

    def _repeat_surface(self, entity: Entity | Unreviewed) -> str:
        if isinstance(entity, Unreviewed):
            if entity.aliases and self.rng.random() < 0.75:
                return self.rng.choice(entity.aliases)
            if entity.type == "equipment" or self.rng.random() < 0.2:
                return entity.cue.format(name=entity.name)
            return entity.name
        if entity.aliases and self.rng.random() < 0.7:
            return self.rng.choice(entity.aliases)
        return entity.name

    def _count(self, entity: Entity | Unreviewed) -> None:
        if isinstance(entity, Unreviewed):
            self.new_mentions += 1
        else:
            self.mentions += 1

    def mention(self, kind: str, avoid: set[str], *, reviewed: bool, repeat: bool) -> str:
        """Return the words of one mention of a ``kind`` entity not in ``avoid``.

        ``reviewed`` allows glossary entries only (a speaker, so footnotes resolve);
        ``repeat`` prefers a name already used (a subheading introduces no one).
        """
        rng = self.rng
        seen = [
            e
            for e in self.used.values()
            if _slot_kind(e.type) == kind
            and e.id not in avoid
            and not (reviewed and isinstance(e, Unreviewed))
        ]
        share = self.repeats / self.total if self.total else 0.0
        wants_repeat = rng.random() < (0.55 if share < self.repeat_share else 0.15)
        if seen and (repeat or wants_repeat):
            entity: Entity | Unreviewed | None = rng.choice(seen)
        else:
            entity = None
            new_names = sum(isinstance(e, Unreviewed) for e in self.used.values())
            new_share = new_names / len(self.used) if self.used else 0.0
            if not reviewed and rng.random() < (0.6 if new_share < self.new_share else 0.1):
                entity = self.unreviewed.draw(rng, kind, self.used.keys() | avoid)
            if entity is None:
                entity = self.glossary.draw(rng, kind, self.used.keys() | avoid)
            if entity is None:  # a small glossary: say a name again
                entity = rng.choice(seen) if seen else self.glossary.draw(rng, kind, avoid)
        if entity is None:
            raise ValueError(f"the glossary has no entry for a '{kind}' slot")
        avoid.add(entity.id)
        self._count(entity)
        if entity.id in self.used:
            self.repeats += 1
            return self._repeat_surface(entity)
        self.used[entity.id] = entity
        if isinstance(entity, Unreviewed):
            return entity.cue.format(name=entity.name)
        return entity.name

    def cite(self, source: Source) -> str:
        """Return how a sentence names ``source``: its name after 'the', or an alias."""
        if source.aliases and self.rng.random() < 0.3:
            return self.rng.choice(source.aliases)
        return f"the {source.name}"

    def fill(self, template: str, *, repeat: bool = False) -> str:
        """Return ``template`` with every ``{slot}`` filled, its first letter a capital."""
        avoid: set[str] = set()
        rng = self.rng

        def value(match: re.Match[str]) -> str:
            slot = match.group(1)
            if slot in _SPEAKER_SLOTS:
                return self.mention(_SPEAKER_SLOTS[slot], avoid, reviewed=True, repeat=repeat)
            if slot in _DENSE_SLOTS:
                kind = slot.rstrip("23")
                return self.mention(kind, avoid, reviewed=False, repeat=repeat)
            return _fill_slot(slot, rng, self.cite, self.sources, self.media)

        text = _SLOT_RE.sub(value, template).replace("'", self.apostrophe)
        return _capitalise(_tidy(text))

    def draw(self, pool: tuple[str, ...]) -> str:
        """Return a template of ``pool``, not repeating one until the pool is used up."""
        return _draw(self.decks, self.rng, pool)

    def sentence(self, density: float, target: float) -> str:
        """Return one sentence without attribution: dense while the article is below target."""
        pool: tuple[str, ...]
        if density < target:
            pool = vocabulary.DENSE_WITH_ENTITIES
        elif self.rng.random() < 0.6:
            pool = vocabulary.LIGHT_WITH_ENTITIES
        else:
            pool = vocabulary.PLAIN_WITHOUT_ENTITIES
        return self.fill(self.draw(pool))

    def attributed(self) -> str:
        """Return one sentence with an attribution."""
        self.attributions += 1
        return self.fill(self.draw(vocabulary.ATTRIBUTED_DENSE))


def make_dense_article(
    number: int,
    rng: random.Random,
    glossary: _ZipfPool,
    unreviewed: _ZipfPool,
    sources: Sequence[Source],
    start: date,
    days: int,
) -> Article:
    """Return one realistic article: ~600 words, ~11 mentions per 100, 6-10 attributions."""
    writer = _DenseWriter(rng, glossary, unreviewed, sources)
    target_words = rng.randint(560, 640)
    target_density = rng.uniform(10.4, 11.6)
    target_attributions = rng.randint(6, 10)
    blocks: list[Block] = []
    words = 0

    def density() -> float:
        return 100.0 * writer.total / words if words else 0.0

    lede = f"{writer.sentence(0.0, target_density)} {writer.attributed()}"
    blocks.append(Block("paragraph", lede))
    words = count_words(lede)
    headline = writer.fill(rng.choice(vocabulary.HEADLINES))
    subheading_at = rng.randint(3, 5)
    caption_at = {2, 6} if rng.random() < 0.5 else {4}
    index = 1
    while words < target_words or writer.attributions < target_attributions:
        if index == subheading_at:
            text = writer.fill(writer.draw(vocabulary.SUBHEADINGS), repeat=True)
            blocks.append(Block("subheading", text))
            words += count_words(text)
        sentences: list[str] = []
        for _ in range(rng.randint(2, 4)):
            progress = min(1.0, words / target_words)
            due = writer.attributions < min(
                target_attributions, target_attributions * progress + 0.5
            )
            if words >= target_words or (due and rng.random() < 0.7):
                sentences.append(writer.attributed())
            else:
                sentences.append(writer.sentence(density(), target_density))
            words += count_words(sentences[-1])
            if words >= target_words and writer.attributions >= target_attributions:
                break
        blocks.append(Block("paragraph", " ".join(sentences)))
        if index in caption_at:
            caption = writer.fill(writer.draw(vocabulary.CAPTIONS_DENSE))
            credit = rng.choice(vocabulary.CREDITS)
            blocks.append(Block("caption", caption, credit))
            words += count_words(caption) + count_words(credit)
        index += 1
    if not any(b.kind == "caption" for b in blocks):
        caption = writer.fill(writer.draw(vocabulary.CAPTIONS_DENSE))
        blocks.insert(2, Block("caption", caption, rng.choice(vocabulary.CREDITS)))
    published = start + timedelta(days=rng.randrange(days))
    new_ids = tuple(e.id for e in writer.used.values() if isinstance(e, Unreviewed))
    return Article(
        number,
        published,
        headline,
        tuple(blocks),
        writer.mentions,
        writer.attributions,
        new_mentions=writer.new_mentions,
        repeats=writer.repeats,
        names=len(writer.used),
        new_ids=new_ids,
    )


def make_corpus(
    articles: int, entries: int, seed: int = DEFAULT_SEED, density: str = "realistic"
) -> Corpus:
    """Return a corpus of ``articles`` articles and a glossary of ``entries`` entries.

    ``density`` is ``realistic`` (the default) or ``low`` (the corpus of issue 9). The same
    arguments always give the same corpus, and the first articles of a larger corpus are
    those of a smaller one.
    """
    if density not in DENSITIES:
        raise ValueError(f"density must be one of {', '.join(DENSITIES)}, not {density!r}")
    rng = random.Random(seed)
    sources = make_sources()
    reserved = [s for source in sources for s in (source.name, *source.aliases)]
    entities = make_entities(entries, rng, reserved)
    start, days = date(2018, 1, 1), 6 * 365
    if density == "low":
        picker = _Picker(entities)
        written = [make_article(n, rng, picker, sources, start, days) for n in range(articles)]
        return Corpus(seed, tuple(entities), tuple(sources), tuple(written), (), density)
    unreviewed = make_unreviewed(UNREVIEWED_POOL, rng, entities, reserved)
    glossary_pool, new_pool = _ZipfPool(entities), _ZipfPool(unreviewed)
    written = [
        make_dense_article(n, rng, glossary_pool, new_pool, sources, start, days)
        for n in range(articles)
    ]
    return Corpus(seed, tuple(entities), tuple(sources), tuple(written), tuple(unreviewed), density)


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """Means per article of what the generator wrote."""

    articles: int
    entries: int
    words: float
    mentions: float  # glossary mentions
    attributions: float
    subheadings: float
    captions: float
    new_mentions: float = 0.0  # mentions of names outside the glossary
    repeats: float = 0.0  # mentions of a name already used in the article
    names: float = 0.0  # distinct names per article (0: not recorded)
    new_names: float = 0.0  # of which outside the glossary
    density: str = "low"

    @property
    def all_mentions(self) -> float:
        """Return the mean entity mentions per article, glossary or not."""
        return self.mentions + self.new_mentions

    @property
    def per_100_words(self) -> float:
        """Return entity mentions (glossary or not) per 100 words."""
        return 100.0 * self.all_mentions / self.words if self.words else 0.0


def corpus_stats(corpus: Corpus) -> CorpusStats:
    """Return the per-article means of what the generator wrote."""
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
        new_mentions=mean(a.new_mentions for a in articles),
        repeats=mean(a.repeats for a in articles),
        names=mean(a.names for a in articles),
        new_names=mean(len(a.new_ids) for a in articles),
        density=corpus.density,
    )

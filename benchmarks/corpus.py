"""Synthetic corpus for the build benchmark: seed articles, a glossary and a sources registry.

Everything comes from one ``random.Random(seed)``, so a given (articles, entries, seed)
always gives the same corpus. Articles look like wire copy on everyday policy topics
(energy, water, trade, transport...): about 700 words, a lede on the ``date`` line,
paragraphs of three or four sentences, one or two subheadings, one or two photo captions
ending in ``Credit: NAME``, about 25 glossary mentions and about 5 attributions
("according to X", "X said", "told X", "in an interview with X", an anonymous official).

Glossary names are coined from syllables so that they never collide with the English of
the templates; which entries an article mentions follows a Zipf law over the glossary, as
a few entities dominate real news. Word lists and templates live in
:mod:`benchmarks.vocabulary`; :mod:`benchmarks.sites` writes a corpus out as two sites.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from benchmarks import vocabulary

DEFAULT_SEED = 20220907
"""The fixed random seed of every benchmark corpus."""

_ZIPF_EXPONENT = 0.9
_RIGHT_QUOTE = "\u2019"  # the typographic apostrophe most seeds use
_WORD_RE = re.compile(r"\w+(?:[-'\u2019]\w+)*")
_SLOT_RE = re.compile(r"\{(\w+)\}")
_ENTITY_SLOTS = frozenset({"person", "person2", "org", "org2", "place", "place2", "thing"})


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
    if entity_type in vocabulary.THING_TYPES:
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
        rng = self.rng
        fillers: dict[str, Callable[[], str]] = {
            "n": lambda: str(rng.randint(2, 90)),
            "year": lambda: str(rng.randint(2009, 2017)),
            "month": lambda: rng.choice(vocabulary.MONTHS),
            "sector": lambda: rng.choice(vocabulary.SECTORS),
            "Sector": lambda: rng.choice(vocabulary.SECTORS).capitalize(),
            "when": lambda: rng.choice(vocabulary.WHEN),
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

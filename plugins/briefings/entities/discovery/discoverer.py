"""Find the people, organisations, places, equipment and events of one article, offline.

:class:`EntityDiscoverer` is built once per site build (it loads the gazetteers) and then
asked, article by article, for the names the glossary does not know yet. For one article it

1. cuts each paragraph into words and runs of capitalised words (:mod:`.spans`), and each
   run into names (:mod:`.segment`), an acronym definition first ("World Food Programme
   (WFP)" is one name whatever its words);
2. collects evidence for each distinct name: from the name itself and from every place it
   occurs (:mod:`.evidence`), from photo credits ("Credit: Reuters") and from lists
   ("Odesa, Chornomorsk and Pivdennyi" share a type);
3. merges the forms of one entity (:mod:`.merging`);
4. keeps the entities whose confidence reaches ``min_confidence`` and finds their mentions
   with the glossary's :class:`~briefings.entities.matcher.Matcher`, so discovered names are marked
   exactly like glossary names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from briefings.common.lexicon import (
    DOTTED_COMPANY_FORMS,
    EVENT_HEADS,
    FUNCTION_WORDS,
    ORG_HEADS,
    ORG_INITIAL_HEADS,
    OTHER_HEADS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    SHORT_MODIFIERS,
)
from briefings.common.names import fold_case, normalise_surface
from briefings.common.text import slugify
from briefings.entities.discovery.aliases import (
    acronym_after,
    bracketed_after,
    definition_start,
    is_alias_gap,
    is_generic_definition,
)
from briefings.entities.discovery.evidence import (
    CREDIT_SCORE,
    PLACE_PREPOSITION_SCORE,
    STATEMENT_SCORE,
    context_evidence,
    is_speech_reason,
    name_evidence,
)
from briefings.entities.discovery.gazetteers import Gazetteers, fold, load_gazetteers
from briefings.entities.discovery.merging import NameRecord, UnionFind, group_names, score
from briefings.entities.discovery.segment import Evidence, Segment, segment_run
from briefings.entities.discovery.spans import Token, find_runs, tokenize
from briefings.entities.matcher import Matcher
from briefings.entities.model import Candidate, Mention

__all__ = ["Candidate", "EntityDiscoverer"]

_CREDIT_RE = re.compile(r"(?:Photo )?[Cc]redit:\s*(?P<credit>\S.*?)\s*\Z", re.DOTALL)
_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", " & ", " and the ", ", and the "})
_POSSESSIVES = frozenset({"'s", "’s"})
_PREPOSITION_REACH = 12  # characters before a name where its preposition may stand
# A preposition of place right before a name: "in ", "near ".
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![^\W_])(" + "|".join(sorted(PLACE_PREPOSITIONS)) + r") \Z"
)
_HEADS = ORG_HEADS | PLACE_HEADS | EVENT_HEADS | OTHER_HEADS
_SUBHEADING_MAX_WORDS = 15
# Words between two parts of one name that an acronym spells: "American University in Cairo".
_DEFINED_JOINS = frozenset({"in", "at"})
# The IAU's designation of a comet: kind, year, half-month letter and order ("C/2026 B2"),
# with the discoverer's name in brackets when it follows ("C/1995 O1 (Hale-Bopp)").
_COMET_RE = re.compile(
    r"(?<![\w/])[CPDXI]/\d{4} [A-Z]{1,2}\d{0,3}(?![\w/])"
    r"(?: \([A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2}\))?"
)

MULTI_WORD_PRIOR = 0.3
PROPER_WORD_PRIOR = 0.15
REPEAT_BONUS = 0.1
LIST_SCORE = 0.6
DEFINED_ACRONYM_BONUS = 0.2
REPEATED_NAME_USES = 2
PLACE_NAME_JOIN = 0.6
REPEATED_NAME_SCORE = 0.5
DESIGNATION_SCORE = 0.9
PRODUCT_LINE_SCORE = 0.7
_HYPHEN_RE = re.compile(r"[-‐‑]")


@dataclass(frozen=True, slots=True)
class _Occurrence:
    """One place a name occurs: paragraph index and character offsets."""

    paragraph: int
    start: int
    end: int
    surface: str


@dataclass(slots=True)
class _Article:
    """The working state of one :meth:`EntityDiscoverer.discover` call."""

    paragraphs: Sequence[str]
    names: dict[str, NameRecord]
    occurrences: list[_Occurrence]
    aliases: dict[str, str]
    generic: set[str]


def _looks_title_case(paragraph: str, tokens: Sequence[Token]) -> bool:
    """Return True for a headline-style subheading: short, unpunctuated, mostly capitalised.

    Capitals in such a line say nothing about names, so it is not searched for new ones
    (names found elsewhere in the article are still marked in it).
    """
    if len(tokens) > _SUBHEADING_MAX_WORDS or paragraph.rstrip()[-1:] in '.!?"”’)':
        return False
    if _CREDIT_RE.search(paragraph):
        return False
    long_words = [token for token in tokens if len(token.text) > 3 and token.text.isalpha()]
    if len(long_words) < 3:
        return False
    return sum(token.capitalised for token in long_words) >= 0.75 * len(long_words)


def _join_defined_across_preposition(
    paragraph: str, tokens: Sequence[Token], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Return ``runs`` with two runs joined when an acronym after the second spells both
    and the word between them: "American University in Cairo (AUC)", "Institute at
    Lund (IAL)". Without the acronym, "in Cairo" is a place of its own."""
    joined: list[tuple[int, int]] = []
    for first, last in runs:
        if joined and _comma_inside_defined_name(paragraph, tokens, joined[-1], (first, last)):
            joined[-1] = (joined[-1][0], last)
            continue
        if joined:
            previous_first, previous_last = joined[-1]
            between = previous_last + 1
            if (
                between + 1 == first
                and tokens[between].text in _DEFINED_JOINS
                and paragraph[tokens[previous_last].end : tokens[first].start]
                == f" {tokens[between].text} "
            ):
                acronym = acronym_after(paragraph, tokens, last)
                if acronym is not None:
                    words = [token.text for token in tokens[previous_first : last + 1]]
                    start = definition_start(words, acronym)
                    if start is not None and start <= between - previous_first - 1:
                        joined[-1] = (previous_first, last)
                        continue
        joined.append((first, last))
    return joined


def _comma_inside_defined_name(
    paragraph: str, tokens: Sequence[Token], previous: tuple[int, int], run: tuple[int, int]
) -> bool:
    """Return True if a comma between two runs is inside one name that an acronym after
    the second spells from words of the first: "Union of Food, Catering and Allied
    Workers (UFCAW)". The name ends with a head word, and the second run alone must not
    spell the acronym."""
    previous_first, previous_last = previous
    first, last = run
    if (
        previous_last + 1 != first
        or paragraph[tokens[previous_last].end : tokens[first].start] != ", "
    ):
        return False
    if tokens[last].text not in _HEADS:
        return False  # a body's name: "Paris, Lyon and Marseille (PLM)" stays a list
    acronym = acronym_after(paragraph, tokens, last)
    if acronym is None:
        return False
    words = [token.text for token in tokens[first : last + 1]]
    if definition_start(words, acronym) is not None:
        return False
    before = [token.text for token in tokens[previous_first : previous_last + 1]]
    start = definition_start([*before, *words], acronym)
    return start is not None and start < len(before)


def _names_a_body(words: Sequence[str]) -> bool:
    """Return True if a name's head word makes it a body: "... Office", "Ministry of ..."."""
    if words[-1] in ORG_HEADS:
        return True
    return any(
        word in ORG_HEADS or word in ORG_INITIAL_HEADS
        for word, following in itertools.pairwise(words)
        if following in ("of", "for")
    )


class EntityDiscoverer:
    """Finds candidate glossary entities in articles; build once, call :meth:`discover` often."""

    __slots__ = ("_gazetteers", "_known", "min_confidence")

    def __init__(
        self,
        known_surfaces: Collection[str] = (),
        min_confidence: float = 0.6,
        gazetteers: Gazetteers | None = None,
    ) -> None:
        """Load the gazetteers (unless given) and remember the surfaces the glossary has.

        ``known_surfaces`` are glossary names and aliases: a discovered entity any of whose
        forms is one of them is the glossary's already and is not returned. Comparison
        ignores case, whitespace runs and apostrophe/hyphen variants.
        """
        self._gazetteers = gazetteers if gazetteers is not None else load_gazetteers()
        self._known = frozenset(fold_case(normalise_surface(s)) for s in known_surfaces)
        self.min_confidence = min_confidence

    @property
    def gazetteers(self) -> Gazetteers:
        """Return the lookups this discoverer uses (to share with another discoverer)."""
        return self._gazetteers

    def discover(self, paragraphs: Sequence[str]) -> tuple[list[Candidate], list[list[Mention]]]:
        """Return the article's new entities and, per paragraph, their mentions.

        ``paragraphs`` are the article's blocks in order (paragraphs, subheadings,
        captions). Candidates come in order of first appearance; each paragraph's mentions
        are sorted, do not overlap, and have ``entry_id`` set to a candidate's id. Never
        raises on any text.
        """
        article = self._collect(paragraphs)
        self._add_product_line_evidence(article)
        self._add_speaker_surnames(article)
        self._add_list_evidence(article)
        if self._add_repeated_name_guess(article):
            self._add_list_evidence(article)  # "Call of Duty, Candy Crush": a guess spreads too
        groups = group_names(article.names, article.aliases, self.min_confidence, self._gazetteers)
        candidates = self._candidates(article.names, groups)
        surfaces = [
            (surface, candidate.id, True)
            for candidate in candidates
            for surface in (candidate.name, *candidate.aliases)
        ]
        matcher = Matcher(surfaces)
        return candidates, [matcher.find_mentions(paragraph) for paragraph in paragraphs]

    # --- collecting --------------------------------------------------------------------

    def _is_modifier_suffix(self, part: str) -> bool:
        """Return True if ``part`` after a hyphen is an English modifier ("backed", "run").

        Short parts must be known modifiers, so "Ing-wen" and "Jae-in" stay names; so do
        syllables of four letters in "-ng" ("Tsai Mei-ling", "Huang Yen-ting"): "ling" and
        "ting" are English words, but no modifiers ("QR-code" and "EU-wide" are).
        """
        if part in SHORT_MODIFIERS:
            return True
        return (
            len(part) > 4 or part.endswith("ed") or (len(part) == 4 and not part.endswith("ng"))
        ) and self._gazetteers.is_ordinary(part)

    def _is_place_name(self, name: str) -> bool:
        """Return True if ``name`` is a place a gazetteer lists with some confidence."""
        hit = self._gazetteers.place(name)
        return hit is not None and hit.confidence >= PLACE_NAME_JOIN

    def _is_name_adjective(self, token: Token) -> bool:
        """Return True for a capitalised common word that opens a body's name ("Central",
        "National"), not a function word ("The") nor a name ("Portugal")."""
        return (
            token.capitalised
            and not token.possessive
            and token.text.lower() not in FUNCTION_WORDS
            and token.text not in _HEADS
            and self._gazetteers.is_ordinary(token.text)
        )

    def _possessive_joins(self, word: str) -> bool:
        """Return True if a possessive common noun stays inside a name ("People's Party");
        not a well-known name that is also a word ("Apple's App Store" is two names)."""
        return (
            word not in _HEADS
            and self._gazetteers.is_ordinary(word)
            and self._gazetteers.known_name(word) is None
            and not self._is_place_name(word)  # "Hanmi and Japan's Shinkawa Ltd" are two
        )

    def _collect(self, paragraphs: Sequence[str]) -> _Article:
        """Return every name of the article with its evidence, occurrences and aliases."""
        gazetteers = self._gazetteers
        tokenized = [
            tokenize(paragraph, self._is_modifier_suffix, gazetteers.hyphen_particles)
            for paragraph in paragraphs
        ]
        capitalised = frozenset(
            fold(token.text)
            for tokens in tokenized
            for token in tokens
            if token.capitalised and not token.initial
        )
        article = _Article(paragraphs, {}, [], {}, set())
        for index, (paragraph, tokens) in enumerate(zip(paragraphs, tokenized, strict=True)):
            if _looks_title_case(paragraph, tokens):
                continue
            credit = _CREDIT_RE.search(paragraph)
            credit_start = credit.start("credit") if credit else len(paragraph)
            runs = find_runs(
                paragraph,
                tokens,
                gazetteers.name_particles,
                self._possessive_joins,
                gazetteers.is_company_suffix,
                self._is_place_name,
                gazetteers.is_ordinary,
            )
            for first, last in _join_defined_across_preposition(paragraph, tokens, runs):
                for segment in self._segments(article, index, tokens, first, last, capitalised):
                    self._record(article, index, tokens, segment, credit_start)
            for position in range(1, len(tokens) if "(" in paragraph else 0):
                if (
                    paragraph[tokens[position].start - 1 : tokens[position].start] == "("
                    and acronym_after(paragraph, tokens, position - 1)
                    and is_generic_definition(tokens, position)
                ):
                    article.generic.add(tokens[position].text)
            if "/" in paragraph:
                for match in _COMET_RE.finditer(paragraph):
                    self._record_designation(article, index, match.start(), match.end())
        for acronym in article.generic:
            article.names.pop(acronym, None)
        for short, long_form in list(article.aliases.items()):
            if short in article.names and long_form in article.names:
                record = article.names[long_form]
                record.prior = max(record.prior, DEFINED_ACRONYM_BONUS)
            else:
                del article.aliases[short]
        for record in article.names.values():
            self._rescore(record)
        return article

    def _segments(
        self,
        article: _Article,
        paragraph_index: int,
        tokens: Sequence[Token],
        first: int,
        last: int,
        capitalised: frozenset[str],
    ) -> list[Segment]:
        """Return the names in one run; an acronym definition after the run comes first."""
        paragraph = article.paragraphs[paragraph_index]
        acronym = acronym_after(paragraph, tokens, last)
        if acronym is not None:
            start = definition_start([token.text for token in tokens[first : last + 1]], acronym)
            if start is not None:
                while start > 0 and self._is_name_adjective(tokens[first + start - 1]):
                    start -= 1  # "Central Department of ... (DCIAP)": its acronym skips it
                head = list(
                    segment_run(tokens, first, first + start - 1, self._gazetteers, capitalised)
                    if start
                    else ()
                )
                long_form = paragraph[tokens[first + start].start : tokens[last].end]
                article.aliases.setdefault(acronym, long_form)
                return [*head, Segment(first + start, last)]
        segments = list(segment_run(tokens, first, last, self._gazetteers, capitalised))
        short = self._short_name_after(paragraph, tokens, last)
        if short is not None and segments and segments[-1].last == last:
            body = tokens[segments[-1].first : last + 1]
            if len(body) > 1 and _names_a_body([token.text for token in body]):
                # "the National Audit Office (Riksrevisionen)": a short name, not an acronym
                long_form = paragraph[body[0].start : tokens[last].end]
                article.aliases.setdefault(short, long_form)
        return segments

    def _short_name_after(self, paragraph: str, tokens: Sequence[Token], last: int) -> str | None:
        """Return the one word in brackets right after ``tokens[last]`` if it can be a short
        name: capitalised, neither a common word nor a place ("(Minsa)", not "(Peru)")."""
        token = bracketed_after(paragraph, tokens, last)
        if (
            token is None
            or not token.capitalised
            or self._gazetteers.is_ordinary(token.text)
            or self._gazetteers.place(token.text) is not None
        ):
            return None
        return token.text

    def _record(
        self,
        article: _Article,
        index: int,
        tokens: Sequence[Token],
        segment: Segment,
        credit_start: int,
    ) -> None:
        """Add one occurrence of a name and the evidence around it."""
        gazetteers = self._gazetteers
        paragraph = article.paragraphs[index]
        start, end = tokens[segment.first].start, tokens[segment.last].end
        if (
            paragraph[end : end + 1] == "."
            and segment.last > segment.first
            and tokens[segment.last].text in DOTTED_COMPANY_FORMS
        ):
            end += 1  # "Arion Networks Inc.", "Lanyang Mobility Co., Ltd.": the form's stop
        surface = paragraph[start:end]
        record = article.names.get(surface)
        if record is None:
            words = tuple(token.text for token in tokens[segment.first : segment.last + 1])
            evidence, place = name_evidence(words, gazetteers)
            record = NameRecord(surface, words, (index, start), place)
            record.known_company = gazetteers.is_known_company(surface)
            record.add(evidence)
            article.names[surface] = record
        record.add(segment.evidence)
        single_ordinary = segment.first == segment.last and gazetteers.is_ordinary(surface)
        record.add(
            context_evidence(
                paragraph,
                tokens,
                segment.first,
                segment.last,
                gazetteers,
                single_ordinary=single_ordinary,
                place_hit=record.place,
                known_company=record.known_company,
            )
        )
        if start >= credit_start:
            record.add([Evidence("organization", CREDIT_SCORE, "photo credit")])
        if not tokens[segment.first].initial:
            record.mid_sentence += 1
        occurrence = _Occurrence(index, start, end, surface)
        previous = article.occurrences[-1] if article.occurrences else None
        if (
            previous is not None
            and previous.paragraph == index
            and is_alias_gap(paragraph[previous.end : start])
        ):
            article.aliases.setdefault(surface, previous.surface)
        article.occurrences.append(occurrence)

    def _record_designation(self, article: _Article, index: int, start: int, end: int) -> None:
        """Add one occurrence of a comet's designation ("C/2026 B2", "C/2020 F3 (NEOWISE)")."""
        surface = article.paragraphs[index][start:end]
        record = article.names.get(surface)
        if record is None:
            record = NameRecord(surface, (surface,), (index, start), None)
            record.add([Evidence("other", DESIGNATION_SCORE, "comet designation")])
            article.names[surface] = record
        record.mid_sentence += 1
        article.occurrences.append(_Occurrence(index, start, end, surface))

    def _rescore(self, record: NameRecord) -> None:
        """Set the name-shape prior of ``record``, then its type and confidence."""
        if len(record.words) > 1:
            prior = MULTI_WORD_PRIOR
        elif record.words[0].isupper() or self._gazetteers.is_ordinary(record.surface):
            prior = 0.0
        else:
            prior = PROPER_WORD_PRIOR
        if record.mid_sentence >= 2:
            prior += REPEAT_BONUS
        record.prior = max(record.prior, prior)
        record.rescore()

    def _add_repeated_name_guess(self, article: _Article) -> bool:
        """Type as organisations the names repeated with no cue at all, lists included.

        A name the article capitalises again and again with no cue to its type is, in news
        prose, most often an organisation. It runs after the lists, so that "Crete, Rhodes
        and Naxos" gives "Rhodes" the type of "Crete" first. The editor's review confirms.
        Returns True if it typed any name.
        """
        guessed = False
        for record in article.names.values():
            if (
                not record.evidence
                and record.mid_sentence >= REPEATED_NAME_USES
                and record.prior > REPEAT_BONUS
                and not self._gazetteers.is_first_name(record.words[0])
            ):
                reason = f"used {record.mid_sentence} times mid-sentence, no other cue"
                record.add([Evidence("organization", REPEATED_NAME_SCORE, reason)])
                record.rescore()
                guessed = True
        return guessed

    def _add_product_line_evidence(self, article: _Article) -> None:
        """Type as equipment a word the article also writes as a hyphenated model's first
        part: "the Aurex" beside "Aurex-3" and "Aurex-4E" is the product line. Only a name
        no other cue types: "Kufnil said" beside "Kufnil-DX" stays the company."""
        lines: dict[str, str] = {}
        for record in article.names.values():
            if len(record.words) == 1 and record.type == "equipment":
                base = _HYPHEN_RE.split(record.surface, maxsplit=1)[0]
                if base != record.surface:
                    lines.setdefault(base, record.surface)
        if not lines:
            return
        for surface, model in lines.items():
            line = article.names.get(surface)
            if line is not None and line.confidence < self.min_confidence:
                line.add([Evidence("equipment", PRODUCT_LINE_SCORE, f"line of '{model}'")])
                line.rescore()

    # --- speakers ----------------------------------------------------------------------

    def _add_speaker_surnames(self, article: _Article) -> None:
        """Type as people a full name and its surname when the surname speaks.

        "Thabo Sithole, who represents the miners" then "Sithole said": a given name no list
        knows leaves both untyped, and "Sithole said" alone reads as an organisation. A
        name of two or three words that are not English words, ending in the word that
        speaks, makes that word a surname and both a person.
        """
        gazetteers = self._gazetteers
        full_names: dict[str, list[NameRecord]] = {}
        for record in article.names.values():
            if (
                2 <= len(record.words) <= 3
                and record.type in ("other", "person")
                and record.words[-1] not in _HEADS
                and not any(gazetteers.is_ordinary(word) for word in record.words)
            ):
                full_names.setdefault(record.words[-1], []).append(record)
        for record in article.names.values():
            owners = full_names.get(record.surface) if len(record.words) == 1 else None
            if not owners:
                continue
            spoken = [
                key
                for key in record.evidence
                if key[0] == "organization" and is_speech_reason(key[1])
            ]
            if not spoken:
                continue
            for key in spoken:
                del record.evidence[key]
            record.add([Evidence("person", STATEMENT_SCORE, f"surname of '{owners[0].surface}'")])
            record.rescore()
            for owner in owners:
                reason = f"'{record.surface}' is quoted like a person"
                owner.add([Evidence("person", STATEMENT_SCORE, reason)])
                owner.rescore()

    # --- lists -------------------------------------------------------------------------

    def _add_list_evidence(self, article: _Article) -> None:
        """Give untyped members of a list ("A, B and C") the type their typed members share."""
        names = article.names
        groups: list[list[NameRecord]] = []
        starts: list[_Occurrence] = []
        previous: _Occurrence | None = None
        owner_place = ""
        for position, occurrence in enumerate(article.occurrences):
            record = names.get(occurrence.surface)
            if record is None:
                previous = None
                continue
            paragraph = article.paragraphs[occurrence.paragraph]
            if self._is_owner_place(article, position, record):
                # "Hanmi and Japan's Shinkawa Ltd": the place qualifies the next member
                owner_place = paragraph[occurrence.start : article.occurrences[position + 1].start]
                continue
            gap = paragraph[previous.end if previous else 0 : occurrence.start]
            if owner_place and gap.endswith(owner_place):
                gap = gap[: -len(owner_place)]
            owner_place = ""
            if (
                previous is not None
                and previous.paragraph == occurrence.paragraph
                and gap in _LIST_GAPS
                and paragraph[occurrence.end : occurrence.end + 2] not in _POSSESSIVES
            ):
                groups[-1].append(record)
            else:
                groups.append([record])
                starts.append(occurrence)
            previous = occurrence
        threshold = self.min_confidence
        updated: dict[str, NameRecord] = {}
        for members, start in zip(groups, starts, strict=True):
            if len(members) < 2:
                continue
            before = _PREPOSITION_BEFORE_RE.search(
                article.paragraphs[start.paragraph],
                max(0, start.start - _PREPOSITION_REACH),
                start.start,
            )
            if before is not None:
                # "in Vardø and Båtsfjord": the preposition places every name of the list.
                reason = f"'{before.group(1)}' before the list"
                for member in members[1:]:
                    if member.place is None and member.type in ("other", "place"):
                        member.add([Evidence("place", PLACE_PREPOSITION_SCORE, reason)])
                        member.rescore()
            typed = {member.type for member in members if member.confidence >= threshold}
            if len(typed) != 1:
                continue
            (kind,) = typed
            anchor = next(m.surface for m in members if m.confidence >= threshold)
            for member in members:
                if member.confidence < threshold and member.type in (kind, "other"):
                    member.add([Evidence(kind, LIST_SCORE, f"listed with '{anchor}'")])
                    updated[member.surface] = member
        for record in updated.values():
            record.rescore()

    def _is_owner_place(self, article: _Article, position: int, record: NameRecord) -> bool:
        """Return True if the occurrence at ``position`` is a place's possessive right
        before another name: "Japan's Shinkawa Ltd", "Norway's Equinor"."""
        occurrences = article.occurrences
        if record.place is None or position + 1 >= len(occurrences):
            return False
        occurrence, following = occurrences[position], occurrences[position + 1]
        paragraph = article.paragraphs[occurrence.paragraph]
        return following.paragraph == occurrence.paragraph and paragraph[
            occurrence.end : following.start
        ] in ("'s ", "’s ")

    # --- candidates --------------------------------------------------------------------

    def _candidates(self, names: dict[str, NameRecord], groups: UnionFind) -> list[Candidate]:
        """Return the merged entities above the threshold, in order of first appearance."""
        members: dict[str, list[NameRecord]] = {}
        for record in sorted(names.values(), key=lambda n: n.order):
            members.setdefault(groups.find(record.surface), []).append(record)
        candidates: list[Candidate] = []
        taken: set[str] = set()
        for group in members.values():
            candidate = self._candidate(group, taken)
            if candidate is not None:
                candidates.append(candidate)
        return candidates

    def _candidate(self, group: list[NameRecord], taken: set[str]) -> Candidate | None:
        """Return the entity of a group of surfaces, or None (too unsure, or known)."""
        # A person's full name leads the group: "Kalua said" is her surname, whatever the
        # verb after it suggests on its own. Not a shorter name inside a company's
        # ("Sierra Alta" in "Grupo Sierra Alta").
        longest = max(len(n.words) for n in group)
        root = max(
            group,
            key=lambda n: (n.type == "person" and 1 < len(n.words) == longest, n.confidence),
        )
        if len(group) == 1 and root.confidence < self.min_confidence:
            return None
        if self._known and any(
            fold_case(normalise_surface(n.surface)) in self._known for n in group
        ):
            return None
        merged = NameRecord(root.surface, root.words, root.order, root.place, prior=root.prior)
        for record in group:
            # A surname brings no evidence of its own: "Massa" is also an Italian city.
            if root.type != "person" or record is root or record.type == "person":
                merged.add(
                    Evidence(kind, value, reason)
                    for (kind, reason), value in record.evidence.items()
                )
        kind, confidence = score(merged.evidence, merged.prior)
        confidence = max(confidence, root.confidence)
        if confidence < self.min_confidence or not merged.evidence:
            return None
        canonical = root.place.canonical if root.place is not None else ""
        full = max(group, key=lambda n: (n.surface == canonical, len(n.words), len(n.surface)))
        aliases = tuple(record.surface for record in group if record is not full)
        reasons = sorted(
            (
                (value, reason)
                for (evidence_kind, reason), value in merged.evidence.items()
                if evidence_kind == kind
            ),
            reverse=True,
        )
        if aliases:
            reasons.append((0.0, "also written " + ", ".join(f"'{a}'" for a in aliases)))
        base = slugify(full.surface) or "entity"
        identifier, suffix = base, 2
        while identifier in taken:
            identifier, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(identifier)
        return Candidate(
            id=identifier,
            name=full.surface,
            type=kind,
            aliases=aliases,
            confidence=round(confidence, 2),
            evidence=tuple(reason for _value, reason in reasons),
        )

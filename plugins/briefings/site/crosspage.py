"""The cross-page index of a build: what every page contributes to the pages that list them.

Briefings render one by one; each hands its facts to a :class:`SiteIndex`: glossary
mentions (backlinks), citations of sources, unreviewed entities, sourcing counts. The
glossary, sources, unreviewed-entities and sourcing-report pages are made from it once
every briefing is in.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from briefings.common.text import slugify
from briefings.entities.glossary import Glossary, GlossaryEntry
from briefings.entities.model import Candidate
from briefings.site.model import RenderedSeed
from briefings.site.pages.sources import month_key, sourcing_json, sourcing_month_json
from briefings.site.records import (
    Backlink,
    Briefing,
    Citation,
    Discovered,
    SourceToReview,
    SourcingRecord,
    Statement,
)
from briefings.sourcing.model import UnreviewedSource
from briefings.sourcing.registry import SourceRegistry


class SiteIndex:
    """Backlinks, citations, unreviewed entities and sourcing records of one build."""

    def __init__(self) -> None:
        self.backlinks: dict[str, dict[str, Backlink]] = {}  # entry id -> page URL -> link
        self.citations: dict[str, dict[str, Citation]] = {}  # source id -> page URL -> use
        self.cited_names: dict[str, str] = {}  # source id -> name as first cited
        self.sourcing: list[SourcingRecord] = []
        self.sources_by_label: dict[str, dict[str, str]] = {}  # page URL -> label -> source
        self._discovered: dict[str, Discovered] = {}
        self._discovered_sorted: list[Discovered] | None = None
        self.version = 0  # counts the changes to the backlinks, for what is derived from them
        self._to_review: dict[str, SourceToReview] = {}  # source id -> record
        self.decisions_used: set[int] = set()  # editors' decisions that matched something
        self.statements: dict[str, list[Statement]] = {}  # source id -> attributed sentences
        self._together: dict[str, Counter[str]] | None = None  # entry -> co-mentioned entries
        self._entries_by_page: dict[str, list[str]] | None = None

    def add_briefing(
        self, briefing: Briefing, rendered: RenderedSeed, candidates: Mapping[str, Candidate]
    ) -> None:
        """Record what the rendered text briefing mentions and cites."""
        seed = briefing.seed
        self.decisions_used.update(rendered.decisions)
        for source_id, name, uses, _kind in rendered.citations:
            self.cite(source_id, name, briefing, uses)
        for source_id, sentence in rendered.statements:
            self.statements.setdefault(source_id, []).append(
                Statement(briefing.url, seed.title, seed.date, sentence)
            )
        for source_id, name, kind, sentence in rendered.unreviewed_sources:
            self.add_source_to_review(briefing, UnreviewedSource(source_id, name, kind, sentence))
        self.add_mentions(
            briefing.url, seed.title, seed.date, rendered.counts, rendered.first_sentence
        )
        for candidate_id, count in rendered.new_counts.items():
            self._discovered_sorted = None
            record = self._discovered.setdefault(candidate_id, Discovered(candidates[candidate_id]))
            record.mentions.append(
                Backlink(
                    briefing.url, seed.title, seed.date, count, rendered.new_first[candidate_id]
                )
            )
            record.paths.append(seed.path)
        self.sourcing.append(
            SourcingRecord(
                briefing.url,
                seed.title,
                seed.path,
                rendered.attributed,
                rendered.sentences,
                tuple(rendered.claims),
                tuple(sorted(Counter(kind for *_, kind in rendered.citations).items())),
                month_key(seed.date),
            )
        )

    def _by_page(self) -> dict[str, list[str]]:
        """Return the glossary entries each page mentions (built once, when every page is in)."""
        if self._entries_by_page is None:
            by_page: dict[str, list[str]] = {}
            for entry_id, pages in self.backlinks.items():
                for url in pages:
                    by_page.setdefault(url, []).append(entry_id)
            self._entries_by_page = by_page
        return self._entries_by_page

    def entities_of(self, url: str, limit: int) -> list[tuple[str, int]]:
        """Return the glossary entries the page at ``url`` mentions most, with their
        mention counts, most first (ties by id)."""
        counts = [
            (entry_id, self.backlinks[entry_id][url].count)
            for entry_id in self._by_page().get(url, ())
        ]
        return sorted(counts, key=lambda item: (-item[1], item[0]))[:limit]

    def trending(self, since: date, until: date, limit: int) -> list[tuple[str, int]]:
        """Return the entries mentioned most in briefings dated ``since`` to ``until``."""
        totals: Counter[str] = Counter()
        for entry_id, pages in self.backlinks.items():
            for link in pages.values():
                if link.date is not None and since <= link.date <= until:
                    totals[entry_id] += link.count
        return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:limit]

    def companions(self, entry_id: str, limit: int) -> list[tuple[str, int]]:
        """Return the entries mentioned in the most pages that also mention ``entry_id``,
        with the number of such pages, most first (ties by id). Counted once, on the first
        call, when every page is in."""
        if self._together is None:
            together: dict[str, Counter[str]] = {}
            for ids in self._by_page().values():
                for member in ids:
                    together.setdefault(member, Counter()).update(ids)
            self._together = together
        counts = self._together.get(entry_id, Counter())
        return heapq.nsmallest(
            limit,
            ((other, n) for other, n in counts.items() if other != entry_id),
            key=lambda item: (-item[1], item[0]),
        )

    def companions_of_pages(self, urls: Iterable[str], limit: int) -> list[tuple[str, int]]:
        """Return the glossary entries mentioned in the most of the pages ``urls``, with
        the number of those pages, most first (ties by id): the company of an entity the
        glossary does not know."""
        counts: Counter[str] = Counter()
        by_page = self._by_page()
        for url in urls:
            counts.update(by_page.get(url, ()))
        return heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], item[0]))

    def add_mentions(
        self,
        url: str,
        title: str,
        published: date | None,
        counts: Mapping[str, int],
        first_sentence: Mapping[str, str],
    ) -> None:
        """Record the glossary mentions of the page at ``url``."""
        for entry_id, count in counts.items():
            self.backlinks.setdefault(entry_id, {})[url] = Backlink(
                url, title, published, count, first_sentence.get(entry_id, "")
            )
        if counts:  # a page annotated late (a hand-written one) counts in the company too
            self._together = self._entries_by_page = None
            self.version += 1

    def add_source_to_review(self, briefing: Briefing, source: UnreviewedSource) -> None:
        """Record that ``briefing`` cites a source nobody has reviewed."""
        record = self._to_review.setdefault(
            source.source_id, SourceToReview(source.source_id, source.name, source.kind)
        )
        record.sentences.append(source.sentence)
        record.paths.append(briefing.seed.path)
        record.first = min(record.first, briefing.seed.date)

    def add_outlet(self, briefing: Briefing, registry: SourceRegistry) -> None:
        """Record the outlet a briefing's article came from (its ``outlet`` line) as a source
        the briefing cites; an outlet no registry entry names is queued for review."""
        outlet = briefing.seed.provenance.outlet
        if not outlet:
            return
        entry = registry.lookup(outlet)
        if entry is not None:
            self.cite(entry.id, entry.name, briefing, 1)
            return
        source_id = f"new:{slugify(outlet) or 'outlet'}"
        self.cite(source_id, outlet, briefing, 1)
        note = f"outlet of '{briefing.seed.title}'"
        self.add_source_to_review(briefing, UnreviewedSource(source_id, outlet, "media", note))

    def sources_to_review(self) -> list[SourceToReview]:
        """Return the sources nobody has reviewed, most cited first."""
        return sorted(
            self._to_review.values(), key=lambda s: (-len(s.paths), s.name.casefold(), s.source_id)
        )

    @property
    def sources_to_review_count(self) -> int:
        """How many sources nobody has reviewed the briefings cite."""
        return len(self._to_review)

    def cite(self, source_id: str, name: str, briefing: Briefing, count: int) -> None:
        """Record that ``briefing`` cites source ``source_id`` ``count`` times."""
        self.cited_names.setdefault(source_id, name)
        self.citations.setdefault(source_id, {})[briefing.url] = Citation(
            briefing.url, briefing.seed.title, briefing.seed.date, count
        )

    def discovered(self) -> list[Discovered]:
        """Return the unreviewed entities, most-mentioned first (sorted once, when every
        page is in; a new copy of the list each time)."""
        if self._discovered_sorted is None:
            self._discovered_sorted = sorted(
                self._discovered.values(),
                key=lambda d: (-len(d.mentions), d.candidate.name.casefold(), d.candidate.id),
            )
        return list(self._discovered_sorted)

    @property
    def discovered_count(self) -> int:
        """How many unreviewed entities the briefings mention."""
        return len(self._discovered)

    def unmentioned(self, glossary: Glossary) -> list[GlossaryEntry]:
        """Return the glossary entries no page mentions."""
        return [entry for entry in glossary if entry.id not in self.backlinks]

    def sourcing_data(self, month_file: str) -> dict[str, object]:
        """Return the index of the editors' sourcing report as JSON-ready data: totals by
        month, each naming its file (``month_file`` with ``{month}`` in it)."""
        return sourcing_json(self.sourcing, month_file)

    def sourcing_months(self) -> dict[str, dict[str, object]]:
        """Return the editors' sourcing report by month, as JSON-ready data."""
        return sourcing_month_json(self.sourcing)

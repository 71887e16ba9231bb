"""The pages that list what rendering found: sources, sources to review, the sourcing
report and the unreviewed entities.

Their number is fixed before any briefing is rendered (the site generator needs every page
up front), so the lists that grow with the site are split by month, which the seeds'
dates give in advance: ``sources/review/<yyyy-mm>.md`` and ``reports/sourcing/<yyyy-mm>.md``;
the unreviewed entities by the initial of their id: ``discovered/<a-z or 0>.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from briefings.content.duplicates import Duplicate
from briefings.site.crosspage import SiteIndex
from briefings.site.pages.discovered import discovered_index_page, discovered_page
from briefings.site.pages.sources import (
    month_key,
    review_page,
    sources_page,
    sourcing_index_page,
    sourcing_month_page,
)
from briefings.site.placement import (
    DISCOVERED_URI,
    INITIALS,
    REPORT_URI,
    SOURCES_URI,
    discovered_uri_of,
    initial_of,
)
from briefings.site.records import Discovered, SourceToReview, SourcingRecord
from briefings.site.render import Stash
from briefings.sourcing.registry import SourceRegistry

REVIEW_DIR = "sources/review"
REPORT_DIR = "reports/sourcing"


class Listings:
    """The listing pages of one build, for the months its briefings fall in."""

    def __init__(
        self,
        dates: Iterable[date],
        duplicates: Sequence[Duplicate] = (),
        languages: Sequence[tuple[str, str]] = (),
    ) -> None:
        """``dates`` are the briefings' dates; ``duplicates`` the near-identical seeds and
        ``languages`` the ``(path, language)`` of seeds not in English, for the report."""
        self.months = sorted({month_key(d) for d in dates}, reverse=True)
        self.duplicates = tuple(duplicates)
        self.languages = tuple(languages)
        self._grouped: (
            tuple[SiteIndex, dict[str, list[SourceToReview]], dict[str, list[SourcingRecord]]]
            | None
        ) = None
        self._review = {f"{REVIEW_DIR}/{key}.md": key for key in self.months}
        self._report = {f"{REPORT_DIR}/{key}.md": key for key in self.months}
        self._initials = {discovered_uri_of(initial): initial for initial in INITIALS}
        self._initials_of: tuple[SiteIndex, dict[str, list[Discovered]]] | None = None

    def uris(self) -> list[str]:
        """Return the src URIs of the listing pages, in reading order."""
        return [
            SOURCES_URI,
            *self._review,
            REPORT_URI,
            *self._report,
            DISCOVERED_URI,
            *self._initials,
        ]

    def __contains__(self, src_uri: object) -> bool:
        return (
            src_uri in self._review
            or src_uri in self._report
            or src_uri in self._initials
            or src_uri
            in (
                SOURCES_URI,
                REPORT_URI,
                DISCOVERED_URI,
            )
        )

    def markdown(
        self,
        src_uri: str,
        index: SiteIndex,
        registry: SourceRegistry,
        entity_link: Callable[[str], str],
        href: Callable[[str], str],
        page_href: Callable[[str], str],
        stash: Stash,
        stale: Sequence[str] = (),
        unreviewed_page: Callable[[str], str | None] = lambda _id: None,
    ) -> str:
        """Return the Markdown of listing page ``src_uri``.

        ``entity_link(glossary id)`` links an entry from this page; ``href(url)`` makes a
        site URL relative to it, ``page_href(src_uri)`` the URL of another generated page;
        ``stash`` keeps the page's HTML out of its Markdown; ``stale`` are the editors'
        decisions that matched nothing, for the report; ``unreviewed_page(id)`` links the
        page of an unreviewed entity, if it has one.
        """
        if src_uri == DISCOVERED_URI:
            by_initial = self._by_initial(index)
            return discovered_index_page(
                [
                    (i, page_href(uri), len(by_initial.get(i, ())))
                    for uri, i in self._initials.items()
                ],
                index.discovered_count,
                stash,
            )
        initial = self._initials.get(src_uri)
        if initial is not None:
            return discovered_page(
                self._by_initial(index).get(initial, []),
                href,
                stash,
                unreviewed_page,
                initial,
            )
        to_review, sourcing = self._by_month(index)
        if src_uri == SOURCES_URI:
            months = [
                (key, f"{REVIEW_DIR}/{key}.md", len(to_review.get(key, ()))) for key in self.months
            ]
            cited = sorted(
                (
                    (source_id, name, entity_link(source_id.removeprefix("glossary:")))
                    for source_id, name in index.cited_names.items()
                    if source_id.startswith("glossary:")
                ),
                key=lambda item: (item[1].casefold(), item[0]),
            )
            anonymous = sum(s.startswith("anonymous:") for s in index.cited_names)
            return sources_page(
                registry, index.citations, href, page_href, cited, months, anonymous, stash
            )
        key = self._review.get(src_uri)
        if key is not None:
            return review_page(key, to_review.get(key, []), index.citations, href, stash)
        if src_uri == REPORT_URI:
            by_month = [(k, f"{REPORT_DIR}/{k}.md", sourcing.get(k, [])) for k in self.months]
            return sourcing_index_page(
                by_month, page_href, self.duplicates, self.languages, stale, stash
            )
        key = self._report[src_uri]
        return sourcing_month_page(key, sourcing.get(key, []), href, stash)

    def _by_initial(self, index: SiteIndex) -> dict[str, list[Discovered]]:
        """Return the unreviewed entities by the initial of their id (grouped once)."""
        if self._initials_of is None or self._initials_of[0] is not index:
            grouped: dict[str, list[Discovered]] = {}
            for record in index.discovered():
                grouped.setdefault(initial_of(record.candidate.id), []).append(record)
            self._initials_of = (index, grouped)
        return self._initials_of[1]

    def _by_month(
        self, index: SiteIndex
    ) -> tuple[dict[str, list[SourceToReview]], dict[str, list[SourcingRecord]]]:
        """Return the sources to review (by the month first cited) and the sourcing records
        (by the briefing's month), grouped once per build: every listing page is asked for
        after the last briefing is rendered, so the index no longer changes."""
        if self._grouped is None or self._grouped[0] is not index:
            to_review: dict[str, list[SourceToReview]] = {}
            for source in index.sources_to_review():
                to_review.setdefault(month_key(source.first), []).append(source)
            sourcing: dict[str, list[SourcingRecord]] = {}
            for record in index.sourcing:
                sourcing.setdefault(record.month, []).append(record)
            self._grouped = (index, to_review, sourcing)
        return self._grouped[1], self._grouped[2]

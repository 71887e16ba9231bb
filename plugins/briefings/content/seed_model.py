"""What a parsed seed is (:class:`Seed` and its :class:`Block` s), and how a seed's date is
read: the pieces both seed formats build on (:mod:`briefings.content.text_seeds`,
:mod:`briefings.content.markdown_front_matter`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from briefings.common.errors import Problem, SeedError
from briefings.common.text import count_words, slugify

WORDS_PER_MINUTE = 200

BlockKind = Literal["paragraph", "subheading", "caption"]

_ISO_DATE_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\Z")
_FILENAME_DATE_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a plain-text seed.

    ``text`` is the block as written, its lines joined by single spaces. For a caption,
    ``text`` is the caption without its credit, ``credit`` the credited name and
    ``credit_label`` the label as written (``Credit:``).
    """

    kind: BlockKind
    text: str
    line: int
    credit: str = ""
    credit_label: str = ""


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article came from, as the editor recorded it (all optional)."""

    outlet: str = ""  # "Reuters"
    url: str = ""  # the original article, http(s) only
    byline: str = ""  # "Jane Doe and John Roe"
    retrieved: date | None = None

    def __bool__(self) -> bool:
        return bool(self.outlet or self.url or self.byline or self.retrieved)


PROVENANCE_KEYS = ("outlet", "url", "byline", "retrieved")
_URL_RE = re.compile(r"https?://[!#-&*-;=?-Z^-_a-z{-~]+\Z")


def provenance_value(key: str, value: str, path: str, line: int | None) -> str | date:
    """Return the checked value of provenance field ``key``; raise :class:`SeedError` for a
    URL that is not http(s) or a ``retrieved`` date that is not YYYY-MM-DD."""
    value = " ".join(value.split())
    if key == "retrieved":
        return parse_iso_date(value, path, line)
    if key == "url" and not _URL_RE.match(value):
        raise SeedError(
            path,
            line,
            f"'url {value[:60]}' is not an http(s) address",
            "write the original article's address, e.g. 'url https://example.org/story'",
        )
    return value


@dataclass(frozen=True, slots=True)
class Seed:
    """A parsed seed article, ready for annotation and rendering."""

    path: str
    format: Literal["text", "markdown"]
    date: date
    title: str
    title_derived: bool
    summary: str
    blocks: tuple[Block, ...] = ()
    markdown: str = ""
    markdown_line: int = 1
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    provenance: Provenance = Provenance()
    language: str = "en"  # ISO 639-1; annotation rules are English ones
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def slug(self) -> str:
        """The title's slug, or ``briefing`` when the title has no letters or digits."""
        return slugify(self.title) or "briefing"

    @property
    def word_count(self) -> int:
        """Words in the article body (captions and subheadings included)."""
        if self.format == "markdown":
            return count_words(self.markdown)
        return sum(count_words(b.text) + count_words(b.credit) for b in self.blocks)

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time in whole minutes, at least one."""
        return max(1, round(self.word_count / WORDS_PER_MINUTE))


def parse_iso_date(token: str, path: str, line: int | None) -> date:
    """Return the date for a ``YYYY-MM-DD`` token; raise :class:`SeedError` otherwise."""
    match = _ISO_DATE_RE.match(token)
    if match:
        try:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            pass
    raise SeedError(
        path,
        line,
        f"impossible or malformed date '{token}'",
        "write the date as YYYY-MM-DD, e.g. 'date 2022-09-07'",
    )


def date_from_filename(path: str) -> date | None:
    """Return the ``YYYY-MM-DD`` date in the file name of ``path``, or None if there is none."""
    match = _FILENAME_DATE_RE.search(Path(path).name)
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None

"""The glossary: validated entries and the lookups the build needs.

:class:`Glossary` is immutable once loaded (by :mod:`briefings.entities.glossary_files`);
each :class:`GlossaryEntry` knows the file and line it came from, for messages.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from briefings.common.errors import GlossaryError
from briefings.common.names import name_key

__all__ = ["ENTITY_TYPES", "Glossary", "GlossaryEntry"]

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "place", "equipment", "event", "other")


# Markdown → plain text, for tooltips. Approximate by design: the result is escaped by the
# renderer, so all this has to do is leave no syntax characters a reader would notice.
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^>\s]*)>")
_HTML_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>?")
_MD_CODE_RE = re.compile(r"`+")
_MD_EMPHASIS_RE = re.compile(r"(?<![\\\w])(\*{1,3}|_{1,3}|~~|==)(?=\S)(.+?)(?<=\S)(?<!\\)\1(?!\w)")
_MD_LINE_MARKER_RE = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)", re.M
)
_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _strip_markdown(text: str) -> str:
    """Return ``text`` without Markdown or HTML syntax, whitespace collapsed to single spaces."""
    text = _HTML_COMMENT_RE.sub(" ", text)
    text = _MD_AUTOLINK_RE.sub(r"\1", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    text = _HTML_TAG_RE.sub(" ", text)
    text = _MD_LINE_MARKER_RE.sub("", text)
    text = _MD_CODE_RE.sub("", text)
    while True:
        stripped = _MD_EMPHASIS_RE.sub(r"\2", text)
        if stripped == text:
            break
        text = stripped
    text = _MD_ESCAPE_RE.sub(r"\1", text)
    return " ".join(html.unescape(text).split())


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One glossary entry; ``path`` and ``line`` say where it was defined (for messages)."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    description: str
    links: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    case_sensitive: bool = True
    path: str = ""
    line: int | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Return the name then every alias, without exact repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    @property
    def plain_description(self) -> str:
        """Return the description as plain text: no Markdown or HTML, whitespace collapsed."""
        return _strip_markdown(self.description)


def _where(entry: GlossaryEntry) -> str:
    return f"{entry.path}:{entry.line}" if entry.line else entry.path


class Glossary:
    """An immutable, validated set of entries; iterates in id order.

    Raises :class:`GlossaryError` on construction for a duplicate id, a name or alias
    claimed by two entries (after :func:`name_key`) or a ``see_also`` to an unknown id.
    """

    __slots__ = ("_by_id", "_by_name")

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        """Index ``entries``; raise :class:`GlossaryError` if they contradict each other."""
        by_id: dict[str, GlossaryEntry] = {}
        by_name: dict[str, GlossaryEntry] = {}
        given = list(entries)
        for entry in given:
            first = by_id.get(entry.id)
            if first is not None:
                raise GlossaryError(
                    entry.path,
                    entry.line,
                    f"duplicate id '{entry.id}': already defined at {_where(first)}",
                    "give one of the two entries another id, or merge them",
                )
            by_id[entry.id] = entry
            for surface in entry.surfaces:
                key = name_key(surface)
                owner = by_name.setdefault(key, entry)
                if owner is not entry:
                    raise GlossaryError(
                        entry.path,
                        entry.line,
                        f"'{surface}' of '{entry.id}' is also a name or alias of "
                        f"'{owner.id}' ({_where(owner)})",
                        "a name or alias may belong to one entry only: remove it from one",
                    )
        for entry in given:
            for target in entry.see_also:
                if target not in by_id:
                    close = difflib.get_close_matches(target, by_id, n=1)
                    raise GlossaryError(
                        entry.path,
                        entry.line,
                        f"see_also of '{entry.id}' names unknown id '{target}'",
                        f"did you mean '{close[0]}'?"
                        if close
                        else "add that entry or remove the id",
                    )
        self._by_id: Mapping[str, GlossaryEntry] = MappingProxyType(dict(sorted(by_id.items())))
        self._by_name: Mapping[str, GlossaryEntry] = MappingProxyType(by_name)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        """Return an iterator over the entries, sorted by id."""
        return iter(self._by_id.values())

    def __len__(self) -> int:
        """Return the number of entries."""
        return len(self._by_id)

    def __contains__(self, entry_id: object) -> bool:
        """Return True if an entry has the id ``entry_id``."""
        return entry_id in self._by_id

    def __repr__(self) -> str:
        return f"Glossary({len(self)} entries)"

    def get(self, entry_id: str) -> GlossaryEntry | None:
        """Return the entry with id ``entry_id``, or None."""
        return self._by_id.get(entry_id)

    def find_by_name(self, name: str) -> GlossaryEntry | None:
        """Return the entry one of whose names or aliases is ``name``, or None.

        Comparison ignores case and treats whitespace runs, apostrophe variants and hyphen
        variants alike (see :func:`name_key`).
        """
        return self._by_name.get(name_key(name))


# --- entries ---------------------------------------------------------------------------


# --- warnings --------------------------------------------------------------------------

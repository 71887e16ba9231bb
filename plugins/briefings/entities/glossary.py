"""The glossary: entries loaded from hand-edited ``glossary/*.yml`` files, validated strictly.

Each file is a YAML list of entries::

    - id: vladimir-putin            # slug: [a-z0-9]+(-[a-z0-9]+)*
      name: Vladimir Putin
      type: person                  # one of ENTITY_TYPES
      aliases: [Putin, President Putin]
      case_sensitive: true          # optional, default true; acronyms are always case-sensitive
      description: President of Russia since 2012.   # Markdown allowed; untrusted
      links: [https://en.wikipedia.org/wiki/Vladimir_Putin]   # optional, http(s) only
      see_also: [kremlin]           # optional ids

:func:`load_glossary` raises :class:`~briefings.errors.GlossaryError` naming the file and
YAML line for anything that would make the glossary ambiguous or wrong, and returns
:class:`~briefings.errors.Problem` warnings for what is only doubtful (an empty
description, a common English word as a case-insensitive alias).
"""

from __future__ import annotations

import difflib
import html
import importlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from briefings.common.errors import GlossaryError, Problem
from briefings.common.names import is_acronym, name_key, normalise_surface
from briefings.content.files import LocatedDict, LocatedList, display_path, read_located_yaml

__all__ = [
    "ENTITY_TYPES",
    "Glossary",
    "GlossaryEntry",
    "load_glossary",
    "load_lowercase_english_words",
    "name_key",
]

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "place", "equipment", "event", "other")

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_KEYS = ("id", "name", "type", "aliases", "case_sensitive", "description", "links", "see_also")
_REQUIRED_KEYS = ("id", "name", "type")
_ID_HINT = "use lower-case letters, digits and single hyphens, e.g. 'vladimir-putin'"

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


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    return {
        str: "text",
        int: "a number",
        float: "a number",
        LocatedDict: "a mapping",
        LocatedList: "a list",
    }.get(type(value), type(value).__name__)


def _quote_hint(value: object) -> str:
    if isinstance(value, bool):
        return "put the value in quotes: YAML reads yes/no/on/off/true/false as booleans"
    if isinstance(value, int | float):
        return "put the value in quotes"
    return ""


class _EntryReader:
    """Reads one entry mapping, raising :class:`GlossaryError` at the line of the bad key."""

    def __init__(self, mapping: LocatedDict, path: str) -> None:
        self.mapping = mapping
        self.path = path

    def line(self, key: str) -> int:
        return self.mapping.key_lines.get(key, self.mapping.line)

    def fail(self, key: str, reason: str, hint: str = "") -> GlossaryError:
        return GlossaryError(self.path, self.line(key), reason, hint)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.mapping.get(key, default)
        if value is None and default is not None:
            return default
        if not isinstance(value, str):
            raise self.fail(
                key, f"'{key}' must be text, not {_type_name(value)}", _quote_hint(value)
            )
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            hint = f"write it as a list: {key}: [{value}]" if isinstance(value, str) else ""
            raise self.fail(key, f"'{key}' must be a list of text, not {_type_name(value)}", hint)
        items: list[str] = []
        for index, item in enumerate(value):
            line = value.item_lines[index] if isinstance(value, LocatedList) else self.line(key)
            if not isinstance(item, str):
                raise GlossaryError(
                    self.path,
                    line,
                    f"item {index + 1} of '{key}' must be text, not {_type_name(item)}",
                    _quote_hint(item),
                )
            if not item.strip():
                raise GlossaryError(self.path, line, f"item {index + 1} of '{key}' is empty")
            items.append(item.strip())
        return tuple(items)


def _read_entry(item: object, path: str, line: int) -> GlossaryEntry:
    """Return the entry described by one list item; raise :class:`GlossaryError` if invalid."""
    if not isinstance(item, LocatedDict):
        raise GlossaryError(
            path,
            line,
            f"a glossary entry must be a mapping, not {_type_name(item)}",
            "start each entry with '- id: ...' and indent its other keys under 'id'",
        )
    reader = _EntryReader(item, path)
    for key in item:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            raise reader.fail(
                str(key),
                f"unknown key '{key}'",
                f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(_KEYS)}",
            )
    for key in _REQUIRED_KEYS:
        if key not in item:
            raise GlossaryError(path, item.line, f"entry has no '{key}'", f"add '{key}: ...'")
    entry_id = reader.text("id")
    if not _ID_RE.match(entry_id):
        raise reader.fail("id", f"id '{entry_id}' is not a slug", _ID_HINT)
    name = reader.text("name")
    if not name:
        raise reader.fail("name", f"entry '{entry_id}' has an empty name")
    entity_type = reader.text("type")
    if entity_type not in ENTITY_TYPES:
        raise reader.fail(
            "type",
            f"unknown type '{entity_type}' for '{entry_id}'",
            f"use one of: {', '.join(ENTITY_TYPES)}",
        )
    case_sensitive = item.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        raise reader.fail(
            "case_sensitive",
            f"'case_sensitive' must be true or false, not {_type_name(case_sensitive)}",
        )
    links = reader.texts("links")
    for link in links:
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise reader.fail("links", f"link '{link}' is not an http(s) URL", "write a full URL")
    see_also = reader.texts("see_also")
    for target in see_also:
        if not _ID_RE.match(target):
            raise reader.fail("see_also", f"see_also '{target}' is not an id", _ID_HINT)
    return GlossaryEntry(
        id=entry_id,
        name=name,
        type=entity_type,
        aliases=reader.texts("aliases"),
        description=reader.text("description", ""),
        links=links,
        see_also=see_also,
        case_sensitive=case_sensitive,
        path=path,
        line=item.line,
    )


def _read_file(path: Path, shown: str) -> list[GlossaryEntry]:
    """Return the entries of one glossary file; raise :class:`GlossaryError` if invalid."""
    hint = "check the indentation and quoting on this line and the one before"
    data = read_located_yaml(path, shown, GlossaryError, hint)
    if data is None:
        return []  # empty, or only comments
    if not isinstance(data, LocatedList):
        raise GlossaryError(
            shown,
            getattr(data, "line", 1),
            f"a glossary file must be a YAML list of entries, not {_type_name(data)}",
            "start each entry with '- id: ...'",
        )
    return [
        _read_entry(item, shown, line) for item, line in zip(data, data.item_lines, strict=True)
    ]


# --- warnings --------------------------------------------------------------------------


def load_lowercase_english_words() -> frozenset[str]:
    """Return the lower-case words of Webster's Second International (``english-words``).

    Only words the dictionary writes in lower case are kept, so proper nouns such as
    "Iran" are not in the set, while "turkey", "may" and "bill" are.
    """
    # Imported by name: the package has no type information.
    module = importlib.import_module("english_words")
    words: set[str] = module.get_english_words_set(["web2"])
    return frozenset(word for word in words if word.islower())


def _entry_problems(entry: GlossaryEntry, common_words: frozenset[str]) -> list[Problem]:
    """Return the warnings about one entry (``common_words`` may be empty if not needed)."""
    problems: list[Problem] = []
    if not entry.description:
        problems.append(
            Problem(
                entry.path,
                entry.line,
                f"entry '{entry.id}' has an empty description",
                "add a neutral one- or two-sentence description",
            )
        )
    if entry.id in entry.see_also:
        problems.append(
            Problem(entry.path, entry.line, f"see_also of '{entry.id}' names the entry itself")
        )
    seen: set[str] = set()
    for surface in (entry.name, *entry.aliases):
        key = normalise_surface(surface)
        if key in seen:
            problems.append(
                Problem(entry.path, entry.line, f"'{surface}' is repeated in '{entry.id}'")
            )
        seen.add(key)
        if not entry.case_sensitive and not is_acronym(surface) and surface.lower() in common_words:
            problems.append(
                Problem(
                    entry.path,
                    entry.line,
                    f"'{surface}' of '{entry.id}' is a common English word and the entry is "
                    f"case-insensitive, so every '{surface.lower()}' would be marked",
                    "remove 'case_sensitive: false' or remove this alias",
                )
            )
    return problems


def load_glossary(
    paths: Sequence[Path], root: Path | None = None
) -> tuple[Glossary, list[Problem]]:
    """Return the glossary defined by ``paths`` (read in sorted order) and its warnings.

    Paths in messages are relative to ``root`` when given. Raises :class:`GlossaryError`
    for an unreadable, non-UTF-8 or invalid YAML file, a malformed entry, a duplicate id,
    a name or alias claimed by two entries, or a ``see_also`` to an unknown id.
    """
    entries: list[GlossaryEntry] = []
    for path in sorted(paths):
        entries.extend(_read_file(path, display_path(path, root)))
    glossary = Glossary(entries)
    needs_words = any(not entry.case_sensitive for entry in glossary)
    common_words = load_lowercase_english_words() if needs_words else frozenset()
    problems = [problem for entry in entries for problem in _entry_problems(entry, common_words)]
    return glossary, problems

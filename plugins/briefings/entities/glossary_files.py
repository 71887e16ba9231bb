"""Reading the glossary: ``glossary/*.yml`` files parsed and validated strictly.

Each file is a YAML list of entries::

    - id: vladimir-putin            # slug: [a-z0-9]+(-[a-z0-9]+)*
      name: Vladimir Putin
      type: person                  # one of ENTITY_TYPES
      aliases: [Putin, President Putin]
      case_sensitive: true          # optional, default true; acronyms are always case-sensitive
      description: President of Russia since 2012.   # Markdown allowed; untrusted
      links: [https://en.wikipedia.org/wiki/Vladimir_Putin]   # optional, http(s) only
      see_also: [kremlin]           # optional ids

:func:`load_glossary` raises :class:`~briefings.common.errors.GlossaryError` naming the file
and YAML line for anything that would make the glossary ambiguous or wrong, and returns
:class:`~briefings.common.errors.Problem` warnings for what is only doubtful (an empty
description, a common English word as a case-insensitive alias).
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from briefings.common.errors import GlossaryError, Problem
from briefings.common.names import is_acronym, normalise_surface
from briefings.content.files import (
    LocatedDict,
    LocatedList,
    display_path,
    read_located_list,
    yaml_type_name,
)
from briefings.entities.glossary import ENTITY_TYPES, Glossary, GlossaryEntry

__all__ = ["load_glossary", "load_lowercase_english_words"]

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


_KEYS = ("id", "name", "type", "aliases", "case_sensitive", "description", "links", "see_also")


_REQUIRED_KEYS = ("id", "name", "type")


_ID_HINT = "use lower-case letters, digits and single hyphens, e.g. 'vladimir-putin'"


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
                key, f"'{key}' must be text, not {yaml_type_name(value)}", _quote_hint(value)
            )
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            hint = f"write it as a list: {key}: [{value}]" if isinstance(value, str) else ""
            raise self.fail(
                key, f"'{key}' must be a list of text, not {yaml_type_name(value)}", hint
            )
        items: list[str] = []
        for index, item in enumerate(value):
            line = value.item_lines[index] if isinstance(value, LocatedList) else self.line(key)
            if not isinstance(item, str):
                raise GlossaryError(
                    self.path,
                    line,
                    f"item {index + 1} of '{key}' must be text, not {yaml_type_name(item)}",
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
            f"a glossary entry must be a mapping, not {yaml_type_name(item)}",
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
            f"'case_sensitive' must be true or false, not {yaml_type_name(case_sensitive)}",
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
    data = read_located_list(
        path,
        shown,
        GlossaryError,
        hint,
        ("a glossary file", "entries"),
        "start each entry with '- id: ...'",
    )
    if data is None:
        return []
    return [
        _read_entry(item, shown, line) for item, line in zip(data, data.item_lines, strict=True)
    ]


def read_glossary_file(path: Path, root: Path | None = None) -> list[GlossaryEntry]:
    """Return the entries of one glossary file, in file order, unchecked against the rest
    of the glossary; raise :class:`GlossaryError` if the file itself is invalid."""
    return _read_file(path, display_path(path, root))


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

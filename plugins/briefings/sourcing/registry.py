"""The sources registry (``sources.yml``): load, validate, and resolve source names.

Each entry names one source that briefings cite: a news agency, a think tank, a government
body, and so on. Attributions found in seed text ("according to the Royal United Services
Institute (RUSI) analysis") are resolved to an entry by name or alias, ignoring case,
apostrophe style and a leading "the"; a known name inside a longer phrase counts too.

Anonymous sources ("a defence official") are not registry entries: the footnote planner
handles them without looking them up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefings.common.errors import Problem, SourcesError
from briefings.common.names import source_key
from briefings.content.files import LocatedDict, display_path, read_located_list, yaml_type_name

SOURCE_KINDS: tuple[str, ...] = (
    "news agency",
    "think tank",
    "government",
    "military",
    "official",
    "media",
    "person",
    "company",
    "international organisation",
    "ngo",
    "organisation",
    "other",
)

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Printable ASCII only (an IRI's other characters are written percent-encoded).
_URL_RE = re.compile(r"https?://[!#-&*-;=?-Z^-_a-z{-~]+")
_FIELDS = ("id", "name", "kind", "aliases", "url", "description")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACE_RE = re.compile(r"\s+")
# Acronyms up to this length are matched inside phrases only in their registered case, so
# that an alias "US" or "AP" does not fire on the words "us" or "ap".
_CASE_SENSITIVE_MAX = 5


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One registered source; ``path``/``line`` say where it is defined."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    url: str = ""
    description: str = ""
    path: str = ""
    line: int | None = None


def _is_short_acronym(alias: str) -> bool:
    """Return whether ``alias`` is a short all-capitals acronym ("AP", "U.S.")."""
    letters = alias.replace(".", "")
    return len(letters) <= _CASE_SENSITIVE_MAX and letters.isalpha() and letters.isupper()


class SourceRegistry:
    """A validated collection of sources, looked up by id or resolved by name/alias."""

    def __init__(self, entries: Iterable[SourceEntry]) -> None:
        """Index ``entries``; raises SourcesError on a duplicate id or a name two sources claim."""
        self._entries: dict[str, SourceEntry] = {}
        self._by_name: dict[str, SourceEntry] = {}
        folded: list[tuple[str, SourceEntry]] = []
        exact: list[tuple[str, SourceEntry]] = []
        for entry in entries:
            first = self._entries.get(entry.id)
            if first is not None:
                raise SourcesError(
                    entry.path,
                    entry.line,
                    f"duplicate source id '{entry.id}'",
                    f"the first '{entry.id}' is at line {first.line}; rename or merge one",
                )
            self._entries[entry.id] = entry
            for alias in (entry.name, *entry.aliases):
                key = source_key(alias)
                if not key:
                    continue
                owner = self._by_name.get(key)
                if owner is not None and owner.id != entry.id:
                    raise SourcesError(
                        entry.path,
                        entry.line,
                        f"source '{entry.id}' claims the name '{alias}', "
                        f"which already belongs to '{owner.id}'",
                        "a name or alias may belong to one source only; remove one of them",
                    )
                self._by_name[key] = entry
                if _is_short_acronym(alias.strip()):
                    exact.append((alias.strip(), entry))
                else:
                    folded.append((key, entry))
        self._folded_re = _alternation(folded, 0)
        self._exact_re = _alternation(exact, 0)
        self._folded_owner = {key: entry for key, entry in folded}
        self._exact_owner = {alias: entry for alias, entry in exact}

    def __iter__(self) -> Iterator[SourceEntry]:
        """Return an iterator over the entries in registry order."""
        return iter(self._entries.values())

    def __len__(self) -> int:
        """Return the number of entries."""
        return len(self._entries)

    def get(self, source_id: str) -> SourceEntry | None:
        """Return the entry with id ``source_id``, or None."""
        return self._entries.get(source_id)

    def lookup(self, name: str) -> SourceEntry | None:
        """Return the entry whose name or an alias equals ``name`` (see :func:`normalize_name`)."""
        return self._by_name.get(source_key(name))

    def resolve(self, name: str) -> SourceEntry | None:
        """Return the entry that ``name`` refers to, or None.

        First the whole of ``name`` is compared with every name and alias (see
        :func:`normalize_name`); failing that, the longest registered name found inside
        ``name`` as whole words wins ("the Royal United Services Institute (RUSI) analysis"
        finds "Royal United Services Institute"), the earliest on a tie. Short upper-case
        acronyms ("AP") are found inside phrases only in upper case.
        """
        key = source_key(name)
        entry = self._by_name.get(key)
        if entry is not None:
            return entry
        best: tuple[int, int, SourceEntry] | None = None  # (-length, start, entry)
        text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES)
        text = _SPACE_RE.sub(" ", text)
        if self._folded_re is not None:
            for match in self._folded_re.finditer(text.casefold()):
                candidate = (-len(match.group()), match.start(), self._folded_owner[match.group()])
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
        if self._exact_re is not None:
            for match in self._exact_re.finditer(text):
                candidate = (-len(match.group()), match.start(), self._exact_owner[match.group()])
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
        return best[2] if best else None


def _alternation(names: list[tuple[str, SourceEntry]], flags: int) -> re.Pattern[str] | None:
    """Return a regex matching any of ``names`` as whole words, longest first, or None."""
    if not names:
        return None
    ordered = sorted({name for name, _ in names}, key=len, reverse=True)
    body = "|".join(re.escape(name) for name in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def _string_field(item: LocatedDict, key: str, path: str, *, required: bool) -> str:
    """Return the string value of ``key``.

    Raises SourcesError if it is missing (when required), empty (when required) or not a string.
    """
    if key not in item or item[key] is None:
        if required:
            raise SourcesError(
                path,
                item.line,
                f"source is missing '{key}'",
                "every source needs id, name and kind",
            )
        return ""
    value = item[key]
    if not isinstance(value, str):
        raise SourcesError(
            path,
            item.line_of(key),
            f"'{key}' must be a string, not {yaml_type_name(value)}",
            "quote the value if YAML reads it as a number, date or boolean",
        )
    value = value.strip()
    if required and not value:
        raise SourcesError(path, item.line_of(key), f"'{key}' is empty", "")
    return value


def _parse_entry(item: object, line: int, path: str) -> tuple[SourceEntry, list[Problem]]:
    """Return the entry for one list item and its warnings; raises SourcesError if invalid."""
    if not isinstance(item, LocatedDict):
        raise SourcesError(
            path,
            line,
            f"each source must be a mapping, not {yaml_type_name(item)}",
            "write '- id: ...' followed by 'name:', 'kind:' and the other keys",
        )
    problems: list[Problem] = []
    for key in item:
        if key not in _FIELDS:
            problems.append(
                Problem(
                    path,
                    item.line_of(str(key)),
                    f"unknown key '{key}' ignored",
                    f"known keys: {', '.join(_FIELDS)}",
                )
            )
    source_id = _string_field(item, "id", path, required=True)
    if not _ID_RE.fullmatch(source_id):
        raise SourcesError(
            path,
            item.line_of("id"),
            f"invalid source id '{source_id}'",
            "ids are lower-case letters, digits and single hyphens, e.g. 'associated-press'",
        )
    name = _string_field(item, "name", path, required=True)
    kind = _string_field(item, "kind", path, required=True)
    if kind not in SOURCE_KINDS:
        raise SourcesError(
            path,
            item.line_of("kind"),
            f"unknown kind '{kind}' for source '{source_id}'",
            f"kind must be one of: {', '.join(SOURCE_KINDS)}",
        )
    raw_aliases = item.get("aliases")
    if raw_aliases is None:
        raw_aliases = []
    if not isinstance(raw_aliases, list) or not all(
        isinstance(alias, str) and alias.strip() for alias in raw_aliases
    ):
        raise SourcesError(
            path,
            item.line_of("aliases"),
            f"'aliases' of '{source_id}' must be a list of non-empty strings",
            "write aliases: [AP, the Associated Press]",
        )
    aliases = tuple(dict.fromkeys(alias.strip() for alias in raw_aliases))
    url = _string_field(item, "url", path, required=False)
    if url and not _URL_RE.fullmatch(url):
        raise SourcesError(
            path,
            item.line_of("url"),
            f"invalid url '{url}' for source '{source_id}'",
            "use an absolute http(s) URL without spaces, quotes, brackets or parentheses; "
            "write other characters percent-encoded (%C3%A9)",
        )
    description = _string_field(item, "description", path, required=False)
    if not description:
        problems.append(
            Problem(
                path,
                item.line,
                f"source '{source_id}' has no description",
                "add a one-line description: readers see it on the sources page",
            )
        )
    entry = SourceEntry(source_id, name, kind, aliases, url, description, path, item.line)
    return entry, problems


def load_sources(path: Path, root: Path | None = None) -> tuple[SourceRegistry, list[Problem]]:
    """Return the registry in the YAML file ``path`` and the warnings about it.

    Paths in errors and warnings are relative to ``root`` when given. Raises SourcesError
    (with the file and line) when the file cannot be read, is not valid YAML, is not a list,
    has a duplicate key, or has an entry with a missing or mistyped field, an unknown kind,
    a duplicate id or an alias that another source already claims. An empty file is an
    empty registry. Entries without a description are warnings.
    """
    shown = display_path(path, root)
    hint = "sources.yml must be a YAML list of mappings"
    data = read_located_list(
        path,
        shown,
        SourcesError,
        hint,
        ("the sources file", "sources"),
        "start each source with '- id: ...'",
    )
    if data is None:
        return SourceRegistry(()), []
    entries: list[SourceEntry] = []
    problems: list[Problem] = []
    for item, line in zip(data, data.item_lines, strict=True):
        entry, entry_problems = _parse_entry(item, line, shown)
        entries.append(entry)
        problems.extend(entry_problems)
    return SourceRegistry(entries), problems

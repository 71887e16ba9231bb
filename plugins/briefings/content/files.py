"""Reading content files: display paths, UTF-8 decoding and YAML that keeps line numbers.

Seeds, the glossary and the sources registry are all files editors write by hand; every
problem in them must name the file and the line. The readers share these pieces so the
messages, and what counts as a problem, are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import yaml

from briefings.common.errors import BriefingsError

UTF8_HINT = "re-save the file as UTF-8 (most editors offer 'Save with encoding')"


def display_path(path: Path, root: Path | None) -> str:
    """Return ``path`` relative to ``root`` (POSIX form) when it lies inside it, else as given."""
    if root is None:
        return path.as_posix()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:  # e.g. a relative path given against an absolute root
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return path.as_posix()


def read_bytes(path: Path, shown: str, error: type[BriefingsError]) -> bytes:
    """Return the bytes of ``path``; raise ``error`` naming ``shown`` if it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise error(shown, None, f"cannot read the file: {exc.strerror}") from exc


def decode_utf8(raw: bytes, shown: str, error: type[BriefingsError]) -> str:
    """Return ``raw`` decoded as UTF-8 with any byte-order mark removed.

    Raises ``error`` naming the line and byte offset of the first byte that is not UTF-8.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            shown,
            raw.count(b"\n", 0, exc.start) + 1,
            f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}",
            UTF8_HINT,
        ) from exc


class LocatedDict(dict[Hashable, Any]):
    """A YAML mapping that remembers its line and the line of each key (1-based)."""

    __slots__ = ("key_lines", "line")

    def __init__(self, items: Mapping[Hashable, Any], line: int, key_lines: dict[Hashable, int]):
        super().__init__(items)
        self.line = line
        self.key_lines = key_lines

    def line_of(self, key: Hashable) -> int:
        """Return the line of ``key``, or the mapping's own line when the key is absent."""
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A YAML sequence that remembers its line and the line of each item (1-based)."""

    __slots__ = ("item_lines", "line")

    def __init__(self, items: Iterable[Any], line: int, item_lines: list[int]):
        super().__init__(items)
        self.line = line
        self.item_lines = item_lines


class _DuplicateKeyError(Exception):
    """A key appears twice in one YAML mapping (PyYAML would silently keep the last)."""

    def __init__(self, key: Hashable, line: int, first_line: int) -> None:
        super().__init__(key, line, first_line)
        self.key = key
        self.line = line
        self.first_line = first_line


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LocatedDict:
    key_lines: dict[Hashable, int] = {}
    for key_node, _value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            continue  # construct_mapping below reports it
        line = key_node.start_mark.line + 1
        if key in key_lines:
            raise _DuplicateKeyError(key, line, key_lines[key])
        key_lines[key] = line
    loader.flatten_mapping(node)
    mapping = loader.construct_mapping(node, deep=True)
    return LocatedDict(mapping, node.start_mark.line + 1, key_lines)


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedList:
    return LocatedList(
        loader.construct_sequence(node, deep=True),
        node.start_mark.line + 1,
        [item.start_mark.line + 1 for item in node.value],
    )


# libyaml's parser is about six times faster than PyYAML's pure-Python one on a large
# glossary; the constructors (and so the line numbers and checks) are the same Python code.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _BadValueError(Exception):
    """A scalar PyYAML cannot build ("2022-02-30" as a date, "0x_" as a number)."""

    def __init__(self, line: int, cause: Exception) -> None:
        super().__init__(line, cause)
        self.line = line
        self.cause = cause


class _LocatingLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader whose mappings and sequences carry line numbers; rejects duplicate keys."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Build ``node``; a value PyYAML cannot build raises _BadValueError with its line."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            raise _BadValueError(node.start_mark.line + 1, exc) from exc

    yaml_constructors: ClassVar[dict[str | None, Any]] = {
        **yaml.SafeLoader.yaml_constructors,
        "tag:yaml.org,2002:map": _construct_mapping,
        "tag:yaml.org,2002:seq": _construct_sequence,
    }


def load_located_yaml(text: str, shown: str, error: type[BriefingsError], syntax_hint: str) -> Any:
    """Return the YAML document in ``text``: mappings as :class:`LocatedDict`, sequences as
    :class:`LocatedList`, ``None`` for an empty document.

    Raises ``error`` naming the line for invalid YAML (with ``syntax_hint``) and for a key
    repeated in one mapping, which PyYAML would otherwise silently drop.
    """
    loader = _LocatingLoader(text)
    try:
        return loader.get_single_data()
    except _DuplicateKeyError as exc:
        raise error(
            shown,
            exc.line,
            f"duplicate key '{exc.key}' (first on line {exc.first_line})",
            "YAML keeps only the last one: remove or merge one of them",
        ) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"invalid YAML: {exc.problem or exc.context or exc}"
        if exc.problem and exc.context and exc.context_mark is not None:
            # Where the construct began, e.g. the '[' of an unclosed flow sequence.
            reason += f" ({exc.context} at line {exc.context_mark.line + 1})"
        raise error(shown, mark.line + 1 if mark else None, reason, syntax_hint) from exc
    except yaml.YAMLError as exc:
        raise error(shown, None, f"invalid YAML: {exc}", syntax_hint) from exc
    except _BadValueError as exc:
        raise error(
            shown,
            exc.line,
            f"invalid value: {exc.cause}",
            "quote the value if it is meant as text (e.g. '2022-02-30')",
        ) from exc
    finally:
        loader.dispose()


def read_located_yaml(path: Path, shown: str, error: type[BriefingsError], syntax_hint: str) -> Any:
    """Return the YAML document of the file ``path`` (see :func:`load_located_yaml`).

    Raises ``error`` naming ``shown`` when the file cannot be read, is not UTF-8 or is not
    valid YAML.
    """
    text = decode_utf8(read_bytes(path, shown, error), shown, error)
    return load_located_yaml(text, shown, error, syntax_hint)


def yaml_type_name(value: object) -> str:
    """Name the YAML type of ``value`` in an editor's words: "text", "a mapping", ..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    return {
        str: "text",
        int: "a number",
        float: "a number",
        dict: "a mapping",
        LocatedDict: "a mapping",
        list: "a list",
        LocatedList: "a list",
    }.get(type(value), type(value).__name__)


def read_located_list(
    path: Path,
    shown: str,
    error: type[BriefingsError],
    syntax_hint: str,
    what: tuple[str, str],
    fix: str,
) -> LocatedList | None:
    """Return the YAML list in the file ``path``, ``None`` when the file is empty (or only
    comments).

    Raises ``error`` as :func:`read_located_yaml` does, and when the document is not a list
    (``what`` is the file and its items, e.g. ``("a glossary file", "entries")``): "a glossary
    file must be a YAML list of entries, not a mapping", with ``fix``.
    """
    data = read_located_yaml(path, shown, error, syntax_hint)
    if data is None or isinstance(data, LocatedList):
        return data
    raise error(
        shown,
        getattr(data, "line", 1),
        f"{what[0]} must be a YAML list of {what[1]}, not {yaml_type_name(data)}",
        fix,
    )

"""Editors' decisions (``decisions.yml``): corrections the machine must keep making.

A YAML list; each item is one decision, validated like the glossary (errors name the file
and the line)::

    - reject: Credit Suisse Tower      # a name never highlighted, never suggested
    - map: Georgia                     # a name as written ...
      to: georgia-us-state             # ... is this glossary or unreviewed entity
      seed: seeds/2024-05-01-x.txt     # optional: in this seed only
    - drop: "the plan was dead"        # a phrase of an attributed sentence: no footnote
      seed: seeds/2024-05-01-x.txt
    - source: "the plan was dead"      # a phrase of an attributed sentence ...
      is: rusi                         # ... cites this source (a sources.yml id or a name)
      seed: seeds/2024-05-01-x.txt

A decision that matches nothing any more is reported in the sourcing report, not fatal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefings.common.errors import DecisionsError
from briefings.common.names import name_key
from briefings.content.files import LocatedDict, display_path, read_located_list

KINDS = ("reject", "map", "drop", "source")
_EXTRA = {"reject": (), "map": ("to", "seed"), "drop": ("seed",), "source": ("is", "seed")}
_REQUIRED = {"reject": (), "map": ("to",), "drop": ("seed",), "source": ("is", "seed")}
_KINDS_HINT = (
    "write '- reject: NAME', '- map: NAME' with 'to:', '- drop: PHRASE' "
    "or '- source: PHRASE' with 'is:'"
)


@dataclass(frozen=True, slots=True)
class Decision:
    """One editor's decision; ``number`` is its place in the file (from 0)."""

    number: int
    kind: str  # one of KINDS
    value: str  # the name ("reject", "map") or the phrase ("drop", "source")
    target: str = ""  # "map": an entity id; "source": a source id or name
    seed: str = ""  # a seed path, "" for every seed
    path: str = ""
    line: int | None = None

    def applies_to(self, seed_path: str) -> bool:
        """Return whether the decision concerns the seed at ``seed_path``."""
        return not self.seed or self.seed == seed_path

    def describe(self) -> str:
        """Return the decision as the file says it, for reports."""
        where = f" in {self.seed}" if self.seed else ""
        target = f" -> {self.target}" if self.target else ""
        return f"{self.kind} '{self.value}'{target}{where}"


@dataclass(frozen=True, slots=True)
class Decisions:
    """Every decision of the file, and lookups by kind."""

    items: tuple[Decision, ...] = ()

    def rejected(self) -> frozenset[str]:
        """Return the lookup keys of rejected names."""
        return frozenset(name_key(d.value) for d in self.items if d.kind == "reject")

    def of_kind(self, kind: str, seed_path: str) -> list[Decision]:
        """Return the decisions of ``kind`` that concern the seed at ``seed_path``."""
        return [d for d in self.items if d.kind == kind and d.applies_to(seed_path)]


def load_decisions(path: Path, root: Path | None = None) -> Decisions:
    """Return the decisions in ``path`` (none if it does not exist).

    Raises :class:`DecisionsError` naming the file and line for anything malformed.
    """
    if not path.exists():
        return Decisions()
    shown = display_path(path, root)
    hint = "decisions.yml must be a YAML list of decisions (see the README)"
    data = read_located_list(
        path, shown, DecisionsError, hint, ("the decisions file", "decisions"), hint
    )
    if data is None:
        return Decisions()
    items = []
    for number, (item, line) in enumerate(zip(data, data.item_lines, strict=True)):
        items.append(_read(number, item, line, shown))
    return Decisions(tuple(items))


def _read(number: int, item: object, line: int, shown: str) -> Decision:
    if not isinstance(item, LocatedDict):
        raise DecisionsError(shown, line, "a decision must be a mapping", _KINDS_HINT)
    kinds = [k for k in KINDS if k in item]
    if len(kinds) != 1:
        raise DecisionsError(
            shown, line, "a decision needs exactly one of: " + ", ".join(KINDS), _KINDS_HINT
        )
    kind = kinds[0]
    allowed = {kind, *_EXTRA[kind]}
    for key in item:
        if key not in allowed:
            raise DecisionsError(
                shown,
                item.line_of(key),
                f"'{key}' does not belong in a '{kind}' decision",
                f"a '{kind}' decision takes: {', '.join(sorted(allowed))}",
            )
    for key in _REQUIRED[kind]:
        if key not in item:
            raise DecisionsError(shown, line, f"a '{kind}' decision needs '{key}'", _KINDS_HINT)
    values = {}
    for key in allowed & set(item):
        value = item[key]
        if not isinstance(value, str) or not value.strip():
            raise DecisionsError(
                shown, item.line_of(key), f"'{key}' must be non-empty text", "quote it"
            )
        values[key] = " ".join(value.split())
    return Decision(
        number,
        kind,
        values[kind],
        values.get("to") or values.get("is", ""),
        values.get("seed", ""),
        shown,
        line,
    )

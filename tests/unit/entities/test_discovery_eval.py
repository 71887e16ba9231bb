"""Quality of entity discovery on the hand-marked evaluation set in ``tests/eval/``.

Runs discovery with an empty glossary over every ``<name>.txt`` briefing, compares the
marked (surface, type) pairs with ``<name>.gold.yml`` and prints micro precision and recall
over the set, by surface and type and by surface alone. The floors sit a little below the
scores reached, so a regression fails the build. See ``tests/eval/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from briefings.entities.discovery import EntityDiscoverer
from briefings.entities.glossary import ENTITY_TYPES

EVAL = Path(__file__).resolve().parents[2] / "eval"
ARTICLES = sorted(EVAL.glob("*.txt"))
# Written after the rules were frozen and never used to change them.
HELD_OUT = frozenset({"drc_ceasefire", "nato_summit", "pharma_merger"})

# Floors: a little below the scores reached (see the report printed by the tests).
FLOORS = {
    "all, surface and type": (0.97, 0.88),
    "all, surface only": (0.97, 0.89),
    "held out, surface and type": (0.90, 0.78),
}

_HEADER_RE = re.compile(r"\s*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def read_briefing(path: Path) -> list[str]:
    """Return the blocks of a seed-format file: header removed, lines of a block joined."""
    text = path.read_text(encoding="utf-8")
    header = _HEADER_RE.match(text)
    body = text[header.end() :] if header else text
    return [" ".join(block.split()) for block in _BLANK_LINE_RE.split(body) if block.strip()]


def read_gold(path: Path) -> set[tuple[str, str]]:
    """Return the gold (surface, type) pairs of one briefing."""
    items = yaml.safe_load(path.with_suffix(".gold.yml").read_text(encoding="utf-8"))
    return {(str(item["text"]), str(item["type"])) for item in items}


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@pytest.fixture(scope="module")
def discoverer() -> EntityDiscoverer:
    return EntityDiscoverer()


@pytest.fixture(scope="module")
def scores(discoverer: EntityDiscoverer) -> dict[str, Counts]:
    """Score every article; return the counts per report line."""
    result = {name: Counts() for name in (*FLOORS, "held out, surface only")}
    for path in ARTICLES:
        paragraphs = read_briefing(path)
        candidates, mentions = discoverer.discover(paragraphs)
        types = {candidate.id: candidate.type for candidate in candidates}
        predicted = {
            (paragraph[m.start : m.end], types[m.entry_id])
            for paragraph, found in zip(paragraphs, mentions, strict=True)
            for m in found
        }
        gold = read_gold(path)
        untyped_predicted = {(surface, "") for surface, _kind in predicted}
        untyped_gold = {(surface, "") for surface, _kind in gold}
        result["all, surface and type"].add(predicted, gold)
        result["all, surface only"].add(untyped_predicted, untyped_gold)
        if path.stem in HELD_OUT:
            result["held out, surface and type"].add(predicted, gold)
            result["held out, surface only"].add(untyped_predicted, untyped_gold)
    return result


def test_evaluation_set_is_well_formed() -> None:
    assert len(ARTICLES) >= 6
    assert {path.stem for path in ARTICLES} >= HELD_OUT
    for path in ARTICLES:
        paragraphs = read_briefing(path)
        words = sum(len(paragraph.split()) for paragraph in paragraphs)
        assert 200 <= words <= 400, (path.name, words)
        text = " ".join(paragraphs)
        for surface, kind in read_gold(path):
            assert kind in ENTITY_TYPES, (path.name, surface, kind)
            assert surface in text, (path.name, surface)


@pytest.mark.parametrize("line", sorted(FLOORS))
def test_quality_floor(scores: dict[str, Counts], line: str) -> None:
    report = "\n".join(
        f"{name:28} P={counts.precision:.3f} R={counts.recall:.3f} "
        f"(tp={counts.tp} fp={counts.fp} fn={counts.fn})"
        for name, counts in scores.items()
    )
    print(f"\nentity discovery on {len(ARTICLES)} briefings, empty glossary:\n{report}")
    precision_floor, recall_floor = FLOORS[line]
    counts = scores[line]
    assert counts.precision >= precision_floor, report
    assert counts.recall >= recall_floor, report

"""Score entity marks occurrence by occurrence: ``python tests/entity_eval.py DIR...``.

Each article ``<slug>.txt`` with a ``<slug>.gold.yml`` (format in ``tests/eval/README.md``)
is published by the real :class:`~briefings.site.publisher.Publisher` with this repository's
glossary and sources (discovery on, no cache). Every whole-word occurrence of a gold surface
form (longest first, no overlaps) is a gold mention; every entity mark a reader sees in the
text (not in the "In this briefing" box) is a predicted one. A prediction is right when its
span is exactly a gold mention's; its type is right when the types agree as well.

- **precision**: predicted marks that are gold mentions;
- **recall**: gold mentions that are marked;
- **type accuracy**: of the marks that are gold mentions, those with the gold type.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from sourcing_eval import publish


@dataclass
class EntityScores:
    """Counts summed over articles."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    typed: int = 0
    misses: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        """Return precision, recall and type accuracy."""
        return {
            "precision": self.matched / self.predicted if self.predicted else 1.0,
            "recall": self.matched / self.gold if self.gold else 1.0,
            "type accuracy": self.typed / self.matched if self.matched else 1.0,
        }


def _marks(paragraph: Tag) -> tuple[str, list[tuple[int, int, str]]]:
    """Return a paragraph's text (footnote markers left out) and its entity marks."""
    parts: list[str] = []
    marks: list[tuple[int, int, str]] = []
    for node in paragraph.descendants:
        if isinstance(node, NavigableString) and not node.find_parent("sup"):
            mark = node.find_parent(attrs={"data-entity": True})
            start = len("".join(parts))
            parts.append(str(node))
            if mark is not None and mark.find_parent("p") is paragraph:
                marks.append((start, start + len(node), str(mark.get("data-entity-type"))))
    return "".join(parts), marks


def _gold_mentions(text: str, gold: list[tuple[str, str]]) -> dict[tuple[int, int], str]:
    """Return the gold mentions of ``text``: span -> type, longest surfaces first."""
    taken: dict[tuple[int, int], str] = {}
    for surface, kind in sorted(gold, key=lambda item: -len(item[0])):
        pattern = rf"(?<!\w){re.escape(surface)}(?!\w)"
        for match in re.finditer(pattern, text):
            span = (match.start(), match.end())
            if all(span[1] <= s or span[0] >= e for s, e in taken):
                taken[span] = kind
    return taken


def score_article(soup: BeautifulSoup, gold_path: Path, scores: EntityScores) -> None:
    """Add one article's counts to ``scores``."""
    items = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or []
    gold = [(str(item["text"]), str(item["type"])) for item in items]
    for paragraph in soup.find_all("p"):
        if paragraph.find_parent(class_=["footnote", "briefing-entities"]):
            continue
        if "briefing-meta" in (paragraph.get("class") or []):
            continue
        text, marks = _marks(paragraph)
        expected = _gold_mentions(text, gold)
        scores.gold += len(expected)
        scores.predicted += len(marks)
        for start, end, kind in marks:
            if (start, end) in expected:
                scores.matched += 1
                scores.typed += expected[(start, end)] == kind
                if expected[(start, end)] != kind:
                    scores.misses.append(
                        f"{gold_path.stem}: {text[start:end]!r} typed {kind}, "
                        f"gold {expected[(start, end)]}"
                    )
            else:
                scores.misses.append(f"{gold_path.stem}: extra {text[start:end]!r} ({kind})")
        found = {(s, e) for s, e, _ in marks}
        for (start, end), kind in expected.items():
            if (start, end) not in found:
                scores.misses.append(f"{gold_path.stem}: missed {text[start:end]!r} ({kind})")


def score(folders: list[Path], tmp: Path) -> EntityScores:
    """Return the scores of every article with entity gold in ``folders``."""
    scores = EntityScores()
    for folder in folders:
        for slug, soup in sorted(publish(folder, tmp).items()):
            gold_path = folder / f"{slug}.gold.yml"
            if gold_path.exists():
                score_article(soup, gold_path, scores)
    return scores


def main(argv: list[str]) -> int:
    """Print the scores of the folders named in ``argv`` (``-v`` lists the errors)."""
    verbose = "-v" in argv
    scores = score([Path(a) for a in argv if a != "-v"], Path(tempfile.gettempdir()))
    for name, value in scores.ratios().items():
        print(f"{name:14} {value:.3f}")
    print(f"gold mentions {scores.gold}; marks {scores.predicted}")
    if verbose:
        for miss in scores.misses:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

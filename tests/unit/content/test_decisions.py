"""The editors' decisions file: read strictly, with file:line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefings.common.errors import DecisionsError
from briefings.content.decisions import load_decisions

GOOD = """\
- reject: Credit Suisse Tower
- map: Georgia
  to: georgia-us-state
  seed: seeds/a.txt
- drop: "the plan was dead"
  seed: seeds/a.txt
- source: "the plan was dead"
  is: rusi
  seed: seeds/b.txt
"""


def test_every_kind_of_decision_is_read(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yml"
    path.write_text(GOOD, "utf-8")
    decisions = load_decisions(path, tmp_path)
    assert [(d.kind, d.value, d.target, d.seed, d.line) for d in decisions.items] == [
        ("reject", "Credit Suisse Tower", "", "", 1),
        ("map", "Georgia", "georgia-us-state", "seeds/a.txt", 2),
        ("drop", "the plan was dead", "", "seeds/a.txt", 5),
        ("source", "the plan was dead", "rusi", "seeds/b.txt", 7),
    ]
    assert [d.number for d in decisions.of_kind("map", "seeds/a.txt")] == [1]
    assert decisions.of_kind("map", "seeds/c.txt") == []
    assert decisions.rejected() == {"credit suisse tower"}


def test_a_missing_file_is_no_decisions(tmp_path: Path) -> None:
    assert load_decisions(tmp_path / "decisions.yml").items == ()


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("- reject: X\n  map: Y\n", 1, "exactly one of"),
        ("- map: Georgia\n", 1, "needs 'to'"),
        ("- drop: phrase\n", 1, "needs 'seed'"),
        ("- reject: X\n  seed: seeds/a.txt\n", 2, "'seed' does not belong"),
        ("- map: Georgia\n  to: 3\n", 2, "'to' must be non-empty text"),
        ("reject: X\n", 1, "must be a YAML list"),
        ("just text\n", 1, "must be a YAML list of decisions, not text"),
        ("- [oops\n", 1, "decisions.yml:"),
    ],
)
def test_bad_decisions_name_the_line(tmp_path: Path, text: str, where: int, message: str) -> None:
    path = tmp_path / "decisions.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(DecisionsError) as failure:
        load_decisions(path, tmp_path)
    assert message in str(failure.value)
    assert str(failure.value).startswith(f"decisions.yml:{where}") or message == "decisions.yml:"

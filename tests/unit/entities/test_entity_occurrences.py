"""Entity marks scored occurrence by occurrence on the round-2 articles (tests/entity_eval.py).

27 articles at real density (10-12 mentions per 100 words), none of them written or read
while the entity rules were developed; shipped glossary, discovery on. The floors sit a
little under the scores reached (precision 0.956, recall 0.803, type accuracy 0.942 on
1,287 mentions), so a regression fails the build; the issue's targets (0.95, 0.90, 0.93)
are not met on recall yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from entity_eval import score

pytestmark = pytest.mark.slow

ROUND2 = Path(__file__).resolve().parents[2] / "eval" / "round2"
FLOORS = {"precision": 0.94, "recall": 0.78, "type accuracy": 0.92}


def test_entity_marks_by_occurrence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folders = sorted(p for p in ROUND2.iterdir() if p.is_dir())
    scores = score(folders, tmp_path)
    ratios = scores.ratios()
    with capsys.disabled():
        figures = ", ".join(f"{name} {value:.3f}" for name, value in ratios.items())
        print(f"\nentities by occurrence ({scores.gold} mentions): {figures}")
    assert scores.gold >= 1000
    for name, floor in FLOORS.items():
        assert ratios[name] >= floor, (name, ratios[name])

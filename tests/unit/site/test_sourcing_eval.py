"""Source footnotes scored against hand-marked gold (``tests/eval/round2``).

Prints recall, precision, canonical names and merging over the development articles and,
separately, over the held-out articles (written after the rules were frozen, never used to
change them; see ``tests/eval/round2/README.md``), and fails below the floors. The floors
sit a little under the scores reached, so a regression fails the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sourcing_eval import score

pytestmark = pytest.mark.slow

ROUND2 = Path(__file__).resolve().parents[2] / "eval" / "round2"
FLOORS = {
    "dev": {"recall": 0.95, "precision": 0.95, "canonical": 0.94, "merged": 0.97},
    # Held-out set 1, scored 0.940 / 0.979 / 0.820 / 0.500 on its first run at the tag
    # sourcing-rules-frozen-1, then studied: development data since (README).
    "heldout1": {"recall": 0.97, "precision": 0.96, "canonical": 0.92, "merged": 0.75},
    # Held-out set 2: 0.867 / 1.000 / 0.733 / 0.357 on its first run at the tag
    # sourcing-rules-frozen-2, then studied.
    "heldout2": {"recall": 0.97, "precision": 0.97, "canonical": 0.95, "merged": 0.95},
    # Held-out set 3: 0.915 / 0.956 / 0.809 / 0.818 on its first run at the tag
    # sourcing-rules-frozen-3, then studied.
    "heldout3": {"recall": 0.95, "precision": 0.94, "canonical": 0.91, "merged": 0.88},
    # Held-out set 4: 0.804 / 0.974 / 0.696 / 0.462 on its first run at the tag
    # sourcing-rules-frozen-4 (targets missed); a floor against regressions until it is
    # studied.
    "heldout4": {"recall": 0.78, "precision": 0.95, "canonical": 0.74, "merged": 0.44},
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_sourcing_quality(split: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = ROUND2 / split
    scores = score([folder], tmp_path)
    ratios = scores.ratios()
    with capsys.disabled():
        figures = ", ".join(f"{name} {value:.3f}" for name, value in ratios.items())
        print(f"\nsourcing, {split} ({scores.gold} attributions): {figures}")
    assert scores.gold >= 30
    assert scores.split_errors == 0, scores.misses
    for name, floor in FLOORS[split].items():
        assert ratios[name] >= floor, (name, ratios[name], scores.misses)

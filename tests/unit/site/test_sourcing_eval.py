"""Source footnotes scored against hand-marked gold (``tests/eval/round2`` and ``round3``).

Prints recall, precision, canonical names and merging over the development articles and,
separately, over the held-out articles (written after the rules were frozen, never used to
change them; see ``tests/eval/round2/README.md`` and ``round3/README.md``), and fails
below the floors. The floors
sit a little under the scores reached, so a regression fails the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sourcing_eval import Scores, score, score_article, sentence_spans

pytestmark = pytest.mark.slow

EVAL = Path(__file__).resolve().parents[2] / "eval"
FLOORS = {
    "round2/dev": {"recall": 0.96, "precision": 0.98, "canonical": 0.94, "merged": 0.97},
    # Held-out set 1, scored 0.940 / 0.979 / 0.820 / 0.500 on its first run at the tag
    # sourcing-rules-frozen-1, then studied: development data since (README).
    "round2/heldout1": {"recall": 0.97, "precision": 0.97, "canonical": 0.93, "merged": 0.79},
    # Held-out set 2: 0.867 / 1.000 / 0.733 / 0.357 on its first run at the tag
    # sourcing-rules-frozen-2, then studied.
    "round2/heldout2": {"recall": 0.97, "precision": 0.97, "canonical": 0.96, "merged": 0.97},
    # Held-out set 3: 0.915 / 0.956 / 0.809 / 0.818 on its first run at the tag
    # sourcing-rules-frozen-3, then studied.
    "round2/heldout3": {"recall": 0.97, "precision": 0.96, "canonical": 0.96, "merged": 0.97},
    # Held-out set 4: 0.804 / 0.974 / 0.696 / 0.462 on its first run at the tag
    # sourcing-rules-frozen-4 (targets missed), then studied.
    "round2/heldout4": {"recall": 0.96, "precision": 0.97, "canonical": 0.96, "merged": 0.97},
    # Round 3: development data, and held-out sets 1 to 6 after their first runs (figures
    # in round3/README.md), studied since.
    "round3/dev": {"recall": 0.97, "precision": 0.98, "canonical": 0.97, "merged": 0.97},
    "round3/heldout1": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.91},
    "round3/heldout2": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    "round3/heldout3": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    "round3/heldout4": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    "round3/heldout5": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    "round3/heldout6": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    # Held-out sets 7 and 8: 0.878 / 1.000 / 0.776 / 0.700 (one split error) and 0.915 /
    # 1.000 / 0.787 / 0.846 on their first runs, studied since.
    "round3/heldout7": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    "round3/heldout8": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    # Held-out set 9: 1.000 / 1.000 / 0.935 / 1.000 on its first run at the tag
    # sourcing-rules-frozen-8, studied since.
    "round3/heldout9": {"recall": 0.97, "precision": 0.97, "canonical": 0.97, "merged": 0.97},
    # Held-out set 10: 0.918 / 1.000 / 0.898 / 0.846 on its first run at the tag
    # sourcing-rules-frozen-9; not studied yet, so the floors sit under those figures.
    "round3/heldout10": {"recall": 0.9, "precision": 0.97, "canonical": 0.88, "merged": 0.83},
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_sourcing_quality(split: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = EVAL / split
    scores = score([folder], tmp_path)
    ratios = scores.ratios()
    with capsys.disabled():
        figures = ", ".join(f"{name} {value:.3f}" for name, value in ratios.items())
        print(f"\nsourcing, {split} ({scores.gold} attributions): {figures}")
    assert scores.gold >= 30
    assert scores.split_errors == 0, scores.misses
    for name, floor in FLOORS[split].items():
        assert ratios[name] >= floor, (name, ratios[name], scores.misses)


def test_a_quotation_with_a_full_stop_is_one_sentence_with_its_attribution() -> None:
    text = 'He left. "The cells are fine. The software failed," Ana Ruiz said. Rain fell.'
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "He left.",
        '"The cells are fine. The software failed," Ana Ruiz said.',
        "Rain fell.",
    ]


def test_a_marker_after_a_quotation_with_a_full_stop_scores_its_gold(tmp_path: Path) -> None:
    html = (
        '<p>"The cells are fine. The software failed," Ana Ruiz said.<sup id="fnref:a">'
        '<a class="footnote-ref" href="#fn:a">1</a></sup> Rain fell.</p>'
        '<div class="footnote"><ol><li id="fn:a">Ana Ruiz (person)</li></ol></div>'
    )
    gold = tmp_path / "a.sources.yml"
    gold.write_text('- {quote: "The cells are fine", source: Ana Ruiz, kind: person}\n')
    scores = Scores()
    score_article(BeautifulSoup(html, "html.parser"), gold, scores)
    assert (scores.found, scores.on_gold, scores.canonical, scores.markers) == (1, 1, 1, 1)


def test_a_source_named_with_a_parenthesis_matches_its_gold(tmp_path: Path) -> None:
    html = (
        '<p>Tarn Pharma (Pvt) Ltd said sales rose.<sup id="fnref:a">'
        '<a class="footnote-ref" href="#fn:a">1</a></sup></p>'
        '<div class="footnote"><ol><li id="fn:a">Tarn Pharma (Pvt) Ltd (organisation)</li>'
        "</ol></div>"
    )
    gold = tmp_path / "a.sources.yml"
    gold.write_text(
        '- {quote: "said sales rose", source: "Tarn Pharma (Pvt) Ltd", kind: organization}\n'
    )
    scores = Scores()
    score_article(BeautifulSoup(html, "html.parser"), gold, scores)
    assert scores.canonical == 1

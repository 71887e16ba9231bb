"""Provenance header lines, near-duplicate seeds and the seed's language."""

from __future__ import annotations

from datetime import date

import pytest
from briefings.common.errors import SeedError
from briefings.content.duplicates import find_duplicates
from briefings.content.language import detect_language
from briefings.content.seeds import parse_seed

STORY = (
    "Dock workers at the port of Valtara walked out on Monday after talks on a new contract "
    "collapsed, the federation said. The port authority said the strike was illegal and that "
    "it would seek an injunction, while ships were diverted to Morsund and Karlhamn. Labour "
    "Minister Agnes Holm said the government would not intervene in the dispute for now."
)
FRENCH = (
    "Les dockers du port de Valtara se sont mis en grève lundi après l'échec des négociations "
    "sur une nouvelle convention collective, a indiqué la fédération. L'autorité portuaire a "
    "déclaré que la grève était illégale et qu'elle demanderait une injonction au tribunal."
)


def test_provenance_lines_after_the_date() -> None:
    seed = parse_seed(
        "date 2025-03-04\noutlet Reuters\nurl https://example.org/story\n"
        "byline Jane Doe and John Roe\nretrieved 2025-03-05\n\n" + STORY + "\n",
        "seeds/a.txt",
    )
    provenance = seed.provenance
    assert provenance.outlet == "Reuters" and provenance.url == "https://example.org/story"
    assert provenance.byline == "Jane Doe and John Roe"
    assert provenance.retrieved == date(2025, 3, 5)
    assert seed.blocks[0].text.startswith("Dock workers")


@pytest.mark.parametrize(
    ("header", "where", "message"),
    [
        ("url javascript:alert(1)", 2, "is not an http(s) address"),
        ("retrieved last week", 2, "impossible or malformed date"),
        ("outlet Reuters\noutlet AP", 3, "'outlet' is given twice"),
    ],
)
def test_bad_provenance_names_the_line(header: str, where: int, message: str) -> None:
    with pytest.raises(SeedError) as failure:
        parse_seed(f"date 2025-03-04\n{header}\n\n{STORY}\n", "seeds/a.txt")
    assert message in str(failure.value) and f"seeds/a.txt:{where}:" in str(failure.value)


def test_markdown_seeds_take_provenance_from_front_matter() -> None:
    seed = parse_seed(
        "---\ndate: 2025-03-04\noutlet: AP\nurl: https://example.org/x\nretrieved: 2025-03-05\n"
        "---\n" + STORY + "\n",
        "seeds/a.md",
    )
    assert (seed.provenance.outlet, seed.provenance.retrieved) == ("AP", date(2025, 3, 5))


def test_near_identical_stories_are_paired_and_different_ones_are_not() -> None:
    edited = STORY.replace("Monday", "Tuesday")  # the same wire story, one word changed
    other = STORY.replace("Dock workers", "Nurses").replace("port", "hospital").split(".")[0]
    found = find_duplicates([("b.txt", edited), ("a.txt", STORY), ("c.txt", other)])
    assert [(d.first, d.second) for d in found] == [("a.txt", "b.txt")]
    assert 0.8 <= found[0].similarity < 1


def test_language_is_detected_offline_and_short_texts_count_as_english() -> None:
    assert detect_language(STORY) == "en"
    assert detect_language(FRENCH) == "fr"
    assert detect_language("Les dockers sont en grève.") == "en"  # too short to tell
    seed = parse_seed(f"date 2025-03-04 {FRENCH}\n", "seeds/f.txt")
    assert seed.language == "fr"

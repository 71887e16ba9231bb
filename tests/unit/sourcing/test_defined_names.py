"""Source names with a comma inside, which an acronym after them defines; legal forms of
two words. Every example is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from briefings.common.names import defined_name_start, spells_acronym
from briefings.sourcing.footnotes import FootnotePlanner
from briefings.sourcing.identity import identify
from briefings.sourcing.registry import SourceRegistry

UNION = "National Transport, Dockworkers and General Workers Union (NTDGWU)"


@pytest.mark.parametrize(
    ("words", "letters", "spelt"),
    [
        ("Commercial Catering and Allied Workers Union", "CCAWU", True),
        ("Commercial Catering and Allied Workers Union", "CCAAWU", True),  # "and" gives "A"
        ("Bank of Lisbon", "BOL", True),
        ("Bank of Lisbon", "BL", True),
        ("Catering and Allied Workers Union", "SACCAWU", False),
    ],
)
def test_spells_acronym(words: str, letters: str, spelt: bool) -> None:
    assert spells_acronym(words.split(), letters) is spelt


@pytest.mark.parametrize(
    ("text", "found", "name"),
    [
        # The phrase found after the comma goes back to the name's first word.
        (f"Members of the {UNION} marched.", "Dockworkers", UNION),
        # A phrase that spells its acronym alone stays as it is.
        (
            "Staff of the Office for Budget Responsibility (OBR) said so.",
            "Office",
            "Office for Budget Responsibility (OBR)",
        ),
        # A list of places that an acronym happens to spell is no body's name.
        ("Buses in Porto, Braga and Coimbra (PBC) stopped.", "Braga", "Braga and Coimbra (PBC)"),
        # Lower-case words before the comma end the search.
        (
            "It is run by the ministry, Farm and Fisheries Board (FFB) staff said.",
            "Farm",
            "Farm and Fisheries Board (FFB)",
        ),
    ],
)
def test_defined_name_start(text: str, found: str, name: str) -> None:
    end = text.index(")") + 1
    start = defined_name_start(text, text.index(found), end)
    assert text[start:end] == name


def test_identify_keeps_a_comma_inside_a_defined_name() -> None:
    identity = identify(f"the {UNION}")
    assert (identity.name, identity.kind, identity.short) == (
        "National Transport, Dockworkers and General Workers Union",
        "organization",
        "NTDGWU",
    )


def test_an_apposition_after_a_name_is_still_split() -> None:
    identity = identify("Lim Soo-ho, a senior analyst at the Institute for Security (IFS)")
    assert (identity.name, identity.kind) == ("Lim Soo-ho", "person")


@pytest.mark.parametrize(
    ("paragraph", "name", "short"),
    [
        (
            f"The strike was called by the {UNION}, which said it would go on.",
            "National Transport, Dockworkers and General Workers Union",
            "NTDGWU",
        ),
        (
            f"The {UNION} said it would go on.",
            "National Transport, Dockworkers and General Workers Union",
            "NTDGWU",
        ),
        (
            "Daewon Precision Co Ltd said in a statement that output would fall.",
            "Daewon Precision Co Ltd",
            "",
        ),
    ],
)
def test_footnote_names(paragraph: str, name: str, short: str) -> None:
    plan = FootnotePlanner(SourceRegistry([]), date(2026, 3, 4))
    plan.add_paragraph(paragraph)
    assert [(f.source_name, f.short) for f in plan.footnotes] == [(name, short)]

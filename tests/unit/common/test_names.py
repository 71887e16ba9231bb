"""Truth tables for the name normalisation shared by entities and sourcing."""

from __future__ import annotations

import pytest
from briefings.common.names import (
    NameParts,
    name_key,
    parse_name,
    source_key,
    split_parenthesised_acronym,
    split_possessive,
    split_role,
    strip_determiner,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin", "Kremlin"),
        ("  A senior official ", "senior official"),
        ("An aide", "aide"),
        ("The  Hague", "Hague"),  # the caller decides; the function only strips
        ("Thessaloniki", "Thessaloniki"),
        ("theatre critics", "theatre critics"),
        ("", ""),
    ],
)
def test_strip_determiner(text: str, expected: str) -> None:
    assert strip_determiner(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("World Food Programme (WFP)", ("World Food Programme", "WFP")),
        (
            "Africa Centres for Disease Control (Africa CDC)",
            ("Africa Centres for Disease Control", "Africa CDC"),
        ),
        ("the U.S. Geological Survey (U.S.G.S.)", ("the U.S. Geological Survey", "U.S.G.S.")),
        ("a man (pictured)", ("a man (pictured)", "")),
        ("Save the Children (UK)", ("Save the Children", "UK")),
        (
            "the ministry (which declined to comment)",
            ("the ministry (which declined to comment)", ""),
        ),
        ("Unclosed (WFP", ("Unclosed (WFP", "")),
        ("()", ("()", "")),
    ],
)
def test_split_parenthesised_acronym(text: str, expected: tuple[str, str]) -> None:
    assert split_parenthesised_acronym(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taiwan's Ministry of National Defense", ("Taiwan", "Ministry of National Defense")),
        ("Japan’s Coast Guard", ("Japan", "Coast Guard")),
        ("Doctors' Union of Kenya", ("", "Doctors' Union of Kenya")),
        ("Taiwan's defence ministry", ("", "Taiwan's defence ministry")),
        ("its ministry", ("", "its ministry")),
        ("McDonald's", ("", "McDonald's")),
    ],
)
def test_split_possessive(text: str, expected: tuple[str, str]) -> None:
    assert split_possessive(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kremlin spokesman Dmitry Peskov", ("Kremlin", "spokesman", "Dmitry Peskov")),
        (
            "Turkish President Recep Tayyip Erdogan",
            ("Turkish", "President", "Recep Tayyip Erdogan"),
        ),
        ("Defence Minister Rustem Umerov", ("", "Defence Minister", "Rustem Umerov")),
        ("Director-General Tedros Adhanom", ("", "Director-General", "Tedros Adhanom")),
        (
            "Chief Cabinet Secretary Yoshimasa Hayashi",
            ("", "Chief Cabinet Secretary", "Yoshimasa Hayashi"),
        ),
        (
            "European Commission President Ursula von der Leyen",
            ("European Commission", "President", "Ursula von der Leyen"),
        ),
        ("Prime Minister", ("", "", "Prime Minister")),  # a role with no name is no person
        ("Peskov", ("", "", "Peskov")),
        ("the foreign minister said", ("", "", "the foreign minister said")),
        ("Ministry of Foreign Affairs", ("", "", "Ministry of Foreign Affairs")),
    ],
)
def test_split_role(text: str, expected: tuple[str, str, str]) -> None:
    assert split_role(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The World Food Programme (WFP)", NameParts("World Food Programme", short="WFP")),
        (
            "Kremlin spokesman Dmitry Peskov",
            NameParts("Dmitry Peskov", role="spokesman", affiliation="Kremlin"),
        ),
        (
            "Taiwan's Ministry of National Defense",
            NameParts("Ministry of National Defense", owner="Taiwan"),
        ),
        ("the   Associated  Press", NameParts("Associated Press")),
        ("<b>{{ x }}</b>", NameParts("<b>{{ x }}</b>")),
    ],
)
def test_parse_name(text: str, expected: NameParts) -> None:
    assert parse_name(text) == expected


def test_keys_fold_spelling_variants() -> None:
    assert name_key("Côte d’Ivoire") == name_key("côte  d'ivoire")
    assert name_key("Al‐Shabaab") == name_key("al-shabaab")
    assert source_key("The  Associated Press,") == source_key("associated press")
    assert source_key("the Associated Press") != source_key("Associated Press Television")


def test_parse_name_survives_long_and_odd_input() -> None:
    long_name = "A" * 500
    assert parse_name(long_name).name == long_name
    assert parse_name("").name == ""
    assert parse_name("'s").name == "'s"

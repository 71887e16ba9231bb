"""Source identity: a truth table of source phrases (written for the tests) and what they name."""

from __future__ import annotations

import pytest
from briefings.common.names import split_role
from briefings.sourcing.identity import identify
from briefings.sourcing.kinds import is_company_noun


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "head"),
    [
        # A described body is a reference to one named before, whatever its modifiers.
        ("the Oslo-based shipowner", "Oslo-based shipowner", "reference", "shipowner"),
        ("the Chilean carmaker", "Chilean carmaker", "reference", "carmaker"),
        ("the Dutch brewer", "Dutch brewer", "reference", "brewer"),
        ("the toymaker", "toymaker", "reference", "toymaker"),
        ("the Bergen museum", "Bergen museum", "reference", "museum"),
        ("the two companies", "two companies", "reference", "company"),
        ("the three banks", "three banks", "reference", "bank"),
        # ... but a name stays a name, and an unnamed speaker stays anonymous.
        ("the Lisbon Stock Exchange", "Lisbon Stock Exchange", "organization", ""),
        # A document noun inside what a speaker is involved in is no document.
        (
            "A prison official involved in the inquiry",
            "prison official involved in the inquiry",
            "anonymous",
            "official",
        ),
        (
            "a person with knowledge of the audit",
            "person with knowledge of the audit",
            "anonymous",
            "person",
        ),
    ],
)
def test_identify(phrase: str, name: str, kind: str, head: str) -> None:
    identity = identify(phrase)
    assert (identity.name, identity.kind, identity.head) == (name, kind, head)


def test_an_unnamed_official_is_anonymous_with_the_finder_s_view() -> None:
    identity = identify("a Chilean official", anonymous=True)
    assert (identity.kind, identity.head, identity.affiliation) == (
        "anonymous",
        "official",
        "Chilean",
    )


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "role", "affiliation"),
    [
        # Staff at a named body, opening a sentence: the head noun is their job.
        (
            "Analysts at Nordstad Securities",
            "Analysts at Nordstad Securities",
            "anonymous",
            "",
            "Nordstad Securities",
        ),
        ("Officials in Lima", "Officials in Lima", "anonymous", "", "Lima"),
        ("traders in Lima", "traders in Lima", "anonymous", "", "Lima"),
        # Who governs a body speaks as the body.
        ("Tessera's board", "Tessera", "reference", "board", ""),
        ("the Tessera board", "Tessera", "reference", "board", ""),
        # A descriptor before a name may open with a nationality.
        (
            "Chilean payroll provider Nomina Sur SA",
            "Nomina Sur SA",
            "organization",
            "Chilean payroll provider",
            "",
        ),
    ],
)
def test_identify_with_the_finder_s_anonymity(
    phrase: str, name: str, kind: str, role: str, affiliation: str
) -> None:
    identity = identify(phrase, anonymous=kind == "anonymous")
    assert (identity.name, identity.kind, identity.role, identity.affiliation) == (
        name,
        kind,
        role,
        affiliation,
    )


def test_a_known_person_ends_a_long_title() -> None:
    types = {"Aoife Byrne": "person"}.get
    identity = identify("Minister of State for Digital Affairs Aoife Byrne", True, types)
    assert (identity.name, identity.kind, identity.role) == (
        "Aoife Byrne",
        "person",
        "Minister of State for Digital Affairs",
    )


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "head"),
    [
        # A document's owner: before it, after "by", or the body that "published" it.
        ("an NHA report tabled in the senate", "NHA", "organization", ""),
        ("a weekly bulletin the ministry circulated", "ministry", "reference", "ministry"),
        # "its" or a filing "to"/"with" a recipient: the body named before.
        ("its monthly bulletin", "", "reference", "it"),
        ("a filing with the Lima Stock Exchange", "", "reference", "it"),
        # A definite document alone: the one cited before; a ruling is a court's.
        ("the notice", "", "reference", "the"),
        ("the verdict", "court", "reference", "court"),
        ("trial results Nordgen published", "Nordgen", "reference", "Nordgen"),
        ("Minutes of a 2023 NHA board meeting", "NHA", "organization", ""),
        # A name, then a participle of filing: the name's document.
        (
            "a presentation Tarnfood filed with Norway's securities regulator",
            "Tarnfood",
            "reference",
            "Tarnfood",
        ),
    ],
)
def test_documents(phrase: str, name: str, kind: str, head: str) -> None:
    identity = identify(phrase)
    assert (identity.name, identity.kind, identity.head, identity.document) == (
        name,
        kind,
        head,
        True,
    )


def test_a_judge_of_a_court_of_a_country() -> None:
    identity = identify("Judge Eva Lind of the Supreme Court of Chile")
    assert (identity.name, identity.kind, identity.role, identity.affiliation) == (
        "Eva Lind",
        "person",
        "Judge",
        "Supreme Court of Chile",
    )


@pytest.mark.parametrize(
    ("phrase", "count"), [("the two companies", 2), ("the banks", 2), ("the company", 1)]
)
def test_how_many_bodies_a_description_names(phrase: str, count: int) -> None:
    assert identify(phrase).count == count


def test_a_capitalised_document_noun_is_part_of_a_name() -> None:
    # "Register" is a name's word here, not a register owned by "Harbour".
    identity = identify("the Harbour Register, the agency that licenses pilots")
    assert (identity.name, identity.kind, identity.document) == (
        "Harbour Register",
        "organization",
        False,
    )


def test_an_appositive_naming_a_person_keeps_the_person() -> None:
    identity = identify("Maren Holt, a senior analyst at Fjordbank")
    assert (identity.name, identity.kind, identity.affiliation) == (
        "Maren Holt",
        "person",
        "Fjordbank",
    )


@pytest.mark.parametrize(
    ("word", "company"),
    [
        ("carrier", True),
        ("steelmaker", True),
        ("maker", True),
        ("ministry", False),
        ("make", False),
    ],
)
def test_company_nouns(word: str, company: bool) -> None:
    assert is_company_noun(word) is company


def test_a_known_body_of_a_known_place() -> None:
    types = {"Norwich": "place", "Tarn Agronomy": "organization"}.get
    identity = identify("Tarn Agronomy of Norwich", False, types)
    assert (identity.name, identity.kind, identity.affiliation) == (
        "Tarn Agronomy",
        "organization",
        "Norwich",
    )
    # A body whose name holds "of": the whole name.
    assert identify("Bank of Norwich", False, types).name == "Bank of Norwich"


def test_a_description_then_the_name_and_its_employer() -> None:
    identity = identify("His solicitor, Ivo Sand of Sand & Berg in Split")
    assert (identity.name, identity.kind, identity.role, identity.affiliation) == (
        "Ivo Sand",
        "person",
        "solicitor",
        "Sand & Berg",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title with "of"/"for" and a department: the name follows the department.
        (
            "Minister of State for Rural Affairs Eoin Walsh",
            ("", "Minister of State for Rural Affairs", "Eoin Walsh"),
        ),
        ("Minister for Foreign Affairs Ida Berg", ("", "Minister for Foreign Affairs", "Ida Berg")),
        # A title alone names nobody.
        ("Minister for Foreign Affairs", ("", "", "Minister for Foreign Affairs")),
        ("Minister of State for Rural Affairs", ("", "", "Minister of State for Rural Affairs")),
    ],
)
def test_split_role_of_long_titles(text: str, expected: tuple[str, str, str]) -> None:
    assert split_role(text) == expected


def test_a_name_with_an_acronym_is_a_body() -> None:
    identity = identify("The Autorite de Regulation des Postes (ARP)")
    assert (identity.name, identity.kind, identity.short) == (
        "Autorite de Regulation des Postes",
        "organization",
        "ARP",
    )


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "short", "country"),
    [
        # Where a body is based is no part of its name.
        ("Bergen-based Tarn Security AS", "Tarn Security AS", "organization", "", ""),
        # A company's legal form after a comma is part of its name.
        ("Tarn Mobility Co., Ltd.", "Tarn Mobility Co., Ltd", "organization", "", ""),
        # A body in a town keeps its short form.
        ("The Kestrel Observatory (KO) in Bergen", "Kestrel Observatory", "organization", "KO", ""),
        # A country code before a body's name is its country ...
        ("the US Trade Tariff Commission", "Trade Tariff Commission", "organization", "", "US"),
        # ... but part of a name that has no organisation head word.
        ("US Steel", "US Steel", "organization", "", ""),
        # A country's described body refers to a body of the country, named before or after.
        ("Norway's aviation agency", "aviation agency", "reference", "", "Norway"),
    ],
)
def test_names_with_their_place_and_form(
    phrase: str, name: str, kind: str, short: str, country: str
) -> None:
    identity = identify(phrase)
    assert (identity.name, identity.kind, identity.short, identity.country) == (
        name,
        kind,
        short,
        country,
    )

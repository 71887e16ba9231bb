"""Truth tables for the name-boundary and typing rules added after held-out set 9.

Every example is written for these tests. Each rule has cases it must find and, where the
rule could misfire, the look-alikes it must leave alone: sentence-initial words,
headline-case subheadings, days and months, "Credit:" lines and quoted slogans.
"""

from __future__ import annotations

import pytest
from briefings.entities.discovery import EntityDiscoverer, Gazetteers
from briefings.entities.discovery.aliases import is_alias_gap
from discoverytools import expect, marked

RULES = [
    # "of the" after a surname with a particle: a person, then the body employing them.
    (
        "The case was heard by Judge Omar el-Masri of the Tanta Economic Court on Sunday. "
        "Masri said the ruling was final.",
        {
            "Omar el-Masri": "person",
            "Tanta Economic Court": "organization",
            "Masri": "person",
        },
        ["Omar el-Masri of the Tanta Economic Court"],
    ),
    # A legal form of two words written with a space.
    (
        "Daewon Precision Co Ltd said profits fell in the quarter.",
        {"Daewon Precision Co Ltd": "organization"},
        ["Daewon Precision Co"],
    ),
    # A place's possessive between two members of a list of companies.
    (
        "The plant buys lenses from Kestrel Optics and Germany's Halbach GmbH.",
        {"Kestrel Optics": "organization", "Germany": "place", "Halbach GmbH": "organization"},
        ["Kestrel Optics and Germany's Halbach GmbH"],
    ),
    # A comma inside a body's name whose acronym spells both sides.
    (
        "Members of the National Transport, Dockworkers and General Workers Union (NTDGWU) "
        "marched on Friday.",
        {"National Transport, Dockworkers and General Workers Union": "organization"},
        ["Dockworkers and General Workers Union", "National Transport"],
    ),
    # ... not a list of places that an acronym happens to spell.
    (
        "Bus lines in Porto, Braga and Coimbra (PBC) stopped at noon.",
        {"Porto": "place"},
        ["Porto, Braga and Coimbra"],
    ),
    # A monarch's numeral.
    (
        "The law was signed by King Hamad III in March.",
        {"Hamad III": "person"},
        ["Hamad"],
    ),
    # Head-first institutions in Spanish and Portuguese.
    (
        "Patients were moved to the Hospital Universitario de Valdemora overnight. "
        "Two more went to the Hospital do Rocio.",
        {
            "Hospital Universitario de Valdemora": "organization",
            "Hospital do Rocio": "organization",
        },
        ["Valdemora"],
    ),
    # An English street named after a hospital keeps its head word.
    ("The clinic on Hospital Lane closed.", {"Hospital Lane": "place"}, []),
    # Municipalities and police districts are bodies.
    (
        "Rogaland County Municipality will pay for the work, and the Agder Police District "
        "will patrol the site.",
        {
            "Rogaland County Municipality": "organization",
            "Agder Police District": "organization",
        },
        ["Rogaland County", "Agder Police"],
    ),
    # A container terminal is a place.
    (
        "Ships waited nine days at the Walvis Container Terminal in May.",
        {"Walvis Container Terminal": "place"},
        ["Walvis"],
    ),
    # A brand's contracted "and".
    (
        "The retailer Grab n Go said sales rose.",
        {"Grab n Go": "organization"},
        ["Grab", "Go"],
    ),
    # Class nouns: utilities and foundations are bodies, aquifers and farms are places.
    (
        "Blackouts returned after state water utility Aquanor cut supplies.",
        {"Aquanor": "organization"},
        [],
    ),
    (
        "The dig was paid for by the arts foundation Kulturvarde.",
        {"Kulturvarde": "organization"},
        [],
    ),
    (
        "Farmers pump water from the Qarun aquifer. A second ship lies under Vikstad farm.",
        {"Qarun": "place", "Vikstad": "place"},
        [],
    ),
    # A trade show is an event.
    (
        "Samsung showed the part at the Nordtek trade show in Oslo.",
        {"Nordtek": "event", "Oslo": "place"},
        [],
    ),
    # An apposition read to its head noun, past a place modifier or a coordination.
    (
        "Portlink, the state-owned rail and port operator, said in a statement it was ready.",
        {"Portlink": "organization"},
        [],
    ),
    (
        "Kavren, the biggest Dutch maker, is adding capacity.",
        {"Kavren": "organization"},
        [],
    ),
    # Two capitalised common words opening a sentence are one name.
    (
        "The chip shortage eased. Silver Harvest said on Monday it would hire.",
        {"Silver Harvest": "organization"},
        ["Harvest"],
    ),
    # A place located near a known place.
    (
        "Two ship burials were found, one at Hallby near Uppsala in 1921.",
        {"Hallby": "place", "Uppsala": "place"},
        [],
    ),
    # A word spelt with letters no English word uses is a name, not a word.
    (
        "Scientists from the agricultural university in Ås will take samples.",
        {"Ås": "place"},
        [],
    ),
    # "known in <language> as" makes an alias.
    (
        "The decision lies with the Directorate for Fisheries, known in Norwegian as "
        "Fiskeridirektoratet, which will rule in May.",
        {
            "Directorate for Fisheries": "organization",
            "Fiskeridirektoratet": "organization",
        },
        [],
    ),
    # A product tier after a line's name, even when the line is a given name.
    (
        "The chips go into Nvidia's Vera Ultra racks and the Galaxy Pro phones.",
        {"Vera Ultra": "equipment", "Galaxy Pro": "equipment"},
        [],
    ),
    # A word written as a hyphenated model's first part is the product line ...
    (
        "The firm will ship the Aurex-4E in May. An earlier version of the Aurex, the "
        "Aurex-3, was late.",
        {"Aurex": "equipment", "Aurex-4E": "equipment", "Aurex-3": "equipment"},
        [],
    ),
    # ... unless another cue types it.
    (
        "Kufnil said the Kufnil-DX was ready.",
        {"Kufnil": "organization", "Kufnil-DX": "equipment"},
        [],
    ),
    # Shops' and brands' heads.
    (
        "The group runs the Marula Fashion clothing stores and 30 Marula outlets.",
        {"Marula Fashion": "organization"},
        [],
    ),
    # "at X, in Y county": a place within a region (a weak cue: the name comes twice).
    (
        "A ship was found at Hestvik, in Vestrum county, in 2019. Farmers at Hestvik had "
        "ploughed it for decades.",
        {"Hestvik": "place"},
        [],
    ),
    # "County X", and places in other languages' generic words ("Monte", "Salar", "Rione").
    (
        "Crews flew from Dunmore in County Torran to the Salar de Quelca. The hill of Monte "
        "Pirano rose above the old Rione Sasso quarter.",
        {
            "County Torran": "place",
            "Salar de Quelca": "place",
            "Monte Pirano": "place",
            "Rione Sasso": "place",
        },
        [],
    ),
    # "at X in County Y": a place located by its county.
    (
        "Velto runs a campus at Brannagh in County Torran.",
        {"Brannagh": "place", "County Torran": "place"},
        [],
    ),
    # A country closing a national body's name belongs to it.
    (
        "Grid Alliance Ireland, the industry group, said on Friday "
        "that Kestrel Airlines Colombia added flights.",
        {
            "Grid Alliance Ireland": "organization",
            "Kestrel Airlines Colombia": "organization",
        },
        ["Ireland", "Colombia"],
    ),
    # Common initialisms of technology and medicine are no names.
    (
        "Hospitals ordered more ECMO machines as DRAM prices rose and SUV sales fell.",
        {},
        ["ECMO", "DRAM", "SUV"],
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), RULES)
def test_boundaries_and_types(
    discoverer: EntityDiscoverer, text: str, present: dict[str, str], absent: list[str]
) -> None:
    expect(marked(discoverer, text), present, absent)


FALSE_FRIENDS = [
    # Sentence-initial ordinary word before a role stays out.
    ("Deputy Minister Lena Varga spoke.", {"Lena Varga": "person"}, ["Deputy"]),
    # "at X in <a country>" locates a place, not a company named for its work.
    ("Ana Ruiz worked at Velto in Spain for a decade.", {"Spain": "place"}, ["Velto"]),
    # A country after a head word ends no other name: "the Royal Air Force in Estonia".
    (
        "The Royal Air Force Typhoon flew over Estonia.",
        {"Royal Air Force": "organization", "Estonia": "place"},
        ["Royal Air Force Typhoon"],
    ),
    # A headline-case subheading is not searched for names.
    ("Rail Unions Plan Longer Strikes", {}, ["Rail Unions", "Longer Strikes"]),
    # Days and months never join a name, whatever the new rules allow.
    (
        "Talks resume on Monday near Geneva. March Sales Fell.",
        {"Geneva": "place"},
        ["Monday", "March Sales"],
    ),
    # A photo credit is an organisation; the comma rule does not join across it.
    (
        "Workers unload a ship at the port. Credit: AP",
        {"AP": "organization"},
        [],
    ),
    # A quoted slogan of capitalised words is no regnal name, nor a place.
    (
        'Marchers chanted "Save Our Farms" outside the court.',
        {},
        ["Farms", "Our Farms"],
    ),
    # "at" a company in a city stays a company (the employer cue wins).
    (
        "Lena Varga, an engineer at Brightline Robotics, in Sweden, said the design held.",
        {"Brightline Robotics": "organization"},
        [],
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), FALSE_FRIENDS)
def test_new_rules_leave_look_alikes_alone(
    discoverer: EntityDiscoverer, text: str, present: dict[str, str], absent: list[str]
) -> None:
    expect(marked(discoverer, text), present, absent)


@pytest.mark.parametrize(
    ("word", "ordinary"),
    [("Ås", False), ("Søndre", False), ("Łódź", False), ("façade", True), ("naïve", True)],
)
def test_letters_english_never_uses_make_a_word_a_name(
    gazetteers: Gazetteers, word: str, ordinary: bool
) -> None:
    assert gazetteers.is_ordinary(word) is ordinary


@pytest.mark.parametrize(
    ("gap", "alias"),
    [
        (", known in Danish as ", True),
        (", known locally in Swahili as ", True),
        (", known as ", True),
        (", in Danish, ", False),
    ],
)
def test_a_language_between_known_and_as(gap: str, alias: bool) -> None:
    assert is_alias_gap(gap) is alias

"""Unit tests for briefings.discovery: one truth table per rule, plus invariants and speed."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from briefings.entities.discovery import Candidate, EntityDiscoverer, Gazetteers
from briefings.entities.discovery.aliases import definition_start, initials_match, is_alias_gap
from briefings.entities.discovery.gazetteers import fold, gazetteers_from_json, gazetteers_to_json
from briefings.entities.discovery.spans import find_runs, tokenize
from briefings.entities.discovery.word_lists import KNOWN_COMPANY, load_known_names
from briefings.entities.glossary import ENTITY_TYPES
from briefings.entities.model import Mention
from briefings.entities.unreviewed import without_overlaps
from discoverytools import expect, marked
from hypothesis import given, settings
from hypothesis import strategies as st


def by_name(discoverer: EntityDiscoverer, *paragraphs: str) -> dict[str, Candidate]:
    candidates, _mentions = discoverer.discover(list(paragraphs))
    return {candidate.name: candidate for candidate in candidates}


def check(
    discoverer: EntityDiscoverer, text: str, present: dict[str, str], absent: list[str]
) -> None:
    expect(marked(discoverer, text), present, absent)


# --- proper-name spans ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # connectors inside names
        (
            "Mervyn King ran the Bank of England for a decade.",
            {"Bank of England": "organization"},
            ["Bank", "England"],
        ),
        (
            "Lim works at the Institute for National Security Strategy in Seoul.",
            {"Institute for National Security Strategy": "organization", "Seoul": "place"},
            ["Institute"],
        ),
        (
            "He spoke for the Union for the Homeland coalition.",
            {"Union for the Homeland": "organization"},
            [],
        ),
        (
            "Brazil's President Luiz Inacio Lula da Silva arrived.",
            {"Luiz Inacio Lula da Silva": "person", "Brazil": "place"},
            [],
        ),
        # hyphenated names and compound modifiers
        ("Fighters seized Rostov-on-Don overnight.", {"Rostov-on-Don": "place"}, ["Rostov"]),
        (
            "Lim Soo-ho, a senior analyst, disagreed.",
            {"Lim Soo-ho": "person"},
            ["Lim", "Soo-ho"],
        ),
        ("The Iran-backed militia fired at Iraq.", {"Iran": "place", "Iraq": "place"}, []),
        ("Iranian-made drones hit Kyiv again.", {"Kyiv": "place"}, ["Iranian"]),
        # "and" between names, but not between the modifiers of one name
        ("Russia and China signed a pact.", {"Russia": "place", "China": "place"}, []),
        (
            "The Peace and Security Council met in Addis Ababa.",
            {"Peace and Security Council": "organization", "Addis Ababa": "place"},
            ["Peace"],
        ),
        # "of" after a complete name splits it
        (
            "Votes went to Hou Yu-ih of the Kuomintang (KMT) and others.",
            {"Kuomintang": "organization", "KMT": "organization"},
            ["Hou Yu-ih of the Kuomintang"],
        ),
        # a head word ends a name inside a run
        (
            "Royal Air Force Typhoon jets flew from Cyprus.",
            {"Royal Air Force": "organization", "Typhoon": "equipment", "Cyprus": "place"},
            ["Royal Air Force Typhoon"],
        ),
        # a title of two roles; a demonym before "X on Y"; a city is not short for its university
        (
            "NATO Secretary General Jens Stoltenberg spoke.",
            {"Jens Stoltenberg": "person"},
            ["General Jens Stoltenberg"],
        ),
        (
            "She works at the European Council on Foreign Relations now.",
            {"European Council on Foreign Relations": "organization"},
            ["Council on Foreign Relations"],
        ),
        (
            "Biden spoke at Vilnius University in Vilnius, Lithuania.",
            {"Vilnius University": "organization", "Vilnius": "place", "Lithuania": "place"},
            [],
        ),
        # a possessive common noun stays inside a name
        (
            "Ko Wen-je leads the Taiwan People's Party in Taipei.",
            {"Taiwan People's Party": "organization", "Taipei": "place"},
            ["Taiwan People"],
        ),
    ],
)
def test_name_spans(
    discoverer: EntityDiscoverer, text: str, present: dict[str, str], absent: list[str]
) -> None:
    check(discoverer, text, present, absent)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # sentence-initial ordinary words
        ("Experts believe the plan will fail.", ["Experts"]),
        ("Shares of Nvidia fell. Prices rose.", ["Shares", "Prices"]),
        ('"Every hour counts," said a volunteer.', ["Every"]),
        ("In Washington, officials met.", ["In Washington", "In"]),
        # months and weekdays
        ("In July 2022 the talks collapsed on Tuesday.", ["July", "July 2022", "Tuesday"]),
        ("Trade resumed on Monday in August.", ["Monday", "August"]),
        # titles alone
        ("The President said the Minister would resign.", ["President", "Minister"]),
        # demonyms, alone or before ordinary words
        ("Russian officials met Iranian diplomats.", ["Russian", "Iranian"]),
        ("North Korean construction workers arrived.", ["North Korean", "North"]),
        ("Analysts said the Ukrainians advanced.", ["Ukrainians", "Analysts"]),
        # generic capitalised words after "the"
        ("Pyongyang decried the West for its hegemony.", ["West"]),
        # acronyms of common nouns
        ("The CEO said unmanned aerial vehicles (UAVs) and GDP matter.", ["CEO", "UAVs", "GDP"]),
    ],
)
def test_skipped_words(discoverer: EntityDiscoverer, text: str, absent: list[str]) -> None:
    found = marked(discoverer, text)
    for surface in absent:
        assert surface not in found, (surface, found)


def test_demonym_inside_a_longer_name_is_kept(discoverer: EntityDiscoverer) -> None:
    found = marked(discoverer, "Sanctions cut off the Russian Agricultural Bank from SWIFT.")
    assert found["Russian Agricultural Bank"] == "organization"
    assert "Russian" not in found


def test_headline_style_subheading_is_not_searched(discoverer: EntityDiscoverer) -> None:
    found = marked(discoverer, "Markets Brace For Another Volatile Week Ahead")
    assert found == {}


# --- acronyms and aliases ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "letters", "expected"),
    [
        (["World", "Food", "Programme"], "WFP", True),
        (["Alliance", "of", "Small", "Island", "States"], "AOSIS", True),
        (["Bureau", "of", "Industry", "and", "Security"], "BIS", True),
        (["US", "Agency", "for", "International", "Development"], "USAID", True),
        (["Japan", "Air", "Self-Defense", "Force"], "JASDF", True),
        (["UN", "Framework", "Convention", "on", "Climate", "Change"], "UNFCCC", True),
        (["unmanned", "aerial", "vehicles"], "UAV", True),
        (["World", "Food", "Programme"], "WHO", False),
        (["Federal", "Electricity", "Commission"], "CFE", False),
        ([], "UN", False),
    ],
)
def test_initials_match(words: list[str], letters: str, expected: bool) -> None:
    assert initials_match(words, letters) is expected


@pytest.mark.parametrize(
    ("words", "acronym", "expected"),
    [
        (["Shares", "of", "Advanced", "Micro", "Devices"], "AMD", 2),
        (["US", "National", "Hurricane", "Center"], "NHC", 1),
        (["US", "Agency", "for", "International", "Development"], "USAID", 0),
        (["Hou", "Yu-ih", "of", "the", "Kuomintang"], "KMT", 4),
        (["Federal", "Electricity", "Commission"], "CFE", None),
    ],
)
def test_definition_start(words: list[str], acronym: str, expected: int | None) -> None:
    assert definition_start(words, acronym) == expected


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        (", known as ", True),
        (", widely known as ", True),
        (" (also known as ", True),
        (", nicknamed ", True),
        (", and ", False),
        (" known for ", False),
    ],
)
def test_is_alias_gap(gap: str, expected: bool) -> None:
    assert is_alias_gap(gap) is expected


def test_acronym_definition_makes_an_alias(discoverer: EntityDiscoverer) -> None:
    names = by_name(
        discoverer,
        "The World Food Programme (WFP) said aid was cut. WFP staff left Sudan.",
    )
    wfp = names["World Food Programme"]
    assert wfp.type == "organization"
    assert wfp.aliases == ("WFP",)
    assert wfp.id == "world-food-programme"


def test_lower_case_definition_is_generic(discoverer: EntityDiscoverer) -> None:
    found = marked(discoverer, "Russia bought unmanned aerial vehicles (UAVs). The UAVs failed.")
    assert "UAVs" not in found
    assert found["Russia"] == "place"


def test_known_as_makes_an_alias(discoverer: EntityDiscoverer) -> None:
    names = by_name(
        discoverer,
        "Sanctions hit the Russian Agricultural Bank, known as Rosselkhozbank, last year.",
    )
    assert names["Russian Agricultural Bank"].aliases == ("Rosselkhozbank",)


# --- typing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # places from gazetteers
        ("Talks in Istanbul involved Turkey.", {"Istanbul": "place", "Turkey": "place"}),
        ("Floods hit Virginia and California.", {"Virginia": "place", "California": "place"}),
        ("Trade between Asia and Europe slowed.", {"Asia": "place", "Europe": "place"}),
        ("Aid reached Kahramanmaras.", {"Kahramanmaras": "place"}),
        ("The UAE and the DPRK signed.", {"UAE": "place", "DPRK": "place"}),
        # places from head words and class nouns
        ("Ships avoid the Bab el-Mandeb Strait.", {"Bab el-Mandeb Strait": "place"}),
        ("Rescuers reached Hatay province.", {"Hatay": "place"}),
        ("Ships docked at the port of Hodeidah.", {"Hodeidah": "place"}),
        # people from titles, roles and given names
        (
            "Russian Deputy Prime Minister Marat Khusnullin welcomed it.",
            {"Marat Khusnullin": "person"},
        ),
        ("Kremlin spokesman Dmitry Peskov said no.", {"Dmitry Peskov": "person"}),
        ("US Secretary of State Antony Blinken called.", {"Antony Blinken": "person"}),
        (
            "It was Tatiana Stanovaya, a senior fellow at the think tank, who said it.",
            {"Tatiana Stanovaya": "person"},
        ),
        ("Chair Jerome Powell spoke.", {"Jerome Powell": "person"}),
        # an age is a person's (names no given-name list holds)
        (
            "The claim was brought by Tomos Gwyn, a 20-year-old student at Aberyst University.",
            {"Tomos Gwyn": "person", "Aberyst University": "organization"},
        ),
        ("Police said Eilir Prys, 34, was released.", {"Eilir Prys": "person"}),
        ("Police held 23-year-old Eilir Prys overnight.", {"Eilir Prys": "person"}),
        # organisations from head words, employers, credits, class nouns
        ("The Ifo Institute cut its forecast.", {"Ifo Institute": "organization"}),
        ("Bundesbank President Joachim Nagel voted.", {"Bundesbank": "organization"}),
        ("Insurers balked, said the consultancy SovEcon.", {"SovEcon": "organization"}),
        ("A fellow at Chatham House disagreed.", {"Chatham House": "organization"}),
        ("Smoke rises over Khartoum. Credit: Reuters", {"Reuters": "organization"}),
        ("The Houthis fired again.", {"Houthis": "organization"}),
        # equipment from model numbers, ship prefixes, class nouns
        ("Su-35 jets and S-400 batteries moved.", {"Su-35": "equipment", "S-400": "equipment"}),
        (
            "Aircraft from the USS Dwight D. Eisenhower flew.",
            {"USS Dwight D. Eisenhower": "equipment"},
        ),
        ("Nvidia's A800 processors are banned.", {"A800": "equipment"}),
        ("Sony makes the PlayStation 5 console.", {"PlayStation 5": "equipment"}),
        # events and other
        ("Delegates at the COP28 climate summit agreed.", {"COP28": "event"}),
        ("Hurricane Otis struck Acapulco.", {"Hurricane Otis": "event", "Acapulco": "place"}),
        (
            "Russia quit the Black Sea Grain Initiative.",
            {"Black Sea Grain Initiative": "other", "Russia": "place"},
        ),
        ('He wrote the book "Chip War" in 2022.', {"Chip War": "other"}),
    ],
)
def test_typing(discoverer: EntityDiscoverer, text: str, present: dict[str, str]) -> None:
    check(discoverer, text, present, [])


def test_a_role_before_a_comma_names_the_holder_only_if_the_apposition_closes(
    discoverer: EntityDiscoverer,
) -> None:
    # "<role>, <name>," is the role's holder; "<role>, <name> runs" ends a fronted clause at
    # the comma, and the name is the sentence's subject: here the company's short form.
    listed = "Tarvik Grain Holding JSC listed its shares on Monday."
    fronted = by_name(
        discoverer,
        listed,
        "Set up in 2004 by Oskar Lind, the chief executive's uncle, Tarvik Grain runs depots.",
    )
    assert "Tarvik Grain" not in fronted
    assert fronted["Tarvik Grain Holding JSC"].aliases == ("Tarvik Grain",)
    assert fronted["Tarvik Grain Holding JSC"].type == "organization"
    closed = by_name(discoverer, "The board named its new chairman, Halvard Strom, on Monday.")
    assert (
        by_name(discoverer, "The Orion Bay, a 30-year-old bulk carrier, sank.")["Orion Bay"].type
        != "person"
    )  # a ship's age: the class noun after it decides
    assert closed["Halvard Strom"].type == "person"
    assert "role 'chairman' before the name" in closed["Halvard Strom"].evidence


def test_every_candidate_has_a_known_type_and_evidence(discoverer: EntityDiscoverer) -> None:
    candidates, _ = discoverer.discover(
        ["Kremlin spokesman Dmitry Peskov said Russia would reply. Credit: AP"]
    )
    assert candidates
    for candidate in candidates:
        assert candidate.type in ENTITY_TYPES
        assert 0.0 <= candidate.confidence <= 1.0
        assert candidate.evidence


def test_list_members_share_a_type(discoverer: EntityDiscoverer) -> None:
    found = marked(discoverer, "Ships left Odesa, Chornomorsk and Pivdennyi.")
    assert found == {"Odesa": "place", "Chornomorsk": "place", "Pivdennyi": "place"}


# --- coreference ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "name", "aliases"),
    [
        (
            ("Kremlin spokesman Dmitry Peskov spoke.", "Later Peskov denied it."),
            "Dmitry Peskov",
            ("Peskov",),
        ),
        (
            ("Wagner Group founder Yevgeny Prigozhin marched.", "Wagner fighters left."),
            "Wagner Group",
            ("Wagner",),
        ),
        (("The Houthis fired.", "A Houthi spokesman spoke."), "Houthis", ("Houthi",)),
        (("The United Nations met.", "The UN said no."), "United Nations", ("UN",)),
        (("The US and Britain struck.", "The United States said."), "United States", ("US",)),
        (
            ("Lai Ching-te of the ruling party won.", "Supporters cheered, and Lai waved."),
            "Lai Ching-te",
            ("Lai",),
        ),
        (("Hurricane Otis hit Acapulco.", "Otis then weakened."), "Hurricane Otis", ("Otis",)),
    ],
)
def test_coreference(
    discoverer: EntityDiscoverer, paragraphs: tuple[str, ...], name: str, aliases: tuple[str, ...]
) -> None:
    names = by_name(discoverer, *paragraphs)
    assert names[name].aliases == aliases


def test_surname_does_not_bring_its_own_type(discoverer: EntityDiscoverer) -> None:
    names = by_name(
        discoverer, "Economy Minister Sergio Massa conceded.", "Massa, the candidate, left."
    )
    massa = names["Sergio Massa"]
    assert massa.type == "person"
    assert not any("city" in reason for reason in massa.evidence)


# --- glossary and threshold ---------------------------------------------------------------


def test_known_surfaces_are_skipped(gazetteers: Gazetteers) -> None:
    discoverer = EntityDiscoverer(known_surfaces=["peskov", "Moscow"], gazetteers=gazetteers)
    candidates, mentions = discoverer.discover(
        ["Kremlin spokesman Dmitry Peskov spoke in Moscow.", "Peskov left for Minsk."]
    )
    # The well-known "Kremlin" is new; the glossary's Peskov and Moscow are not.
    assert [candidate.name for candidate in candidates] == ["Kremlin", "Minsk"]
    assert [len(found) for found in mentions] == [1, 1]


@pytest.mark.parametrize(("threshold", "expected"), [(0.0, True), (0.99, False)])
def test_min_confidence(gazetteers: Gazetteers, threshold: float, expected: bool) -> None:
    discoverer = EntityDiscoverer(min_confidence=threshold, gazetteers=gazetteers)
    candidates, _ = discoverer.discover(["Aid was sent to Ramadi."])
    assert any(candidate.name == "Ramadi" for candidate in candidates) is expected


# --- building blocks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Kahramanmaraş", "kahramanmaras"), ("Adıyaman", "adiyaman"), ("Łódź", "lodz"), ("US", "us")],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_tokenize_marks_possessives_compounds_and_sentence_starts(
    gazetteers: Gazetteers,
) -> None:
    text = 'Russia\'s Iran-backed allies met. "Moscow said" Kim Jae-in left.'
    tokens = tokenize(text, lambda part: part == "backed", gazetteers.hyphen_particles)
    by_text = {token.text: token for token in tokens}
    assert by_text["Russia"].possessive and by_text["Russia"].initial
    assert by_text["Iran"].compound and text[by_text["Iran"].start : by_text["Iran"].end] == "Iran"
    assert by_text["Moscow"].initial
    assert not by_text["Jae-in"].compound
    assert not by_text["allies"].capitalised


def test_find_runs_joins_connectors_and_particles(gazetteers: Gazetteers) -> None:
    text = "Lula da Silva met the Bank of England and Russia's envoy."
    tokens = tokenize(text, lambda part: False, gazetteers.hyphen_particles)
    runs = find_runs(text, tokens, gazetteers.name_particles, lambda word: False)
    spans = [text[tokens[first].start : tokens[last].end] for first, last in runs]
    # "and" may join a run; the segmenter decides whether it is one name.
    assert spans == ["Lula da Silva", "Bank of England and Russia"]


# --- invariants ---------------------------------------------------------------------------


def _paragraphs() -> st.SearchStrategy[list[str]]:
    words = st.sampled_from(
        [
            "Russia",
            "Moscow",
            "the",
            "of",
            "and",
            "President",
            "Vladimir",
            "Putin",
            "said",
            "(WFP)",
            "World",
            "Food",
            "Programme",
            "Su-35",
            "Credit:",
            "AP",
            "Iran-backed",
            ",",
            ".",
            '"',
            "Houthis",
            "US",
            "Peskov's",
            "Bank",
            "da",
            "al-Houthi",
            "July",
            "2022",
        ]
    )
    paragraph = st.lists(st.one_of(words, st.text(max_size=8)), max_size=30).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(paragraphs=_paragraphs())
def test_discover_never_fails_and_mentions_are_well_formed(
    discoverer: EntityDiscoverer, paragraphs: list[str]
) -> None:
    candidates, mentions = discoverer.discover(paragraphs)
    assert len(mentions) == len(paragraphs)
    surfaces = {c.id: {c.name, *c.aliases} for c in candidates}
    assert len(surfaces) == len(candidates)
    for paragraph, found in zip(paragraphs, mentions, strict=True):
        end = 0
        for mention in found:
            assert end <= mention.start < mention.end <= len(paragraph)
            assert paragraph[mention.start : mention.end] in surfaces[mention.entry_id]
            end = mention.end


# --- speed --------------------------------------------------------------------------------


def _article() -> Iterator[str]:
    yield (
        "Russian President Vladimir Putin met North Korea's leader Kim Jong Un in "
        "Vladivostok, Russia, as the Royal United Services Institute (RUSI) reported that "
        "Iranian-made Mohajer-6 drones failed."
    )
    yield "Kremlin spokesman Dmitry Peskov said the talks in Moscow went well. Credit: AP"


def test_discovery_is_fast(discoverer: EntityDiscoverer) -> None:
    article = list(_article()) * 6  # about 400 words
    discoverer.discover(article)
    start = time.process_time()
    for _ in range(20):
        discoverer.discover(article)
    per_article = (time.process_time() - start) / 20
    assert per_article < 0.05, f"{per_article * 1000:.1f} ms per article"


def test_gazetteers_survive_a_json_round_trip(gazetteers: Gazetteers) -> None:
    data = json.loads(json.dumps(gazetteers_to_json(gazetteers)))
    assert gazetteers_from_json(data) == gazetteers


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("places"),
        lambda d: d.update(roles=[1, 2]),
        lambda d: d.update(places={"x": ["place"]}),
        lambda d: d.update(hyphen_particles="al-"),
    ],
)
def test_other_gazetteer_data_is_rejected(gazetteers: Gazetteers, damage: Any) -> None:
    data = gazetteers_to_json(gazetteers)
    damage(data)
    assert gazetteers_from_json(data) is None


# --- issue #15: organisations, products and name boundaries from the text's own cues -----


def _found(gazetteers: Gazetteers, *paragraphs: str) -> dict[str, str]:
    discoverer = EntityDiscoverer(gazetteers=gazetteers)
    candidates, _mentions = discoverer.discover(list(paragraphs))
    found = {candidate.name: candidate.type for candidate in candidates}
    for candidate in candidates:
        found.update(dict.fromkeys(candidate.aliases, candidate.type))
    return found


def test_company_suffix_types_and_ends_the_name(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "The buyer, Tarrant Systems Inc of Austin, paid cash.",
        "Shares in Corrigan Packaging plc rose; Delta Gateway Terminals BV did not comment.",
    )
    assert found["Tarrant Systems Inc"] == "organization"
    assert found["Austin"] == "place"
    assert found["Corrigan Packaging plc"] == "organization"
    assert found["Delta Gateway Terminals BV"] == "organization"


def test_short_form_of_a_company_joins_its_full_name(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Regulators fined Volta Crest Mining on Monday.",
        "Volta Crest has 30 days to reply, and Volta Crest shares fell.",
    )
    assert found["Volta Crest Mining"] == "organization"
    assert found["Volta Crest"] == "organization"


def test_a_place_is_not_the_short_form_of_an_agency_named_after_it(
    gazetteers: Gazetteers,
) -> None:
    found = _found(
        gazetteers,
        "The Lombardy Environmental Protection Agency (LEPA) fined the firm.",
        "Farms in Lombardy were affected, the agency said.",
    )
    assert found["Lombardy Environmental Protection Agency"] == "organization"
    assert found.get("Lombardy") != "organization"


def test_verbs_of_speech_type_a_name(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        '"We are confident," said Thandeka Mokoena, who led the study.',
        "Baltamed said in a statement that the batches were safe. Mokoena said more was needed.",
    )
    assert found["Thandeka Mokoena"] == "person"
    assert found["Mokoena"] == "person"  # her surname, whatever "said" suggests alone
    assert found["Baltamed"] == "organization"


def test_well_known_names_come_from_the_data_file(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Kremlin officials met on Monday. The vote in the Storting was close.",
        "Analysts at Barclays and Apple watched the talks.",
    )
    assert found["Kremlin"] == "organization"
    assert found["Storting"] == "organization"
    assert found["Apple"] == "organization"


def test_saint_belongs_to_a_place_name(gazetteers: Gazetteers) -> None:
    found = _found(gazetteers, "The clinic in St Lucia closed; staff moved to St Helens.")
    assert found["St Lucia"] == "place"
    assert "Lucia" not in found


def test_a_longer_discovered_name_replaces_a_glossary_name_inside_it() -> None:
    known = [Mention(6, 11, "china")]
    found = [Mention(0, 15, "south-china-sea"), Mention(20, 25, "cut")]
    kept, extra = without_overlaps(found, known, 40, {"south-china-sea", "cut"})
    assert kept == []
    assert extra == [Mention(0, 15, "south-china-sea"), Mention(20, 25, "cut")]
    # A discovered name that cuts across a glossary mention is dropped instead.
    kept, extra = without_overlaps([Mention(8, 14, "x")], known, 40, {"x"})
    assert kept == known
    assert extra == []


def test_known_names_file_loads_and_company_suffixes_skip_words(gazetteers: Gazetteers) -> None:
    names = load_known_names()
    assert len(names) > 100
    assert set(names.values()) <= {*ENTITY_TYPES, KNOWN_COMPANY}
    assert gazetteers.known_name("Amazon") == "organization"
    assert gazetteers.is_known_company("Amazon")
    assert not gazetteers.is_known_company("Reuters")
    assert gazetteers.is_company_suffix("GmbH")
    assert gazetteers.is_company_suffix("plc")
    for word in ("As", "UK", "Company", "VAT"):
        assert not gazetteers.is_company_suffix(word), word


def test_new_cues_mark_no_ordinary_words(gazetteers: Gazetteers) -> None:
    """Sentence-initial words, headline-case subheadings, days and months, a photo credit
    and a quoted slogan next to "said", "in", "shares in": only the credit is a name."""
    found = _found(
        gazetteers,
        "Officials said on Monday that talks would resume. Analysts told reporters so.",
        "Prices Rise Again as Winter Sets In",
        'Protesters chanted "Hands Off Our Water" in March. Critics said the plan was late.',
        "A worker repairs a pipe near the harbour. Credit: AP",
        "Shares in the company fell. Investors said they were worried in December.",
        "Later said it was too early. Some said no. On Tuesday, Residents said so.",
    )
    assert found == {"AP": "organization"}


def test_a_name_repeated_without_cues_is_queued_as_an_organisation(
    gazetteers: Gazetteers,
) -> None:
    found = _found(
        gazetteers,
        "The deal values Seagen at $43 billion.",
        "Analysts expect Seagen to grow, and Seagen staff were told on Friday.",
    )
    assert found["Seagen"] == "organization"
    # Once is not enough: a single capitalised word with no cue stays plain text.
    assert "Brokvale" not in _found(gazetteers, "The plan for Brokvale was dropped.")


def test_a_mixed_case_acronym_in_brackets_is_an_alias(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "The Central Bank of Suriname (CBvS) raised rates.",
        "Reserves at the CBvS fell.",
    )
    assert found["CBvS"] == found["Central Bank of Suriname"] == "organization"
    discoverer = EntityDiscoverer(gazetteers=gazetteers)
    candidates, _ = discoverer.discover(["The Central Bank of Suriname (CBvS) raised rates."])
    assert [c.aliases for c in candidates] == [("CBvS",)]


def test_titles_of_two_words_and_judges_stay_outside_the_name(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        '"We failed," Chief Executive Katrin Wollenberg told analysts.',
        "A panel led by Justice Nomvula Khumalo heard the case.",
    )
    assert found["Katrin Wollenberg"] == "person"
    assert found["Nomvula Khumalo"] == "person"
    assert not any(name.startswith(("Executive", "Justice")) for name in found)


def test_a_quoted_surname_makes_its_full_name_a_person(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Thabo Sithole, who represents the miners, spoke first.",
        "Sithole said the company knew.",
    )
    assert found["Thabo Sithole"] == found["Sithole"] == "person"


def test_a_country_name_is_not_cut_at_its_demonym(gazetteers: Gazetteers) -> None:
    found = _found(gazetteers, "The plant moves to Ostrava in the Czech Republic next year.")
    assert found["Czech Republic"] == "place"


def test_told_before_a_name_makes_it_the_listener_not_a_speaker(gazetteers: Gazetteers) -> None:
    found = _found(gazetteers, "The minister told Bayerischer Rundfunk that talks had failed.")
    assert found.get("Bayerischer Rundfunk") != "person"


def test_a_place_before_a_noun_stays_a_place(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "He ran his Lisbon firm for a decade. A Lisbon court approved it.",
        "The case went back to Lisbon.",
    )
    assert found["Lisbon"] == "place"


def test_two_word_class_nouns_name_companies(gazetteers: Gazetteers) -> None:
    found = _found(gazetteers, "Norwegian fund manager Fjellstad Kapital sold its stake.")
    assert found["Fjellstad Kapital"] == "organization"


def test_capital_legal_forms_that_are_also_place_abbreviations(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Kymata Ferries SA cut routes. Lac Hong Energy JSC supplies the cells.",
        "Kymata Ferries said it would appeal.",
    )
    assert found["Kymata Ferries SA"] == "organization"
    assert found["Lac Hong Energy JSC"] == "organization"
    assert not gazetteers.is_company_suffix("US")  # "Pfizer US" is not a legal form


def test_motion_prepositions_place_a_name_no_list_knows(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Ferries to Kalymnos were cancelled, and boats from Kalymnos stayed in port.",
        "According to Kalymnos officials, according to Vexmoor the talks failed.",
    )
    assert found["Kalymnos"] == "place"


def test_names_from_other_languages_and_their_short_forms(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Brewer Grupo Sierra Alta agreed to the deal.",
        "Shareholders of Sierra Alta voted on Monday, and Sierra Alta shares rose.",
        "Property tycoon Tan Sri Lim Boon Keat sued the portal. Lim said it lied.",
    )
    assert found["Grupo Sierra Alta"] == found["Sierra Alta"] == "organization"
    assert found["Lim Boon Keat"] == found["Lim"] == "person"
    assert not any(name.startswith(("Tan", "Sri")) for name in found)


def test_model_numbers_and_years_end_names(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "The NeoCare 300 incubators were recalled after NimbraStore 4.2 failed.",
        "The court applied the Defamation Act 1957 and attacked Kyiv 40 times.",
    )
    assert found["NeoCare 300"] == "equipment"
    assert found["NimbraStore 4.2"] == "equipment"
    assert found["Defamation Act 1957"] == "other"
    assert "Kyiv 40" not in found


def test_small_words_inside_known_places_and_ship_names(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "The bulk carrier Orion Bay hit the ferry MV Kilwa Star off Dar es Salaam.",
    )
    assert found["Dar es Salaam"] == "place"
    assert found["Orion Bay"] == found["MV Kilwa Star"] == "equipment"
    assert "Salaam" not in found


# --- names repeated with no cue, products, places that no gazetteer lists ----------------


@pytest.mark.parametrize(
    ("paragraphs", "name", "kind"),
    [
        # a class noun for software and products, right after the name or one word later
        (
            (
                "Clinics use the Tallyro booking app.",
                "Tallyro crashed twice, and Tallyro lost data.",
            ),
            "Tallyro",
            "equipment",
        ),
        (
            ("Crews moved two Brenmark X40 drilling rigs onto the site.",),
            "Brenmark X40",
            "equipment",
        ),
        (("Data came from the Veltano instrument on the satellite.",), "Veltano", "equipment"),
        (("Qorvane, an invoicing platform, went offline.",), "Qorvane", "equipment"),
        # geographic class nouns and the "<noun> of X" phrases of landscapes
        (("Lava flowed down the Sarpeda ravine.",), "Sarpeda", "place"),
        (("Hikers climbed the slopes of Quenhuaro at dawn.",), "Quenhuaro", "place"),
        (("Water drains from the edge of Brauvik.",), "Brauvik", "place"),
        # a place preposition before "the" and a name that ends the phrase
        (("Oil spread in the Morvaten, and a ship sank in the Morvaten.",), "Morvaten", "place"),
        # a place preposition before a list places every name of it
        (
            (
                "Plants in Tolvika and Saltrøy closed.",
                "Saltrøy lost jobs, and Saltrøy voted no.",
            ),
            "Saltrøy",
            "place",
        ),
        # the repeated-name guess comes after the lists: "Athens" types its neighbour
        (
            (
                "Ferries to Athens, Talvona and the islands stopped.",
                "Flights reach Talvona daily, and ships serve Talvona too.",
            ),
            "Talvona",
            "place",
        ),
        # a low-cost carrier is an airline, a vessel with a number before it a ship
        (("Brisa Norte, a low-cost carrier, cut fares.",), "Brisa Norte", "organization"),
        (
            ("The Calder Wren, a 1,400-container feeder vessel, ran aground.",),
            "Calder Wren",
            "equipment",
        ),
        # a model code after a brand's name
        (("Engineers tested the Kestavo K3 for weeks.",), "Kestavo K3", "equipment"),
    ],
)
def test_cues_for_products_and_places(
    gazetteers: Gazetteers, paragraphs: tuple[str, ...], name: str, kind: str
) -> None:
    assert _found(gazetteers, *paragraphs).get(name) == kind


def test_a_place_named_with_a_foreign_head_and_its_short_form(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Ash fell from Volcán de Tazuma on Monday, and Cerro Pelarco stayed quiet.",
        "Scientists said Tazuma was swelling, and Tazuma may erupt.",
        "Tourists watched Mount Orvello while Orvello glowed.",
    )
    assert found["Volcán de Tazuma"] == found["Tazuma"] == "place"
    assert found["Cerro Pelarco"] == "place"
    assert found["Mount Orvello"] == found["Orvello"] == "place"


def test_observatories_telescopes_and_comets(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Astronomers at the Brenna Peak Observatory on Tenerife used the Kallio Telescope.",
        "Comet Mirabell brightened. Amateurs said Comet Mirabell was visible.",
    )
    assert found["Brenna Peak Observatory"] == "organization"
    assert found["Tenerife"] == "place"
    assert found["Kallio Telescope"] == "equipment"
    assert found["Comet Mirabell"] == "other"
    # "on" still joins an organisation's name when common words follow it
    assert _found(gazetteers, "The Council on Foreign Relations met.") == {
        "Council on Foreign Relations": "organization"
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harbour Lines chief executive Daniel Teo told staff.", "Daniel Teo"),
        ("Portuguese fund manager Rui Valadas was arrested.", "Rui Valadas"),
        (
            "The key witness was Kuvra Reddan, Corvex's former chief technology officer.",
            "Kuvra Reddan",
        ),
    ],
)
def test_people_described_by_their_role(gazetteers: Gazetteers, text: str, name: str) -> None:
    assert _found(gazetteers, text).get(name) == "person"


def test_a_surname_shared_by_two_people_follows_the_latest(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "The firm was founded by Eduardo Ferreira Lobo in 1911.",
        "Chief executive Marta Ferreira Lobo spoke on Monday. Ferreira Lobo said the plant stays.",
    )
    assert found["Ferreira Lobo"] == "person"


def test_a_possessive_after_a_comma_is_no_list(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Investors sold shares in Dravonix, and Dravonix said it would appeal.",
        "The witness was Vrokk Ostrand, Dravonix's old friend.",
    )
    assert found.get("Vrokk Ostrand") != "organization"


def test_new_place_and_product_cues_mark_no_ordinary_words(gazetteers: Gazetteers) -> None:
    """Capitalised words at sentence starts, in subheadings, days, months, credits and
    quoted slogans next to the new cues ("app", "ravine", "in the", "slopes of")."""
    found = _found(
        gazetteers,
        "Residents in the Valley said so. Download the App on Monday.",
        "Life on the Slopes of the Mountain",
        'Marchers chanted "Save the Ravine" in the square in March.',
        "A ravine near the town. Credit: AP",
        "In the North, farmers on the slopes of the hills said the app failed.",
    )
    assert found == {"AP": "organization"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # numbered instruments, and a treaty's "on the"
        (
            "The state ratified Convention 108 in 1999 and Resolution 2417 later.",
            {"Convention 108": "other", "Resolution 2417": "other"},
            ["Convention"],
        ),
        (
            "Both signed the Convention on the Rights of Migrant Workers.",
            {"Convention on the Rights of Migrant Workers": "other"},
            ["Rights of Migrant Workers"],
        ),
        # a public body's official name ends with its country; a company's does not
        (
            "The Supreme Tribunal of Malawi and the Defence Forces of Ghana objected.",
            {
                "Supreme Tribunal of Malawi": "organization",
                "Defence Forces of Ghana": "organization",
            },
            ["Malawi", "Ghana"],
        ),
        (
            "The turbines came from Vestergaard Wind Systems of Denmark.",
            {"Vestergaard Wind Systems": "organization", "Denmark": "place"},
            [],
        ),
        # two bodies joined by "of"
        (
            "A complaint went to the Labour Rights Committee of the United Nations.",
            {"Labour Rights Committee": "organization", "United Nations": "organization"},
            ["Labour Rights Committee of the United Nations"],
        ),
        (
            "Data came from the Coastal Hazards Research Institute of Tarvel University.",
            {"Coastal Hazards Research Institute": "organization"},
            [],
        ),
        # an "of" with a list of fields
        (
            "The Ministry of Fisheries, Forestry and Parks said so.",
            {"Ministry of Fisheries, Forestry and Parks": "organization"},
            ["Forestry", "Parks"],
        ),
        (
            "The Bank of England, Barclays and HSBC met.",
            {"Bank of England": "organization"},
            ["Bank of England, Barclays and HSBC"],
        ),
    ],
)
def test_long_official_names(
    gazetteers: Gazetteers, text: str, present: dict[str, str], absent: list[str]
) -> None:
    found = _found(gazetteers, text)
    expect(found, present, absent)


def test_a_known_company_named_like_a_river(gazetteers: Gazetteers) -> None:
    assert _found(gazetteers, "Mining grew in the Amazon, and roads cut the Amazon.") == {
        "Amazon": "place"
    }
    assert _found(gazetteers, "Fires spread across the Amazon rainforest.")["Amazon"] == "place"
    assert _found(gazetteers, "Sellers on Amazon said Amazon raised fees.") == {
        "Amazon": "organization"
    }


def test_places_that_are_also_words_and_short_forms_with_their_own_cue(
    gazetteers: Gazetteers,
) -> None:
    found = _found(
        gazetteers,
        "Hong Kong-based Jadewick Ltd withdrew. Talks moved to a hotel in Geneva.",
        "Brenholt Packaging plc agreed to the deal.",
        "Investors in Brenholt cheered, and Brenholt chairman Ian Moss said so.",
    )
    assert found["Hong Kong"] == "place"
    assert found["Geneva"] == "place"
    assert found["Brenholt"] == found["Brenholt Packaging plc"] == "organization"
    # a common word that is no place stays plain after "in"
    assert "Brief" not in _found(gazetteers, "The notes came in Brief form, in Time.")


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "The study appeared in the journal Ocean Letters on Monday.",
            {"Ocean Letters": "organization"},
            [],
        ),
        (
            "She won the Tarvik Marathon and the Oslo Marathon.",
            {"Tarvik Marathon": "event", "Oslo Marathon": "event"},
            [],
        ),
        (
            "Trains on the Coastal Line stopped, and Brannoc Networks blamed Vessa Marine.",
            {
                "Coastal Line": "place",
                "Brannoc Networks": "organization",
                "Vessa Marine": "organization",
            },
            [],
        ),
        (
            "Rockets left Pelorin Spaceport at dawn.",
            {"Pelorin Spaceport": "place"},
            [],
        ),
        (
            "Assistant Chief Constable Mark Aldwin said so.",
            {"Mark Aldwin": "person"},
            ["Constable Mark Aldwin"],
        ),
        (
            "Tove Brenna, the union's chair and a pilot, spoke.",
            {"Tove Brenna": "person"},
            [],
        ),
        # a country abbreviation before a public body is a place of its own, not before a
        # company
        (
            "The US Federal Reserve and UK Grid Networks both commented.",
            {"US": "place", "Federal Reserve": "organization", "UK Grid Networks": "organization"},
            ["US Federal Reserve"],
        ),
    ],
)
def test_heads_and_descriptions(
    gazetteers: Gazetteers, text: str, present: dict[str, str], absent: list[str]
) -> None:
    found = _found(gazetteers, text)
    expect(found, present, absent)


@pytest.mark.parametrize(
    ("paragraphs", "name", "kind"),
    [
        (("Clinics ran out of doses of Vaxira on Monday.",), "Vaxira", "equipment"),
        (("Hackers used malware known as Thornvine against banks.",), "Thornvine", "equipment"),
        (("Police stopped a drone called Skyhook near the airport.",), "Skyhook", "equipment"),
        (("The brewer behind Calvera beer was sold.",), "Calvera", "equipment"),
        (("Images from the Oryx camera and the Lumo spectrograph arrived.",), "Oryx", "equipment"),
        (("Tovik recalled its Velora Mini after fires.",), "Velora Mini", "equipment"),
        (("Police found an Aerix at the gate.",), "Aerix", "equipment"),
    ],
)
def test_product_cues(
    gazetteers: Gazetteers, paragraphs: tuple[str, ...], name: str, kind: str
) -> None:
    assert _found(gazetteers, *paragraphs).get(name) == kind


def test_a_determiner_before_a_name_and_a_noun_says_nothing(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "A Reuters reporter saw an Orvanta drone. Every Monday in March, its Board met.",
        "Residents called the plan a Failure. Credit: AP",
    )
    assert found.get("Reuters") == "organization"
    assert "Orvanta" not in found  # "an X drone": the noun classifies the phrase
    assert not {"Monday", "March", "Board", "Failure", "Every"} & set(found)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # an abbreviation no gazetteer lists is no place after "to"
        (
            "Samples went to KORVAT, and results came from KORVAT in May.",
            {"KORVAT": "organization"},
            [],
        ),
        # "X-based Y": X is a place, Y a firm
        (
            "Engines came from Tarvo-based Helmsund Cooling last year.",
            {"Tarvo": "place", "Helmsund Cooling": "organization"},
            [],
        ),
        # "told the X", "told X Radio": a medium; "told Vasquez" says nothing
        (
            'He told the Harbour Courant and told Velmo Radio. "No," she told Vasquez.',
            {"Harbour Courant": "organization", "Velmo Radio": "organization"},
            ["Vasquez"],
        ),
        # who makes, runs or owns it
        (
            "Pumps made by Ostvik, a unit of Brammer, failed. Clinics run by Solvana shut.",
            {"Ostvik": "organization", "Brammer": "organization", "Solvana": "organization"},
            [],
        ),
        # more class nouns
        (
            "Quenlo, the largest operator in the region, and the trade publication Ferrowire"
            " used the Tarkka firmware.",
            {"Quenlo": "organization", "Ferrowire": "organization", "Tarkka": "equipment"},
            [],
        ),
        (
            "Fossils lay in the Pelmora formation under the Vessen plain.",
            {"Pelmora": "place", "Vessen": "place"},
            [],
        ),
        (
            "Buses joined the Rideway programme under the Healthwise scheme.",
            {"Rideway": "other", "Healthwise": "other"},
            [],
        ),
        # a name is marked without its article, unless it is known with it
        (
            "He told The Morning Ledger that the talks at The Hague had failed.",
            {"Morning Ledger": "organization", "The Hague": "place"},
            ["The Morning Ledger"],
        ),
    ],
)
def test_cues_for_names_said_once(
    gazetteers: Gazetteers, text: str, present: dict[str, str], absent: list[str]
) -> None:
    found = _found(gazetteers, text)
    expect(found, present, absent)


def test_cues_for_names_said_once_mark_no_ordinary_words(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "The Board told the Committee so. Officials told Reporters on Monday.",
        "Parts Made by Hand in March",
        'The slogan "Run by the People" was painted in London-based offices. Credit: AP',
        "Staff run by the day. A unit of Measure was used.",
    )
    assert set(found) <= {"AP", "London"}, found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Fares rose at Skyrell Airways and Beacon Air on Monday.",
            {"Skyrell Airways": "organization", "Beacon Air": "organization"},
            ["Skyrell Airways and Beacon Air"],
        ),
        (
            "Said Tomas Berg, an analyst at Norvik Capital Markets in Oslo.",
            {"Norvik Capital Markets": "organization"},
            ["Norvik Capital", "Markets"],
        ),
        (
            "The Chilean Red Cross sent teams to Philippine ports.",
            {"Chilean Red Cross": "organization"},
            ["Red Cross", "Philippine"],
        ),
        (
            "Crews inspected an Orvaldo 220 unit and two Brisk 72-600 turboprops.",
            {"Orvaldo 220": "equipment", "Brisk 72-600": "equipment"},
            ["Orvaldo"],
        ),
        (
            "Spain's Central Directorate of Fraud and Tax Crime (DFTC) said so.",
            {"Central Directorate of Fraud and Tax Crime": "organization"},
            [],
        ),
    ],
)
def test_name_boundaries(
    gazetteers: Gazetteers, text: str, present: dict[str, str], absent: list[str]
) -> None:
    found = _found(gazetteers, text)
    expect(found, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a clause's subject after a comma is no apposition
        (
            "Wine came from farms in Valdemora Alta, the agency said on Monday.",
            {},
            [],
        ),
        # a name before ", said" ends an apposition: the verb is not its own
        ("Pablo Reyes, the organiser for Brennmoor, said the talks failed.", {}, ["Brennmoor"]),
        # bodies named in other languages
        (
            "Officers of the Guardia Nacional and the Tribunal de Cuentas met.",
            {"Guardia Nacional": "organization", "Tribunal de Cuentas": "organization"},
            [],
        ),
    ],
)
def test_clauses_and_foreign_bodies(
    gazetteers: Gazetteers, text: str, present: dict[str, str], absent: list[str]
) -> None:
    found = _found(gazetteers, text)
    expect(found, present, absent)
    if "Valdemora Alta" in found:
        assert found["Valdemora Alta"] != "organization"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a short name in brackets after a body's name is its alias
        (
            "The Ministry of Fisheries (Minpes) closed the bay.",
            {"Ministry of Fisheries": "organization", "Minpes": "organization"},
            [],
        ),
        # not a place, a common word, or after a person
        (
            "Talks with the Tarvel Energy Board (Norway) and Ana Lindqvist (Brevik) ended.",
            {"Tarvel Energy Board": "organization"},
            ["Brevik"],
        ),
        # "<plural class noun> such as X"
        (
            "Chinese makers such as Qiyuan and Hexwind bid; islands such as Skarvøy lost flights.",
            {"Qiyuan": "organization", "Hexwind": "organization", "Skarvøy": "place"},
            [],
        ),
        # "seen by X"
        ("The memo was seen by Nordpost on Monday.", {"Nordpost": "organization"}, []),
    ],
)
def test_short_names_and_examples(
    gazetteers: Gazetteers, text: str, present: dict[str, str], absent: list[str]
) -> None:
    found = _found(gazetteers, text)
    expect(found, present, absent)


def test_venues_are_places(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Votes were counted at the Lirwe International Convention Centre, near Tarrow City"
        " Hall and the Palace of Culture.",
        "The Rescue Coordination Centre said the Tarrow Palace was closed.",
    )
    assert found["Lirwe International Convention Centre"] == "place"
    assert found["Tarrow City Hall"] == "place"
    assert found["Palace of Culture"] == "place"
    assert found["Tarrow Palace"] == "place"
    assert found["Rescue Coordination Centre"] == "organization"


def test_streets_in_other_languages_and_governments(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Protesters met on Jalan Merdu and on Vossestraat before the Cornish Government"
        " offices, then walked to Rua Tavares.",
    )
    assert found["Jalan Merdu"] == found["Vossestraat"] == found["Rua Tavares"] == "place"
    assert found["Cornish Government"] == "organization"


@pytest.mark.parametrize(
    ("paragraphs", "name", "kind"),
    [
        (
            ("Hospitals running Caretrak, the record system of the region, shut.",),
            "Caretrak",
            "equipment",
        ),
        (("Clinics that use Caretrak, they said, lost data.",), "Caretrak", "equipment"),
        (("Payments on Zelvo, the mobile wallet, failed.",), "Zelvo", "equipment"),
    ],
)
def test_software_cues(
    gazetteers: Gazetteers, paragraphs: tuple[str, ...], name: str, kind: str
) -> None:
    assert _found(gazetteers, *paragraphs).get(name) == kind


def test_a_class_noun_before_a_closing_quote_says_nothing_of_the_next_name(
    gazetteers: Gazetteers,
) -> None:
    found = _found(
        gazetteers,
        '"It was destroyed by its safety system," Tomasz Wierny, the launch director, said.',
        "A payment system outage hit the SWIFT network.",
    )
    assert found.get("Tomasz Wierny") == "person"
    assert found.get("SWIFT") != "equipment"


def test_events_zones_and_lists_with_an_article(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Before the Great Orvik Earthquake, sensors in the Tarsa Subduction Zone slipped.",
        "Waves could reach Kesselholm and the Vardan Peninsula. The Geneva-based fund paid.",
    )
    assert found["Great Orvik Earthquake"] == "event"
    assert found["Tarsa Subduction Zone"] == "place"
    assert found["Kesselholm"] == found["Vardan Peninsula"] == "place"
    assert found["Geneva"] == "place"


def test_legal_forms_written_first(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "PT Sarana Digital Nusantara said the outage was over. PJSC Volgatrans agreed.",
        "Later, Sarana Digital Nusantara restored service.",
    )
    assert found["PT Sarana Digital Nusantara"] == "organization"
    assert found["Sarana Digital Nusantara"] == "organization"
    assert found["PJSC Volgatrans"] == "organization"


def test_a_place_within_a_region(gazetteers: Gazetteers) -> None:
    found = _found(
        gazetteers,
        "Rockets were launched from Tarvenberg in California and from Oruvale, in Chile.",
        "Analysts at Brakonsen in Germany disagreed, said Ilse Brakonsen in 2020.",
    )
    assert found["Tarvenberg"] == found["Oruvale"] == "place"
    assert found.get("Brakonsen") != "place"


# --- held-out sets 7 and 8: titles, abbreviations, hyphenated given names -----------------


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a dotted title after a title: the name follows both
        (
            "Trade Minister Dr. Amara Okoye, who toured the port, spoke to reporters.",
            {"Amara Okoye": "person"},
            ["Dr", "Dr. Amara Okoye"],
        ),
        (
            "The firm's auditor, Mrs. Grace Adomako, resigned. Adomako declined to comment.",
            {"Grace Adomako": "person", "Adomako": "person"},
            ["Mrs"],
        ),
        # an abbreviated given name belongs to the name
        (
            "Board chairman Md. Shafiqul Alam said the plant would reopen. Alam said so.",
            {"Md. Shafiqul Alam": "person"},
            ["Md", "Shafiqul Alam"],
        ),
        (
            "Flights to St. Petersburg resumed on Monday.",
            {"St. Petersburg": "place"},
            ["Petersburg"],
        ),
        # a courtesy title makes a common word a name; a full stop before "The" ends it
        ("Mr. Long said the talks had failed.", {"Long": "person"}, ["Mr. Long"]),
        ("The shop on Main St. The owner left.", {}, ["St. The"]),
        # a title the nameparser list lacks
        (
            "Presiding judge Counsellor Tarek Abdel-Meguid adjourned the case.",
            {"Tarek Abdel-Meguid": "person"},
            ["Counsellor Tarek Abdel-Meguid"],
        ),
        # hyphenated given names whose last syllable is an English word
        (
            "Vice chairwoman Lee Shu-ling told investors the plan had worked. Lee said so.",
            {"Lee Shu-ling": "person"},
            ["Lee Shu"],
        ),
        (
            "Transport Minister Wang Chia-ting told lawmakers on Friday. Wang said so.",
            {"Wang Chia-ting": "person", "Wang": "person"},
            ["Wang Chia"],
        ),
        # a city named like a title and a name
        (
            "The company will build a refinery in General Santos next year.",
            {"General Santos": "place"},
            ["Santos"],
        ),
    ],
)
def test_titles_and_abbreviations_before_names(
    discoverer: EntityDiscoverer, text: str, present: dict[str, str], absent: list[str]
) -> None:
    check(discoverer, text, present, absent)


def test_four_letter_english_modifiers_still_end_a_compound(discoverer: EntityDiscoverer) -> None:
    found = marked(discoverer, "Riders scan a QR-code at an EU-wide network of Ghana-made kiosks.")
    assert "QR-code" not in found
    assert "EU-wide" not in found


# --- held-out sets 7 and 8: legal forms and a company's short form ----------------------


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a legal form of two words with its punctuation, and the form's full stop
        (
            "The app is made by Keelung Harbour Software Co., Ltd., which apologised.",
            {"Keelung Harbour Software Co., Ltd.": "organization"},
            ["Keelung Harbour Software Co"],
        ),
        (
            "Tablets from Mirpur Remedies (Pvt) Ltd were recalled on Monday.",
            {"Mirpur Remedies (Pvt) Ltd": "organization"},
            ["Mirpur Remedies"],
        ),
        (
            "Orders went to Marlowe Foods Pte. Ltd. on Friday.",
            {"Marlowe Foods Pte. Ltd.": "organization"},
            [],
        ),
        (
            "The chips were supplied by Quorra Devices Inc., a contractor.",
            {"Quorra Devices Inc.": "organization"},
            ["Quorra Devices Inc"],
        ),
        # two legal forms side by side that are no pair stay apart
        ("Bids came from Halvor Marine AG, SA Tankers and others.", {}, ["Halvor Marine AG, SA"]),
        # a dotted legal form; "for" inside a company's legal name
        (
            "He founded Nakhla for Digital Payments S.A.E. in 2019.",
            {"Nakhla for Digital Payments S.A.E.": "organization"},
            ["Digital Payments S.A.E."],
        ),
        # "Limited" capitalised after a name is the legal form, in lower case a word
        (
            "She ran Tamale Freight Logistics Limited until 2021.",
            {"Tamale Freight Logistics Limited": "organization"},
            ["Tamale Freight Logistics"],
        ),
        # a well-known company's possessive ends the name before the next one
        (
            "The app vanished from Apple's App Store in May.",
            {"Apple": "organization", "App Store": "equipment"},
            ["Apple's App Store"],
        ),
    ],
)
def test_legal_forms(
    discoverer: EntityDiscoverer, text: str, present: dict[str, str], absent: list[str]
) -> None:
    check(discoverer, text, present, absent)


def test_short_form_of_a_company_with_a_legal_form_is_the_company(
    discoverer: EntityDiscoverer,
) -> None:
    found = marked(
        discoverer,
        "Chilean food group Temuco Lácteos SA agreed to buy the plant. Temuco chief "
        "executive Ana Rojas said the deal was done. Shares of Temuco rose.",
        "Copra buyer Dumaguete Agri-Mills Corp said on Monday that it was selling to "
        "Dumaguete's rivals.",
    )
    assert found["Temuco"] == "organization"  # a city too
    assert found["Dumaguete"] == "organization"


def test_a_place_named_with_a_place_cue_stays_a_place(discoverer: EntityDiscoverer) -> None:
    found = marked(
        discoverer,
        "Chilean food group Temuco Lácteos SA agreed to buy a plant in Temuco on Monday.",
    )
    assert found["Temuco"] == "place"


# --- held-out sets 7 and 8: types without a gazetteer entry --------------------------------


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # part of a listed place, landscape heads
        (
            "A ranch in Northern Hokkaido lost cattle. Vets from Northern Hokkaido flew in.",
            {"Northern Hokkaido": "place"},
            [],
        ),
        ("Rice farmers across the Irrawaddy Delta were hit.", {"Irrawaddy Delta": "place"}, []),
        (
            "Lawyers gathered outside the Harbour Court Complex on Monday.",
            {"Harbour Court Complex": "place"},
            ["Harbour Court"],
        ),
        (
            "Stargazers in the Kerry International Dark Sky Reserve cheered.",
            {"Kerry International Dark Sky Reserve": "place"},
            [],
        ),
        # products: a variant's capitals, a syrup, a thing named a few words after its noun
        (
            "Sales of Lumicet-DX fell. The solvent used in Lumicet-DX was toxic.",
            {"Lumicet-DX": "equipment"},
            [],
        ),
        (
            "Bottles of Tussolin syrup were recalled. Tussolin was sold in Lahore.",
            {"Tussolin": "equipment"},
            [],
        ),
        (
            "It carried a strain of ransomware the agency has named GreyMantis. Code in "
            "GreyMantis matched tools of a group tracked by analysts as Velvet Kettle. "
            "Velvet Kettle denied it.",
            {"GreyMantis": "equipment", "Velvet Kettle": "organization"},
            [],
        ),
        # organisations and agreements by their class noun
        (
            "Lactosur, the country's largest dairy cooperative, said so. Analysts at "
            "brokerage Quintal Valores agreed. Both follow the EU's DMA2 directive.",
            {"Lactosur": "organization", "Quintal Valores": "organization", "DMA2": "other"},
            [],
        ),
        # names opened by a body's word in Spanish or Portuguese, with "y" inside
        (
            "The Comisión de Energía y Gas ruled on Monday.",
            {"Comisión de Energía y Gas": "organization"},
            ["Comisión de Energía"],
        ),
        # an acronym of a name with an accented initial
        (
            "The Observatório Solar de Évora (OSE) said so.",
            {"Observatório Solar de Évora": "organization", "OSE": "organization"},
            [],
        ),
        # a body's possessive before another body's name
        (
            "The Chamber of Deputies' Budget Committee met on Friday.",
            {"Chamber of Deputies": "organization", "Budget Committee": "organization"},
            ["Chamber of Deputies' Budget Committee"],
        ),
        # a comet's designation
        (
            "The object, designated C/2031 K4 (Ferreira), will pass. C/2031 K4 is faint.",
            {"C/2031 K4 (Ferreira)": "other", "C/2031 K4": "other"},
            [],
        ),
    ],
)
def test_types_without_a_gazetteer_entry(
    discoverer: EntityDiscoverer, text: str, present: dict[str, str], absent: list[str]
) -> None:
    check(discoverer, text, present, absent)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a sentence-initial word before a class noun qualifies the noun
        (
            "The Office for Cyber Security warned. Security firm Halvard Labs agreed.",
            ["Security"],
        ),
        # a currency's prefix
        ("Losses reached NT$40 million and HK$2 million.", ["NT", "HK"]),
    ],
)
def test_no_names_in_currency_and_sentence_initial_modifiers(
    discoverer: EntityDiscoverer, text: str, absent: list[str]
) -> None:
    found = marked(discoverer, text)
    for surface in absent:
        assert surface not in found, (surface, found)


def test_two_places_joined_by_a_hyphen_are_no_product(discoverer: EntityDiscoverer) -> None:
    found = marked(discoverer, "Officials said the Japan-US deal held. Kenya-UK ties grew.")
    assert found.get("Japan-US") != "equipment"
    assert found.get("Kenya-UK") != "equipment"


def test_storms_keep_their_prefix(discoverer: EntityDiscoverer) -> None:
    found = marked(discoverer, "Storm Babet flooded towns and Storm Kettle followed.")
    assert found["Storm Babet"] == "event"
    assert found["Storm Kettle"] == "event"  # no other cue: still a storm


def test_a_named_thing_with_a_body_naming_it(discoverer: EntityDiscoverer) -> None:
    found = marked(
        discoverer,
        "The update carried a backdoor that the Signals Bureau has named CopperWren. "
        "CopperWren hid its traffic.",
    )
    assert found["CopperWren"] == "equipment"
    assert found["Signals Bureau"] == "organization"


def test_and_before_a_company_with_a_legal_form_separates_two_companies(
    discoverer: EntityDiscoverer,
) -> None:
    found = marked(
        discoverer, "Orders went to Halden Marine Systems of Norway and Kessler Antriebe GmbH."
    )
    assert found["Halden Marine Systems"] == "organization"
    assert found["Kessler Antriebe GmbH"] == "organization"
    # a body's name with "of ... and ..." stays whole
    found = marked(discoverer, "The Bureau of Industry and Security said so.")
    assert found["Bureau of Industry and Security"] == "organization"


def test_a_sentence_full_stop_after_a_legal_form_without_one_stays_out(
    discoverer: EntityDiscoverer,
) -> None:
    found = marked(discoverer, "The order went to Kessler Antriebe GmbH. It was late.")
    assert found["Kessler Antriebe GmbH"] == "organization"


def test_an_acronym_joins_a_name_across_in(discoverer: EntityDiscoverer) -> None:
    found = marked(
        discoverer, "She teaches at the Technical University in Brno (TUB), the city's oldest."
    )
    assert found["Technical University in Brno"] == "organization"
    assert found["TUB"] == "organization"
    found = marked(discoverer, "Without an acronym, the Technical University in Brno is two.")
    assert found["Technical University"] == "organization"
    assert found["Brno"] == "place"


def test_a_reserve_after_a_name_is_land(discoverer: EntityDiscoverer) -> None:
    found = marked(
        discoverer,
        "Visitors camp at the Kalahari dark-sky reserve. The Federal Reserve held rates.",
    )
    assert found["Kalahari"] == "place"
    assert found["Federal Reserve"] == "organization"


def test_thai_public_companies_and_french_et(discoverer: EntityDiscoverer) -> None:
    found = marked(
        discoverer,
        "Shares of Chao Phraya Resorts PCL rose. The Comisión de Minas y Energía and the "
        "Institut des Sciences et des Techniques met.",
    )
    assert found["Chao Phraya Resorts PCL"] == "organization"
    assert "Sciences et" not in found

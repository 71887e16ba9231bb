"""Footnote planning: labels, numbering order, reuse, collisions, unknown and anonymous sources."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from briefings.site.footnote_html import footnote_markdown
from briefings.sourcing.footnotes import FootnotePlanner
from briefings.sourcing.model import Footnote, FootnoteRef, KnownEntity
from briefings.sourcing.registry import SourceEntry, SourceRegistry, load_sources

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_59870affd8118fe3.txt"
WEDNESDAY = date(2022, 9, 7)

REGISTRY = SourceRegistry(
    [
        SourceEntry(
            "imf", "International Monetary Fund", "other", ("IMF",), "https://www.imf.org/"
        ),
        SourceEntry("reuters", "Reuters", "news agency", (), "https://www.reuters.com/"),
        SourceEntry("odd", "Stars *and* [Brackets]_", "media"),
    ]
)


def planner(reserved: tuple[str, ...] = ()) -> FootnotePlanner:
    return FootnotePlanner(REGISTRY, WEDNESDAY, reserved_labels=reserved)


def _lettered(
    plan: FootnotePlanner,
    paragraphs: Sequence[str],
    mentions: Callable[[str], Any] | None = None,
) -> list[list[str]]:
    """Return each paragraph's footnote references, the footnotes named a, b, c... in
    the order they first appear (``mentions(paragraph)`` gives the paragraph's mentions)."""
    letters: dict[str, str] = {}
    seen = []
    for paragraph in paragraphs:
        if mentions is None:
            refs = plan.add_paragraph(paragraph)
        else:
            refs = plan.add_paragraph(paragraph, mentions(paragraph))
        seen.append([letters.setdefault(r.label, "abcdefgh"[len(letters)]) for r in refs])
    return seen


def test_numbering_follows_first_appearance_and_uses_are_shared() -> None:
    plan = planner()
    paragraph = (
        "Reuters reported on Monday that talks had stalled. "
        "The IMF said growth would slow. "
        "Reuters added that a deal was still possible."
    )
    refs = plan.add_paragraph(paragraph)
    assert [ref.label for ref in refs] == ["src-reuters", "src-imf", "src-reuters"]
    assert [note.label for note in plan.footnotes] == ["src-reuters", "src-imf"]
    assert plan.use_count("src-reuters") == 2
    assert plan.use_count("src-imf") == 1
    assert plan.use_count("src-nothing") == 0
    # markers sit right after each sentence's final punctuation
    assert [paragraph[ref.offset - 1] for ref in refs] == [".", ".", "."]
    assert refs[0].offset == paragraph.index("stalled.") + len("stalled.")
    reuters = plan.footnotes[0]
    assert [d.iso() if d else None for d in reuters.dates] == ["2022-09-05", None]


def test_numbering_continues_across_paragraphs() -> None:
    plan = planner()
    plan.add_paragraph("The IMF said growth would slow.")
    refs = plan.add_paragraph("Reuters reported a deal. The IMF warned that risks remained.")
    assert [ref.label for ref in refs] == ["src-reuters", "src-imf"]
    assert [note.label for note in plan.footnotes] == ["src-imf", "src-reuters"]


def test_one_marker_per_sentence_and_distinct_source() -> None:
    plan = planner()
    same = plan.add_paragraph("According to the IMF, debt rose, the IMF said.")
    assert len(same) == 1 and plan.use_count("src-imf") == 1
    two = plan.add_paragraph("According to Reuters, the IMF said debt rose.")
    assert [ref.label for ref in two] == ["src-reuters", "src-imf"]
    assert two[0].offset == two[1].offset


def test_reserved_labels_are_never_reused() -> None:
    plan = planner(reserved=("src-imf", "src-imf-2", "1"))
    refs = plan.add_paragraph("The IMF said growth would slow.")
    text = "The IMF said growth would slow."
    assert refs == [FootnoteRef(len(text), "src-imf-3", "imf", text)]
    assert plan.footnotes[0].source_id == "imf"


def test_new_sources_get_canonical_names_and_are_listed_for_review() -> None:
    plan = planner()
    refs = plan.add_paragraph(
        "Kremlin spokesman Dmitry Peskov said the talks were useful. "
        "The Ministry of Energy said nothing. The ministry said more. Peskov said it again."
    )
    assert [ref.label for ref in refs] == [
        "src-dmitry-peskov",
        "src-ministry-of-energy",
        "src-ministry-of-energy",
        "src-dmitry-peskov",
    ]
    assert [(s.source_id, s.name, s.kind) for s in plan.unreviewed_sources] == [
        ("new:dmitry-peskov", "Dmitry Peskov", "person"),
        ("new:ministry-of-energy", "Ministry of Energy", "government"),
    ]
    assert (
        plan.unreviewed_sources[0].sentence
        == "Kremlin spokesman Dmitry Peskov said the talks were useful."
    )
    peskov = plan.footnotes[0]
    assert (peskov.known, peskov.kind, peskov.role, peskov.affiliation) == (
        False,
        "person",
        "spokesman",
        "Kremlin",
    )
    assert footnote_markdown(peskov) == "Dmitry Peskov &#40;person; spokesman, Kremlin&#41;"


def test_a_registry_id_and_a_new_source_with_the_same_slug_get_distinct_labels() -> None:
    registry = SourceRegistry([SourceEntry("ministry", "Ministry of Truth", "government")])
    plan = FootnotePlanner(registry, WEDNESDAY)
    refs = plan.add_paragraph("The Ministry of Truth said so. Ministry said no.")
    assert [(ref.label, ref.source_id) for ref in refs] == [
        ("src-ministry", "ministry"),
        ("src-ministry-2", "new:ministry"),
    ]


def test_distinct_new_names_with_the_same_slug_get_distinct_labels() -> None:
    plan = planner()
    refs = plan.add_paragraph("Acme Corp said prices rose. A.C.M.E. Corp said prices fell.")
    assert [ref.label for ref in refs] == ["src-acme-corp", "src-a-c-m-e-corp"]
    assert [s.name for s in plan.unreviewed_sources] == ["Acme Corp", "A.C.M.E. Corp"]


def test_anonymous_sources_are_not_listed_for_review() -> None:
    plan = planner()
    refs = plan.add_paragraph(
        "A defence official, who spoke on condition of anonymity, said the order was given."
    )
    assert [ref.label for ref in refs] == ["src-anon-defence-official"]
    note = plan.footnotes[0]
    assert (note.anonymous, note.known, note.kind) == (True, False, "anonymous")
    assert note.source_id == "anonymous:defence-official"
    assert plan.unreviewed_sources == []
    assert footnote_markdown(note) == "Anonymous defence official"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A pronoun takes the last person; a pronoun with nobody before it is no source.
        (["He said it was over.", "Jana Novak said no.", "She said it again."], [[], ["a"], ["a"]]),
        # A surname, then the full name: one person, one footnote.
        (["Novak said no.", "Interior Minister Jana Novak said yes."], [["a"], ["a"]]),
        # "the ministry" is the last ministry cited; "the company" the last company.
        (
            [
                "The Ministry of Health said cases rose.",
                "Acme Group said sales fell.",
                "The ministry said cases fell later. The company said little.",
            ],
            [["a"], ["b"], ["a", "b"]],
        ),
        # A described company ("the Bergen-based carrier") is the last body that may be a
        # company, never a ministry.
        (
            ["Fjordline Holdings said fares would rise.", "The Bergen-based carrier said so."],
            [["a"], ["a"]],
        ),
        (
            ["The Ministry of Transport said fares would rise.", "The Dutch carmaker said so."],
            [["a"], ["b"]],
        ),
        # "Tessera's board" and "Tessera" are the company named in full before.
        (
            ["Tessera Capital said profits fell.", "Tessera's board said it would sell."],
            [["a"], ["a"]],
        ),
        # Analysts at a named body: the body's research; analysts somewhere: anonymous.
        (
            [
                "Analysts at Nordstad Securities said the price was fair.",
                "Nordstad Securities said so again.",
                "Analysts in Oslo said it was not.",
            ],
            [["a"], ["a"], ["b"]],
        ),
        # "The notice said" is the body whose notice was cited; "its bulletin" the last body.
        (
            [
                "Rates rose, according to a notice by the Harbour Authority.",
                "The notice said fees would follow.",
                "Prices fell, according to its weekly bulletin.",
            ],
            [["a"], ["a"], ["a"]],
        ),
        # "The two companies" are the last two companies, each with its marker.
        (
            [
                "Nordhavn Lines said fares would rise.",
                "The Harbour Authority said nothing.",
                "Baltic Ferries AB said so too. The two companies said they would merge.",
            ],
            [["a"], ["b"], ["c", "c", "a"]],
        ),
        # A country's described body in the lede is the body of that kind named next.
        (
            [
                "Norway's aviation agency warned on Monday that drones had closed two airports.",
                "The Civil Aviation Administration (CAA), part of the Ministry of Transport, "
                "said flights had resumed.",
            ],
            [["a"], ["a"]],
        ),
        # A person described in the lede is the person named later with that title, once:
        # another with the same title stays apart.
        (
            [
                "An independent inspector has upheld a complaint against the Vale Police, "
                "concluding that an officer used spray.",
                "In a report, the inspector, Ana Ruiz, said the officer erred. Ruiz said so.",
                "Inspector Jo Berg said no.",
            ],
            [["a"], ["a", "a"], ["b"]],
        ),
        # Anonymous sources merge only with the same head noun and affiliation.
        (
            [
                "A senior US official said the deal was close.",
                "The official said it would be signed.",
                "Officials in Kyiv said it would not.",
                "A Russian official said nothing.",
            ],
            [["a"], ["a"], ["b"], ["c"]],
        ),
    ],
)
def test_one_source_one_footnote_within_an_article(
    paragraphs: list[str], expected: list[list[str]]
) -> None:
    assert _lettered(planner(), paragraphs) == expected


def test_an_entity_the_site_knows_is_linked_only_when_its_type_fits() -> None:
    known = {
        "United States": KnownEntity("glossary:us", "United States", "place", "../g/#us", True),
        "US": KnownEntity("glossary:us", "United States", "place", "../g/#us", True),
        "Jana Novak": KnownEntity("entity:jana-novak", "Jana Novak", "person", "../d/#jn", False),
    }
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    refs = plan.add_paragraph(
        "The US State Department said talks were over. Jana Novak said they were not."
    )
    assert [ref.source_id for ref in refs] == ["new:us-state-department", "entity:jana-novak"]
    state, novak = plan.footnotes
    assert (state.source_name, state.url) == ("US State Department", "")
    assert (novak.url, novak.known) == ("../d/#jn", False)
    assert [s.source_id for s in plan.unreviewed_sources] == [
        "new:us-state-department",
        "entity:jana-novak",
    ]


def test_markdown_links_known_sources_and_lists_each_date() -> None:
    plan = planner()
    plan.add_paragraph("The IMF said on Tuesday that growth would slow.")
    plan.add_paragraph("The IMF warned last week that debt was rising.")
    plan.add_paragraph("The IMF said growth would slow again.")
    (note,) = plan.footnotes
    assert len(note.dates) == 3
    assert footnote_markdown(note) == (
        "[International Monetary Fund](https://www.imf.org/) &#40;other&#41; — "
        "6 September 2022; week of 29 August 2022"
    )


def test_markdown_escapes_every_text_fragment() -> None:
    note = Footnote(
        "src-odd",
        "odd",
        "Stars *and* [Brackets]_",
        "media",
        "",
        "a report <b>seen</b> by `X`",
        (),
        False,
        True,
    )
    text = footnote_markdown(note)
    for raw in "*[]_<>`":
        assert raw not in text
    assert text.startswith("Stars &#42;and&#42; &#91;Brackets&#93;&#95; &#40;media&#41; — ")


def test_markdown_of_channels_as_written() -> None:
    registry, _ = load_sources(ROOT / "sources.yml", ROOT)
    plan = FootnotePlanner(registry, WEDNESDAY)
    plan.add_paragraph(
        "Russia is buying shells, a declassified US intelligence report accessed by the "
        "Associated Press revealed on Tuesday."
    )
    plan.add_paragraph("A senior diplomat told Reuters the summit would be postponed.")
    first, second = (footnote_markdown(note) for note in plan.footnotes)
    assert first == (
        "[US intelligence](https://www.dni.gov/) &#40;government&#41; — declassified US "
        "intelligence report, accessed by the Associated Press — 6 September 2022"
    )
    assert second == "Anonymous senior diplomat — via Reuters"


def test_unattributed_claims_are_sentences_with_cues() -> None:
    plan = planner()
    paragraph = "The IMF said debt rose. Experts believe a crisis is near."
    plan.add_paragraph(paragraph)
    assert plan.unattributed_claims(paragraph) == [
        ("Experts believe", "Experts believe a crisis is near.")
    ]


def seed_paragraphs() -> list[str]:
    paragraphs = SEED.read_text("utf-8").split("\n\n")
    paragraphs[0] = paragraphs[0].strip().split(" ", 2)[2]  # drop "date 2022-09-07"
    return paragraphs


def test_seed_footnotes() -> None:
    registry, _ = load_sources(ROOT / "sources.yml", ROOT)
    plan = FootnotePlanner(registry, WEDNESDAY)
    markers: list[tuple[str, str]] = []
    for paragraph in seed_paragraphs():
        for ref in plan.add_paragraph(paragraph):
            markers.append((ref.label, paragraph[: ref.offset]))
    expected = [
        ("src-us-intelligence", "revealed on Tuesday."),
        ("src-anon-defence-official", "on condition of anonymity, said."),
        ("src-rusi", "Institute (RUSI) analysis."),
        ("src-us-government", "due in part to export controls and sanctions.”"),
        ("src-white-house", "(UAVs) in August."),
        ("src-north-korea-government", "in the eastern Donbass region."),
        ("src-anon-senior-russian-officials-and-diplomats", "the war torn occupied regions."),
        ("src-lim-soo-ho", 'postwar "has real merits."'),
    ]
    assert [label for label, _ in markers] == [label for label, _ in expected]
    for (_, before), (_, ending) in zip(markers, expected, strict=True):
        assert before.endswith(ending)
    assert [s.name for s in plan.unreviewed_sources] == ["Lim Soo-ho"]
    texts = {note.label: footnote_markdown(note) for note in plan.footnotes}
    assert texts["src-white-house"].endswith("— week of 29 August 2022")
    assert texts["src-us-government"].endswith(
        "— newly downgraded intelligence by Washington — 6 September 2022"
    )
    assert texts["src-rusi"].startswith("[Royal United Services Institute](https://www.rusi.org/)")
    assert texts["src-lim-soo-ho"].startswith(
        "Lim Soo-ho &#40;person; senior analyst, Institute for National Security Strategy&#41;"
    )
    assert "interview with Associated Press" in texts["src-lim-soo-ho"]
    assert texts["src-anon-defence-official"] == "Anonymous defence official"


@pytest.mark.parametrize(
    ("source_name", "expected"),
    [
        ("two people familiar with the talks", "Anonymous sources: two people familiar with"),
        ("senior officials", "Anonymous senior officials"),
    ],
)
def test_anonymous_wording(source_name: str, expected: str) -> None:
    note = Footnote("l", "anon", source_name, "anonymous", "", "", (), True, False)
    assert footnote_markdown(note).startswith(expected)


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a_b?c=d", True),
        ("javascript:alert(1)", False),
        ("https://example.org/) [x](y", False),
        ("", False),
    ],
)
def test_only_plain_urls_are_linked(url: str, linked: bool) -> None:
    note = Footnote("l", "x", "X", "media", url, "", (), False, True)
    assert footnote_markdown(note).startswith("[X](") is linked


def test_markdown_seed_markers_never_inside_links_or_code() -> None:
    from briefings.site.markdown_seeds import markdown_with_footnotes

    registry, _ = load_sources(ROOT / "sources.yml", ROOT)
    body = (
        "Talks resumed, [according to RUSI](https://rusi.org).\n\n"
        "The headline read `the Associated Press reported.` and nothing else.\n"
    )
    text, notes, unknown, uses = markdown_with_footnotes(body, registry, WEDNESDAY)
    assert "[according to RUSI](https://rusi.org).[^src-rusi]" in text
    assert "`the Associated Press reported.` and nothing else." in text
    assert [n.label for n in notes] == ["src-rusi"]
    assert uses == {"src-rusi": 1} and unknown == []


def test_a_registered_name_inside_a_phrase_is_not_the_source() -> None:
    # "Washington" is the registered government's alias; the spokeswoman speaks for the fund.
    registry = SourceRegistry(
        [SourceEntry("us-government", "US government", "government", ("Washington",))]
    )
    plan = FootnotePlanner(registry, WEDNESDAY)
    plan.add_paragraph("A spokeswoman for the Andes Fund in Washington said it would help.")
    assert [(note.source_name, note.source_id) for note in plan.footnotes] == [
        ("Andes Fund", "new:andes-fund")
    ]


def _mentions(paragraph: str, names: list[str]) -> list[tuple[int, int]]:
    spans = [(paragraph.index(n), paragraph.index(n) + len(n)) for n in names]
    return sorted(spans)


def test_a_person_named_but_not_quoted_is_what_a_later_reference_means() -> None:
    known = {"Mira Dahl": KnownEntity("entity:mira-dahl", "Mira Dahl", "person", "", False)}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    first = "Mira Dahl lost her farm in the flood."
    assert plan.add_paragraph(first, _mentions(first, ["Mira Dahl"])) == []
    refs = plan.add_paragraph("“We have nothing left,” she told reporters.")
    assert [ref.source_id for ref in refs] == ["entity:mira-dahl"]


def test_a_title_the_text_uses_for_the_same_person() -> None:
    # "the judge" is the person named with "Justice"; a surname alone is the person too.
    known = {"Ana Ruiz": KnownEntity("entity:ana-ruiz", "Ana Ruiz", "person", "", False)}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    first = "Justice Ana Ruiz fined the paper on Monday."
    plan.add_paragraph(first, _mentions(first, ["Ana Ruiz"]))
    refs = plan.add_paragraph("“Nobody is above the law,” the judge said. Ruiz said it twice.")
    assert [ref.source_id for ref in refs] == ["entity:ana-ruiz", "entity:ana-ruiz"]


def test_a_pronoun_with_nobody_named_before_still_gets_no_footnote() -> None:
    known = {"Oslo": KnownEntity("entity:oslo", "Oslo", "place", "", False)}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    first = "Rain fell on Oslo all week."
    plan.add_paragraph(first, _mentions(first, ["Oslo"]))
    assert plan.add_paragraph("She said it would stop.") == []


def test_a_name_the_discoverer_cut_keeps_the_words_the_text_gives() -> None:
    known = {
        "COF": KnownEntity("entity:office-of-fraud", "Office of Fraud", "organization", "", False)
    }
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    plan.add_paragraph("The Central Office of Fraud (COF) said it had closed the case.")
    assert [note.source_name for note in plan.footnotes] == ["Central Office of Fraud"]


def test_its_document_is_the_sentence_subject_s() -> None:
    known = {
        "Tarn & Co": KnownEntity("entity:tarn-co", "Tarn & Co", "organization", "", False),
        "Nordvault": KnownEntity("entity:nordvault", "Nordvault", "organization", "", False),
    }
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    paragraph = (
        "Tarn & Co, the liquidator of Nordvault, has recovered 9 million euros, according to "
        "its latest report."
    )
    refs = plan.add_paragraph(paragraph, _mentions(paragraph, ["Tarn & Co", "Nordvault"]))
    assert [ref.source_id for ref in refs] == ["entity:tarn-co"]
    # Without a body opening the sentence, "its" is the body named last.
    other = "Prices fell at Nordvault, according to its latest report."
    refs = plan.add_paragraph(other, _mentions(other, ["Nordvault"]))
    assert [ref.source_id for ref in refs] == ["entity:nordvault"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # An acronym given in brackets, then alone; a shorter form of the same name.
        (["The Baltic Centre for Fire Safety (BCFS) said X.", "BCFS said Y."], [["a"], ["a"]]),
        (
            ["The Baltic Centre for Fire Safety said X.", "The Fire Centre said Y."],
            [["a"], ["a"]],
        ),
        # The last words of a longer name are another body.
        (
            ["The National Security Council said X.", "The Security Council said Y."],
            [["a"], ["b"]],
        ),
    ],
)
def test_short_forms_of_a_body_share_its_footnote(
    paragraphs: list[str], expected: list[list[str]]
) -> None:
    assert _lettered(planner(), paragraphs) == expected


def _org(name: str) -> KnownEntity:
    return KnownEntity(
        f"entity:{name.casefold().replace(' ', '-')}", name, "organization", "", False
    )


def test_a_company_noun_the_text_gave_a_body_in_an_appositive() -> None:
    known = {name: _org(name) for name in ("Tarn Mining", "Halden Metals Corp")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    first = "Tarn Mining, the Perth-based lithium miner, rejected a bid from Halden Metals Corp."
    plan.add_paragraph(first, _mentions(first, ["Tarn Mining", "Halden Metals Corp"]))
    second = "Halden Metals Corp said it would wait. The miner said the offer was too low."
    refs = plan.add_paragraph(second, _mentions(second, ["Halden Metals Corp"]))
    assert [ref.source_id for ref in refs] == ["entity:halden-metals-corp", "entity:tarn-mining"]


def test_the_company_at_the_end_of_a_sentence_opened_by_a_company_is_that_company() -> None:
    known = {name: _org(name) for name in ("Tarn Mining", "Alder Advisory", "Food Agency")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    plan.add_paragraph("Alder Advisory said the mine was unsafe.")
    text = "Tarn Mining has since closed the pit, the company said."
    refs = plan.add_paragraph(text, _mentions(text, ["Tarn Mining"]))
    assert [ref.source_id for ref in refs] == ["entity:tarn-mining"]
    # ... but a government body opening the sentence is not "the company".
    text = "The Food Agency will decide by May, the company said."
    refs = plan.add_paragraph(text, _mentions(text, ["Food Agency"]))
    assert [ref.source_id for ref in refs] == ["entity:tarn-mining"]


def test_a_description_at_the_end_of_a_sentence_opened_by_a_body_of_that_kind() -> None:
    known = {name: _org(name) for name in ("North Radio Observatory", "Fjord Array Observatory")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    plan.add_paragraph("The North Radio Observatory said the bursts repeat.")
    text = "The Fjord Array Observatory should see more bursts, the observatory said."
    refs = plan.add_paragraph(text, _mentions(text, ["Fjord Array Observatory"]))
    assert [ref.source_id for ref in refs] == ["entity:fjord-array-observatory"]


def test_the_company_opening_a_sentence_is_the_previous_sentence_s_subject() -> None:
    known = {name: _org(name) for name in ("Tarn Mining", "Halden Metals Corp")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    plan.add_paragraph("Tarn Mining said the bid was too low.")
    text = (
        "Under the takeover rules, Halden Metals Corp has 28 days to bid. "
        "The company said it would."
    )
    refs = plan.add_paragraph(text, _mentions(text, ["Halden Metals Corp"]))
    assert [ref.source_id for ref in refs] == ["entity:halden-metals-corp"]


def test_its_report_after_a_described_subject() -> None:
    known = {name: _org(name) for name in ("Tarn Mining", "Halden Metals Corp")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    first = "Tarn Mining, the lithium miner, rejected a bid from Halden Metals Corp."
    plan.add_paragraph(first, _mentions(first, ["Tarn Mining", "Halden Metals Corp"]))
    plan.add_paragraph("Halden Metals Corp said it would wait.")
    refs = plan.add_paragraph("The miner spent $6 million, according to its latest report.")
    assert [ref.source_id for ref in refs] == ["entity:tarn-mining"]


def test_a_spokeswoman_for_a_body_described_by_its_town() -> None:
    known = {"Hordaland Art Museum": _org("Hordaland Art Museum")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    text = (
        "The painting will hang at the Hordaland Art Museum from May, a spokeswoman for the "
        "Bergen museum said."
    )
    refs = plan.add_paragraph(text, _mentions(text, ["Hordaland Art Museum"]))
    assert [ref.source_id for ref in refs] == ["entity:hordaland-art-museum"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A body described before it is named shares the footnote of its name.
        (
            [
                "Power failed across the north, the country's grid regulator said.",
                "The Energy Regulation Authority (ERA) said repairs would take a week.",
            ],
            [["a"], ["a"]],
        ),
        # ... but only a body the description fits.
        (
            [
                "The fault lay with the operator, the court said.",
                "The Ministry of Health said hospitals were running.",
            ],
            [["a"], ["b"]],
        ),
        # A description sharing the stem of a body named before: "the mediators".
        (
            [
                "The deal was brokered by the Labour Mediation Office, the mediators said.",
            ],
            [["a"]],
        ),
    ],
)
def test_descriptions_and_names_of_one_body(
    paragraphs: list[str], expected: list[list[str]]
) -> None:
    known = {"Labour Mediation Office": _org("Labour Mediation Office")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    seen = _lettered(plan, paragraphs, lambda p: _mentions(p, [n for n in known if n in p]))
    assert seen == expected
    if len(paragraphs) == 2 and expected[1] == ["a"]:
        assert [note.source_name for note in plan.footnotes] == ["Energy Regulation Authority"]


def test_a_body_described_first_and_then_only_mentioned() -> None:
    known = {"National Volcanology Institute": _org("National Volcanology Institute")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    plan.add_paragraph("An eruption is likely, the country's volcano monitoring agency said.")
    text = "The forecast comes from a team at the National Volcanology Institute."
    plan.add_paragraph(text, _mentions(text, ["National Volcanology Institute"]))
    assert [note.source_name for note in plan.footnotes] == ["National Volcanology Institute"]


def test_a_description_after_the_lede_is_no_cataphora() -> None:
    # "The court said" in the third paragraph refers back to "a court in Oslo"; the court
    # named later is another one.
    known = {"Supreme Court of Norway": _org("Supreme Court of Norway")}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    plan.add_paragraph("A court in Oslo fined the firm on Monday.")
    plan.add_paragraph("The fine was the largest this year.")
    plan.add_paragraph("The court said its reasons would follow.")
    text = "The firm will appeal to the Supreme Court of Norway."
    plan.add_paragraph(text, _mentions(text, ["Supreme Court of Norway"]))
    assert [(note.source_name, note.kind) for note in plan.footnotes] == [("court", "unnamed")]


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        # The place that opens the sentence, or the previous one for "there".
        ("In Tromso, fishermen said the season was over.", "fishermen in Tromso"),
        (
            "At Haukeland Hospital, beds ran out. A nurse there said staff were exhausted.",
            "nurse at Haukeland Hospital",
        ),
        # A source that already says where it is from keeps its own words.
        ("In Tromso, officials in Oslo said nothing.", "officials in Oslo"),
    ],
)
def test_anonymous_sources_take_the_place_the_sentence_gives(paragraph: str, name: str) -> None:
    plan = planner()
    plan.add_paragraph(paragraph)
    assert [note.source_name for note in plan.footnotes] == [name]


def test_that_report_is_the_report_of_the_body_named_before_it() -> None:
    known = {
        "Vale Audit Office": KnownEntity(
            "entity:vao", "Vale Audit Office", "organization", "", False
        ),
        "Grain Board": KnownEntity("entity:gb", "Grain Board", "organization", "", False),
    }
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    paragraph = (
        "The Vale Audit Office flagged the payments in its 2021 report on the Grain Board. "
        "According to that report, two trucks were taxis."
    )
    refs = plan.add_paragraph(paragraph, _mentions(paragraph, ["Vale Audit Office", "Grain Board"]))
    assert [ref.source_id for ref in refs] == ["entity:vao"]


def test_a_spokesperson_of_a_named_body_somewhere_speaks_for_the_body() -> None:
    known = {"HCA": KnownEntity("entity:hca", "Harbour Control Agency", "organization", "", False)}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    refs = plan.add_paragraph("An HCA spokesperson in Bergen said the port would reopen.")
    assert [ref.source_id for ref in refs] == ["entity:hca"]


def test_a_name_written_family_name_first_is_referred_to_by_its_first_word() -> None:
    plan = planner()
    refs = plan.add_paragraph(
        "Transport Minister Lin Wei-ting said fares would rise. Lin said it twice. "
        "Deputy Minister Ana Ruiz said no. Ana said nothing."
    )
    labels = [ref.label for ref in refs]
    # "Lin" is Lin Wei-ting; "Ana" is not Ana Ruiz, whose family name comes last.
    assert labels[0] == labels[1]
    assert labels[3] not in (labels[0], labels[2])


def test_a_person_named_with_a_word_before_the_name_is_one_source() -> None:
    # The sentence is cut after "Md.": the subject is "Ana Karim Ruiz", the entity named is
    # "Md. Ana Karim Ruiz"; "Ruiz" later is the same person, named in full.
    name = "Md. Ana Karim Ruiz"
    known = {
        name: KnownEntity("entity:md", name, "person", "", False),
        "Ruiz": KnownEntity("entity:md", name, "person", "", False),
    }
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    paragraph = "Fund director Md. Ana Karim Ruiz said sales rose. Ruiz said it twice."
    refs = plan.add_paragraph(paragraph, _mentions(paragraph, [name]))
    assert [ref.source_id for ref in refs] == ["entity:md", "entity:md"]
    assert [note.source_name for note in plan.footnotes] == [name]


def test_a_title_before_a_person_s_name_stays_out_of_it() -> None:
    name = "Dr Ana Karim Ruiz"
    known = {name: KnownEntity("entity:dr", name, "person", "", False)}
    plan = FootnotePlanner(SourceRegistry([]), WEDNESDAY, entities=known.get)
    paragraph = "The prize went to Dr Ana Karim Ruiz. Ana Karim Ruiz said it was an honour."
    plan.add_paragraph(paragraph, _mentions(paragraph, [name]))
    assert [note.source_name for note in plan.footnotes] == ["Ana Karim Ruiz"]

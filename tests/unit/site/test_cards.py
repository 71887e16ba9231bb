"""The card index: one small JSON file per initial, one line of description per entity."""

from __future__ import annotations

import json
from datetime import date

from briefings.entities.glossary import Glossary, GlossaryEntry
from briefings.entities.model import Candidate
from briefings.site.cards import bucket_of, card_files, one_line
from briefings.site.records import Backlink, Discovered


def test_cards_are_split_by_initial_and_hold_text_not_html() -> None:
    glossary = Glossary(
        [
            GlossaryEntry("putin", "Putin <b>", "person", (), "President. Born 1952."),
            GlossaryEntry("9th-army", "9th Army", "organization", (), ""),
        ]
    )
    backlinks = {
        "putin": {
            "a/": Backlink("a/", "A", date(2022, 1, 1), 3, "."),
            "about/": Backlink("about/", "About", None, 1, "."),
        }
    }
    found = Discovered(
        Candidate("pskov-desk", "Pskov Desk", "organization", (), 0.7, ("head word 'Desk'",)),
        [
            Backlink("a/", "A", date(2022, 1, 1), 1, "."),
            Backlink("b/", "B", date(2022, 1, 2), 1, "."),
        ],
    )
    files = card_files(
        glossary, backlinks, lambda i: f"entities/{i}/", [found], lambda i: f"discovered/#{i}"
    )
    assert sorted(files) == ["cards/0.json", "cards/p.json"]
    cards = json.loads(files["cards/p.json"])
    assert cards["putin"] == [
        "Putin <b>",
        "person",
        "Person",
        "President.",
        1,
        "entities/putin/",
        1,
    ]
    assert cards["pskov-desk"][2] == "Organisation"
    assert cards["pskov-desk"][4:] == [2, "discovered/#pskov-desk", 0]
    assert json.loads(files["cards/0.json"])["9th-army"][3] == ""


def test_one_line_and_buckets() -> None:
    assert one_line("A   city.\nIn Iran. More.") == "A city."
    # The project's sentence splitter: an abbreviation does not end the sentence.
    assert one_line("Officially the U.S. Army. Big.") == "Officially the U.S. Army."
    assert len(one_line("word " * 100)) <= 240
    assert bucket_of("zeta") == "z" and bucket_of("9th") == "0" and bucket_of("") == "0"

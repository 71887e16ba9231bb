"""A glossary larger than `glossary_split` is published as one page per initial letter."""

from __future__ import annotations

import pytest
from sitetools import SiteFactory

pytestmark = pytest.mark.slow

GLOSSARY = """\
- id: north-korea
  name: North Korea
  type: place
  description: Country in East Asia.
  see_also: [vladimir-putin]
- id: vladimir-putin
  name: Vladimir Putin
  type: person
  aliases: [Putin]
  description: President of Russia.
  see_also: [north-korea, associated-press]
- id: associated-press
  name: Associated Press
  type: organization
  description: News agency.
"""
TEXT = "date 2022-09-07 Vladimir Putin met envoys from North Korea and the Associated Press.\n"


def test_split_glossary(site_factory: SiteFactory) -> None:
    site = site_factory(
        seeds={"a.txt": TEXT}, glossary=GLOSSARY, sources="[]\n", options={"glossary_split": 2}
    )
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    page = site.page(url)
    hrefs = {
        a["data-entity"]: a["href"]
        for a in page.select("article a.entity")
        if not a.find_parent(class_="briefing-entities")
    }
    # Mentions link to the entity pages; the split glossary is the index of entries.
    assert hrefs == {
        "vladimir-putin": "../../entities/vladimir-putin/",
        "north-korea": "../../entities/north-korea/",
        "associated-press": "../../entities/associated-press/",
    }
    index = site.page("glossary/")
    assert [a.get_text() for a in index.select("ul.glossary-letters a")] == ["A", "N", "V"]
    letter = site.page("glossary/v/")
    assert letter.select_one("h3#vladimir-putin") is not None
    assert letter.select_one("h3#north-korea") is None
    backlinks = [a["href"] for a in letter.select(".glossary-backlinks a")]
    assert backlinks == ["../../entities/vladimir-putin/"]
    entity = site.page("entities/vladimir-putin/")
    assert [a["href"] for a in entity.select(".entity-briefings a")] == [f"../../{url}"]
    assert entity.select_one(".entity-glossary a")["href"] == "../../glossary/v/#vladimir-putin"
    see_also = {a.get_text(): a["href"] for a in letter.select("article p a") if "#" in a["href"]}
    assert see_also["North Korea"] == "../n/#north-korea"
    assert see_also["Associated Press"] == "../a/#associated-press"


def test_small_glossary_stays_one_page(site_factory: SiteFactory) -> None:
    site = site_factory(seeds={"a.txt": TEXT}, glossary=GLOSSARY, sources="[]\n")
    assert site.ok, site.warnings()
    glossary = site.page("glossary/")
    assert {h["id"] for h in glossary.select("h3.glossary-entry")} == {
        "north-korea",
        "vladimir-putin",
        "associated-press",
    }
    assert not (site.site / "glossary" / "v").exists()


def test_glossary_person_is_a_known_source(site_factory: SiteFactory) -> None:
    text = (
        "date 2022-09-07 Talks with North Korea and the Associated Press will continue, "
        "Vladimir Putin said on Tuesday.\n"
    )
    site = site_factory(seeds={"a.txt": text}, glossary=GLOSSARY, sources="[]\n")
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    page = site.page(url)
    ref = page.select_one("a.footnote-ref")
    assert ref is not None and ref["data-source"] == "glossary:vladimir-putin"
    note = page.select_one("div.footnote li")
    assert note is not None
    link = note.find("a", string="Vladimir Putin")
    # A source that is a glossary entry links to its entity page, like its mentions.
    assert link is not None and link["href"] == "../../entities/vladimir-putin/"
    assert "(person)" in note.get_text() and "6 September 2022" in note.get_text()
    sources = site.page("sources/")
    cited = sources.select_one("ul.source-entities li[data-source='glossary:vladimir-putin'] a")
    assert cited is not None and cited.get_text() == "Vladimir Putin"
    assert cited["href"] == "../entities/vladimir-putin/"

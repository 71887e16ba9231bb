"""Entity pages: which entries get one, their timeline, company, and paginated briefings."""

from __future__ import annotations

import re
from datetime import date

import pytest
from briefings.content.seeds import parse_seed
from briefings.entities.glossary import Glossary, GlossaryEntry
from briefings.entities.matcher import build_matcher
from briefings.site.crosspage import SiteIndex
from briefings.site.entity_pages import EntityPages, mentioned_entries
from briefings.site.page_shell import PageConverter
from briefings.site.pages.entity import entity_page_markdown, month_counts, timeline_svg
from briefings.site.records import Backlink, Briefing, Statement
from briefings.site.render import Stash
from bs4 import BeautifulSoup
from markdown import Markdown


def _entry(
    entry_id: str,
    name: str,
    kind: str = "person",
    description: str = "",
    see_also: tuple[str, ...] = (),
) -> GlossaryEntry:
    return GlossaryEntry(entry_id, name, kind, (), description, see_also=see_also)


GLOSSARY = Glossary(
    [
        _entry("ada", "Ada Lovelace", description="A *mathematician*.", see_also=("babbage",)),
        _entry("babbage", "Charles Babbage"),
        _entry("london", "London", "place"),
        _entry("nowhere", "Nowhere Land", "place"),
    ]
)


def _briefing(path: str, text: str) -> Briefing:
    seed = parse_seed(f"date 2022-09-07\n\n{text}\n", f"{path}.txt")
    return Briefing(seed, f"briefings/{path}.md", f"briefings/{path}/")


def test_mentioned_entries_counts_briefings_not_mentions() -> None:
    briefings = [
        _briefing("one", "Ada Lovelace met Charles Babbage. Ada Lovelace wrote."),
        _briefing("two", "Ada Lovelace lived in London."),
    ]
    counts = mentioned_entries(briefings, build_matcher(GLOSSARY))
    assert counts == {"ada": 2, "babbage": 1, "london": 1}


def test_pages_follow_the_briefing_count_and_the_page_size() -> None:
    pages = EntityPages(GLOSSARY, {"ada": 5, "london": 2}, page_size=2)
    assert pages.uris == {
        "ada": ["entities/ada.md", "entities/ada/2.md", "entities/ada/3.md"],
        "london": ["entities/london.md"],
    }
    assert "entities/ada/3.md" in pages and "entities/nowhere.md" not in pages
    assert pages.first_uri("nowhere") is None


def _index() -> SiteIndex:
    index = SiteIndex()
    for day, url in ((1, "a/"), (2, "b/"), (3, "c/")):
        index.add_mentions(
            url,
            f"Briefing <{day}>",
            date(2022, day * 3, 1),
            {"ada": day, "babbage": 1, **({"london": 1} if day == 3 else {})},
            {"ada": f"Ada, sentence {day}.", "babbage": "B.", "london": "L."},
        )
    return index


def _page(pages: EntityPages, uri: str, index: SiteIndex) -> BeautifulSoup:
    stash = Stash()
    title, body, _key = pages.body(
        uri,
        index,
        link=lambda entry_id: f"../{entry_id}/",
        glossary_link=lambda entry_id: f"../../glossary/#{entry_id}",
        page_link=lambda src: "/" + src.removesuffix(".md") + "/",
        href=lambda url: "/" + url,
        stash=stash,
    )
    markdown = entity_page_markdown(title, body)
    assert markdown.startswith("---\n") and '"exclude": true' in markdown.split("---", 2)[1]
    html = Markdown(extensions=["attr_list", "md_in_html"]).convert(markdown.split("---", 2)[2])
    return BeautifulSoup(stash.restore(html), "html.parser")


def test_first_page_shows_the_entry_timeline_company_and_newest_briefings() -> None:
    index = _index()
    pages = EntityPages(GLOSSARY, {"ada": 3}, page_size=2)
    soup = _page(pages, "entities/ada.md", index)
    text = soup.get_text(" ")
    assert "Ada Lovelace" in text and "Person" in text
    assert soup.select_one("em").get_text() == "mathematician"  # the editor's Markdown
    assert soup.select_one(".entity-see-also a")["href"] == "../babbage/"
    assert soup.select_one(".entity-glossary a")["href"] == "../../glossary/#ada"
    # Timeline: every month from March to September, gaps included, with a table.
    assert len(soup.select(".entity-timeline rect")) == 7
    rows = [tr.get_text(" ", strip=True) for tr in soup.select(".entity-timeline-table tbody tr")]
    assert rows == ["March 2022 1", "June 2022 2", "September 2022 3"]
    # Company: most shared briefings first.
    company = [li.get_text(" ", strip=True) for li in soup.select(".entity-companions li")]
    assert company == ["Charles Babbage (3 briefings)", "London (1 briefing)"]
    # Newest first, two per page, titles escaped, pagination to page 2.
    titles = [a.get_text() for a in soup.select(".entity-briefings li > a")]
    assert titles == ["Briefing <3>", "Briefing <2>"]
    assert soup.select_one('.entity-pages a[rel="next"]')["href"] == "/entities/ada/2/"


def test_later_pages_continue_the_list_and_link_back() -> None:
    pages = EntityPages(GLOSSARY, {"ada": 3}, page_size=2)
    soup = _page(pages, "entities/ada/2.md", _index())
    assert [a.get_text() for a in soup.select(".entity-briefings li > a")] == ["Briefing <1>"]
    assert soup.select_one(".entity-briefings")["start"] == "3"
    assert soup.select_one('.entity-pages a[rel="prev"]')["href"] == "/entities/ada/"
    assert soup.select_one(".entity-timeline") is None
    assert soup.select_one('[aria-current="page"]').get_text() == "2"


def test_month_counts_and_empty_timeline() -> None:
    links = [
        Backlink("a/", "A", date(2022, 11, 5), 2, "."),
        Backlink("b/", "B", date(2023, 2, 1), 1, "."),
        Backlink("c/", "C", None, 4, "."),
    ]
    assert month_counts(links) == [("2022-11", 2), ("2022-12", 0), ("2023-01", 0), ("2023-02", 1)]
    assert timeline_svg([], "X") == ""


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", 'A "quoted" & name'])
def test_timeline_escapes_the_name(name: str) -> None:
    soup = BeautifulSoup(timeline_svg([("2022-01", 1)], name), "html.parser")
    assert soup.find("script") is None
    assert name in soup.select_one("svg")["aria-label"]


def test_what_it_said_lists_the_sentences_attributed_to_the_entity() -> None:
    index = _index()
    index.statements["glossary:ada"] = [
        Statement(f"s{day}/", f"Talk <{day}>", date(2022, 1, day), f"Ada said <{day}>.")
        for day in range(1, 24)
    ]
    pages = EntityPages(GLOSSARY, {"ada": 3}, page_size=2)
    soup = _page(pages, "entities/ada.md", index)
    said = soup.select(".entity-statements li")
    assert len(said) == 20  # the newest twenty, then a count of the rest
    assert said[0].select_one("blockquote").get_text() == "Ada said <23>."
    assert said[0].select_one("a")["href"] == "/s23/"
    assert "and 3 earlier statements" in soup.select_one(".entity-statements-more").get_text()
    later = _page(pages, "entities/ada/2.md", index)
    assert later.select_one(".entity-statements") is None
    babbage = EntityPages(GLOSSARY, {"babbage": 1}, page_size=2)
    assert _page(babbage, "entities/babbage.md", index).select_one(".entity-statements") is None


def test_company_counts_a_page_recorded_after_it_was_first_asked_for() -> None:
    index = _index()
    assert index.companions("ada", 5) == [("babbage", 3), ("london", 1)]
    index.add_mentions("about/", "About", None, {"ada": 1, "london": 1}, {})
    assert index.companions("ada", 5) == [("babbage", 3), ("london", 2)]
    assert index.entities_of("about/", 5) == [("ada", 1), ("london", 1)]


@pytest.mark.parametrize("uri", ["entities/ada.md", "entities/ada/2.md"])
def test_headings_given_as_html_make_the_same_page_from_less_markdown(uri: str) -> None:
    # The shell path (site/page_shell.py) passes the section headings as HTML, so the
    # Markdown left to convert is small; the page must be the same as converted whole.
    pages = EntityPages(GLOSSARY, {"ada": 3}, page_size=2)
    converter = PageConverter(["attr_list", "md_in_html", "toc"], {"toc": {"permalink": True}})
    args = {
        "link": lambda entry_id: f"../{entry_id}/",
        "glossary_link": lambda entry_id: f"../../glossary/#{entry_id}",
        "page_link": lambda src: "/" + src.removesuffix(".md") + "/",
        "href": lambda url: "/" + url,
    }
    whole_stash, part_stash = Stash(), Stash()
    _title, whole, _key = pages.body(uri, _index(), stash=whole_stash, **args)
    _title, part, _key = pages.body(
        uri, _index(), stash=part_stash, heading=converter.heading, **args
    )
    assert part.count("## ") == 0 < whole.count("## ")
    expected = whole_stash.restore(converter.convert(whole))
    assert part_stash.restore(converter.convert(part)) == expected


@pytest.mark.parametrize("name", ["Timeline", "Appears with", "Briefings (3)"])
def test_an_entity_named_like_a_section_gets_no_repeated_id(name: str) -> None:
    glossary = Glossary([GlossaryEntry("timeline", name, "organization", (), "")])
    pages = EntityPages(glossary, {"timeline": 3}, page_size=5)
    converter = PageConverter(["attr_list", "md_in_html", "toc"], {"toc": {"permalink": True}})
    index = SiteIndex()
    for day in (1, 2, 3):
        index.add_mentions(f"{day}/", "B", date(2022, day, 1), {"timeline": 1}, {"timeline": "."})
    stash = Stash()
    _title, body, key = pages.body(
        "entities/timeline.md",
        index,
        link=lambda i: i,
        glossary_link=lambda i: i,
        page_link=lambda s: s,
        href=lambda u: u,
        stash=stash,
        heading=converter.heading,
    )
    html = stash.restore(converter.convert(body))
    ids = [m for m in re.findall(r'<h[12] id="([^"]+)"', html)]
    assert ids[0] == "entity-timeline" and len(ids) == len(set(ids)), ids
    # The section key names the model whose table of contents lists exactly these sections.
    assert key == "tb" and ids[1:] == ["timeline", "briefings"]


def test_an_id_that_names_a_folder_page_gets_no_entity_page() -> None:
    glossary = Glossary([GlossaryEntry("index", "Index Ltd", "organization", (), "")])
    pages = EntityPages(glossary, {"index": 2}, page_size=5)
    assert pages.first_uri("index") is None and not pages.all_uris()


def test_briefings_sorted_once_are_sorted_again_after_a_new_mention() -> None:
    index = _index()
    pages = EntityPages(GLOSSARY, {"ada": 4}, page_size=10)
    titles = [
        a.get_text()
        for a in _page(pages, "entities/ada.md", index).select(".entity-briefings li > a")
    ]
    assert titles == ["Briefing <3>", "Briefing <2>", "Briefing <1>"]
    index.add_mentions("d/", "Briefing <4>", date(2022, 12, 1), {"ada": 1}, {"ada": "."})
    titles = [
        a.get_text()
        for a in _page(pages, "entities/ada.md", index).select(".entity-briefings li > a")
    ]
    assert titles[0] == "Briefing <4>" and len(titles) == 4
    other = _index()  # a new build's index: nothing carried over
    titles = [
        a.get_text()
        for a in _page(pages, "entities/ada.md", other).select(".entity-briefings li > a")
    ]
    assert len(titles) == 3

"""Generated pages: editor Markdown is made safe, archives paginate, backlinks fill in."""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from datetime import date

import markdown
import pytest
import yaml
from briefings.common.text import escape_html
from briefings.entities.model import Candidate
from briefings.site.pages.common import front_matter, safe_markdown
from briefings.site.pages.discovered import discovered_page
from briefings.site.pages.glossary import fill_backlinks
from briefings.site.pages.listing import (
    TOP_ENTITIES_PLACEHOLDER,
    TRENDING_PLACEHOLDER,
    archive_pages,
    fill_home,
)
from briefings.site.records import Backlink, Discovered
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from sitetools import browser_scheme


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("[ok](https://example.org/a)", "https://example.org/a"),
        ("[rel](other.md#x)", "other.md#x"),
        ("[mail](mailto:a@b.c)", "mailto:a@b.c"),
        ("[bad](javascript:alert(1))", "#"),
        ("[bad](data:text/html,x)", "#"),
        ("[ref][r]\n\n[r]: javascript:alert(1)", "#"),
    ],
)
def test_safe_markdown_links(text: str, href: str) -> None:
    soup = BeautifulSoup(markdown.markdown(safe_markdown(text)), "html.parser")
    link = soup.find("a")
    assert link is not None and link["href"] == href


def test_safe_markdown_escapes_html() -> None:
    html = markdown.markdown(safe_markdown("**bold** <script>alert(1)</script> & co"))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("strong") is not None
    assert "<script>alert(1)</script> & co" in soup.get_text()


@dataclass
class FakeSeed:
    date: date
    title: str = "t"
    summary: str = "s"


@dataclass
class Item:
    src_uri: str
    url: str
    seed: FakeSeed


def test_archive_paginates_months_newest_first() -> None:
    items = [
        Item(f"b/{n}.md", f"b/{n}/", FakeSeed(date(2022, 9 if n < 5 else 8, 28 - n)))
        for n in range(7)
    ]
    pages = archive_pages([(i.seed.date, i) for i in items], "archive", page_size=2)
    uris = [uri for uri, _ in pages]
    assert uris == [
        "archive/index.md",
        "archive/2022/09/index.md",
        "archive/2022/09/2.md",
        "archive/2022/09/3.md",
        "archive/2022/08/index.md",
    ]
    index = pages[0][1]
    assert [(label, count) for label, _, count in index.months] == [
        ("September 2022", 5),
        ("August 2022", 2),
    ]
    second = pages[2][1]
    assert second.prev_uri == "archive/2022/09/index.md"
    assert second.next_uri == "archive/2022/09/3.md"


def test_glossary_entries_get_their_count_and_entity_page_link() -> None:
    links = {
        "x": {
            "a/": Backlink("a/", "Old <b>", date(2021, 1, 1), 1, "First <i>sentence</i>."),
            "b/": Backlink("b/", "New", date(2022, 1, 1), 3, "Second."),
            "about/": Backlink("about/", "About", None, 1, "Third."),
        }
    }
    html = fill_backlinks(
        "<!--briefings:backlinks:x--><!--briefings:backlinks:y-->",
        links,
        lambda entry_id: f"../entities/{entry_id}/" if entry_id == "x" else None,
    )
    soup = BeautifulSoup(html, "html.parser")
    entry = soup.select_one(".glossary-backlinks:not(.glossary-backlinks--empty)")
    assert entry is not None
    assert "Mentioned in 2 briefings and 1 other page" in entry.get_text()
    assert [a["href"] for a in entry.select("a")] == ["../entities/x/"]
    # No list of briefings: those are on the entity page, so the glossary stays small.
    assert "Old" not in soup.get_text() and soup.find("blockquote") is None
    assert soup.select_one(".glossary-backlinks--empty") is not None


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=10)),
)
def test_front_matter_round_trips_through_yaml(title: str, tags: list[str]) -> None:
    block = front_matter(title, title, date(2022, 9, 7), tags, entities=True)
    assert block.startswith("---\n") and block.endswith("\n---")
    meta = yaml.safe_load(block[4:-4])
    assert meta["title"] == escape_html(title)
    assert meta["description"] == escape_html(title)
    assert meta.get("tags", []) == tags
    assert meta["date"] == "2022-09-07" and meta["briefing"] is True


@pytest.mark.parametrize(
    "text",
    [
        "[more](java\nscript:alert(1))",
        "[more](java\tscript:alert(1))",
        "[more](java&#10;script:alert(1))",
        "[ref][r]\n\n[r]: java&#9;script:alert(1)",
    ],
)
def test_safe_markdown_drops_split_scheme_links(text: str) -> None:
    soup = BeautifulSoup(markdown.markdown(safe_markdown(text)), "html.parser")
    link = soup.find("a")
    assert link is not None
    # What a browser makes of the attribute value: no second entity decoding
    # ("java&#9;script:" read literally is a relative URL).
    assert browser_scheme(str(link["href"])) in (None, "http", "https", "mailto")


def test_editor_text_cannot_forge_a_stash_placeholder() -> None:
    """A description holding the renderer's placeholder characters renders them as text."""
    forged = "Looks like \ue0020\ue003 and \ue0001\ue001."
    out = safe_markdown(forged)
    assert not any(ch in out for ch in "\ue000\ue001\ue002\ue003")
    html = markdown.markdown(out)
    assert html_lib.unescape(html) == f"<p>{forged}</p>"


def test_home_page_fills_top_entities_and_trending_with_plurals() -> None:
    html = (
        "<ul><li>A " + TOP_ENTITIES_PLACEHOLDER.format(url="briefings/a/") + "</li>"
        "<li>B " + TOP_ENTITIES_PLACEHOLDER.format(url="briefings/b/") + "</li></ul>"
        "<aside>" + TRENDING_PLACEHOLDER + "</aside>"
    )
    top = {"briefings/a/": [("Putin <V>", "person", "../entities/putin/", 3)]}
    filled = fill_home(
        html,
        lambda url: top.get(url, []),
        [("Putin <V>", "person", "entities/putin/", 1), ("Kyiv", "place", "entities/kyiv/", 4)],
    )
    soup = BeautifulSoup(filled, "html.parser")
    first, second = soup.select("li")[:2]
    assert [a["href"] for a in first.select(".briefing-list__entities a")] == ["../entities/putin/"]
    assert second.select_one(".briefing-list__entities") is None
    trending = [li.get_text(" ", strip=True) for li in soup.select(".home-trending__list li")]
    assert trending == ["Putin <V> (1 mention)", "Kyiv (4 mentions)"]
    assert soup.find("v") is None and "<!--" not in filled
    assert "No entity mentioned yet." in fill_home(TRENDING_PLACEHOLDER, lambda url: [], [])


def test_unreviewed_entities_list_their_newest_briefings_and_count_the_rest() -> None:
    candidate = Candidate("acme", "Acme", "organization", (), 0.7, ("head word 'Acme'",))
    mentions = [
        Backlink(f"b{day}/", f"Briefing {day}", date(2022, 1, day), 1, f"Acme {day}.")
        for day in range(1, 9)
    ]
    soup = BeautifulSoup(
        discovered_page([Discovered(candidate, mentions)], lambda url: url), "html.parser"
    )
    titles = [a.get_text() for a in soup.select(".glossary-backlinks li a")]
    assert titles == [f"Briefing {day}" for day in (8, 7, 6, 5, 4)]
    assert soup.select_one(".discovered-more").get_text() == "and 3 earlier briefings"

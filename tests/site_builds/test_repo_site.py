"""The repository's own site, built strictly: the real seed's page and the generated pages."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from briefings.content.seeds import read_seed
from bs4 import BeautifulSoup, Tag
from sitetools import ROOT, BuiltSite

SEED = ROOT / "seeds" / "000_59870affd8118fe3.txt"
pytestmark = pytest.mark.slow


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_page(repo_site: BuiltSite) -> BeautifulSoup:
    assert repo_site.ok, repo_site.error + "\n" + "\n".join(repo_site.warnings())
    urls = [u for u in repo_site.briefing_urls() if u.startswith("briefings/2022-09-07-")]
    assert len(urls) == 1
    return repo_site.page(urls[0])


def article(page: BeautifulSoup) -> Tag:
    found = page.select_one("article.md-content__inner")
    assert found is not None
    return found


def visible_text(node: Tag) -> str:
    """Article text without footnote markers, footnote list, permalinks or the summary box."""
    clone = BeautifulSoup(str(node), "html.parser")
    for junk in clone.select("sup[id^=fnref], div.footnote, a.headerlink, .briefing-entities"):
        junk.decompose()
    return norm(clone.get_text())


def test_build_is_clean(repo_site: BuiltSite) -> None:
    assert repo_site.ok, repo_site.error
    assert repo_site.warnings() == []


def test_every_paragraph_verbatim(seed_page: BeautifulSoup) -> None:
    text = visible_text(article(seed_page))
    seed = read_seed(SEED, ROOT)
    position = 0
    for block in seed.blocks:
        found = text.find(norm(block.text), position)
        assert found >= 0, block.text
        assert text.count(norm(block.text)) == 1
        position = found + len(norm(block.text))


def test_structure(seed_page: BeautifulSoup) -> None:
    body = article(seed_page)
    h2 = [norm(h.get_text(" ")).rstrip("¶ ").strip() for h in body.select("h2")]
    assert any(
        h.startswith("Russian military weapons use critical specialist components") for h in h2
    )
    captions = body.select("figure.briefing-figure figcaption")
    assert len(captions) == 2
    for caption in captions:
        credit = caption.select_one(".briefing-credit")
        assert credit is not None and norm(credit.get_text()) == "Credit: AP"
    time = body.select_one(".briefing-meta time")
    assert time is not None and time["datetime"] == "2022-09-07"
    assert norm(time.get_text()) == "7 September 2022"
    assert re.search(r"\d+ min read", body.select_one(".briefing-meta").get_text())


def test_entity_markup_contract(seed_page: BeautifulSoup) -> None:
    mentions = article(seed_page).select(".entity[data-entity]")
    assert mentions
    for mention in mentions:
        entity_type = mention["data-entity-type"]
        assert mention["class"][:2] == ["entity", f"entity--{entity_type}"]
    in_text = [m for m in mentions if not m.find_parent(class_="briefing-entities")]
    ids = {m["data-entity"] for m in in_text}
    for expected in ("vladimir-putin", "kim-jong-un", "north-korea", "mohajer-6"):
        assert expected in ids
    for mention in in_text:
        assert mention.get("title") is None, mention  # the card script explains it
        assert mention.get_text() not in ("Russian", "Iranian")
    linked = [m for m in in_text if m.name == "a"]
    # Glossary entries link to their entity pages, unreviewed names to their review list.
    assert linked and all(
        m["href"] == f"../../entities/{m['data-entity']}/"
        if m.get("data-reviewed") == "true"
        else "/discovered/" in m["href"] and "#" in m["href"]
        for m in linked
    )


def test_footnote_markup_contract(seed_page: BeautifulSoup) -> None:
    body = article(seed_page)
    refs = body.select("sup[id^='fnref'] > a.footnote-ref")
    assert len(refs) >= 4
    sources = {a["data-source"] for a in refs}
    assert {"us-intelligence", "rusi", "white-house", "glossary:lim-soo-ho"} <= sources
    for ref in refs:
        target = ref["href"].removeprefix("#")
        note = body.select_one(f"div.footnote li[id='{target}']")
        assert note is not None, target


def test_home_lists_the_briefing(repo_site: BuiltSite) -> None:
    home = repo_site.page("")
    links = home.select("ul.briefing-list a")
    assert any(a["href"].startswith("briefings/2022-09-07-") for a in links)


def test_home_shows_top_entities_and_the_most_mentioned_lately(repo_site: BuiltSite) -> None:
    home = repo_site.page("")
    (item,) = home.select("ul.briefing-list > li")
    top = [a["href"] for a in item.select(".briefing-list__entities a.entity")]
    assert len(top) == 3 and all(href.startswith("entities/") for href in top)
    trending = home.select(".home-trending__list li")
    assert 1 <= len(trending) <= 10
    first = trending[0].get_text(" ", strip=True)
    assert re.fullmatch(r".+ \(\d+ mentions?\)", first), first
    counts = [int(re.findall(r"\((\d+) mention", li.get_text())[0]) for li in trending]
    assert counts == sorted(counts, reverse=True)
    assert "<!--briefings:" not in str(home)


def test_glossary_is_the_index_of_entity_pages(repo_site: BuiltSite) -> None:
    glossary = repo_site.page("glossary/")
    entry = glossary.select_one("h3#vladimir-putin")
    assert entry is not None
    links = [a["href"] for a in glossary.select("p.glossary-backlinks a")]
    assert "../entities/vladimir-putin/" in links
    assert not any("briefings/" in href for href in links)
    assert "<!--briefings:backlinks" not in str(glossary)
    entity = repo_site.page("entities/vladimir-putin/")
    briefings = [a["href"] for a in entity.select(".entity-briefings li > a")]
    assert len(briefings) == 1 and "briefings/2022-09-07-" in briefings[0]
    assert entity.select_one(".entity-timeline svg[role=img]") is not None
    assert entity.select(".entity-companions a")


def test_every_glossary_entry_a_briefing_mentions_has_an_entity_page(
    repo_site: BuiltSite,
) -> None:
    briefing = repo_site.page(repo_site.briefing_urls()[0])
    marked = {
        mark["data-entity"]
        for mark in briefing.select("article [data-entity]")
        if mark.get("data-reviewed") != "false"
    }
    assert marked
    for entry_id in marked:
        assert (repo_site.site / "entities" / entry_id / "index.html").is_file(), entry_id


def test_entity_pages_are_whole_pages_and_the_model_is_gone(repo_site: BuiltSite) -> None:
    # Entity pages are written into the theme's shell of a model page (site/page_shell.py):
    # each has its own title, canonical URL and skip link; the model page is gone.
    page = repo_site.page("entities/vladimir-putin/")
    assert page.title is not None and page.title.string == "Vladimir Putin - Briefings"
    canonical = page.select_one("link[rel=canonical]")
    assert canonical is not None
    assert canonical["href"] == "https://briefings.example.org/entities/vladimir-putin/"
    skip = page.select_one("a.md-skip")
    heading = page.select_one("article h1")
    assert skip is not None and heading is not None and skip["href"] == f"#{heading['id']}"
    assert page.select_one("header .md-header__topic") is not None
    assert "Vladimir Putin" in page.select_one("header").get_text()
    assert not any("briefings-page-shell" in str(p) for p in repo_site.site.rglob("*"))
    # The table of contents is the model's for this page's sections; every link lands.
    toc = [a["href"] for a in page.select(".md-nav--secondary a.md-nav__link")]
    assert "#briefings" in toc and "#timeline" in toc
    assert all(page.find(id=href.removeprefix("#")) is not None for href in toc), toc
    sitemap = (repo_site.site / "sitemap.xml").read_text("utf-8")
    # Out of the sitemap, which Material's instant navigation loads on every first visit.
    assert "/entities/" not in sitemap and "briefings-page-shell" not in sitemap
    assert "<loc>https://briefings.example.org/glossary/</loc>" in sitemap
    packed = gzip.decompress((repo_site.site / "sitemap.xml.gz").read_bytes()).decode()
    assert packed == sitemap


def test_sourcing_report(repo_site: BuiltSite) -> None:
    # An index of months with their totals; each month's briefings in a file of its own.
    reports = repo_site.site / "reports"
    (month,) = json.loads((reports / "sourcing.json").read_text("utf-8"))["months"]
    assert month["month"] == "2022-09" and month["data"] == "sourcing/2022-09.json"
    data = json.loads((reports / month["data"]).read_text("utf-8"))
    (record,) = data["briefings"]
    assert record["path"] == "seeds/000_59870affd8118fe3.txt"
    assert 0 < record["attributed"] <= record["sentences"]
    assert (month["briefings"], month["attributed"]) == (1, record["attributed"])


def test_assets_shipped(repo_site: BuiltSite) -> None:
    for name in ("briefings.css", "entities.css"):
        assert (repo_site.site / "assets" / "briefings" / name).is_file()


def test_reproducible(repo_site: BuiltSite, tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    second = tmp_path / "again"
    build(load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(second)))
    first_files = sorted(
        p.relative_to(repo_site.site) for p in repo_site.site.rglob("*") if p.is_file()
    )
    second_files = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    # Nothing is excluded: MkDocs stamps sitemap.xml(.gz) with the pages' update *date*,
    # which is the same for two builds on one day.
    differing = [
        f for f in first_files if (repo_site.site / f).read_bytes() != (second / f).read_bytes()
    ]
    assert differing == []


def test_search_indexes_the_text_not_the_entities_box(repo_site: BuiltSite) -> None:
    """The briefing's words are searchable; the 'In this briefing' box is not indexed."""
    index = json.loads((repo_site.site / "search" / "search_index.json").read_text("utf-8"))
    briefing = [d for d in index["docs"] if d["location"].startswith("briefings/2022-09-07-")]
    text = " ".join(d["title"] + " " + d["text"] for d in briefing)
    assert "Royal United Services Institute" in text and "Khusnullin" in text
    assert "In this briefing" not in text
    page = (repo_site.site / briefing[0]["location"].split("#")[0] / "index.html").read_text()
    assert "In this briefing" in page  # still shown to readers
    # Search read the page without its entity marks (plugin.py): readers get them back.
    assert 'data-entity="royal-united-services-institute"' in page


def test_the_briefings_folder_is_a_page(repo_site: BuiltSite) -> None:
    """A reader who cuts a briefing's URL back to /briefings/ finds every month listed."""
    page = repo_site.page("briefings/")
    heading = page.select_one("article h1")
    assert heading is not None and heading.get_text(strip=True).rstrip("¶") == "All briefings"
    months = [a["href"] for a in page.select("article ul.briefing-months a")]
    assert months == ["../archive/2022/09/"]
    assert (repo_site.site / "archive" / "2022" / "09" / "index.html").is_file()


def test_search_indexes_what_is_filled_in_late(repo_site: BuiltSite) -> None:
    index = (repo_site.site / "search" / "search_index.json").read_text("utf-8")
    assert "briefings:trending" not in index and "briefings:backlinks" not in index
    assert "Most mentioned in the last" in index


def test_an_entity_that_is_a_source_shows_what_it_said(repo_site: BuiltSite) -> None:
    page = repo_site.page("entities/lim-soo-ho/")
    said = page.select(".entity-statements li")
    assert said, "Lim Soo-ho is cited in the seed: his entity page lists what he said"
    assert "Lim Soo-ho" in said[0].select_one("blockquote").get_text()
    assert said[0].select_one("a")["href"].startswith("../../briefings/2022-09-07-")

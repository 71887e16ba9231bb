"""Entity discovery in a whole build, and the editors' `suggest` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from briefings.suggest import main as suggest_main
from sitetools import SiteFactory, run_build

pytestmark = pytest.mark.slow

ARTICLE = (
    "date 2023-06-24 Wagner Group chief Yevgeny Prigozhin ordered his fighters towards "
    "Moscow on Saturday.\n\nRussian President Vladimir Putin called the revolt a betrayal. "
    "Prigozhin later agreed to leave for Belarus.\n"
)


def test_unreviewed_entities_highlighted(site_factory: SiteFactory) -> None:
    site = site_factory(seeds={"a.txt": ARTICLE}, glossary="[]\n", sources="[]\n", strict=False)
    assert site.ok, site.error
    (url,) = site.briefing_urls()
    body = site.page(url).select_one("article")
    assert body is not None
    found = {
        m["data-entity"]: m["data-entity-type"]
        for m in body.select(".entity.entity--unreviewed[data-entity]")
        if not m.find_parent(class_="briefing-entities")
    }
    assert found.get("yevgeny-prigozhin") == "person"
    assert found.get("moscow") == "place"
    assert "russian" not in found
    later = [
        m for m in body.select("[data-entity='yevgeny-prigozhin']") if m.get_text() == "Prigozhin"
    ]
    assert later, "coreference: the bare surname is the same person"
    link = body.select_one("a.entity--unreviewed[data-entity='moscow']")
    assert link is not None and link["href"].endswith("discovered/m/#moscow")
    # The review list is one page per initial of the id, with an index of them.
    discovered = site.page("discovered/y/")
    assert discovered.select_one("h2#yevgeny-prigozhin") is not None
    index = site.page("discovered/")
    initials = {a.get_text(): a["href"] for a in index.select("ul.discovered-initials a")}
    assert initials["Y"] == "y/" and initials["M"] == "m/"
    assert "moscow" not in index.get_text().lower()
    assert not [m for m in site.messages if "relative link" in m], site.messages
    # Empty pages of an initial are not searchable; those with names are.
    search = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))
    located = {doc["location"].split("#")[0] for doc in search["docs"]}
    assert "discovered/y/" in located and "discovered/q/" not in located


SECOND = (
    "date 2023-06-26 Yevgeny Prigozhin arrived in Belarus on Monday, officials in Minsk "
    "said.\n\nPrigozhin did not speak to reporters.\n"
)


def test_unreviewed_entity_in_two_briefings_gets_an_entity_page(
    site_factory: SiteFactory,
) -> None:
    site = site_factory(
        seeds={"a.txt": ARTICLE, "b.txt": SECOND}, glossary="[]\n", sources="[]\n", strict=False
    )
    assert site.ok, site.error
    page = site.page("entities/yevgeny-prigozhin/")
    meta = page.select_one(".entity-meta .entity[data-entity='yevgeny-prigozhin']")
    assert meta is not None and meta["data-reviewed"] == "false"
    assert "not yet reviewed" in page.select_one(".entity-meta").get_text()
    assert len(page.select(".entity-briefings li")) == 2
    review = page.select_one(".entity-glossary a")
    assert review is not None and review["href"].endswith("discovered/y/#yevgeny-prigozhin")
    # Mentions in the briefings and the card link to the page; a name seen once does not
    # get one and still links to the review list.
    for url in site.briefing_urls():
        body = site.page(url).select_one("article")
        assert body is not None
        links = body.select("a.entity--unreviewed[data-entity='yevgeny-prigozhin']")
        assert links and all(a["href"].endswith("entities/yevgeny-prigozhin/") for a in links)
    (first,) = [url for url in site.briefing_urls() if "2023-06-24" in url]
    moscow = site.page(first).select_one("a[data-entity='moscow']")
    assert moscow is not None and moscow["href"].endswith("discovered/m/#moscow")
    assert not (site.site / "entities" / "moscow").exists()
    # The review list links the page and lists one briefing, not all of them.
    entry = site.page("discovered/y/").select_one("h2#yevgeny-prigozhin + p + ul + div")
    assert entry is not None and len(entry.select("blockquote")) == 1
    more = entry.select_one(".discovered-more a")
    assert more is not None and more["href"].endswith("entities/yevgeny-prigozhin/")
    card = json.loads((site.site / "cards" / "y.json").read_text("utf-8"))["yevgeny-prigozhin"]
    assert card[5].endswith("entities/yevgeny-prigozhin/") and card[6] == 0


def test_discovery_can_be_turned_off(site_factory: SiteFactory) -> None:
    site = site_factory(
        seeds={"a.txt": ARTICLE},
        glossary="[]\n",
        sources="[]\n",
        options={"discover": "false"},
        strict=False,
    )
    (url,) = site.briefing_urls()
    assert not site.page(url).select(".entity--unreviewed")


def test_strict_threshold_on_unreviewed(site_factory: SiteFactory) -> None:
    site = site_factory(
        seeds={"a.txt": ARTICLE}, glossary="[]\n", sources="[]\n", options={"max_unreviewed": 1}
    )
    assert not site.ok
    assert any("more than max_unreviewed (1)" in m for m in site.warnings())


def test_suggest_writes_reviewable_glossary(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "glossary").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "glossary" / "g.yml").write_text(
        "- id: moscow\n  name: Moscow\n  type: place\n  description: Capital of Russia.\n", "utf-8"
    )
    assert suggest_main(["--root", str(tmp_path), "--output", "review/c.yml"]) == 0
    text = (tmp_path / "review" / "c.yml").read_text("utf-8")
    entries = yaml.safe_load(text)
    ids = [e["id"] for e in entries]
    assert "yevgeny-prigozhin" in ids and "moscow" not in ids
    person = next(e for e in entries if e["id"] == "yevgeny-prigozhin")
    assert person["type"] == "person" and person["description"] == ""
    assert "# evidence:" in text and "in seeds/a.txt:" in text
    # Accepting a candidate is a copy-paste: the entry loads as glossary YAML.
    from briefings.entities.glossary_files import load_glossary

    accepted = tmp_path / "glossary" / "new.yml"
    accepted.write_text(yaml.safe_dump([{**person, "description": "Head of Wagner."}]), "utf-8")
    glossary, _ = load_glossary(sorted((tmp_path / "glossary").glob("*.yml")))
    assert glossary.get("yevgeny-prigozhin") is not None


def test_discovery_cache_never_changes_output(tmp_path: Path) -> None:
    from sitetools import build_site, cache_entries, run_build, write_cache_entry

    cold = build_site(
        tmp_path, seeds={"a.txt": ARTICLE}, glossary="[]\n", sources="[]\n", strict=False
    )
    (key,) = cache_entries(tmp_path, "discovery")
    warm = run_build(tmp_path / "mkdocs.yml", tmp_path / "warm", strict=False)
    # A damaged entry is a miss, not a crash, and is rewritten.
    write_cache_entry(tmp_path, "discovery", key, "{not json")
    damaged = run_build(tmp_path / "mkdocs.yml", tmp_path / "damaged", strict=False)
    (url,) = cold.briefing_urls()
    pages = [(s.site / url / "index.html").read_bytes() for s in (cold, warm, damaged)]
    assert pages[0] == pages[1] == pages[2]
    assert b"entity--unreviewed" in pages[0]
    assert cache_entries(tmp_path, "discovery")[key].startswith("{")


def test_damaged_cache_file_is_replaced(tmp_path: Path) -> None:
    from sitetools import build_site, cache_entries, run_build

    cold = build_site(
        tmp_path, seeds={"a.txt": ARTICLE}, glossary="[]\n", sources="[]\n", strict=False
    )
    for name in ("discovery", "pages"):
        (tmp_path / ".cache" / "briefings" / f"{name}.sqlite").write_bytes(b"not a database" * 99)
    again = run_build(tmp_path / "mkdocs.yml", tmp_path / "again", strict=False)
    assert again.ok, again.error
    (url,) = cold.briefing_urls()
    assert (cold.site / url / "index.html").read_bytes() == (
        again.site / url / "index.html"
    ).read_bytes()
    assert len(cache_entries(tmp_path, "discovery")) == len(cache_entries(tmp_path, "pages")) == 1


def test_discovery_cache_key_follows_glossary(tmp_path: Path) -> None:
    from sitetools import build_site, cache_entries, run_build

    build_site(tmp_path, seeds={"a.txt": ARTICLE}, glossary="[]\n", sources="[]\n", strict=False)
    first = set(cache_entries(tmp_path, "discovery"))
    (tmp_path / "glossary" / "entries.yml").write_text(
        "- id: moscow\n  name: Moscow\n  type: place\n  description: Capital of Russia.\n", "utf-8"
    )
    second = run_build(tmp_path / "mkdocs.yml", tmp_path / "second", strict=False)
    keys = set(cache_entries(tmp_path, "discovery"))
    assert len(keys) == 1 and keys != first  # a new key; the old entry is no longer kept
    (url,) = second.briefing_urls()
    moscow = second.page(url).select_one("article a[data-entity='moscow']")
    assert moscow is not None and "entity--unreviewed" not in moscow["class"]


def test_discovery_cache_is_read(tmp_path: Path) -> None:
    from sitetools import build_site, cache_entries, run_build, write_cache_entry

    build_site(tmp_path, seeds={"a.txt": ARTICLE}, glossary="[]\n", sources="[]\n", strict=False)
    (key,) = cache_entries(tmp_path, "discovery")
    # A valid entry saying "nothing found" must be believed: the build reads the cache.
    write_cache_entry(tmp_path, "discovery", key, '{"candidates": [], "mentions": [[], []]}')
    warm = run_build(tmp_path / "mkdocs.yml", tmp_path / "warm", strict=False)
    (url,) = warm.briefing_urls()
    assert not warm.page(url).select(".entity--unreviewed")


def test_registered_sources_are_not_unreviewed(site_factory: SiteFactory) -> None:
    sources = "- id: tass\n  name: TASS\n  kind: news agency\n  description: Russian agency.\n"
    text = ARTICLE.replace("on Saturday.", "on Saturday, TASS reported.")
    site = site_factory(seeds={"a.txt": text}, glossary="[]\n", sources=sources, strict=False)
    (url,) = site.briefing_urls()
    marked = {m.get_text() for m in site.page(url).select("article .entity--unreviewed")}
    assert "Prigozhin" in marked or "Yevgeny Prigozhin" in marked
    assert "TASS" not in marked


@pytest.mark.parametrize("review_marks", [False, True])
def test_two_views_of_one_build(site_factory: SiteFactory, review_marks: bool) -> None:
    """Readers get no review frames; editors (review_marks, on in make serve) get them.
    Every mention says whether it was reviewed, whatever the view."""
    glossary = "- id: moscow\n  name: Moscow\n  type: place\n  description: Capital of Russia.\n"
    site = site_factory(
        seeds={"a.txt": ARTICLE},
        glossary=glossary,
        sources="[]\n",
        options={"review_marks": str(review_marks).lower()},
    )
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    page = site.page(url)
    body = page.select_one("article")
    assert body is not None
    marks = body.select("[data-entity]")
    assert marks and all(m["data-reviewed"] in ("true", "false") for m in marks)
    assert {m["data-reviewed"] for m in marks if m["data-entity"] == "moscow"} == {"true"}
    assert {m["data-reviewed"] for m in marks if m["data-entity"] == "yevgeny-prigozhin"} == {
        "false"
    }
    sheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert any(h.endswith("assets/briefings/entities.css") for h in sheets)
    assert any(h.endswith("assets/briefings/review-marks.css") for h in sheets) is review_marks
    assert (site.site / "assets" / "briefings" / "review-marks.css").exists() is review_marks


HOOK = """
def on_page_context(context, page, config, nav):
    if 'class="entity' in (page.content or ""):
        page.content += '<p id="hooked">A hook saw the marks.</p>'
    return context
"""


def test_other_page_context_handlers_see_the_marks_and_keep_their_changes(
    site_factory: SiteFactory,
) -> None:
    """Search reads briefings without their entity marks only when no other handler of
    on_page_context runs between the plugin's two halves (plugin.py, _search_alone)."""
    site = site_factory(seeds={"a.txt": ARTICLE}, glossary="[]\n", sources="[]\n", strict=False)
    (site.root / "hooks.py").write_text(HOOK, "utf-8")
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "hooks:\n  - hooks.py\n", "utf-8")
    hooked = run_build(config, site.root / "hooked", strict=False)
    assert hooked.ok, hooked.error
    page = hooked.page(hooked.briefing_urls()[0])
    assert page.select_one("#hooked") is not None
    assert page.select("article [data-entity]")
    assert site.page(site.briefing_urls()[0]).select_one("#hooked") is None

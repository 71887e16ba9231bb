"""Atom feeds in a real build: the site feed, entity feeds, their announcement in pages,
stable entry ids when seeds are added, and no feeds without ``site_url``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitetools import MKDOCS_YML, SiteFactory, run_build

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
GLOSSARY = """\
- id: vladimir-putin
  name: Vladimir Putin
  type: person
  aliases: [Putin]
  description: President of Russia.
"""
FIRST = "date 2022-09-07 Vladimir Putin met officials in Moscow on Tuesday.\n"
SECOND = "date 2022-09-09 Putin <b>spoke</b> again on Friday & left.\n"


def _feed(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    rels = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert rels.get("alternate", "").startswith("https://example.org/")
    assert rels.get("self", "").startswith("https://example.org/")
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("https://example.org/")
    return root


def _ids(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}id") or "" for entry in feed.findall(f"{ATOM}entry")]


def test_site_and_entity_feeds_are_written_announced_and_stable(
    site_factory: SiteFactory,
) -> None:
    one = site_factory(seeds={"a.txt": FIRST}, glossary=GLOSSARY, sources="[]\n")
    assert one.ok, one.warnings()
    site_feed = _feed(one.site / "feed.xml")
    (first_id,) = _ids(site_feed)
    # Announced on every page: the home page finds the site feed, the entity page its own.
    home = one.page("")
    hrefs = [
        link["href"] for link in home.select('link[rel=alternate][type="application/atom+xml"]')
    ]
    assert hrefs == ["feed.xml"]
    entity = one.page("entities/vladimir-putin/")
    hrefs = [
        link["href"] for link in entity.select('link[rel=alternate][type="application/atom+xml"]')
    ]
    assert hrefs == ["../../feed.xml", "feed.xml"]
    entity_feed = _feed(one.site / "entities" / "vladimir-putin" / "feed.xml")
    assert _ids(entity_feed) == [first_id]

    # A second seed: the first entry keeps its id; titles are text, newest first.
    two = site_factory(seeds={"a.txt": FIRST, "b.txt": SECOND}, glossary=GLOSSARY, sources="[]\n")
    assert two.ok, two.warnings()
    site_feed = _feed(two.site / "feed.xml")
    ids = _ids(site_feed)
    assert len(ids) == 2 and ids[1] == first_id
    newest = site_feed.findall(f"{ATOM}entry")[0]
    assert newest.findtext(f"{ATOM}title", "").startswith("Putin <b>spoke</b>")
    assert _ids(_feed(two.site / "entities" / "vladimir-putin" / "feed.xml")) == ids


def test_no_site_url_means_no_feeds_and_a_note(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(FIRST, "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        MKDOCS_YML.format(options="      enabled: true").replace(
            "site_url: https://example.org/\n", ""
        ),
        "utf-8",
    )
    built = run_build(config, tmp_path / "site")
    assert built.ok, built.warnings()
    assert not (tmp_path / "site" / "feed.xml").exists()
    assert any("no Atom feeds" in message for message in built.messages)
    assert not built.page("").select('link[type="application/atom+xml"]')

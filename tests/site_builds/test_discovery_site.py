"""Entity discovery in a whole build, and the editors' `suggest` command."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from briefings.suggest import main as suggest_main
from sitetools import SiteFactory

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
    assert link is not None and link["href"].endswith("discovered/#moscow")
    discovered = site.page("discovered/")
    assert discovered.select_one("h2#yevgeny-prigozhin") is not None


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
    from briefings.glossary import load_glossary

    accepted = tmp_path / "glossary" / "new.yml"
    accepted.write_text(yaml.safe_dump([{**person, "description": "Head of Wagner."}]), "utf-8")
    glossary, _ = load_glossary(sorted((tmp_path / "glossary").glob("*.yml")))
    assert glossary.get("yevgeny-prigozhin") is not None

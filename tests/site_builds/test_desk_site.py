"""The editor's desk in whole builds: provenance on the page, duplicates and other languages
in the editors' report."""

from __future__ import annotations

import pytest
from sitetools import BuiltSite, build_site

pytestmark = pytest.mark.slow

GLOSSARY = """\
- id: valtara
  name: Valtara
  type: place
  description: A port town.
"""
STORY = (
    "Dock workers at the port of Valtara walked out on Monday after talks on a new contract "
    "collapsed, the Harbour Workers' Federation said. The Valtara Port Authority said the "
    "strike was illegal and that it would seek an injunction, while ships were diverted to "
    "Morsund. Labour Minister Agnes Holm said the government would not intervene for now."
)
FRENCH = (
    "Les dockers du port de Valtara se sont mis en grève lundi après l'échec des négociations "
    "sur une nouvelle convention collective, a indiqué la Fédération des travailleurs du port. "
    "L'autorité portuaire a déclaré que la grève était illégale et qu'elle demanderait une "
    "injonction au tribunal de Morsund."
)
SEEDS = {
    "a.txt": "date 2025-03-04\noutlet Reuters\nurl https://example.org/story\n"
    f"byline Jane Doe\nretrieved 2025-03-05\n\n{STORY}\n",
    "b.txt": f"date 2025-03-05\n\n{STORY.replace('Monday', 'Sunday')}\n",
    "c.txt": f"date 2025-03-06\n\n{FRENCH}\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    built = build_site(
        tmp_path_factory.mktemp("desk"), seeds=SEEDS, glossary=GLOSSARY, sources="[]\n"
    )
    assert built.ok, built.warnings()
    return built


def _url(site: BuiltSite, day: str) -> str:
    (url,) = [u for u in site.briefing_urls() if f"/2025-03-{day}-" in f"/{u}"]
    return url


def test_provenance_is_shown_and_the_outlet_is_a_source(site: BuiltSite) -> None:
    page = site.page(_url(site, "04"))
    line = page.select_one("p.briefing-provenance")
    assert line is not None
    assert line.get_text(" ", strip=True).startswith("Reuters · By Jane Doe · original article")
    assert line.select_one("a.briefing-original")["href"] == "https://example.org/story"
    assert line.select_one("time")["datetime"] == "2025-03-05"
    review = site.page("sources/review/2025-03/")
    assert review.select_one("section[data-source='new:reuters']") is not None


def test_a_duplicate_pair_is_reported_and_both_published(site: BuiltSite) -> None:
    assert len(site.briefing_urls()) == 3
    report = site.page("reports/sourcing/")
    (pair,) = report.select("ul.sourcing-duplicates li")
    assert "seeds/a.txt" in pair.get_text() and "seeds/b.txt" in pair.get_text()
    assert any("look like the same article" in m for m in site.messages)


def test_a_seed_in_another_language_is_published_as_written(site: BuiltSite) -> None:
    page = site.page(_url(site, "06"))
    article = page.select_one("article")
    assert article is not None
    assert not article.select("[data-entity]") and not article.select("a.footnote-ref")
    paragraph = article.select_one("p[lang='fr']")
    assert paragraph is not None and paragraph.get_text() == FRENCH
    report = site.page("reports/sourcing/")
    listed = [li.get_text() for li in report.select("ul.sourcing-languages li")]
    assert listed == ["seeds/c.txt: fr"]


DECIDED_GLOSSARY = """\
- id: georgia-country
  name: Georgia
  type: place
  description: A country in the Caucasus.
- id: georgia-us-state
  name: State of Georgia
  type: place
  description: A state of the United States.
"""
DECIDED = {
    "a.txt": "date 2025-03-04 Farmers in Georgia said the harvest was late, the Atlanta "
    "Gazette reported. Wexley Holdings said the plan was dead. The Brixton Desk said the "
    "prices would rise. Markets in Tbilisi were calm.\n",
    "b.txt": "date 2025-03-05 Georgia sent envoys to Tbilisi on Monday, the Atlanta Gazette "
    "reported. The Brixton Desk said talks would go on.\n",
}
DECISIONS = """\
- reject: Brixton Desk
- map: Georgia
  to: georgia-us-state
  seed: seeds/a.txt
- drop: "said the plan was dead"
  seed: seeds/a.txt
- source: "the prices would rise"
  is: Atlanta Gazette
  seed: seeds/a.txt
- drop: "a phrase no seed has"
  seed: seeds/a.txt
"""


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("decided")
    (root / "decisions.yml").write_text(DECISIONS, "utf-8")
    built = build_site(root, seeds=DECIDED, glossary=DECIDED_GLOSSARY, sources="[]\n")
    assert built.ok, built.warnings()
    return built


def test_decisions_stick(decided: BuiltSite) -> None:
    a = decided.page(_url(decided, "04"))
    b = decided.page(_url(decided, "05"))
    # Pinned in seed a only: Georgia is the US state there, the country elsewhere.
    assert {
        m["data-entity"] for m in a.select("article p [data-entity]") if m.get_text() == "Georgia"
    } == {"georgia-us-state"}
    assert {
        m["data-entity"] for m in b.select("article p [data-entity]") if m.get_text() == "Georgia"
    } == {"georgia-country"}
    # A rejected name is never marked, in any seed, nor suggested.
    for page in (a, b):
        assert not [m for m in page.select("article [data-entity]") if "Brixton" in m.get_text()]
    discovered = decided.page("discovered/b/")
    assert "Brixton Desk" not in discovered.get_text()
    # One attribution dropped, one re-sourced, in seed a only.
    notes = [li.get_text(" ", strip=True) for li in a.select("div.footnote li")]
    assert not any("Wexley" in n for n in notes)
    gazette = [n for n in notes if n.startswith("Atlanta Gazette")]
    assert len(gazette) == 1
    refs = [r["data-source"] for r in a.select("a.footnote-ref")]
    # "reported" and the re-sourced sentence: one source, whether discovery found the
    # newspaper as an unreviewed entity ("entity:") or only attribution did ("new:").
    gazette_refs = [r for r in refs if r.endswith(":atlanta-gazette")]
    assert len(gazette_refs) == 2 and len(set(gazette_refs)) == 1, refs


def test_a_stale_decision_is_reported_not_fatal(decided: BuiltSite) -> None:
    report = decided.page("reports/sourcing/")
    stale = [li.get_text() for li in report.select("ul.sourcing-stale li")]
    assert stale == ["decisions.yml:10: drop 'a phrase no seed has' in seeds/a.txt"]
    assert any("matches nothing any more" in m for m in decided.messages)


def test_long_builds_say_how_far_they_are(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every tenth of the briefings is logged (from 200 briefings on; 2 here)."""
    monkeypatch.setattr("briefings.plugin.PROGRESS_MINIMUM", 2)
    built = build_site(tmp_path_factory.mktemp("progress"), seeds=SEEDS, sources="[]\n")
    assert built.ok, built.warnings()
    progress = [m for m in built.messages if "briefings analysed and rendered" in m]
    assert progress[-1].endswith("3 of 3 briefings analysed and rendered")
    (cost,) = [m for m in built.messages if "entity pages written in" in m]
    pages = sum(1 for _ in (built.site / "entities").glob("**/index.html"))
    assert pages and f": {pages} entity pages written in " in cost
    home = built.page("").select_one("p.briefing-archive-link")
    assert home is not None and home.get_text() == "The archive: 3 briefings by month"

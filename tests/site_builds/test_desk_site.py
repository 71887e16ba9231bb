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

"""New articles publish as they are: their sources are found, footnoted and queued for review.

Whole strict builds of small sites with articles written for these tests, and the
``suggest`` command's sources file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from briefings.common.names import ROLE_WORDS
from briefings.sourcing.registry import load_sources
from briefings.suggest import main as suggest_main
from bs4 import BeautifulSoup
from sitetools import BuiltSite, SiteFactory, build_site

pytestmark = pytest.mark.slow

HARBOUR = """\
date 2025-03-04 Dock workers at the port of Valtara walked out on Monday after talks on a \
new contract collapsed, the Harbour Workers' Federation said in a statement.

"The employers left us no choice," federation chairman Tomas Reinholt told reporters \
outside the terminal. Reinholt said the strike would last at least a week.

The Valtara Port Authority said the walkout was illegal and that it would seek an injunction. \
It said cargo ships were being diverted to Morsund.

Labour Minister Agnes Holm said the government would not intervene. Holm added that \
mediation remained possible, according to the national broadcaster NRV.

A senior port official, who spoke on condition of anonymity, said losses could reach \
two million euros a day. The official said insurers had been warned.

Ships wait off Valtara on Tuesday. Credit: AP
"""

COURT = """\
date 2025-05-20 A court in Lindby on Tuesday fined the chemicals company Arvida Chemicals \
nine million crowns for polluting the river Ostra, the court said.

Judge Maria Lundqvist said the company had ignored repeated warnings. "The evidence shows \
a pattern, not an accident," she said.

Arvida Chemicals said in a statement that it would appeal. The company said its own tests \
had found no harm.

An internal review by the consultancy Berg & Sund, seen by Reuters, traced the leak to a \
valve fitted in 2021.
"""

# A name in the registry and in the glossary at once: the registry gives the footnote's
# kind, the glossary the link, and neither warns.
SOURCES = """\
- id: nrv
  name: NRV
  kind: media
  url: https://nrv.example/
  description: National broadcaster.
"""
GLOSSARY = """\
- id: nrv
  name: NRV
  type: organization
  description: The national broadcaster.
- id: valtara
  name: Valtara
  type: place
  description: A port town.
"""


def notes(page: BeautifulSoup) -> dict[str, str]:
    """Return each footnote's text (without back-references) by the reference's source."""
    texts = {}
    for ref in page.select("a.footnote-ref"):
        item = page.select_one(f"li[id='{str(ref['href']).removeprefix('#')}']")
        assert item is not None
        for backref in item.select("a.footnote-backref"):
            backref.decompose()
        texts[str(ref["data-source"])] = " ".join(item.get_text(" ").split())
    return texts


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(
        tmp_path_factory.mktemp("sourcing"),
        seeds={"harbour.txt": HARBOUR, "court.txt": COURT},
        glossary=GLOSSARY,
        sources=SOURCES,
    )


def test_new_articles_build_strict_with_no_registry_change(site: BuiltSite) -> None:
    assert site.ok, site.warnings()
    assert site.warnings() == []


def test_each_source_is_one_canonical_footnote(site: BuiltSite) -> None:
    (url,) = [u for u in site.briefing_urls() if "dock-workers" in u]
    page = site.page(url)
    texts = notes(page)
    refs = [str(r["data-source"]) for r in page.select("a.footnote-ref")]
    assert texts["entity:harbour-workers-federation"].startswith("Harbour Workers' Federation")
    assert texts["entity:tomas-reinholt"].startswith("Tomas Reinholt (person; federation chairman)")
    assert texts["entity:agnes-holm"].startswith("Agnes Holm (person; Labour Minister)")
    assert texts["entity:valtara-port-authority"].startswith("Valtara Port Authority (government)")
    # "Reinholt said", "Holm added", "It said": one footnote per source, lettered uses.
    assert refs.count("entity:tomas-reinholt") == 2
    assert refs.count("entity:valtara-port-authority") == 2
    assert refs.count("entity:agnes-holm") == 2
    assert refs.count("anonymous:senior-port-official") == 2
    assert len(page.select("div.footnote li")) == len(set(refs))


def test_registry_and_glossary_name_is_one_source_linked_to_the_entity(
    site: BuiltSite,
) -> None:
    (url,) = [u for u in site.briefing_urls() if "dock-workers" in u]
    page = site.page(url)
    ref = page.select_one("a.footnote-ref[data-source='nrv']")
    assert ref is not None
    note = page.select_one(f"li[id='{str(ref['href']).removeprefix('#')}']")
    assert note is not None and "(media)" in note.get_text()
    link = note.find("a", string="NRV")
    assert link is not None and str(link["href"]).endswith("entities/nrv/")


def test_definite_descriptions_and_pronouns_refer_back(site: BuiltSite) -> None:
    (url,) = [u for u in site.briefing_urls() if "court" in u]
    texts = notes(site.page(url))
    refs = [str(r["data-source"]) for r in site.page(url).select("a.footnote-ref")]
    assert refs.count("entity:arvida-chemicals") == 2  # "Arvida Chemicals said", "The company"
    assert refs.count("entity:maria-lundqvist") == 2  # "Judge Maria Lundqvist said", "she said"
    assert texts["entity:berg-sund"].startswith("Berg & Sund")
    assert "seen by Reuters" in texts["entity:berg-sund"]


def test_adjacent_footnote_references_read_as_two(site_factory: SiteFactory) -> None:
    text = "date 2025-01-01 According to the NRV, the Valtara Port Authority said it was shut.\n"
    built = site_factory(seeds={"a.txt": text}, glossary=GLOSSARY, sources=SOURCES)
    assert built.ok, built.warnings()
    (url,) = built.briefing_urls()
    paragraph = built.page(url).select_one("article p:has(sup)")
    assert paragraph is not None
    assert paragraph.get_text().endswith("shut.1,2")
    assert len(paragraph.select("sup.footnote-sep")) == 1


def test_sources_to_review_are_listed_by_month(site: BuiltSite) -> None:
    sources = site.page("sources/")
    months = [a.get_text() for a in sources.select("ul.source-months a")]
    assert months == ["May 2025", "March 2025"]
    review = site.page("sources/review/2025-03/")
    listed = {s["data-source"] for s in review.select("section.source-review")}
    assert {"entity:tomas-reinholt", "entity:harbour-workers-federation"} <= listed
    assert "nrv" not in listed and not any(s.startswith("anonymous:") for s in listed)
    quote = review.select_one("section#entity-tomas-reinholt blockquote")
    assert quote is not None and "left us no choice" in quote.get_text()


def test_sourcing_report_counts_sources_by_kind(site: BuiltSite) -> None:
    month = site.page("reports/sourcing/2025-03/")
    record = month.select_one("section.sourcing-record")
    assert record is not None and "person" in record.get_text()
    assert "Sources by kind:" in record.get_text()


def test_a_hard_limit_on_unreviewed_sources_is_available(site_factory: SiteFactory) -> None:
    built = site_factory(
        seeds={"harbour.txt": HARBOUR},
        glossary=GLOSSARY,
        sources=SOURCES,
        options={"max_unreviewed_sources": 2},
    )
    assert not built.ok
    assert any("more than max_unreviewed_sources (2)" in w for w in built.warnings())


def test_suggest_writes_a_valid_sources_file(tmp_path: Path) -> None:
    for folder in ("seeds", "glossary"):
        (tmp_path / folder).mkdir()
    (tmp_path / "seeds" / "harbour.txt").write_text(HARBOUR, "utf-8")
    (tmp_path / "seeds" / "court.txt").write_text(COURT, "utf-8")
    (tmp_path / "glossary" / "g.yml").write_text(GLOSSARY, "utf-8")
    (tmp_path / "sources.yml").write_text(SOURCES, "utf-8")
    args = ["--root", str(tmp_path), "--sources-output", "review/s.yml"]
    assert suggest_main([*args, "--output", "review/g.yml"]) == 0
    path = tmp_path / "review" / "s.yml"
    registry, problems = load_sources(path, root=tmp_path)
    assert problems == [] or all("description" in str(p) for p in problems)
    names = [entry.name for entry in registry]
    assert "Tomas Reinholt" in names and "Arvida Chemicals" in names
    for name in names:
        first = name.split()[0].casefold()
        assert first not in {"the", "a", "an"} and first not in ROLE_WORDS, name
    text = path.read_text("utf-8")
    assert "# in seeds/harbour.txt:" in text
    assert {entry["kind"] for entry in yaml.safe_load(text)} <= {
        "person",
        "government",
        "organisation",
        "company",
        "media",
    }


LONG_SENTENCE = (
    " ".join(
        f"the ministry said on day {n} that the plan, which officials said was late, "
        "would go ahead as the envoy said it would"
        for n in range(1, 7)
    )
    + "."
)
BAD_SOURCES = {
    "unclosed.txt": 'date 2025-01-02 "This quote never closes, said the minister. And more.\n',
    "long.txt": f"date 2025-01-02 {LONG_SENTENCE.capitalize()}\n",
    "markup.txt": "date 2025-01-02 <b>Bold</b> said it was fine. [^1] said so. "
    "{{ x }} said nothing. *Acme* said it too.\n",
    "huge.txt": "date 2025-01-02 " + "Zq" * 250 + " said the plan was fine.\n",
    "pronoun.txt": "date 2025-01-02 He said the plan was fine.\n\nShe said so too.\n",
}


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("bad-sources"), seeds=BAD_SOURCES, sources="[]\n")


def test_odd_sources_never_break_a_page(bad_site: BuiltSite) -> None:
    assert bad_site.ok, bad_site.warnings()
    assert len(bad_site.briefing_urls()) == len(BAD_SOURCES)
    for url in bad_site.briefing_urls():
        article = bad_site.page(url).select_one("article")
        assert article is not None
        # Seed text stays text: no tag or footnote syntax from it is ever interpreted.
        assert article.select("b, em, script") == []
        for note in article.select("div.footnote li"):
            # A footnote holds its text, links and back-references only.
            assert {tag.name for tag in note.find_all(True)} <= {"p", "a", "sup"}


def test_markup_in_a_source_name_stays_literal(bad_site: BuiltSite) -> None:
    (url,) = [u for u in bad_site.briefing_urls() if "bold" in u]
    article = bad_site.page(url).select_one("article")
    assert article is not None
    text = article.get_text()
    assert "<b>Bold</b> said it was fine." in text and "{{ x }} said nothing." in text
    assert "[^1] said so." in text and "*Acme* said it too." in text
    assert article.select("b, em") == []


def test_a_pronoun_with_nobody_before_it_gets_no_footnote(bad_site: BuiltSite) -> None:
    (url,) = [u for u in bad_site.briefing_urls() if "he-said" in u]
    assert bad_site.page(url).select("a.footnote-ref") == []


def test_a_long_sentence_with_many_cues_gets_one_marker_per_source(bad_site: BuiltSite) -> None:
    (url,) = [u for u in bad_site.briefing_urls() if "the-ministry-said" in u]
    refs = [r["data-source"] for r in bad_site.page(url).select("a.footnote-ref")]
    assert refs and len(refs) == len(set(refs))


def test_a_500_character_name_is_footnoted_whole(bad_site: BuiltSite) -> None:
    (url,) = [u for u in bad_site.briefing_urls() if "zqzq" in u]
    note = bad_site.page(url).select_one("div.footnote li")
    assert note is not None and "Zq" * 250 in note.get_text()


def test_the_development_articles_build_strict(tmp_path: Path) -> None:
    """The round-2 development articles, with this repository's glossary and sources."""
    root = Path(__file__).resolve().parents[2]
    articles = sorted((root / "tests" / "eval" / "round2" / "dev").glob("*.txt"))
    built = build_site(
        tmp_path,
        seeds={p.name: p.read_text("utf-8") for p in articles},
        glossary="\n".join(p.read_text("utf-8") for p in sorted((root / "glossary").glob("*.yml"))),
        sources=(root / "sources.yml").read_text("utf-8"),
    )
    assert built.ok, built.warnings()
    assert len(built.briefing_urls()) == len(articles)
    refs = sum(len(built.page(u).select("a.footnote-ref")) for u in built.briefing_urls())
    assert refs >= 6 * len(articles)

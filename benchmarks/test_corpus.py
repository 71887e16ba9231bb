"""Checks that the benchmark corpus is what the benchmark claims it is.

Not collected by ``make test`` (``testpaths`` is ``tests``); run with
``.venv/bin/python -m pytest benchmarks -q``. The plugin's own readers check the files,
so a corpus the plugin would reject, or annotate differently than intended, fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from briefings.content.seeds import parse_seed
from briefings.entities.glossary import Glossary
from briefings.entities.glossary_files import load_glossary
from briefings.entities.matcher import Matcher, build_matcher

from benchmarks.corpus import Corpus, corpus_stats, count_words, make_corpus
from benchmarks.floor import article_html, page_file, toc_tokens, write_floor_site
from benchmarks.sites import (
    PROJECT_CONFIG,
    glossary_files,
    markdown_page,
    plain_page_uri,
    seed_text,
    sources_file,
    write_plain_site,
    write_plugin_site,
)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """A small realistic corpus with a glossary large enough for every entity type."""
    return make_corpus(40, 600)


@pytest.fixture(scope="module")
def low() -> Corpus:
    """A small corpus of the low density of issue 9."""
    return make_corpus(40, 600, density="low")


def _new_matcher(corpus: Corpus) -> Matcher:
    """The plugin's matcher over the names outside the glossary that the generator used."""
    return Matcher([(s, n.id, True) for n in corpus.unreviewed for s in (n.name, *n.aliases)])


@pytest.fixture(scope="module")
def glossary(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    """The corpus glossary as the plugin loads it; asserts it loads without warnings."""
    folder = tmp_path_factory.mktemp("glossary")
    for name, text in glossary_files(corpus.entities).items():
        (folder / name).write_text(text, encoding="utf-8")
    loaded, problems = load_glossary(sorted(folder.glob("*.yml")), root=folder)
    assert problems == []
    return loaded


@pytest.mark.parametrize("density", ["realistic", "low"])
def test_same_seed_same_corpus_other_seed_other_corpus(density: str) -> None:
    assert make_corpus(5, 60, density=density) == make_corpus(5, 60, density=density)
    assert make_corpus(5, 60, seed=1, density=density) != make_corpus(5, 60, 2, density)


def test_a_larger_corpus_starts_with_the_smaller_one() -> None:
    assert make_corpus(12, 300).articles[:4] == make_corpus(4, 300).articles


def test_unknown_density_is_refused() -> None:
    with pytest.raises(ValueError, match="density"):
        make_corpus(1, 60, density="medium")


@pytest.mark.parametrize(("entries"), [60, 500, 5000])
def test_glossary_has_the_requested_size_and_unique_ids(entries: int) -> None:
    entities = make_corpus(0, entries).entities
    assert len(entities) == entries
    assert len({e.id for e in entities}) == entries
    surfaces = [s.lower() for e in entities for s in (e.name, *e.aliases)]
    assert len(set(surfaces)) == len(surfaces)


def test_articles_have_the_density_of_real_ones(corpus: Corpus) -> None:
    stats = corpus_stats(corpus)
    assert stats.density == "realistic"
    assert 560 <= stats.words <= 650
    assert 10 <= stats.per_100_words <= 12
    assert 0.28 <= stats.repeats / stats.all_mentions <= 0.40
    assert 0.25 <= stats.new_names / stats.names <= 0.35
    assert 6 <= stats.attributions <= 10
    for article in corpus.articles:
        kinds = [b.kind for b in article.blocks]
        assert kinds[0] == "paragraph"
        assert kinds.count("subheading") == 1
        assert 1 <= kinds.count("caption") <= 2
        assert all(b.credit for b in article.blocks if b.kind == "caption")
        assert 10 <= 100 * (article.mentions + article.new_mentions) / article.words <= 12
        assert 6 <= article.attributions <= 10
        assert article.new_ids


def test_low_density_articles_are_those_of_issue_9(low: Corpus) -> None:
    stats = corpus_stats(low)
    assert 650 <= stats.words <= 800
    assert 22 <= stats.mentions <= 30
    assert stats.new_mentions == 0 and not low.unreviewed
    assert 4 <= stats.attributions <= 6
    for article in low.articles:
        kinds = [b.kind for b in article.blocks]
        assert kinds[0] == "paragraph"
        assert "subheading" in kinds
        assert "caption" in kinds


def test_names_outside_the_glossary_share_no_word_with_it(corpus: Corpus) -> None:
    def words(names: list[str]) -> set[str]:
        return {w.lower() for name in names for w in name.replace("-", " ").split()}

    glossary = words([s for e in corpus.entities for s in (e.name, *e.aliases)])
    coined = [n.aliases[0] if n.aliases else n.name.split()[0] for n in corpus.unreviewed]
    coined = [w.split("-")[0] for w in coined]
    assert len(set(coined)) == len(coined)
    assert not {w.lower() for w in coined} & glossary


def test_glossary_loads_in_the_plugin(corpus: Corpus, glossary: Glossary) -> None:
    assert len(glossary) == len(corpus.entities)


def test_seeds_parse_into_the_blocks_written(corpus: Corpus) -> None:
    for article in corpus.articles:
        seed = parse_seed(seed_text(article), f"seeds/{article.number:05d}.txt")
        assert seed.date == article.date
        assert [(b.kind, b.text) for b in seed.blocks] == [(b.kind, b.text) for b in article.blocks]
        assert [b.credit for b in seed.blocks] == [b.credit for b in article.blocks]


@pytest.mark.parametrize("kind", ["realistic", "low"])
def test_matcher_finds_exactly_the_mentions_written(
    kind: str, corpus: Corpus, low: Corpus, glossary: Glossary
) -> None:
    chosen = corpus if kind == "realistic" else low
    assert chosen.entities == corpus.entities  # the glossary is the same for both
    matcher, new = build_matcher(glossary), _new_matcher(chosen)
    for article in chosen.articles:
        found = sum(len(matcher.find_mentions(b.text)) for b in article.blocks)
        found_new = sum(len(new.find_mentions(b.text)) for b in article.blocks)
        assert (found, found_new) == (article.mentions, article.new_mentions)


def test_matchers_measure_real_density(corpus: Corpus, glossary: Glossary) -> None:
    matcher, new = build_matcher(glossary), _new_matcher(corpus)
    mentions = new_mentions = words = 0
    for article in corpus.articles:
        for block in article.blocks:
            mentions += len(matcher.find_mentions(block.text))
            new_mentions += len(new.find_mentions(block.text))
            words += count_words(block.text) + count_words(block.credit)
    assert 10 <= 100 * (mentions + new_mentions) / words <= 12
    assert 0.2 <= new_mentions / (mentions + new_mentions) <= 0.4


def test_discovery_finds_the_names_outside_the_glossary(corpus: Corpus) -> None:
    discovery = pytest.importorskip("briefings.entities.discovery")
    known = [s for e in corpus.entities for s in (e.name, *e.aliases)]
    known += [s for source in corpus.sources for s in (source.name, *source.aliases)]
    discoverer = discovery.EntityDiscoverer(known)
    names = {n.id: n.name for n in corpus.unreviewed}
    written = found = marked = mentioned = 0
    for article in corpus.articles:
        candidates, mentions = discoverer.discover([b.text for b in article.blocks])
        surfaces = {s for c in candidates for s in (c.name, *c.aliases)}
        written += len(article.new_ids)
        found += sum(names[i] in surfaces for i in article.new_ids)
        ids = {c.id for c in candidates if c.name in {names[i] for i in article.new_ids}}
        marked += sum(m.entry_id in ids for block in mentions for m in block)
        mentioned += article.new_mentions
    assert found >= 0.95 * written
    assert marked >= 0.95 * mentioned


def test_every_cited_source_is_registered(corpus: Corpus, tmp_path: Path) -> None:
    sources = pytest.importorskip("briefings.sourcing.registry")
    path = tmp_path / "sources.yml"
    path.write_text(sources_file(corpus.sources), encoding="utf-8")
    registry, problems = sources.load_sources(path, root=tmp_path)
    assert problems == []
    for source in corpus.sources:
        for name in (f"the {source.name}", *source.aliases):
            entry = registry.resolve(name)
            assert entry is not None and entry.id == source.id, name


@pytest.mark.parametrize("kind", ["realistic", "low"])
def test_attribution_finder_sees_the_attributions_written(
    kind: str, corpus: Corpus, low: Corpus
) -> None:
    attribution = pytest.importorskip("briefings.sourcing.attribution")
    chosen = corpus if kind == "realistic" else low
    written = sum(a.attributions for a in chosen.articles)
    per_article = [
        sum(len(attribution.find_attributions(b.text)) for b in a.blocks if b.kind == "paragraph")
        for a in chosen.articles
    ]
    assert written * 0.9 <= sum(per_article) <= written * 1.1
    if kind == "realistic":  # every sentence is the generator's: exactly what it wrote
        assert per_article == [a.attributions for a in chosen.articles]
        assert all(6 <= found <= 10 for found in per_article)


def test_plain_page_has_the_same_text(corpus: Corpus) -> None:
    article = corpus.articles[0]
    page = markdown_page(article)
    assert page.startswith(f"# {article.headline}\n\n")
    for block in article.blocks:
        assert block.text in page


def test_sites_inherit_the_project_config(corpus: Corpus, tmp_path: Path) -> None:
    small = Corpus(corpus.seed, corpus.entities, corpus.sources, corpus.articles[:3])
    plugin = yaml.safe_load(write_plugin_site(small, tmp_path / "b").read_text("utf-8"))
    plain = yaml.safe_load(write_plain_site(small, tmp_path / "a").read_text("utf-8"))
    for config in (plugin, plain):
        assert config["INHERIT"] == PROJECT_CONFIG.as_posix()
        assert config["strict"] is False
        assert len(config["nav"]) <= 5
    assert plugin["plugins"][1]["briefings"]["enabled"] is True
    assert plain["plugins"][1]["briefings"] == {"enabled": False}
    assert len(list((tmp_path / "b" / "seeds").glob("*.txt"))) == 3
    for article in small.articles:
        assert (tmp_path / "a" / "docs" / plain_page_uri(article)).is_file()


_PAGE = """<html><head><title>A &amp; B - Briefings</title>
<meta name="description" content="About A."></head><body>
<div class="md-sidebar md-sidebar--primary" data-md-type="navigation" hidden></div>
<nav class="md-nav md-nav--secondary" aria-label="Table of contents">
<ul class="md-nav__list" data-md-component="toc">
<li class="md-nav__item"><a href="#one" class="md-nav__link">
<span class="md-ellipsis"> One </span></a>
<nav class="md-nav" aria-label="One"><ul class="md-nav__list">
<li class="md-nav__item"><a href="#deep" class="md-nav__link">
<span class="md-ellipsis">Deep</span></a></li></ul></nav></li>
<li class="md-nav__item"><a href="#two" class="md-nav__link">
<span class="md-ellipsis">Two</span></a></li>
</ul></nav>
<article class="md-content__inner md-typeset">
<h1 id="a-b">A &amp; B</h1><h2 id="one">One</h2><h3 id="deep">Deep</h3><h2 id="two">Two</h2>
<div class="glossary-backlinks"><p>Mentioned in 1 page:</p>
<ul>
<li>x</li>
</ul></div>
</article></body></html>"""


def test_floor_page_keeps_content_title_and_table_of_contents() -> None:
    assert article_html(_PAGE).startswith('<h1 id="a-b">')
    assert article_html(_PAGE).rstrip().endswith("</ul></div>")
    (top,) = toc_tokens(_PAGE, "A &amp; B")
    assert (top["level"], top["id"]) == (1, "a-b")
    assert [(t["id"], t["level"], t["name"]) for t in top["children"]] == [
        ("one", 2, "One"),
        ("two", 2, "Two"),
    ]
    assert [t["id"] for t in top["children"][0]["children"]] == ["deep"]
    meta, body = page_file(_PAGE, "Briefings", searched=False).split("\n---\n\n", 1)
    front = yaml.safe_load(meta.removeprefix("---\n"))
    assert front["title"] == "A &amp; B"
    assert front["description"] == "About A."
    assert front["hide"] == ["navigation"]
    assert front["search"] == {"exclude": True}
    assert body == article_html(_PAGE)


def test_floor_glossary_page_hides_backlinks_from_search_only() -> None:
    text = page_file(_PAGE, "Briefings", late_backlinks=True)
    for_search, final = text.split("\n---\n\n", 1)[1].split("<!--floor:", 1)
    assert "glossary-backlinks" not in for_search and "<!--backlinks-->" in for_search
    assert "glossary-backlinks" in final


def test_floor_site_leaves_out_the_entity_pages_the_plugin_writes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for folder in ("", "briefings/a", "glossary", "entities/kralovo", "entities/b/later/2"):
        (site / folder).mkdir(parents=True, exist_ok=True)
        (site / folder / "index.html").write_text(_PAGE, "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("nav:\n  - Home: index.md\n", "utf-8")
    _path, pages = write_floor_site(site, config, tmp_path / "floor")
    docs = tmp_path / "floor" / "docs"
    assert pages == 3
    assert (docs / "briefings" / "a" / "index.md").is_file()
    assert (docs / "glossary" / "index.md").is_file()
    assert not (docs / "entities").exists()

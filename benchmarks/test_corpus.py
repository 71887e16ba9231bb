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
from briefings.entities.matcher import build_matcher

from benchmarks.corpus import Corpus, corpus_stats, make_corpus
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
    """A small corpus with a glossary large enough for every entity type."""
    return make_corpus(40, 600)


@pytest.fixture(scope="module")
def glossary(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    """The corpus glossary as the plugin loads it; asserts it loads without warnings."""
    folder = tmp_path_factory.mktemp("glossary")
    for name, text in glossary_files(corpus.entities).items():
        (folder / name).write_text(text, encoding="utf-8")
    loaded, problems = load_glossary(sorted(folder.glob("*.yml")), root=folder)
    assert problems == []
    return loaded


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    assert make_corpus(5, 60) == make_corpus(5, 60)
    assert make_corpus(5, 60, seed=1) != make_corpus(5, 60, seed=2)


@pytest.mark.parametrize(("entries"), [60, 500, 5000])
def test_glossary_has_the_requested_size_and_unique_ids(entries: int) -> None:
    entities = make_corpus(0, entries).entities
    assert len(entities) == entries
    assert len({e.id for e in entities}) == entries
    surfaces = [s.lower() for e in entities for s in (e.name, *e.aliases)]
    assert len(set(surfaces)) == len(surfaces)


def test_articles_look_like_the_issue_asks(corpus: Corpus) -> None:
    stats = corpus_stats(corpus)
    assert 650 <= stats.words <= 800
    assert 22 <= stats.mentions <= 30
    assert 4 <= stats.attributions <= 6
    for article in corpus.articles:
        kinds = [b.kind for b in article.blocks]
        assert kinds[0] == "paragraph"
        assert "subheading" in kinds
        assert "caption" in kinds


def test_glossary_loads_in_the_plugin(corpus: Corpus, glossary: Glossary) -> None:
    assert len(glossary) == len(corpus.entities)


def test_seeds_parse_into_the_blocks_written(corpus: Corpus) -> None:
    for article in corpus.articles:
        seed = parse_seed(seed_text(article), f"seeds/{article.number:05d}.txt")
        assert seed.date == article.date
        assert [(b.kind, b.text) for b in seed.blocks] == [(b.kind, b.text) for b in article.blocks]
        assert [b.credit for b in seed.blocks] == [b.credit for b in article.blocks]


def test_matcher_finds_exactly_the_mentions_written(corpus: Corpus, glossary: Glossary) -> None:
    matcher = build_matcher(glossary)
    for article in corpus.articles:
        found = sum(len(matcher.find_mentions(b.text)) for b in article.blocks)
        assert found == article.mentions


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


def test_attribution_finder_sees_the_attributions_written(corpus: Corpus) -> None:
    attribution = pytest.importorskip("briefings.sourcing.attribution")
    written = sum(a.attributions for a in corpus.articles)
    found = sum(
        len(attribution.find_attributions(b.text))
        for a in corpus.articles
        for b in a.blocks
        if b.kind == "paragraph"
    )
    assert written * 0.9 <= found <= written * 1.1


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

"""Site-wide ids for unreviewed entities found article by article."""

from __future__ import annotations

import os
import signal
from datetime import date
from pathlib import Path

import pytest
from briefings.discovery import Candidate
from briefings.publisher import Publisher, PublisherOptions
from briefings.seeds import parse_seed
from briefings.unreviewed import CandidateIds, UnreviewedFinder, helper_processes


def candidate(cid: str, name: str, kind: str = "person") -> Candidate:
    return Candidate(cid, name, kind, (), 0.9, ("test",))


def test_same_entity_keeps_its_id_and_others_get_their_own() -> None:
    ids = CandidateIds(["moscow"])
    assert ids.assign(candidate("alex-smith", "Alex Smith")) == "alex-smith"
    assert ids.assign(candidate("alex-smith", "Alex Smith")) == "alex-smith"
    assert ids.assign(candidate("alex-smith", "ALEX SMITH")) == "alex-smith"
    assert ids.assign(candidate("alex-smith", "Alex Smith", "organization")) == "alex-smith-2"
    assert ids.assign(candidate("moscow", "Moscow", "place")) == "moscow-2"


def test_names_without_latin_letters_get_distinct_ids() -> None:
    ids = CandidateIds(())
    first = ids.assign(candidate("entity", "Владимир Путин"))
    second = ids.assign(candidate("entity", "Ηλίας Παπαδόπουλος"))
    assert first != second
    assert first.startswith("entity-") and second.startswith("entity-")
    assert ids.assign(candidate("entity", "Владимир Путин")) == first


def test_publisher_does_not_merge_different_entities(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    publisher = Publisher(
        PublisherOptions(
            root=tmp_path,
            seeds_dir=tmp_path / "seeds",
            glossary_dir=tmp_path / "glossary",
            sources_file=tmp_path / "sources.yml",
        )
    )
    publisher.load()
    today = date(2026, 1, 1)
    publisher.use_seeds(
        [
            parse_seed(
                "date 2022-09-07\n\nPresident Владимир Путин visited. Later Путин spoke.\n",
                "seeds/a.txt",
                today=today,
            ),
            parse_seed(
                "date 2022-09-08\n\nGeneral Ηλίας Παπαδόπουλος arrived. Παπαδόπουλος left.\n",
                "seeds/b.txt",
                today=today,
            ),
        ]
    )
    publisher.render_pages(lambda uri: uri.removesuffix(".md") + "/")
    names = {d.candidate.name for d in publisher.discovered()}
    assert names == {"Владимир Путин", "Ηλίας Παπαδόπουλος"}
    assert all(len(d.mentions) == 1 for d in publisher.discovered())


ARTICLES = [
    [
        "Defence minister Aleksandr Vortanov met General Ilse Marren in Kralovo on Monday.",
        "Vortanov said the Baltic Shipbuilding Consortium would deliver two frigates.",
    ],
    ["The Northern Grain Authority (NGA) warned that Port Selvan was closed. The NGA said so."],
    ["Officials in Tarvis Bay described the Harlan Accord as fragile, Mayor Joon Pak said."],
    ["No names here at all, only ordinary words about the weather and the roads."],
]


def _finder(tmp_path: Path, name: str) -> UnreviewedFinder:
    return UnreviewedFinder({"Moscow"}, tmp_path / name)


@pytest.mark.skipif(helper_processes() == 0, reason="needs a second CPU and fork")
def test_helper_process_finds_what_inline_discovery_finds(tmp_path: Path) -> None:
    inline = _finder(tmp_path, "inline")
    expected = [inline.find(texts) for texts in ARTICLES]
    helped = _finder(tmp_path, "helped")
    assert helped.prefetch(ARTICLES, helpers=1, minimum=1) == len(ARTICLES)
    try:
        assert [helped.find(texts) for texts in ARTICLES] == expected
    finally:
        helped.close()
    # The helper's results were cached: a new finder needs no helper at all.
    again = _finder(tmp_path, "helped")
    assert again.prefetch(ARTICLES, helpers=1, minimum=1) == 0
    assert [again.find(texts) for texts in ARTICLES] == expected


@pytest.mark.skipif(helper_processes() == 0, reason="needs a second CPU and fork")
def test_a_dead_helper_process_only_costs_time(tmp_path: Path) -> None:
    expected = [_finder(tmp_path, "inline").find(texts) for texts in ARTICLES]
    helped = _finder(tmp_path, "helped")
    assert helped.prefetch(ARTICLES, helpers=1, minimum=1) == len(ARTICLES)
    pool = helped._pool
    assert pool is not None
    assert pool._processes  # the pool starts its helper on the first submit
    for process in list(pool._processes.values()):
        os.kill(process.pid, signal.SIGKILL)
    try:
        assert [helped.find(texts) for texts in ARTICLES] == expected
    finally:
        helped.close()


def test_few_uncached_articles_start_no_helper(tmp_path: Path) -> None:
    finder = _finder(tmp_path, "few")
    assert finder.prefetch(ARTICLES, helpers=1, minimum=len(ARTICLES) + 1) == 0
    assert finder.prefetch(ARTICLES, helpers=0, minimum=1) == 0
    assert finder._pool is None


def _publisher(tmp_path: Path, cache: str, parallel: bool) -> Publisher:
    seeds = tmp_path / "seeds"
    if not seeds.is_dir():
        seeds.mkdir()
        for number, texts in enumerate(ARTICLES):
            body = "\n\n".join(texts)
            (seeds / f"{number:03}.txt").write_text(f"date 2022-09-0{number + 1}\n\n{body}\n")
    publisher = Publisher(
        PublisherOptions(
            root=tmp_path,
            seeds_dir=seeds,
            glossary_dir=tmp_path / "glossary",
            sources_file=tmp_path / "sources.yml",
            cache_dir=tmp_path / cache,
            today=date(2026, 1, 1),
            parallel=parallel,
            parallel_minimum=1,
        )
    )
    assert not publisher.load().errors
    return publisher


@pytest.mark.skipif(helper_processes() == 0, reason="needs a second CPU and fork")
def test_publisher_output_is_the_same_with_a_helper_process(tmp_path: Path) -> None:
    serial = _publisher(tmp_path, "serial", parallel=False)
    helped = _publisher(tmp_path, "helped", parallel=True)
    assert helped._unreviewed is not None and helped._unreviewed._pending
    url_of = lambda uri: uri.removesuffix(".md") + "/"  # noqa: E731
    assert helped.render_pages(url_of)[0] == serial.render_pages(url_of)[0]
    assert helped._unreviewed._pool is None  # stopped once the pages are rendered
    assert [d.candidate for d in helped.discovered()] == [d.candidate for d in serial.discovered()]
    assert helped.discovered()

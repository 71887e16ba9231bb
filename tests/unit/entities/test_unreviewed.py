"""Site-wide ids for unreviewed entities found article by article."""

from __future__ import annotations

import os
import signal
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from briefings.content.seeds import parse_seed
from briefings.entities.discovery import Candidate
from briefings.entities.unreviewed import CandidateIds
from briefings.site.helper import helper_processes
from briefings.site.publisher import Publisher, PublisherOptions, Report
from briefings.site.records import Briefing
from briefings.site.rendering import HELPER_RENDERS_ONE_IN, BriefingRenderer


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


def _publisher(tmp_path: Path, cache: str, parallel: bool, minimum: int = 1) -> Publisher:
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
            parallel_minimum=minimum,
        )
    )
    assert not publisher.load().errors
    return publisher


def _serial_and_helped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Publisher, dict[str, str], Publisher, BriefingRenderer]:
    """Return a serial publisher and its pages, and a prepared publisher whose helper process
    has been forked (it runs discovery on every briefing ahead), with its renderer."""
    serial = _publisher(tmp_path, "serial", parallel=False)
    expected, _ = serial.render_pages(url_of)
    # Other tests of this session may leave threads running (Playwright's), where a build
    # would not fork; the helper's work is what these tests are about.
    monkeypatch.setattr("briefings.site.rendering.helper_processes", lambda: 1)
    helped = _publisher(tmp_path, "helped", parallel=True)
    helped.prepare(url_of)
    renderer = helped.renderer
    assert renderer is not None
    assert renderer._helper is not None
    return serial, expected, helped, renderer


@pytest.mark.skipif(helper_processes() == 0, reason="needs a second CPU and fork")
def test_publisher_output_is_the_same_with_a_helper_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial, expected, helped, renderer = _serial_and_helped(tmp_path, monkeypatch)

    def not_here(*args: object) -> None:
        raise AssertionError("discovery ran in the build process, not in the helper")

    monkeypatch.setattr(renderer, "_local_discovery", not_here)
    rendered_here: list[str] = []
    render = renderer._rendered

    def counted(briefing: Briefing, *args: Any) -> Any:
        rendered_here.append(briefing.src_uri)
        return render(briefing, *args)

    monkeypatch.setattr(renderer, "_rendered", counted)
    report = Report()
    try:
        pages = {uri: helped.page_markdown(uri, report) for uri in helped.page_uris()}
    finally:
        helped.close()
    assert pages == expected
    # The helper rendered one briefing in HELPER_RENDERS_ONE_IN; this process the others.
    in_helper = {
        b.src_uri for i, b in enumerate(helped.briefings) if i % HELPER_RENDERS_ONE_IN == 1
    }
    assert in_helper and set(rendered_here) == {b.src_uri for b in helped.briefings} - in_helper
    assert renderer._helper is None  # stopped once the listing pages were asked for
    assert [d.candidate for d in helped.discovered()] == [d.candidate for d in serial.discovered()]
    assert helped.discovered()


def test_small_sites_start_no_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefings.site.rendering.helper_processes", lambda: 1)
    publisher = _publisher(tmp_path, "small", parallel=True, minimum=len(ARTICLES) + 1)
    publisher.prepare(url_of)
    assert publisher.renderer is not None
    assert publisher.renderer._helper is None


def url_of(uri: str) -> str:
    return uri.removesuffix(".md") + "/"


def test_a_warm_build_starts_no_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once every seed's discovery is cached, forking a helper would only cost time."""
    monkeypatch.setattr("briefings.site.rendering.helper_processes", lambda: 1)
    cold = _publisher(tmp_path, "cache", parallel=True)
    cold.render_pages(url_of)
    warm = _publisher(tmp_path, "cache", parallel=True)
    warm.prepare(url_of)
    assert warm.renderer is not None
    assert warm.renderer._helper is None


@pytest.mark.skipif(helper_processes() == 0, reason="needs a second CPU and fork")
def test_a_helper_killed_midway_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper dies (SIGKILL) after the first briefing: the build computes the rest."""
    _, expected, helped, renderer = _serial_and_helped(tmp_path, monkeypatch)
    report = Report()
    uris = helped.page_uris()
    first = next(i for i, uri in enumerate(uris) if uri == helped.briefings[0].src_uri)
    pages = {uri: helped.page_markdown(uri, report) for uri in uris[: first + 1]}
    pool = renderer._helper._pool
    assert pool is not None
    for process in list(pool._processes.values()):  # type: ignore[attr-defined]
        os.kill(process.pid, signal.SIGKILL)
    try:
        pages.update({uri: helped.page_markdown(uri, report) for uri in uris[first + 1 :]})
    finally:
        helped.close()
    assert pages == expected

"""The editor's desk (issue 17): a calm page for readers, review marks for editors.

Two builds of the same new articles (entity-dense, with names no glossary has), one as
published and one with ``review_marks`` as ``make serve`` builds it, read on a phone-sized
screen (390 × 844) in Debian's Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import AXE_NOTES, ServedSite, goto, open_context, run_axe
from conftest import serve
from playwright.sync_api import Page, expect
from pytest_playwright import CreateContextCallback
from sitetools import ROOT, run_build

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ARTICLES = ("finland_dock_strike", "sabina_shoal_water_cannon")
SCHEMES = {"light": "default", "dark": "slate"}


def _build(folder: Path, review_marks: bool) -> Path:
    """Build the articles (and the real seed) with this repository's theme, glossary and
    sources, as published or as the editors' preview."""
    dev = ROOT / "tests" / "eval" / "round2" / "dev"
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    (folder / "docs").mkdir()
    for name in ARTICLES:
        (seeds / f"{name}.txt").write_text((dev / f"{name}.txt").read_text("utf-8"), "utf-8")
    for seed in (ROOT / "seeds").glob("*.txt"):
        (seeds / seed.name).write_text(seed.read_text("utf-8"), "utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {(ROOT / 'mkdocs.yml').as_posix()}\n"
        "docs_dir: docs\n"
        "nav:\n  - Home: index.md\n  - Glossary: glossary.md\n  - Sources: sources.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
        "plugins:\n  - search\n  - briefings:\n"
        f"      seeds_dir: {seeds.as_posix()}\n"
        f"      glossary_dir: {(ROOT / 'glossary').as_posix()}\n"
        f"      sources_file: {(ROOT / 'sources.yml').as_posix()}\n"
        f"      review_marks: {str(review_marks).lower()}\n"
        "      cache_dir: ''\n",
        "utf-8",
    )
    built = run_build(config, folder / "site")
    assert built.ok, built.warnings()
    return built.site


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve(_build(tmp_path_factory.mktemp("published"), review_marks=False)) as site:
        yield site


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    with serve(_build(tmp_path_factory.mktemp("preview"), review_marks=True)) as site:
        yield site


def _briefing(site: ServedSite, words: str = "as-moscow") -> str:
    (folder,) = [p for p in (site.root / "briefings").iterdir() if words in p.name]
    return site.url(f"briefings/{folder.name}/")


def _open(
    new_context: CreateContextCallback,
    site: ServedSite,
    config: pytest.Config,
    scheme: str = "light",
    words: str = "as-moscow",
) -> Page:
    context = open_context(new_context, site, config, viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    goto(page, _briefing(site, words))
    return page


def _frames(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "article .entity[data-reviewed='false']",
        "els => els.map(e => getComputedStyle(e).borderTopStyle)",
    )


def test_published_briefing_shows_no_review_frames(
    new_context: CreateContextCallback, published: ServedSite, pytestconfig: pytest.Config
) -> None:
    page = _open(new_context, published, pytestconfig, words="dock")
    frames = _frames(page)
    assert len(frames) >= 5, "the article has entities nobody reviewed"
    assert set(frames) == {"none"}
    reviewed = page.eval_on_selector_all(
        "article [data-entity]", "els => els.map(e => e.dataset.reviewed)"
    )
    assert set(reviewed) == {"false"}  # none of its names is in the glossary yet
    seed = _open(new_context, published, pytestconfig)  # every name of it is in the glossary
    marks = seed.eval_on_selector_all(
        "article [data-entity]", "els => els.map(e => e.dataset.reviewed)"
    )
    assert set(marks) == {"true"}
    # Readers are told in words, on hover, that a name has not been reviewed yet.
    first = page.locator("article p a.entity[data-reviewed='false']").first
    first.scroll_into_view_if_needed()
    first.hover()
    card = page.locator("#briefings-entity-card")
    expect(card.locator(".entity-card__unreviewed")).to_have_text("not yet reviewed")


def test_preview_frames_what_to_review(
    new_context: CreateContextCallback, preview: ServedSite, pytestconfig: pytest.Config
) -> None:
    page = _open(new_context, preview, pytestconfig, words="dock")
    frames = _frames(page)
    assert frames and set(frames) == {"dashed"}
    seed = _open(new_context, preview, pytestconfig)
    reviewed = seed.locator("article p .entity[data-reviewed='true']").first
    assert reviewed.evaluate("e => getComputedStyle(e).borderTopStyle") == "none"


def test_summary_box_takes_at_most_a_third_of_the_first_screen(
    new_context: CreateContextCallback, published: ServedSite, pytestconfig: pytest.Config
) -> None:
    page = _open(new_context, published, pytestconfig, words="dock")
    box = page.locator("aside.briefing-entities")
    height = box.bounding_box()
    assert height is not None and height["height"] <= PHONE["height"] / 3
    summary = box.locator("summary")
    expect(summary).to_contain_text("In this briefing:")
    group = box.locator(".briefing-entities__group").first
    expect(group).to_be_hidden()
    # A real <details>: keyboard-operable, and announced as expanded or collapsed.
    summary.focus()
    page.keyboard.press("Enter")
    expect(group).to_be_visible()
    assert box.locator("details").evaluate("d => d.open") is True
    page.keyboard.press("Enter")
    expect(group).to_be_hidden()


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("view", ["published", "preview"])
def test_no_serious_accessibility_violations_in_either_view(
    new_context: CreateContextCallback,
    published: ServedSite,
    preview: ServedSite,
    pytestconfig: pytest.Config,
    view: str,
    scheme: str,
) -> None:
    site = published if view == "published" else preview
    page = _open(new_context, site, pytestconfig, scheme)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    page.locator("aside.briefing-entities summary").click()  # the list open, too
    page.wait_for_timeout(300)
    violations = run_axe(page)
    serious = [v for v in violations if v.get("impact") in {"serious", "critical"}]
    pytestconfig.stash[AXE_NOTES].extend(
        f"{v.get('impact')}: {v.get('id')} on the {view} briefing ({scheme})"
        for v in violations
        if v not in serious
    )
    assert not serious, [(v.get("id"), v.get("help")) for v in serious]

"""axe-core on the pages readers land on, in the light and the dark scheme: no violation of
impact serious or critical; the milder ones are listed at the end of the run."""

from __future__ import annotations

import pytest
from browser_helpers import AXE_NOTES, ServedSite, goto, open_context, run_axe
from playwright.sync_api import expect
from pytest_playwright import CreateContextCallback

pytestmark = pytest.mark.browser

FAILING_IMPACTS = frozenset({"serious", "critical"})
PAGES = {
    "home": "",
    "briefing": "SEED",
    "glossary": "glossary/",
    "sources": "sources/",
    "entity": "entities/vladimir-putin/",
    "briefing with a card open": "SEED",
}
SCHEMES = {"light": "default", "dark": "slate"}


def describe(violation: dict[str, object], page: str, scheme: str) -> str:
    """Return one line naming the rule, its impact, where, and the first offending nodes."""
    nodes = violation.get("nodes") or []
    assert isinstance(nodes, list)
    targets = [str(node.get("target")) for node in nodes[:3] if isinstance(node, dict)]
    return (
        f"{violation.get('impact')}: {violation.get('id')} on {page} ({scheme}), "
        f"{len(nodes)} node(s) {', '.join(targets)}: {violation.get('help')}"
    )


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("page_name", list(PAGES))
def test_no_serious_accessibility_violations(
    new_context: CreateContextCallback,
    served_site: ServedSite,
    seed_url: str,
    pytestconfig: pytest.Config,
    page_name: str,
    scheme: str,
) -> None:
    context = open_context(new_context, served_site, pytestconfig, color_scheme=scheme)
    page = context.new_page()
    path = PAGES[page_name]
    goto(page, seed_url if path == "SEED" else path)
    # Material picks the palette whose media query matches the reader's preference.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    page.wait_for_timeout(300)  # let the palette's colour transition finish
    if page_name == "briefing with a card open":
        mention = page.locator("article p a.entity[data-entity]").first
        mention.scroll_into_view_if_needed()
        mention.hover()
        expect(page.locator("#briefings-entity-card")).to_be_visible()
    violations = run_axe(page)
    serious = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
    notes = pytestconfig.stash[AXE_NOTES]
    notes.extend(describe(v, page_name, scheme) for v in violations if v not in serious)
    assert not serious, "\n".join(describe(v, page_name, scheme) for v in serious)

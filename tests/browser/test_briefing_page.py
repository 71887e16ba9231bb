"""What a reader of the real seed's briefing does in a browser: hover names for their cards,
follow them to entity pages and back, read footnotes, search, switch to the dark scheme,
read on a phone, subscribe to feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from browser_helpers import (
    PHONE,
    WCAG_AA_TEXT,
    ServedSite,
    entity_contrasts,
    glossary_description,
    goto,
    heading_text,
    normalise,
    open_context,
    set_scheme,
    show_tooltip,
    side_page,
    wait_until_stable,
)
from playwright.sync_api import Locator, Page, expect
from pytest_playwright import CreateContextCallback

pytestmark = pytest.mark.browser

# Every linked mention.
ENTITY_LINKS = "article a.entity[data-entity]"
FOOTNOTE_REFS = 'article sup[id^="fnref:"] > a.footnote-ref[data-source]'
CARD = "#briefings-entity-card"
TYPE_WORDS = {
    "person": "Person",
    "organization": "Organisation",
    "place": "Place",
    "equipment": "Weapon or equipment",
    "event": "Event",
    "other": "Other",
}


def first_entity_per_type(page: Page) -> dict[str, tuple[str, int]]:
    """Return, per entity type, the entry id and index in ``ENTITY_LINKS`` of the first linked
    mention in the briefing's text (not in its 'in this briefing' box)."""
    rows = page.locator(ENTITY_LINKS).evaluate_all(
        "els => els.map((e, i) => [e.dataset.entityType, e.dataset.entity, i,"
        " !e.closest('.briefing-entities')])"
    )
    firsts: dict[str, tuple[str, int]] = {}
    for entity_type, entry_id, index, eligible in rows:
        if eligible:
            firsts.setdefault(str(entity_type), (str(entry_id), int(index)))
    assert firsts, "the real seed's briefing links no entity mention"
    return firsts


def hover_card(page: Page, host: Locator) -> Locator:
    """Hover ``host`` until its card shows; return the card."""
    host.scroll_into_view_if_needed()
    host.hover()
    card = page.locator(CARD)
    expect(card).to_be_visible()
    expect(host).to_have_attribute("aria-describedby", "briefings-entity-card")
    return card


def test_hovering_an_entity_shows_its_card(seed_page: Page, served_site: ServedSite) -> None:
    entities = first_entity_per_type(seed_page)
    with side_page(seed_page, "glossary/") as glossary:
        known = {
            i: (heading_text(glossary, i), glossary_description(glossary, i))
            for i, _ in entities.values()
        }
    for entity_type, (entry_id, index) in entities.items():
        host = seed_page.locator(ENTITY_LINKS).nth(index)
        assert host.get_attribute("title") is None  # the card replaces the tooltip
        card = hover_card(seed_page, host)
        name, description = known[entry_id]
        expect(card.locator(".entity-card__name")).to_have_text(name)
        expect(card.locator(".entity-card__type")).to_have_text(TYPE_WORDS[entity_type])
        shown = normalise(card.locator(".entity-card__description").inner_text())
        assert shown and description.startswith(shown.rstrip("…")), (shown, description)
        expect(card.locator(".entity-card__count")).to_have_text(re.compile(r"^in \d+ briefings?$"))
        link = card.locator("a.entity-card__link")
        expect(link).to_have_attribute("href", re.compile(rf"/entities/{re.escape(entry_id)}/$"))
        seed_page.mouse.move(0, 0)
        expect(card).to_be_hidden()


def test_keyboard_focus_opens_the_card_and_escape_closes_it(seed_page: Page) -> None:
    _, index = next(iter(first_entity_per_type(seed_page).values()))
    host = seed_page.locator(ENTITY_LINKS).nth(index)
    host.focus()
    card = seed_page.locator(CARD)
    expect(card).to_be_visible()
    expect(host).to_have_attribute("aria-describedby", "briefings-entity-card")
    seed_page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(host).not_to_have_attribute("aria-describedby", "briefings-entity-card")
    # Repeats of a name are plain text, out of the Tab order.
    spans = seed_page.locator("article p span.entity[data-entity]")
    if spans.count():
        assert spans.first.get_attribute("tabindex") is None


def test_first_tap_shows_the_card_second_follows_the_link(
    new_context: CreateContextCallback,
    served_site: ServedSite,
    seed_url: str,
    pytestconfig: pytest.Config,
) -> None:
    context = open_context(
        new_context, served_site, pytestconfig, viewport=PHONE, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    goto(page, seed_url)
    entry_id, index = next(iter(first_entity_per_type(page).values()))
    host = page.locator(ENTITY_LINKS).nth(index)
    host.scroll_into_view_if_needed()
    host.tap()
    card = page.locator(CARD)
    expect(card).to_be_visible()
    assert urlsplit(page.url).path.endswith(seed_url)
    box = card.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box
    host.tap()
    expect(page).to_have_url(re.compile(rf"/entities/{re.escape(entry_id)}/$"))


def test_without_javascript_a_mention_is_a_plain_link(
    new_context: CreateContextCallback,
    served_site: ServedSite,
    seed_url: str,
    pytestconfig: pytest.Config,
) -> None:
    context = open_context(new_context, served_site, pytestconfig, java_script_enabled=False)
    page = context.new_page()
    page.goto(seed_url)
    host = page.locator("article p a.entity[data-entity]").first
    entry_id = host.get_attribute("data-entity") or ""
    host.click()
    expect(page).to_have_url(re.compile(rf"/entities/{re.escape(entry_id)}/$"))


def test_entity_link_lands_on_its_entity_page_whose_briefings_return(
    seed_page: Page, served_site: ServedSite, seed_url: str
) -> None:
    entry_id, index = next(iter(first_entity_per_type(seed_page).values()))
    seed_page.locator(ENTITY_LINKS).nth(index).click()
    expect(seed_page).to_have_url(re.compile(rf"/entities/{re.escape(entry_id)}/$"))
    expect(seed_page.locator("article h1")).to_be_visible()
    # The timeline is drawn, with its figures as a table for screen readers.
    expect(seed_page.locator(".entity-timeline svg[role=img]")).to_be_visible()
    expect(seed_page.locator(".entity-timeline-table table")).to_be_attached()
    # Its glossary entry is one link away, and the list of briefings leads back.
    glossary = seed_page.locator(".entity-glossary a")
    expect(glossary).to_have_attribute("href", re.compile(rf"glossary/#{re.escape(entry_id)}$"))
    back = seed_page.locator(f'.entity-briefings a[href*="{seed_url.rstrip("/")}"]').first
    back.scroll_into_view_if_needed()
    back.click()
    expect(seed_page).to_have_url(re.compile(rf"/{re.escape(seed_url)}(#.*)?$"))
    expect(seed_page.locator(f'article p .entity[data-entity="{entry_id}"]').first).to_be_visible()


def test_footnote_marker_names_the_source_and_back_reference_returns(seed_page: Page) -> None:
    marker = seed_page.locator(FOOTNOTE_REFS).first
    expect(marker).to_be_attached()
    source_id = marker.get_attribute("data-source") or ""
    sup_id = marker.locator("xpath=..").get_attribute("id") or ""
    note_id = (marker.get_attribute("href") or "").partition("#")[2]
    assert note_id.startswith("fn:"), note_id
    with side_page(seed_page, "sources/") as sources:
        source_name = heading_text(sources, source_id)
    assert source_name, f"the sources page has no heading for {source_id}"

    marker.click()
    expect(seed_page).to_have_url(re.compile(rf"#{re.escape(note_id)}$"))
    note = seed_page.locator(f'div.footnote li[id="{note_id}"]')
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text(source_name)
    assert note.get_attribute("data-source") in (None, source_id)
    note.locator(f'a.footnote-backref[href$="#{sup_id}"]').click()
    expect(seed_page).to_have_url(re.compile(rf"#{re.escape(sup_id)}$"))
    expect(seed_page.locator(f'sup[id="{sup_id}"]')).to_be_in_viewport()


def test_footnote_hover_preview_shows_the_note(seed_page: Page) -> None:
    marker = seed_page.locator(FOOTNOTE_REFS).first
    note_id = (marker.get_attribute("href") or "").partition("#")[2]
    note_text = normalise(seed_page.locator(f'li[id="{note_id}"]').inner_text())
    preview = show_tooltip(seed_page, marker, "aria-controls")
    expect(preview).to_have_attribute("role", "dialog")
    shown = normalise(preview.inner_text())
    assert shown and shown in note_text, (shown, note_text)


def test_search_for_an_entity_name_returns_its_glossary_entry(
    seed_page: Page, served_site: ServedSite
) -> None:
    entities = first_entity_per_type(seed_page)
    with side_page(seed_page, "glossary/") as glossary:
        names = {entry_id: heading_text(glossary, entry_id) for entry_id, _ in entities.values()}
    # The longest name is the most specific query; any entity on the page would do.
    entry_id, name = max(names.items(), key=lambda item: len(item[1]))
    query = seed_page.locator("input[data-md-component=search-query]")
    query.click()
    # Typed key by key, as a reader does: Material searches on keyboard input.
    query.press_sequentially(name, delay=20)
    results = seed_page.locator(".md-search-result__list a")
    expect(results.first).to_be_visible()
    wait_until_stable(seed_page, ".md-search-result__list")
    hits = results.evaluate_all(
        "links => links.map(a => new URL(a.href)).map(u => u.pathname + u.hash)"
    )
    wanted = f"/glossary/#{entry_id}"
    assert wanted in hits, f"searching {name!r} did not offer {wanted}: {hits[:10]}"
    # Result links carry ?h=<terms> for highlighting, between the path and the fragment.
    link = seed_page.locator(
        f'.md-search-result__list a[href*="/glossary/"][href$="#{entry_id}"]'
    ).first
    if link.evaluate("a => a.closest('details:not([open])') !== null"):
        # Material folds further sections of a page under "N more on this page".
        link.locator("xpath=ancestor::details[1]/summary").click()
    link.click()
    expect(seed_page).to_have_url(re.compile(rf"/glossary/(\?[^#]*)?#{re.escape(entry_id)}$"))
    expect(seed_page.locator(f'h3[id="{entry_id}"]')).to_be_in_viewport()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_entity_type_is_readable(seed_page: Page, scheme: str) -> None:
    set_scheme(seed_page, scheme)
    seed_page.wait_for_timeout(400)  # Material's palette transition
    records = entity_contrasts(seed_page)
    assert records, "no entity mention on the real seed's page"
    worst: dict[str, dict[str, object]] = {}
    for record in records:
        if record["type"] not in worst or record["ratio"] < worst[record["type"]]["ratio"]:
            worst[record["type"]] = record
    failing = {t: r for t, r in worst.items() if float(str(r["ratio"])) < WCAG_AA_TEXT}
    assert not failing, f"entity colours below WCAG AA {WCAG_AA_TEXT}:1 in {scheme}: {failing}"


@pytest.mark.parametrize(
    "path", ["", "SEED", "glossary/", "sources/", "archive/", "entities/vladimir-putin/"]
)
def test_phone_viewport_has_no_horizontal_scroll(
    new_context: CreateContextCallback,
    served_site: ServedSite,
    seed_url: str,
    pytestconfig: pytest.Config,
    path: str,
) -> None:
    context = open_context(new_context, served_site, pytestconfig, viewport=PHONE)
    page = context.new_page()
    goto(page, seed_url if path == "SEED" else path)
    overflow = page.evaluate(
        """() => {
             const width = document.documentElement.clientWidth;
             const wide = Array.from(document.querySelectorAll('.md-content *'))
               .filter(e => e.getBoundingClientRect().right > width + 1)
               .filter(e => !e.closest('pre, .md-typeset__scrollwrap, .md-typeset__table'))
               .slice(0, 5).map(e => e.outerHTML.slice(0, 120));
             return {scroll: document.documentElement.scrollWidth, width, wide};
           }"""
    )
    assert overflow["scroll"] <= overflow["width"], overflow


def test_phone_viewport_cards_and_footnotes_work(
    new_context: CreateContextCallback,
    served_site: ServedSite,
    seed_url: str,
    pytestconfig: pytest.Config,
) -> None:
    context = open_context(new_context, served_site, pytestconfig, viewport=PHONE)
    page = context.new_page()
    goto(page, seed_url)
    _, index = next(iter(first_entity_per_type(page).values()))
    card = hover_card(page, page.locator(ENTITY_LINKS).nth(index))
    box = card.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box
    page.mouse.move(0, 0)
    marker = page.locator(FOOTNOTE_REFS).first
    note_id = (marker.get_attribute("href") or "").partition("#")[2]
    marker.click()
    expect(page).to_have_url(re.compile(rf"#{re.escape(note_id)}$"))
    expect(page.locator(f'li[id="{note_id}"]')).to_be_in_viewport()
    assert urlsplit(page.url).path.endswith(seed_url)


@pytest.mark.parametrize(
    ("path", "titles"),
    [
        ("", ["newest briefings"]),
        ("entities/vladimir-putin/", ["newest briefings", "Briefings on Vladimir Putin"]),
    ],
)
def test_feeds_are_discovered_from_the_page_and_served_as_atom(
    new_context: CreateContextCallback,
    served_site: ServedSite,
    pytestconfig: pytest.Config,
    path: str,
    titles: list[str],
) -> None:
    context = open_context(new_context, served_site, pytestconfig)
    page = context.new_page()
    goto(page, path)
    links = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    found = [links.nth(i).get_attribute("title") or "" for i in range(links.count())]
    assert len(found) == len(titles)
    assert all(want in got for want, got in zip(titles, found, strict=True)), found
    for i in range(links.count()):
        href = links.nth(i).evaluate("link => link.href")  # resolved against the page
        response = page.request.get(href)
        assert response.ok, href
        feed = ET.fromstring(response.body())
        assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
        assert feed.findall("{http://www.w3.org/2005/Atom}entry"), href

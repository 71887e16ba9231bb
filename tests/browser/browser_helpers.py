"""Helpers for the browser tests: the served site, fenced contexts, Material's tooltips,
colour contrast as WCAG computes it, and axe-core runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, Route, expect
from pytest_playwright import CreateContextCallback

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_NOTES = pytest.StashKey[list[str]]()
BLOCKED_HOSTS = pytest.StashKey[set[str]]()
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
WCAG_AA_TEXT = 4.5


@dataclass(frozen=True, slots=True)
class ServedSite:
    """A built site folder and the local URL it is served at (ending in ``/``)."""

    root: Path
    base_url: str

    def url(self, path: str) -> str:
        """Return the absolute URL of site-relative ``path``."""
        return urljoin(self.base_url, path)

    def path_of(self, url: str) -> str:
        """Return the site-relative path of absolute ``url`` (no query, no fragment)."""
        return urlsplit(url).path.removeprefix("/")


class _BriefingListParser(HTMLParser):
    """Collects the ``href`` of every link inside ``ul.briefing-list``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "ul" and "briefing-list" in (values.get("class") or "").split():
            self.depth = 1
        elif tag == "ul" and self.depth:
            self.depth += 1
        elif tag == "a" and self.depth and values.get("href"):
            self.hrefs.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul" and self.depth:
            self.depth -= 1


def find_briefing_url(site: ServedSite, date: str) -> str:
    """Return the site-relative URL of the briefing dated ``date`` listed on the home page.

    Fails the test when the home page lists no such briefing.
    """
    parser = _BriefingListParser()
    parser.feed((site.root / "index.html").read_text("utf-8"))
    matches = [href for href in parser.hrefs if f"/{date}-" in "/" + href.lstrip("./")]
    if not matches:
        pytest.fail(
            f"the home page's ul.briefing-list has no briefing dated {date}: {parser.hrefs}"
        )
    return site.path_of(urljoin(site.base_url, matches[0]))


def open_context(
    new_context: CreateContextCallback,
    site: ServedSite,
    config: pytest.Config,
    **options: Any,
) -> BrowserContext:
    """Return a new browser context on ``site``; requests to any other host are aborted
    (and their hosts recorded for the end-of-run summary). ``options`` go to Playwright."""
    options.setdefault("viewport", DESKTOP)
    context = new_context(**options)  # base_url comes from the base_url fixture
    context.set_default_timeout(10_000)
    blocked = config.stash[BLOCKED_HOSTS]

    def abort(route: Route) -> None:
        blocked.add(urlsplit(route.request.url).netloc or route.request.url[:40])
        route.abort("blockedbyclient")

    context.route(lambda url: not url.startswith(site.base_url), abort)
    return context


def goto(page: Page, url: str) -> None:
    """Open site-relative ``url`` and wait until Material's scripts have mounted the page."""
    page.goto(url, wait_until="load")
    # Material exposes its document observable once the bundle has run; the components
    # (tooltips, search, palette) subscribe to it in the same task.
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")


@contextmanager
def side_page(page: Page, url: str) -> Iterator[Page]:
    """Open site-relative ``url`` in another tab of ``page``'s context; yield that tab.

    On exit the tab is closed and ``page`` brought back to the front: Chromium pauses
    animation frames in background tabs, and Material shows tooltips on animation frames.
    """
    other = page.context.new_page()
    try:
        goto(other, url)
        yield other
    finally:
        other.close()
        page.bring_to_front()


def wait_until_stable(page: Page, selector: str) -> None:
    """Wait until the HTML of ``selector`` has not changed for three polls 100 ms apart
    (search results re-render as each keystroke's query comes back)."""
    page.wait_for_function(
        """selector => {
             const html = document.querySelector(selector)?.innerHTML ?? '';
             const state = window.__stableProbe ?? {html: null, count: 0};
             state.count = state.html === html ? state.count + 1 : 0;
             state.html = html;
             window.__stableProbe = state;
             return state.count >= 3;
           }""",
        arg=selector,
        polling=100,
    )


def show_tooltip(page: Page, host: Locator, link_attribute: str = "aria-describedby") -> Locator:
    """Hover ``host`` until Material shows its tooltip; return the tooltip element.

    Material links the host to its tooltip with ``aria-describedby`` (plain tooltips) or
    ``aria-controls`` (footnote previews) while it is shown. Fails when none appears.
    """
    host.scroll_into_view_if_needed()
    for _ in range(4):
        host.hover()
        try:
            expect(host).to_have_attribute(link_attribute, re.compile(r"\S"), timeout=1_500)
            break
        except AssertionError:
            page.mouse.move(0, 0)
    else:
        pytest.fail(f"no Material tooltip appeared on hovering {host}")
    tooltip = page.locator(f'[id="{host.get_attribute(link_attribute)}"]')
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_class(re.compile(r"\bmd-tooltip2--active\b"))
    return tooltip


def normalise(text: str) -> str:
    """Return ``text`` with runs of whitespace collapsed to one space, stripped."""
    return " ".join(text.split())


def heading_text(page: Page, element_id: str) -> str:
    """Return the text of the heading with ``element_id``, without its permalink mark."""
    return str(
        page.locator(f'[id="{element_id}"]').evaluate(
            """h => Array.from(h.childNodes)
                 .filter(n => !(n.classList && n.classList.contains('headerlink')))
                 .map(n => n.textContent).join('').trim()"""
        )
    )


def glossary_description(page: Page, entry_id: str) -> str:
    """Return the description of glossary entry ``entry_id`` as the glossary page shows it:
    the blocks after its heading, without its type line, 'See also:', 'Links:' or backlinks."""
    text = page.locator(f'h3.glossary-entry[id="{entry_id}"]').evaluate(
        """h => {
             const parts = [];
             for (let n = h.nextElementSibling; n; n = n.nextElementSibling) {
               if (/^H[1-6]$/.test(n.tagName) || n.matches('.glossary-backlinks')) break;
               if (n.matches('.glossary-meta')) continue;
               if (/^(See also|Links):/.test(n.textContent.trim())) continue;
               parts.push(n.textContent);
             }
             return parts.join(' ');
           }"""
    )
    return normalise(str(text))


# Computes, for every element matched, the WCAG contrast of its text against what is behind
# it: colours are resolved through a 1x1 canvas (so any CSS colour syntax works) and the
# background is the alpha-composite of every ancestor's background colour over white.
CONTRAST_JS = """
(elements) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = 'rgba(0,0,0,0)';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3]));
  const channel = (c) => {
    c /= 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  return elements.map(el => {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      layers.push(rgba(getComputedStyle(n).backgroundColor));
    }
    let bg = [255, 255, 255];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    const fg = over(rgba(getComputedStyle(el).color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    return {
      type: el.dataset.entityType || '', entity: el.dataset.entity || '',
      text: el.textContent.trim().slice(0, 40), tag: el.tagName.toLowerCase(),
      fg: fg.map(Math.round), bg: bg.map(Math.round), ratio: (hi + 0.05) / (lo + 0.05),
    };
  });
}
"""


def entity_contrasts(page: Page) -> list[dict[str, Any]]:
    """Return the contrast record of every entity mention in the page's article."""
    records = page.locator("article .entity[data-entity-type]").evaluate_all(CONTRAST_JS)
    return [dict(record) for record in records]


def set_scheme(page: Page, scheme: str) -> None:
    """Switch Material's palette to ``scheme`` ('default' or 'slate') with its header toggle,
    as a reader does; fails if the page does not end up in that scheme."""
    body = page.locator("body")
    for _ in range(3):
        if body.get_attribute("data-md-color-scheme") == scheme:
            return
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
        page.wait_for_timeout(100)
    expect(body).to_have_attribute("data-md-color-scheme", scheme)


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Inject axe-core from node_modules into ``page`` and return its violations.

    Fails the test when axe-core is not installed (run ``make quality-deps``).
    """
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run make quality-deps", pytrace=False)
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [dict(item) for item in result["violations"]]

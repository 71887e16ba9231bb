"""The allowlist sanitiser and URL checks hold against known browser-parsing tricks."""

from __future__ import annotations

import markdown
import pytest
from briefings.common.sanitize import is_safe_url, neutralize_unsafe_urls, sanitize_html
from bs4 import BeautifulSoup


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("mailto:desk@example.org", True),
        ("../glossary/#putin", True),
        ("#fn:1", True),
        ("page.md#x", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("java&#9;script:alert(1)", False),
        ("java&#x0A;script:alert(1)", False),
        ("  javascript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:msgbox(1)", False),
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


ATTACKS = [
    '<a href="java&#9;script:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>',
    "<p><svg><style><img src=x onerror=alert(1)></style></svg></p>",
    '<svg><animate attributeName=href values="javascript:alert(1)"/></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<img src=x onerror="alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<script>alert(1)</script>",
    '<a href="#" onclick="alert(1)">x</a>',
    '<object data="javascript:alert(1)"></object>',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_sanitize_html_leaves_no_script(attack: str) -> None:
    soup = BeautifulSoup(sanitize_html(f"<p>before</p>{attack}<p>after</p>"), "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in {"script", "style", "svg", "math", "iframe", "meta", "object"}
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on")
            if name in ("href", "src"):
                assert is_safe_url(str(value))
    # Text before the attack survives; an unclosed <style> may swallow what follows, as in
    # a browser.
    assert "before" in soup.get_text()


def test_sanitize_html_keeps_briefing_markup() -> None:
    html = markdown.markdown(
        "## Head {#head}\n\nText[^1] with *em* and [a link](https://example.org).\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: A note.",
        extensions=["footnotes", "attr_list", "tables", "toc"],
    )
    html = html.replace('<sup id="fnref:1">', '<sup id="fnref:1" data-source="ap">')
    html += (
        '<p class="briefing-meta"><time datetime="2022-09-07">7 September 2022</time></p>'
        '<a class="entity entity--person" data-entity="p" data-entity-type="person" '
        'title="Tip" href="../g/#p">P</a>'
    )
    cleaned = sanitize_html(html)
    soup = BeautifulSoup(cleaned, "html.parser")
    assert soup.select_one("h2#head") is not None
    assert soup.select_one("sup#fnref\\:1[data-source='ap'] > a.footnote-ref[href='#fn:1']")
    assert soup.select_one("div.footnote li#fn\\:1") is not None
    assert soup.select_one("time[datetime='2022-09-07']") is not None
    entity = soup.select_one("a.entity")
    assert entity is not None
    assert (entity["data-entity"], entity["title"], entity["href"]) == ("p", "Tip", "../g/#p")
    assert soup.select_one("table td") is not None
    assert soup.select_one("a[href='https://example.org']") is not None


def test_neutralize_unsafe_urls() -> None:
    html = (
        '<a href="https://ok.example/">a</a><a href="java&#10;script:alert(1)">b</a>'
        '<img src="javascript:alert(1)"><a href="../x/#y">c</a>'
    )
    out = neutralize_unsafe_urls(html)
    assert out == (
        '<a href="https://ok.example/">a</a><a href="#">b</a><img src="#"><a href="../x/#y">c</a>'
    )

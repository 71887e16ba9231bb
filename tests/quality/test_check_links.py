"""Truth tables for the site link checker: what resolves, what is reported, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_links import check_site, main, scan_page

SITE_URL = "https://example.org/docs/"


def write_site(root: Path, pages: dict[str, str]) -> Path:
    """Write ``pages`` (site-relative path -> HTML body) under ``root``. Returns ``root``."""
    pages = {"index.html": '<h1 id="home">Home</h1>', **pages}
    for path, body in pages.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"<!doctype html><html><body>\n{body}\n</body></html>", "utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small site: a glossary page with anchors, a briefing, an asset."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("", "utf-8")
    return write_site(
        tmp_path,
        {
            "glossary/index.html": (
                '<h3 id="russia">Russia</h3><h3 id="fn:src-ap">AP</h3><a name="old-anchor"></a>'
                '<h3 id="caf%C3%A9">x</h3><h3 id="café">y</h3>'
            ),
            "briefings/b1/index.html": '<p id="here">Body</p>',
            "report.html": '<p id="r">r</p>',
        },
    )


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ('<a href="../../glossary/#russia">ok</a>', None),
        ('<a href="../../glossary/">ok</a>', None),
        ('<a href="../../glossary">directory without slash is served</a>', None),
        ('<a href="../../glossary/index.html#russia">ok</a>', None),
        ('<a href="../../glossary/#old-anchor">a name</a>', None),
        ('<a href="../../glossary/#fn:src-ap">colon in id</a>', None),
        ('<a href="../../glossary/#caf%C3%A9">percent-encoded fragment</a>', None),
        ('<a href="#here">same page</a>', None),
        ('<a href="#">empty fragment</a>', None),
        ('<a href="#top">top of page</a>', None),
        ('<a href="">self</a>', None),
        ('<a href="/docs/glossary/#russia">root-relative under site path</a>', None),
        ('<a href="https://example.org/docs/glossary/#russia">site URL</a>', None),
        ('<a href="https://elsewhere.example/x">external</a>', None),
        ('<a href="mailto:desk@example.org">mail</a>', None),
        ('<script src="../../assets/app.js"></script>', None),
        ('<img srcset="../../assets/app.js 1x, ../../assets/app.js 2x" alt="">', None),
        ('<link rel="preconnect" href="/nowhere">', None),
        ('<a href="?q=1">query only</a>', None),
        ('<a href="../../glossary/#rusia">typo</a>', "no element with id 'rusia'"),
        ('<a href="#nowhere">same page</a>', "no element with id 'nowhere' in briefings/b2"),
        ('<a href="../../glosary/">typo</a>', "no such file: glosary/"),
        ('<a href="../../../../up">escape</a>', "points outside the site"),
        ('<a href="/elsewhere/">root outside site path</a>', "points outside the site"),
        ('<a href="https://example.org/docs/nope/">site URL</a>', "no such file: nope/"),
        ('<a href="../../report.html#q">file page</a>', "no element with id 'q' in report.html"),
        ('<img src="../../assets/missing.png" alt="">', "no such file: assets/missing.png"),
        ('<img srcset="../../assets/app.js 1x, ../../a.png 2x" alt="">', "no such file: a.png"),
        ('<link rel="stylesheet" href="../../assets/x.css">', "no such file: assets/x.css"),
        ('<meta http-equiv="refresh" content="0; url=../../gone/">', "no such file: gone/"),
    ],
)
def test_links_from_a_briefing(site: Path, html: str, reason: str | None) -> None:
    page = site / "briefings" / "b2" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'<p id="here">x</p>{html}', "utf-8")
    report = check_site(site, SITE_URL)
    messages = [b.reason for b in report.broken]
    if reason is None:
        assert messages == []
    else:
        assert len(messages) == 1
        assert messages[0].startswith(reason)
        assert report.broken[0].page == "briefings/b2/index.html"
        assert report.broken[0].line == 1


def test_base_element_changes_resolution(site: Path) -> None:
    write_site(site, {"x/index.html": '<base href="/docs/glossary/"><a href="#russia">r</a>'})
    assert check_site(site, SITE_URL).broken == []


def test_search_index_and_sitemap_are_checked(site: Path) -> None:
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text(
        '{"docs": [{"location": "glossary/#russia"}, {"location": "glossary/#gone"},'
        ' {"location": ""}]}',
        "utf-8",
    )
    (site / "sitemap.xml").write_text(
        "<urlset>\n<url><loc>https://example.org/docs/glossary/</loc></url>\n"
        "<url><loc>https://example.org/docs/old/</loc></url>\n</urlset>",
        "utf-8",
    )
    report = check_site(site, SITE_URL)
    assert [(b.page, b.line, b.url) for b in report.broken] == [
        ("search/search_index.json", 2, "glossary/#gone"),
        ("sitemap.xml", 3, "https://example.org/docs/old/"),
    ]


def test_counts(site: Path) -> None:
    write_site(
        site,
        {"x/index.html": '<a href="../glossary/#russia">a</a><a href="https://a.example/">b</a>'},
    )
    report = check_site(site, SITE_URL)
    assert (report.pages, report.internal, report.fragments, report.external) == (5, 1, 1, 1)
    assert report.summary().endswith("0 broken")


def test_scan_page_collects_ids_and_lines() -> None:
    scan = scan_page('<p id="a">\n<a name="b" href="#a">x</a>\n<img src="i.png"/>', "p.html")
    assert scan.ids == {"a", "b"}
    assert [(link.line, link.url) for link in scan.links] == [(2, "#a"), (3, "i.png")]


def test_main_exit_status(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(site), "--site-url", SITE_URL]) == 0
    write_site(site, {"bad.html": '<a href="missing/">m</a>'})
    assert main([str(site)]) == 1
    out = capsys.readouterr().out
    assert "BROKEN bad.html:2: 'missing/': no such file: missing/" in out
    assert main([str(site / "nothing-here")]) == 2

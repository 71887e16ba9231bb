"""Whole-site builds of small sites: bad inputs get clear messages, nothing is lost or injected."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitetools import BuiltSite, SiteFactory, browser_scheme

pytestmark = pytest.mark.slow

GLOSSARY = """\
- id: north-korea
  name: North Korea
  type: place
  aliases: [DPRK]
  description: Country in East Asia.
"""
SOURCES = """\
- id: associated-press
  name: Associated Press
  aliases: [AP]
  kind: news agency
  url: https://apnews.com/
  description: US news agency.
"""
GOOD = "date 2022-09-07 North Korea sent workers, the Associated Press reported on Tuesday.\n"


def build(factory: SiteFactory, seeds: dict[str, str | bytes], **kwargs: object) -> BuiltSite:
    kwargs.setdefault("glossary", GLOSSARY)
    kwargs.setdefault("sources", SOURCES)
    return factory(seeds=seeds, **kwargs)


def assert_fails_naming(site: BuiltSite, *fragments: str) -> None:
    assert not site.ok
    problems = "\n".join(site.warnings())
    for fragment in fragments:
        assert fragment in problems, problems
    assert "Traceback" not in problems


def test_good_site_builds(site_factory: SiteFactory) -> None:
    site = build(site_factory, {"a.txt": GOOD})
    assert site.ok, site.warnings()
    assert site.warnings() == []
    (url,) = site.briefing_urls()
    page = site.page(url)
    assert page.select_one("[data-entity='north-korea']") is not None
    assert page.select_one("a.footnote-ref[data-source='associated-press']") is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "seeds/bad.txt: is empty"),
        ("  \n\t\n", "seeds/bad.txt: is empty"),
        ("No date here.", "seeds/bad.txt:1: has no date"),
        ("date 2022-13-45 Text.", "seeds/bad.txt:1: impossible or malformed date '2022-13-45'"),
        (
            b"date 2022-01-01 abc \xff",
            "seeds/bad.txt:1: is not valid UTF-8: byte 0xff at byte offset 20",
        ),
        (b"date 2022-01-01 \x00\x01binary", "seeds/bad.txt:1: contains a NUL byte"),
    ],
)
def test_bad_seed_fails_strict_build(
    site_factory: SiteFactory, content: str | bytes, message: str
) -> None:
    site = build(site_factory, {"good.txt": GOOD, "bad.txt": content})
    assert_fails_naming(site, message)


def test_bad_seed_does_not_stop_other_pages(site_factory: SiteFactory) -> None:
    site = build(site_factory, {"good.txt": GOOD, "bad.txt": ""}, strict=False)
    assert site.ok
    assert len(site.briefing_urls()) == 1
    assert any("seeds/bad.txt: is empty" in m for m in site.messages)


def test_future_date_warns(site_factory: SiteFactory) -> None:
    site = build(site_factory, {"a.txt": GOOD, "f.txt": "date 2099-01-01 North Korea."})
    assert_fails_naming(site, "seeds/f.txt:1: date 2099-01-01 is more than 7 days in the future")


@pytest.mark.parametrize(
    "raw",
    [
        b"\xef\xbb\xbfdate 2022-09-07 North Korea met.\n\nSecond para.",
        b"date 2022-09-07 North Korea met.\r\n\r\nSecond para.",
        b"date 2022-09-07 North Korea met.\r\rSecond para.",
    ],
)
def test_bom_and_line_endings(site_factory: SiteFactory, raw: bytes) -> None:
    site = build(site_factory, {"a.txt": raw})
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    paragraphs = [p.get_text() for p in site.page(url).select("article p")]
    assert "Second para." in paragraphs
    assert "North Korea met." in paragraphs


def test_colliding_urls_both_published_and_stable(site_factory: SiteFactory) -> None:
    text = "date 2022-09-07\ntitle Same headline\nNorth Korea sent one thing.\n"
    other = "date 2022-09-07\ntitle Same headline\nNorth Korea sent another thing.\n"
    third = "date 2022-09-07\ntitle Same headline\nNorth Korea sent a third thing.\n"
    alone = build(site_factory, {"b.txt": text})
    assert alone.briefing_urls() == ["briefings/2022-09-07-same-headline/"]
    site = build(site_factory, {"b.txt": text, "c.txt": other})
    assert site.ok, site.warnings()
    # Each is named by its own seed, whatever the file order.
    assert site.briefing_urls() == [
        "briefings/2022-09-07-same-headline-b/",
        "briefings/2022-09-07-same-headline-c/",
    ]
    texts = {site.page(u).select_one("article").get_text() for u in site.briefing_urls()}
    assert any("one thing" in t for t in texts) and any("another thing" in t for t in texts)
    # The bare name, which b had alone, lists both: an old link still reaches b.
    shared = site.page("briefings/2022-09-07-same-headline/")
    links = [a["href"] for a in shared.select("ul.briefing-list a")]
    assert sorted(links) == ["../2022-09-07-same-headline-b/", "../2022-09-07-same-headline-c/"]
    # A third seed of the same title, sorting first, changes no URL.
    more = build(site_factory, {"a.txt": third, "b.txt": text, "c.txt": other})
    assert more.ok, more.warnings()
    assert set(site.briefing_urls()) < set(more.briefing_urls())


def test_symlink_outside_refused(site_factory: SiteFactory, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD)
    root = tmp_path / "linked"
    (root / "seeds").mkdir(parents=True)
    os.symlink(outside, root / "seeds" / "link.txt")
    from sitetools import build_site

    site = build_site(root, seeds={"a.txt": GOOD}, glossary=GLOSSARY, sources=SOURCES)
    assert_fails_naming(site, "seeds/link.txt: symlink points outside the repository")


INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[link](javascript:alert(1)) and ![image](x.png)",
    "&amp; &lt;b&gt; &#60;",
    "{{ config.site_name }} {% if x %}y{% endif %}",
    "*stars* _under_ `code` # hash",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_markup_in_seed_shown_literally(site_factory: SiteFactory, payload: str) -> None:
    text = f"date 2022-09-07 North Korea: {payload} ends here.\n\nSecond {payload} para.\n"
    site = build(site_factory, {"a.txt": text})
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    page = site.page(url)
    body = page.select_one("article")
    assert body is not None
    texts = [" ".join(p.get_text().split()) for p in body.select("p")]
    assert f"North Korea: {payload} ends here." in texts
    assert f"Second {payload} para." in texts
    assert body.find(["script", "img", "iframe", "code", "em", "strong"]) is None
    for tag in body.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs)
        assert not str(tag.get("href", "")).lower().startswith("javascript:")
    raw = (site.site / url / "index.html").read_text("utf-8")
    if "<" in payload:
        assert payload not in raw  # nowhere on the page: not in title, meta or search data


def test_large_single_paragraph_builds(site_factory: SiteFactory) -> None:
    words = ("North Korea sent rockets to the front, officials said. " * 90_000)[: 5 * 1024 * 1024]
    site = build(site_factory, {"big.txt": "date 2022-09-07 " + words.rstrip() + " end."})
    assert site.ok, site.warnings()


def test_markdown_seed_footnotes_numbered_together(site_factory: SiteFactory) -> None:
    text = (
        "---\ntitle: Markdown seed\ndate: 2022-09-07\n---\n"
        "North Korea sent workers, the Associated Press reported.[^1] More text.\n\n"
        "```\nAP said in code\n```\n\n[^1]: An author's note.\n"
    )
    site = build(site_factory, {"m.md": text})
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    page = site.page(url)
    notes = page.select("div.footnote li")
    assert len(notes) == 2
    assert page.select_one("a.footnote-ref[data-source='associated-press']") is not None
    assert page.select_one("[data-entity='north-korea']") is not None
    assert page.select_one("pre [data-entity]") is None


def test_markdown_seed_is_sanitised(site_factory: SiteFactory) -> None:
    text = (
        "---\ntitle: Unsafe\ndate: 2022-09-07\n---\nNorth Korea <script>alert(1)</script>\n\n"
        '<img src="x" onerror="alert(1)"> [x](javascript:alert(1))\n'
    )
    site = build(site_factory, {"m.md": text})
    (url,) = site.briefing_urls()
    body = site.page(url).select_one("article")
    assert body is not None and body.find("script") is None
    for tag in body.find_all(True):
        assert not any(a.startswith("on") for a in tag.attrs)
        assert not str(tag.get("href", "")).startswith("javascript:")


def test_docs_page_opt_in(site_factory: SiteFactory) -> None:
    docs = {
        "about.md": "---\nentities: true\n---\n# About\n\nNorth Korea here, `North Korea` in code, "
        "[North Korea](https://example.org) in a link.\n",
        "plain.md": "# Plain\n\nNorth Korea is not marked here.\n",
    }
    site = build(site_factory, {"a.txt": GOOD}, docs=docs)
    assert site.ok, site.warnings()
    about = site.page("about/").select_one("article")
    assert about is not None
    assert len(about.select("[data-entity='north-korea']")) == 1
    plain = site.page("plain/").select_one("article")
    assert plain is not None and not plain.select("[data-entity]")


def test_a_source_in_no_registry_is_footnoted_and_queued_not_fatal(
    site_factory: SiteFactory,
) -> None:
    text = "date 2022-09-07 North Korea sent workers, according to the Acme Gazette.\n"
    site = build(site_factory, {"a.txt": text})
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    note = site.page(url).select_one("div.footnote li")
    assert note is not None and note.get_text().strip().startswith("Acme Gazette (media)")
    review = site.page("sources/review/2022-09/")
    # Queued for review, whether discovery also found the paper as an unreviewed entity
    # ("entity:") or only attribution did ("new:").
    queued = [s["data-source"] for s in review.select("section[data-source]")]
    assert [q for q in queued if str(q).endswith(":acme-gazette")], queued


def test_unmentioned_glossary_entry_is_reported_not_fatal(site_factory: SiteFactory) -> None:
    glossary = GLOSSARY + "- id: iran\n  name: Iran\n  type: place\n  description: Country.\n"
    site = build(site_factory, {"a.txt": GOOD}, glossary=glossary)
    assert site.ok, site.warnings()
    listed = site.page("reports/sourcing/").select("ul.glossary-unmentioned li")
    assert [li.get_text() for li in listed] == ["iran (Iran), glossary/entries.yml:6"]
    glossary_page = site.page("glossary/").select_one("#iran ~ .glossary-backlinks--empty")
    assert glossary_page is not None


@pytest.mark.parametrize(
    ("glossary", "message"),
    [
        ("- id: x\n  name: [unclosed\n", "glossary/entries.yml:"),
        (
            "- id: a\n  name: A\n  type: place\n  description: d\n"
            "- id: a\n  name: B\n  type: place\n"
            "  description: d\n",
            "duplicate",
        ),
        ("- id: a\n  name: A\n  type: planet\n  description: d\n", "unknown type"),
    ],
)
def test_bad_glossary_fails_with_location(
    site_factory: SiteFactory, glossary: str, message: str
) -> None:
    site = build(site_factory, {"a.txt": GOOD}, glossary=glossary)
    assert_fails_naming(site, "glossary/entries.yml", message)


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("- id: x\n  name: [unclosed\n", "sources.yml:"),
        ("- id: ap\n  name: AP\n  kind: wire\n", "kind"),
    ],
)
def test_bad_sources_fail_with_location(
    site_factory: SiteFactory, sources: str, message: str
) -> None:
    site = build(site_factory, {"a.txt": GOOD}, sources=sources)
    assert_fails_naming(site, "sources.yml", message)


def test_watch_configuration(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from sitetools import build_site

    build_site(tmp_path, seeds={"a.txt": GOOD}, glossary=GLOSSARY, sources=SOURCES)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    watched = {Path(p).resolve() for p in config.watch}
    for name in ("seeds", "glossary", "sources.yml"):
        assert (tmp_path / name).resolve() in watched


def test_no_element_from_seed_text(site_factory: SiteFactory) -> None:
    site = build(site_factory, {"a.txt": GOOD})
    (url,) = site.briefing_urls()
    body = site.page(url).select_one("article")
    assert body is not None
    allowed = {
        "a",
        "span",
        "p",
        "h1",
        "sup",
        "div",
        "ol",
        "li",
        "hr",
        "time",
        "aside",
        "nav",
        "details",
        "summary",
    }
    found = {t.name for t in body.find_all(True)}
    assert found <= allowed | {"figure", "figcaption", "h2", "svg", "path"}, found - allowed


def test_page_title_escaped(site_factory: SiteFactory) -> None:
    site = build(site_factory, {"a.txt": "date 2022-09-07\ntitle <b>Bold</b> & co\nNorth Korea.\n"})
    assert site.ok, site.warnings()
    (url,) = site.briefing_urls()
    raw = (site.site / url / "index.html").read_text("utf-8")
    assert "<b>Bold</b>" not in raw
    page = BeautifulSoup(raw, "html.parser")
    assert page.select_one("article h1").get_text().rstrip("¶") == "<b>Bold</b> & co"


def test_symlink_outside_does_not_drop_other_seeds(tmp_path: Path) -> None:
    from sitetools import build_site

    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD)
    root = tmp_path / "linked"
    (root / "seeds").mkdir(parents=True)
    os.symlink(outside, root / "seeds" / "link.txt")
    site = build_site(root, seeds={"a.txt": GOOD}, glossary=GLOSSARY, sources=SOURCES, strict=False)
    assert site.ok
    assert len(site.briefing_urls()) == 1
    assert any("seeds/link.txt: symlink points outside" in m for m in site.messages)


def test_hand_written_page_at_a_briefing_url_is_kept_untouched(site_factory: SiteFactory) -> None:
    text = "date 2022-09-07\ntitle Hello\nNorth Korea sent workers.\n"
    docs_text = "# Mine\n\nPrivate-use \ue0009\ue001 and \ue0020\ue003 characters stay.\n"
    site = build(site_factory, {"a.txt": text}, strict=False)
    (url,) = site.briefing_urls()
    override = build(
        site_factory, {"a.txt": text}, strict=False, docs={url.rstrip("/") + ".md": docs_text}
    )
    assert override.ok, override.error
    body = override.page(url).select_one("article")
    assert body is not None
    assert "Private-use \ue0009\ue001 and \ue0020\ue003 characters stay." in body.get_text()
    assert "North Korea sent workers." not in body.get_text()


@pytest.mark.parametrize("option", ["archive_page_size", "home_count"])
def test_page_sizes_must_be_positive(site_factory: SiteFactory, option: str) -> None:
    site = build(site_factory, {"a.txt": GOOD}, options={option: 0})
    assert not site.ok
    assert any(f"'{option}' must be at least 1" in m for m in site.messages)


def test_markdown_seed_title_escaped_once_in_backlinks(site_factory: SiteFactory) -> None:
    text = "---\ntitle: Kyiv's view & more\ndate: 2022-09-07\n---\nNorth Korea sent workers.\n"
    site = build(site_factory, {"m.md": text})
    assert site.ok, site.warnings()
    backlink = site.page("entities/north-korea/").select_one(".entity-briefings li > a")
    assert backlink is not None and backlink.get_text() == "Kyiv's view & more"


def _assert_no_script(page: BeautifulSoup) -> None:
    body = page.select_one("article")
    assert body is not None
    for tag in body.find_all(True):
        assert tag.name not in {"script", "style", "svg", "math", "iframe", "meta"}, tag
        assert not any(name.lower().startswith("on") for name in tag.attrs), tag
        for name in ("href", "src"):
            if tag.get(name) is not None:
                assert browser_scheme(str(tag[name])) in (None, "http", "https", "mailto"), tag


def test_glossary_links_and_descriptions_cannot_carry_script(site_factory: SiteFactory) -> None:
    glossary = (
        "- id: north-korea\n  name: North Korea\n  type: place\n"
        '  description: "See [more](java\\nscript:alert(1)) and [this](java&#9;script:alert(1))."\n'
        '  links: ["https://a.example/<img src=x onerror=alert(1)>"]\n'
    )
    site = build(site_factory, {"a.txt": GOOD}, glossary=glossary)
    assert site.ok, site.warnings()
    _assert_no_script(site.page("glossary/"))


def test_markdown_seed_sanitiser_bypasses(site_factory: SiteFactory) -> None:
    text = (
        "---\ntitle: Tricks\ndate: 2022-09-07\n---\nNorth Korea sent workers.\n\n"
        '<a href="java&#9;script:alert(1)">tab</a> [nl](java&#10;script:alert(1))\n\n'
        "<p><svg><style><img src=x onerror=alert(1)></style></svg></p>\n\n"
        '<svg><animate attributeName=href values="javascript:alert(1)"/></svg>\n\n'
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">\n\nThe end.\n'
    )
    site = build(site_factory, {"m.md": text})
    (url,) = site.briefing_urls()
    page = site.page(url)
    _assert_no_script(page)
    text_seen = page.select_one("article").get_text()
    assert "North Korea sent workers." in text_seen and "The end." in text_seen

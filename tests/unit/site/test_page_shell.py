"""Pages written into a model page's shell (briefings.site.page_shell)."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest
from briefings.common.cache import JsonCache
from briefings.site.entity_pages import EntityPages
from briefings.site.page_shell import (
    CONTENT_MARK,
    SHELL_ID,
    TITLE_MARK,
    PageConverter,
    PageShell,
    ShellError,
    model_content,
    model_markdown,
    remove_models,
    sitemap_without_models,
)

# A theme's output for the model page, as a theme writes it: the title in <title> and the
# header, the URL in the canonical link, the title's anchor in a skip link.
MODEL = (
    "<!doctype html><html><head>"
    f"<title>{TITLE_MARK} - Site</title>"
    f'<link rel="canonical" href="https://example.org/entities/{SHELL_ID}/">'
    '<link href="../../assets/site.css" rel="stylesheet">'
    "</head><body>"
    f'<a href="#briefingsshelltitle" class="skip">Skip</a>'
    f"<header>{TITLE_MARK}</header>"
    f'<article class="md-typeset">{model_content()}</article>'
    '<script src="../../assets/site.js"></script></body></html>'
)


def test_fill_puts_each_page_into_the_shell() -> None:
    shell = PageShell(MODEL, "briefingsshelltitle")
    html = shell.fill(
        "acme-corp",
        "Acme & Sons <Ltd>",
        '<h1 id="acme-sons-ltd">Acme &amp; Sons</h1><p>Text</p>',
        '<link rel="alternate" href="feed.xml">',
    )
    assert "<title>Acme &amp; Sons &lt;Ltd&gt; - Site</title>" in html
    assert "<header>Acme &amp; Sons &lt;Ltd&gt;</header>" in html
    assert 'href="https://example.org/entities/acme-corp/"' in html
    assert '<link rel="alternate" href="feed.xml"></head>' in html
    assert '<a href="#acme-sons-ltd" class="skip">' in html
    assert '<article class="md-typeset"><h1 id="acme-sons-ltd">Acme &amp; Sons</h1>' in html
    # Links to the theme's files are the model's: every page of a depth shares them.
    assert '"../../assets/site.css"' in html and '"../../assets/site.js"' in html
    for mark in (TITLE_MARK, SHELL_ID, CONTENT_MARK, "briefingsshelltitle"):
        assert mark not in html


def test_page_text_that_looks_like_a_mark_stays_text() -> None:
    shell = PageShell(MODEL, "briefingsshelltitle")
    html = shell.fill("x", "T", f"<h1>T</h1><p>{TITLE_MARK} {SHELL_ID}</p>")
    assert f"<p>{TITLE_MARK} {SHELL_ID}</p>" in html


def test_a_content_without_an_anchored_heading_skips_to_the_top() -> None:
    html = PageShell(MODEL, "briefingsshelltitle").fill("x", "T", "<h1>T</h1>")
    assert '<a href="#" class="skip">' in html


@pytest.mark.parametrize(
    "output",
    [MODEL.replace(CONTENT_MARK, ""), MODEL.replace("</article>", model_content() + "</article>")],
)
def test_a_model_without_exactly_one_content_mark_is_refused(output: str) -> None:
    with pytest.raises(ShellError, match="content mark"):
        PageShell(output)


def test_model_markdown_keeps_the_model_out_of_search_and_names_its_title() -> None:
    text = model_markdown("## Timeline {#timeline}")
    assert text.startswith("---\n") and '"exclude": true' in text
    assert f"\n# {TITLE_MARK}\n" in text
    assert text.rstrip().endswith("## Timeline {#timeline}")  # for the table of contents


def test_a_model_of_each_table_of_contents() -> None:
    models = EntityPages.models()
    keys = sorted(model_id.removeprefix(SHELL_ID + "-") for model_id, _ in models.values())
    assert keys == ["b", "cb", "csb", "later", "sb", "tb", "tcb", "tcsb", "tsb"]
    assert models["entities/briefings-page-shell-tcb.md"][1] == (
        "## Timeline {#timeline}\n\n## Appears with {#appears-with}\n\n## Briefings {#briefings}"
    )
    assert "entities/briefings-page-shell-later/2.md" in models


def test_converter_uses_the_site_extensions_and_forgets_the_previous_page() -> None:
    converter = PageConverter(["toc", "attr_list"], {"toc": {"permalink": True}})
    first = converter.convert("# Alpha\n\nText\n{: .lead }\n\n## Timeline")
    assert '<h1 id="alpha">Alpha<a class="headerlink" href="#alpha"' in first
    assert '<p class="lead">Text</p>' in first
    # The same heading on the next page gets the same id: nothing carried over.
    second = converter.convert("# Alpha")
    assert '<h1 id="alpha">' in second


def test_sitemap_drops_the_models() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x">\n'
        "    <url>\n         <loc>https://e.org/</loc>\n    </url>\n"
        f"    <url>\n         <loc>https://e.org/entities/{SHELL_ID}/</loc>\n    </url>\n"
        f"    <url>\n         <loc>https://e.org/entities/{SHELL_ID}/2/</loc>\n    </url>\n"
        "</urlset>"
    )
    out = sitemap_without_models(xml)
    assert SHELL_ID not in out
    assert out.count("<url>") == 1 and "<loc>https://e.org/</loc>" in out
    assert out.endswith("</urlset>")


def test_heading_is_converted_once_per_text_as_the_site_writes_it() -> None:
    converter = PageConverter(["toc"], {"toc": {"permalink": True}})
    html = converter.heading("Briefings (3)")
    assert html.startswith('<h2 id="briefings-3">Briefings (3)<a class="headerlink"')
    assert converter.heading("Briefings (3)") is html


def test_remove_models_deletes_their_files_and_sitemap_entries(tmp_path: Path) -> None:
    site = tmp_path / "site"
    model = site / "entities" / SHELL_ID / "index.html"
    later = site / "entities" / SHELL_ID / "2" / "index.html"
    kept = site / "entities" / "acme" / "index.html"
    for path in (model, later, kept):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    xml = (
        "<urlset>\n    <url>\n         <loc>https://e.org/</loc>\n    </url>\n"
        f"    <url>\n         <loc>https://e.org/entities/{SHELL_ID}/</loc>\n    </url>\n"
        "</urlset>"
    )
    (site / "sitemap.xml").write_text(xml, "utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode(), mtime=1_700_000_000))
    remove_models(site, [model, later])
    assert not (site / "entities" / SHELL_ID).exists() and kept.is_file()
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert SHELL_ID not in sitemap and "https://e.org/" in sitemap
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode() == sitemap
    assert int.from_bytes(packed[4:8], "little") == 1_700_000_000


def _entries(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return list(db.execute("SELECT key, value FROM entries ORDER BY key"))


def test_converted_html_is_kept_by_text_and_settings(tmp_path: Path) -> None:
    cache = JsonCache(tmp_path / "html.sqlite")
    first = PageConverter(["toc"], {"toc": {"permalink": True}}, cache)
    html = first.convert("## Timeline\n\nText.")
    assert 'class="headerlink"' in html
    stored = _entries(tmp_path / "html.sqlite")
    assert [value for _key, value in stored] == [json.dumps(html, separators=(",", ":"))]
    # Another build with the same settings reads it back; other settings convert afresh.
    assert (
        PageConverter(["toc"], {"toc": {"permalink": True}}, cache).convert("## Timeline\n\nText.")
        == html
    )
    other = PageConverter(["toc"], {"toc": {"permalink": False}}, cache)
    assert 'class="headerlink"' not in other.convert("## Timeline\n\nText.")
    assert len(_entries(tmp_path / "html.sqlite")) == 2
    # What a build did not convert is dropped when it finishes.
    last = PageConverter(["toc"], {"toc": {"permalink": True}}, cache)
    last.convert("Only this.")
    last.finish()
    assert [json.loads(value) for _key, value in _entries(tmp_path / "html.sqlite")] == [
        "<p>Only this.</p>"
    ]

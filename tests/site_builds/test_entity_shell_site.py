"""Entity pages written into the theme's shell (site/page_shell.py) in the configurations
the repository's own site does not use: no ``nav``, file URLs, later pages, pages the
editors wrote themselves."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitetools import BuiltSite, build_site, run_build

pytestmark = pytest.mark.slow

GLOSSARY = """\
- id: velmora-port-authority
  name: Velmora Port Authority
  type: organization
  description: Runs the port of Velmora.
"""
SEEDS = {
    "a.txt": "date 2024-03-01 The Velmora Port Authority closed two berths on Friday, "
    "Yevgeny Prigozhin said.\n",
    "b.txt": "date 2024-03-02 The Velmora Port Authority reopened the berths on Saturday, "
    "Yevgeny Prigozhin said.\n",
}


def _rebuild(site: BuiltSite, old: str, new: str) -> BuiltSite:
    config = site.root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert old in text
    config.write_text(text.replace(old, new), "utf-8")
    return run_build(config, site.root / "site2")


def _assets_resolve(site_dir: Path, page: Path) -> None:
    """Every stylesheet and script of ``page`` is a file of the site, seen from the page."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    refs = [tag["href"] for tag in soup.select("link[rel=stylesheet]")]
    refs += [tag["src"] for tag in soup.select("script[src]")]
    assert refs
    base = page.parent.relative_to(site_dir).as_posix()
    for ref in refs:
        if "://" in ref:
            continue
        target = posixpath.normpath(posixpath.join(base, ref.split("?")[0]))
        assert (site_dir / target).is_file(), (page, ref)


def test_without_nav_and_with_file_urls(tmp_path: Path) -> None:
    site = build_site(
        tmp_path, seeds=SEEDS, glossary=GLOSSARY, sources="[]\n", options={"entity_page_size": 1}
    )
    assert site.ok, site.error
    # No nav: MkDocs lists every page, but not the model pages, and no page links them.
    nav = "nav:\n  - Home: index.md\n  - Glossary: glossary.md\n  - Sources: sources.md\n"
    nav_less = _rebuild(site, nav, "")
    assert nav_less.ok, nav_less.error
    for page in nav_less.site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "BriefingsShell" not in text and "briefings-page-shell" not in text, page
    first = nav_less.site / "entities" / "velmora-port-authority" / "index.html"
    second = nav_less.site / "entities" / "velmora-port-authority" / "2" / "index.html"
    for page in (first, second):
        _assets_resolve(nav_less.site, page)
    soup = BeautifulSoup(second.read_text("utf-8"), "html.parser")
    canonical = soup.select_one("link[rel=canonical]")
    assert canonical is not None
    assert canonical["href"] == "https://example.org/entities/velmora-port-authority/2/"
    assert soup.title is not None and soup.title.string is not None
    assert soup.title.string.startswith("Velmora Port Authority: briefings, page 2")
    # File URLs: entities/<id>.html and entities/<id>/2.html, links one folder up.
    files = _rebuild(nav_less, "site_url:", "use_directory_urls: false\nsite_url:")
    assert files.ok, files.error
    for name in ("velmora-port-authority.html", "velmora-port-authority/2.html"):
        _assets_resolve(files.site, files.site / "entities" / name)
    # The unreviewed name seen in both briefings has its page too.
    _assets_resolve(files.site, files.site / "entities" / "yevgeny-prigozhin.html")


def test_a_page_the_editors_wrote_is_kept(tmp_path: Path) -> None:
    docs = {
        "entities/yevgeny-prigozhin.md": "# Prigozhin\n\nWritten by the desk.\n",
        "entities/velmora-port-authority.md": "# Velmora\n\nOur own page.\n",
    }
    site = build_site(tmp_path, seeds=SEEDS, glossary=GLOSSARY, sources="[]\n", docs=docs)
    assert site.ok, site.error
    for entity_id, text in (
        ("yevgeny-prigozhin", "Written by the desk."),
        ("velmora-port-authority", "Our own page."),
    ):
        assert text in (site.site / "entities" / entity_id / "index.html").read_text("utf-8")

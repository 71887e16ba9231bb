"""The repository's site exported (``make export``) and built without the plugin: by MkDocs 1.x
with Material, and by Zensical, which does not run MkDocs plugins.

The export is faithful when plain MkDocs builds it into the same article HTML as the plugin
build, page for page. Zensical then renders the same Markdown with its own templates: the
seed's briefing must carry the same entity marks, the same source footnotes and the same text
as in the MkDocs build. Zensical lives in its own virtual environment (``make zensical-deps``),
which has neither MkDocs nor this project.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from enginetools import copy_content, readers_env, venv_tool
from sitetools import ROOT

pytestmark = pytest.mark.slow

ZENSICAL_VENV = ROOT / ".venv-zensical"
ZENSICAL_LOCK = ROOT / "requirements-zensical.lock"
MAKE_TARGET = "make zensical-deps"
SEED = "seeds/000_59870affd8118fe3.txt"
# What Zensical's templates put into every article that Material's do not: a target for the
# "skip to content" link. Material's search plugin drops only data-search-* attributes that
# have a value; Zensical's search drops the valueless data-search-exclude too, once it has
# left the element out of the index.
ZENSICAL_SKIP_TARGET = '<a id="__skip" tabindex="-1"></a>\n'
SEARCH_ATTRIBUTE = re.compile(r' data-search-exclude(?:="")?(?=[ >])')


@dataclass
class Run:
    """One command's exit status, output and time."""

    returncode: int
    log: str
    seconds: float


@dataclass
class Builds:
    """The plugin's MkDocs build, the export, and the export's build by MkDocs."""

    plugin: Path
    export: Path
    mkdocs: Path
    runs: dict[str, Run]


def zensical_command() -> list[str]:
    """Return Zensical's command line from its own environment; fail when it is missing."""
    return [str(venv_tool(ZENSICAL_VENV, "zensical", MAKE_TARGET, "Zensical"))]


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` in ``cwd`` with the readers' settings and a fixed build date."""
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=readers_env(), capture_output=True, text=True, check=False
    )
    return Run(done.returncode, done.stdout + done.stderr, time.perf_counter() - start)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """Build the site with the plugin, export it (as `make export` does), and build a copy
    of the export with MkDocs and Material, without the plugin."""
    base = tmp_path_factory.mktemp("engines")
    mkdocs = [str(Path(sys.executable).with_name("mkdocs"))]
    copy_content(base / "plugin")
    copy_content(base / "source")
    export = base / "source" / "export"
    runs = {
        "plugin": run([*mkdocs, "build", "--strict", "--site-dir", "site"], base / "plugin"),
        "export": run(
            [sys.executable, "-m", "briefings.export", "-f", "mkdocs.yml", "-o", str(export)],
            base / "source",
        ),
    }
    for name in ("plugin", "export"):
        assert runs[name].returncode == 0, runs[name].log
    by_mkdocs = base / "by-mkdocs"
    shutil.copytree(export, by_mkdocs)
    runs["mkdocs"] = run([*mkdocs, "build", "--strict"], by_mkdocs)
    return Builds(base / "plugin" / "site", export, by_mkdocs / "site", runs)


@pytest.fixture(scope="module")
def zensical_site(builds: Builds) -> Path:
    """Build the export with Zensical (strict); return its site folder."""
    done = run(
        [*zensical_command(), "build", "--strict", "--clean", "-f", "mkdocs.yml"], builds.export
    )
    builds.runs["zensical"] = done
    print(
        "build time: plugin (MkDocs) {plugin:.2f} s, export {export:.2f} s, export built by "
        "MkDocs {mkdocs:.2f} s, by Zensical {zensical:.2f} s".format(
            **{name: r.seconds for name, r in builds.runs.items()}
        )
    )
    assert done.returncode == 0, done.log
    assert "No issues found" in done.log, done.log
    return builds.export / "site"


def pages(site: Path) -> dict[str, str]:
    """Return every HTML page of a built site by path."""
    return {
        p.relative_to(site).as_posix(): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))
    }


def article(html: str) -> Tag:
    """Return the page's article element (the content, without the theme's chrome)."""
    found = BeautifulSoup(html, "html.parser").find("article")
    assert isinstance(found, Tag)
    return found


def seed_page(site: Path) -> str:
    """Return the path of the seed's briefing page in a built site."""
    found = [
        path for path, html in pages(site).items() if path.startswith("briefings/") and SEED in html
    ]
    assert len(found) == 1, found
    return found[0]


def marks(node: Tag) -> tuple[list[str], list[str]]:
    """Return the entity ids and footnote sources of ``node``, in reading order."""
    entities = [str(e["data-entity"]) for e in node.select("[data-entity]")]
    sources = [str(a["data-source"]) for a in node.select("a.footnote-ref[data-source]")]
    return entities, sources


def visible_text(node: Tag) -> str:
    """Return the text a reader sees, whitespace collapsed."""
    return " ".join(node.get_text(" ").split())


def test_zensical_lock_pins_its_dependencies_at_the_main_versions() -> None:
    """Zensical is pinned; shared packages are pinned at requirements.lock's versions."""

    def pins(lock: Path) -> Mapping[str, str]:
        lines = lock.read_text("utf-8").splitlines()
        pairs = (line.split("==") for line in lines if line and not line.startswith("#"))
        return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pairs}

    zensical, main = pins(ZENSICAL_LOCK), pins(ROOT / "requirements.lock")
    assert "zensical" in zensical
    assert "mkdocs" not in zensical and "mkdocs-briefings" not in zensical
    different = {n: (main[n], v) for n, v in zensical.items() if n in main and main[n] != v}
    assert not different, f"versions differ (requirements.lock, {ZENSICAL_LOCK.name})"


def test_the_export_needs_no_plugin(builds: Builds) -> None:
    """The exported configuration names no plugin of ours; every page is a folder's index."""
    config = yaml.safe_load((builds.export / "mkdocs.yml").read_text("utf-8"))
    assert config["plugins"] == ["search"]
    assert "assets/briefings/briefings.css" in config["extra_css"]
    docs = builds.export / "docs"
    pages_written = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    assert pages_written and all(p.endswith("index.md") for p in pages_written), pages_written
    assert (docs / "reports" / "sourcing.json").is_file()


def test_mkdocs_builds_the_export_into_the_plugins_pages(builds: Builds) -> None:
    """Plain MkDocs and Material build the export into the plugin build's article HTML,
    page for page, and write the plugin's other files."""
    run_ = builds.runs["mkdocs"]
    assert run_.returncode == 0, run_.log
    expected, actual = pages(builds.plugin), pages(builds.mkdocs)
    assert sorted(actual) == sorted(expected)
    different = [path for path in expected if article(actual[path]) != article(expected[path])]
    assert not different, f"article HTML differs on {different}"
    others = {
        p.relative_to(builds.plugin).as_posix()
        for p in builds.plugin.rglob("*")
        if p.is_file() and not p.name.endswith((".html", ".gz")) and "search" not in p.parts
    }
    for path in sorted(others):
        assert (builds.mkdocs / path).read_bytes() == (builds.plugin / path).read_bytes() or (
            path == "sitemap.xml"
        ), path


def test_zensical_builds_the_export_strictly(builds: Builds, zensical_site: Path) -> None:
    """Zensical builds the export with no warning and writes every page the plugin does."""
    assert sorted(pages(zensical_site)) == sorted(pages(builds.plugin))


def test_zensical_seed_page_has_the_same_marks_notes_and_text(
    builds: Builds, zensical_site: Path
) -> None:
    """The seed's briefing by Zensical: the MkDocs build's entity marks, source footnotes,
    text and article markup, but for the theme's skip-link target and search attribute."""
    path = seed_page(builds.plugin)
    assert seed_page(zensical_site) == path
    expected = article(pages(builds.plugin)[path])
    actual = article(pages(zensical_site)[path])
    entities, sources = marks(expected)
    assert entities and sources
    assert marks(actual) == (entities, sources)
    assert visible_text(actual) == visible_text(expected)
    zensical_html = str(actual).replace(ZENSICAL_SKIP_TARGET, "", 1)
    assert SEARCH_ATTRIBUTE.sub("", zensical_html) == SEARCH_ATTRIBUTE.sub("", str(expected))


def test_zensical_pages_have_the_same_marks(builds: Builds, zensical_site: Path) -> None:
    """Every page by Zensical carries the plugin build's entity marks and footnotes."""
    expected, actual = pages(builds.plugin), pages(zensical_site)
    different = [
        path for path in expected if marks(article(actual[path])) != marks(article(expected[path]))
    ]
    assert not different, different

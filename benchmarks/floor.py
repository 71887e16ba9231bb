"""The floor of a plugin site: the same pages as final HTML, built by plain Material.

After a plugin build, :func:`write_floor_site` takes every page MkDocs built (briefings,
home, archive, glossary, sources, unreviewed entities, report): the inner HTML of its
``<article>`` (what the plugin produced for ``page.content``, plus the ``<h1>`` Material adds
when the content has none), its title, description, hidden sidebars, whether search indexed
it, and its table of contents as rendered. It
writes them as one page file each, at the same URL, in a site with the plugin disabled and
the hooks of :mod:`benchmarks.floor_hooks`, which hand Markdown an empty string and put the
HTML back as the page's content. Building that site costs what the theme, its templates
and Material's search cost on these pages, with no Markdown conversion of the content and
no plugin work: the least a build of the plugin's output can cost.

The entity pages are left out: the plugin writes them itself, into the shell of one page
MkDocs built (``plugins/briefings/site/page_shell.py``), at about half what MkDocs spends on
a page. Building them through MkDocs here would put in the floor a cost the plugin build
does not pay; the benchmark adds the plugin's own logged time for writing them instead.

Command line: ``python -m benchmarks.floor PLUGIN_SITE_DIR PLUGIN_CONFIG OUT_DIR``.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from benchmarks.sites import PROJECT_CONFIG

HOOKS = Path(__file__).resolve().parent / "floor_hooks.py"
"""The MkDocs hooks file of every floor site."""

_ARTICLE_START = '<article class="md-content__inner md-typeset">'
_ARTICLE_END = "</article>"
_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_DESCRIPTION_RE = re.compile(r'<meta name="description" content="([^"]*)"')
_H1_ID_RE = re.compile(r'<h1 id="([^"]*)"')
_TOC_NAV = '<nav class="md-nav md-nav--secondary"'
_HIDDEN_RE = re.compile(r'data-md-type="(navigation|toc)" hidden')
# The plugin fills the glossary's backlinks after Material's search has read the page, so
# its search index has an HTML comment where the final page has the list: the floor's
# search reads the same (see benchmarks/floor_hooks.py).
_BACKLINKS_RE = re.compile(
    r'<div class="glossary-backlinks">.*?</ul></div>|<p class="glossary-backlinks[^"]*">.*?</p>',
    re.DOTALL,
)
SEARCH_SPLIT = "\n<!--floor: the page as the theme shows it-->\n"
"""Separates what search reads from the final content in a floor page file, if they differ."""
_NAV_TAG_RE = re.compile(r"<nav\b|</nav>")
_TOC_TOKEN_RE = re.compile(
    r'(?P<open><ul\b)|(?P<close></ul>)|<a href="#(?P<id>[^"]*)" class="md-nav__link">\s*'
    r'<span class="md-ellipsis">\s*(?P<name>.*?)\s*</span>',
    re.DOTALL,
)


def _toc_nav(html: str) -> str:
    """Return the rendered table of contents of a page (its first secondary nav), or ''."""
    start = html.find(_TOC_NAV)
    if start < 0:
        return ""
    depth = 0
    for match in _NAV_TAG_RE.finditer(html, start):
        depth += 1 if match.group() == "<nav" else -1
        if depth == 0:
            return html[start : match.end()]
    return html[start:]


def toc_tokens(html: str, title: str) -> list[dict[str, Any]]:
    """Return the page's table of contents as Python-Markdown ``toc_tokens``.

    Rebuilt from the table of contents Material rendered, under the page's ``<h1>`` when it
    has one with an id (Material leaves that level out when it renders the table).
    """
    lists: list[list[dict[str, Any]]] = []
    top: list[dict[str, Any]] = []
    for match in _TOC_TOKEN_RE.finditer(_toc_nav(html)):
        if match.group("open"):
            lists.append(top if not lists else lists[-1][-1]["children"])
        elif match.group("close"):
            if lists:
                lists.pop()
        elif lists:
            lists[-1].append(
                {
                    "level": len(lists) + 1,
                    "id": match.group("id"),
                    "name": match.group("name"),
                    "children": [],
                }
            )
    h1 = _H1_ID_RE.search(article_html(html))
    if h1 is None:
        return top
    return [{"level": 1, "id": h1.group(1), "name": title, "children": top}]


def article_html(html: str) -> str:
    """Return the inner HTML of the page's ``<article>``: its content as the theme shows it."""
    start = html.find(_ARTICLE_START)
    end = html.rfind(_ARTICLE_END)
    if start < 0 or end < start:
        return ""
    return html[start + len(_ARTICLE_START) : end].strip() + "\n"


def indexed_pages(site: Path) -> set[str]:
    """Return the URLs of the pages in a built site's search index."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return set()
    docs = json.loads(index.read_text("utf-8")).get("docs", [])
    return {str(doc.get("location", "")).split("#", 1)[0] for doc in docs}


def page_file(
    html: str, site_name: str, *, searched: bool = True, late_backlinks: bool = False
) -> str:
    """Return the floor page file of one built page: front matter, then its content HTML.

    ``searched`` says whether the plugin build's search index has the page;
    ``late_backlinks`` that it is a glossary page, whose backlinks search did not read.
    """
    meta: dict[str, Any] = {}
    title = _TITLE_RE.search(html)
    suffix = f" - {site_name}"
    if title and title.group(1).endswith(suffix):
        meta["title"] = title.group(1)[: -len(suffix)]
    description = _DESCRIPTION_RE.search(html)
    if description:
        meta["description"] = description.group(1)
    hide = _HIDDEN_RE.findall(html)
    if hide:
        meta["hide"] = hide
    if not searched:
        meta["search"] = {"exclude": True}
    meta["toc"] = toc_tokens(html, str(meta.get("title", "")))
    # JSON values are valid YAML flow values (as in the plugin's own front matter).
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    content = article_html(html)
    for_search = _BACKLINKS_RE.sub("<!--backlinks-->", content) if late_backlinks else content
    if for_search != content:
        content = for_search + SEARCH_SPLIT + content
    return "---\n" + "\n".join(lines) + "\n---\n\n" + content


def _doc_path(uri: str) -> str:
    """Return the page file that has the URL of nav entry ``uri`` ("glossary.md")."""
    if uri == "index.md" or uri.endswith("/index.md"):
        return uri
    return uri.removesuffix(".md") + "/index.md"


def write_floor_site(
    plugin_site: Path,
    plugin_config: Path,
    root: Path,
    base_config: Path = PROJECT_CONFIG,
    glossary_url: str = "glossary/",
    written_by_plugin: str = "entities/",
) -> tuple[Path, int]:
    """Write the floor site of a built plugin site under ``root``.

    Pages at ``glossary_url`` and below are the plugin's glossary pages, which get their
    backlinks after search read them; pages at ``written_by_plugin`` and below, which the
    plugin writes without MkDocs, are left out. Returns the config path and the number of
    pages.
    """
    config = yaml.safe_load(plugin_config.read_text("utf-8"))
    # The project's config uses MkDocs' !ENV tags: read it with MkDocs' own loader.
    project = yaml_load(base_config.read_text("utf-8"))
    site_name = str(project.get("site_name", ""))
    docs = root / "docs"
    shutil.rmtree(root, ignore_errors=True)
    pages = 0
    searched = indexed_pages(plugin_site)
    for built in sorted(plugin_site.rglob("index.html")):
        relative = built.parent.relative_to(plugin_site)
        if relative.parts[:1] in (("assets",), ("search",)):
            continue
        url = "" if not relative.parts else relative.as_posix() + "/"
        if url.startswith(written_by_plugin):
            continue
        target = docs / relative / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page_file(
            built.read_text("utf-8"),
            site_name,
            searched=url in searched,
            late_backlinks=url.startswith(glossary_url),
        )
        target.write_text(text, "utf-8")
        pages += 1
    # The plugin's own stylesheets, linked from every page as the plugin build links them.
    extra_css: list[str] = []
    assets = plugin_site / "assets" / "briefings"
    if assets.is_dir():
        shutil.copytree(assets, docs / "assets" / "briefings")
        extra_css = [f"assets/briefings/{p.name}" for p in sorted(assets.glob("*.css"))]
    nav = [{title: _doc_path(uri)} for item in config.get("nav", []) for title, uri in item.items()]
    floor_config = {
        "INHERIT": base_config.resolve().as_posix(),
        "docs_dir": "docs",
        "strict": False,
        "nav": nav,
        "plugins": ["search", {"briefings": {"enabled": False}}],
        "hooks": [HOOKS.as_posix()],
        "extra_css": extra_css,
    }
    path = root / "mkdocs.yml"
    header = (
        "# Written by benchmarks/floor.py: the pages of a plugin build as final HTML,\n"
        "# built by plain Material (plugin disabled; see benchmarks/floor_hooks.py).\n"
    )
    path.write_text(header + yaml.safe_dump(floor_config, sort_keys=False), "utf-8")
    return path, pages


def main(argv: Sequence[str] | None = None) -> int:
    """Write the floor site of a built plugin site; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    config, pages = write_floor_site(Path(args[0]), Path(args[1]), Path(args[2]))
    print(f"floor site: {config} ({pages} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The export adapter's pieces: mkdocs.yml read without MkDocs, page URLs and paths as MkDocs
gives them, HTML written as raw Markdown blocks that convert back to it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import markdown
import pytest
from briefings.config import BriefingsConfig
from briefings.export.mkdocs_yml import (
    ExportError,
    Tagged,
    dump_config,
    plugin_entry,
    publisher_options,
    read_config,
    without_plugin,
)
from briefings.export.pages import Converter, export_path, moved_nav, page_url
from briefings.site.html_markdown import heading_markdown, split_blocks
from briefings.site.options import PublisherOptions
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File

EXTENSIONS = ["toc", "tables", "fenced_code", "footnotes", "attr_list", "md_in_html"]
SETTINGS = {"toc": {"permalink": True}}


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize(
    "src_uri",
    ["index.md", "about.md", "README.md", "a/index.md", "a/b.md", "a/README.md",
     "entities/x y.md", "img/p.png", "reports/sourcing.json"],
)  # fmt: skip
def test_page_urls_are_mkdocs_urls(src_uri: str, use_directory_urls: bool) -> None:
    file = File(src_uri, "/docs", "/site", use_directory_urls)
    assert page_url(src_uri, use_directory_urls) == file.url


@pytest.mark.parametrize(
    ("src_uri", "use_directory_urls", "path"),
    [
        ("about.md", True, "about/index.md"),
        ("a/b.md", True, "a/b/index.md"),
        ("a/index.md", True, "a/index.md"),
        ("README.md", True, "index.md"),
        ("about.md", False, "about.md"),
        ("img/p.png", True, "img/p.png"),
    ],
)
def test_pages_are_written_where_their_folder_is_their_urls(
    src_uri: str, use_directory_urls: bool, path: str
) -> None:
    assert export_path(src_uri, use_directory_urls) == path
    if src_uri.endswith(".md"):
        assert page_url(path, use_directory_urls) == page_url(src_uri, use_directory_urls)


def test_nav_names_moved_pages() -> None:
    nav = [{"Home": "index.md"}, {"More": [{"About": "about.md"}, "https://x.org/"]}]
    moved = moved_nav(nav, lambda uri: export_path(uri, True))
    assert moved == [
        {"Home": "index.md"},
        {"More": [{"About": "about/index.md"}, "https://x.org/"]},
    ]


def test_config_keeps_unknown_tags_and_resolves_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPORT_TEST_FLAG", "true")
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        "site_name: S\n"
        "strict: !ENV [EXPORT_TEST_FLAG, false]\n"
        "other: !ENV [EXPORT_TEST_UNSET, 3]\n"
        "plugins:\n  - search\n  - briefings:\n      home_count: 5\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
        "utf-8",
    )
    config = read_config(path)
    assert config["strict"] is True and config["other"] == 3
    generator = config["markdown_extensions"][0]["pymdownx.emoji"]["emoji_generator"]
    assert generator == Tagged("tag:yaml.org,2002:python/name:material.extensions.emoji.to_svg", "")
    assert "!!python/name:material.extensions.emoji.to_svg" in dump_config(config)
    assert plugin_entry(config) == {"home_count": 5}
    assert without_plugin(config["plugins"]) == ["search"]


def test_plugin_defaults_are_the_configs(tmp_path: Path) -> None:
    """An option left out of mkdocs.yml gets config.py's default in the export too."""
    (tmp_path / "seeds").mkdir()
    options = publisher_options({}, tmp_path, {})
    defaults = {name: option.default for name, option in BriefingsConfig._schema}
    renamed = {"review_marks": "problems_page"}
    for name, default in defaults.items():
        if name in ("enabled", "entities_in_pages"):
            continue
        value = getattr(options, renamed.get(name, name))
        if isinstance(value, Path):
            value = value.relative_to(tmp_path).as_posix()
        assert value == default, name


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"no_such_option": 1}, "has no option 'no_such_option'"),
        ({"home_count": "5"}, "must be int, not str"),
        ({"home_count": 0}, "must be at least 1"),
        ({"seeds_dir": "missing"}, "does not exist"),
    ],
)
def test_bad_plugin_options_are_named(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    (tmp_path / "seeds").mkdir()
    with pytest.raises(ExportError, match=message):
        publisher_options(options, tmp_path, {})


def test_the_adapters_share_the_options() -> None:
    assert {f.name for f in dataclasses.fields(PublisherOptions)} >= {"home_count", "problems_page"}


def test_blocks_are_the_top_level_elements_as_written() -> None:
    html = '<h1 id="t">T</h1>\n<p>a <b>b</b></p>\n<!-- c -->\n<hr />\n<div><p>x</p>\n\n</div>'
    assert split_blocks(html) == [
        '<h1 id="t">T</h1>',
        "<p>a <b>b</b></p>",
        "<!-- c -->",
        "<hr />",
        "<div><p>x</p>\n\n</div>",
    ]
    with pytest.raises(ValueError, match="outside any element"):
        split_blocks("<p>a</p> loose text")


@pytest.mark.parametrize(
    ("block", "heading"),
    [
        ('<h2 id="x">A <a href="y/">B</a></h2>', '## A <a href="y/">B</a> {#x}'),
        ('<h1 id="t">T<a class="headerlink" href="#t" title="Link">¶</a></h1>', "# T {#t}"),
        ("<h3>No id</h3>", "### No id"),
        ('<h2 class="c" id="x">T</h2>', None),
    ],
)  # fmt: skip
def test_headings_become_markdown(block: str, heading: str | None) -> None:
    assert heading_markdown(block, lambda text: text) == heading


def converted(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=SETTINGS).convert(text)


@given(
    st.lists(
        st.tuples(
            st.booleans(),
            st.text(
                st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co")), min_size=1
            ),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_a_page_as_markdown_converts_back_to_its_html(blocks: list[tuple[bool, str]]) -> None:
    """Headings and paragraphs of any text: the exported Markdown gives the same HTML."""
    source = "\n\n".join(
        ("## " if heading else "") + "".join(f"&#{ord(c)};" for c in text)
        for heading, text in blocks
    )
    html = converted(source)
    converter = Converter(EXTENSIONS, SETTINGS, lambda uri: uri, set())
    exported = converter.as_markdown(html, {}, "Title")
    body = exported.split("---\n", 2)[2]
    # Blocks are separated by blank lines now, which HTML does not see.
    assert split_blocks(converted(body)) == split_blocks(html)

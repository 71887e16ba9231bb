"""The per-briefing page cache: a warm build reuses rendered briefings, and never changes output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefings.site.model import RenderedSeed
from sitetools import BuiltSite, build_site, cache_entries, run_build, write_cache_entry

pytestmark = pytest.mark.slow

ARTICLE = (
    "date 2023-06-24\n\nRussian President Vladimir Putin spoke in Moscow on Saturday, "
    "TASS reported.\n\nPutin later left Moscow.\n"
)
GLOSSARY = """\
- id: vladimir-putin
  name: Vladimir Putin
  type: person
  aliases: [Putin]
  description: President of Russia.
- id: moscow
  name: Moscow
  type: place
  description: Capital of Russia.
"""
SOURCES = "- id: tass\n  name: TASS\n  kind: news agency\n"


def _cold(root: Path) -> BuiltSite:
    site = build_site(
        root, seeds={"a.txt": ARTICLE}, glossary=GLOSSARY, sources=SOURCES, strict=False
    )
    assert site.ok, site.error
    return site


def _entries(root: Path) -> dict[str, str]:
    return cache_entries(root, "pages")


def _page(site: BuiltSite) -> bytes:
    (url,) = site.briefing_urls()
    return (site.site / url / "index.html").read_bytes()


def test_warm_and_damaged_cache_give_the_same_pages(tmp_path: Path) -> None:
    cold = _cold(tmp_path)
    ((key, value),) = _entries(tmp_path).items()
    assert RenderedSeed.from_json(json.loads(value)) is not None
    warm = run_build(tmp_path / "mkdocs.yml", tmp_path / "warm", strict=False)
    write_cache_entry(tmp_path, "pages", key, '{"markdown": 3}')  # JSON, wrong shape: a miss
    damaged = run_build(tmp_path / "mkdocs.yml", tmp_path / "damaged", strict=False)
    assert _page(cold) == _page(warm) == _page(damaged)
    assert b'data-source="tass"' in _page(cold)
    assert RenderedSeed.from_json(json.loads(_entries(tmp_path)[key])) is not None  # rewritten


def test_warm_build_reads_the_cache(tmp_path: Path) -> None:
    _cold(tmp_path)
    ((key, value),) = _entries(tmp_path).items()
    data = json.loads(value)
    data["fragments"] = [f.replace("Saturday", "CACHED-SATURDAY") for f in data["fragments"]]
    write_cache_entry(tmp_path, "pages", key, json.dumps(data))
    warm = run_build(tmp_path / "mkdocs.yml", tmp_path / "warm", strict=False)
    assert b"CACHED-SATURDAY" in _page(warm)


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        (
            "glossary/entries.yml",
            "  type: place",
            "  type: event",
            b'data-entity="moscow" data-entity-type="event"',
        ),
        ("sources.yml", "news agency", "media", b"TASS (media)"),
        ("seeds/a.txt", "on Saturday", "on Sunday", b"on Sunday"),
    ],
)
def test_any_input_change_renders_again(
    tmp_path: Path, path: str, old: str, new: str, expected: bytes
) -> None:
    _cold(tmp_path)
    file = tmp_path / path
    file.write_text(file.read_text("utf-8").replace(old, new), "utf-8")
    again = run_build(tmp_path / "mkdocs.yml", tmp_path / "again", strict=False)
    assert expected in _page(again)
    # The cache keeps what the last build used: one entry, not one per edit.
    assert len(_entries(tmp_path)) == 1

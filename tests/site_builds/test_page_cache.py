"""The per-briefing page cache: a warm build reuses rendered briefings, and never changes output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefings.briefing_page import RenderedSeed
from sitetools import BuiltSite, build_site, run_build

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


def _entries(root: Path) -> list[Path]:
    return sorted((root / ".cache" / "briefings" / "pages").glob("*.json"))


def _page(site: BuiltSite) -> bytes:
    (url,) = site.briefing_urls()
    return (site.site / url / "index.html").read_bytes()


def test_warm_and_damaged_cache_give_the_same_pages(tmp_path: Path) -> None:
    cold = _cold(tmp_path)
    (entry,) = _entries(tmp_path)
    assert RenderedSeed.from_json(json.loads(entry.read_text("utf-8"))) is not None
    warm = run_build(tmp_path / "mkdocs.yml", tmp_path / "warm", strict=False)
    entry.write_text('{"markdown": 3}', "utf-8")  # valid JSON, wrong shape: a miss
    damaged = run_build(tmp_path / "mkdocs.yml", tmp_path / "damaged", strict=False)
    assert _page(cold) == _page(warm) == _page(damaged)
    assert b'data-source="tass"' in _page(cold)
    assert RenderedSeed.from_json(json.loads(entry.read_text("utf-8"))) is not None  # rewritten


def test_warm_build_reads_the_cache(tmp_path: Path) -> None:
    _cold(tmp_path)
    (entry,) = _entries(tmp_path)
    data = json.loads(entry.read_text("utf-8"))
    data["fragments"] = [f.replace("Saturday", "CACHED-SATURDAY") for f in data["fragments"]]
    entry.write_text(json.dumps(data), "utf-8")
    warm = run_build(tmp_path / "mkdocs.yml", tmp_path / "warm", strict=False)
    assert b"CACHED-SATURDAY" in _page(warm)


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        ("glossary/entries.yml", "of Russia.", "of the state.", b'title="President of the state.'),
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

"""The quick preview of an edited seed in ``mkdocs serve`` (briefings/live.py): which edits
take it, and the core's half of it, :meth:`Publisher.rerender`."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from briefings.live import changed_files, snapshot
from briefings.site.publisher import Publisher, PublisherOptions, Report

FIRST = "date 2022-09-07\n\nThe Harbour Authority of Velmar closed the port, officials said.\n"
SECOND = (
    "date 2022-09-08\n\nMayor Ilse Marren visited Kralovo on Monday, her office said.\n\n"
    "She met dock workers in Kralovo on the same day.\n"
)
STEM = "2022-09-08-mayor-ilse-marren-visited-kralovo-on-monday-her-office-said"


def _project(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(FIRST, "utf-8")
    (seeds / "b.txt").write_text(SECOND, "utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "places.yml").write_text(
        "- id: kralovo\n  name: Kralovo\n  type: place\n  description: A town.\n", "utf-8"
    )
    return seeds


def _touch(path: Path, text: str) -> None:
    """Write ``text`` and move the modification time on, as a later save does."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, "utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_only_edits_of_existing_seeds_take_the_quick_preview(tmp_path: Path) -> None:
    seeds = _project(tmp_path)
    watched = [seeds, tmp_path / "glossary"]
    before = snapshot(watched)
    assert changed_files(before, snapshot(watched), [seeds]) is None  # nothing changed

    _touch(seeds / "b.txt", SECOND.replace("Monday", "Tuesday"))
    edited = snapshot(watched)
    assert changed_files(before, edited, [seeds]) == [seeds / "b.txt"]

    _touch(tmp_path / "glossary" / "places.yml", "[]\n")
    assert changed_files(edited, snapshot(watched), [seeds]) is None  # the glossary changed

    latest = snapshot(watched)
    _touch(seeds / "c.txt", FIRST)
    assert changed_files(latest, snapshot(watched), [seeds]) is None  # a new seed

    latest = snapshot(watched)
    (seeds / "a.txt").unlink()
    assert changed_files(latest, snapshot(watched), [seeds]) is None  # a removed seed


def _finished_publisher(tmp_path: Path) -> Publisher:
    _project(tmp_path)
    publisher = Publisher(
        PublisherOptions(
            root=tmp_path,
            seeds_dir=tmp_path / "seeds",
            glossary_dir=tmp_path / "glossary",
            sources_file=tmp_path / "sources.yml",
            cache_dir=None,
            today=date(2026, 1, 1),
            parallel=False,
        )
    )
    assert not publisher.load().errors
    publisher.render_pages(lambda uri: uri.removesuffix(".md") + "/")
    return publisher


def test_an_edited_seed_is_rendered_again_against_the_finished_build(tmp_path: Path) -> None:
    publisher = _finished_publisher(tmp_path)
    seed = tmp_path / "seeds" / "b.txt"
    seed.write_text(SECOND.replace("the same day", "Thursday"), "utf-8")

    result = publisher.rerender(seed)

    assert result is not None
    src_uri, markdown = result
    assert src_uri == f"briefings/{STEM}.md"
    page = publisher.restore_html(f"briefings/{STEM}/", markdown)
    assert "Thursday" in page and "same day" not in page
    assert 'data-entity="kralovo"' in page


def test_edits_that_move_or_break_a_page_take_the_full_build(tmp_path: Path) -> None:
    publisher = _finished_publisher(tmp_path)
    seed = tmp_path / "seeds" / "b.txt"
    seed.write_text(SECOND.replace("2022-09-08", "2022-09-09"), "utf-8")
    assert publisher.rerender(seed) is None  # a new date moves the page
    seed.write_text(SECOND.replace("Mayor Ilse", "Governor Ilse"), "utf-8")
    assert publisher.rerender(seed) is None  # so does a new title
    seed.write_text(SECOND.replace("2022-09-08", "2022-13-45"), "utf-8")
    assert publisher.rerender(seed) is None  # a bad date: the full build reports it
    other = tmp_path / "seeds" / "c.txt"
    other.write_text(FIRST, "utf-8")
    assert publisher.rerender(other) is None  # not a page of this build


GLOSSARY = "- id: kralovo\n  name: Kralovo\n  type: place\n  description: A town.\n"


def test_an_edited_description_is_taken_in_with_the_pages_that_show_it(tmp_path: Path) -> None:
    publisher = _finished_publisher(tmp_path)
    places = tmp_path / "glossary" / "places.yml"
    places.write_text(GLOSSARY.replace("A town.", "A river port in the north."), "utf-8")

    assert publisher.redescribe([places]) == ["kralovo"]

    glossary_uri, entity_uris = publisher.description_pages("kralovo")
    assert entity_uris == ["entities/kralovo.md"]
    report = Report()
    assert "A river port in the north." in publisher.page_markdown(glossary_uri, report)
    entity = publisher.shell_page(entity_uris[0], report)
    assert "A river port in the north." in publisher.restore_html(
        "entities/kralovo/", entity.markdown
    )
    cards = b"".join(publisher.card_files().values()).decode()
    assert "A river port in the north." in cards and "A town." not in cards


def test_other_glossary_edits_take_the_full_build(tmp_path: Path) -> None:
    publisher = _finished_publisher(tmp_path)
    places = tmp_path / "glossary" / "places.yml"
    for edited in (
        GLOSSARY,  # nothing changed
        GLOSSARY.replace("name: Kralovo", "name: Kralov"),
        GLOSSARY.replace("type: place", "type: organization"),
        GLOSSARY.replace("description: A town.", "aliases: [Kralov]\n  description: A town."),
        GLOSSARY.replace("A town.", "''"),  # an empty description: a warning to report
        GLOSSARY + "- id: velmar\n  name: Velmar\n  type: place\n  description: A port.\n",
        "- id: kralovo\n  name: [broken\n",
    ):
        places.write_text(edited, "utf-8")
        assert publisher.redescribe([places]) is None, edited
    cards = b"".join(publisher.card_files().values()).decode()
    assert "A town." in cards

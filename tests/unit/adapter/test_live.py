"""The quick preview of an edited seed in ``mkdocs serve`` (briefings/live.py): which edits
take it, and the core's half of it, :meth:`Publisher.rerender`."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from briefings.live import LiveBuilds, changed_files, snapshot
from briefings.site.loading import is_input_file
from briefings.site.publisher import Publisher, PublisherOptions, Report
from mkdocs.livereload import LiveReloadServer

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
    assert changed_files(before, snapshot(watched), [seeds]) == []  # nothing changed

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


def _options(tmp_path: Path) -> PublisherOptions:
    return PublisherOptions(
        root=tmp_path,
        seeds_dir=tmp_path / "seeds",
        glossary_dir=tmp_path / "glossary",
        sources_file=tmp_path / "sources.yml",
        cache_dir=None,
        today=date(2026, 1, 1),
        parallel=False,
    )


def test_editors_backups_and_swap_files_are_no_inputs(tmp_path: Path) -> None:
    seeds = _project(tmp_path)
    glossary = tmp_path / "glossary"
    reads = functools.partial(is_input_file, _options(tmp_path))
    watched = [seeds, glossary]
    before = snapshot(watched, reads)
    assert set(before) == {str(seeds / "a.txt"), str(seeds / "b.txt"), str(glossary / "places.yml")}
    (seeds / ".drafts").mkdir()
    for name in ("b.txt~", "#b.txt#", ".b.txt.swp", ".#b.txt", ".drafts/c.txt", "notes.docx"):
        _touch(seeds / name, "scratch")
    for name in ("places.yml~", ".places.yml.swp", "README"):
        _touch(glossary / name, "scratch")
    assert changed_files(before, snapshot(watched, reads), [seeds, glossary]) == []
    assert changed_files(before, snapshot(watched), [seeds, glossary]) is None  # all files

    _touch(seeds / "new.TXT", FIRST)  # a seed suffix in capitals is a seed
    _touch(glossary / "people.yaml", "[]\n")
    after = snapshot(watched, reads)
    assert {str(seeds / "new.TXT"), str(glossary / "people.yaml")} <= after.keys()
    assert changed_files(before, after, [seeds, glossary]) is None


def _finished_publisher(tmp_path: Path) -> Publisher:
    _project(tmp_path)
    publisher = Publisher(_options(tmp_path))
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


def test_entries_moved_down_by_a_longer_description_keep_their_lines(tmp_path: Path) -> None:
    places = tmp_path / "glossary" / "places.yml"
    velmar = "- id: velmar\n  name: Velmar\n  type: place\n  description: A port.\n"
    _project(tmp_path)
    places.write_text(GLOSSARY + velmar, "utf-8")
    publisher = Publisher(_options(tmp_path))
    assert not publisher.load().errors
    publisher.render_pages(lambda uri: uri.removesuffix(".md") + "/")
    assert {e.id: e.line for e in publisher.glossary}["velmar"] == 5
    longer = GLOSSARY.replace("A town.", "|\n    A town\n    on a river.")
    places.write_text(longer + velmar, "utf-8")
    assert publisher.redescribe([places]) == ["kralovo"]  # only its description changed
    assert {e.id: e.line for e in publisher.glossary}["velmar"] == 7  # problems name line 7


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


class _Serve:
    """One ``mkdocs serve`` session reduced to its rebuilds: MkDocs' real live-reload
    server, :class:`LiveBuilds` attached to it, and a build that writes one page."""

    def __init__(self, tmp_path: Path) -> None:
        self.seeds = _project(tmp_path)
        self.reads = functools.partial(is_input_file, _options(tmp_path))
        self.first = tmp_path / "site"
        self.first.mkdir()
        self.server = LiveReloadServer(
            builder=self.build, host="127.0.0.1", port=0, root=str(self.first)
        )
        self.server.watch(str(self.seeds))
        self.live = LiveBuilds()
        self.during: Callable[[Path], None] = lambda folder: None  # runs mid-build
        self.builds: list[Path] = []
        self.version = 0
        self.build()  # serve's first build, before on_serve
        assert self.live.attach(self.server, self.build)

    def build(self) -> None:
        """What MkDocs' build does here: on_config, the pages, on_post_build."""
        self.live.build_starting([self.seeds], [self.seeds], self.reads)
        folder = Path(self.live.site_dir(str(self.first)))
        self.builds.append(folder)
        for old in folder.iterdir():  # MkDocs cleans the folder it builds into
            old.unlink()
        self.during(folder)
        self.version += 1
        (folder / "index.html").write_text(f"build {self.version}", "utf-8")
        (folder / "404.html").write_text(f"not found {self.version}", "utf-8")
        self.live.build_done(self.refresh)

    def refresh(self, paths: object) -> list[str]:
        """Step 1: the edited page, written into the served site."""
        (Path(self.server.root) / "index.html").write_text("quick", "utf-8")
        return ["/"]

    def change(self) -> None:
        """What serve's build loop does after a change: want a new epoch, call the
        builder, and publish the epoch when it returns."""
        server = self.server
        server._wanted_epoch = server._visible_epoch + 1
        server.builder()
        server._visible_epoch = server._wanted_epoch

    def served(self) -> str:
        return (Path(self.server.root) / "index.html").read_text("utf-8")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[_Serve]:
    session = _Serve(tmp_path)
    yield session
    session.live.close()
    session.server.server_close()


def test_the_served_site_stays_whole_while_the_full_build_runs(serve: _Serve) -> None:
    seen: list[tuple[str, str, list[str]]] = []
    serve.during = lambda folder: seen.append(
        (serve.server.root, serve.served(), sorted(p.name for p in folder.iterdir()))
    )
    first = serve.first
    _touch(serve.seeds / "b.txt", SECOND.replace("Monday", "Tuesday"))
    serve.change()
    # During the full build the first folder, with the quick page, was served as it was,
    # and the new build went into a second, empty folder.
    assert seen == [(str(first), "quick", [])]
    assert serve.builds[-1] != first
    assert serve.server.root == str(serve.builds[-1])
    assert serve.served() == "build 2"
    assert (first / "index.html").read_text("utf-8") == "quick"  # not emptied, not moved
    assert serve.server.error_handler(404) == b"not found 2"  # from the folder served

    # The folders take turns.
    second = serve.builds[-1]
    seen.clear()
    _touch(serve.seeds / "b.txt", SECOND.replace("Monday", "Friday"))
    serve.change()
    assert seen == [(str(second), "quick", [])]
    assert serve.builds[-1] == first and serve.server.root == str(first)
    assert serve.served() == "build 3"


def test_a_failed_full_build_leaves_the_quick_pages_served(serve: _Serve) -> None:
    def fail(folder: Path) -> None:
        raise RuntimeError("the build broke")

    serve.during = fail
    _touch(serve.seeds / "b.txt", SECOND.replace("Monday", "Tuesday"))
    with pytest.raises(RuntimeError):
        serve.change()
    server = serve.server
    assert server.root == str(serve.first) and serve.served() == "quick"
    # The epoch of the quick pages was published: requests do not wait for a build.
    assert server._visible_epoch == server._wanted_epoch
    # The half-built folder is reused by the next build, not a third one made.
    half = serve.builds[-1]
    serve.during = lambda folder: None
    serve.live.build_failed()
    serve.change()  # after a failed build: the full build, in place
    assert serve.builds[-1] == serve.first and serve.served() == f"build {serve.version}"
    _touch(serve.seeds / "b.txt", SECOND.replace("Monday", "Sunday"))
    serve.change()
    assert serve.builds[-1] == half and serve.server.root == str(half)


def test_changes_to_files_no_build_reads_rebuild_nothing(serve: _Serve) -> None:
    builds = len(serve.builds)
    _touch(serve.seeds / ".b.txt.swp", "vim")
    _touch(serve.seeds / "b.txt~", "backup")
    serve.change()
    assert len(serve.builds) == builds and serve.served() == "build 1"
    # No browser reloads: the epoch wanted is the one already shown.
    assert serve.server._visible_epoch == serve.server._wanted_epoch
    _touch(serve.seeds / "b.txt", SECOND.replace("Monday", "Tuesday"))
    serve.change()
    assert len(serve.builds) == builds + 1


def test_a_watched_folder_the_snapshot_lacks_takes_the_full_build(serve: _Serve) -> None:
    theme = serve.seeds.parent / "theme"
    theme.mkdir()
    serve.server.watch(str(theme))  # `mkdocs serve --watch-theme`
    builds = len(serve.builds)
    _touch(theme / "main.html", "<html></html>")
    serve.change()
    assert len(serve.builds) == builds + 1


def test_closing_removes_the_folders_made_for_serve(serve: _Serve) -> None:
    _touch(serve.seeds / "b.txt", SECOND.replace("Monday", "Tuesday"))
    serve.change()
    second = serve.builds[-1]
    assert second.is_dir() and second != serve.first
    serve.live.close()
    assert not second.exists()
    assert serve.first.is_dir()  # serve removes its own

"""Quick previews in ``mkdocs serve``: an edited seed's page is served within about a second.

``mkdocs serve`` rebuilds the whole site after any change and holds every request until the
rebuild is done: at 1,000 briefings an editor would wait half a minute to see one saved word.
:class:`LiveBuilds` takes over serve's rebuild (the adapter installs it in ``on_serve``):

1. When the only files changed since the last build are seeds that build published, or
   glossary files whose edits change descriptions only, the adapter makes just the pages
   that show them again, with the last build's glossary, sources, cross-page facts and
   theme (:meth:`~briefings.site.publisher.Publisher.rerender` for a seed's page,
   :meth:`~briefings.site.publisher.Publisher.redescribe` for an entry's glossary and
   entity pages and cards), and writes them into the served site. Browsers reload and
   show the edit.
2. Then serve's own full build runs, into a fresh folder, while the site of the last build
   (with the pages of step 1) is served from where it was moved. What the edit changes
   elsewhere (listings, entity pages, backlinks, search, feeds) is served once this build
   is done: it replaces the old site and browsers reload again.

Anything else (a new, removed or unreadable seed, a seed whose page moves, a glossary
edit other than descriptions, a sources, docs or configuration change) takes serve's full
build at once, as without this module. Step 1 uses private parts of MkDocs 1.6 (its
page-building functions and the live-reload server's epochs); MkDocs 1.x gets no more
releases, and without them, or when step 1 fails for any reason, the full build runs as
usual.

Like ``plugin.py``, this is adapter code: the core never imports it.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

# Edits of more seeds than this at once (a pull, a bulk rename) take the full build only.
QUICK_LIMIT = 5

Snapshot = dict[str, tuple[int, int]]  # file path -> (mtime in ns, size)
Refresh = Callable[[Sequence[Path]], list[str] | None]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Return the modification time and size of every file at or under ``paths``."""
    out: Snapshot = {}
    for path in paths:
        if path.is_file():
            _add(out, str(path))
            continue
        for folder, _dirs, names in os.walk(path):
            for name in names:
                _add(out, os.path.join(folder, name))
    return out


def _add(out: Snapshot, path: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:  # removed while we looked
        return
    out[path] = (stat.st_mtime_ns, stat.st_size)


def changed_files(before: Snapshot, after: Snapshot, folders: Sequence[Path]) -> list[Path] | None:
    """Return the files modified between two snapshots, or None when anything else changed
    too (a file added or removed, or one outside ``folders``), or nothing did."""
    if before.keys() != after.keys():
        return None
    changed = [path for path, stat in after.items() if before[path] != stat]
    prefixes = tuple(str(folder) + os.sep for folder in folders)
    if not changed or any(not path.startswith(prefixes) for path in changed):
        return None
    return [Path(path) for path in sorted(changed)]


class LiveBuilds:
    """The rebuilds of one ``mkdocs serve``: quick for edited seeds (see the module)."""

    def __init__(self) -> None:
        self._server: Any = None
        self._builder: Callable[[], None] | None = None
        self._folders: tuple[Path, ...] = ()  # where edits may take step 1
        self._watched: tuple[Path, ...] = ()
        self._starting: Snapshot | None = None  # inputs when the current build started
        self._built: Snapshot | None = None  # inputs of the last finished build
        self._refresh: Refresh | None = None
        self._lock = threading.Lock()

    # -- called by the adapter ---------------------------------------------------------------

    def attach(self, server: Any, builder: Callable[[], None]) -> bool:
        """Take over ``server``'s rebuilds, ``builder`` being serve's full build; return
        False (serve rebuilds as usual) when the server lacks what step 1 needs."""
        needed = ("root", "_epoch_cond", "_visible_epoch", "_wanted_epoch", "builder")
        if not all(hasattr(server, name) for name in needed):
            return False
        self._server, self._builder = server, builder
        server.builder = self.rebuild
        return True

    def build_starting(self, folders: Sequence[Path], watched: Sequence[Path]) -> None:
        """A build starts reading its inputs (``watched``): remember them as they are now.
        Edits of files in ``folders`` alone may take step 1."""
        with self._lock:
            self._folders = tuple(folders)
            self._watched = tuple(watched)
            self._starting = snapshot(self._watched)
            self._refresh = None

    def build_done(self, refresh: Refresh) -> None:
        """The build finished; ``refresh(edited files)`` rewrites the pages that show them in
        its site and returns their URLs, or returns None when it cannot."""
        with self._lock:
            self._built, self._refresh = self._starting, refresh

    def build_failed(self) -> None:
        """The build stopped: the next change takes a full build."""
        with self._lock:
            self._refresh = None

    # -- serve's builder ---------------------------------------------------------------------

    def rebuild(self) -> None:
        """Serve's rebuild after a change: step 1 when it applies, then the full build."""
        assert self._builder is not None
        urls = self._quick()
        if urls is None:
            self._builder()
            return
        self._full_behind(urls)

    def _quick(self) -> list[str] | None:
        """Step 1: rewrite the pages showing the edited files; return their URLs, or None."""
        with self._lock:
            refresh, built, folders = self._refresh, self._built, self._folders
        if refresh is None or built is None:
            return None
        edited = changed_files(built, snapshot(self._watched), folders)
        if edited is None or len(edited) > QUICK_LIMIT:
            return None
        start = time.perf_counter()
        try:
            urls = refresh(edited)
        except Exception as error:
            log.debug("quick preview failed, building the whole site: %r", error)
            return None
        if urls is not None:
            log.info(
                "%s served in %.2f s; now rebuilding the rest of the site",
                ", ".join(urls[:3]) + (f" and {len(urls) - 3} more" if len(urls) > 3 else ""),
                time.perf_counter() - start,
            )
        return urls

    def _full_behind(self, urls: list[str]) -> None:
        """Step 2: let browsers reload the pages of step 1 while serve's full build runs
        into a fresh folder; then serve that build."""
        assert self._builder is not None
        server = self._server
        site = Path(server.root)
        previous = site.with_name(site.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        try:
            site.rename(previous)
            site.mkdir()
        except OSError as error:  # the full build runs in place, as serve's own does
            log.debug("cannot keep the previous site while rebuilding: %r", error)
            self._builder()
            return
        server.root = str(previous)
        with server._epoch_cond:  # the edited pages are served: browsers reload now
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()
        try:
            self._builder()
        finally:
            with server._epoch_cond:
                # Requests wait until the build loop publishes this epoch, then see the new
                # site (and browsers reload): it is later than the one just published.
                server._wanted_epoch = max(server._visible_epoch + 1, _timestamp())
                server.root = str(site)
            shutil.rmtree(previous, ignore_errors=True)


def _timestamp() -> int:
    """Return a live-reload epoch: milliseconds of the monotonic clock, as MkDocs uses."""
    return round(time.monotonic() * 1000)

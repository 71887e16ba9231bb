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
   show the edit. The pages go through MkDocs' page events again, as in a ``--dirty``
   build, so other plugins' ``on_page_*`` handlers run for them once more after their
   ``on_post_build``; their results are replaced by step 2 moments later.
2. Then serve's own full build runs into a second folder, while the site of the last build
   (with the pages of step 1) is still served from the first. What the edit changes
   elsewhere (listings, entity pages, backlinks, search, feeds) is served once this build
   is done: serve switches to the second folder and browsers reload again. The two folders
   take turns, so the folder being served is never emptied or moved.

Changes to files no build reads (editors' backups and swap files in the seeds or glossary
folder) rebuild nothing.

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
import tempfile
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
Reads = Callable[[Path], bool]


def snapshot(paths: Iterable[Path], reads: Reads | None = None) -> Snapshot:
    """Return the modification time and size of every file at or under ``paths``, or of
    those ``reads(file)`` accepts."""
    out: Snapshot = {}
    for path in paths:
        if path.is_file():
            _add(out, str(path))
            continue
        for folder, _dirs, names in os.walk(path):
            for name in names:
                file = os.path.join(folder, name)
                if reads is None or reads(Path(file)):
                    _add(out, file)
    return out


def _add(out: Snapshot, path: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:  # removed while we looked
        return
    out[path] = (stat.st_mtime_ns, stat.st_size)


def changed_files(before: Snapshot, after: Snapshot, folders: Sequence[Path]) -> list[Path] | None:
    """Return the files modified between two snapshots (an empty list: none), or None when
    anything else changed too (a file added or removed, or one outside ``folders``)."""
    if before.keys() != after.keys():
        return None
    changed = [path for path, stat in after.items() if before[path] != stat]
    prefixes = tuple(str(folder) + os.sep for folder in folders)
    if any(not path.startswith(prefixes) for path in changed):
        return None
    return [Path(path) for path in sorted(changed)]


def _within(path: str, roots: Iterable[Path]) -> bool:
    """Whether ``path`` is one of ``roots`` or lies under one."""
    return any(Path(path).is_relative_to(root) for root in roots)


class LiveBuilds:
    """The rebuilds of one ``mkdocs serve``: quick for edited seeds (see the module)."""

    def __init__(self) -> None:
        self._server: Any = None
        self._builder: Callable[[], None] | None = None
        self._folders: tuple[Path, ...] = ()  # where edits may take step 1
        self._watched: tuple[Path, ...] = ()
        self._reads: Reads | None = None
        self._starting: Snapshot | None = None  # inputs when the current build started
        self._built: Snapshot | None = None  # inputs of the last finished build
        self._refresh: Refresh | None = None
        self._target: Path | None = None  # where the build behind the served site writes
        self._spare: Path | None = None  # the folder served before the last switch
        self._made: list[Path] = []  # folders made here, removed by close()
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
        server.error_handler = self._error_page
        return True

    def site_dir(self, default: str) -> str:
        """Return the folder the build starting now writes into: the one being served, or
        the other one while the served site stays (step 2); ``default`` before serving."""
        with self._lock:
            if self._target is not None:
                return str(self._target)
        return str(self._server.root) if self._server is not None else default

    def build_starting(
        self, folders: Sequence[Path], watched: Sequence[Path], reads: Reads | None = None
    ) -> None:
        """A build starts reading its inputs (``watched``; of the files in them, those
        ``reads(file)`` accepts): remember them as they are now. Edits of files in
        ``folders`` alone may take step 1."""
        with self._lock:
            self._folders = tuple(folders)
            self._watched = tuple(watched)
            self._reads = reads
            self._refresh = None
        current = snapshot(self._watched, reads)
        with self._lock:
            self._starting = current

    def build_done(self, refresh: Refresh) -> None:
        """The build finished; ``refresh(edited files)`` rewrites the pages that show them in
        its site and returns their URLs, or returns None when it cannot."""
        with self._lock:
            self._built, self._refresh = self._starting, refresh

    def build_failed(self) -> None:
        """The build stopped: the next change takes a full build."""
        with self._lock:
            self._refresh = None

    def close(self) -> None:
        """Serve stopped: remove the folders made here (serve removes its own)."""
        for folder in self._made:
            shutil.rmtree(folder, ignore_errors=True)
        self._made = []

    # -- serve's builder ---------------------------------------------------------------------

    def rebuild(self) -> None:
        """Serve's rebuild after a change: nothing when no file a build reads changed, else
        step 1 when it applies, then the full build."""
        assert self._builder is not None
        edited = self._edited()
        if edited == []:
            self._skip()
            return
        urls = self._quick(edited)
        if urls is None:
            self._builder()
            return
        self._full_behind(urls)

    def _edited(self) -> list[Path] | None:
        """Return the files edited since the last build when only seeds or glossary files
        were (an empty list when no file a build reads changed), or None."""
        with self._lock:
            refresh, built, folders = self._refresh, self._built, self._folders
            watched, reads = self._watched, self._reads
        if refresh is None or built is None:
            return None
        edited = changed_files(built, snapshot(watched, reads), folders)
        if edited == []:
            served = getattr(self._server, "_watched_paths", None)
            if served is None or not all(_within(path, watched) for path in served):
                return None  # serve watches more than the snapshot holds (the theme, say)
        return edited

    def _skip(self) -> None:
        """Serve saw only files no build reads change: keep the site, reload no browser."""
        server = self._server
        log.debug("only files no build reads changed: nothing to rebuild")
        with server._epoch_cond:
            server._wanted_epoch = server._visible_epoch
            server._epoch_cond.notify_all()

    def _quick(self, edited: list[Path] | None) -> list[str] | None:
        """Step 1: rewrite the pages showing the ``edited`` files; return their URLs, or None."""
        with self._lock:
            refresh = self._refresh
        if refresh is None or edited is None or len(edited) > QUICK_LIMIT:
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
        into the other folder; then serve that folder."""
        assert self._builder is not None
        server = self._server
        served = Path(server.root)
        target = self._other_folder(served)
        with server._epoch_cond:  # the edited pages are served: browsers reload now
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()
        if target is None:
            self._builder()  # in place, as serve's own rebuild
            return
        with self._lock:
            self._target = target
        try:
            self._builder()
        except BaseException:
            self._spare = target  # half built: the served site stays, and so do its epochs
            raise
        finally:
            with self._lock:
                self._target = None
        with server._epoch_cond:
            # Requests wait until the build loop publishes this epoch, then see the new
            # site (and browsers reload): it is later than the one just published.
            server._wanted_epoch = max(server._visible_epoch + 1, _timestamp())
            server.root = str(target)
        self._spare = served

    def _other_folder(self, served: Path) -> Path | None:
        """Return the folder the next site is built into while ``served`` is served."""
        if self._spare is not None and self._spare != served and self._spare.is_dir():
            return self._spare
        try:
            folder = Path(tempfile.mkdtemp(prefix=served.name + "-", dir=served.parent))
        except OSError as error:
            log.debug("cannot make a second site folder, rebuilding in place: %r", error)
            return None
        self._made.append(folder)
        return folder

    def _error_page(self, code: int) -> bytes | None:
        """Serve's error pages (404.html), from the folder being served."""
        if code not in (404, 500):
            return None
        try:
            return (Path(self._server.root) / f"{code}.html").read_bytes()
        except OSError:
            return None


def _timestamp() -> int:
    """Return a live-reload epoch: milliseconds of the monotonic clock, as MkDocs uses."""
    return round(time.monotonic() * 1000)

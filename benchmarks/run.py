"""Time plain Material builds against builds with the briefings plugin (issues 9 and 18).

For every article count N and glossary size G this writes one corpus
(:mod:`benchmarks.corpus`, realistic density unless ``--density low``) as two sites
(:mod:`benchmarks.sites`), then builds each in a fresh ``python -m mkdocs build`` child
process: (a) the articles as plain Markdown pages with the plugin disabled, (b) the same
articles as seeds with the plugin enabled, cold (no cache), and (c) the floor: the pages of
the first (b) build as final HTML, built by plain Material with no Markdown conversion and
no plugin work (:mod:`benchmarks.floor`). After them (b) is built again with the cache full
and nothing changed ("warm"), then once more after one seed was edited. Each build's wall
time, CPU time (user + system) and peak resident memory come from ``os.wait4`` on the child.
With ``--repeat R`` every build runs R times, (a), (b) and (c) interleaved; the table shows
the fastest run (the least disturbed by other work on a shared machine) and the largest peak.

The result is a Markdown report: the table, the issue's targets as ratios from this one
run, what the generator put into the corpus, what the plugin found in the built pages, the
largest files of the first plugin build (the 1 MB size bound of issue 16) and the warnings
of the (non-strict) plugin builds. ``make bench`` prints it and writes
``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_SEED, DENSITIES, CorpusStats, corpus_stats, make_corpus
from benchmarks.floor import write_floor_site
from benchmarks.sites import PROJECT_CONFIG, write_plain_site, write_plugin_site

REPO = Path(__file__).resolve().parent.parent
DEFAULT_WORKDIR = REPO / "benchmarks" / "out"
MIB = 1024 * 1024
_WARNING_RE = re.compile(r"^WARNING\s*-\s*(?P<text>.*)$")
_QUOTED_RE = re.compile(r"'[^']*'|\"[^\"]*\"")
_PATH_RE = re.compile(r"\S+\.(?:txt|md|yml|yaml|html)(?::\d+)?")
_NUMBER_RE = re.compile(r"\d+")
_BOX_CLASS = "briefing-entities"
_UNREVIEWED_CLASS = "entity--unreviewed"
_FOOTNOTE_RE = re.compile(r'class="footnote-ref"')

# The targets of issue 18, all ratios measured in the same run, at the largest (N, G).
TARGET_COLD = 1.5  # (b) cold over (a) plain
TARGET_WARM = 1.2  # (b) warm (cache full, nothing changed) over (a) plain
TARGET_FLOOR = 1.1  # (b) cold over (c) floor
LINEAR_SLACK = 1.1  # 3,000 articles may cost 3.3x 1,000: 10 % above linear
TARGET_MEMORY = 1024 * MIB
KINDS = ("plain", "plugin", "floor", "warm", "edited")
MISSED = "**missed**"
# The size bound of issue 16: no page, and no file a page loads or a reader fetches, above 1 MB.
SIZE_BOUND = 1024 * 1024
KB = 1024
# Files a page loads or a reader fetches besides HTML: cards/*.json, the search index,
# reports/sourcing.json, feeds, scripts and styles, and the sitemap (Material's instant
# navigation loads it on a reader's first visit). Not images or fonts (the theme's own,
# the same for every site), not source maps (only developer tools load them), and not
# Material's search language support
# (``assets/javascripts/lunr/``, such as the 660 KB ``wordcut.js`` for Thai), which the
# search worker loads only for a site in those languages, never for this English one.
FETCHED_SUFFIXES = (".json", ".xml", ".js", ".css")
NOT_FETCHED_DIRS = ("assets/javascripts/lunr/",)
SEARCH_INDEX = "search/search_index.json"  # Material's own; grows with N, plugin or not
ENTITIES_DIR = "entities"
# What a large plugin build says it spent on the entity pages and the feeds (plugin.py).
_GENERATED_RE = re.compile(
    r"(?P<pages>\d+) entity pages written in (?P<pages_s>[\d.]+) s; "
    r"feeds, cards and report data in (?P<feeds_s>[\d.]+) s"
)
TARGET_GENERATED = 0.15  # issue 16: entity pages and feeds add at most 15 % to the cold build
NONE = "–"


@dataclass(frozen=True, slots=True)
class Measurement:
    """One build in a child process: what it cost and what it logged."""

    wall: float
    cpu: float
    peak_rss: int
    returncode: int
    warnings: tuple[str, ...]
    log: Path
    # (entity pages, seconds writing them, seconds writing feeds, cards and report data),
    # as a large plugin build logs them; None for other builds and older results.
    generated: tuple[int, float, float] | None = None


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Means over a sample of built briefing pages: entity marks and footnote references."""

    pages: int
    entities: float
    footnotes: float
    unreviewed: float = 0.0  # of the entity marks, those of names outside the glossary


@dataclass(frozen=True, slots=True)
class FileSize:
    """One file of a built site: its path relative to the site (with ``/``) and its bytes."""

    path: str
    size: int


@dataclass(frozen=True, slots=True)
class LargestFiles:
    """The largest files of a built site, for the size bound of issue 16."""

    html: FileSize | None  # the largest HTML page
    other: FileSize | None  # the largest other file a page loads or a reader fetches
    other_own: FileSize | None  # the same, leaving out Material's search index
    search_index: int | None  # bytes of search/search_index.json, None if there is none
    entity_pages: int  # HTML pages under entities/

    def largest_own(self) -> FileSize | None:
        """Return the largest HTML page or fetched file other than the search index."""
        files = [f for f in (self.html, self.other_own) if f is not None]
        return max(files, key=lambda f: (f.size, f.path)) if files else None


@dataclass(slots=True)
class Row:
    """All runs of one (N, G) point."""

    articles: int
    entries: int
    stats: CorpusStats
    plain: list[Measurement] = field(default_factory=list)
    plugin: list[Measurement] = field(default_factory=list)
    counts: PageCounts | None = None
    edited: list[Measurement] = field(default_factory=list)  # rebuild after one seed edit
    floor: list[Measurement] = field(default_factory=list)  # (c) the plugin's HTML, plain
    warm: list[Measurement] = field(default_factory=list)  # (b) again, cache full
    floor_pages: int = 0
    largest: LargestFiles | None = None  # of the first successful (b) build
    floor_extra: float = 0.0  # s: the (b) build's entity pages, added to each floor run

    def runs(self, kind: str) -> list[Measurement]:
        """Return the successful runs of ``kind`` (one of :data:`KINDS`)."""
        runs: list[Measurement] = getattr(self, kind)
        return [m for m in runs if m.returncode == 0]

    def best(self, kind: str) -> Measurement | None:
        """Return the fastest successful run of ``kind`` (one of :data:`KINDS`), or None."""
        runs = self.runs(kind)
        return min(runs, key=lambda m: m.wall) if runs else None

    def peak(self, kind: str) -> int | None:
        """Return the largest peak RSS in bytes of the successful runs of ``kind``, or None."""
        runs = self.runs(kind)
        return max(m.peak_rss for m in runs) if runs else None

    def ratio(self, kind: str = "plugin", base: str = "plain") -> float | None:
        """Return the wall time of ``kind`` over that of ``base`` (best runs), or None."""
        first, second = self.best(kind), self.best(base)
        return first.wall / second.wall if first and second else None

    def cpu_ratio(self, kind: str = "plugin", base: str = "plain") -> float | None:
        """Return the CPU time of ``kind`` over that of ``base`` (best runs), or None."""
        first, second = self.best(kind), self.best(base)
        return first.cpu / second.cpu if first and second and second.cpu else None

    def edit_ratio(self) -> float | None:
        """Return the rebuild after one edit (warm cache) over the plain build, or None."""
        return self.ratio("edited")


def build(config: Path, site_dir: Path, log: Path) -> Measurement:
    """Run ``mkdocs build`` for ``config`` in a child process and return its measurement.

    The child's output goes to ``log``; its peak RSS and CPU time come from ``os.wait4``,
    so they are the child's alone, not those of earlier children.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config)]
    command += ["--site-dir", str(site_dir)]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text("utf-8", errors="replace")
    warnings = tuple(
        match["text"] for line in text.splitlines() if (match := _WARNING_RE.match(line))
    )
    found = _GENERATED_RE.search(text)
    generated = (
        (int(found["pages"]), float(found["pages_s"]), float(found["feeds_s"])) if found else None
    )
    return Measurement(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_rss=usage.ru_maxrss * 1024,  # kilobytes on Linux
        returncode=child.returncode,
        warnings=warnings,
        log=log,
        generated=generated,
    )


def warning_kind(text: str) -> str:
    """Return ``text`` with paths, quoted names and numbers blanked, to group warnings."""
    text = _PATH_RE.sub("<file>", text)
    text = _QUOTED_RE.sub("'...'", text)
    return _NUMBER_RE.sub("N", text)[:110]


class _MarkCounter(HTMLParser):
    """Counts entity marks in a page's text, leaving out the per-briefing entities box."""

    def __init__(self) -> None:
        super().__init__()
        self.marks = 0
        self.unreviewed = 0
        self.box_tag = ""
        self.box_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Count a mark outside the box; track how deep inside the box we are."""
        if self.box_depth:
            self.box_depth += tag == self.box_tag
            return
        names = dict(attrs)
        if _BOX_CLASS in (names.get("class") or "").split():
            self.box_tag, self.box_depth = tag, 1
        elif "data-entity" in names:
            self.marks += 1
            self.unreviewed += _UNREVIEWED_CLASS in (names.get("class") or "").split()

    def handle_endtag(self, tag: str) -> None:
        """Leave the box when its element closes."""
        if self.box_depth and tag == self.box_tag:
            self.box_depth -= 1


def count_marks(site_dir: Path, sample: int = 50) -> PageCounts:
    """Return the mean entity marks and footnote references of up to ``sample`` briefings.

    Marks in the entities box at the top of a briefing are not counted, so the mean is
    comparable with the mentions the generator wrote.
    """
    pages = sorted(site_dir.glob("briefings/*/index.html"))[:sample]
    entities = footnotes = unreviewed = 0
    for page in pages:
        html = page.read_text("utf-8")
        counter = _MarkCounter()
        counter.feed(html)
        counter.close()
        entities += counter.marks
        unreviewed += counter.unreviewed
        footnotes += len(_FOOTNOTE_RE.findall(html))
    count = max(1, len(pages))
    return PageCounts(len(pages), entities / count, footnotes / count, unreviewed / count)


def _larger(current: FileSize | None, path: str, size: int) -> FileSize:
    """Return the larger of ``current`` and the file (``path``, ``size``); ties by path."""
    if current is None or (size, path) > (current.size, current.path):
        return FileSize(path, size)
    return current


def largest_files(site_dir: Path) -> LargestFiles:
    """Return the largest HTML page and fetched file of the site built in ``site_dir``.

    Fetched files are those with a suffix of :data:`FETCHED_SUFFIXES` except those under
    :data:`NOT_FETCHED_DIRS`; the search index
    counts among them and, separately, is left out of ``other_own``. Paths are relative
    to ``site_dir``, with ``/``. Ties go to the path that sorts last, so the result does
    not depend on the order of the walk.
    """
    html: FileSize | None = None
    other: FileSize | None = None
    own: FileSize | None = None
    search_index: int | None = None
    entity_pages = 0
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        size = path.stat().st_size
        if path.suffix == ".html":
            html = _larger(html, relative, size)
            entity_pages += relative.startswith(f"{ENTITIES_DIR}/")
        elif path.suffix in FETCHED_SUFFIXES and not relative.startswith(NOT_FETCHED_DIRS):
            other = _larger(other, relative, size)
            if relative == SEARCH_INDEX:
                search_index = size
            else:
                own = _larger(own, relative, size)
    return LargestFiles(html, other, own, search_index, entity_pages)


def _log(row: Row, label: str, result: Measurement, extra: str = "") -> None:
    status = "ok" if result.returncode == 0 else f"FAILED, see {result.log}"
    print(
        f"  N={row.articles} G={row.entries} {label:16} {result.wall:6.2f} s, "
        f"{result.peak_rss / MIB:5.0f} MiB, {len(result.warnings)} warnings, {status}{extra}",
        file=sys.stderr,
        flush=True,
    )


def measure_point(
    articles: int,
    entries: int,
    seed: int,
    repeat: int,
    workdir: Path,
    keep: bool,
    density: str = DENSITIES[0],
) -> Row:
    """Write the corpus of (``articles``, ``entries``) and time its builds ``repeat`` times.

    Per attempt (a) plain, (b) plugin cold and (c) floor, in an order that alternates; the
    floor site is written from the first successful (b) build. Then (b) warm (the cache of
    the last cold build, nothing changed) ``repeat`` times, and (b) after one seed edit.
    """
    corpus = make_corpus(articles, entries, seed, density)
    suffix = "" if density == DENSITIES[0] else f"-{density}"
    root = workdir / f"n{articles}-g{entries}{suffix}"
    shutil.rmtree(root, ignore_errors=True)
    configs = {
        "plain": write_plain_site(corpus, root / "plain", PROJECT_CONFIG),
        "plugin": write_plugin_site(corpus, root / "plugin", PROJECT_CONFIG),
    }
    row = Row(articles, entries, corpus_stats(corpus))
    for attempt in range(repeat):
        order = ("plain", "plugin", "floor") if attempt % 2 == 0 else ("plugin", "floor", "plain")
        for kind in order:
            if kind not in configs:
                continue  # no floor without a successful plugin build
            site = root / kind / "site"
            # Every measured plugin build is cold: no cache left by the run before.
            shutil.rmtree(root / kind / ".cache", ignore_errors=True)
            result = build(configs[kind], site, root / f"{kind}-{attempt + 1}.log")
            if kind == "floor":
                # The floor leaves the entity pages out (benchmarks/floor.py): it gets the
                # time the (b) build it was made from spent writing them, by its own log.
                result = dataclasses.replace(
                    result, wall=result.wall + row.floor_extra, cpu=result.cpu + row.floor_extra
                )
            getattr(row, kind).append(result)
            _log(row, f"{kind} run {attempt + 1}", result)
            if kind == "plugin" and result.returncode == 0 and "floor" not in configs:
                row.floor_extra = result.generated[1] if result.generated else 0.0
                row.counts = count_marks(site)
                row.largest = largest_files(site)
                configs["floor"], row.floor_pages = write_floor_site(
                    site, configs["plugin"], root / "floor", PROJECT_CONFIG
                )
            if not keep:
                shutil.rmtree(site, ignore_errors=True)
    if row.best("plugin") is not None:
        site = root / "plugin" / "site"
        # A rebuild with the cache the last cold build left and nothing changed.
        for attempt in range(repeat):
            result = build(configs["plugin"], site, root / f"plugin-warm-{attempt + 1}.log")
            row.warm.append(result)
            _log(row, f"warm run {attempt + 1}", result)
        # What `make serve` does after an editor saves a seed: a rebuild with the cache the
        # last build left, one seed changed (its discovery and page are computed again).
        edited = sorted((root / "plugin" / "seeds").glob("*.txt"))[0]
        edited.write_text(
            edited.read_text("utf-8").rstrip("\n") + " An editor added this sentence.\n", "utf-8"
        )
        result = build(configs["plugin"], site, root / "plugin-edit.log")
        row.edited.append(result)
        _log(row, "after one edit", result)
        if not keep:
            shutil.rmtree(site, ignore_errors=True)
    if not keep:  # the corpus can be written again from its seed; the logs stay
        for kind in configs:
            shutil.rmtree(root / kind, ignore_errors=True)
    return row


# --- the report ------------------------------------------------------------------------


def _seconds(measurement: Measurement | None) -> str:
    return f"{measurement.wall:.2f}" if measurement else "failed"


def _cpu(measurement: Measurement | None) -> str:
    return f"{measurement.cpu:.2f}" if measurement else "-"


def _ratio(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "-"


def _mib(value: int | None) -> str:
    return f"{value / MIB:.0f}" if value is not None else "-"


def results_table(rows: Sequence[Row]) -> str:
    """Return the Markdown table of every (N, G) point."""
    lines = [
        "| N | G | (a) plain s | (b) plugin s | (c) floor s | b/a | b/c | (b) warm s | warm/a "
        "| (b) after one edit s | edit/a | (a) CPU s | (b) CPU s | (c) CPU s | b/a CPU "
        "| (a) peak MiB | (b) peak MiB | (c) peak MiB |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        plain, plugin, floor = row.best("plain"), row.best("plugin"), row.best("floor")
        lines.append(
            f"| {row.articles:,} | {row.entries:,} | {_seconds(plain)} | {_seconds(plugin)} "
            f"| {_seconds(floor) if row.floor else '-'} | {_ratio(row.ratio())} "
            f"| {_ratio(row.ratio('plugin', 'floor'))} "
            f"| {_seconds(row.best('warm')) if row.warm else '-'} "
            f"| {_ratio(row.ratio('warm'))} "
            f"| {_seconds(row.best('edited')) if row.edited else '-'} "
            f"| {_ratio(row.edit_ratio())} "
            f"| {_cpu(plain)} | {_cpu(plugin)} | {_cpu(floor)} | {_ratio(row.cpu_ratio())} "
            f"| {_mib(row.peak('plain'))} | {_mib(row.peak('plugin'))} "
            f"| {_mib(row.peak('floor'))} |"
        )
    return "\n".join(lines)


def _find(rows: Iterable[Row], articles: int, entries: int) -> Row | None:
    return next((r for r in rows if r.articles == articles and r.entries == entries), None)


def _verdict(wall_ok: bool, cpu_ok: bool) -> str:
    """Return the verdict on a target judged on wall time and on CPU time."""
    if wall_ok and cpu_ok:
        return "met"
    if not wall_ok and not cpu_ok:
        return MISSED
    return "unclear: wall and CPU disagree (noise), rerun with --repeat 3"


def _pair(low: Row | None, high: Row | None, kind: str) -> tuple[Measurement, Measurement] | None:
    """Return the best runs of ``kind`` at two points, or None if either is missing."""
    first = low.best(kind) if low else None
    second = high.best(kind) if high else None
    return (first, second) if first and second else None


def target_lines(rows: Sequence[Row]) -> list[str]:
    """Return the Markdown table rows of the issue's targets measured in this run.

    Each target is judged on wall time (as the issue states it) and on CPU time (which other
    processes on a shared machine disturb less); when the two disagree the verdict says so.
    The ratio targets apply at the largest (N, G) of the run (N = 3,000, G = 5,000 in full).
    """
    lines = ["| target (issue 18) | wall | CPU | verdict |", "|---|--:|--:|---|"]
    sizes = sorted({r.articles for r in rows})
    glossaries = sorted({r.entries for r in rows})
    if not sizes:
        return lines
    big_n, big_g = sizes[-1], glossaries[-1]
    point = _find(rows, big_n, big_g)
    where = f"N = {big_n:,}, G = {big_g:,}"
    ratios = (
        ("plugin", "plain", TARGET_COLD, "(b) cold ≤ {limit}x (a) plain"),
        ("warm", "plain", TARGET_WARM, "(b) warm (cache full, nothing changed) ≤ {limit}x (a)"),
        ("plugin", "floor", TARGET_FLOOR, "(b) cold ≤ {limit}x (c) floor"),
    )
    for kind, base, limit, text in ratios:
        if point is None:
            break
        wall, cpu = point.ratio(kind, base), point.cpu_ratio(kind, base)
        if wall is None or cpu is None:
            continue
        lines.append(
            f"| {text.format(limit=limit)} at {where} | {wall:.2f} | {cpu:.2f} "
            f"| {_verdict(wall <= limit, cpu <= limit)} |"
        )
    peak = point.peak("plugin") if point else None
    if peak is not None:
        ok = peak <= TARGET_MEMORY
        lines.append(
            f"| (b) peak memory ≤ 1 GiB at {where} | {peak / MIB:.0f} MiB | | {_verdict(ok, ok)} |"
        )
    if len(sizes) > 1:
        small = sizes[-2]
        limit = LINEAR_SLACK * big_n / small
        runs = _pair(_find(rows, small, big_g), point, "plugin")
        if runs is not None:
            wall, cpu = runs[1].wall / runs[0].wall, runs[1].cpu / runs[0].cpu
            lines.append(
                f"| (b) N = {big_n:,} costs ≤ {limit:.1f}x N = {small:,} (G = {big_g:,}) "
                f"| {wall:.2f}x | {cpu:.2f}x | {_verdict(wall <= limit, cpu <= limit)} |"
            )
    return lines


def corpus_lines(rows: Sequence[Row]) -> list[str]:
    """Return a Markdown table of what each corpus holds and what the plugin marked."""
    lines = [
        "| N | G | words | mentions written | per 100 words | not in glossary "
        "| repeats | names not in glossary | attributions written | subheadings | captions "
        "| entity marks found | per 100 words | of them unreviewed | footnote refs found |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        s, c = row.stats, row.counts
        total = s.all_mentions or 1.0
        names = f"{s.new_names / s.names:.0%}" if s.names else "-"
        found = "- | - | - | -"
        if c:
            per_100 = 100.0 * c.entities / s.words if s.words else 0.0
            found = f"{c.entities:.1f} | {per_100:.1f} | {c.unreviewed:.1f} | {c.footnotes:.1f}"
        lines.append(
            f"| {row.articles:,} | {row.entries:,} | {s.words:.0f} | {s.all_mentions:.1f} "
            f"| {s.per_100_words:.1f} | {s.new_mentions:.1f} | {s.repeats / total:.0%} "
            f"| {names} | {s.attributions:.1f} | {s.subheadings:.1f} | {s.captions:.1f} "
            f"| {found} |"
        )
    return lines


def _kb(size: int | None) -> str:
    return f"{size / KB:,.0f}" if size is not None else NONE


def _file(item: FileSize | None) -> str:
    return f"`{item.path}`" if item else NONE


def _bound(size: int | None) -> str:
    """Return the verdict on a file of ``size`` bytes against the 1 MB bound."""
    if size is None:
        return NONE
    return "met" if size <= SIZE_BOUND else MISSED


def largest_lines(rows: Sequence[Row]) -> list[str]:
    """Return the Markdown table of the largest files of each point's first plugin build.

    Rows of results saved before this measurement existed show a dash.
    """
    lines = [
        "| N | G | largest HTML page | KB | largest other file | KB | largest other file but "
        "`search_index.json` | KB | `search/search_index.json` KB | entity pages "
        "| HTML page ≤ 1 MB | every file but the search index ≤ 1 MB |",
        "|--:|--:|---|--:|---|--:|---|--:|--:|--:|---|---|",
    ]
    for row in rows:
        big = row.largest
        if big is None:
            cells = [NONE] * 10
        else:
            own = big.largest_own()
            cells = [
                _file(big.html),
                _kb(big.html.size if big.html else None),
                _file(big.other),
                _kb(big.other.size if big.other else None),
                _file(big.other_own),
                _kb(big.other_own.size if big.other_own else None),
                _kb(big.search_index),
                f"{big.entity_pages:,}",
                _bound(big.html.size if big.html else None),
                _bound(own.size if own else None),
            ]
        lines.append(f"| {row.articles:,} | {row.entries:,} | " + " | ".join(cells) + " |")
    return lines


def generated_lines(rows: Sequence[Row]) -> list[str]:
    """Return the table of what writing the entity pages and the feeds took in each
    point's fastest cold plugin build, against the 15 % budget of issue 16."""
    lines = [
        "| N | G | entity pages | writing them s | feeds, cards, report data s | together s "
        "| (b) cold s | share | ≤ 15 % |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in rows:
        best = row.best("plugin")
        if best is None or best.generated is None:
            cells = [NONE] * 7
        else:
            pages, pages_s, feeds_s = best.generated
            together = pages_s + feeds_s
            # The share of the build they add: against the build without them.
            share = together / max(best.wall - together, 1e-9)
            cells = [
                f"{pages:,}",
                f"{pages_s:.2f}",
                f"{feeds_s:.2f}",
                f"{together:.2f}",
                f"{best.wall:.2f}",
                f"{share:.0%}",
                "met" if share <= TARGET_GENERATED else MISSED,
            ]
        lines.append(f"| {row.articles:,} | {row.entries:,} | " + " | ".join(cells) + " |")
    return lines


def warning_lines(rows: Sequence[Row], top: int = 6) -> list[str]:
    """Return the most frequent warning kinds of each point's plugin builds."""
    lines: list[str] = []
    for row in rows:
        runs = row.plugin[:1]
        if not runs:
            continue
        kinds = Counter(warning_kind(text) for text in runs[0].warnings)
        total = sum(kinds.values())
        lines.append(f"- N = {row.articles:,}, G = {row.entries:,}: {total} warnings")
        lines.extend(f"    - {count} x `{kind}`" for kind, count in kinds.most_common(top))
    return lines


@dataclass(frozen=True, slots=True)
class Machine:
    """Where and with what the benchmark ran."""

    cpus: int
    cpu_model: str
    memory: str
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    versions: str
    commit: str


def _read_first(path: str, prefix: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "plugins"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} with uncommitted changes in plugins/" if dirty else head


def machine(load_before: tuple[float, float, float]) -> Machine:
    """Return the description of this machine, its load now and before the run."""
    versions = (
        f"Python {platform.python_version()}, MkDocs {_version('mkdocs')}, "
        f"Material {_version('mkdocs-material')}, mkdocs-briefings {_version('mkdocs-briefings')}"
    )
    return Machine(
        cpus=os.cpu_count() or 1,
        cpu_model=_read_first("/proc/cpuinfo", "model name"),
        memory=_read_first("/proc/meminfo", "MemTotal"),
        load_before=load_before,
        load_after=os.getloadavg(),
        versions=versions,
        commit=_commit(),
    )


def report(
    rows: Sequence[Row],
    host: Machine,
    repeat: int,
    seed: int,
    elapsed: float,
    finished: datetime,
    density: str = DENSITIES[0],
) -> str:
    """Return the whole Markdown report of a run that ended at ``finished``."""
    when = finished.strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{x:.2f}" for x in host.load_before)
    load_after = ", ".join(f"{x:.2f}" for x in host.load_after)
    parts = [
        "# Build benchmark: plain Material vs the briefings plugin",
        "",
        f"Written by `make bench` (`benchmarks/run.py`) on {when}, commit {host.commit}.",
        f"{host.cpus} x {host.cpu_model}, {host.memory} RAM, shared with other work: "
        f"load average {load} before, {load_after} after ({elapsed:.0f} s in all).",
        f"{host.versions}. Corpus: {density} density, seed {seed}; each build is a fresh "
        f"`python -m mkdocs build` process, best of {repeat} run{'s' if repeat != 1 else ''}.",
        "",
        "(a) = the articles as plain Markdown pages, plugin disabled; (b) = the same articles "
        "as seeds with the plugin; (c) floor = every page MkDocs built in the first (b) build "
        "as final HTML, built by plain Material with no Markdown conversion and no plugin "
        "work (the theme, templates and search on the same pages: what (b) cannot go below), "
        "plus the time that (b) build logged for writing the entity pages, which the plugin "
        "writes itself into the theme's shell (`benchmarks/floor.py`). All "
        "sites inherit the project's theme and Markdown extensions, have a small nav and "
        "build non-strict. Times are wall-clock seconds; CPU is user + system time of the "
        "build process; peak is its maximum resident set. Every (b) build is cold (no "
        "cache); '(b) warm' is a rebuild with the cache full and nothing changed; '(b) after "
        "one edit' is the rebuild `make serve` does when an editor saves a seed: one seed "
        "changed, the cache of the build before.",
        "",
        results_table(rows),
        "",
        "## Targets",
        "",
        *target_lines(rows),
        "",
        "## Corpus (means per article) and what the plugin marked",
        "",
        "Mentions written count glossary names and names outside the glossary (for the "
        "plugin's discovery); 'repeats' are mentions of a name the article used before. "
        "Marks are counted in a sample of 50 built briefings, outside the entities box; "
        "their rate per 100 words uses the corpus mean of words.",
        "",
        *corpus_lines(rows),
        "",
        "## Largest files (size bound, issue 16)",
        "",
        "The first (b) build of each point. Other files are those a page loads or a reader "
        f"fetches: {', '.join(f'`*{x}`' for x in FETCHED_SUFFIXES)} (cards, search index, "
        "sourcing report data, feeds, scripts, styles, and the sitemap, which Material's "
        "instant navigation loads), not images, fonts, "
        "source maps or Material's search support for other languages "
        "(`assets/javascripts/lunr/`, never loaded by this English site). The bound is "
        "1 MB = 1,048,576 bytes (KB = 1,024 bytes). Material's "
        "`search/search_index.json` is its own and grows with N with or without the plugin, "
        "so it is shown apart and left out of the second verdict, which judges the larger of "
        "the largest HTML page and the largest other file but the search index; 'entity "
        "pages' counts the HTML pages under `entities/`.",
        "",
        *largest_lines(rows),
        "",
        "## Entity pages and feeds (budget, issue 16)",
        "",
        "What the fastest cold (b) build of each point logged for writing the entity pages "
        "(into the theme's shell of one model page, `site/page_shell.py`) and the feeds, "
        "card index and sourcing data, after MkDocs built its own pages; 'share' is that "
        "time over the rest of the build.",
        "",
        *generated_lines(rows),
        "",
        "## Warnings of the plugin builds",
        "",
        "A corpus of N articles mentions only part of a large glossary, so the build is not "
        "strict and lists unmentioned entries; anything else here deserves a look.",
        "",
        *(warning_lines(rows) or ["- none"]),
        "",
    ]
    return "\n".join(parts)


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def save_json(path: Path, rows: Sequence[Row], host: Machine, meta: dict[str, Any]) -> None:
    """Write every measurement of the run to ``path``, so the report can be redone later."""
    data = {
        "machine": dataclasses.asdict(host),
        "meta": meta,
        "rows": [dataclasses.asdict(row) for row in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")


def _file_size(item: dict[str, Any] | None) -> FileSize | None:
    return FileSize(str(item["path"]), int(item["size"])) if item else None


def _largest(item: dict[str, Any] | None) -> LargestFiles | None:
    """Return the largest files saved in a results row, None for results saved before them."""
    if not item:
        return None
    return LargestFiles(
        html=_file_size(item.get("html")),
        other=_file_size(item.get("other")),
        other_own=_file_size(item.get("other_own")),
        search_index=item.get("search_index"),
        entity_pages=int(item.get("entity_pages", 0)),
    )


def load_json(path: Path) -> tuple[list[Row], Machine, dict[str, Any]]:
    """Return the rows, machine and run facts saved by :func:`save_json`."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def measurement(item: dict[str, Any]) -> Measurement:
        return Measurement(
            **{
                **item,
                "warnings": tuple(item["warnings"]),
                "log": Path(item["log"]),
                "generated": tuple(item["generated"]) if item.get("generated") else None,
            }
        )

    rows = [
        Row(
            item["articles"],
            item["entries"],
            CorpusStats(**item["stats"]),
            [measurement(m) for m in item["plain"]],
            [measurement(m) for m in item["plugin"]],
            PageCounts(**item["counts"]) if item["counts"] else None,
            [measurement(m) for m in item.get("edited", [])],
            [measurement(m) for m in item.get("floor", [])],
            [measurement(m) for m in item.get("warm", [])],
            item.get("floor_pages", 0),
            _largest(item.get("largest")),
            item.get("floor_extra", 0.0),
        )
        for item in data["rows"]
    ]
    host = data["machine"]
    for key in ("load_before", "load_after"):
        host[key] = tuple(host[key])
    return rows, Machine(**host), data["meta"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 0, or 1 if a build failed (or a target was missed, if asked)."""
    parser = argparse.ArgumentParser(description="Time plain vs plugin MkDocs builds.")
    parser.add_argument("--articles", type=_sizes, default=[100, 1000, 3000], help="N list")
    parser.add_argument("--glossary", type=_sizes, default=[500, 5000], help="G list")
    parser.add_argument("--repeat", type=int, default=1, help="runs per build (best kept)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--density",
        choices=DENSITIES,
        default=DENSITIES[0],
        help="corpus kind: realistic (real articles' density, the default) or low (issue 9)",
    )
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument(
        "--fail-on-target", action="store_true", help="exit 1 when a target is missed"
    )
    parser.add_argument(
        "--from-json", type=Path, help="redo the report from a saved results.json, build nothing"
    )
    args = parser.parse_args(argv)
    if args.from_json:
        rows, host, meta = load_json(args.from_json)
    else:
        # MkDocs reads --site-dir relative to the config file, so every path is absolute.
        workdir = args.workdir.resolve()
        load_before = os.getloadavg()
        start = time.perf_counter()
        print("warming up (tiny corpus, not recorded)", file=sys.stderr, flush=True)
        measure_point(10, 50, args.seed, 1, workdir / "warmup", False, args.density)
        repeat = max(1, args.repeat)
        rows = [
            measure_point(n, g, args.seed, repeat, workdir, args.keep, args.density)
            for n in args.articles
            for g in args.glossary
        ]
        host = machine(load_before)
        meta = {
            "repeat": repeat,
            "seed": args.seed,
            "density": args.density,
            "elapsed": time.perf_counter() - start,
            "finished": time.time(),
        }
        save_json(workdir / "results.json", rows, host, meta)
    finished = datetime.fromtimestamp(meta["finished"], UTC)
    density = str(meta.get("density", "low"))  # results of issue 9 have no density
    text = report(
        rows, host, int(meta["repeat"]), int(meta["seed"]), meta["elapsed"], finished, density
    )
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    failed = any(m.returncode != 0 for row in rows for kind in KINDS for m in getattr(row, kind))
    missed = any(MISSED in line for line in target_lines(rows))
    return 1 if failed or (args.fail_on_target and missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())

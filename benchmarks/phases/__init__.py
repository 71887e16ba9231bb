"""Where a build's time goes, page by page: MkDocs hooks that time each phase.

Used by ``make bench-phases``: two hooks modules, one whose handlers run first
(``first.py``) and one whose handlers run last (``last.py``) in each event, so the time
between them is the time of every other handler of that event (or of MkDocs between two
events). Times are wall-clock seconds without a profiler, summed per page group (the first
folder of the page's source path). Not part of the plugin or of the tests.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict

totals: defaultdict[tuple[str, str], float] = defaultdict(float)
pages: Counter[tuple[str, str]] = Counter()
_started: dict[tuple[str, str], float] = {}
PHASES = (
    ("build", "the whole build, from on_config to on_post_build"),
    ("read", "reading a page's source: for the plugin's pages, rendering them"),
    ("convert", "Markdown to HTML (Python-Markdown and MkDocs' own processors)"),
    ("page_content", "on_page_content handlers (the plugin's restore and annotation)"),
    ("page_context", "on_page_context handlers (Material's search index, glossary backlinks)"),
    ("template", "Jinja template rendering of the page"),
)


def group(src_uri: str) -> str:
    """Return the page group of ``src_uri``: its first folder, or the file name."""
    return src_uri.split("/", 1)[0]


def start(phase: str, src_uri: str) -> None:
    """Note the start of ``phase`` for the page at ``src_uri``."""
    _started[phase, src_uri] = time.perf_counter()


def stop(phase: str, src_uri: str) -> None:
    """Add the time since :func:`start` of ``phase`` for the page at ``src_uri``."""
    began = _started.pop((phase, src_uri), None)
    if began is not None:
        totals[phase, group(src_uri)] += time.perf_counter() - began
        pages[phase, group(src_uri)] += 1


def report() -> str:
    """Return a Markdown table: seconds per phase and page group, largest first."""
    lines = ["| phase | pages | count | seconds |", "|---|---|--:|--:|"]
    for (phase, name), seconds in sorted(totals.items(), key=lambda item: -item[1]):
        if seconds >= 0.01:
            lines.append(f"| {phase} | {name} | {pages[phase, name]} | {seconds:.2f} |")
    return "\n".join(lines)

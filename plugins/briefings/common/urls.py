"""Site-relative URL arithmetic, independent of any site generator."""

from __future__ import annotations

import functools
import posixpath


@functools.lru_cache(maxsize=1 << 16)  # a build asks for the same pairs thousands of times
def relative_url(target: str, base: str) -> str:
    """Return the URL of ``target`` relative to the page at ``base``.

    Both are site-relative URLs as MkDocs writes them: ``glossary/`` (directory URL),
    ``glossary.html``, ``""`` or ``./`` for the home page; ``target`` may carry a
    ``#fragment``. The result keeps a trailing slash for directory URLs.
    """
    target, _, fragment = target.partition("#")
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    base_dir = base_dir.strip("/") or "."
    target_path = target.strip("/") or "."
    rel = _relpath(target_path, base_dir)
    if target.endswith("/") or target in ("", "./"):
        rel = rel.rstrip("/") + "/"
        if rel == "./" and target not in ("", "./") and target_path != base_dir:
            rel = target
    return f"{rel}#{fragment}" if fragment else rel


def _relpath(target: str, base: str) -> str:
    """Return ``posixpath.relpath(target, base)`` for site paths ("." is the root), without
    its calls to ``os.getcwd``: a large build asks hundreds of thousands of times."""
    if "/." in f"/{target}/{base}".replace("/./", "/"):  # ".." or "." parts: the slow way
        return posixpath.relpath(target, base)
    to = [] if target == "." else target.split("/")
    start = [] if base == "." else base.split("/")
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."

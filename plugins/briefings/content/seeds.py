"""Seed reader: turns an article file from ``seeds/`` into a :class:`Seed`.

Two formats are accepted, by file suffix:

* plain text (``*.txt``, :mod:`briefings.content.text_seeds`): an optional ``date`` and
  ``title`` header, then paragraphs, subheadings and photo captions;
* Markdown (``*.md``, :mod:`briefings.content.markdown_front_matter`) with YAML front
  matter; the body stays Markdown.

This module finds seed files, reads and decodes them, sends each to its format's parser and
checks the date; the :class:`Seed` model is in :mod:`briefings.content.seed_model`.
Everything here works on bytes and strings. Problems raise :class:`SeedError` naming the file,
the line and a fix; nothing is silently dropped.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from briefings.common.errors import Problem, SeedError
from briefings.content.files import decode_utf8, display_path, read_bytes
from briefings.content.language import ENGLISH, detect_language
from briefings.content.markdown_front_matter import parse_markdown_seed
from briefings.content.seed_model import (
    WORDS_PER_MINUTE,
    Block,
    BlockKind,
    Seed,
    parse_iso_date,
)
from briefings.content.text_seeds import (
    TITLE_MAX,
    derive_summary,
    derive_title,
    first_sentence,
    looks_like_subheading,
    parse_text_seed,
)

__all__ = [
    "SEED_SUFFIXES",
    "TITLE_MAX",
    "WORDS_PER_MINUTE",
    "Block",
    "BlockKind",
    "Seed",
    "body_text",
    "decode_seed",
    "derive_summary",
    "derive_title",
    "find_seed_files",
    "first_sentence",
    "is_seed_name",
    "looks_like_subheading",
    "parse_iso_date",
    "parse_seed",
    "read_seed",
]

SEED_SUFFIXES = (".txt", ".md")


def find_seed_files(seeds_dir: Path, root: Path) -> list[Path]:
    """Return the seed files under ``seeds_dir``, sorted by path, recursing into sub-folders.

    Hidden files and folders, and files whose suffix is not a seed suffix (``README``,
    ``.gitkeep``), are ignored. Symlinks are listed too: :func:`read_seed` refuses, file by
    file, those that point outside the repository.
    """
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(seeds_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / name for name in filenames if is_seed_name(name))
    return sorted(found)


def is_seed_name(name: str) -> bool:
    """Whether a file called ``name`` in the seeds folder is a seed: not hidden, with a seed
    suffix (editors' backups and swap files, ``x.txt~``, ``#x.txt#``, ``.x.txt.swp``, are not)."""
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in SEED_SUFFIXES


def _check_link(path: Path, root: Path, shown: str) -> None:
    """Raise :class:`SeedError` if ``path`` is a symlink that leaves ``root`` or loops:
    seeds are published, so they must come from the repository."""
    if not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise SeedError(
            shown, None, f"is a broken or looping symlink ({exc})", "replace it with the file"
        ) from exc
    if not target.is_relative_to(root.resolve()):
        raise SeedError(
            shown,
            None,
            f"symlink points outside the repository (to {target})",
            "copy the article into seeds/ instead of linking to it",
        )


def read_seed(
    path: Path, root: Path | None = None, today: date | None = None, future_days: int = 7
) -> Seed:
    """Read and parse one seed file; return the :class:`Seed`.

    Raises :class:`SeedError` for unreadable, binary, non-UTF-8, empty or malformed files.
    """
    display = display_path(path, root)
    if root is not None:
        _check_link(path, root, display)
    raw = read_bytes(path, display, SeedError)
    return parse_seed(decode_seed(raw, display), display, today=today, future_days=future_days)


def decode_seed(raw: bytes, path: str) -> str:
    """Return the text of a seed file's bytes, with a BOM removed and line endings as ``\\n``.

    Raises :class:`SeedError` for binary content (NUL bytes) and bytes that are not UTF-8,
    naming the line and byte offset.
    """
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise SeedError(
            path,
            raw.count(b"\n", 0, nul) + 1,
            f"contains a NUL byte at byte offset {nul}; this looks like a binary file",
            "seeds must be UTF-8 text; remove the file or save it as plain text",
        )
    text = decode_utf8(raw, path, SeedError)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_seed(text: str, path: str, today: date | None = None, future_days: int = 7) -> Seed:
    """Parse the text of a seed; the format follows the file suffix of ``path``.

    Raises :class:`SeedError` for empty files, missing or impossible dates, malformed front
    matter. Returns warnings (e.g. a date far in the future) in ``Seed.warnings``.
    """
    if not text.strip():
        raise SeedError(
            path,
            None,
            "is empty",
            "write the article below a first line 'date YYYY-MM-DD', or delete the file",
        )
    if path.lower().endswith(".md"):
        seed = parse_markdown_seed(text, path)
    else:
        seed = parse_text_seed(text, path)
    language = detect_language(body_text(seed))
    if language != ENGLISH:
        seed = dataclasses.replace(seed, language=language)
    return _check_future(seed, today, future_days)


def body_text(seed: Seed) -> str:
    """Return the article text of ``seed``: the Markdown body, or the blocks' text."""
    if seed.format == "markdown":
        return seed.markdown
    return "\n".join(block.text for block in seed.blocks)


def _check_future(seed: Seed, today: date | None, days: int) -> Seed:
    today = today or date.today()
    if (seed.date - today).days <= days:
        return seed
    warning = Problem(
        seed.path,
        1,
        f"date {seed.date.isoformat()} is more than {days} days in the future",
        "check the year and month of the 'date' line",
    )
    return _replace_warnings(seed, (*seed.warnings, warning))


def _replace_warnings(seed: Seed, warnings: Iterable[Problem]) -> Seed:
    from dataclasses import replace

    return replace(seed, warnings=tuple(warnings))

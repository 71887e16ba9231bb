"""Seed reader: turns an article file from ``seeds/`` into a :class:`Seed`.

Two formats are accepted:

* plain text (``*.txt``): an optional header (``date YYYY-MM-DD``, optionally followed on the
  same line by the first paragraph; ``title ...`` on a line of its own), then paragraphs
  separated by blank lines. A short line without sentence-final punctuation between
  paragraphs is a subheading; a paragraph ending in ``Credit: NAME`` is a photo caption.
* Markdown (``*.md``) with YAML front matter (``title``, ``date``, ``summary``, ``tags``,
  ``sources``); the body is Markdown and stays Markdown.

Everything here works on bytes and strings. Problems raise :class:`SeedError` naming the file,
the line and a fix; nothing is silently dropped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import yaml

from briefings.common.errors import Problem, SeedError
from briefings.common.text import count_words, slugify
from briefings.content.files import decode_utf8, display_path, read_bytes

SEED_SUFFIXES = (".txt", ".md")
TITLE_MAX = 100
WORDS_PER_MINUTE = 200

BlockKind = Literal["paragraph", "subheading", "caption"]

_DATE_HEADER_RE = re.compile(r"date[ \t]+(?P<token>\S+)(?:[ \t]+(?P<rest>.*))?\Z")
_TITLE_HEADER_RE = re.compile(r"title[ \t]+(?P<title>\S.*)\Z")
_DATE_SHAPE_RE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\Z")
_ISO_DATE_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\Z")
_FILENAME_DATE_RE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_CREDIT_RE = re.compile(
    r"(?P<body>(?:.*?[.!?\"'”’)\]][ \t]+)?)(?P<label>Credit:|Photo [Cc]redit:)"
    r"[ \t]*(?P<credit>[^\s].{0,79}?)[ \t]*\Z",
    re.DOTALL,
)
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_FINAL_PUNCT_RE = re.compile(r"[.!?…:;,][\"'”’»)\]]*\Z")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|\Z)")
_FRONT_MATTER_RE = re.compile(
    r"---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)
_SUBHEADING_MAX_CHARS = 150
_SUBHEADING_MAX_WORDS = 20
_CREDIT_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a plain-text seed.

    ``text`` is the block as written, its lines joined by single spaces. For a caption,
    ``text`` is the caption without its credit, ``credit`` the credited name and
    ``credit_label`` the label as written (``Credit:``).
    """

    kind: BlockKind
    text: str
    line: int
    credit: str = ""
    credit_label: str = ""


@dataclass(frozen=True, slots=True)
class Seed:
    """A parsed seed article, ready for annotation and rendering."""

    path: str
    format: Literal["text", "markdown"]
    date: date
    title: str
    title_derived: bool
    summary: str
    blocks: tuple[Block, ...] = ()
    markdown: str = ""
    markdown_line: int = 1
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def slug(self) -> str:
        """The title's slug, or ``briefing`` when the title has no letters or digits."""
        return slugify(self.title) or "briefing"

    @property
    def word_count(self) -> int:
        """Words in the article body (captions and subheadings included)."""
        if self.format == "markdown":
            return count_words(self.markdown)
        return sum(count_words(b.text) + count_words(b.credit) for b in self.blocks)

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time in whole minutes, at least one."""
        return max(1, round(self.word_count / WORDS_PER_MINUTE))


def find_seed_files(seeds_dir: Path, root: Path) -> list[Path]:
    """Return the seed files under ``seeds_dir``, sorted by path, recursing into sub-folders.

    Hidden files and folders, and files whose suffix is not a seed suffix (``README``,
    ``.gitkeep``), are ignored. Symlinks are listed too: :func:`read_seed` refuses, file by
    file, those that point outside the repository.
    """
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(seeds_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not name.startswith(".") and path.suffix.lower() in SEED_SUFFIXES:
                found.append(path)
    return sorted(found)


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
        seed = _parse_markdown_seed(text, path)
    else:
        seed = _parse_text_seed(text, path)
    return _check_future(seed, today, future_days)


def _parse_text_seed(text: str, path: str) -> Seed:
    lines = text.split("\n")
    index = 0
    seed_date: date | None = None
    title = ""
    date_line = 0
    first_line_rest = ""
    # Header lines: at most one 'date' and one 'title', before the first paragraph.
    while index < len(lines):
        stripped = lines[index].strip()
        if not stripped:
            index += 1
            continue
        date_match = _DATE_HEADER_RE.match(stripped)
        if seed_date is None and date_match and _DATE_SHAPE_RE.match(date_match["token"]):
            date_line = index + 1
            seed_date = parse_iso_date(date_match["token"], path, date_line)
            first_line_rest = date_match["rest"] or ""
            index += 1
            if first_line_rest:
                break
            continue
        title_match = _TITLE_HEADER_RE.match(stripped)
        if not title and title_match:
            title = title_match["title"].strip()
            index += 1
            continue
        break
    if seed_date is None:
        seed_date = _date_from_filename(path)
    if seed_date is None:
        raise SeedError(
            path,
            1,
            "has no date",
            "start the file with a line 'date YYYY-MM-DD' (e.g. 'date 2022-09-07')",
        )
    body_lines = lines[index:]
    first_line_no = index + 1
    if first_line_rest:
        body_lines = [first_line_rest, *body_lines]
        first_line_no = date_line
    blocks = _split_blocks(body_lines, first_line_no)
    if not blocks:
        raise SeedError(
            path, date_line or None, "has a header but no article text", "add the article below"
        )
    blocks = _classify_blocks(blocks)
    title_derived = not title
    if title_derived and blocks[0].kind == "subheading" and len(blocks) > 1:
        # A pasted headline: a short first line without final punctuation becomes the title.
        title, blocks = blocks[0].text, blocks[1:]
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"] or [blocks[0].text]
    if title_derived and not title:
        title = derive_title(paragraphs[0])
    return Seed(
        path=path,
        format="text",
        date=seed_date,
        title=title,
        title_derived=title_derived,
        summary=derive_summary(paragraphs[0]),
        blocks=tuple(blocks),
    )


def _split_blocks(lines: Sequence[str], first_line_no: int) -> list[Block]:
    """Group lines into paragraphs separated by blank lines; join each paragraph's lines."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line_no
    for offset, line in enumerate(lines):
        stripped = line.strip()
        if stripped:
            if not current:
                start = first_line_no + offset
            current.append(" ".join(stripped.split()) if "\t" in stripped else stripped)
        elif current:
            blocks.append(Block("paragraph", " ".join(current), start))
            current = []
    if current:
        blocks.append(Block("paragraph", " ".join(current), start))
    return blocks


def _classify_blocks(blocks: Sequence[Block]) -> list[Block]:
    """Mark captions (ending in 'Credit: NAME') and subheadings (short, no final punctuation)."""
    result: list[Block] = []
    last = len(blocks) - 1
    for position, block in enumerate(blocks):
        caption = _CREDIT_RE.match(block.text)
        if caption and len(caption["credit"].split()) <= _CREDIT_MAX_WORDS:
            result.append(
                Block(
                    "caption",
                    caption["body"].rstrip(),
                    block.line,
                    credit=caption["credit"],
                    credit_label=caption["label"],
                )
            )
        elif position < last and looks_like_subheading(block.text):
            result.append(Block("subheading", block.text, block.line))
        else:
            result.append(block)
    return result


def looks_like_subheading(text: str) -> bool:
    """Return True for a short single line without sentence-final punctuation."""
    return (
        len(text) <= _SUBHEADING_MAX_CHARS
        and len(text.split()) <= _SUBHEADING_MAX_WORDS
        and not _FINAL_PUNCT_RE.search(text)
        and any(ch.isalpha() for ch in text)
    )


def first_sentence(text: str) -> str:
    """Return the first sentence of ``text`` (up to the first sentence-final punctuation)."""
    for match in _SENTENCE_END_RE.finditer(text):
        candidate = text[: match.end()]
        # Skip abbreviations and initials such as "U.S." or "Dr." where the next word is lower-case
        rest = text[match.end() :].lstrip()
        word = candidate.rsplit(None, 1)[-1]
        if rest and (rest[0].islower() or _looks_like_abbreviation(word)):
            continue
        return candidate.strip()
    return text.strip()


def _looks_like_abbreviation(word: str) -> bool:
    core = word.strip("\"'”’»)(“‘«[]")
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.|[A-Z]\.", core))


def derive_title(paragraph: str, limit: int = TITLE_MAX) -> str:
    """Return a headline from the first sentence of ``paragraph``: at most ``limit`` characters.

    Deterministic; never cuts a word: a long sentence is cut at a clause boundary (comma,
    semicolon, dash) when one falls late enough, else at the last whole word, with an ellipsis.
    """
    sentence = first_sentence(paragraph).rstrip()
    sentence = re.sub(r"[.!?…]+$", "", sentence).strip()
    if len(sentence) <= limit:
        return sentence
    window = sentence[: limit + 1]
    clause = max(window.rfind(", "), window.rfind("; "), window.rfind(" – "), window.rfind(" — "))
    if clause >= limit // 2:
        return window[:clause].rstrip() + "…"
    cut = window[: window.rfind(" ")] if " " in window[:limit] else sentence[: limit - 1]
    return cut.rstrip(" ,;:–—-") + "…"


def derive_summary(paragraph: str) -> str:
    """Return the first sentence of ``paragraph`` as a one-sentence summary."""
    return first_sentence(paragraph)


def parse_iso_date(token: str, path: str, line: int | None) -> date:
    """Return the date for a ``YYYY-MM-DD`` token; raise :class:`SeedError` otherwise."""
    match = _ISO_DATE_RE.match(token)
    if match:
        try:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            pass
    raise SeedError(
        path,
        line,
        f"impossible or malformed date '{token}'",
        "write the date as YYYY-MM-DD, e.g. 'date 2022-09-07'",
    )


def _date_from_filename(path: str) -> date | None:
    match = _FILENAME_DATE_RE.search(Path(path).name)
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _parse_markdown_seed(text: str, path: str) -> Seed:
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        raise SeedError(
            path,
            1,
            "Markdown seed has no YAML front matter",
            "start with a '---' line, then 'date: 2022-09-07' and 'title: ...', then '---'",
        )
    try:
        meta = yaml.safe_load(match["yaml"] or "") or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise SeedError(
            path, line, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
        ) from exc
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates and numbers eagerly: "date: 2022-13-45" fails here.
        raise SeedError(
            path, 2, f"front matter has an impossible value: {exc}", "write dates as YYYY-MM-DD"
        ) from exc
    if not isinstance(meta, dict):
        raise SeedError(path, 2, "front matter must be a mapping of keys to values")
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    seed_date = _front_matter_date(meta.get("date"), path) or _date_from_filename(path)
    if seed_date is None:
        raise SeedError(path, 2, "has no date", "add 'date: YYYY-MM-DD' to the front matter")
    if not body.strip():
        raise SeedError(path, body_line, "has front matter but no article text")
    title = _front_matter_str(meta, "title", path)
    summary = _front_matter_str(meta, "summary", path)
    plain_first = _first_markdown_paragraph(body)
    return Seed(
        path=path,
        format="markdown",
        date=seed_date,
        title=title or derive_title(plain_first),
        title_derived=not title,
        summary=summary or derive_summary(plain_first),
        markdown=body,
        markdown_line=body_line,
        tags=_front_matter_list(meta, "tags", path),
        sources=_front_matter_list(meta, "sources", path),
    )


def _front_matter_date(value: object, path: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_iso_date(str(value), path, 2)


def _front_matter_str(meta: dict[object, object], key: str, path: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SeedError(path, 2, f"front matter '{key}' must be text, not {type(value).__name__}")
    return " ".join(value.split())


def _front_matter_list(meta: dict[object, object], key: str, path: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SeedError(path, 2, f"front matter '{key}' must be a list of text values")
    return tuple(value)


def _first_markdown_paragraph(body: str) -> str:
    """Return the first prose paragraph of a Markdown body with inline syntax removed."""
    for chunk in re.split(r"\n\s*\n", body):
        stripped = chunk.strip()
        if stripped and not re.match(r"(#|```|~~~|    |>|\||<|!!!|\[\^)", stripped):
            plain = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", stripped)
            plain = re.sub(r"\[\^[^\]]+\]", "", plain)
            plain = re.sub(r"[*_`]+", "", plain)
            return " ".join(plain.split())
    return " ".join(body.split())[:TITLE_MAX]


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

"""Plain-text seeds (``*.txt``): header, blocks, and the title and summary derived from them.

An optional header (``date YYYY-MM-DD``, optionally followed on the same line by the first
paragraph; ``title ...`` on a line of its own), then paragraphs separated by blank lines. A
short line without sentence-final punctuation between paragraphs is a subheading; a
paragraph ending in ``Credit: NAME`` is a photo caption. Without a ``title`` line, a pasted
headline or the first sentence becomes the title; the first sentence is the summary
(:func:`derive_title` and :func:`derive_summary` serve Markdown seeds too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from briefings.common.errors import SeedError
from briefings.content.seed_model import (
    Block,
    Provenance,
    Seed,
    date_from_filename,
    parse_iso_date,
    provenance_value,
)

TITLE_MAX = 100

_DATE_HEADER_RE = re.compile(r"date[ \t]+(?P<token>\S+)(?:[ \t]+(?P<rest>.*))?\Z")
_TITLE_HEADER_RE = re.compile(r"title[ \t]+(?P<title>\S.*)\Z")
_PROVENANCE_RE = re.compile(r"(?P<key>outlet|url|byline|retrieved)[ \t]+(?P<value>\S.*)\Z")
_DATE_SHAPE_RE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\Z")
_CREDIT_RE = re.compile(
    r"(?P<body>(?:.*?[.!?\"'”’)\]][ \t]+)?)(?P<label>Credit:|Photo [Cc]redit:)"
    r"[ \t]*(?P<credit>[^\s].{0,79}?)[ \t]*\Z",
    re.DOTALL,
)
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_FINAL_PUNCT_RE = re.compile(r"[.!?…:;,][\"'”’»)\]]*\Z")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|\Z)")
_SUBHEADING_MAX_CHARS = 150
_SUBHEADING_MAX_WORDS = 20
_CREDIT_MAX_WORDS = 8


def parse_text_seed(text: str, path: str) -> Seed:
    """Parse a plain-text seed (not empty); raise :class:`SeedError` if it is malformed."""
    lines = text.split("\n")
    index = 0
    seed_date: date | None = None
    title = ""
    date_line = 0
    first_line_rest = ""
    provenance: dict[str, str | date] = {}
    # Header lines: at most one 'date', one 'title' and one of each provenance field
    # ('outlet', 'url', 'byline', 'retrieved'), before the first paragraph.
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
        field_match = _PROVENANCE_RE.match(stripped)
        if field_match:
            key = field_match["key"]
            if key in provenance:
                raise SeedError(
                    path, index + 1, f"'{key}' is given twice", f"keep one '{key}' line"
                )
            provenance[key] = provenance_value(key, field_match["value"], path, index + 1)
            index += 1
            continue
        break
    if seed_date is None:
        seed_date = date_from_filename(path)
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
        provenance=Provenance(**provenance),  # type: ignore[arg-type]
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

"""HTML written into Markdown so that Python-Markdown gives back exactly that HTML.

The export (``briefings.export``) writes pages that an engine without the plugin converts.
What the plugin made as HTML goes into their Markdown as it is: a top-level element as a raw
HTML block (Python-Markdown passes block-level raw HTML through untouched and parses nothing
inside it), a fragment inside a paragraph as inline HTML whose tags pass through and whose text
is escaped so that no Markdown syntax can be read into it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from briefings.common.text import escape_markdown

# Inline HTML is stashed by Python-Markdown's `html` pattern (priority 90); the patterns that
# run before it (code spans, backslash escapes, links, references) could read these characters
# inside a tag's attribute values, so there they are written as character references.
_TAG_SIGNIFICANT_RE = re.compile(r"[`\\\[\]]")
_INLINE_TOKEN_RE = re.compile(r"(<[^<>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);)")
_HEADING_RE = re.compile(
    r'<h([1-6])(?: id="([^"<>]+)")?>(.*?)'
    r'(?:<a class="headerlink" href="#[^"<>]*"(?: title="[^"<>]*")?>[^<>]*</a>)?</h\1>',
    re.DOTALL,
)
# Elements without an end tag: a top-level one is a block of its own.
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def inline_markdown(html: str, escape_text: Callable[[str], str] = escape_markdown) -> str:
    """Return inline ``html`` (tags and text, no block element) as Markdown that converts to it.

    Tags stay as they are, but for the few characters that Markdown patterns stronger than
    raw HTML would read in an attribute value; character references stay; every other run of
    text is written with ``escape_text`` (character references by default, so the reader sees
    the same characters).
    """
    out = []
    for index, token in enumerate(_INLINE_TOKEN_RE.split(html)):
        if index % 2 == 0:
            out.append(escape_text(token) if token else "")
        elif token.startswith("<"):
            out.append(_TAG_SIGNIFICANT_RE.sub(lambda m: f"&#{ord(m[0])};", token))
        else:
            out.append(token)
    return "".join(out)


def heading_markdown(block: str, escape_text: Callable[[str], str]) -> str | None:
    """Return the heading element ``block`` as an ATX heading with its id (attr_list), its
    permalink left to the engine's ``toc``; None when ``block`` is no plain heading."""
    match = _HEADING_RE.fullmatch(block.strip())
    if match is None or "<h" in match[3] or "\n" in match[3]:
        return None
    level, anchor, inner = int(match[1]), match[2], match[3]
    text = inline_markdown(inner, escape_text).strip()
    if not text:
        return None
    return "#" * level + " " + text + (f" {{#{anchor}}}" if anchor else "")


def split_blocks(html: str) -> list[str]:
    """Return the top-level elements of ``html``, each exactly as written there.

    Text between them must be blank (as in Python-Markdown's output); raises ValueError when
    it is not, since a raw block cannot carry it unchanged.
    """
    splitter = _BlockSplitter(html)
    splitter.feed(html)
    splitter.close()
    if splitter.depth != 0:
        raise ValueError("unbalanced HTML: an element is not closed")
    return splitter.blocks


class _BlockSplitter(HTMLParser):
    """Finds where each top-level element starts and ends in the source text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.blocks: list[str] = []
        self.depth = 0
        self._start = 0
        # HTMLParser counts lines at "\n" only (not at the other breaks str.splitlines knows).
        self._line_offsets = [0] + [m.end() for m in re.finditer("\n", source)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_offsets[line - 1] + column

    def _text(self, data: str) -> None:
        if self.depth == 0 and data.strip():
            raise ValueError(f"text outside any element: {data.strip()[:40]!r}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        offset = self._offset()
        if self.depth == 0:
            self._start = offset
        if tag in _VOID_TAGS:
            if self.depth == 0:
                self._end(offset + len(self.get_starttag_text() or ""))
            return
        self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        offset = self._offset()
        if self.depth == 0:
            self._start = offset
            self._end(offset + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        offset = self._offset()
        self.depth -= 1
        if self.depth == 0:
            self._end(self.source.index(">", offset) + 1)
        elif self.depth < 0:
            raise ValueError(f"unbalanced HTML: </{tag}> closes nothing")

    def handle_comment(self, data: str) -> None:
        if self.depth == 0:
            offset = self._offset()
            self._start = offset
            self._end(self.source.index("-->", offset) + 3)

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def _end(self, end: int) -> None:
        self.blocks.append(self.source[self._start : end])

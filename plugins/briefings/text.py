"""Text helpers shared by the core: escaping seed text for Markdown and HTML, slugs, word counts.

Seed text is plain text. Before it goes into generated Markdown, every ASCII character that
means something to Markdown, to one of its common extensions (attr_list, smarty, emoji,
critic, mark, caret, tilde, tables, arithmatex) or to HTML is written as a numeric character
reference. Python-Markdown (and any CommonMark engine) passes character references through
untouched, so the reader sees exactly the characters of the seed and nothing is interpreted.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Every ASCII punctuation character except those that are inert in Markdown prose.
# Kept: "," ";" "?" "/" and "%" — none of them starts or ends any syntax we know of;
# "/" must stay so that character references in URLs are not needed.
_MARKDOWN_SIGNIFICANT = "\\`*_{}[]()<>#+-.!|~^=:\"'&$@"
_MARKDOWN_ESCAPES = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_SIGNIFICANT}
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_SLUG_STRIP_RE = re.compile(r"[^a-z0-9]+")


def escape_markdown(text: str) -> str:
    """Return ``text`` with each Markdown/HTML-significant ASCII character as a character reference.

    The result, fed to Python-Markdown, renders as exactly ``text``. Line breaks are kept
    (they are soft breaks inside a paragraph); callers join lines as they need.
    """
    return text.translate(_MARKDOWN_ESCAPES)


def escape_html(text: str) -> str:
    """Return ``text`` escaped for use as HTML text or a double-quoted attribute value."""
    return html.escape(text, quote=True)


def slugify(text: str, max_length: int = 60) -> str:
    """Return a lower-case ASCII slug of ``text`` (letters, digits, single hyphens).

    Accented letters are folded to ASCII; the slug is cut at a hyphen so no word is split,
    and is never longer than ``max_length``. May return "" for text without letters or digits.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_STRIP_RE.sub("-", folded.lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (hyphenated and apostrophe words count once)."""
    return len(_WORD_RE.findall(text))

"""Text helpers shared by the core: escaping seed text for Markdown and HTML, slugs, word counts.

Seed text is plain text. Before it goes into generated Markdown, every ASCII character that
can mean something to Markdown, to one of its common extensions (attr_list, smarty, emoji,
critic, mark, caret, tilde, tables, arithmatex, smartsymbols) or to HTML is written as a
numeric character reference. Python-Markdown (and any CommonMark engine) passes character
references through untouched, so the reader sees exactly the characters of the seed and
nothing is interpreted.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Characters escaped wherever they stand, and the common ones escaped only where they can
# start or end syntax. Every reference costs Python-Markdown an inline-pattern match and a
# stash entry, so the frequent "." "-" ":" of news prose stay raw where they are inert:
#   "."  after a digit ("1." list marker), next to another "." (smarty ellipsis), at the start
#   "-"  at the start (list marker, rule), next to another "-" (smarty dashes, "-->")
#   ":"  at the start (definition list) or before a non-space (":emoji:", "javascript:")
#   digit before "st" "nd" "rd" "th" (smartsymbols ordinals "1st" -> 1<sup>st</sup>)
# "/" is always escaped: smartsymbols turns "1/2" and "c/o" into single symbols.
# U+E000-U+E003 are escaped too: the renderer uses them for its own placeholders.
# Inert everywhere: "," ";" "?" "%". The text is escaped in fragments (between entity
# marks), so "start" means the start of a fragment: escaping there is always safe.
_MARKDOWN_SIGNIFICANT_RE = re.compile(
    r"""[\\`*_{}\[\]()<>#+!|~^="'&$@/\ue000-\ue003]"""
    r"|^\.|(?<=[\d.])\.|\.(?=\.)"
    r"|^-|(?<=-)-|-(?=-)"
    r"|^:|:(?=\S)"
    r"|\d(?=(?:st|nd|rd|th)\b)",
    re.MULTILINE,
)
_PLACEHOLDER_RE = re.compile("[\ue000-\ue003]")
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_SLUG_STRIP_RE = re.compile(r"[^a-z0-9]+")


def escape_markdown(text: str) -> str:
    """Return ``text`` with each Markdown/HTML-significant ASCII character as a character reference.

    The result, fed to Python-Markdown, renders as exactly ``text``. Line breaks are kept
    (they are soft breaks inside a paragraph); callers join lines as they need.
    """
    return _MARKDOWN_SIGNIFICANT_RE.sub(_reference, text)


def escape_placeholders(text: str) -> str:
    """Return ``text`` with the renderer's placeholder characters (U+E000-U+E003) written as
    character references, for text that is otherwise Markdown already."""
    return _PLACEHOLDER_RE.sub(_reference, text)


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match[0])};"


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

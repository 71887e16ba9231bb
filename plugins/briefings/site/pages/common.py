"""Pieces every generated page uses: front matter, raw HTML blocks, editor-written Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from briefings.common.sanitize import is_safe_url
from briefings.common.text import escape_html, escape_markdown, escape_placeholders
from briefings.site.render import Stash

SAFE_URL_RE = re.compile(r"(?:https?://|mailto:|#|/|\.{0,2}/)", re.IGNORECASE)
"""Link targets written into generated pages as they are: http(s), mailto, fragments, paths."""
# A link target runs to the closing parenthesis: "java\nscript:" must be judged whole.
_UNSAFE_LINK_RE = re.compile(r"(\]\s*\(\s*<?)([^)>]*)")
_REF_DEF_RE = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+)", re.MULTILINE)


class Dated(Protocol):
    """Anything listed by date: a briefing placed on the site."""

    src_uri: str
    url: str

    @property
    def seed(self) -> Any: ...


def front_matter(
    title: str,
    summary: str,
    published: date,
    tags: Sequence[str] = (),
    *,
    entities: bool = False,
) -> str:
    """Return the YAML front matter of a generated briefing page.

    ``title`` and ``description`` are HTML-escaped because themes insert them unescaped.
    """
    meta: dict[str, object] = {
        "title": escape_html(title),
        "description": escape_html(summary),
        "date": published.isoformat(),
        "briefing": True,
    }
    if tags:
        meta["tags"] = list(tags)
    if entities:
        meta["entities"] = True
    return _yaml_block(meta)


def _simple_front_matter(title: str, **extra: object) -> str:
    return _yaml_block({"title": title, **extra})


def _yaml_block(meta: Mapping[str, object]) -> str:
    """Return ``meta`` as a front-matter block, one ``key: <JSON value>`` line per key.

    JSON scalars, arrays and objects are valid YAML flow values, and ``json.dumps`` is
    many times faster than ``yaml.safe_dump`` — this runs once per generated page.
    """
    lines = [
        f"{key}: {_YAML_UNSAFE_RE.sub(_yaml_escape, json.dumps(value, ensure_ascii=False))}"
        for key, value in sorted(meta.items())
    ]
    return "---\n" + "\n".join(lines) + "\n---"


# Characters JSON leaves raw but YAML reads as line breaks (U+0085, U+2028, U+2029) or
# refuses as non-printable (DEL, C1 controls, U+FFFE, U+FFFF): written as YAML escapes.
_YAML_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _yaml_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def _raw(html: str, stash: Stash | None) -> str:
    """Return a raw HTML block for a generated page's Markdown: its placeholder when the
    page has a stash (Python-Markdown then never parses the HTML), else the HTML itself."""
    return stash.block(html) if stash is not None else html


def safe_markdown(text: str) -> str:
    """Return editor-written Markdown with raw HTML escaped and unsafe link targets removed.

    Markdown emphasis, code and links stay; ``<``/``>``/``&`` become entities so no tag or
    script can appear; link targets that are not http(s), mailto, or relative become ``#``.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # The renderer's placeholder characters are written as references, so editor text can
    # never stand for a stashed fragment.
    escaped = escape_placeholders(escaped)

    def fix(match: re.Match[str]) -> str:
        target = match[2]
        # Relative targets (no scheme) and http(s)/mailto stay; any other scheme is dropped.
        return match[1] + (target if is_safe_url(target) else "#")

    escaped = _UNSAFE_LINK_RE.sub(fix, escaped)
    return _REF_DEF_RE.sub(fix, escaped)


def links_markdown(urls: Sequence[str]) -> str:
    """Return an entry's external links for a page's Markdown: safe ASCII http(s), mailto
    and relative targets as links, anything else as escaped text."""
    return ", ".join(
        f'<a href="{escape_html(url)}">{escape_html(url)}</a>'
        if SAFE_URL_RE.match(url) and is_safe_url(url) and url.isascii()
        else escape_markdown(url)
        for url in urls
    )

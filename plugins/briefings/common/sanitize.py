"""Safety net for HTML made from untrusted Markdown: an allowlist sanitiser and URL checks.

Markdown seeds are written by editors from pasted material, and glossary and source
descriptions allow Markdown: what Python-Markdown makes of them must never carry script.
:func:`sanitize_html` keeps only an allowlist of elements and attributes, parsing like a
browser does (ammonia, through ``nh3``), so parser-confusion tricks such as
``<svg><style><img onerror>`` do not survive. :func:`is_safe_url` and
:func:`neutralize_unsafe_urls` judge a URL the way a browser will read it.
"""

from __future__ import annotations

import html as htmllib
import re

import nh3

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# What Python-Markdown, its common extensions and this plugin's own markup produce.
_TAGS = frozenset(
    {
        "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong",
        "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "aria-label", "aria-hidden"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
}
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_CONTROL_OR_SPACE_RE = re.compile(r"[\x00-\x20\x7f]+")
_URL_ATTRIBUTE_RE = re.compile(r'(\s(?:href|src)=")([^"]*)(")', re.IGNORECASE)


def sanitize_html(html: str) -> str:
    """Return ``html`` with only allowlisted elements and attributes (plus ``data-*``), and
    only http(s), mailto and tel URLs; comments are dropped, text is kept."""
    return nh3.clean(
        html,
        tags=set(_TAGS),
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        generic_attribute_prefixes={"data-"},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
    )


def is_safe_url(value: str) -> bool:
    """Return whether a browser would read ``value`` (an attribute value, entities allowed)
    as a relative URL or one with a safe scheme.

    Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it, so
    ``java&#9;script:`` and ``java\\nscript:`` are the ``javascript:`` scheme.
    """
    cleaned = _CONTROL_OR_SPACE_RE.sub("", htmllib.unescape(value))
    scheme = _SCHEME_RE.match(cleaned)
    return scheme is None or scheme[1].lower() in SAFE_SCHEMES


def neutralize_unsafe_urls(html: str) -> str:
    """Return ``html`` with every ``href``/``src`` that is not a safe URL replaced by ``#``.

    For HTML this plugin and Python-Markdown wrote (double-quoted attributes).
    """

    def check(match: re.Match[str]) -> str:
        return match[0] if is_safe_url(match[2]) else f"{match[1]}#{match[3]}"

    return _URL_ATTRIBUTE_RE.sub(check, html)

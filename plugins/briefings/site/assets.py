"""The static files every build of the site carries, and the Markdown it needs, whatever
the engine.

Both adapters (the MkDocs plugin and ``make export``) add the same stylesheets and scripts
to the site under :data:`ASSET_DIR` and list them in the theme's ``extra_css`` and
``extra_javascript``; the editors' view adds the review marks.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["ASSET_DIR", "REQUIRED_EXTENSIONS", "SCRIPTS", "asset_text", "stylesheets"]

# The Markdown extensions generated pages need (footnotes for sources, attribute lists for
# anchors, a table of contents, Markdown inside HTML blocks).
REQUIRED_EXTENSIONS = ("footnotes", "attr_list", "toc", "md_in_html")

ASSET_DIR = "assets/briefings"
STYLESHEETS = ("briefings.css", "entities.css")
REVIEW_MARKS = "review-marks.css"
SCRIPTS = ("cards.js",)


def stylesheets(review_marks: bool) -> tuple[str, ...]:
    """Return the stylesheets of a build: the editors' view adds the review marks."""
    return (*STYLESHEETS, REVIEW_MARKS) if review_marks else STYLESHEETS


def asset_text(name: str) -> str:
    """Return the text of the packaged asset ``name`` (a stylesheet or a script)."""
    return resources.files("briefings").joinpath(f"assets/{name}").read_text("utf-8")

"""Phase timing hooks that run first in each event (see ``benchmarks.phases``)."""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

from benchmarks import phases


@event_priority(1000)
def on_config(config: Any, **kwargs: Any) -> Any:
    """The build starts (for the total)."""
    phases.start("build", "")
    return config


@event_priority(1000)
def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """Reading the page's source (for generated pages: rendering it) ends here."""
    phases.stop("read", page.file.src_uri)
    return markdown


@event_priority(1000)
def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    """Conversion ends where the first on_page_content handler starts."""
    phases.stop("convert", page.file.src_uri)
    phases.start("page_content", page.file.src_uri)
    return html


@event_priority(1000)
def on_page_context(context: Any, page: Any, **kwargs: Any) -> Any:
    """Start timing the on_page_context handlers."""
    phases.start("page_context", page.file.src_uri)
    return context


@event_priority(1000)
def on_post_page(output: str, page: Any, **kwargs: Any) -> str:
    """Template rendering ends where the first on_post_page handler starts."""
    phases.stop("template", page.file.src_uri)
    return output


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Print the table."""
    phases.stop("build", "")
    print(phases.report())

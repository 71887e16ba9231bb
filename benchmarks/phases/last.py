"""Phase timing hooks that run last in each event (see ``benchmarks.phases``)."""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

from benchmarks import phases


@event_priority(-1000)
def on_pre_page(page: Any, **kwargs: Any) -> Any:
    """Reading the page's source starts after the last on_pre_page handler."""
    phases.start("read", page.file.src_uri)
    return page


@event_priority(-1000)
def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """Conversion starts after the last on_page_markdown handler."""
    phases.start("convert", page.file.src_uri)
    return markdown


@event_priority(-1000)
def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    """The on_page_content handlers end here."""
    phases.stop("page_content", page.file.src_uri)
    return html


@event_priority(-1000)
def on_page_context(context: Any, page: Any, **kwargs: Any) -> Any:
    """The on_page_context handlers end here; the template comes next."""
    phases.stop("page_context", page.file.src_uri)
    phases.start("template", page.file.src_uri)
    return context

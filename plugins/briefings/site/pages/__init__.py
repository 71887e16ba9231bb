"""Generated pages: home, archive, glossary, sources, the sourcing report, unreviewed entities.

Every function returns Markdown (or fills placeholders in HTML) from plain data. Text that
comes from seeds or YAML is escaped with :func:`briefings.common.text.escape_markdown`; the
glossary descriptions, which editors write in Markdown, go through
:func:`~briefings.site.pages.common.safe_markdown`.
"""

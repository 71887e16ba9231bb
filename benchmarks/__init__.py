"""Build benchmarks for mkdocs-briefings (issue 9): corpus generator and timing script.

Not part of ``make test``: run ``make bench`` (see ``benchmarks/README.md``).
"""

"""mkdocs-briefings: plain-text news articles published as annotated briefings.

Rooms, top to bottom (each imports only from the rooms below it; ``make test`` checks this
with import-linter, see ``.importlinter``):

- :mod:`briefings.plugin`, :mod:`briefings.config`, :mod:`briefings.suggest`: adapters
  (MkDocs hooks and the typed config; the ``make suggest`` command line);
- :mod:`briefings.site`: the build: stages, generated pages, the renderer;
- :mod:`briefings.entities` and :mod:`briefings.sourcing`: analysis, independent of each other;
- :mod:`briefings.content`: reading what editors write;
- :mod:`briefings.common`: helpers every room uses (escaping, URLs, errors, cache, names).
"""

"""Helpers every room uses: escaping, URLs, errors, the on-disk cache, name normalisation."""

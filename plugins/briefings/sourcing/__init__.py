"""Sourcing: attributions, dates, the sources registry and the footnote plan."""

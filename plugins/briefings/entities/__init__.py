"""Entities: the glossary, the mention matcher, discovery of unreviewed entities."""

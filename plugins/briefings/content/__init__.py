"""Reading what editors write: text and Markdown seeds, located YAML, sentence boundaries."""

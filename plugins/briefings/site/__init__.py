"""The build: publisher stages, the renderer, generated pages and the helper process."""

"""Fixtures of the entity tests: the gazetteers, loaded once, and a discoverer using them."""

from __future__ import annotations

import pytest
from briefings.entities.discovery import EntityDiscoverer, Gazetteers, load_gazetteers


@pytest.fixture(scope="module")
def gazetteers() -> Gazetteers:
    return load_gazetteers()


@pytest.fixture(scope="module")
def discoverer(gazetteers: Gazetteers) -> EntityDiscoverer:
    return EntityDiscoverer(gazetteers=gazetteers)

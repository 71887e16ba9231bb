"""Shared fixtures: a factory for small complete sites built strictly with the real MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitetools import ROOT, BuiltSite, SiteFactory, build_site, run_build


@pytest.fixture
def site_factory(tmp_path: Path) -> SiteFactory:
    """Return a function that builds a small site in a fresh folder under ``tmp_path``."""
    counter = iter(range(1000))

    def make(**kwargs: object) -> BuiltSite:
        return build_site(tmp_path / f"site{next(counter)}", **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's own site (real seeds, glossary, sources), built strictly once."""
    return run_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("repo-site"))

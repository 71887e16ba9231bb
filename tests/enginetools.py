"""What the engine comparisons (tests/engines) share: the repository's content each build
copies, the readers' build environment, and the engines' own virtual environments."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sitetools import ROOT

# What a build reads: each engine builds its own copy, so none reads another's plugin cache.
CONTENT = ("mkdocs.yml", "docs", "seeds", "glossary", "sources.yml", "decisions.yml")
# A fixed build date: sitemap.xml carries it, and a build on each side of midnight would differ.
SOURCE_DATE_EPOCH = "1700000000"


def copy_content(root: Path) -> None:
    """Copy the repository's content under ``root`` (a new folder)."""
    root.mkdir(parents=True)
    for name in CONTENT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            shutil.copy2(source, root / name)


def readers_env() -> dict[str, str]:
    """Return the environment of a readers' build: the editors' switches (review marks,
    non-strict) off, no MkDocs 2.0 banner, a fixed build date."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BRIEFINGS_")}
    env |= {
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
    }
    return env


def venv_tool(venv: Path, name: str, make_target: str, engine: str) -> Path:
    """Return ``name`` in ``venv``'s bin/; fail the test, naming ``make_target``, when the
    environment is missing."""
    path = venv / "bin" / name
    if not path.is_file():
        pytest.fail(
            f"{path.relative_to(ROOT)} is missing: run `{make_target}` (`make test` runs it) "
            f"to create the {engine} environment",
            pytrace=False,
        )
    return path

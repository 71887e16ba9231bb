"""The repository's site built with MkDocs 1.x and with ProperDocs: the same files.

ProperDocs, a fork of MkDocs 1.x that keeps its plugin API, runs this plugin unchanged: it
loads plugins from the ``mkdocs.plugins`` entry-point group as well as its own, and its command
line serves every ``mkdocs.*`` import from ``properdocs.*``. It lives in its own virtual
environment (``make properdocs-deps``), which has no MkDocs, so a build there cannot fall back
on MkDocs. Each engine builds its own copy of the repository's content (neither reads the
other's cache) through its own command line, strictly. Only Material's generator meta tag may
differ: it names the engine.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from enginetools import copy_content, readers_env, venv_tool
from sitetools import ROOT

pytestmark = pytest.mark.slow

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
PROPERDOCS_LOCK = ROOT / "requirements-properdocs.lock"
MAKE_TARGET = "make properdocs-deps"
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


@dataclass
class Build:
    """One engine's build: where the site went, the exit status, the log, how long it took."""

    site: Path
    returncode: int
    log: str
    seconds: float

    def files(self) -> dict[str, bytes]:
        """Return every file of the built site, by path relative to the site folder."""
        return {
            path.relative_to(self.site).as_posix(): path.read_bytes()
            for path in sorted(self.site.rglob("*"))
            if path.is_file()
        }


def properdocs_venv_file(name: str) -> Path:
    """Return ``name`` in the ProperDocs environment's bin/; fail the test when it is missing."""
    return venv_tool(PROPERDOCS_VENV, name, MAKE_TARGET, "ProperDocs")


def mkdocs_command() -> list[str]:
    """Return MkDocs' command line, from the environment running the tests (.venv)."""
    return [str(Path(sys.executable).with_name("mkdocs"))]


def properdocs_command() -> list[str]:
    """Return ProperDocs' command line, from its own environment."""
    return [str(properdocs_venv_file("properdocs"))]


def build(command: list[str], root: Path, extra: Mapping[str, str] | None = None) -> Build:
    """Copy the repository's content (plus ``extra`` files) under ``root`` and build it."""
    copy_content(root)
    for name, text in (extra or {}).items():
        (root / name).write_text(text, "utf-8")
    # The editors' switches (review marks, non-strict) stay off: this is the readers' build.
    env = readers_env()
    site = root / "site"
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "build", "--strict", "-f", str(root / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    return Build(site, done.returncode, done.stdout + done.stderr, seconds)


def without_generator(path: str, html: bytes) -> tuple[str, str]:
    """Return the page without its one generator meta tag, and the tag's content."""
    text = html.decode("utf-8")
    tags = GENERATOR.findall(text)
    assert len(tags) == 1, f"{path}: {len(tags)} generator meta tags"
    return GENERATOR.sub("", text), tags[0]


def difference(path: str, expected: str, actual: str) -> str:
    """The first lines of a unified diff between two versions of one file."""
    lines = difflib.unified_diff(
        expected.splitlines(),
        actual.splitlines(),
        f"mkdocs/{path}",
        f"properdocs/{path}",
        n=1,
        lineterm="",
    )
    return "\n".join(list(lines)[:40])


def problem_lines(log: str) -> list[str]:
    """Return the ERROR and WARNING lines of a build log."""
    return [line for line in log.splitlines() if line.startswith(("ERROR", "WARNING"))]


def pins(lock: Path) -> dict[str, str]:
    """Return the versions pinned by a lock file, by normalised package name."""
    found = {}
    for line in lock.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            found[normalised(name)] = version
    return found


def normalised(name: str) -> str:
    """Return a package name the way package indexes compare them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def test_properdocs_lock_pins_what_the_plugin_needs() -> None:
    """Every dependency but MkDocs is pinned, at requirements.lock's version if it has one."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    needed = {
        normalised(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in project["dependencies"]
    }
    properdocs, main = pins(PROPERDOCS_LOCK), pins(ROOT / "requirements.lock")
    missing = sorted(needed - {"mkdocs"} - set(properdocs))
    assert not missing, f"add {missing} to {PROPERDOCS_LOCK.name}, at requirements.lock's versions"
    assert "mkdocs" not in properdocs
    different = {
        name: (main[name], version)
        for name, version in properdocs.items()
        if name in main and main[name] != version
    }
    assert not different, f"versions differ (requirements.lock, {PROPERDOCS_LOCK.name})"


def test_properdocs_environment_has_no_mkdocs() -> None:
    """ProperDocs finds the plugin through its mkdocs.plugins entry point, with no MkDocs."""
    python = properdocs_venv_file("python")
    probe = (
        "import importlib.util, json, properdocs\n"
        "from properdocs.plugins import get_plugins\n"
        "print(json.dumps({'mkdocs': importlib.util.find_spec('mkdocs') is not None,\n"
        "  'properdocs': properdocs.__version__, 'briefings': get_plugins()['briefings'].value,\n"
        "  'group': get_plugins()['briefings'].group}))\n"
    )
    done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    assert found["mkdocs"] is False, "MkDocs is installed in the ProperDocs environment"
    assert found["briefings"] == "briefings.plugin:BriefingsPlugin"
    assert found["group"] == "mkdocs.plugins"


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    """Every file both engines write is the same, each page but for its generator meta tag."""
    properdocs = properdocs_command()
    by_mkdocs = build(mkdocs_command(), tmp_path / "mkdocs")
    by_properdocs = build(properdocs, tmp_path / "properdocs")
    print(f"build time: MkDocs {by_mkdocs.seconds:.2f} s, ProperDocs {by_properdocs.seconds:.2f} s")
    assert by_mkdocs.returncode == 0, by_mkdocs.log
    assert by_properdocs.returncode == 0, by_properdocs.log

    expected, actual = by_mkdocs.files(), by_properdocs.files()
    assert sorted(actual) == sorted(expected), "the engines wrote different files"
    differences: list[str] = []
    generators: set[tuple[str, str]] = set()
    for path, content in expected.items():
        if path.endswith(".html"):
            expected_page, expected_tag = without_generator(path, content)
            actual_page, actual_tag = without_generator(path, actual[path])
            generators.add((expected_tag, actual_tag))
            if actual_page != expected_page:
                differences.append(difference(path, expected_page, actual_page))
        elif actual[path] != content:
            differences.append(f"{path}: the files differ")
    if differences:
        pytest.fail("the engines' pages differ:\n" + "\n\n".join(differences))
    # The comparison is between two engines, and the plugin's pages are part of it.
    ((mkdocs_generator, properdocs_generator),) = generators
    assert mkdocs_generator.startswith("mkdocs-1.")
    assert "ProperDocs" in properdocs_generator
    briefings = [p for p in expected if re.fullmatch(r"briefings/[^/]+/index\.html", p)]
    assert briefings
    for path in briefings:
        page = BeautifulSoup(expected[path], "html.parser")
        assert page.select("[data-entity]"), path
        assert page.select("a.footnote-ref[data-source]"), path
    assert {"glossary/index.html", "sources/index.html", "discovered/index.html"} <= set(expected)


def test_properdocs_strict_build_fails_like_mkdocs(tmp_path: Path) -> None:
    """A content problem fails the strict ProperDocs build too, with the plugin's message."""
    properdocs = properdocs_command()
    bad = {"seeds/bad.txt": ""}
    by_mkdocs = build(mkdocs_command(), tmp_path / "mkdocs", bad)
    by_properdocs = build(properdocs, tmp_path / "properdocs", bad)
    for engine in (by_mkdocs, by_properdocs):
        assert engine.returncode != 0, engine.log
        assert "Aborted with 1 errors in strict mode!" in engine.log, engine.log
    problems = problem_lines(by_mkdocs.log)
    assert any("seeds/bad.txt: is empty" in line for line in problems), by_mkdocs.log
    assert problem_lines(by_properdocs.log) == problems

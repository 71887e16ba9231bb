"""Compiled modules are used only when built, for this Python, from the sources as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefings.common.native import MANIFEST, SWITCH, activate, manifest_for

PACKAGE = "pkg.rules"


def _project(tmp_path: Path) -> tuple[Path, Path]:
    """Return (source folder with two modules, native root built from them)."""
    source = tmp_path / "src" / "pkg" / "rules"
    source.mkdir(parents=True)
    (source / "fast.py").write_text("X = 1\n", "utf-8")
    (source / "slow.py").write_text("Y = 2\n", "utf-8")
    root = tmp_path / "native"
    root.joinpath("pkg", "rules").mkdir(parents=True)
    manifest = manifest_for(PACKAGE, source, ["fast", "slow"])
    (root / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    return source, root


@pytest.fixture(autouse=True)
def _switch_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SWITCH, raising=False)


def test_compiled_modules_of_unchanged_sources_come_first(tmp_path: Path) -> None:
    source, root = _project(tmp_path)
    path = [str(source)]
    assert activate(PACKAGE, path, root) == "compiled"
    assert path == [str(root / "pkg" / "rules"), str(source)]


def test_an_edited_source_runs_as_it_is(tmp_path: Path) -> None:
    source, root = _project(tmp_path)
    (source / "slow.py").write_text("Y = 3\n", "utf-8")
    path = [str(source)]
    assert activate(PACKAGE, path, root) == (
        "source (sources changed since they were compiled: run make)"
    )
    assert path == [str(source)]


def test_a_deleted_source_runs_the_sources(tmp_path: Path) -> None:
    source, root = _project(tmp_path)
    (source / "fast.py").unlink()
    path = [str(source)]
    assert activate(PACKAGE, path, root).startswith("source (")
    assert path == [str(source)]


def test_nothing_built_runs_the_sources(tmp_path: Path) -> None:
    source, _root = _project(tmp_path)
    path = [str(source)]
    assert activate(PACKAGE, path, tmp_path / "nowhere") == "source (not compiled: run make)"
    assert path == [str(source)]


@pytest.mark.parametrize("garbage", ["", "{", "[]", '{"modules": 3}', '{"package": 1}'])
def test_a_garbled_manifest_runs_the_sources(tmp_path: Path, garbage: str) -> None:
    source, root = _project(tmp_path)
    (root / MANIFEST).write_text(garbage, "utf-8")
    path = [str(source)]
    assert activate(PACKAGE, path, root).startswith("source (")
    assert path == [str(source)]


def test_modules_built_for_another_python_are_not_used(tmp_path: Path) -> None:
    source, root = _project(tmp_path)
    manifest = json.loads((root / MANIFEST).read_text("utf-8"))
    manifest["ext_suffix"] = ".cpython-39-x86_64-linux-gnu.so"
    (root / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    path = [str(source)]
    assert activate(PACKAGE, path, root).startswith("source (")
    assert path == [str(source)]


@pytest.mark.parametrize("value", ["0", "off", "False", " no "])
def test_the_switch_turns_them_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    source, root = _project(tmp_path)
    monkeypatch.setenv(SWITCH, value)
    path = [str(source)]
    assert activate(PACKAGE, path, root) == f"source ({SWITCH}=0)"
    assert path == [str(source)]

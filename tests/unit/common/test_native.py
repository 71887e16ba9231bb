"""Compiled modules are used only when built, for this Python, from the code as it is."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from briefings.common.cache import forget_code
from briefings.common.native import (
    MANIFEST,
    SWITCH,
    activate,
    compiled_files,
    fall_back,
    manifest_for,
)

PACKAGE = "pkg.rules"
OPTIONS = {"opt_level": "3"}


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(SWITCH, raising=False)
    forget_code()  # the tests edit code between two calls
    yield
    forget_code()


def _project(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Return (the code, the package's source folder, a native root built from them)."""
    code = tmp_path / "src" / "pkg"
    source = code / "rules"
    source.mkdir(parents=True)
    (code / "helpers.py").write_text("Z = 0\n", "utf-8")
    (source / "fast.py").write_text("X = 1\n", "utf-8")
    (source / "slow.py").write_text("Y = 2\n", "utf-8")
    root = tmp_path / "native"
    manifest = manifest_for(PACKAGE, ["fast", "slow"], OPTIONS, code)
    for file in compiled_files(root, manifest):
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"")
    (root / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    forget_code()
    return code, source, root


def test_compiled_modules_of_unchanged_code_come_first(tmp_path: Path) -> None:
    code, source, root = _project(tmp_path)
    path = [str(source)]
    assert activate(PACKAGE, path, root, code) == "compiled"
    assert path == [str(root / "pkg" / "rules"), str(source)]


@pytest.mark.parametrize("edited", ["rules/slow.py", "helpers.py", "rules/new.py"])
def test_code_edited_anywhere_runs_the_sources(tmp_path: Path, edited: str) -> None:
    # A module the compiled ones import may hold what mypyc built into them (a named
    # tuple's fields, a constant): any edit of the package's code makes the build stale.
    code, source, root = _project(tmp_path)
    (code / edited).write_text("Y = 3\n", "utf-8")
    path = [str(source)]
    assert activate(PACKAGE, path, root, code) == (
        "source (compiled from other code, or for another Python or mypy: run make)"
    )
    assert path == [str(source)]


@pytest.mark.parametrize("missing", ["fast", "native__mypyc"])
def test_a_build_missing_a_file_runs_the_sources(tmp_path: Path, missing: str) -> None:
    code, source, root = _project(tmp_path)
    next(root.rglob(f"{missing}.*")).unlink()
    path = [str(source)]
    assert activate(PACKAGE, path, root, code) == "source (compiled files missing: run make)"
    assert path == [str(source)]


def test_nothing_built_runs_the_sources(tmp_path: Path) -> None:
    code, source, _root = _project(tmp_path)
    path = [str(source)]
    assert activate(PACKAGE, path, tmp_path / "nowhere", code) == (
        "source (not compiled: run make)"
    )
    assert path == [str(source)]


@pytest.mark.parametrize(
    "garbage", ["", "{", "[]", '{"modules": 3}', '{"package": 1, "modules": [], "options": 2}']
)
def test_a_garbled_manifest_runs_the_sources(tmp_path: Path, garbage: str) -> None:
    code, source, root = _project(tmp_path)
    (root / MANIFEST).write_text(garbage, "utf-8")
    path = [str(source)]
    assert activate(PACKAGE, path, root, code).startswith("source (")
    assert path == [str(source)]


def test_a_build_for_another_python_is_not_used(tmp_path: Path) -> None:
    code, source, root = _project(tmp_path)
    manifest = json.loads((root / MANIFEST).read_text("utf-8"))
    manifest["ext_suffix"] = ".cpython-39-x86_64-linux-gnu.so"
    (root / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    path = [str(source)]
    assert activate(PACKAGE, path, root, code) == (
        "source (compiled from other code, or for another Python or mypy: run make)"
    )
    assert path == [str(source)]


def test_an_editors_lock_file_is_no_code(tmp_path: Path) -> None:
    # Emacs' ".#x.py" is a symbolic link to nowhere while a file is being edited.
    code, source, root = _project(tmp_path)
    (source / ".#fast.py").symlink_to(tmp_path / "nowhere" / "fast.py")
    (source / ".fast.py.swp").write_text("swap", "utf-8")
    path = [str(source)]
    assert activate(PACKAGE, path, root, code) == "compiled"


@pytest.mark.parametrize("value", ["0", "off", "False", " no "])
def test_the_switch_turns_them_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    code, source, root = _project(tmp_path)
    monkeypatch.setenv(SWITCH, value)
    path = [str(source)]
    assert activate(PACKAGE, path, root, code) == f"source ({SWITCH}=0)"
    assert path == [str(source)]


def test_falling_back_forgets_the_compiled_folder_and_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, source, root = _project(tmp_path)
    path = [str(source)]
    assert activate(PACKAGE, path, root, code) == "compiled"
    package = types.ModuleType(PACKAGE)
    monkeypatch.setitem(sys.modules, PACKAGE, package)
    for name in ("pkg.rules.fast", "pkg.rules.native__mypyc", "pkg.other"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
        setattr(package, name.rpartition(".")[2], sys.modules[name])
    runs = fall_back(PACKAGE, path, ImportError("bad ELF header"))
    assert runs == "source (compiled modules failed to load, bad ELF header: run make)"
    assert path == [str(source)]
    for name in ("fast", "native__mypyc"):  # imported again, from the sources
        assert f"pkg.rules.{name}" not in sys.modules
        assert not hasattr(package, name)
    assert "pkg.other" in sys.modules and hasattr(package, "other")

"""mk/native.py, which make runs: nothing to do when up to date, and a failed compile is
reported, remembered for the code it failed on, and never fails make."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from briefings.common.cache import forget_code
from briefings.common.native import MANIFEST, SWITCH, compiled_files

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def native() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mk_native", ROOT / "mk" / "native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mk_native"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(SWITCH, raising=False)
    forget_code()
    yield
    forget_code()


def _built(native: ModuleType, root: Path, **changes: object) -> dict[str, object]:
    """Lay out a build of the current code under ``root`` (empty files), with ``changes``
    to its manifest."""
    manifest = {**native.manifest_for(native.PACKAGE, native.MODULES, native.OPTIONS), **changes}
    for file in compiled_files(root, manifest):
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"")
    (root / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    return manifest


def test_an_up_to_date_build_is_left_alone(
    native: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "briefings-native"
    manifest = _built(native, root)
    assert native.main(root) == 0
    assert "are up to date" in capsys.readouterr().out
    assert json.loads((root / MANIFEST).read_text("utf-8")) == manifest


@pytest.mark.parametrize(
    "changes", [{"options": {"opt_level": "0"}}, {"code": "0" * 64}, {"modules": ["spans"]}]
)
def test_a_build_of_other_code_or_options_is_redone_and_a_failure_remembered(
    native: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, object],
) -> None:
    root = tmp_path / "briefings-native"
    _built(native, root, **changes)
    monkeypatch.setenv("CC", str(tmp_path / "no-such-compiler"))
    assert native.main(root) == 0  # a failed compile never fails make
    err = capsys.readouterr().err
    assert "no C compiler" in err and "runs uncompiled" in err
    failed = json.loads((root / native.FAILED).read_text("utf-8"))
    assert failed.pop("why") == "no C compiler (Debian: apt-get install gcc)"
    assert failed == native.manifest_for(native.PACKAGE, native.MODULES, native.OPTIONS)
    # The same code again: not tried again (make would otherwise retry on every run).
    monkeypatch.delenv("CC")
    assert native.main(root) == 0
    assert "compiling failed before for this code" in capsys.readouterr().out


def test_the_switch_skips_the_build(
    native: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(SWITCH, "0")
    root = tmp_path / "briefings-native"
    assert native.main(root) == 0
    assert f"{SWITCH}=0" in capsys.readouterr().out
    assert not root.exists()

"""Compile entity discovery's modules with mypyc: ``make`` runs this when the plugin changes.

Writes the extension modules and their manifest (see ``plugins/briefings/common/native.py``,
which uses them only while the manifest matches the code) into ``<venv>/briefings-native``.
This build only makes discovery faster (issue 15: 5 ms per 700-word article): when it
cannot compile (no C compiler, no Python headers, a mypyc error), it says so, remembers
the failure for this code (``failed.json``, so ``make`` does not try again until the code
changes) and exits 0: the sources run. ``BRIEFINGS_NATIVE=0`` skips it.

Usage: ``python mk/native.py`` (from the project's virtualenv).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / "plugins"
sys.path.insert(0, str(PLUGINS))

from briefings.common.cache import forget_code  # noqa: E402
from briefings.common.native import (  # noqa: E402
    MANIFEST,
    SHARED_LIBRARY,
    SWITCH,
    compiled_files,
    manifest_for,
    native_root,
    switched_off,
)

PACKAGE = "briefings.entities.discovery"
# Every module of the package with rules that run per word or per name; not the loaders of
# data packages (places), which run once per build and import libraries mypyc cannot type.
MODULES = [
    "aliases",
    "discoverer",
    "evidence",
    "gazetteers",
    "merging",
    "segment",
    "spans",
    "word_lists",
]
OPTIONS = {"opt_level": "3", "group": f"{PACKAGE}.{SHARED_LIBRARY.removesuffix('__mypyc')}"}
FAILED = "failed.json"
LOCK = ".briefings-native.lock"


def _compiler_problem() -> str | None:
    """Return what is missing to compile C extensions for this Python, or None."""
    command = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()
    if shutil.which(command[0] if command else "cc") is None:
        return "no C compiler (Debian: apt-get install gcc)"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers for this Python (Debian: apt-get install python3-dev)"
    return None


def _compile(staging: Path, work: Path) -> subprocess.CompletedProcess[str]:
    """Run mypyc and setuptools' build_ext in a child process, output into ``staging``."""
    paths = [f"{PACKAGE.replace('.', '/')}/{module}.py" for module in MODULES]
    script = (
        "from setuptools import setup\n"
        "from mypyc.build import mypycify\n"
        f"setup(name='briefings-native', ext_modules=mypycify({paths!r},"
        f" opt_level={OPTIONS['opt_level']!r}, group_name={OPTIONS['group']!r},"
        f" target_dir={str(work / 'c')!r}),"
        f" script_args=['build_ext', '--build-lib', {str(staging)!r},"
        f" '--build-temp', {str(work / 'o')!r}])\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PLUGINS,
        env={**os.environ, "MYPY_CACHE_DIR": str(work / "mypy_cache")},
        capture_output=True,
        text=True,
        check=False,
    )


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _failed(root: Path, manifest: dict[str, Any], why: str) -> int:
    """Say that the sources will run, and remember the failure for this code."""
    print(f"mk/native.py: {why}", file=sys.stderr)
    print(
        "mk/native.py: entity discovery runs uncompiled (same results, about 1.5x slower);"
        f" make tries again when the plugin's code changes, or after: rm {root / FAILED}",
        file=sys.stderr,
    )
    root.mkdir(parents=True, exist_ok=True)
    (root / FAILED).write_text(json.dumps({**manifest, "why": why}) + "\n", encoding="utf-8")
    return 0


def build(root: Path) -> int:
    """Bring the compiled modules under ``root`` up to date with the code; return 0."""
    manifest = manifest_for(PACKAGE, MODULES, OPTIONS)
    current = _read(root / MANIFEST)
    if current == manifest and all(f.is_file() for f in compiled_files(root, manifest)):
        (root / MANIFEST).touch()  # files touched, not changed (git checkout): nothing to do
        print(f"compiled modules in {root} are up to date")
        return 0
    failed = _read(root / FAILED)
    if isinstance(failed, dict) and failed.pop("why", None) is not None and failed == manifest:
        print(f"mk/native.py: compiling failed before for this code; see {root / FAILED}")
        return 0
    problem = _compiler_problem()
    if problem is not None:
        return _failed(root, manifest, problem)
    with tempfile.TemporaryDirectory(dir=root.parent, prefix=".briefings-native-") as tmp:
        staging, work = Path(tmp) / "out", Path(tmp) / "work"
        print(f"compiling {len(MODULES)} modules of {PACKAGE} with mypyc (about 30 s)")
        result = _compile(staging, work)
        if result.returncode != 0:
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
            return _failed(root, manifest, "mypyc could not compile the modules (output above)")
        forget_code()
        if manifest_for(PACKAGE, MODULES, OPTIONS) != manifest:
            # Edited while compiling: what was compiled may be neither version.
            print("mk/native.py: the code changed while compiling; run make again")
            return 0
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        # Replace the previous build whole: a build never mixes modules of two compilations.
        # Processes that loaded the old files keep them (unlinked files stay mapped).
        if root.exists():
            root.rename(Path(tmp) / "old")
        staging.rename(root)
    print(f"compiled modules in {root}")
    return 0


def main(root: Path | None = None) -> int:
    if switched_off():
        print(f"mk/native.py: {SWITCH}=0, entity discovery runs uncompiled")
        return 0
    root = root if root is not None else native_root()
    root.parent.mkdir(parents=True, exist_ok=True)
    # One build at a time (make -j, two checkouts sharing a virtualenv).
    with open(root.parent / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return build(root)


if __name__ == "__main__":
    sys.exit(main())

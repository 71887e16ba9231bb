"""Compile entity discovery's modules with mypyc: ``make`` runs this when a source changes.

Writes the extension modules and a manifest of their sources' digests into
``<venv>/briefings-native`` (see ``plugins/briefings/common/native.py``, which uses them only
while the sources are unchanged). The sources stay the package: this build only makes
discovery faster (issue 15: 5 ms per 700-word article). Set ``BRIEFINGS_NATIVE=0`` to skip it.

Usage: ``python mk/native.py`` (from the project's virtualenv).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / "plugins"
sys.path.insert(0, str(PLUGINS))

from briefings.common.native import MANIFEST, SWITCH, manifest_for, native_root  # noqa: E402

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
# The helper module every compiled module links to, inside the package.
GROUP = f"{PACKAGE}.native"


def _fail(message: str) -> int:
    print(f"mk/native.py: {message}", file=sys.stderr)
    print(
        f"  Discovery can run uncompiled: set {SWITCH}=0 to skip this step (slower builds).",
        file=sys.stderr,
    )
    return 1


def _compile(staging: Path, work: Path) -> subprocess.CompletedProcess[str]:
    """Run mypyc and setuptools' build_ext in a child process, output into ``staging``."""
    paths = [f"{PACKAGE.replace('.', '/')}/{module}.py" for module in MODULES]
    script = (
        "import sys\n"
        "from setuptools import setup\n"
        "from mypyc.build import mypycify\n"
        f"setup(name='briefings-native', ext_modules=mypycify({paths!r}, opt_level='3',"
        f" group_name={GROUP!r}, target_dir={str(work / 'c')!r}),"
        f" script_args=['build_ext', '--build-lib', {str(staging)!r},"
        f" '--build-temp', {str(work / 'o')!r}])\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PLUGINS,
        capture_output=True,
        text=True,
        check=False,
    )


def main() -> int:
    if os.environ.get(SWITCH, "").strip().lower() in ("0", "false", "no", "off"):
        print(f"mk/native.py: {SWITCH}=0, discovery runs uncompiled")
        return 0
    if shutil.which(sysconfig.get_config_var("CC").split()[0] or "cc") is None:
        return _fail("no C compiler (Debian: apt-get install gcc)")
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return _fail("no Python headers for this Python (Debian: apt-get install python3-dev)")
    root = native_root()
    source_dir = PLUGINS.joinpath(*PACKAGE.split("."))
    manifest = manifest_for(PACKAGE, source_dir, MODULES)
    try:
        current = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = None
    if current == manifest:
        (root / MANIFEST).touch()  # a file touched, not changed (git checkout): nothing to do
        print(f"compiled modules in {root} are up to date")
        return 0
    root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root.parent, prefix=".briefings-native-") as tmp:
        staging, work = Path(tmp) / "out", Path(tmp) / "work"
        print(f"compiling {len(MODULES)} modules of {PACKAGE} with mypyc (about 30 s)")
        result = _compile(staging, work)
        if result.returncode != 0:
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
            return _fail("mypyc could not compile the modules (output above)")
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        # Replace the previous build whole: a build never mixes modules of two compilations.
        old = Path(tmp) / "old"
        if root.exists():
            root.rename(old)
        staging.rename(root)
    print(f"compiled modules in {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

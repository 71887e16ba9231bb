"""Compiled copies of hot modules, used only when built from exactly the code here.

Entity discovery runs pure Python rules over every word of every article. ``make`` also
compiles its modules with mypyc (``mk/native.py``) into ``<venv>/briefings-native``, with a
manifest naming the modules, the Python they were built for and a fingerprint of every
source file of the ``briefings`` package and of mypy's version: mypyc builds into a module
what it knows of the modules it imports (a named tuple's field order, a constant), so an
edit anywhere in the package may change what the compiled code should be. :func:`activate`,
called by a package's ``__init__`` before it imports its modules, puts that folder ahead of
the sources on the package's search path when the manifest matches and every compiled file
is there; otherwise (not built, built for another Python or mypy, any source edited since,
or ``BRIEFINGS_NATIVE=0``) the sources run as they are. Both give the same results.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
from collections.abc import MutableSequence
from pathlib import Path
from typing import Any

from briefings.common.cache import PACKAGE_DIR, code_fingerprint

__all__ = [
    "MANIFEST",
    "NATIVE_DIR",
    "SHARED_LIBRARY",
    "SWITCH",
    "activate",
    "compiled_files",
    "fall_back",
    "manifest_for",
    "native_root",
    "switched_off",
]

NATIVE_DIR = "briefings-native"
MANIFEST = "manifest.json"
# The module every compiled module of a package links to, inside that package.
SHARED_LIBRARY = "native__mypyc"
# BRIEFINGS_NATIVE=0 (or false/no/off) runs the sources even when compiled modules are built.
SWITCH = "BRIEFINGS_NATIVE"
_OFF = frozenset({"0", "false", "no", "off"})
# The folder activate put on each package's search path (for fall_back to take it off).
_ACTIVATED: dict[str, str] = {}
# Whose versions change what mypyc makes of the same sources: the compiler, and the type
# information of the libraries the compiled modules import (untyped ones are Any).
_COMPILER = ("mypy", "nameparser", "types-PyYAML")


def switched_off() -> bool:
    """Return True if ``BRIEFINGS_NATIVE`` asks for the sources."""
    return os.environ.get(SWITCH, "").strip().lower() in _OFF


def native_root() -> Path:
    """Return the folder compiled modules are built into: ``briefings-native`` in the
    environment (virtualenv) this Python runs in."""
    return Path(sys.prefix) / NATIVE_DIR


def manifest_for(
    package: str,
    modules: list[str],
    options: dict[str, str],
    code_dir: Path = PACKAGE_DIR,
) -> dict[str, Any]:
    """Return the manifest of ``modules`` of ``package`` compiled with ``options`` from the
    code under ``code_dir`` as it is now, for this Python."""
    return {
        "package": package,
        "modules": sorted(modules),
        "options": options,
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "code": code_fingerprint(code_dir, _COMPILER),
    }


def compiled_files(root: Path, manifest: dict[str, Any]) -> list[Path]:
    """Return the files a build described by ``manifest`` must hold under ``root``."""
    folder = root.joinpath(*manifest["package"].split("."))
    suffix = manifest["ext_suffix"]
    return [folder / f"{name}{suffix}" for name in [*manifest["modules"], SHARED_LIBRARY]]


def activate(
    package: str,
    search_path: MutableSequence[str],
    root: Path | None = None,
    code_dir: Path = PACKAGE_DIR,
) -> str:
    """Use the compiled modules of ``package`` if they match the code; say which will run.

    ``search_path`` is the package's ``__path__``; ``root`` is where the compiled modules
    are (:func:`native_root` unless given); ``code_dir`` is the code the manifest's
    fingerprint covers. Returns "compiled" when the compiled modules will be imported, else
    "source (<why>)". Never raises: anything amiss only means the sources run.
    """
    if switched_off():
        return f"source ({SWITCH}=0)"
    root = root if root is not None else native_root()
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        expected = manifest_for(package, list(manifest["modules"]), manifest["options"], code_dir)
        files = compiled_files(root, manifest)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "source (not compiled: run make)"
    if manifest != expected:
        return "source (compiled from other code, or for another Python or mypy: run make)"
    if not all(file.is_file() for file in files):
        return "source (compiled files missing: run make)"
    _ACTIVATED[package] = str(files[0].parent)
    search_path.insert(0, _ACTIVATED[package])
    return "compiled"


def fall_back(package: str, search_path: MutableSequence[str], error: ImportError) -> str:
    """Undo :func:`activate` after it returned "compiled" and its modules failed to import
    (a damaged build): take their folder off ``search_path`` and forget the package's
    modules imported so far, so that importing them again runs the sources. Returns what
    :func:`activate` returns."""
    folder = _ACTIVATED.pop(package, None)
    if folder is not None and folder in search_path:
        search_path.remove(folder)
    parent = sys.modules.get(package)
    for name in [name for name in sys.modules if name.startswith(f"{package}.")]:
        del sys.modules[name]
        if parent is not None and "." not in name[len(package) + 1 :]:
            parent.__dict__.pop(name[len(package) + 1 :], None)
    return f"source (compiled modules failed to load, {error}: run make)"

"""Compiled copies of hot modules, used only when built from exactly the sources here.

Entity discovery runs pure Python rules over every word of every article. ``make`` also
compiles its modules with mypyc (``mk/native.py``) into ``<venv>/briefings-native``, with a
manifest of the SHA-256 of each source it compiled. :func:`activate`, called by a package's
``__init__`` before it imports its modules, puts that folder ahead of the sources on the
package's search path when every compiled module's source is unchanged, so Python imports
the compiled modules; otherwise (not built, built for another Python, a source edited since,
or ``BRIEFINGS_NATIVE=0``) the sources run as they are. Both give the same results: the
compiled modules are the same code, checked by mypy's types at run time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from collections.abc import MutableSequence
from pathlib import Path
from typing import Any

__all__ = ["MANIFEST", "NATIVE_DIR", "SWITCH", "activate", "manifest_for", "native_root"]

NATIVE_DIR = "briefings-native"
MANIFEST = "manifest.json"
# BRIEFINGS_NATIVE=0 (or false/no/off) runs the sources even when compiled modules are built.
SWITCH = "BRIEFINGS_NATIVE"
_OFF = frozenset({"0", "false", "no", "off"})


def native_root() -> Path:
    """Return the folder compiled modules are built into: ``briefings-native`` in the
    environment (virtualenv) this Python runs in."""
    return Path(sys.prefix) / NATIVE_DIR


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_for(package: str, source_dir: Path, modules: list[str]) -> dict[str, Any]:
    """Return the manifest of ``modules`` of ``package`` compiled from ``source_dir`` for
    this Python: the extension suffix and each module's source digest."""
    return {
        "package": package,
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "modules": {module: _digest(source_dir / f"{module}.py") for module in modules},
    }


def activate(package: str, search_path: MutableSequence[str], root: Path | None = None) -> str:
    """Use the compiled modules of ``package`` if they match its sources; say which ran.

    ``search_path`` is the package's ``__path__`` (its first entry holds the sources);
    ``root`` is where the compiled modules are (:func:`native_root` unless given). Returns
    "compiled" when the compiled modules will be imported, else "source (<why>)".
    Never raises: a missing or unreadable manifest only means the sources run.
    """
    if os.environ.get(SWITCH, "").strip().lower() in _OFF:
        return f"source ({SWITCH}=0)"
    root = root if root is not None else native_root()
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "source (not compiled: run make)"
    source_dir = Path(search_path[0])
    try:
        built = manifest_for(package, source_dir, list(manifest["modules"]))
    except (OSError, KeyError, TypeError, AttributeError):
        return "source (compiled modules do not match the sources: run make)"
    if built != manifest:
        return "source (sources changed since they were compiled: run make)"
    compiled = root.joinpath(*package.split("."))
    if not compiled.is_dir():
        return "source (not compiled: run make)"
    search_path.insert(0, str(compiled))
    return "compiled"

"""The compiled discovery modules (``make`` builds them, mk/native.py) give exactly what the
sources give, on every evaluation article; ``make`` runs them; a damaged build runs the
sources instead."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from briefings.common.native import MANIFEST, SWITCH, manifest_for, native_root, switched_off
from briefings.entities.discovery import RUNS

ROOT = Path(__file__).resolve().parents[3]

# Where each module of the package was loaded from, then discovery with the shipped
# glossary known on every evaluation article: what it returns. argv: project root, and
# the folder to take compiled modules from ("" for the environment's).
_SCRIPT = """
import json, sys
from pathlib import Path
import briefings.common.native as native
if sys.argv[2]:
    native.native_root = lambda: Path(sys.argv[2])
from briefings.content.seeds import find_seed_files, read_seed
from briefings.entities import discovery
from briefings.entities.discovery import EntityDiscoverer
from briefings.entities.glossary_files import load_glossary
from briefings.site.loading import find_glossary_files
from briefings.site.rendering import discovery_texts

origins = {
    name.rpartition(".")[2]: module.__spec__.origin
    for name, module in sys.modules.items()
    if name.startswith("briefings.entities.discovery.")
}
root = Path(sys.argv[1])
glossary, _ = load_glossary(find_glossary_files(root / "glossary"), root=root)
discoverer = EntityDiscoverer([s for e in glossary for s in (e.name, *e.aliases)])
results = []
for folder in ("round2", "round3"):
    for path in find_seed_files(root / "tests" / "eval" / folder, root):
        if path.suffix != ".txt":
            continue
        candidates, mentions = discoverer.discover(discovery_texts(read_seed(path, root)))
        results.append([
            path.name,
            [[c.id, c.name, c.type, list(c.aliases), c.confidence, list(c.evidence)]
             for c in candidates],
            [[[m.start, m.end, m.entry_id] for m in paragraph] for paragraph in mentions],
        ])
print(json.dumps({"runs": discovery.RUNS, "origins": origins, "results": results}))
"""


def _discover(native: bool, compiled_from: Path | None = None) -> dict[str, object]:
    environment = {key: value for key, value in os.environ.items() if key != SWITCH}
    if not native:
        environment[SWITCH] = "0"
    completed = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(ROOT), str(compiled_from or "")],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, object] = json.loads(completed.stdout)
    return data


@pytest.fixture(scope="module")
def source() -> dict[str, object]:
    return _discover(native=False)


def _read(path: Path) -> object:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _skip_if_compiling_failed() -> None:
    """Skip where make could not compile this code (mk/native.py's failed.json): the
    sources run there, as the README says."""
    failed = _read(native_root() / "failed.json")
    if isinstance(failed, dict):
        why = failed.pop("why", "")
        try:
            current = manifest_for(failed["package"], failed["modules"], failed["options"])
        except (KeyError, TypeError):
            return
        if failed == current:
            pytest.skip(f"compiling failed on this machine: {why}")


def _compiled(native: dict[str, object]) -> list[str]:
    """Return the compiled modules' names, after skipping where none can be expected."""
    _skip_if_compiling_failed()
    if switched_off() and native["runs"] != "compiled":
        pytest.skip(f"{SWITCH}=0, and the compiled modules are not current")
    assert native["runs"] == "compiled"
    manifest = _read(native_root() / MANIFEST)
    assert isinstance(manifest, dict)
    modules: list[str] = manifest["modules"]
    return modules


def test_make_runs_the_compiled_modules() -> None:
    """``make`` compiles them before the tests; running the sources here means the compiled
    modules are missing or stale (run make), unless BRIEFINGS_NATIVE=0 asked for them or
    compiling failed on this machine."""
    if switched_off():
        assert f"source ({SWITCH}=0)" == RUNS
    else:
        _skip_if_compiling_failed()
        assert RUNS == "compiled"


def test_compiled_and_source_discovery_agree_on_every_evaluation_article(
    source: dict[str, object],
) -> None:
    native = _discover(native=True)
    modules = _compiled(native)
    assert len(modules) == 8
    assert source["runs"] == f"source ({SWITCH}=0)"
    folder = native_root().name
    for name in modules:  # really the compiled files, each of them
        assert str(source["origins"][name]).endswith(".py")  # type: ignore[index]
        origin = str(native["origins"][name])  # type: ignore[index]
        assert f"/{folder}/" in origin and origin.endswith(".so"), (name, origin)
    results, expected = native["results"], source["results"]
    assert isinstance(results, list) and isinstance(expected, list)
    assert len(expected) >= 80  # every article of round2 and round3
    assert sum(len(candidates) for _name, candidates, _mentions in expected) > 1000
    for got, want in zip(results, expected, strict=True):
        assert got == want, want[0]


@pytest.mark.parametrize(
    ("damage", "runs"),
    [
        ("discoverer", "source (compiled modules failed to load"),
        ("native__mypyc", "source (compiled modules failed to load"),
        ("", "source (compiled files missing: run make)"),
    ],
)
def test_a_damaged_build_runs_the_sources(
    tmp_path: Path, source: dict[str, object], damage: str, runs: str
) -> None:
    modules = _compiled(_discover(native=True))
    copy = tmp_path / "briefings-native"
    shutil.copytree(native_root(), copy)
    if damage:
        # Not a shared object (a half-written one can even crash the loader: mk/native.py
        # only ever renames whole builds into place).
        library = next(copy.rglob(f"{damage}.*.so"))
        library.write_bytes(b"not a shared object\n" * 100)
    else:
        next(copy.rglob("merging.*.so")).unlink()
    damaged = _discover(native=True, compiled_from=copy)
    assert str(damaged["runs"]).startswith(runs)
    for name in modules:
        assert str(damaged["origins"][name]).endswith(".py")  # type: ignore[index]
    assert damaged["results"] == source["results"]

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
from briefings.common.native import SWITCH, native_root, switched_off
from briefings.entities.discovery import RUNS

ROOT = Path(__file__).resolve().parents[3]
MODULES = ["aliases", "discoverer", "evidence", "gazetteers", "merging", "segment", "spans"]

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


def _compiled_built() -> None:
    if switched_off() and not (native_root() / "manifest.json").is_file():
        pytest.skip(f"{SWITCH}=0 and the compiled modules were not built")


def test_make_runs_the_compiled_modules() -> None:
    """``make`` compiles them before the tests; running the sources here means the compiled
    modules are missing or stale (run make), unless BRIEFINGS_NATIVE=0 asked for them."""
    assert (f"source ({SWITCH}=0)" if switched_off() else "compiled") == RUNS


def test_compiled_and_source_discovery_agree_on_every_evaluation_article(
    source: dict[str, object],
) -> None:
    _compiled_built()
    native = _discover(native=True)
    assert source["runs"] == f"source ({SWITCH}=0)"
    assert native["runs"] == "compiled"
    suffix = str(native_root().name)
    assert all(
        Path(str(source["origins"][name])).suffix == ".py"  # type: ignore[index]
        for name in MODULES
    )
    for name in MODULES:  # really the compiled files, each of them
        origin = str(native["origins"][name])  # type: ignore[index]
        assert f"/{suffix}/" in origin and origin.endswith(".so"), (name, origin)
    results, expected = native["results"], source["results"]
    assert isinstance(results, list) and isinstance(expected, list)
    assert len(expected) >= 80  # every article of round2 and round3
    assert sum(len(candidates) for _name, candidates, _mentions in expected) > 1000
    for got, want in zip(results, expected, strict=True):
        assert got == want, want[0]


@pytest.mark.parametrize(
    ("damage", "runs"),
    [
        ("garble", "source (compiled modules failed to load"),
        ("delete", "source (compiled files missing: run make)"),
    ],
)
def test_a_damaged_build_runs_the_sources(
    tmp_path: Path, source: dict[str, object], damage: str, runs: str
) -> None:
    _compiled_built()
    copy = tmp_path / "briefings-native"
    shutil.copytree(native_root(), copy)
    library = next(copy.rglob("discoverer.*.so"))
    if damage == "garble":
        # Not a shared object (a half-written one can even crash the loader: mk/native.py
        # only ever renames whole builds into place).
        library.write_bytes(b"not a shared object\n" * 100)
    else:
        library.unlink()
    damaged = _discover(native=True, compiled_from=copy)
    assert str(damaged["runs"]).startswith(runs)
    for name in MODULES:
        assert str(damaged["origins"][name]).endswith(".py")  # type: ignore[index]
    assert damaged["results"] == source["results"]

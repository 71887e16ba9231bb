"""The compiled discovery modules (``make`` builds them, mk/native.py) give exactly what the
sources give, on every evaluation article, and ``make`` runs them."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from briefings.common.native import SWITCH
from briefings.entities.discovery import RUNS

ROOT = Path(__file__).resolve().parents[3]

# Discovery with the shipped glossary known, on every evaluation article: what it returns.
_SCRIPT = """
import json, sys
from pathlib import Path
from briefings.content.seeds import find_seed_files, read_seed
from briefings.entities.discovery import RUNS, EntityDiscoverer
from briefings.entities.glossary_files import load_glossary
from briefings.site.loading import find_glossary_files
from briefings.site.rendering import discovery_texts

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
print(json.dumps({"runs": RUNS, "results": results}))
"""


def _discover(native: bool) -> tuple[str, list[object]]:
    environment = {key: value for key, value in os.environ.items() if key != SWITCH}
    if not native:
        environment[SWITCH] = "0"
    completed = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(ROOT)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(completed.stdout)
    return data["runs"], data["results"]


def _switched_off() -> bool:
    return os.environ.get(SWITCH, "").strip().lower() in ("0", "false", "no", "off")


def test_make_runs_the_compiled_modules() -> None:
    """``make`` compiles them before the tests; running the sources here means the compiled
    modules are missing or stale (run make), unless BRIEFINGS_NATIVE=0 asked for them."""
    assert (f"source ({SWITCH}=0)" if _switched_off() else "compiled") == RUNS


def test_compiled_and_source_discovery_agree_on_every_evaluation_article() -> None:
    source_runs, source = _discover(native=False)
    native_runs, native = _discover(native=True)
    assert source_runs == f"source ({SWITCH}=0)"
    if _switched_off() and native_runs != "compiled":
        pytest.skip(f"{SWITCH}=0: the compiled modules were not built ({native_runs})")
    assert native_runs == "compiled"
    assert len(source) >= 80  # every article of round2 and round3
    assert sum(len(candidates) for _name, candidates, _mentions in source) > 1000
    for expected, got in zip(source, native, strict=True):
        assert got == expected, expected[0]
    digest = hashlib.sha256(json.dumps(native).encode()).hexdigest()
    assert digest == hashlib.sha256(json.dumps(source).encode()).hexdigest()
